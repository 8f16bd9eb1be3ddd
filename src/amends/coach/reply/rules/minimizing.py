"""Minimizing: making the act smaller than it felt to them.

Source: Gottman's defensiveness family; in apology research (Lewicki et al. 2016) playing
down the harm undoes acknowledging it.
"""

from __future__ import annotations

from amends.coach.reply.rules._match import find, patterns
from amends.coach.results import Span

NAME = "minimizing"
SEVERITY = "medium"
MESSAGE = "This shrinks what happened; to them it was big enough to hurt."
SUGGESTION = "Let it be as big as it was for them. Name what it cost them instead."
SOURCE = "Gottman: defensiveness; Lewicki, Polin & Lount 2016 (acknowledging harm)"
EXAMPLES_FLAG = (
    "It was just a joke.",
    "It's not a big deal.",
    "I was only twenty minutes late.",
    "It's not like I cheated on you.",
    "It only happened once.",
    "Everyone does it.",
    "It's just a text, relax.",
    "It was only one drink.",
    "It's not that serious.",
)
EXAMPLES_PASS = (
    "It was a big deal, and I treated it like it wasn't.",
    "I'm only now seeing how much it hurt.",
    "I joked about something that mattered to you.",
    "That wasn't a small thing to you, and it wasn't to me either.",
    "You're the only one I want to be with.",
    "It's just that I miss you.",
)
_P = patterns(
    r"\b(?:it was|it's|that was) (?:just|only) a (?:joke|comment|text|drink|mistake)\b",
    r"\b(?:just|only) (?:joking|kidding|teasing)\b",
    r"\b(?:not|no) (?:such )?a? ?big deal\b",
    r"\bno big deal\b",
    r"\bi was only\b",
    r"\bit(?:'s| is) not like i\b",
    r"\bonly (?:happened )?once\b",
    r"\beveryone does (?:it|that)\b",
    r"\bit(?:'s| is| was)(?:n't| not) that bad\b",
    r"\bit was nothing\b",
    r"\bcould have been worse\b",
    r"\bthese things happen\b",
    # Added 2026-11-30 from the real-text dev half and LABELLING.md §2 ("it's just a text").
    r"\b(?:it(?:'s| is| was)|that(?:'s| is| was)) (?:just|only|merely) (?:a|an|one|some)\b",
    r"\bone little\b",
    r"\bnot (?:that|so|even that) (?:serious|bad|important|deep)\b",
    r"\bwhy (?:is|are) (?:it|this|that|you making it) (?:such )?a (?:big )?(?:deal|thing)\b",
    r"\b(?:it|that) (?:was|is)(?:n't| not) even\b",
    r"\bget over it\b",
)


def check(text: str) -> list[Span]:
    return find(text, _P)
