"""Security headers on every response, and a clean 503 when the database is away."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

from django.core.signals import got_request_exception
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

from amends.coach.memory import forget_user_text
from amends.safety.messages import PAUSED_NOTICE
from amends.services.errors import Paused
from amends.web.security.middleware import is_background

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
        # This is the outermost amends middleware, so it also answers for a database that went away
        # outside any view: in another middleware (sessions, the app lock), or while the 500 page
        # itself was being rendered. Those would otherwise be a 500.
        try:
            response = self.get_response(request)
        except (OperationalError, InterfaceError, DatabaseError) as exc:
            if not is_database_unavailable(exc):
                raise
            response = database_unavailable(request)
        if response.status_code == 500 and getattr(request, "_amends_database_unavailable", False):
            response = database_unavailable(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", "geolocation=(), camera=(), microphone=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if response.status_code == 503 or _signed_in(request):
            # Private pages must not linger in shared caches or the back-forward cache.
            response.setdefault("Cache-Control", "no-store")
        return response


def _signed_in(request: HttpRequest) -> bool:
    try:
        return bool(request.user.is_authenticated) if hasattr(request, "user") else False
    except (OperationalError, InterfaceError, DatabaseError):
        return True  # the session could not be read: treat the page as private


class DatabaseUnavailableMiddleware:
    """Turn a lost or locked database into a 503 with retry advice, never a stack page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        return database_unavailable(request) if is_database_unavailable(exception) else None


def is_database_unavailable(exception: BaseException | None) -> bool:
    return isinstance(exception, (OperationalError, InterfaceError)) or type(exception) is DatabaseError


def database_unavailable(request: HttpRequest) -> HttpResponse:
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


def _note_database_errors(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    """A database error raised by a middleware (session save, the lock check) skips process_exception;
    mark the request so SecurityHeadersMiddleware, further out, answers 503 instead of the 500 page."""
    if request is not None and is_database_unavailable(sys.exc_info()[1]):
        request._amends_database_unavailable = True  # type: ignore[attr-defined]


got_request_exception.connect(_note_database_errors, dispatch_uid="amends-database-unavailable")


class CouplePauseMiddleware:
    """Answer a paused repair with the one neutral notice (423), whatever the view and whoever paused.

    Which views are refused is decided by the access rule (``amends.web.access.repair_or_404``,
    from each view's declared space), not by a list here; this only shapes the answer.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, Paused):
            return None
        return paused_response(request)


def paused_response(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"error": "paused", "message": PAUSED_NOTICE}, status=423)
    repair_id = getattr(getattr(request, "resolver_match", None), "kwargs", {}).get("repair_id")
    return HttpResponse(
        render_to_string("pages/paused.html", {"notice": PAUSED_NOTICE, "repair_id": repair_id}, request=request),
        status=423,
    )


class SessionRefreshMiddleware:
    """Keep the session's idle timeout sliding without a database write on every request.

    Saving the session on every request (Django's SESSION_SAVE_EVERY_REQUEST) costs a write per
    autosave. Refreshing its expiry at most once a minute keeps the idle timeout accurate to a minute.
    """

    REFRESH_SECONDS = 60

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is not None and user is not None and user.is_authenticated and not is_background(request):
            now = int(time.time())
            if now - int(session.get("_refreshed_at", 0)) >= self.REFRESH_SECONDS:
                session["_refreshed_at"] = now  # marks the session modified, so its expiry moves on
        return self.get_response(request)


class ForgetAfterRequestMiddleware:
    """Nothing a user wrote stays in a worker's memory once their request is answered.

    Only the read-only models persist between requests; the coach's per-request caches are emptied
    here, so any worker can serve any request and a memory dump holds no diary. The ledger keeps no
    cache in the process at all: what lasts between requests is stored in the database
    (``amends.services.ledger_past``).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            return self.get_response(request)
        finally:
            forget_user_text()
