"""Values every page needs: the crisis line for the footer, whose drafts these are, and the page title mode."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from amends import measures
from amends.safety.resources import first
from amends.web.regions import footer_line, user_region
from amends.web.safety_web.models import SafetyPreference


def site(request: HttpRequest) -> dict[str, Any]:
    region = user_region(request)
    user = getattr(request, "user", None)
    signed_in = bool(user is not None and user.is_authenticated)
    return {
        "footer_safety_line": footer_line(region),
        "csi_cutoff": measures.cutoff("csi4"),
        # The footer's numbers as tap-to-call links: the emergency number first, then someone to talk to.
        "footer_resources": (first(region, "emergency"), first(region, "suicide")),
        # Browser drafts are keyed by this, so one person's drafts never show to the next person signed in.
        "draft_owner": str(getattr(user, "pk", "")) if signed_in else "",
        "neutral_titles": signed_in and SafetyPreference.objects.filter(user=user, neutral_titles=True).exists(),
    }
