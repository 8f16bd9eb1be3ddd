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
from amends.ledger.rules._match import compile_any, finding, normalise, spans

NAME = "not_concrete"
SEVERITY = "medium"
MESSAGE = (
    "This is a good intention, but neither of you could tell on a given day whether it was "
    "kept. Trust grows from things your partner can actually see you do."
)
SUGGESTION = (
    "Name one thing you'll do and when: \"When I'll be more than 30 minutes late, I will call before I leave.\""
)
SOURCE = "Gollwitzer 1999 (implementation intentions); Rempel, Holmes & Zanna 1985 (predictability)"

_QUALITIES = (
    r"better|nicer|kinder|more \w+|less \w+|present|attentive|considerate|supportive|thoughtful|"
    r"respectful|honest|open|loving|caring|patient|understanding|there for you|"
    r"a better (?:person|partner|boyfriend|girlfriend|husband|wife|spouse)"
)
PATTERNS = (
    rf"\bbe (?:a lot |much )?(?:{_QUALITIES})\b",
    r"\btry harder\b",
    r"\bdo better\b",
    r"\b(?:care|listen|love you|appreciate you) more\b",
    r"\bimprove(?: myself)?\b",
    r"\bwork on (?:myself|me|it|things|us|our relationship)\b",
    r"\bchange(?: my ways| for the better| myself)?\s*[.!]?$",
    r"\bmake (?:it|this) up to you\b",
    r"\bshow (?:you )?(?:that )?I (?:care|love you|mean it)\b",
    r"\bput (?:you|us) first\b",
)
_PATTERN = compile_any(PATTERNS)

# An observable act or a time cue anywhere in the text makes a quality concrete
# ("be more considerate by texting before I make plans").
_CONCRETE = compile_any(
    (
        r"\d",
        r"\b(?:call|calling|text|texting|message|tell|telling|ask|asking|cook|walk|pay|book|plan|"
        r"write|leave|arrive|come home|put (?:my|the|it|away)|turn off|switch off|stop|set|schedule|"
        r"go to|clean|"
        r"pick (?:you )?up|drive|say|check in with you|share my)\b",
        r"\b(?:minutes?|hours?|o'clock|morning|evening|night|noon|lunch|dinner|breakfast|"
        r"weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b",
    )
)

EXAMPLES_FLAG = (
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
    "I will call you if I'll be more than 30 minutes late.",
    "I'll put my phone in the drawer during dinner.",
    "Every Sunday evening I'll plan the week's meals with you.",
    "When I feel defensive, I will say 'give me ten minutes' and come back to the talk.",
    "I'll be more considerate by texting you before I make plans with friends.",
    "I will pay the electricity bill by the 5th of each month.",
)


def check(text: str) -> list[Finding]:
    if _CONCRETE.search(normalise(text)):
        return []
    rule = sys.modules[__name__]
    return [finding(rule, span) for span in spans(_PATTERN, text)]
