"""Over-apologizing: so many sorries that the apology sounds anxious rather than sincere.

Source: the seed guide ("don't apologize so much that you sound insincere"); Lewicki, Polin &
Lount (2016): more components help, repeated regret does not.
"""

from __future__ import annotations

import re
import sys

from amends.coach.apology import lexicon
from amends.coach.apology.doc import Doc
from amends.coach.apology.elements import element_spans
from amends.coach.apology.rules._base import flag
from amends.coach.results import Finding, Span

NAME = "over_apologizing"
SEVERITY = "low"
MESSAGE = "So many sorries can sound anxious, and leave them comforting you."
SUGGESTION = "Keep one clear sorry and cut the repeats around '{quote}'; use the space to say what you'll do."
SOURCE = "Lewicki, Polin & Lount 2016; Schumann 2018"
EXAMPLES_FLAG = (
    "Sorry sorry sorry, I'm so sorry.",
    "I'm sorry. I'm so sorry. I'm really sorry. I'm sorry I forgot.",
    "sorry!!! sorry sorry i'm an idiot, sorry",
    "I apologize. I'm sorry. Sorry again. I'm so sorry for this. My apologies.",
    "I'm sorry I'm sorry I'm sorry I'm sorry",
    "Sorry for being late. Sorry for the mess. Sorry for forgetting. Sorry for everything.",
)
EXAMPLES_PASS = (
    "I'm sorry I forgot.",
    "I'm so so sorry I missed your call.",
    "I'm sorry. I lied about where I was, and I'm sorry for the worry it caused.",
    "I'm really sorry I snapped at you. I'll walk away and breathe next time.",
    "I'm sorry to hear about your mum. I'm sorry I wasn't there for you this week.",
    "No more sorries without action: I've booked the table for Friday.",
)

# Four apology words in one text, or three in a row, reads as over-apologizing.
MAX_APOLOGIES = 3
_REPEATED = re.compile(r"(?:sorry\W{0,4}){3,}")


def _apology_spans(doc: Doc) -> list[Span]:
    return list(element_spans(doc, "remorse"))


def _spans(doc: Doc) -> list[Span]:
    spans = [(m.start(), m.end()) for m in _REPEATED.finditer(doc.norm) if not doc.in_quote((m.start(), m.end()))]
    found = [s for s in _apology_spans(doc) if lexicon.pattern("remorse").match(doc.norm, s[0])]
    if len(found) > MAX_APOLOGIES:
        spans.append((found[MAX_APOLOGIES][0], found[-1][1]))
    return spans


def check(doc: Doc) -> list[Finding]:
    return flag(sys.modules[__name__], doc, _spans(doc))
