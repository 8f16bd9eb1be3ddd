"""Hedged commitment: a promise of change with an escape hatch ("I'll try").

Source: Lewicki, Polin & Lount (2016): a promise of forbearance must be credible; Rempel,
Holmes & Zanna: trust rests on dependability.
"""

from __future__ import annotations

import sys

from amends.coach.apology import lexicon
from amends.coach.apology.doc import Doc
from amends.coach.apology.rules._base import flag
from amends.coach.results import Finding

NAME = "hedged_commitment"
SEVERITY = "low"
MESSAGE = "'Try' leaves room not to. A small promise you will keep beats a big one you might."
SUGGESTION = "Turn '{quote}' into something you will do and they can see: 'I will … starting …'"
SOURCE = "Lewicki, Polin & Lount 2016 (promise of forbearance); Rempel, Holmes & Zanna (dependability)"
EXAMPLES_FLAG = (
    "I'll try to be better.",
    "I'll try not to be late again.",
    "Hopefully it won't happen again.",
    "I'll do my best to remember next time.",
    "I might start therapy.",
    "No promises, but I'll see what I can do.",
)
EXAMPLES_PASS = (
    "I will set two reminders for every date from now on.",
    "I won't be late again; I'm leaving work at five on Fridays.",
    "I've booked a therapist for Thursday.",
    "I tried to call you but hung up, and that was cowardly.",
    "From now on I'll tell you the truth even when it's hard.",
    "It won't happen again.",
)


def check(doc: Doc) -> list[Finding]:
    return flag(sys.modules[__name__], doc, lexicon.find(doc, NAME))
