"""The reply coach's result value and how its score and suggestions are worked out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from amends.coach.emotions.feelings import IN_A_SENTENCE
from amends.coach.reply.context import LOW_ATTUNEMENT, Attunement
from amends.coach.reply.mechanisms import MechanismScore
from amends.coach.results import Finding

_PENALTY = {"high": 22, "medium": 12, "low": 6}
# Understanding carries the most: even a generic "I can see why you would feel that way" (the guide's
# own recommended words) is validation, and lands near the middle of the scale on its own.
_POINTS = {"emotional_reaction": (0, 12, 20), "interpretation": (0, 22, 30), "exploration": (0, 10, 15)}
_BASE, _FOLLOWS, _NO_PARTNER = 20, 15, 6


@dataclass(frozen=True)
class ReplyReport:
    partner: str | None
    text: str
    score: int
    mechanisms: dict[str, MechanismScore]
    findings: tuple[Finding, ...]
    suggestions: tuple[str, ...]
    notes: tuple[str, ...]
    attunement: Attunement | None

    def level(self, mechanism: str) -> int:
        return self.mechanisms[mechanism].level

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.rule for f in self.findings))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": "reply",
            "partner": self.partner,
            "text": self.text,
            "score": self.score,
            "mechanisms": {name: m.to_dict() for name, m in self.mechanisms.items()},
            "findings": [f.to_dict() for f in self.findings],
            "suggestions": list(self.suggestions),
            "notes": list(self.notes),
        }
        if self.attunement is not None:
            a = self.attunement
            out["attunement"] = {
                "score": a.score,
                "similarity": a.similarity,
                "shared_words": list(a.shared_words),
                "feelings_named": list(a.feelings_named),
                "partner_feelings": list(a.partner_feelings),
            }
        return out


def total_score(mechanisms: dict[str, MechanismScore], findings: tuple[Finding, ...], attune: Attunement | None) -> int:
    """0-100: points for each mechanism and for following the partner, less each finding."""
    points = _BASE + sum(_POINTS[name][m.level] for name, m in mechanisms.items())
    points += round(_FOLLOWS * attune.score) if attune is not None else _NO_PARTNER
    points -= sum(_PENALTY[f.severity] for f in {f.rule: f for f in findings}.values())
    return int(max(0, min(100, points)))


def _in_words(items: list[str]) -> str:
    """["hurt", "disappointment", "anger"] -> "hurt, disappointment and anger"."""
    return " and ".join(items) if len(items) < 3 else f"{', '.join(items[:-1])} and {items[-1]}"


def suggestions(
    mechanisms: dict[str, MechanismScore],
    attune: Attunement | None,
    questions: tuple[str, ...],
) -> tuple[str, ...]:
    """What would make the reply land better. It never says who was right, and never repeats a
    finding's fix: each finding carries its own, shown beside it."""
    out: list[str] = []
    if attune is not None and attune.score < LOW_ATTUNEMENT:
        # The report's note already says the reply strays from their words; this says where to go instead.
        felt = _in_words([IN_A_SENTENCE.get(n, n) for n in attune.partner_feelings[:3]])
        # A reply of stock words strays nowhere; it needs their words in it, not a different subject.
        start = (
            "Answer their words, not the conversation you expected"
            if attune.own_words
            else "Take up what they told you"
        )
        out.append(start + (f": they may feel {felt}." if felt else "."))
    if mechanisms["emotional_reaction"].level < 2:
        out.append('Show you are moved by what they went through, for example "I hate that I hurt you."')
    if mechanisms["interpretation"].level < 2:
        out.append("Say back, in your own words, what you understand they felt and why; keep your reasons out of it.")
    if mechanisms["exploration"].level < 2:
        out.append('Ask one open question about their experience, such as "What was that like for you?"')
    # A reply already warm, specific in its understanding and curious has met the question underneath; telling
    # its writer to "answer that" would read as a fault in a reply with none.
    if questions and not all(m.level == 2 for m in mechanisms.values()):
        out.append(f'Underneath, they may be asking: "{questions[0]}" Let your reply answer that.')
    return tuple(out)
