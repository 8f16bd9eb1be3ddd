"""Each person's reminder choices: what to be reminded of, where, and when not to be disturbed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ReminderPreference(models.Model):
    """One row per person, made on first use. The calendar feed's secret is kept only as a hash."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders")
    check_ins = models.BooleanField(default=True)
    questionnaires = models.BooleanField(default=True)
    questions = models.BooleanField(default=True)
    in_app = models.BooleanField(default=True)
    browser = models.BooleanField(default=False)  # needs the person's own permission in each browser
    quiet_start = models.TimeField(null=True, blank=True)  # in the person's time zone (their profile)
    quiet_end = models.TimeField(null=True, blank=True)
    feed_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    feed_created_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
