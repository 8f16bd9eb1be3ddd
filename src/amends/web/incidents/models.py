"""When it happens again: a new incident in a repair, and each member's answers about that incident.

The repair's history, commitments and charts stay as they were; an incident is added beside them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from amends.journey.incidents import incident_kinds
from amends.limits import chars
from amends.web.repairs.models import ROLES

INCIDENT_KINDS = [(k.slug, k.label) for k in incident_kinds()]


class Incident(models.Model):
    """ "It happened again" or "something more came out". Private to its author unless they share it."""

    repair = models.ForeignKey("repairs.Repair", on_delete=models.CASCADE, related_name="incidents")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="incidents")
    kind = models.CharField(max_length=16, choices=INCIDENT_KINDS)
    happened_on = models.DateField()
    note = models.TextField(max_length=chars("incident.note"), blank=True)
    shared = models.BooleanField(default=False)
    recorded_at = models.DateTimeField()  # from the injectable clock, so tests can stand still

    class Meta:
        ordering = ["-happened_on", "-recorded_at"]


class IncidentAnswer(models.Model):
    """One member's answer to one prompt of their track for one incident: earlier incidents keep theirs."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="incident_answers")
    # The writer's side when they wrote it, so the answer keeps its question even after they leave.
    role = models.CharField(max_length=16, choices=ROLES)
    step = models.CharField(max_length=64)
    prompt = models.CharField(max_length=64)
    text = models.TextField(max_length=chars("text"), blank=True)
    shared = models.BooleanField(default=False)
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "author", "step", "prompt"], name="one_incident_answer_per_prompt"
            )
        ]
