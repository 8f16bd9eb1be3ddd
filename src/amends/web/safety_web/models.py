"""Private safety data. None of these models has a ``shared`` field: they are never shown to a partner."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from amends.web.repairs.models import Repair


class ScreenResult(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="screens")
    instrument = models.CharField(max_length=32)
    answers = models.JSONField(default=dict)
    total = models.FloatField(null=True)
    band = models.CharField(max_length=32, blank=True)
    positive = models.BooleanField(null=True)
    flags = models.JSONField(default=list)
    complete = models.BooleanField(default=True)
    acute = models.BooleanField(null=True)  # answer to the "right now?" question, once asked
    taken_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-taken_at"]


class SafetySignal(models.Model):
    """An abuse signal raised by a user's own private screen or self-report. It pauses couple features."""

    KINDS = [("abuse_victim", "Harm from a partner"), ("abuse_perpetration", "Harming a partner")]
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_signals")
    kind = models.CharField(max_length=32, choices=KINDS)
    source = models.CharField(max_length=32)  # "hark" | "self_report"
    created_at = models.DateTimeField(auto_now_add=True)


class SafetyPlan(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_plan")
    answers = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)


class HelpSignsReport(models.Model):
    """The user's own answers to the seed's four "when to get help" signs, per repair. Private."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="help_signs")
    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="help_signs")
    same_arguments = models.BooleanField(default=False)
    trust_struggle = models.BooleanField(default=False)
    # Answers from before the three were asked apart; triage reads a True here as all three.
    abuse_substance_or_mental_health = models.BooleanField(default=False)
    abuse = models.BooleanField(default=False)
    substance_use = models.BooleanField(default=False)
    mental_health = models.BooleanField(default=False)
    emotional_fallout = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "repair"], name="one_signs_report_per_repair")]


class ArgumentEntry(models.Model):
    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="arguments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="arguments")
    occurred_on = models.DateField()
    topic = models.CharField(max_length=300)
    what_happened = models.TextField(max_length=20_000, blank=True)
    how_it_ended = models.TextField(max_length=20_000, blank=True)
    # Set when the crisis scan found abuse in this entry: triage then never suggests couple work.
    abuse_flagged = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on", "-created_at"]


class PlaybookCheck(models.Model):
    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="playbook_checks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="playbook_checks")
    item = models.CharField(max_length=64)
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["repair", "user", "item"], name="one_check_per_item")]


class SafetyPreference(models.Model):
    """Per-person safety settings. ``neutral_titles`` gives every page a title that says nothing about amends."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_preference")
    neutral_titles = models.BooleanField(default=False)
