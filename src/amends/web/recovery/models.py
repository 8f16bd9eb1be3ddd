"""One-time recovery codes, stored only as hashes.

A code is shown once, at sign-up or when the person makes new ones in settings. The database keeps
its first characters (to find the one row to check, so one slow hash is computed instead of ten) and a
salted slow hash of the whole code from Django's password hashers. Both field names carry "secret",
so the export leaves them out: it shows when codes were made and used, never the codes.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class RecoveryCode(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes")
    secret_prefix = models.CharField(max_length=4)
    secret_hash = models.CharField(max_length=256)
    created_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "secret_prefix"], name="recoverycode_lookup")]
