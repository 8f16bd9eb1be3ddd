"""An invitation opened while signed out is kept in the session until the person has an account.

The hurt partner's first step into amends is often this link. Signing up or signing in must not
drop it: the code waits in the session (never in a cookie of its own, never in a log) and is used
the moment they are signed in, with the same limits as typing it on the join page.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest
from django.urls import reverse

from amends.services import partners as service
from amends.services.tokens import check_rate_limit
from amends.web.security.middleware import client_key

SESSION_KEY = "amends_invite"


def looks_like_code(raw: str) -> bool:
    code = service.normalize_code(raw)
    return len(code) == service.CODE_LENGTH and all(ch in service.CODE_ALPHABET for ch in code)


def remember(request: HttpRequest, raw: str) -> None:
    request.session[SESSION_KEY] = service.normalize_code(raw)


def remembered(request: HttpRequest) -> str:
    return str(request.session.get(SESSION_KEY, ""))


def join_url(request: HttpRequest) -> str:
    """Where the person goes to join once signed in: the join page, with the kept code."""
    code = remembered(request)
    return reverse("join") + (f"?code={code}" if code else "")


def join_remembered(request: HttpRequest) -> str | None:
    """Just signed in or up with an invitation waiting: join it; return where to go next.

    That is the repair's welcome page, or the join page with the reason when the code no longer
    works (so they know to ask for a new one); None when no invitation was waiting.
    """
    code = request.session.pop(SESSION_KEY, "")
    if not code:
        return None
    per_user = check_rate_limit(f"user:{request.user.pk}", "join")
    if not (check_rate_limit(client_key(request), "join") and per_user):
        messages.error(request, "Too many tries in a short time. Wait a minute, then join with the code below.")
        return f"{reverse('join')}?code={code}"
    try:
        repair = service.accept_invitation(request.user, code)
    except service.InvitationError as exc:
        messages.error(request, f"{exc} You are signed in; you can join with another code.")
        return reverse("join")
    return reverse("welcome", args=[repair.pk])
