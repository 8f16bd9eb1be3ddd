"""What each member has already looked at, so "Waiting for you" can say what is new.

A mark belongs to a membership, not to a person: it goes when they leave the repair, and it holds
no one's words, only the keys of items that were on screen (``amends.services.waiting``).
"""

from __future__ import annotations

from django.db import models

from amends.web.repairs.models import Membership

SEEN_KINDS = [("shared", "Shared between you"), ("answers", "Answers to my questions"), ("notes", "Notes")]


class SeenMark(models.Model):
    """The partner's items this member has seen on one page: their keys, and when the page was last opened.

    Keys, not a timestamp alone: sharing an older answer, or a new revision of one, is new to the
    reader even though the item itself is old.
    """

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    what = models.CharField(max_length=16, choices=SEEN_KINDS)
    keys = models.JSONField(default=list)
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["membership", "what"], name="one_seen_mark_per_page")]
