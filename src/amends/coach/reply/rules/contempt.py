"""Contempt: mockery, sarcasm, eye-rolling, superiority.

Source: Gottman's Four Horsemen; contempt is the strongest predictor of separation in
Gottman's studies (Gottman & Levenson 1992).
"""

from __future__ import annotations

import re

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
    "You're a liar.",
    "Oh, I'm SO sorry that I'm not perfect like you. Happy now?",
    "What an idiot.",
    "Sorry for existing, I guess.",
    "Congratulations, you played yourself.",
    "Fuck off with your nonsense.",
    "How dare you even say that.",
    "What a joke.",
    "Okay then. You have it all figured out.",
)
EXAMPLES_PASS = (
    "I'm sorry. I can see how much that hurt.",
    "Please tell me what that night was like for you.",
    "I want to grow as a partner for you.",
    "You have every right to be upset with me.",
    "I'll give you space if you need it, and I'm here when you're ready.",
    "You're not an idiot for trusting me.",
    "I lied to you and I'm sorry.",
    "Are you happy with the plan now?",
    "I don't want to joke about this.",
    "I'll try again, this time properly.",
    "I dare say I was wrong.",
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
    # Sarcastic apologies: the "sorry" mocks the complaint (LABELLING.md §1: sarcasm is not remorse).
    r"\bhappy now\s*\?",
    r"\bsorry (?:that )?i(?:'m| am) not (?:perfect|good enough|as perfect)\b",
    r"\bnot (?:as )?perfect (?:like|as) you\b",
    r"\b(?:sorry|excuse me) for (?:existing|breathing|living)\b",
    r"\b(?:your|his|her) (?:highness|majesty)\b",
    r"\bcongratulations,? you\b",
    # Added 2026-11-30 from the real-text dev half: swearing at someone, scorn, mock outrage.
    r"\bfuck (?:off|you|u|this|that|those|these|the|them|him|her|it|with)\b",
    r"\bget the fuck\b",
    r"\b(?:shut up|stfu|gtfo)\b",
    r"\bscrew (?:you|this|that|them|him|her)\b",
    r"\bhow dare\b",
    r"\bwhat a (?:joke|clown|loser|moron|idiot|knob|tool|waste)\b",
    r"\beat crow\b",
    r"\byou(?:'ve| have) (?:got )?it all figured out\b",
    r"\b(?:okay|ok),? boomer\b",
    r"\bnice try\b",
    r"\bbless your heart\b",
    r"\b(?:questioning|question) your sanity\b",
    r"\b(?:low|no) iq\b",
    r"\bdumbest\b",
)
# Name-calling, of the partner or anyone else (LABELLING.md §2: contempt), unless negated.
_NAMES = patterns(
    r"\b(?:liars?|idiots?|moron(?:s|ic)?|imbeciles?|losers?|clowns?|hypocrites?|psychos?|dumbass(?:es)?|"
    r"jackass(?:es)?|asshole|assholes|dickheads?|douche(?:bag)?s?|scumbag|pricks?|bitch(?:es)?|cunts?|"
    r"retards?|retarded|stupid|dumb|pathetic|clueless|brainless|spineless|trash|garbage human|snowflake|scum|wankers?|"
    r"knobs?|twats?|cretins?|dipshits?|shitheads?|bullshit|nonsense|crap|degenerates?|fools?|lunatics?|nutjobs?|"
    r"ignorant|idiotic|creepy|crooks?|braindead|dumbness)\b",
)
_NOT = re.compile(r"\b(?:not|n't|never|no)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def check(text: str) -> list[Span]:
    names = [(s, e) for s, e in find(text, _NAMES) if not _NOT.search(text[max(0, s - 30) : s])]
    return find(text, _P) + names
