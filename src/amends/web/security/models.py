"""Personal API tokens, the optional app lock, and request counters.

Secrets (API tokens, PINs) are stored only as hashes: a copy of the database is not enough to call
the API or unlock the app. These models came from the partners app; their tables kept their names
(``partners_*``) so the move touched no data (see migrations/0001_initial.py).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

TOKEN_SCOPES = [("read", "Read only"), ("write", "Read and write")]


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 is kept; the token itself is shown once.

    It stops working at ``expires_at``, and when its owner's password changes. A read-only token
    may ask the coach and read data, and gets a 403 on anything that changes data.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=60)
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12)  # enough to recognise a token in the list, not to use it
    scope = models.CharField(max_length=8, choices=TOKEN_SCOPES, default="read")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)

    @property
    def can_write(self) -> bool:
        return self.scope == "write"

    class Meta:
        db_table = "partners_apitoken"  # moved from the partners app with its data; the table kept its name
        ordering = ["-created_at"]


class AppLock(models.Model):
    """An optional PIN asked again after some idle minutes, for a computer others can reach."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="app_lock")
    pin_hash = models.CharField(max_length=256)
    idle_minutes = models.PositiveIntegerField(default=5)

    class Meta:
        db_table = "partners_applock"


class RateCounter(models.Model):
    """Requests counted per key, bucket and time window, in the database so every worker agrees.

    The key is a hash (of "user:ID" or "ip:ADDRESS"), so the table holds no addresses or names.
    """

    key = models.CharField(max_length=64)
    bucket = models.CharField(max_length=32)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "partners_ratecounter"
        constraints = [models.UniqueConstraint(fields=["key", "bucket", "window_start"], name="one_counter_per_window")]
        indexes = [models.Index(fields=["window_start"], name="ratecounter_window")]
