"""What to add, in the writer's own words, and an outline of a stronger draft.

The outline reuses the writer's sentences for the elements they already have and leaves
bracketed blanks for what only they can say. It never invents a fact and never fills a blank
with a stock phrase, so it cannot turn into a template apology.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from itertools import accumulate

from amends.coach.apology.doc import Doc
from amends.coach.apology.rules._base import quote
from amends.coach.results import Element, Finding, Span

_WHAT_YOU_DID = "[what you did, plainly: 'I …' — in your words]"
BLANKS: Mapping[str, str] = {
    "remorse": "[say you're sorry — in your words]",
    "responsibility": _WHAT_YOU_DID,
    "impact": "[how you think it made them feel — in your words]",
    "explanation": "(optional) [what set you up, said as insight, not as an excuse — in your words]",
    "repair": "[one thing you'll do to make it right — in your words]",
    "change": "[what you will do differently — in your words]",
    "forgiveness_request": "(optional) [a gentle ask, with no deadline — in your words]",
}
OUTLINE_ORDER = ("remorse", "responsibility", "impact", "explanation", "repair", "change", "forgiveness_request")


# The apology words that open the clause naming the act: the advice quotes the act, not "I'm so sorry I ...".
_SORRY_OPENING = re.compile(
    r"(?:i'?m|i am)\s+(?:(?:so|really|very|truly|deeply|terribly)\s+)*sorry\s+(?:that\s+|for\s+|about\s+)?", re.I
)


def _act_only(doc: Doc, span: Span) -> Span:
    """``span`` without a leading "I'm (so) sorry (that)", when at least two words of the act are left."""
    opening = _SORRY_OPENING.match(doc.text, span[0])
    if opening and len(doc.text[opening.end() : span[1]].split()) >= 2:
        return (opening.end(), span[1])
    return span


def _anchor(doc: Doc, elements: Mapping[str, Element]) -> str | None:
    """The writer's own words for what they did: their clause, else their mistake note (trimmed)."""
    # A sentence that promises not to do it again ("I won't go through your things again") can name the act, but
    # quoted as "what you did" it reads as the promise: the advice anchors on a sentence that tells the act.
    promises = elements["change"].spans
    for name in ("specificity", "responsibility"):
        for span in elements[name].spans:
            if not any(start < span[1] and span[0] < end for start, end in promises):
                return quote(doc, _act_only(doc, span))
    if doc.mistake and doc.mistake.strip():
        words = " ".join(doc.mistake.split())
        return words if len(words) <= _MAX_ANCHOR else words[: _MAX_ANCHOR - 1].rstrip() + "…"
    return None


_MAX_ANCHOR = 80
# A finding whose suggestion already says what the element's advice would say: only one of them is shown.
_SAID_BY_FINDING = {"specificity": ("vague",), "responsibility": ("passive",)}


def element_advice(name: str, doc: Doc, elements: Mapping[str, Element], act: str | None = None) -> str:
    """What to add for one missing element; ``act`` names what they did ('"I lied"', or "it" once quoted)."""
    anchor = _anchor(doc, elements)
    if act is None:
        act = f"'{anchor}'" if anchor else "what you did"
    if name == "responsibility":
        return f"Own it in the first person, as something you did: 'I …' — put {act} in your own active words."
    if name == "remorse":
        return f"Say plainly that you regret it: 'I'm sorry that …' about {act}."
    if name == "specificity":
        if doc.mistake and doc.mistake.strip():
            return "The apology doesn't name the mistake you described. Say it plainly."
        return "Name the exact thing you did (the act, the day, the words) so they know you understand it."
    if name == "impact":
        return f"Say how {act} likely landed for them: 'You must have felt …' — your honest guess, then ask."
    if name == "repair":
        return "Offer one concrete thing you'll do to make it right, or ask what would help: 'Can I …?'"
    return f"Say what you'll do differently so {act} doesn't happen again, and how: 'From now on I will …'"


def suggestions(
    doc: Doc,
    elements: Mapping[str, Element],
    findings: Sequence[Finding],
    missing: Sequence[str],
    *,
    taken_back: bool = False,
) -> tuple[str, ...]:
    """What to add, most important first. Never a finding's fix: each finding carries its own, shown
    beside it, so repeating it here only made the list longer.

    What to add stays short: the writer's words for the act are quoted once (later advice says
    "it"), and an element a finding's suggestion already covers is not asked for again. That
    includes ownership ``taken_back`` by a blame, excuse or minimizing finding: the writer did say
    "I …", and the finding's fix is what gives it back.
    """
    ordered: list[str] = []
    rules = {f.rule for f in findings}
    anchor = _anchor(doc, elements)
    act: str | None = f"'{anchor}'" if anchor else None
    for name in missing:
        if rules & set(_SAID_BY_FINDING.get(name, ())) or (name == "responsibility" and taken_back):
            continue
        advice = element_advice(name, doc, elements, act or "what you did")
        ordered.append(advice)
        if act and act in advice:
            act = "it"
    return tuple(dict.fromkeys(ordered))


def _bad_index(findings: Sequence[Finding]) -> tuple[list[int], list[int]]:
    """Starts of the high and medium findings' spans (sorted), with the furthest end so far."""
    bad = sorted(f.span for f in findings if f.severity in ("high", "medium"))
    return [s for s, _ in bad], list(accumulate((e for _, e in bad), max))


def _clean_sentences(doc: Doc, spans: Sequence[Span], bad: tuple[list[int], list[int]]) -> list[Span]:
    """The sentences holding ``spans``, minus any that carry a high or medium finding.

    Linear in the number of spans: a set for the sentences already taken, and a binary search
    over the bad spans (:func:`_bad_index`) for the overlap test.
    """
    starts, reach = bad
    out: list[Span] = []
    taken: set[Span] = set()
    for span in spans:
        sentence = doc.sentence_of(span[0])
        i = bisect_left(starts, sentence[1])  # bad spans that start before the sentence ends
        if sentence in taken or (i > 0 and reach[i - 1] > sentence[0]):
            continue
        taken.add(sentence)
        out.append(sentence)
    return out


def outline(doc: Doc, elements: Mapping[str, Element], findings: Sequence[Finding]) -> tuple[str, ...]:
    lines: list[str] = []
    used: set[Span] = set()
    bad = _bad_index(findings)
    for name in OUTLINE_ORDER:
        spans = list(elements[name].spans)
        if name == "responsibility":
            spans = list(elements["specificity"].spans) + spans
        sentences = [s for s in _clean_sentences(doc, spans, bad) if s not in used]
        if sentences:
            used.update(sentences)
            lines.extend(" ".join(doc.text[s:e].split()) for s, e in sentences)
        elif not (elements[name].spans and any(s in used for s in _clean_sentences(doc, spans, bad))):
            lines.append(_blank(name, doc, elements))
    return tuple(lines)


def _blank(name: str, doc: Doc, elements: Mapping[str, Element]) -> str:
    if name == "responsibility" and doc.mistake and doc.mistake.strip() and not elements["specificity"].present:
        return f"[what you did — you described it as '{' '.join(doc.mistake.split())}' — in your words]"
    return BLANKS[name]
