"""Sorry, but: the "but" takes back what the "sorry" gave.

Source: Schumann (2018); the seed guide ("It's tempting to deflect or justify").
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Iterator

from amends.coach.apology import lexicon
from amends.coach.apology.doc import Doc
from amends.coach.apology.rules._base import flag
from amends.coach.results import Finding, Span

NAME = "sorry_but"
SEVERITY = "high"
MESSAGE = "Whatever follows 'but' is what they will hear; it takes the apology back."
SUGGESTION = "End the apology before the 'but' in '{quote}'. If there is more to say, save it for another talk."
SOURCE = "Schumann 2018; Chapman & Thomas, The Five Languages of Apology"
EXAMPLES_FLAG = (
    "I'm sorry, but you need to understand how stressed I was.",
    "Sorry but I really didn't think it was a big deal.",
    "I apologize, but I was only telling the truth.",
    "I’m sorry I was late but the train was cancelled.",
    "im sorry but u were being annoying too",
    "I regret it but honestly anyone would have done the same.",
)
EXAMPLES_PASS = (
    "I'm sorry. I was stressed, but that's no excuse for how I spoke to you.",
    "I'm sorry I was late. I know how much tonight mattered to you.",
    "I'm sorry, but I know sorry isn't enough; here's what I'll do.",
    "I'm not only sorry but ashamed of how I treated you.",
    "I wanted to come but I chose work instead, and I'm sorry.",
    "Sorry. But more importantly: I'll be there on Friday, on time.",
    "Sorry to butt in, but does anyone know when the pool opens?",
)

_SORRY_BUT = re.compile(
    r"(?<![\w'])(?:sorry|apologi[sz]e|apologies|regret(?: it| that)?)\b[^.!?\n]{0,60}?[,;]?\s{0,20}\bbut\b\s*"
)
# Where _SORRY_BUT can start, and the most characters it can span before its "but": the full
# pattern is tried only where a "but" lies that close, so a long run of apologies with no "but"
# near them costs one cheap pass instead of a 60-character look-ahead after each.
_APOLOGY_WORD = re.compile(r"(?<![\w'])(?:sorry|apologi[sz]e|apologies|regret)")
_BUT = re.compile(r"\bbut\b")
_REACH = len("regret that") + 60 + 1 + 20


def _sorry_buts(norm: str) -> Iterator[re.Match[str]]:
    """The matches of _SORRY_BUT.finditer(norm), found in time linear in the text."""
    buts = [m.start() for m in _BUT.finditer(norm)]
    end = 0
    for word in _APOLOGY_WORD.finditer(norm):
        if word.start() < end:
            continue
        i = bisect_left(buts, word.start())
        if i == len(buts) or buts[i] - word.start() > _REACH:
            continue
        found = _SORRY_BUT.match(norm, word.start())
        if found:
            end = found.end()
            yield found


# "Sorry to ask, but what ...?": an apology for the question, not one taken back.
_PREFATORY = re.compile(
    r"(?:sorry|apologies|apologi[sz]e) (?:to (?:ask|bother|disturb|interrupt|be a pain|link|post|share|jump in|butt in"
    r"|barge in|hijack|interject|chime in)|for (?:the|my|a|this) "
    r"(?:\w+ )?(?:question|noob question|ignorance|interruption))"
)
_OWN_LOT = re.compile(r"regret (?:not |never )?\w+ing\b(?! (?:you|your|her|him|them)\b)")
_QUESTION_AFTER = re.compile(r"(?:\.\.\.?\s*)?(?:what|where|who|how|why|when|which|is there|are there|do you|does)\b")


def _spans(doc: Doc) -> list[Span]:
    allowed = lexicon.pattern("sorry_but_ok")
    spans = []
    for m in _sorry_buts(doc.norm):
        span = (m.start(), m.end())
        if doc.in_quote(span) or doc.negated(span[0]) or allowed.match(doc.norm, m.end()):
            continue
        if lexicon.inside(doc, "not_remorse", span[0]) or _PREFATORY.match(doc.norm, span[0]):
            continue
        if _QUESTION_AFTER.match(doc.norm, m.end()):
            continue
        if _OWN_LOT.match(doc.norm, span[0]):
            continue  # regret about one's own lot, not an apology to take back
        spans.append(span)
    return spans


def reasons_after_but(doc: Doc) -> list[Span]:
    """The writer's own circumstance given right after "sorry ..., but" ("but I usually check from the
    bottom"): the excuse rule flags it as a justification (LABELLING.md §1)."""
    reason = lexicon.pattern("reasons_after_but")
    spans = []
    for m in _sorry_buts(doc.norm):
        found = reason.match(doc.norm, m.end())
        if found and not doc.in_quote((m.start(), m.end())) and not doc.negated(m.start()):
            spans.append((found.start(), found.end()))
    return spans


def check(doc: Doc) -> list[Finding]:
    return flag(sys.modules[__name__], doc, _spans(doc))
