"""The apology coach on the web: live feedback fragments, and the same report without JavaScript."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from amends.coach.apology import analyze_apology
from amends.coach.text import TextRejected
from amends.services.access import own
from amends.services.text_safety import SafetyCheck, check
from amends.web.access import own_space, repair_or_404
from amends.web.diff import sentence_diff
from amends.web.highlight import highlight_html
from amends.web.repairs.models import ApologyDraft
from amends.web.requests import AuthedRequest
from amends.web.security.coach_limit import coach_allowed, paused, paused_report


def apology_result(text: str, mistake: str | None, user_id: int | None = None) -> dict[str, Any] | None:
    """Run the coach and shape its report for the template; an unreadable text gives an error entry."""

    if not text.strip():
        return None
    try:
        report = analyze_apology(text, mistake=mistake or None).to_dict()
    except TextRejected as exc:
        return {"error": str(exc)}
    report["highlighted"] = highlight_html(text, report["findings"], report["elements"])
    report["safety"] = safety_for(text, user_id)
    return report


def saved_apology_report(
    prompts: Any, texts: dict[str, str], mistake: str | None, user_id: int
) -> dict[str, Any] | None:
    """Feedback on an apology already saved in its box, so a writer who comes back sees it at once, without
    typing and without JavaScript (the live coach only answers new keystrokes)."""
    for prompt in prompts:
        if prompt.widget == "apology" and texts.get(prompt.slug, "").strip():
            return apology_result(texts[prompt.slug], mistake, user_id)
    return None


def safety_for(text: str, user_id: int | None = None) -> SafetyCheck | None:
    """Crisis language anywhere in the coach is answered first, before any writing tips.

    Live feedback stores nothing, so it asks the same scan the saving services use.
    """
    return check(user_id, text)


@own_space
@login_required
@require_POST
def apology_feedback(request: AuthedRequest, repair_id: int) -> HttpResponse:
    access = repair_or_404(request, repair_id)
    if not coach_allowed(request, request.POST.get("answer-draft", "")):
        return paused(request, "partials/apology_feedback.html", {"apology_report": paused_report(), "access": access})
    report = apology_result(request.POST.get("answer-draft", ""), access.description, access.user_id)
    return render(request, "partials/apology_feedback.html", {"apology_report": report, "access": access})


@own_space
@login_required
def compare_drafts(request: AuthedRequest, repair_id: int) -> HttpResponse:
    """Two saved apology versions side by side, with the words that changed marked."""

    access = repair_or_404(request, repair_id)
    drafts = list(own(access, ApologyDraft).order_by("version"))
    if len(drafts) < 2:
        raise Http404("fewer than two versions")
    by_version = {d.version: d for d in drafts}
    older = by_version.get(_int(request.GET.get("a")), drafts[-2])
    newer = by_version.get(_int(request.GET.get("b")), drafts[-1])
    context = {
        "access": access,
        "drafts": drafts,
        "older": older,
        "newer": newer,
        "diff": sentence_diff(older.text, newer.text),
    }
    return render(request, "journey/compare.html", context)


def _int(value: str | None) -> int:
    return int(value) if value and value.isdigit() else -1
