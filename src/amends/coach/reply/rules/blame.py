"""Blame: making them responsible for what you did.

Source: Gottman's defensiveness (blame-shifting); apology research on blame as the
element that most poisons an apology (Schumann 2018; Lewicki et al. 2016).
"""

from __future__ import annotations

from amends.coach.reply.rules._match import find, patterns
from amends.coach.results import Span

NAME = "blame"
SEVERITY = "high"
MESSAGE = "This puts your choice on them; they will hear that they caused their own hurt."
SUGGESTION = 'Own your choice in the first person: "I chose..., and it hurt you."'
SOURCE = "Gottman: defensiveness as blame; Schumann 2018 (apology components)"
EXAMPLES_FLAG = (
    "You made me so angry that I said it.",
    "If you hadn't nagged me, I would have remembered.",
    "It's your fault too.",
    "You started it.",
    "You left me no choice.",
    "I only did it because you pushed me.",
    "It's not my fault you can't keep up.",
)
EXAMPLES_PASS = (
    "I made a choice that hurt you.",
    "It's my fault, not yours.",
    "If I had listened, this wouldn't have happened.",
    "You did nothing to cause this.",
    "I started this and I want to end it well.",
)
_P = patterns(
    r"\byou made me\b",
    r"\bif you (?:hadn't|had not|didn't|did not|weren't|were not|wouldn't|would just|had just)\b",
    r"\byour fault\b",
    r"\byou started (?:it|this)\b",
    r"\byou left me no choice\b",
    r"\bbecause you (?:pushed|nagged|made|kept|always|never|were|started)\b",
    r"\byou drove me\b",
    r"\bthanks to you\b",
    r"\byou forced me\b",
    # Added 2026-11-30 from the real-text dev half.
    r"\bnot my fault (?:that )?you\b",
    r"\bbecause you (?:and|only|refuse|refused|made)\b",
)


def check(text: str) -> list[Span]:
    return find(text, _P)
