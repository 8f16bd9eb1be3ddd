"""The user's chosen region for crisis resources (never geolocated), and the footer line."""

from __future__ import annotations

from django.http import HttpRequest

from amends.safety.resources import footer_line as core_footer_line

REGIONS = {
    "US": "United States",
    "UK": "United Kingdom",
    "CA": "Canada",
    "AU": "Australia",
    "INTL": "Somewhere else (international help lines)",
}


def user_region(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        profile = getattr(user, "profile", None)
        if profile is not None and profile.region in REGIONS:
            return str(profile.region)
    return "INTL"


def footer_line(region: str) -> str:
    return str(core_footer_line(region))
