"""Who is calling the JSON API: a personal token, or a signed-in session that passed CSRF.

Both API modules (the coach and the trust ledger) answer with their own error bodies, but decide
who the caller is here, once.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware

from amends.web.partners.tokens import authenticate_api_request


def api_caller(request: HttpRequest, *, check_csrf: bool = True, bearer_only: bool = False) -> tuple[Any, str | None]:
    """Return ``(user, None)`` or ``(None, problem)`` with problem one of
    ``"bad_token"``, ``"unauthenticated"`` or ``"csrf"``.

    A bearer token needs no CSRF token (browsers never send it on their own); a session does.
    With ``bearer_only``, an Authorization header of another scheme is ignored and the session decides.
    """
    header = request.headers.get("Authorization", "")
    if header and (not bearer_only or header.startswith("Bearer ")):
        user = authenticate_api_request(request)
        return (user, None) if user is not None else (None, "bad_token")
    if not request.user.is_authenticated:
        return None, "unauthenticated"
    if check_csrf and CsrfViewMiddleware(lambda r: HttpResponse()).process_view(request, None, (), {}) is not None:
        return None, "csrf"
    return request.user, None
