"""Whose body a harm lands on: the writer's own, a partner's, or the writer's at someone else's hand.

Self-harm, abuse done and abuse suffered share their words ("punched", "till it bled", "my arm"), and the head reads
topic better than whose hand it was. LABELLING.md section 3 keeps them apart: self_harm is the writer's act on their
own body, abuse_perpetration a blow, throw or fright the writer aimed at a partner, abuse_victim one the writer took.
:func:`misread_bodies` finds the flags that read one as another, for ``detector._give_way`` to drop.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from amends.coach.results import Span
from amends.safety.lexicon import lexicon
from amends.safety.segments import Segment, holding, sentence_says


class _Flag(Protocol):
    @property
    def type(self) -> str: ...
    @property
    def span(self) -> Span: ...
    @property
    def via(self) -> str: ...


F = TypeVar("F", bound=_Flag)


def misread_bodies(found: Sequence[F], segs: list[Segment]) -> list[F]:
    """The flags that put a harm on the wrong body.

    * A perpetration flag on the words of a self-harm pattern, in a sentence that aims no blow, throw or fright at
      anyone (``aimed_at_someone``): "When you walked out I punched the wall until my knuckles split".
    * A self-harm flag, beside a victim flag, on a sentence where someone else's hand deals the blow and the self-harm
      words are told of them (:func:`_told_of_someone_else`): "he dug his nails into my arm till it bled".

    A head-only victim flag on a self-harm sentence stays: the head's victim reading there is often wrong ("after my
    wife went to bed i sat in the garden jabbing a safety pin into my fingertips"), but dropping it lost a true victim
    on a held set (see the data card), and a missed victim costs more than a second message.
    """
    lex = lexicon()
    own_body = [f.span for f in found if f.via == "pattern" and f.type == "self_harm"]
    victim = any(f.type == "abuse_victim" for f in found)
    dealt = [
        f
        for f in found
        if f.type == "abuse_perpetration"
        and _overlaps_any(f.span, own_body)
        and not sentence_says(f.span, segs, lex.aimed_at_someone)
    ]
    theirs = [
        f
        for f in found
        if f.type == "self_harm"
        and victim
        and sentence_says(f.span, segs, lex.hand_of_someone)
        and _told_of_someone_else(f.span, segs, lex.self_reference)
    ]
    return dealt + theirs


def _overlaps_any(span: Span, others: list[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


# Who does what in a clause: the last of these before the self-harm words is whose act they tell.
_SUBJECT = re.compile(r"\b(i|i'm|im|i've|ive|i'd|id|he|she|they|he's|she's|hes|shes|they're|theyre)\b", re.IGNORECASE)
_THIRD_PERSON = frozenset({"he", "she", "they", "he's", "she's", "hes", "shes", "they're", "theyre"})


def _told_of_someone_else(span: Span, segs: list[Segment], self_reference: re.Pattern[str]) -> bool:
    """Are the self-harm words someone else's doing: a third person the last subject before them in their sentence,
    and nothing in them of the writer's own doing (``self_reference``: "myself", "on purpose")? "He hit me again, and
    afterwards I went upstairs and cut my arm" is the writer's act; "he dug his nails into my arm till it bled" is
    not."""
    for s in holding(span, segs):
        start, end = span[0] - s.start, span[1] - s.start
        subjects = [m.group(1).lower() for m in _SUBJECT.finditer(s.text, 0, start)]
        if subjects and subjects[-1] in _THIRD_PERSON and not self_reference.search(s.text[start:end]):
            return True
    return False
