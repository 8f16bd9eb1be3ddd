from __future__ import annotations

from django.conf import settings
from django.db import models


class Profile(models.Model):
    """Per-user settings. The region picks crisis resources; it is chosen, never geolocated."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    region = models.CharField(max_length=8, default="INTL")
    timezone = models.CharField(max_length=64, default="UTC")
