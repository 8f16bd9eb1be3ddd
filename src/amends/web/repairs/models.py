"""A repair, its members, and what each member writes on their journey."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from amends.journey.playbooks import mistake_kinds

MISTAKE_KINDS = mistake_kinds()
ROLES = [("offender", "I hurt my partner"), ("hurt", "I was hurt")]


class Repair(models.Model):
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="repairs_created"
    )
    kind = models.CharField(max_length=32, choices=MISTAKE_KINDS)
    title = models.CharField(max_length=120)
    description = models.TextField(max_length=20_000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.title


class Membership(models.Model):
    """A user's place in a repair. At most two members, one per role."""

    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=16, choices=ROLES)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["repair", "user"], name="one_membership_per_user"),
            models.UniqueConstraint(fields=["repair", "role"], name="one_member_per_role"),
        ]


class JourneyAnswer(models.Model):
    """One answer to one prompt. Private to its author unless they share it."""

    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="answers")
    step = models.CharField(max_length=64)
    prompt = models.CharField(max_length=64)
    text = models.TextField(max_length=20_000, blank=True)
    revision = models.PositiveIntegerField(default=0)
    shared = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["repair", "author", "step", "prompt"], name="one_answer_per_prompt")
        ]


class JourneyAnswerRevision(models.Model):
    """Earlier text of an answer, kept when a save from another tab replaces it."""

    answer = models.ForeignKey(JourneyAnswer, on_delete=models.CASCADE, related_name="revisions")
    text = models.TextField()
    revision = models.PositiveIntegerField()
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-revision"]


class StepCompletion(models.Model):
    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="completions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="completions")
    step = models.CharField(max_length=64)
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["repair", "user", "step"], name="one_completion_per_step")]


class ApologyDraft(models.Model):
    """A saved version of the apology, with the coach's verdict at the time, so drafts can be compared."""

    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="apology_drafts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="apology_drafts")
    version = models.PositiveIntegerField()
    text = models.TextField(max_length=20_000)
    score = models.IntegerField(null=True)
    verdict = models.CharField(max_length=16, blank=True)
    shared = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["repair", "author", "version"], name="one_draft_per_version")]


class PracticeEntry(models.Model):
    """A listening practice: what the partner said, the user's reply, and the coach's score. Private."""

    MODES = [("reply", "Reply to my partner"), ("feel", "Say how I feel")]
    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="practice")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice")
    mode = models.CharField(max_length=8, choices=MODES, default="reply")
    partner_text = models.TextField(max_length=20_000, blank=True)
    text = models.TextField(max_length=20_000)
    score = models.IntegerField(null=True)
    shared = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]


class Pause(models.Model):
    """One member's "I need a break from the shared space" on one repair.

    It holds no reason on purpose: a pause raised by a private screen and one chosen from the
    menu are the same row, so nothing a partner can reach tells them apart. Only its ``user``
    can lift it; while any current member holds one, nothing in the repair reaches the other.
    """

    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="pauses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pauses")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["repair", "user"], name="one_pause_per_member")]
