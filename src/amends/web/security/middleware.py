"""The optional app lock, and login throttling. Both keep their state in the session or the database."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable

from django.contrib.auth.forms import UsernameField
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from amends.services.tokens import is_rate_limited
from amends.web.security.models import AppLock
from amends.web.security.proxies import request_ip

_NAME_MAX = 150  # Django's username length; a longer name fails the form before any sign-in is tried
LOCKED = "amends_app_locked"
SEEN = "amends_app_seen"
# Reachable while locked: the lock page itself, leaving, the quick exit, help lines, assets and probes.
_OPEN_WHILE_LOCKED = ("/lock/", "/accounts/logout/", "/neutral/", "/help/", "/static/", "/healthz", "/readyz")
# Asked by an open tab on a timer, not by the person: never counts as being active, or a tab left
# open would keep the app unlocked and the session alive forever.
BACKGROUND = ("/reminders/poll/",)


def is_background(request: HttpRequest) -> bool:
    return request.path.startswith(BACKGROUND)


def safe_next(request: HttpRequest, target: str) -> str:
    ok = target.startswith("/") and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if ok else reverse("home")


class AppLockMiddleware:
    """Ask for the PIN again once the user has been idle longer than their chosen minutes."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or request.path.startswith(_OPEN_WHILE_LOCKED):
            return self.get_response(request)
        lock = AppLock.objects.filter(user=user).only("idle_minutes").first()
        if lock is None:
            return self.get_response(request)
        now, seen = time.time(), request.session.get(SEEN)
        if request.session.get(LOCKED) or (seen is not None and now - float(seen) > lock.idle_minutes * 60):
            request.session[LOCKED] = True
            return self._locked(request)
        if not is_background(request):
            request.session[SEEN] = now
        return self.get_response(request)

    @staticmethod
    def _locked(request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/") or is_background(request):
            return JsonResponse(
                {"error": "locked", "message": "The app is locked. Unlock it with your PIN."}, status=423
            )
        if request.headers.get("HX-Request"):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = reverse("unlock")
            return response
        target = request.get_full_path() if request.method == "GET" else "/"
        return redirect(f"{reverse('unlock')}?next={target}")


class LoginThrottleMiddleware:
    """Refuse sign-in attempts for a while after too many failures for one name or one address.

    Failures are counted by a ``user_login_failed`` receiver (see apps.py) in the database, under
    the same keys as checked here: the name as Django's sign-in form reads it, and the client
    address as decided from the trusted proxies.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and request.path == reverse("login"):
            name = login_name_key(request.POST.get("username", ""))
            if is_rate_limited(client_key(request), "login") or is_rate_limited(name, "login"):
                return render(request, "partners/login_throttled.html", status=429)
        return self.get_response(request)


def login_name_key(raw: str) -> str:
    """The throttle key for a typed name: every spelling that signs in as one account shares it.

    Django's sign-in form strips the name and applies NFKC (``UsernameField``) before looking the
    account up, so a full-width "ｃarol" signs in as "carol". The key starts from exactly that form
    field's reading, then folds case, so it never splits what Django joins.
    """
    read = UsernameField(max_length=_NAME_MAX).to_python(raw[: _NAME_MAX * 4])
    return "login:" + unicodedata.normalize("NFKC", read.casefold())


def client_key(request: HttpRequest) -> str:
    return f"ip:{request_ip(request)}"
