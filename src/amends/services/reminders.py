"""Reminders that reveal nothing: each person's choices, the in-app and browser notice, the calendar feed.

Every reminder says the same neutral sentence. Whoever glances at a lock screen, a shared calendar
or a notification centre learns that amends has something waiting, never which repair, which
partner or anything anyone wrote. What is due comes from ``reminders_due``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings

from amends.services import tokens
from amends.services.errors import InvalidInput
from amends.services.reminders_due import CHECK_IN, QUESTION, QUESTIONNAIRE, DueItem, due_items
from amends.services.trust import user_tz
from amends.web.reminders.models import ReminderPreference

NEUTRAL_TEXT = "amends: something is waiting for you"
FEED_PREFIX = "cal_"
FEED_DAYS_AHEAD = 14  # a calendar shows the coming two weeks of check-ins, not just today's
POLL_SECONDS = 60


def preferences(user: Any) -> ReminderPreference:
    """The person's choices; the defaults (in the app: on; elsewhere: off) until they change them. Saves nothing."""
    return ReminderPreference.objects.filter(user=user).first() or ReminderPreference(user=user)


def _stored(user: Any) -> ReminderPreference:
    pref, _ = ReminderPreference.objects.get_or_create(user=user)
    return pref


def save_preferences(
    user: Any,
    *,
    check_ins: bool,
    questionnaires: bool,
    questions: bool,
    in_app: bool,
    browser: bool,
    quiet_start: time | None,
    quiet_end: time | None,
) -> ReminderPreference:
    if (quiet_start is None) != (quiet_end is None):
        field = "quiet_end" if quiet_end is None else "quiet_start"
        raise InvalidInput("Give quiet hours both a start and an end, or leave both empty.", field)
    if quiet_start is not None and quiet_start == quiet_end:
        raise InvalidInput("Quiet hours start and end at the same time. Pick an end after the start.", "quiet_end")
    pref = _stored(user)
    pref.check_ins, pref.questionnaires, pref.questions = check_ins, questionnaires, questions
    pref.in_app, pref.browser = in_app, browser
    pref.quiet_start, pref.quiet_end = quiet_start, quiet_end
    pref.updated_at = tokens.clock()
    pref.save()
    return pref


def in_quiet_hours(local: time, start: time | None, end: time | None) -> bool:
    """Whether ``local`` falls in [start, end); a span like 22:00 to 07:00 runs past midnight."""
    if start is None or end is None or start == end:
        return False
    if start < end:
        return start <= local < end
    return local >= start or local < end


def wanted(user: Any, now: datetime | None = None, *, days_ahead: int = 0) -> list[DueItem]:
    """What is due, limited to the kinds of reminder the person asked for."""
    pref = preferences(user)
    kinds = {CHECK_IN: pref.check_ins, QUESTIONNAIRE: pref.questionnaires, QUESTION: pref.questions}
    if not any(kinds.values()):
        return []
    return [item for item in due_items(user, now, days_ahead=days_ahead) if kinds[item.kind]]


@dataclass(frozen=True)
class Notice:
    """What an open tab may show. ``key`` changes when something new becomes due, and is never readable."""

    waiting: bool
    in_app: bool
    notify: bool  # a browser notification is wanted now: something waits, and it is not quiet hours
    quiet: bool
    key: str
    text: str = NEUTRAL_TEXT

    def as_json(self) -> dict[str, Any]:
        return {
            "waiting": self.waiting,
            "in_app": self.in_app,
            "notify": self.notify,
            "quiet": self.quiet,
            "key": self.key,
            "text": self.text,
            "poll_seconds": POLL_SECONDS if (self.in_app or self.notify or self.quiet) else None,
        }


def notice(user: Any, now: datetime | None = None) -> Notice:
    now = now or tokens.clock()
    pref = preferences(user)
    if not (pref.in_app or pref.browser):
        return Notice(waiting=False, in_app=False, notify=False, quiet=False, key="")
    items = wanted(user, now)
    local = now.astimezone(ZoneInfo(user_tz(user.pk))).time()
    quiet = pref.browser and in_quiet_hours(local, pref.quiet_start, pref.quiet_end)
    marks = sorted(f"{i.kind}:{i.repair_id}:{i.ref}:{i.on.isoformat()}" for i in items)
    key = _opaque(f"{user.pk}|{'|'.join(marks)}")[:20] if items else ""
    return Notice(
        waiting=bool(items), in_app=pref.in_app, notify=bool(items) and pref.browser and not quiet, quiet=quiet, key=key
    )


# The calendar feed ------------------------------------------------------------------------------


def new_feed(user: Any) -> str:
    """A new secret feed address for ``user``; any earlier one stops working. Returned once, stored hashed."""
    secret = FEED_PREFIX + secrets.token_urlsafe(32)
    pref = _stored(user)
    pref.feed_hash, pref.feed_created_at = tokens.hash_token(secret), tokens.clock()
    pref.save(update_fields=["feed_hash", "feed_created_at"])
    return secret


def revoke_feed(user: Any) -> None:
    ReminderPreference.objects.filter(user=user).update(feed_hash=None, feed_created_at=None)


def has_feed(user: Any) -> bool:
    return ReminderPreference.objects.filter(user=user, feed_hash__isnull=False).exists()


def feed_owner(secret: str) -> Any | None:
    """The active person behind a presented feed secret, or None (unknown, revoked, malformed)."""
    if not secret.startswith(FEED_PREFIX) or len(secret) > 100:
        return None
    pref = ReminderPreference.objects.select_related("user").filter(feed_hash=tokens.hash_token(secret)).first()
    return pref.user if pref is not None and pref.user.is_active else None


def feed_items(user: Any, now: datetime | None = None) -> list[DueItem]:
    return wanted(user, now, days_ahead=FEED_DAYS_AHEAD)


def item_uid(user: Any, item: DueItem) -> str:
    """A calendar UID that stays the same for the same due item, and says nothing about it."""
    mark = f"{user.pk}:{item.kind}:{item.repair_id}:{item.ref}:{item.on.isoformat()}"
    return _opaque(mark)[:32] + "@amends"


def _opaque(mark: str) -> str:
    # Keyed, so nobody holding a feed can work back from a UID to repair or commitment numbers.
    return hmac.new(settings.SECRET_KEY.encode(), mark.encode(), hashlib.sha256).hexdigest()
