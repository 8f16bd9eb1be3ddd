"""Security headers on every response, and a clean 503 when the database is away."""

from __future__ import annotations

from collections.abc import Callable

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

# No inline script and no third-party origin: every asset is vendored and served by the app.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", "geolocation=(), camera=(), microphone=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if request.user.is_authenticated if hasattr(request, "user") else False:
            # Private pages must not linger in shared caches or the back-forward cache.
            response.setdefault("Cache-Control", "no-store")
        return response


class DatabaseUnavailableMiddleware:
    """Turn a lost or locked database into a 503 with retry advice, never a stack page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, (OperationalError, InterfaceError)) and type(exception) is not DatabaseError:
            return None
        if request.path.startswith("/api/"):
            response = HttpResponse(
                '{"error": "busy", "message": "The database is busy or restarting. Retry in a few seconds."}',
                status=503,
                content_type="application/json",
            )
        else:
            response = HttpResponse(render_to_string("pages/busy.html"), status=503)
        response["Retry-After"] = "5"
        return response


class NullOriginMiddleware:
    """Let same-origin form posts through CSRF's origin check under Referrer-Policy: no-referrer.

    With no-referrer, Chromium sends ``Origin: null`` on same-origin form posts. The browser's own
    ``Sec-Fetch-Site: same-origin`` header still tells us where the request came from, and the CSRF
    token is checked as usual, so only that exact combination has its Origin header dropped.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.META.get("HTTP_ORIGIN") == "null" and request.META.get("HTTP_SEC_FETCH_SITE") == "same-origin":
            del request.META["HTTP_ORIGIN"]
        return self.get_response(request)
