"""Guided conversations: one run of a conversation, what each person wrote in it, and the "we agreed" notes.

What a conversation says (steps, guidance, sources) is content (``amends/content/conversations``); these
tables hold only what people wrote and where a shared run stands. Who sees what is decided by
``amends.services.access`` like every other couple's data.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from amends.limits import chars
from amends.web.repairs.models import Repair

PHASES = [("tell", "Telling"), ("summarize", "Summarizing"), ("check", "Checking the summary")]


class Conversation(models.Model):
    repair = models.ForeignKey(Repair, on_delete=models.CASCADE, related_name="conversations")
    # SET_NULL: deleting one's account must not take the partner's writing in a shared run with it.
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="conversations_started"
    )
    kind = models.CharField(max_length=40)  # the conversation's slug in the content
    # Whether the partner takes part (After a fight). A run one person uses to prepare stays theirs alone.
    together = models.BooleanField(default=False)
    # Turn-taking over "each one's reality": turn 0 is the starter's, 1 the partner's, 2 means both done.
    turn = models.PositiveSmallIntegerField(default=0)
    phase = models.CharField(max_length=12, choices=PHASES, default="tell")
    agreed_note = models.ForeignKey("AgreementNote", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    agreed_at = models.DateTimeField(null=True, blank=True)
    timer_started_at = models.DateTimeField(null=True, blank=True)  # the time-out's twenty minutes
    finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-updated_at", "-pk"]


class ConversationEntry(models.Model):
    """One box one person filled in, in one step. Private until its author chooses to show it."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="entries")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conversation_entries")
    step = models.CharField(max_length=40)
    prompt = models.CharField(max_length=40)
    text = models.TextField(max_length=chars("conversation.text"), blank=True)
    shared = models.BooleanField(default=False)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "author", "step", "prompt"], name="one_entry_per_box")
        ]


class AgreementNote(models.Model):
    """A wording of "we agreed", proposed by one partner; the run is agreed when the other accepts it."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agreement_notes")
    text = models.TextField(max_length=chars("conversation.agreement"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
