"""The reminders section of the settings page (the page itself belongs to accounts)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User

from amends.services import reminders
from amends.web.reminders.forms import ReminderForm

_FIELDS = ("check_ins", "questionnaires", "questions", "in_app", "browser", "quiet_start", "quiet_end")


def settings_context(user: User, form: ReminderForm | None = None, new_feed_url: str = "") -> dict[str, Any]:
    """What the settings page needs for its reminders section (the page itself belongs to accounts)."""
    if form is None:
        pref = reminders.preferences(user)
        form = ReminderForm(initial={name: getattr(pref, name) for name in _FIELDS}, prefix="reminders")
    return {"reminder_form": form, "has_feed": reminders.has_feed(user), "new_feed_url": new_feed_url}
