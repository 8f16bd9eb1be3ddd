"""Conditional apology: "sorry if you were hurt" makes the harm hypothetical.

Source: Schumann (2018) on non-apologies; Lewicki, Polin & Lount (2016); Chapman & Thomas.
"""

from __future__ import annotations

import sys

from amends.coach.apology import lexicon
from amends.coach.apology.doc import Doc
from amends.coach.apology.rules._base import flag
from amends.coach.results import Finding

NAME = "conditional"
SEVERITY = "high"
MESSAGE = "An 'if' turns the apology into a maybe: it doubts that any harm happened."
SUGGESTION = "Drop the 'if' in '{quote}' and say what you did: 'I'm sorry I … It hurt you when I …'"
SOURCE = "Schumann 2018; Lewicki, Polin & Lount 2016; Chapman & Thomas, The Five Languages of Apology"
EXAMPLES_FLAG = (
    "I'm sorry if you were hurt.",
    "Sorry if I upset you last night.",
    "I apologize if anything I said offended you.",
    "im sorry if that came across wrong",
    "If I hurt you, I'm sorry.",
    "I’m sorry if you felt left out at the party.",
    "My bad if that was unclear.",
    "Excuse me if I get the etiquette wrong.",
    "Sorry for any misunderstanding.",
)
EXAMPLES_PASS = (
    "I'm sorry I hurt you.",
    "I'm sorry I missed your birthday dinner.",
    "If I'd left the office on time I would have made it, and I didn't. I'm sorry.",
    "I won't say 'sorry if you were hurt', because you were, and I did it.",
    "Ask me anything if it helps.",
    "I'm sorry. I'll call you if I'm running late from now on.",
    "My bad, I misread your comment.",
    "Sorry for the confusion I caused by giving you the wrong date.",
)


def check(doc: Doc) -> list[Finding]:
    return flag(sys.modules[__name__], doc, lexicon.find(doc, NAME, disownable=True))
