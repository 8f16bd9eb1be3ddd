"""Blame: the apology hands the fault back to the partner.

Source: Gottman, Four Horsemen (defensiveness, counter-attack); the seed guide ("Avoid blaming your partner").
"""

from __future__ import annotations

import sys

from amends.coach.apology import lexicon
from amends.coach.apology.doc import Doc
from amends.coach.apology.rules._base import flag
from amends.coach.results import Finding

NAME = "blame"
SEVERITY = "high"
MESSAGE = "This puts the cause on them. Even if they played a part, here it cancels your apology."
SUGGESTION = "Leave '{quote}' for a later, calmer talk, and keep this to your part: 'I chose to …'"
SOURCE = "Gottman, Four Horsemen (defensiveness); Lewicki, Polin & Lount 2016 (responsibility)"
EXAMPLES_FLAG = (
    "I'm sorry I forgot your mum's birthday, but in my defence you didn't remind me.",
    "Sorry I got angry. You know how you get when you've had a few drinks.",
    "If you'd just listened to me the first time I wouldn't have lost it.",
    "I'm sorry I yelled, but you made me so angry.",
    "If you hadn't gone through my phone none of this would have happened.",
    "Honestly it's your fault too.",
    "Sorry I snapped but you always nag me about the dishes.",
    "You know how I get when you bring up my ex.",
    "You started it and I reacted.",
)
EXAMPLES_PASS = (
    "I've been under pressure at work, but that's not your fault and I shouldn't have snapped.",
    "I'm sorry I yelled at you. That was my choice, not something you made me do.",
    "You made dinner for us and I didn't even show up. I'm sorry.",
    "I'm sorry. It was my fault, not yours.",
    "You deserved better from me.",
    "You told me it mattered and I forgot anyway.",
    "I won't say you made me do it, because you didn't.",
)


def check(doc: Doc) -> list[Finding]:
    return flag(sys.modules[__name__], doc, lexicon.find(doc, NAME))
