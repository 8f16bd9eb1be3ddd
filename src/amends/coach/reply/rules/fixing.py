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
    "Tell them to buy their own.",
    "You just gotta man up and go talk to her.",
    "Hey buddy, might wanna take it easy!",
    "I'd suggest keeping a diary of it.",
    "Don't give up. Talk to each other.",
)
EXAMPLES_PASS = (
    "You should have been able to count on me.",
    "You shouldn't have had to find out that way.",
    "Do you want ideas, or do you want me to just listen?",
    "I need to do better, and I will.",
    "What would help you right now?",
    "Tell me more about that night.",
    "Talk to me, I'm listening.",
    "Don't worry, I'm not going anywhere.",
    "Take your time, I'm here.",
    "Get over yourself.",
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
    # Added 2026-11-30 from the real-text dev half: advice and plans before the feeling is heard.
    r"(?:^|[.!?]\s+)(?:just |so |maybe |then )?(?:tell (?:him|her|them)|ask (?:him|her|them|for)"
    r"|talk to (?:each other|him|her|them|someone)|go (?:out|see|to)|get (?:a|some|out|that)|stop (?:\w+ing)"
    r"|make sure|be (?:nice|careful|patient)|create|find (?:a|someone|some)"
    r"|move on|man up|tread carefully|buy|wear|don't (?:give up|kill|let|do|go))\b",
    r"\byou (?:really |just )?(?:need to|gotta|got to|have to)\b(?! know\b| hear\b)",
    r"\b(?:you )?might (?:wanna|want to)\b",
    r"\b(?:i'd|i would) (?:suggest|recommend)\b",
    r"\bmy (?:suggestion|recommendation)\b",
    r"\bit might help to\b",
    r"\bhave you (?:thought about|considered)\b",
    r"\bwhy not (?:just )?\w+",
    r"\b(?:we|you) should (?:come up with|make|get|try)\b",
    r"\bhow about you\b",
    r"\bmight be of help\b",
    r"\bjust (?:don't|do not|stop) (?:think|thinking|worry|worrying|dwell|dwelling)\b",
)


def check(text: str) -> list[Span]:
    return find(text, _P)
