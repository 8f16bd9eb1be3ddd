"""hedged: "I'll try", "hopefully", "maybe" — a way out written into the promise.

Source: Gollwitzer (1999), "Implementation intentions: strong effects of simple plans",
American Psychologist 54(7): firm "I will" plans are followed through far more than
goal wishes. The seed guide: "Avoid making promises you can't keep" — the honest fix for
a doubtful promise is a smaller one, not a hedge.
"""

from __future__ import annotations

import sys

from amends.coach.results import Finding
from amends.ledger.rules._base import flag, spans

NAME = "hedged"
SEVERITY = "medium"
MESSAGE = (
    "This leaves a way out before you've started. To the person you hurt, a hedge can sound "
    "like you're already preparing for it not to happen."
)
SUGGESTION = (
    'Drop the hedge and say what you will do: "I will …". If you\'re not sure you can, '
    "promise something smaller that you are sure of."
)
SOURCE = "Gollwitzer 1999 (implementation intentions)"

EXAMPLES_FLAG = (
    "I'll try to call when I'm running late.",
    "Hopefully I'll be home by six.",
    "Maybe I'll cook on Tuesdays.",
    "I'll do my best to text before I leave.",
    "I'll put my phone away at dinner if I can.",
    "I'll try.",
    "I should be able to pick you up on Fridays.",
)
EXAMPLES_PASS = (
    "I will call you when I'm running late.",
    "I'll be home by six on weekdays.",
    "I'll try the new recipe with you on Friday.",
    "I'll cook on Tuesdays and Thursdays.",
    "I'll text you before I leave the office.",
    "I will put my phone in the drawer at dinner.",
)


def check(text: str) -> list[Finding]:
    return flag(sys.modules[__name__], spans(text, NAME))
