"""Self-focus: the apology centres the writer's pain instead of the partner's.

Source: Gottman, Atone-Attune-Attach (bear the partner's emotion); the seed guide
("don't apologize so much that you sound insincere").
"""

from __future__ import annotations

import sys

from amends.coach.apology import lexicon
from amends.coach.apology.doc import Doc
from amends.coach.apology.rules._base import flag
from amends.coach.results import Finding

NAME = "self_focus"
SEVERITY = "medium"
MESSAGE = "This turns the attention to how bad you feel, which can leave them looking after you."
SUGGESTION = "Keep '{quote}' for a friend or a therapist; here, put their hurt first: 'You must have felt …'"
SOURCE = "Gottman, Atone-Attune-Attach; Schumann 2018"
EXAMPLES_FLAG = (
    "I'm sorry. I haven't slept in days, this has been so hard for me.",
    "I'm the worst boyfriend ever, I hate myself.",
    "You don't know how hard this is for me.",
    "I don't deserve you, I'm a terrible person.",
    "Sorry, but what about my feelings?",
    "I've been beating myself up all week over it.",
    "I'm sorry, I feel like such a failure.",
    "I'm so sorry, I can't stop thinking about how stupid I am.",
    "You have no idea how much I'm hurting.",
)
EXAMPLES_PASS = (
    "I'm sorry I hurt you. This is about how you feel, not me.",
    "I feel terrible that I lied to you.",
    "I know this has been so hard for you.",
    "I'm sorry I forgot your birthday; I know you felt forgotten.",
    "You deserve someone who keeps their word, and I want to be that.",
    "I'm ashamed of what I said.",
    "I'm sorry. I feel like I failed you when you needed me.",
    "I can't stop thinking about how alone you must have felt.",
)


def check(doc: Doc) -> list[Finding]:
    return flag(sys.modules[__name__], doc, lexicon.find(doc, NAME))
