"""Minimizing: shrinking the harm, or the partner's reaction to it.

Source: Gottman, Four Horsemen (contempt, defensiveness); the seed guide ("Avoid ... minimizing your role").
"""

from __future__ import annotations

import sys

from amends.coach.apology import lexicon
from amends.coach.apology.doc import Doc
from amends.coach.apology.rules._base import flag
from amends.coach.results import Finding

NAME = "minimizing"
SEVERITY = "medium"
MESSAGE = "This makes the hurt smaller than they felt it, which tells them their reaction is the problem."
SUGGESTION = "Let it be as big as it was for them: instead of '{quote}', try 'I know this mattered to you.'"
SOURCE = "Gottman, Four Horsemen (contempt, defensiveness); Schumann 2018"
EXAMPLES_FLAG = (
    "It was just a joke, I'm sorry.",
    "Sorry, I know it's not a big deal but I forgot.",
    "You're overreacting a bit, but sorry.",
    "It was only a little white lie.",
    "I'm sorry, it's just a birthday though.",
    "Sorry babe, calm down, it was nothing.",
    "I told you it was only one drink, sorry.",
)
EXAMPLES_PASS = (
    "I'm sorry I forgot our anniversary. Whatever it takes, I'll make it up to you.",
    "Whatever you need from me, I'll do. I'm sorry I lied.",
    "I'm not going to say it was just a joke. It was cruel and I'm sorry.",
    "I know this is a big deal to you, and it should be.",
    "It wasn't just a joke; I meant to hurt you and I'm ashamed of that.",
    "I'm sorry I lied about the money.",
    "I know it mattered to you and I let it slide. I'm sorry.",
    "You're not overreacting. I'd be hurt too.",
    "I'm sorry I said you were being dramatic. You weren't.",
    "I said you were overreacting, and I was wrong to say it.",
    "I'm sorry I acted like it was no big deal.",
)


def check(doc: Doc) -> list[Finding]:
    return flag(sys.modules[__name__], doc, lexicon.find(doc, NAME))
