"""Invalidating: telling them their feelings are wrong, too big or not real.

Source: EPITOME (Sharma et al. 2020) counts validation as part of interpretation; its
opposite, dismissing the feeling, is what the HAILEY feedback (Sharma et al. 2023) rewrote.
"""

from __future__ import annotations

from amends.coach.reply.rules._match import find, patterns
from amends.coach.results import Span

NAME = "invalidating"
SEVERITY = "high"
MESSAGE = (
    "This tells them how they should feel; feelings are not wrong, and arguing with them leaves them alone with it."
)
SUGGESTION = 'Let the feeling stand. Try "It makes sense you feel that way, given what I did."'
SOURCE = "EPITOME interpretation (Sharma et al. 2020); HAILEY feedback (Sharma et al. 2023)"
EXAMPLES_FLAG = (
    "You're overreacting.",
    "You're being way too sensitive about this.",
    "Calm down, it's fine.",
    "You shouldn't feel that way.",
    "It's all in your head.",
    "Don't be upset.",
    "Well, no one said motherhood was going to be easy.",
    "You're just mad because you lost.",
    "Just get over it.",
    "Sorry you feel that way.",
)
EXAMPLES_PASS = (
    "It makes sense that you're upset.",
    "Your feelings make sense to me.",
    "I'm not going to tell you how to feel.",
    "I'm not going to say you're overreacting.",
    "I can see why you reacted so strongly.",
    "I was too careless with your feelings.",
    "Nobody should have to go through that alone.",
)
_P = patterns(
    r"\b(?:you(?:'re| are)|stop) overreacting\b",
    r"\byou(?:'re| are) (?:being )?(?:way |so |too |a bit |kind of )*"
    r"(?:sensitive|dramatic|emotional|irrational|hysterical)\b",
    r"\bcalm down\b",
    r"\byou shouldn't (?:feel|be (?:upset|mad|angry|hurt|sad))\b",
    r"\b(?:it's |it is )?all in your head\b",
    r"\bdon't be (?:upset|sad|mad|angry|like that|so)\b",
    r"\bthere(?:'s| is) no (?:reason|need) to be\b",
    r"\byou(?:'re| are) making (?:this|it|a) (?:a )?(?:big deal|bigger|thing|drama)\b",
    r"\byou(?:'re| are) imagining\b",
    r"\bchill\b",
    # Added 2026-11-30 from the real-text dev half.
    r"\bno ?one said (?:\w+ ){0,4}(?:was|would be|is) (?:going to be )?(?:easy|fair|fun)\b",
    r"\bman up\b",
    r"\bnobody (?:thinks|cares|feels)\b",
    r"\byou(?:'re| are) just (?:mad|upset|angry|jealous|bitter|salty)\b",
    r"\bget over it\b",
    r"\bsorry (?:that )?(?:you|u) (?:feel|felt) (?:that way|like that|this way|so)\b",
)


def check(text: str) -> list[Span]:
    return find(text, _P)
