"""What the JSON API calls: bearer-token authentication and per-user rate limits.

Both keep their state in the database, never in process memory, so any number of workers
behind a load balancer agree on who is signed in and how many requests are left.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from amends.web.partners.models import ApiToken, RateCounter

TOKEN_PREFIX = "amd_"
# Requests allowed per window, by bucket. AMENDS_RATE_LIMITS in settings may override any of them.
RATE_LIMITS: dict[str, tuple[int, int]] = {  # bucket -> (requests, window seconds)
    "coach": (30, 60),
    "safety": (60, 60),
    "join": (10, 60),
    "unlock": (5, 60),
    "login": (10, 900),
    "signup": (10, 3600),  # sign-up attempts per address: accounts, and name look-ups, come slowly
    "autosave": (120, 60),  # a person typing saves at most about one a second
    "coach_web": (60, 60),  # live feedback in the pages, fired by typing pauses
}
_LAST_USED_GRANULARITY = timedelta(minutes=5)

# The one clock every limit reads. Tests replace it to stand still, so no test depends on which side
# of a window boundary the wall clock happens to be.
clock: Callable[[], datetime] = timezone.now


def hash_token(token: str) -> str:
    # Tokens carry 256 random bits, so a fast hash is enough: there is nothing to guess.
    return hashlib.sha256(token.encode()).hexdigest()


def api_token_for(request: HttpRequest) -> ApiToken | None:
    """The token row behind ``Authorization: Bearer <token>``: present, unexpired, of an active user."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = ApiToken.objects.select_related("user").filter(token_hash=hash_token(token)).first()
    now = clock()
    if row is None or not row.user.is_active or row.expires_at <= now:
        return None
    if row.last_used_at is None or now - row.last_used_at > _LAST_USED_GRANULARITY:
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
    return row


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
            ApiToken.objects.filter(user=user).delete()

    def get_help_text(self) -> str:
        return ""


def _limit(bucket: str) -> tuple[int, int]:
    overrides: dict[str, tuple[int, int]] = getattr(settings, "AMENDS_RATE_LIMITS", {})
    return overrides.get(bucket) or RATE_LIMITS.get(bucket) or (60, 60)


def _window(seconds: int) -> Any:
    now = clock()
    epoch = int(now.timestamp())
    return now.fromtimestamp(epoch - epoch % seconds, tz=now.tzinfo)


def _key(user_or_ip_key: str) -> str:
    return hashlib.sha256(str(user_or_ip_key).encode()).hexdigest()


def check_rate_limit(user_or_ip_key: str, bucket: str) -> bool:
    """Count one request; True while the key is within its bucket's limit for the current window."""
    limit, seconds = _limit(bucket)
    key, window = _key(user_or_ip_key), _window(seconds)
    rows = RateCounter.objects.filter(key=key, bucket=bucket, window_start=window, count__lt=limit)
    if rows.update(count=F("count") + 1):
        return True
    if RateCounter.objects.filter(key=key, bucket=bucket, window_start=window).exists():
        return False
    try:
        with transaction.atomic():
            RateCounter.objects.create(key=key, bucket=bucket, window_start=window, count=1)
    except IntegrityError:  # another worker created the window first; count on its row
        return bool(rows.update(count=F("count") + 1))
    RateCounter.objects.filter(window_start__lt=window - timedelta(hours=1)).delete()
    return True


def is_rate_limited(user_or_ip_key: str, bucket: str) -> bool:
    """Whether the key has used up its bucket in this window, without counting a request."""
    limit, seconds = _limit(bucket)
    row = RateCounter.objects.filter(key=_key(user_or_ip_key), bucket=bucket, window_start=_window(seconds)).first()
    return row is not None and row.count >= limit


def forget_rate_limits(user_or_ip_key: str) -> None:
    RateCounter.objects.filter(key=_key(user_or_ip_key)).delete()
