"""Per-user rate limits on every web page that runs the coach or scans text as it is typed.

The JSON API counts in its own "coach" bucket (amends.web.api.decorators); the pages count here, in the
same database-backed counters, so no one can keep a worker busy by posting drafts in a loop.
A refusal keeps the person's text: pages show it where the feedback would be, fragments answer
429 with Retry-After, which the page script shows (and, for autosave, retries from the browser copy).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from amends.services.text_safety import check
from amends.services.tokens import check_rate_limit
from amends.web.requests import AuthedRequest

PAUSED = (
    "Feedback is paused for a minute: it was asked for many times in a short while. "
    "Your text is kept; keep writing, and feedback comes back shortly."
)
RETRY_AFTER = "30"


def coach_allowed(request: AuthedRequest, *texts: str, bucket: str = "coach_web") -> bool:
    """Count one coach run for the signed-in user; False once their bucket is used up.

    Over the limit, ``texts`` are still scanned for crisis language, and a text that carries it is
    answered in full: the limit holds back writing tips, never the crisis line.
    """
    if check_rate_limit(f"user:{request.user.pk}", bucket):
        return True
    return any(t.strip() for t in texts) and check(request.user.pk, *texts) is not None


def paused_report() -> dict[str, Any]:
    """In place of a coach report: every coach template shows ``error`` where the feedback goes."""
    return {"error": PAUSED}


def paused(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    response = render(request, template, context, status=429)
    response["Retry-After"] = RETRY_AFTER
    return response
