"""The web side of personal API tokens: reading the Authorization header, and the password-change hook.

The use cases themselves (hashing, expiry, counting) are in ``amends.services.tokens``.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from amends.services.tokens import revoke_all_api_tokens, token_for
from amends.web.security.models import ApiToken


def api_token_for(request: HttpRequest) -> ApiToken | None:
    """The token row behind ``Authorization: Bearer <token>``: present, unexpired, of an active user."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token_for(token) if scheme.lower() == "bearer" else None


def authenticate_api_request(request: HttpRequest) -> Any:
    """The user behind ``Authorization: Bearer <token>``, or None when it is missing or not valid."""
    row = api_token_for(request)
    return row.user if row is not None else None


class RevokeTokensOnPasswordChange:
    """Listed with the password validators for Django's ``password_changed`` hook, which runs on every
    real password change (the settings page, ``amends users reset-password``, the admin) and not
    when Django merely re-hashes the same password. A changed password signs out every program."""

    def validate(self, password: str, user: Any = None) -> None:
        return None

    def password_changed(self, password: str, user: Any = None) -> None:
        if user is not None and user.pk is not None:
            revoke_all_api_tokens(user)

    def get_help_text(self) -> str:
        return ""
