"""surveillance: checking, tracking or reading the *other* partner's things.

A commitment is something you do; watching your partner is not one, and amends has no
surveillance features (design/FRAMEWORKS.md §3, privacy guardrails: "no location sharing,
no reading the partner's phone"). Offering your own openness ("I'll tell you where I'll
be") is a gift the partner can decline and is not flagged here; an impossible scope for it
("24/7 forever") is left to the infeasible and absolute rules.
Source for why: Rempel, Holmes & Zanna (1985) — trust is confidence in a partner's freely
given dependability; checking replaces that confidence rather than rebuilding it.
"""

from __future__ import annotations

import sys

from amends.coach.results import Finding
from amends.ledger.rules._base import flag, spans

NAME = "surveillance"
SEVERITY = "high"
MESSAGE = (
    "This is about watching your partner rather than about what you will do. amends doesn't "
    "support checking, tracking or reading someone's things: it tends to wear trust down, "
    "and it can become controlling."
)
SUGGESTION = (
    "Make it about your own openness instead, offered as something they can turn down: "
    "\"I'll tell you where I'm going and when I'll be back.\""
)
SOURCE = "Rempel, Holmes & Zanna 1985; Stith et al. 2011 (no monitoring of a partner)"

EXAMPLES_FLAG = (
    "I'll check your phone every night so we're both honest.",
    "I'll track you so I know you're safe.",
    "I will read your messages to make sure nothing is going on.",
    "I'll go through your emails once a week.",
    "I need to know your passwords.",
    "I'll make sure you share your location with me.",
)
EXAMPLES_PASS = (
    "I'll share my location with you when I travel, as a gift you can turn down.",
    "I'll show you my phone if you ask me to.",
    "I'll tell you who I'm meeting before I go out.",
    "I'll answer your questions about that night honestly.",
    "I'll check my phone less at dinner.",
    "I'll read your letter and write back by Sunday.",
)


def check(text: str) -> list[Finding]:
    return flag(sys.modules[__name__], spans(text, NAME))
