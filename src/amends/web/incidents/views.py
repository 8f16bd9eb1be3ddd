"""When it happens again. Each view: access-checked fetch, validate, service call, redirect or render.

Recording and answering are one's own writing (``own_space``, open while paused); sharing reaches the
partner (``couple_space``). Someone who has left the repair gets a clear refusal instead of the 404
an outsider gets: they know the repair exists, and need to know why nothing can be added.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from amends.journey import load_feelings
from amends.journey.incidents import (
    incident_intro,
    incident_kind,
    incident_kinds,
    load_incident_track,
    repeat_sources,
)
from amends.services import incidents as service
from amends.services import tokens
from amends.services.access import RepairAccess
from amends.services.errors import InvalidInput, NotFound
from amends.services.trust_dashboard import names
from amends.web.access import couple_space, own_space, repair_or_404
from amends.web.coach_views import saved_apology_report
from amends.web.incidents.forms import IncidentForm
from amends.web.repairs.views import autosave_box, own_words, submitted_text
from amends.web.requests import AuthedRequest
from amends.web.safety_notice import flash_safety


def _member_or_refusal(request: AuthedRequest, repair_id: int) -> RepairAccess | HttpResponse:
    try:
        return repair_or_404(request, repair_id)
    except Http404:
        if service.has_left(request.user, repair_id):
            return render(request, "incidents/left.html", {"message": service.LEFT_MESSAGE}, status=403)
        raise


def _incident_or_404(access: RepairAccess, incident_id: int) -> Any:
    try:
        return service.incident_for(access, incident_id)
    except NotFound as exc:
        raise Http404(str(exc)) from exc


@own_space
@login_required
def incident_list(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = _member_or_refusal(request, repair_id)
    if isinstance(access, HttpResponse):
        return access
    rows = [_row(access, i) for i in service.visible_incidents(access)]
    return render(request, "incidents/list.html", {"access": access, "rows": rows, **_about(access)})


def _row(access: RepairAccess, incident: Any) -> dict[str, Any]:
    return {
        "incident": incident,
        "kind": incident_kind(incident.kind),
        "mine": incident.author_id == access.user_id,
        "partner_answers": _labelled(service.partner_incident_answers(access, incident)),
    }


def _about(access: RepairAccess) -> dict[str, Any]:
    return {
        "kinds": incident_kinds(),
        "intro": incident_intro(access.role),
        "sources": repeat_sources(),
        "names": names(access),
        "paused": access.paused,
    }


@own_space
@login_required
def incident_new(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = _member_or_refusal(request, repair_id)
    if isinstance(access, HttpResponse):
        return access
    form = IncidentForm(request.POST or None, initial={"happened_on": tokens.clock().date()})
    if request.method == "POST" and form.is_valid():
        try:
            incident = service.record_incident(access, **form.cleaned_data)
        except service.LeftRepair:
            return render(request, "incidents/left.html", {"message": service.LEFT_MESSAGE}, status=403)
        except InvalidInput as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc))
        else:
            flash_safety(request, incident)
            messages.success(request, "Recorded. Your earlier answers, commitments and charts are all kept.")
            return redirect("incident", repair_id=access.repair.pk, incident_id=incident.pk)
    return render(request, "incidents/new.html", {"access": access, "form": form, **_about(access)})


@own_space
@login_required
def incident_detail(request: AuthedRequest, repair_id: int, incident_id: int) -> HttpResponse:
    access = _member_or_refusal(request, repair_id)
    if isinstance(access, HttpResponse):
        return access
    incident = _incident_or_404(access, incident_id)
    context = {
        "access": access,
        **_row(access, incident),
        "track": load_incident_track(access.role),
        "progress": service.incident_progress(access, incident),
        **_about(access),
    }
    return render(request, "incidents/detail.html", context)


def _labelled(answers: list[Any]) -> list[dict[str, Any]]:
    return [{"label": service.question_for(a), "text": a.text} for a in answers]


@couple_space
@login_required
@require_POST
def incident_share(request: AuthedRequest, repair_id: int, incident_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    shared = request.POST.get("shared") == "1"
    try:
        service.set_incident_shared(access, incident_id, shared)
    except NotFound as exc:
        raise Http404(str(exc)) from exc
    messages.success(
        request, "Shared with your partner." if shared else "Private again: your partner no longer sees it."
    )
    return redirect("incident", repair_id=access.repair.pk, incident_id=incident_id)


def _step_or_404(access: RepairAccess, slug: str) -> Any:
    step = service.incident_step(access, slug)
    if step is None:
        raise Http404("no such step")
    return step


@own_space
@login_required
def incident_step(request: AuthedRequest, repair_id: int, incident_id: int, slug: str) -> HttpResponse:
    access = _member_or_refusal(request, repair_id)
    if isinstance(access, HttpResponse):
        return access
    incident = _incident_or_404(access, incident_id)
    step = _step_or_404(access, slug)
    answers = service.my_incident_answers(access, incident)
    texts = {p.slug: answers[(slug, p.slug)].text for p in step.prompts if (slug, p.slug) in answers}
    errors: dict[str, str] = {}
    safety = None
    if request.method == "POST":
        texts = {p.slug: submitted_text(request, p) for p in step.prompts}
        result = service.save_incident_step(access, incident, slug, texts)
        errors, safety = result.errors, result.safety
        if not errors and safety is None:
            messages.success(request, "Saved. Your answers about earlier incidents are unchanged.")
            return redirect(_next_url(access, incident, step))
    track = load_incident_track(access.role)
    context = {
        "access": access,
        "incident": incident,
        "kind": incident_kind(incident.kind),
        "track": track,
        "step": step,
        "prev_step": track.before(step),
        "next_step": track.after(step),
        "texts": texts,
        "errors": errors,
        "safety": safety,
        "shared": {k[1]: a.shared for k, a in answers.items() if k[0] == slug},
        "feelings": load_feelings(),
        "own_words": own_words(step, texts),
        # The journey's step boxes, with this incident's own autosave; sharing is the list below the form.
        "autosave_url": reverse("incident_autosave", args=[access.repair.pk, incident.pk, step.slug]),
        "draft_scope": f"{access.repair.pk}:incident{incident.pk}",
        "coach_only": True,
        "apology_report": None
        if request.method == "POST"
        else saved_apology_report(step.prompts, texts, incident.note or access.description, access.user_id),
    }
    return render(request, "incidents/step.html", context)


@own_space
@login_required
@require_POST
def incident_autosave(request: AuthedRequest, repair_id: int, incident_id: int, slug: str) -> HttpResponse:
    """One box saved while the person types; answers with the save-status fragment app.js expects."""
    try:
        access = repair_or_404(request, repair_id)
    except Http404:
        if service.has_left(request.user, repair_id):
            return render(request, "partials/save_status.html", {"error": service.LEFT_MESSAGE}, status=403)
        raise
    incident = _incident_or_404(access, incident_id)

    def save(prompt: Any, text: str) -> tuple[Any, bool, Any]:
        result = service.autosave_incident_answer(access, incident, slug, prompt.slug, text)
        return result.answer, False, result.safety  # incident answers keep no revisions: no tab conflict

    return autosave_box(request, _step_or_404(access, slug), save)


def _next_url(access: RepairAccess, incident: Any, step: Any) -> str:
    track = load_incident_track(access.role)
    nxt = track.after(step)
    if nxt is None:
        return f"/repairs/{access.repair.pk}/incidents/{incident.pk}/"
    return f"/repairs/{access.repair.pk}/incidents/{incident.pk}/step/{nxt.slug}/"


@couple_space
@login_required
@require_POST
def incident_answer_share(request: AuthedRequest, repair_id: int, incident_id: int, slug: str) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    incident = _incident_or_404(access, incident_id)
    step = _step_or_404(access, slug)
    prompt = request.POST.get("prompt", "")
    if step.prompt(prompt) is None:
        raise Http404("no such question")
    shared = request.POST.get("shared") == "1"
    try:
        service.set_incident_answer_shared(access, incident, slug, prompt, shared)
    except InvalidInput as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Shared with your partner." if shared else "Private again.")
    return redirect("incident_step", repair_id=access.repair.pk, incident_id=incident.pk, slug=slug)
