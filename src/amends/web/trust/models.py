"""Rebuilding trust you can see: commitments, check-ins, confirmations, questions, notes, check-in scores.

Commitments, check-ins, confirmations and questions are couple-visible by nature once the
partner has joined. Transparency notes are shared by their writer, and questionnaire
scores stay private to their author unless they choose to share them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from amends import measures
from amends.limits import chars
from amends.web.repairs.models import Repair

SCHEDULE_KINDS = [
    ("once", "Once"),
    ("daily", "Every day"),
    ("weekly", "On given days each week"),
    ("whenever", "Whenever something happens"),
]
STATUSES = [("kept", "Kept"), ("partly", "Partly kept"), ("missed", "Missed")]
VERDICTS = [("confirmed", "Confirmed"), ("disputed", "Disputed")]
QUESTION_STATUSES = [("waiting", "Waiting for an answer"), ("answered", "Answered"), ("thinking", "Thinking it over")]
HELPED = [("", "Not marked yet"), ("helped", "This helped"), ("more", "I still have questions")]
SOURCES = [
    ("", "Written directly"),
    ("repair", "From the apology: making it right"),
    ("change", "From the apology: what will change"),
]
INSTRUMENT_CHOICES = [(key, measures.load_instrument(key).name) for key in measures.check_ins()]


class Commitment(models.Model):
    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="commitments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="commitments")
    text = models.TextField(max_length=chars("commitment.text"))
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=16, choices=SOURCES, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["repair", "created_at"])]

    def __str__(self) -> str:
        return self.text


class ScheduleVersion(models.Model):
    """One row per edit: the schedule (and wording) in force from ``effective_from``. Never rewritten."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="versions")
    effective_from = models.DateField()
    kind = models.CharField(max_length=16, choices=SCHEDULE_KINDS)
    weekdays = models.CharField(max_length=16, blank=True)  # "0,2,4"; 0 = Monday
    on = models.DateField(null=True, blank=True)  # once only
    event = models.CharField(max_length=chars("commitment.event"), blank=True)  # whenever only
    text = models.TextField(max_length=chars("commitment.text"))  # the wording while this version was in force
    end = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["effective_from", "pk"]
        constraints = [models.UniqueConstraint(fields=["commitment", "effective_from"], name="one_version_per_day")]


class CheckIn(models.Model):
    # ``repair`` repeats the commitment's, so the timeline can page through one index.
    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="+")
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="check_ins")
    on = models.DateField()
    status = models.CharField(max_length=8, choices=STATUSES)
    note = models.TextField(max_length=chars("check_in.note"), blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-on", "pk"]
        constraints = [models.UniqueConstraint(fields=["commitment", "on"], name="one_check_in_per_day")]
        indexes = [models.Index(fields=["repair", "recorded_at"])]


class Confirmation(models.Model):
    """The partner's view of one check-in. Shown alongside the check-in, never merged into it."""

    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="+")
    check_in = models.OneToOneField(CheckIn, on_delete=models.CASCADE, related_name="confirmation")
    partner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="confirmations")
    verdict = models.CharField(max_length=10, choices=VERDICTS)
    note = models.TextField(max_length=chars("confirmation.note"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        # The latest disputes of a repair, found from the end of the index: the confirm page and the
        # "waiting for you" list read the last few, however many years of confirmations lie behind them.
        indexes = [
            models.Index(fields=["repair", "created_at"]),
            models.Index(fields=["repair", "verdict", "created_at"]),
        ]


class DisputeMessage(models.Model):
    """A short exchange about a disputed check-in; each side's words stay as written."""

    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="+")
    confirmation = models.ForeignKey(Confirmation, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=chars("dispute.message"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["repair", "created_at"])]


class Question(models.Model):
    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="questions")
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="questions_asked")
    text = models.TextField(max_length=chars("question.text"))
    status = models.CharField(max_length=10, choices=QUESTION_STATUSES, default="waiting")
    answer_by = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]


class Answer(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="answers_given")
    text = models.TextField(max_length=chars("answer.text"))
    helped = models.CharField(max_length=8, choices=HELPED, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]


class TransparencyNote(models.Model):
    """A voluntary entry ("I saw X today, here is what happened"). Nothing is ever collected for it."""

    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="transparency_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="transparency_notes")
    text = models.TextField(max_length=chars("transparency_note.text"))
    shared = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]


class QuestionnaireResponse(models.Model):
    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="questionnaire_responses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="questionnaire_responses")
    instrument = models.CharField(max_length=32, choices=INSTRUMENT_CHOICES)
    answers = models.JSONField(default=dict)
    total = models.FloatField(null=True)
    headline = models.FloatField(null=True)  # the one number charted (CSI-4 total, "trust today", ...)
    band = models.CharField(max_length=40, blank=True)
    shared = models.BooleanField(default=False)
    taken_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-taken_at", "-pk"]
        indexes = [models.Index(fields=["repair", "user", "instrument", "taken_at"])]


class LedgerPast(models.Model):
    """The ledger's closed history, summarised (``amends.ledger.window.Past``): streak states and unrecorded days.

    Derived figures only, never anyone's words. One row per repair and viewpoint: ``authors`` lists
    whose items the figures include (the access rule's visible authors), so a viewer only ever
    reads figures made from what they may see. ``data`` holds the far Past and, under "near", the
    near one carried on from it. The far one is valid while ``revision`` equals the repair's
    ``LedgerRevision.revision``, the near one while that holds and its "recent" equals
    ``LedgerRevision.recent``; the services bump them when a write reaches back that far.
    """

    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="+")
    authors = models.CharField(max_length=200)  # "3,7": sorted user ids
    revision = models.PositiveIntegerField()
    data = models.JSONField()
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["repair", "authors"], name="one_ledger_past_per_view")]


class LedgerRevision(models.Model):
    """Bumped by the services when a write changes the closed history, so every stored LedgerPast is redone:
    ``revision`` for a write that reaches the far Past (or a commitment itself), ``recent`` for one that
    reaches only the near Past."""

    repair = models.OneToOneField(Repair, on_delete=models.CASCADE, primary_key=True, related_name="+")
    revision = models.PositiveIntegerField(default=0)
    recent = models.PositiveIntegerField(default=0)
