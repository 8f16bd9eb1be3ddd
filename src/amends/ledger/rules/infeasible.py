"""infeasible: a frequency or scope no one can sustain ("every hour", "24/7", "all the time").

Source: the seed guide's "Avoid making promises you can't keep, because broken promises are
like adding cracks to that foundation"; Rempel, Holmes & Zanna (1985), "Trust in close
relationships", JPSP 49(1): trust builds from predictability, which needs a pace that can
be kept for months, not a burst.
"""

from __future__ import annotations

import sys

from amends.coach.results import Finding
from amends.ledger.rules._base import flag, spans

NAME = "infeasible"
SEVERITY = "high"
MESSAGE = (
    "Nobody can keep this up for long, and each slip would count against you. A promise that "
    "can't last tends to become one more broken promise."
)
SUGGESTION = (
    "Pick a pace you could keep on your worst week, tied to a moment that matters: "
    '"when I land", "before I leave work", "every evening at nine".'
)
SOURCE = "Rempel, Holmes & Zanna 1985 (predictability)"

EXAMPLES_FLAG = (
    "I'll text you every 10 minutes when I'm out.",
    "I'll check in with you every hour.",
    "I'll be available 24/7.",
    "I will think about your feelings all the time.",
    "I'll be reachable around the clock.",
    "I'll send you an update every two hours.",
    "I'll share my location 24/7 forever.",
)
EXAMPLES_PASS = (
    "I'll text you when I land.",
    "I'll call you every evening at nine.",
    "I'll check in every two days while I'm travelling.",
    "I'll spend 20 minutes each night talking with you.",
    "I'll plan a date with you every Sunday.",
    "I'll text you within 10 minutes of leaving work.",
)


def check(text: str) -> list[Finding]:
    return flag(sys.modules[__name__], spans(text, NAME))
