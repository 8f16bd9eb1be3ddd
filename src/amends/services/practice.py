"""Use cases for listening practice."""

from __future__ import annotations

from amends.coach.reply import analyze_reply
from amends.coach.text import TextRejected
from amends.services.access import RepairAccess
from amends.services.errors import check_length
from amends.services.text_safety import scanned
from amends.web.repairs.models import PracticeEntry


def record_practice(access: RepairAccess, *, mode: str, partner_text: str, text: str) -> PracticeEntry:
    """Keep one practice attempt, private to its author, with the coach's score at the time."""
    check_length(partner_text, "What your partner said", field="partner")
    check_length(text, "Your words", required=True, field="text")
    entry = PracticeEntry.objects.create(
        repair=access.repair,
        author_id=access.user_id,
        mode=mode,
        partner_text=partner_text,
        text=text,
        score=_score(mode, partner_text, text),
    )
    return scanned(entry, access.user_id, text, partner_text)


def _score(mode: str, partner_text: str, text: str) -> int | None:

    if mode != "reply":
        return None

    try:
        return int(analyze_reply(partner_text or None, text).to_dict()["score"])
    except TextRejected:
        return None
