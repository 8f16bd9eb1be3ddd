"""The Listen practice page: what the partner may feel, and live feedback on a reply or a feeling statement."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from amends.coach.emotions import read_emotions
from amends.coach.feeling_statement import check_feeling_statement
from amends.coach.reply import analyze_reply
from amends.coach.text import TextRejected
from amends.services.access import own
from amends.services.errors import InvalidInput
from amends.services.practice import record_practice
from amends.web.access import own_space, repair_or_404
from amends.web.coach_views import safety_for
from amends.web.highlight import highlight_html
from amends.web.repairs.models import PracticeEntry
from amends.web.requests import AuthedRequest
from amends.web.safety_notice import flash_safety
from amends.web.security.coach_limit import coach_allowed, paused, paused_report


def emotions_result(text: str, user_id: int | None = None) -> dict[str, Any] | None:

    if not text.strip():
        return None
    try:
        report = read_emotions(text).to_dict()
    except TextRejected as exc:
        return {"error": str(exc)}
    spans = {f["name"]: {"spans": f["spans"]} for f in report["feelings"]}
    report["highlighted"] = highlight_html(text, [], spans)
    report["safety"] = safety_for(text, user_id)
    return report


def reply_result(partner: str, text: str, user_id: int | None = None) -> dict[str, Any] | None:

    if not text.strip():
        return None
    try:
        report = analyze_reply(partner if partner.strip() else None, text).to_dict()
    except TextRejected as exc:
        return {"error": str(exc)}
    spans = {name: {"spans": m["spans"]} for name, m in report["mechanisms"].items()}
    report["highlighted"] = highlight_html(text, report["findings"], spans)
    report["safety"] = safety_for(text, user_id)
    return report


def feeling_result(text: str, user_id: int | None = None) -> dict[str, Any] | None:

    if not text.strip():
        return None
    try:
        report = check_feeling_statement(text).to_dict()
    except TextRejected as exc:
        return {"error": str(exc)}
    report["highlighted"] = highlight_html(
        text, report["findings"], {k: {"spans": v} for k, v in report["parts"].items()}
    )
    report["safety"] = safety_for(text, user_id)
    return report


@own_space
@login_required
def listen(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    mode = "feel" if access.role == "hurt" else "reply"
    partner = request.POST.get("partner", "")
    text = request.POST.get("text", "")
    context: dict[str, Any] = {"access": access, "mode": mode, "partner": partner, "text": text}
    if request.method == "POST" and not coach_allowed(request, partner, text):  # saving a practice runs the coach too
        context["report"] = paused_report()
        context["history"] = own(access, PracticeEntry)[:20]
        return paused(request, "listen/page.html", context)
    if request.method == "POST":
        if request.POST.get("action") == "save":
            try:
                entry = record_practice(access, mode=mode, partner_text=partner, text=text)
            except InvalidInput as exc:
                context["error"] = str(exc)
            else:
                messages.success(request, "Practice saved. Only you can see it.")
                flash_safety(request, entry)
                return redirect("listen", repair_id=access.repair.pk)
        uid = access.user_id
        context["emotions"] = emotions_result(partner, uid)
        context["report"] = feeling_result(text, uid) if mode == "feel" else reply_result(partner, text, uid)
    context["history"] = own(access, PracticeEntry)[:20]
    return render(request, "listen/page.html", context)


@own_space
@login_required
@require_POST
def emotions_fragment(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    if not coach_allowed(request, request.POST.get("partner", "")):
        return paused(request, "listen/emotions.html", {"emotions": paused_report()})
    emotions = emotions_result(request.POST.get("partner", ""), access.user_id)
    return render(request, "listen/emotions.html", {"emotions": emotions})


@own_space
@login_required
@require_POST
def reply_fragment(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    text = request.POST.get("text", "")
    if not coach_allowed(request, request.POST.get("partner", ""), text):
        mode = "feel" if access.role == "hurt" else "reply"
        return paused(request, "listen/report.html", {"report": paused_report(), "mode": mode})
    if access.role == "hurt":
        report = feeling_result(text, access.user_id)
    else:
        report = reply_result(request.POST.get("partner", ""), text, access.user_id)
    return render(
        request, "listen/report.html", {"report": report, "mode": "feel" if access.role == "hurt" else "reply"}
    )
