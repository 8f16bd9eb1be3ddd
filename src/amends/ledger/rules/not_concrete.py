"""not_concrete: "be better", "be more considerate" — nothing anyone could see you do.

Source: Gollwitzer (1999), implementation intentions: a plan of the form "when situation X
arises, I will do Y" names a cue and an observable act, and is followed through far more
often than a wish to "do better". Rempel, Holmes & Zanna (1985): predictability, the first
step of trust, rests on behaviour the partner can observe. The seed guide: "Empty
apologies and promises mean little if they're not backed up by consistent, positive actions."
"""

from __future__ import annotations

import sys

from amends.coach.results import Finding
from amends.ledger.rules._base import flag, mentions, spans

NAME = "not_concrete"
SEVERITY = "medium"
MESSAGE = (
    "This is a good intention, but neither of you could tell on a given day whether it was "
    "kept. Trust grows from things your partner can actually see you do."
)
SUGGESTION = (
    "Name one thing you'll do and when: \"If I'm going to be more than 30 minutes late, I will call before I leave.\""
)
SOURCE = "Gollwitzer 1999 (implementation intentions); Rempel, Holmes & Zanna 1985 (predictability)"

EXAMPLES_FLAG = (
    "I'll make more of an effort with your family.",
    "I will communicate better.",
    "I'll earn your trust back.",
    "I will be better.",
    "I'll be more considerate.",
    "I'll try harder to care.",
    "I promise to do better from now on.",
    "I will work on myself.",
    "I'll be a better partner to you.",
    "I'll show you I care.",
    "I am going to be better.",
    "I'll put you first.",
)
EXAMPLES_PASS = (
    "I'll be more transparent by sharing my calendar with you.",
    "I'll make an effort to call your mum every Sunday at six.",
    "I'll spend more time with the kids every Saturday morning.",
    "I will call you if I'll be more than 30 minutes late.",
    "I'll put my phone in the drawer during dinner.",
    "Every Sunday evening I'll plan the week's meals with you.",
    "When I feel defensive, I will say 'give me ten minutes' and come back to the talk.",
    "I'll be more considerate by texting you before I make plans with friends.",
    "I will pay the electricity bill by the 5th of each month.",
)


def check(text: str) -> list[Finding]:
    if mentions(text, "concrete"):  # an act or a time cue anywhere makes the quality concrete (lexicons/concrete.txt)
        return []
    return flag(sys.modules[__name__], spans(text, NAME))
