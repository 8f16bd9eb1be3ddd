"""The commitment coach: is this a promise that can be kept, seen and checked in on?

Each rule lives in ``amends.ledger.rules`` as data plus a small matcher. The report also
carries one question for the writer, "Can you keep this every time?", pointing at the
action itself, because the seed guide's test for a promise is whether it can be kept.

``check_missed_note`` reads the note written with a missed check-in using the apology
coach's ``excuse`` and ``blame`` rules: a missed day is owned best without either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from amends.coach.matching import straighten
from amends.coach.results import Finding, Span
from amends.coach.text import check_text
from amends.ledger.rules import RULES

KEEP_EVERY_TIME = "Can you keep this every time?"
BLOCKING_RULES = frozenset({"surveillance"})  # not something amends will record at all

# The action starts after the promise verb ("I will", "I'll", "I promise to" …) and runs to
# the end of that sentence. "When X, I will Y" gives Y.
_PROMISE = re.compile(
    r"\b(?:I(?:'ll| will|'m going to| am going to| promise to| commit to| plan to| shall)"
    r"|we(?:'ll| will))\s+",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\n]")


@dataclass(frozen=True)
class KeepPrompt:
    """A question for the writer, with the span of the words it is about."""

    question: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "span": [self.span[0], self.span[1]]}


@dataclass(frozen=True)
class CommitmentReport:
    """What the coach found in one commitment.

    ``ok`` is True when no rule fired. ``allowed`` is False when a blocking rule fired
    (surveillance): the web layer should refuse to save such a commitment.
    """

    text: str
    findings: tuple[Finding, ...]
    ok: bool
    allowed: bool
    keep_every_time_prompt: KeepPrompt

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "ok": self.ok,
            "allowed": self.allowed,
            "findings": [f.to_dict() for f in self.findings],
            "keep_every_time_prompt": self.keep_every_time_prompt.to_dict(),
        }


def check_commitment(text: str) -> CommitmentReport:
    """Run every commitment rule over ``text``.

    Raises ``amends.coach.text.TextRejected`` for empty, binary, over-long or non-English text.
    """
    check_text(text, what="commitment")
    findings = sorted((f for rule in RULES for f in rule.check(text)), key=lambda f: (f.span, f.rule))
    return CommitmentReport(
        text=text,
        findings=tuple(findings),
        ok=not findings,
        allowed=not any(f.rule in BLOCKING_RULES for f in findings),
        keep_every_time_prompt=KeepPrompt(KEEP_EVERY_TIME, action_span(text)),
    )


def action_span(text: str) -> Span:
    """The span of the promised action: from after the first promise verb to the end of its sentence."""
    plain = straighten(text)
    match = _PROMISE.search(plain)
    start = match.end() if match else len(plain) - len(plain.lstrip())
    end_match = _SENTENCE_END.search(plain, start)
    end = end_match.start() if end_match else len(plain.rstrip())
    if end <= start:  # nothing after the verb ("I will."): point at the whole text
        start, end = len(plain) - len(plain.lstrip()), len(plain.rstrip())
    return (start, end)


# A note is not an apology, so the apology coach's wording ("cancels the apology") would be wrong here.
NOTE_MESSAGES = {
    "excuse": "This reads as saying the missed day was not yours to own.",
    "blame": "This puts the missed day on someone else.",
}


def check_missed_note(text: str) -> tuple[Finding, ...]:
    """Excuse and blame findings in the note left with a missed check-in, in text order.

    Flags only denials ("it wasn't my fault", "I had no choice") and blame: a factual reason on its
    own ("The train was delayed") is what a note is for, so the apology coach's unowned-reason
    check is not run. The apology's other elements (remorse, repair …) are not expected in a
    one-line note. Raises ``TextRejected`` like every coach input.
    """
    # Imported on first use so the ledger loads without pulling in the apology coach.
    from amends.coach.apology import lexicon
    from amends.coach.apology.doc import build_doc
    from amends.coach.apology.rules import blame, excuse
    from amends.coach.apology.rules._base import flag

    check_text(text, what="note")
    doc = build_doc(text)
    findings = flag(excuse, doc, lexicon.find(doc, excuse.NAME)) + blame.check(doc)
    findings = [replace(f, message=NOTE_MESSAGES[f.rule]) for f in findings]
    return tuple(sorted(findings, key=lambda f: (f.span, f.rule)))
