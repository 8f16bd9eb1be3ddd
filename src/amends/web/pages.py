"""Pages that hold no couple data: the guide, help, the neutral quick-exit page, health checks."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from amends.journey import load_guide
from amends.safety.resources import grouped_for_region
from amends.warm import is_warm
from amends.web.access import own_space
from amends.web.regions import REGIONS, user_region


@own_space
def guide(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/guide.html", {"guide": load_guide()})


@own_space
def help_page(request: HttpRequest) -> HttpResponse:
    region = request.GET.get("region") or user_region(request)
    if region not in REGIONS:
        region = "INTL"
    return render(request, "pages/help.html", {"region": region, "regions": REGIONS, "groups": _resources(region)})


def _resources(region: str) -> list[dict[str, Any]]:
    return list(grouped_for_region(region))


@own_space
def neutral(request: HttpRequest) -> HttpResponse:
    """A page that says nothing about amends, for the quick exit.

    Its answer also asks the browser to drop the service worker and its cache, and stored drafts: the
    quick exit clears them itself, and this finishes the job if the page left before it was done."""
    response = render(request, "pages/neutral.html")
    response["Clear-Site-Data"] = '"cache", "storage"'
    return response


@own_space
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@own_space
def readyz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means not ready; the reason is not the client's business
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    if not is_warm():
        # The worker is still loading the coach's models; a balancer should wait rather than send users.
        return JsonResponse({"status": "warming", "database": "up"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


@own_space
def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"error": "not_found", "message": "No such endpoint or object."}, status=404)
    return render(request, "pages/404.html", status=404)


@own_space
def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"error": "server_error", "message": "Something went wrong on our side."}, status=500)
    return render(request, "pages/500.html", status=500)
