"""How long each piece of text may be, and how far a commitment's start may reach: one table.

The forms (``max_length``), the API schema (``maxLength``), the models and the services all read
this table, so a limit is changed in one place and the layers can never disagree. Pure Python, no
Django: the core and the schema read it as well as the web layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Limit:
    chars: int
    label: str  # how a refusal names the text, e.g. "The note"


LIMITS: dict[str, Limit] = {
    "text": Limit(20_000, "The text"),  # anything the coach reads, journey answers, apology drafts
    "repair.title": Limit(120, "The name"),
    "commitment.text": Limit(1_000, "The commitment"),
    "commitment.event": Limit(200, "The event"),
    "check_in.note": Limit(2_000, "The note"),
    "confirmation.note": Limit(2_000, "The note"),
    "dispute.message": Limit(2_000, "The message"),
    "question.text": Limit(4_000, "The question"),
    "answer.text": Limit(8_000, "The answer"),
    "transparency_note.text": Limit(4_000, "The note"),
    "api_token.name": Limit(60, "The token name"),
    "argument.topic": Limit(300, "The topic"),  # a few words; the detail goes in "What happened"
    "conversation.text": Limit(8_000, "What you wrote"),  # one box of a guided conversation
    "conversation.agreement": Limit(2_000, "The agreement"),
    "incident.note": Limit(4_000, "The note"),
}

# A commitment starts at most this far back or ahead of today. Older starts would make every ledger
# page walk centuries of due days; a plan more than a year out is not a commitment yet.
START_REACH = timedelta(days=365)


def chars(name: str) -> int:
    return LIMITS[name].chars


def too_long(name: str, text: str) -> str | None:
    """A refusal that says what to do, or None when ``text`` fits."""
    limit = LIMITS[name]
    if len(text) <= limit.chars:
        return None
    return (
        f"{limit.label} is {len(text):,} characters; the limit is {limit.chars:,}. Shorten it; your text is still here."
    )


def start_out_of_reach(start: date, today: date) -> str | None:
    """A refusal for a start date more than a year back or ahead, or None when it is within reach."""
    earliest, latest = today - START_REACH, today + START_REACH
    if start < earliest:
        return f"A commitment can start at most a year back, on {earliest.isoformat()} or later. Pick a later date."
    if start > latest:
        return f"A commitment can start at most a year ahead, on {latest.isoformat()} or earlier. Pick an earlier date."
    return None
