"""Who is calling the JSON API: a personal token, or a signed-in session that passed CSRF.

``amends.web.api.decorators.api_view`` calls this for every JSON endpoint and turns a problem into
the one error body.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware

from amends.web.security.tokens import api_token_for


def api_caller(request: HttpRequest, *, check_csrf: bool = True, writes: bool = False) -> tuple[Any, str | None]:
    """Return ``(user, None)`` or ``(None, problem)`` with problem one of
    ``"bad_token"``, ``"unauthenticated"``, ``"csrf"`` or ``"read_only"``.

    A bearer token needs no CSRF token (browsers never send it on their own); a session does.
    An Authorization header of another scheme (say, Basic auth from a proxy in front) is ignored and the
    session decides.
    ``writes`` marks a request that changes data, which a read-only token may not make.
    """
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        row = api_token_for(request)
        if row is None:
            return None, "bad_token"
        if writes and not row.can_write:
            return None, "read_only"
        return row.user, None
    if not request.user.is_authenticated:
        return None, "unauthenticated"
    if check_csrf and CsrfViewMiddleware(lambda r: HttpResponse()).process_view(request, None, (), {}) is not None:
        return None, "csrf"
    return request.user, None
