"""Invitations into a repair. Their codes are stored only as hashes: a copy of the database is not
enough to join a repair. (API tokens, the app lock and the request counters are in amends.web.security.)
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from amends.web.repairs.models import ROLES, Repair


class Invitation(models.Model):
    """A one-time invitation into a repair, reached by a link or by typing its short code."""

    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="invitations")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=16, choices=ROLES)  # the role the invited person joins in
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def is_pending(self) -> bool:
        return self.used_at is None and self.revoked_at is None and self.expires_at > timezone.now()
