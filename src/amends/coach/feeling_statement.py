"""Gentle help for the hurt partner to say how they feel.

Gottman's "gentle start-up" phrases a complaint as "I feel … about … and I need …": a feeling,
the situation (not the person's character) and a positive need. This module checks a draft for
those three parts. The writer is the person who was hurt, so their pain is never read as blame:
"You made me feel worthless when you said that" names a feeling and a moment, and counts as one.
Where a sentence describes the partner's character (the reply coach's criticism and contempt rules),
the coach offers a gentler start-up as an option, in words written for the hurt partner; it never
tells them they are making the other defensive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from amends.coach.emotions import read_emotions
from amends.coach.reply import analyze_reply
from amends.coach.results import Finding, Span
from amends.coach.text import check_text

SOURCE = 'Gottman, gentle start-up ("I feel … about … I need …")'
_I_FEEL = re.compile(
    r"\bI\s+(?:feel|felt|am feeling|was feeling|'m feeling|’m feeling)\b"
    r"|\b(?:made|makes|make|left|leaves|leave)\s+me\s+(?:feel|feeling)\b"
    r"|\b(?:it|that|this|what you said|what you did)\s+(?:really\s+)?(?:hurt|hurts|scared|scares|frightened)\b"
    r"|\bI\s+(?:was|am|'m|’m)\s+(?:so\s+|really\s+|very\s+)?(?:hurt|scared|afraid|angry|sad|lonely|humiliated)\b",
    re.I,
)
_ABOUT = re.compile(r"\b(?:about|when|that|because)\b", re.I)
_NEED = re.compile(r"\bI\s+(?:need|needed|would like|'d like|’d like|want|wish|am asking|'m asking)\b", re.I)
# Character attacks, from the reply coach. Its "blame" and "counterattack" rules are about a reply to a
# hurt partner ("you made me do it"); the hurt partner naming what the other did is not blame.
_ATTACK_RULES = {"criticism", "contempt"}
GENTLER = "gentler_start"
GENTLER_MESSAGE = (
    "What you feel is real and fair to say. This part describes who they are rather than what happened, "
    "and that can be harder for them to take in."
)
GENTLER_SUGGESTION = 'If you want, try the moment and your feeling instead: "When …, I felt …, and I need …".'


@dataclass(frozen=True)
class FeelingStatementReport:
    text: str
    feeling: tuple[Span, ...]
    situation: tuple[Span, ...]
    need: tuple[Span, ...]
    findings: tuple[Finding, ...]
    named_feelings: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return bool(self.feeling and self.situation and self.need) and not self.findings

    def outline(self) -> list[str]:
        """The three-part form, keeping the user's own words where they have them."""
        feeling = self.text[self.feeling[0][0] :] if self.feeling else ""
        first = feeling.split(".")[0].strip() if feeling else ""
        suggestion = ", ".join(self.named_feelings[:2]) or "[the feeling, in one or two words]"
        return [
            first or f"I feel {suggestion}",
            "… about [what happened, the event rather than who they are]",
            "… and I need [one thing they could do that would help]",
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "feeling_statement",
            "text": self.text,
            "parts": {
                "feeling": [[s, e] for s, e in self.feeling],
                "situation": [[s, e] for s, e in self.situation],
                "need": [[s, e] for s, e in self.need],
            },
            "findings": [f.to_dict() for f in self.findings],
            "named_feelings": list(self.named_feelings),
            "complete": self.complete,
            "outline": self.outline(),
            "source": SOURCE,
        }


def check_feeling_statement(text: str) -> FeelingStatementReport:
    """Check a draft of "how I feel" for feeling, situation and need, and for attacks."""
    check_text(text, what="message")
    feeling = tuple((m.start(), m.end()) for m in _I_FEEL.finditer(text))
    situation = tuple((m.start(), m.end()) for m in _ABOUT.finditer(text) if feeling and m.start() > feeling[0][0])
    need = tuple((m.start(), m.end()) for m in _NEED.finditer(text))
    return FeelingStatementReport(text, feeling, situation[:1], need, _attacks(text), _named_feelings(text))


def _attacks(text: str) -> tuple[Finding, ...]:
    report = analyze_reply(None, text)
    return tuple(
        Finding(GENTLER, "low", f.span, GENTLER_MESSAGE, GENTLER_SUGGESTION, SOURCE)
        for f in report.findings
        if f.rule in _ATTACK_RULES
    )


def _named_feelings(text: str) -> tuple[str, ...]:
    return tuple(f.display.lower() for f in read_emotions(text).feelings if f.score >= 0.3)
