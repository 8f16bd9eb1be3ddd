"""Who is calling the JSON API: a personal token, or a signed-in session that passed CSRF.

Both API modules (the coach and the trust ledger) answer with their own error bodies, but decide
who the caller is here, once.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware

from amends.web.partners.tokens import api_token_for


def api_caller(
    request: HttpRequest, *, check_csrf: bool = True, bearer_only: bool = False, writes: bool = False
) -> tuple[Any, str | None]:
    """Return ``(user, None)`` or ``(None, problem)`` with problem one of
    ``"bad_token"``, ``"unauthenticated"``, ``"csrf"`` or ``"read_only"``.

    A bearer token needs no CSRF token (browsers never send it on their own); a session does.
    With ``bearer_only``, an Authorization header of another scheme is ignored and the session decides.
    ``writes`` marks a request that changes data, which a read-only token may not make.
    """
    header = request.headers.get("Authorization", "")
    if header and (not bearer_only or header.startswith("Bearer ")):
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
