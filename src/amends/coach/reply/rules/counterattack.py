"""Counterattack: answering their hurt with a complaint of your own ("well, you...").

Source: Gottman's account of defensiveness as "reverse complaining"; cross-complaining in
Gottman's studies of distressed couples.
"""

from __future__ import annotations

from amends.coach.reply.rules._match import find, patterns
from amends.coach.results import Span

NAME = "counterattack"
SEVERITY = "high"
MESSAGE = "Turning it back on them starts a second fight before the first hurt has been heard."
SUGGESTION = "Keep the focus on what they raised. Your own complaint deserves its own calm moment later."
SOURCE = "Gottman: cross-complaining and counterattack (Gottman & Silver 1999)"
EXAMPLES_FLAG = (
    "Well, what about when you forgot my birthday?",
    "You do it too, all the time.",
    "You're one to talk.",
    "At least I don't lie about where I am.",
    "Look who's talking.",
    "You did the exact same thing last year.",
    "It's not like you've never lied to me either.",
    "You've done way worse to me.",
    "And what about the time you flirted with my brother?",
    "You lied to me too, remember?",
    "Don't act like you're perfect.",
)
EXAMPLES_PASS = (
    "What about tonight, can we talk then?",
    "At least let me say I'm sorry properly: I am.",
    "You did nothing to deserve that.",
    "I'm talking about my part, not yours.",
    "I did the same thing last year too, and I hate that I repeated it.",
)
_P = patterns(
    r"\bwhat about (?:when |the time )?you\b",
    r"\byou do (?:it|that|this) too\b",
    r"\byou(?:'re| are) one to talk\b",
    r"\bat least i (?:don't|didn't|never|wasn't|am not)\b",
    r"\blook who(?:'s| is) talking\b",
    r"\byou did the (?:exact )?same\b",
    r"\byou(?:'ve| have) done (?:worse|the same)\b",
    r"\b(?:like|as if) you(?:'ve)? never (?:do|did|done|make|made|say|said)\b",
    r"\byou(?:'re| are) no saint\b",
    r"\bwell,? you\b",
    r"\bnot like you(?:'ve| have)? never\b",
    r"\byou(?:'ve| have) done (?:\w+ )?(?:worse|the same|it too)\b",
    r"\bwhat about (?:all )?the times? (?:when )?you\b",
    r"\byou (?:\w+ )?(?:to me|it|that|this) too\b(?!,? (?:and|but) i)",
    r"\byou (?:lied|cheated|forgot|yelled|did)\b[^.?!]{0,30}\b(?:too|either)\b",
    r"\b(?:don't|do not) act like you(?:'re| are) (?:perfect|innocent|a saint)\b",
    r"\bpot calling the kettle\b",
)


def check(text: str) -> list[Span]:
    return find(text, _P)
