"""Fixing: advice nobody asked for, in place of listening.

Source: EPITOME (Sharma et al. 2020) separates empathy from problem-solving; HAILEY
(Sharma et al. 2023) moved peer supporters from advice to empathy.
"""

from __future__ import annotations

from amends.coach.reply.rules._match import find, patterns
from amends.coach.results import Span

NAME = "fixing"
SEVERITY = "medium"
MESSAGE = "Advice here can sound like their hurt is a problem for them to solve; they likely need to feel heard first."
SUGGESTION = 'Ask before advising: "Do you want ideas, or do you want me to just listen?"'
SOURCE = "EPITOME vs. advice (Sharma et al. 2020); HAILEY (Sharma et al. 2023)"
EXAMPLES_FLAG = (
    "You should just try to let it go.",
    "Why don't you talk to your sister about it?",
    "Have you tried not checking my phone?",
    "Next time just text me first.",
    "You need to stop worrying so much.",
    "If I were you I'd just forget it.",
)
EXAMPLES_PASS = (
    "You should have been able to count on me.",
    "You shouldn't have had to find out that way.",
    "Do you want ideas, or do you want me to just listen?",
    "I need to do better, and I will.",
    "What would help you right now?",
)
_P = patterns(
    r"\byou should(?!n't have had to| have been able| have been told| have heard)(?: just)?\b",
    r"\bwhy don't you\b",
    r"\bhave you tried\b",
    r"\bnext time,? (?:just|you|try)\b",
    r"\byou need to (?!know\b|hear\b)",
    r"\bif i were you\b",
    r"\bjust (?:let it go|ignore|forget|move on|relax)\b",
    r"\bthe (?:solution|answer) is\b",
    r"\bmy advice\b",
)


def check(text: str) -> list[Span]:
    return find(text, _P)
