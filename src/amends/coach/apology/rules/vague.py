"""Vague: sorry "for everything" or "for upsetting you" names no behaviour.

Source: Lewicki, Polin & Lount (2016); the seed guide ("Don't say 'I'm sorry for upsetting you'").
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from amends.coach import matching
from amends.coach.apology import lexicon
from amends.coach.apology.acts import behaviour_pattern
from amends.coach.apology.doc import Doc
from amends.coach.apology.rules._base import flag
from amends.coach.results import Finding, Span

NAME = "vague"
SEVERITY = "medium"
MESSAGE = "This doesn't say what you did, so they can't tell whether you understand it."
SUGGESTION = "Replace '{quote}' with the exact thing you did: 'I'm sorry I …' (the act, the day, the words)."
SOURCE = "Lewicki, Polin & Lount 2016; Schumann 2018"
EXAMPLES_FLAG = (
    "Sorry about last night babe",
    "I'm sorry for whatever I did to make you this angry.",
    "I'm sorry for everything.",
    "Sorry for upsetting you.",
    "I apologize for my behavior.",
    "sorry about the other night",
    "I'm sorry for whatever I did.",
    "I'm sorry for any hurt I caused.",
    "I'm sorry for what happened at the party.",
    "Sorry for inconvenience.",
    "I'm sorry for everything that happened between us.",
)
EXAMPLES_PASS = (
    "I'm sorry I missed your birthday dinner.",
    "I'm sorry for upsetting you when I read your diary.",
    "I'm sorry for my behaviour at your sister's wedding.",
    "I'm sorry for lying to you about the money.",
    "Sorry about the other night: I left you alone at the bar and went home without telling you.",
    "I'm sorry for everything I said about your dad on Sunday.",
    "I'm sorry for what I said at the party about your job.",
)

# The vague object must end the clause: "sorry for that comment about your dad" is specific.
_TAIL = (
    r"(?:\s+(?:earlier|today|yesterday|tonight|last night|lately|recently|again|this (?:morning|week)"
    r"|the other (?:day|night)))?"
)
_END = _TAIL + (
    r"(?=\s*(?:$|[.,!?;:\n)]|\b(?:and|but|i|im|i'm|please|babe|love|hun|mate|x+|again|though|ok|okay)\b"
    r"|[^\w\s]))"
)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    objects = "|".join(matching.expand(o) for o in lexicon.read_lines("vague_objects"))
    open_ = "|".join(matching.expand(o) for o in lexicon.read_lines("vague_open"))
    lead = r"(?<![\w'])(?:sorry|apologi[sz]e|apologies|apologizing|apologising)\s+(?:so much\s+)?(?:for|about)\s+"
    return re.compile(lead + "(?:(?:" + objects + ")" + _END + "|(?:" + open_ + "))")


def _spans(doc: Doc) -> list[Span]:
    spans = []
    for m in _pattern().finditer(doc.norm):
        span = (m.start(), m.end())
        if doc.in_quote(span) or doc.negated(span[0]):
            continue
        spans.append(span)
    named = [
        b
        for b in behaviour_pattern().finditer(doc.norm)
        if not doc.in_quote((b.start(), b.end())) and not any(s <= b.start() < e for s, e in spans)
    ]
    if spans and named:
        return []  # the apology names the act somewhere, so "sorry for the pain" points at it
    return spans


def check(doc: Doc) -> list[Finding]:
    return flag(sys.modules[__name__], doc, _spans(doc))
