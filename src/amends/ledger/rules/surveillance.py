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
from amends.ledger.rules._match import compile_any, finding, spans

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

_THEIRS = (
    r"phone|messages|texts|emails?|e-mails?|dms|chats?|social media|accounts?|call (?:log|history)|"
    r"browser history|history|location|whereabouts|inbox|laptop|computer|bank statements?"
)
PATTERNS = (
    rf"\b(?:check|checking|go through|going through|look through|read|reading|see|monitor|monitoring|"
    rf"track|tracking|scan|look at|access)\s+(?:all\s+(?:of\s+)?)?your\s+(?:{_THEIRS})\b",
    r"\b(?:track|tracking|monitor|monitoring|follow|following|spy on|spying on)\s+you\b",
    r"\bknow where you are\b",
    r"\byour (?:passwords?|pin|passcodes?)\b",
    r"\b(?:you|you to) (?:share|turn on) your location\b",
    r"\b(?:install|put) (?:an? )?(?:app|tracker|tracking app|gps|spyware)\b[^.]*\byour\b",
)
_PATTERN = compile_any(PATTERNS)

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
    rule = sys.modules[__name__]
    return [finding(rule, span) for span in spans(_PATTERN, text)]
