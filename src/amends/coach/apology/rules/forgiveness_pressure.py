"""Forgiveness pressure: asking for a quick end to the partner's hurt, or demanding forgiveness.

Source: the seed guide ("Don't expect your partner to forgive you instantly"); Worthington
(REACH): forgiveness is the injured partner's choice; Gottman's Atone phase.
"""

from __future__ import annotations

import sys

from amends.coach.apology import lexicon
from amends.coach.apology.doc import Doc
from amends.coach.apology.rules._base import flag
from amends.coach.results import Finding

NAME = "forgiveness_pressure"
SEVERITY = "medium"
MESSAGE = "This asks them to be done hurting on your schedule; forgiveness is theirs to give, in their time."
SUGGESTION = "Instead of '{quote}', leave the door open: 'Take the time you need. I'm here when you want to talk.'"
SOURCE = "Worthington, REACH forgiveness model; Gottman, Atone-Attune-Attach"
EXAMPLES_FLAG = (
    "I said I'm sorry, what more do you want?",
    "Can we just move on now?",
    "You have to forgive me, I apologized.",
    "Let's just forget about it.",
    "So we're good now?",
    "How long are you going to stay mad at me?",
)
EXAMPLES_PASS = (
    "Take all the time you need.",
    "Will you forgive me, when you're ready?",
    "I hope one day you can forgive me, and I'll understand if that takes a long time.",
    "I don't expect you to move on quickly.",
    "I know I can't just ask you to forget about it.",
    "I'll keep showing up, however long it takes.",
)


def check(doc: Doc) -> list[Finding]:
    return flag(sys.modules[__name__], doc, lexicon.find(doc, NAME))
