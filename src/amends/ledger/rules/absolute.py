"""absolute: "never", "always", "every single time", "ever again" — set up to fail on the first slip.

Source: the seed guide's "Avoid making promises you can't keep"; Rempel, Holmes & Zanna
(1985): dependability is judged from a record over time, and an all-or-nothing promise
turns one lapse into proof of unreliability. Pairing the promise with what you'll do if you
slip follows Gollwitzer's (1999) "if–then" planning.

Some absolutes are what the guide itself asks for: ending contact with an affair partner, and
honesty from here on. There a slip is a new breach, not a missed day, so those commitments pass
(the phrases are data, in ``lexicons/guide_absolutes.txt``). The suggestion rewrites the
writer's own sentence without the absolute (``lexicons/absolute_rewrites.txt``).
"""

from __future__ import annotations

import re
import sys

from amends.coach.matching import rewrites, straighten
from amends.coach.results import Finding
from amends.ledger.rules._base import PACKAGE, flag, spans

NAME = "absolute"
SEVERITY = "medium"
MESSAGE = (
    "An absolute sounds strong today, but it breaks the first time you slip, and then the "
    "whole promise looks broken. A promise you keep most of the time, and own when you don't, "
    "builds more trust."
)
SUGGESTION = "Keep your words but drop the absolute, and add what you'll do if you slip."
SOURCE = "Rempel, Holmes & Zanna 1985; Gollwitzer 1999"

EXAMPLES_FLAG = (
    "I will never be late again.",
    "I'll always answer when you call.",
    "I'll text you every single time I leave work.",
    "I won't raise my voice ever again.",
    "I will be on time for the rest of my life.",
    "I'll keep this promise no matter what.",
)
EXAMPLES_PASS = (
    "I will tell you the truth about money, and if I slip I'll tell you the same day.",
    "I'll answer your calls during the workday, or call back within the hour.",
    "I'll text you when I leave work on weekdays.",
    "If I raise my voice, I'll stop, apologise and take a ten-minute break.",
    "I'll be on time for our Friday dinners.",
    # Asked for by the guide itself (guide_absolutes.txt):
    "I will never contact her again.",
    "I will always tell you the truth.",
    "I will never lie to you again.",
    "I'll have no contact with him, and I'll tell you if he contacts me.",
)


def without_absolutes(text: str) -> str:
    """The writer's sentence with the absolute words taken out (best effort, plain English)."""
    out = straighten(text)
    for pattern, repl in rewrites(PACKAGE, "absolute_rewrites"):  # in order: "will never" before "never"
        out = pattern.sub(repl, out)
    return re.sub(r"\s{2,}", " ", out).replace(" .", ".").strip()


def check(text: str) -> list[Finding]:
    asked = spans(text, "guide_absolutes")
    found = [s for s in spans(text, NAME) if not any(a[0] <= s[0] and s[1] <= a[1] for a in asked)]
    if not found:
        return []
    suggestion = (
        f'In your own words, without the absolute: "{without_absolutes(text)}" — and add what '
        "you'll do if you slip, such as telling them that same day."
    )
    return flag(sys.modules[__name__], found, suggestion)
