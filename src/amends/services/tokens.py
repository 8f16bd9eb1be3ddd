"""Use cases for personal API tokens and request counters: hash, create, revoke, look up, count, forget.

Both keep their state in the database, never in process memory, so any number of workers behind a
load balancer agree on who is calling and how many requests are left. The web layer
(``amends.web.security``) reads the Authorization header and calls these; the privacy use cases call
them to forget an account.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from amends.services.errors import InvalidInput, NotFound
from amends.web.security.models import ApiToken, RateCounter

TOKEN_PREFIX = "amd_"
TOKEN_LIFETIMES = (7, 30, 90, 365)  # days a person may choose between
MAX_TOKENS = 20
# Requests allowed per window, by bucket. AMENDS_RATE_LIMITS in settings may override any of them.
RATE_LIMITS: dict[str, tuple[int, int]] = {  # bucket -> (requests, window seconds)
    "coach": (30, 60),
    "safety": (60, 60),
    "api": (240, 60),  # calls to the trust API: plenty for a program, not for a loop
    "join": (10, 60),
    "unlock": (5, 60),
    "login": (10, 900),
    "signup": (10, 3600),  # sign-up attempts per address: accounts, and name look-ups, come slowly
    "autosave": (120, 60),  # a person typing saves at most about one a second
    "coach_web": (60, 60),  # live feedback in the pages, fired by typing pauses
    "calendar": (30, 60),  # calendar feed fetches per address: apps refresh hourly; guessing secrets stays slow
    "recover": (5, 900),  # password resets with a recovery code, per address and per name
}
_LAST_USED_GRANULARITY = timedelta(minutes=5)

# The one clock every limit and every token expiry reads. Tests replace it to stand still, so no test
# depends on which side of a window boundary the wall clock happens to be.
clock: Callable[[], datetime] = timezone.now


# Tokens ----------------------------------------------------------------------------------------


def hash_token(token: str) -> str:
    # Tokens carry 256 random bits, so a fast hash is enough: there is nothing to guess.
    return hashlib.sha256(token.encode()).hexdigest()


def create_api_token(
    user: Any, name: str, scope: str = "read", days: int = 90, now: datetime | None = None
) -> tuple[ApiToken, str]:
    """A new personal API token. The token is returned once; only its hash is stored."""
    name = name.strip()
    if not name or len(name) > 60:
        raise InvalidInput("Give the token a name of up to 60 characters, such as 'my laptop'.", "name")
    if scope not in {"read", "write"}:
        raise InvalidInput("Choose what the token may do: read only, or read and write.", "scope")
    if days not in TOKEN_LIFETIMES:
        raise InvalidInput("Choose how long the token lasts: 7, 30, 90 or 365 days.", "days")
    if ApiToken.objects.filter(user=user).count() >= MAX_TOKENS:
        raise InvalidInput(f"You have {MAX_TOKENS} tokens already. Revoke one you no longer use first.", "name")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    expires = (now or timezone.now()) + timedelta(days=days)
    row = ApiToken.objects.create(
        user=user, name=name, token_hash=hash_token(token), prefix=token[:10], scope=scope, expires_at=expires
    )
    return row, token


def list_api_tokens(user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def revoke_api_token(user: Any, token_id: object) -> None:
    try:
        ApiToken.objects.get(pk=int(str(token_id)), user=user).delete()
    except (ApiToken.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound("no such token") from exc


def revoke_all_api_tokens(user: Any) -> None:
    """A changed password signs out every program."""
    ApiToken.objects.filter(user=user).delete()


def token_for(token: str) -> ApiToken | None:
    """The row behind a presented token: present, unexpired, of an active user. Marks it used."""
    token = token.strip()
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = ApiToken.objects.select_related("user").filter(token_hash=hash_token(token)).first()
    now = clock()
    if row is None or not row.user.is_active or row.expires_at <= now:
        return None
    if row.last_used_at is None or now - row.last_used_at > _LAST_USED_GRANULARITY:
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
    return row


# Request counters ------------------------------------------------------------------------------


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
