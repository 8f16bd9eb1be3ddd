"""Contempt: mockery, sarcasm, eye-rolling, superiority.

Source: Gottman's Four Horsemen; contempt is the strongest predictor of separation in
Gottman's studies (Gottman & Levenson 1992).
"""

from __future__ import annotations

from amends.coach.reply.rules._match import find, patterns
from amends.coach.results import Span

NAME = "contempt"
SEVERITY = "high"
MESSAGE = "Mockery or scorn tells them their pain is beneath you; it does the most damage of all."
SUGGESTION = "Drop the sarcasm. Say plainly what you feel and what you want, with respect."
SOURCE = "Gottman's Four Horsemen: contempt (Gottman & Levenson 1992)"
EXAMPLES_FLAG = (
    "Oh please, grow up.",
    "Whatever. Poor you.",
    "That's pathetic, honestly.",
    "Give me a break 🙄",
    "Yeah right, like you've never done anything wrong.",
    "Boo hoo, cry me a river.",
)
EXAMPLES_PASS = (
    "I'm sorry. I can see how much that hurt.",
    "Please tell me what that night was like for you.",
    "I want to grow as a partner for you.",
    "You have every right to be upset with me.",
    "I'll give you space if you need it, and I'm here when you're ready.",
)
_P = patterns(
    r"\boh please\b",
    r"\bgrow up\b",
    r"\bpoor you\b",
    r"\bpathetic\b",
    r"\bgive me a break\b",
    r"🙄",
    r"\byeah,? right\b",
    r"\bboo hoo\b",
    r"\bcry me a river\b",
    r"\bget over yourself\b",
    r"\bridiculous\b",
    r"\bhere we go again\b",
    r"^\s*whatever\b",
    r"\blol\b",
)


def check(text: str) -> list[Span]:
    return find(text, _P)
