"""Per-repair safety pages: "Do we need help?", the argument log, and the playbook checklist."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from amends.services import safety as service
from amends.services.access import own
from amends.services.errors import InvalidInput
from amends.web.access import own_space, repair_or_404
from amends.web.regions import user_region
from amends.web.requests import AuthedRequest
from amends.web.safety_notice import flash_safety
from amends.web.safety_web.models import HelpSignsReport, PlaybookCheck

# Abuse, substance use and mental health are asked apart: each has its own lines (safety/triage.py).
SIGNS = [
    ("same_arguments", "We keep having the same arguments over and over."),
    ("trust_struggle", "I am struggling to trust again after what happened."),
    ("abuse", "Someone in our relationship is hurt, threatened, frightened or controlled by the other."),
    ("substance_use", "Drinking or drug use is causing trouble for one of us."),
    ("mental_health", "One of us is struggling with mental health: low mood, worry, panic, or thoughts of self-harm."),
    ("emotional_fallout", "One or both of us is having a really hard time with the emotional fallout."),
]


@own_space
@login_required
def need_help(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    if request.method == "POST":
        service.save_help_signs(access, {key: request.POST.get(key) == "on" for key, _ in SIGNS})
        return redirect("need_help", repair_id=access.repair.pk)
    report = own(access, HelpSignsReport).first()
    checked = {key for key, _ in SIGNS if report and getattr(report, key)}
    context = {
        "access": access,
        "signs": SIGNS,
        "checked": checked,
        "answered": report is not None,
        "recommendations": service.triage_for(access, user_region(request)),
    }
    return render(request, "safety/need_help.html", context)


@own_space
@login_required
def arguments(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    form = {k: request.POST.get(k, "") for k in ("occurred_on", "topic", "what_happened", "how_it_ended")}
    error = None
    if request.method == "POST":
        try:
            entry = service.log_argument(
                access,
                occurred_on=_parse_date(form["occurred_on"]),
                topic=form["topic"],
                what_happened=form["what_happened"],
                how_it_ended=form["how_it_ended"],
                today=timezone.localdate(),
            )
        except InvalidInput as exc:
            error = str(exc)
        else:
            messages.success(request, "Argument logged. Only you see your log.")
            flash_safety(request, entry)
            return redirect("arguments", repair_id=access.repair.pk)
    context = {
        "access": access,
        "form": form,
        "error": error,
        "entries": service.visible_arguments(access),
        "groups": service.recurring_groups(access),
        "today": timezone.localdate().isoformat(),
    }
    return render(request, "safety/arguments.html", context)


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidInput("Give the date as YYYY-MM-DD, for example 2026-11-28.", "occurred_on") from exc


@own_space
@login_required
def playbook(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    book = service.playbook_for(access)
    done = set(own(access, PlaybookCheck).values_list("item", flat=True))
    return render(
        request,
        "safety/playbook.html",
        {"access": access, "book": book, "mine": book.for_role(access.role), "done": done, "paused": access.paused},
    )


@own_space
@login_required
@require_POST
def playbook_toggle(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    try:
        service.toggle_playbook_item(access, request.POST.get("item", ""), request.POST.get("done") == "1")
    except InvalidInput as exc:
        messages.error(request, str(exc))
    return redirect("playbook", repair_id=access.repair.pk)
