"""Passive: agentless wording that hides who did it ("mistakes were made").

Source: Lewicki, Polin & Lount (2016): responsibility must be acknowledged by the one who acted.
"""

from __future__ import annotations

import re
import sys

from amends.coach.apology import lexicon
from amends.coach.apology.doc import Doc
from amends.coach.apology.rules._base import flag
from amends.coach.results import Finding

NAME = "passive"
SEVERITY = "medium"
MESSAGE = "Nobody does anything in this sentence, so it hides who did it."
SUGGESTION = "Put yourself in '{quote}': 'I said …' or 'I spent …' instead of it just happening."
SOURCE = "Lewicki, Polin & Lount 2016 (acknowledging responsibility); Schumann 2018"
EXAMPLES_FLAG = (
    "Sorry the vase got broken while you were out.",
    "These things happen.",
    "Mistakes were made and I'm sorry.",
    "Things were said that shouldn't have been.",
    "I'm sorry it happened.",
    "Sorry about what happened on Saturday.",
    "The money got spent and I know that's a problem.",
    "Things got out of hand at the party.",
)
EXAMPLES_PASS = (
    "I said things I shouldn't have.",
    "I spent the money we'd saved for the trip.",
    "I'm sorry I got drunk at the party and embarrassed you.",
    "I won't pretend it just happened. I chose to do it.",
    "I made a mistake and I'm sorry.",
    "I'm sorry I broke the vase.",
    "I'm so sorry that happened. Was the nurse there with her?",
)


# "Sorry that happened to you" is sympathy for the reader's misfortune, not a writer hiding an act; so is
# "I'm so sorry that happened." (a demonstrative pointing at the reader's news, not "sorry it happened").
_SYMPATHY = re.compile(r"sorry,? (?:that|this) (?:happened|has happened|is happening)")
_TO_YOU = re.compile(r"\s+to (?:you|u|them|him|her|your)\b")


def check(doc: Doc) -> list[Finding]:
    spans = [
        s
        for s in lexicon.find(doc, NAME)
        if not _TO_YOU.match(doc.norm, s[1]) and not _SYMPATHY.fullmatch(doc.norm, *s)
    ]
    return flag(sys.modules[__name__], doc, spans)
