"""The text as the apology rules read it: sentences, quotations and a same-length normal form.

Every rule matches against ``Doc.norm``, which has exactly the length of the original text
(curly quotes become straight ones, one code point for one), so a match's span is already a
valid ``[start, end)`` index into what the user wrote, emoji and line breaks included.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from amends.coach.matching import unwrapped
from amends.coach.results import Span

_QUOTE_MAP = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"'})
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)|[.!?]+", re.M)
# Double quotes mark reported speech; single quotes only when they open after a space, so
# apostrophes (don't, Sam's) are never taken for quotation marks.
_DOUBLE_QUOTED = re.compile(r'"[^"\n]{1,300}"')
_SINGLE_QUOTED = re.compile(r"(?:(?<=\s)|^)'[^'\n]{2,200}'(?=[\s.,!?;:]|$)", re.M)
# A clause boundary: negation before it does not reach the words after it.
_CLAUSE_BREAK = re.compile(r"[,;:—–(]|\b(?:but|and|because|so|although|though|when|after|before|while)\b")
# How far back clause_before reaches: further than any real clause an "if" or a "not" governs.
CLAUSE_REACH = 200
_NEGATION = re.compile(
    r"\b(?:not|never|no|nor|n't|won't|don't|didn't|isn't|wasn't|aren't|ain't|can't|cannot|"
    r"refuse to|not going to|no longer)\b|n't\b"
)
_SAYING_NEGATED = re.compile(
    r"(?:won't|will not|not going to|never|don't|do not|refuse to|can't|cannot|wouldn't|isn't|wasn't)\s+"
    r"(?:\w+\s+)?(?:say|pretend|claim|call|tell you|make|hide behind|act like|use)\b"
)


@dataclass(frozen=True)
class Doc:
    """One apology ready for matching; ``mistake`` is the writer's own description, if given."""

    text: str
    norm: str
    sentences: tuple[Span, ...]
    quoted: tuple[Span, ...]
    mistake: str | None = None

    # Rules ask these questions once per finding, and a long text has many findings, so each answer
    # is a binary search over tables built once per text: every call costs O(log n), never O(n),
    # and the whole analysis stays linear in the text ("sorry if you felt " * 1100 took 6.6 s).

    @cached_property
    def _quote_index(self) -> tuple[list[int], list[int]]:
        """Quote starts (sorted) and the furthest quote end among the quotes up to each one."""
        starts, reach, far = [], [], -1
        for qs, qe in self.quoted:  # sorted by start
            far = max(far, qe)
            starts.append(qs)
            reach.append(far)
        return starts, reach

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    @cached_property
    def _clause_breaks(self) -> tuple[list[int], list[int]]:
        """Starts and ends of every clause boundary in the text, in order."""
        found = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(self.norm)]
        return [s for s, _ in found], [e for _, e in found]

    def in_quote(self, span: Span) -> bool:
        starts, reach = self._quote_index
        i = bisect_right(starts, span[0])
        return i > 0 and reach[i - 1] >= span[1]

    def sentence_of(self, pos: int) -> Span:
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i][1]:
            return self.sentences[i]
        return (0, len(self.text))

    def clause_before(self, pos: int) -> str:
        """The words between the last clause boundary and ``pos``, in normal form.

        At most :data:`CLAUSE_REACH` characters (whole words): rules search this text once per
        finding, so an unbounded clause would make a long run-on text quadratic.
        """
        start = self.sentence_of(pos)[0]
        starts, ends = self._clause_breaks
        i = bisect_right(ends, pos) - 1  # the last boundary that lies wholly inside [start, pos)
        if i >= 0 and starts[i] >= start:
            start = ends[i]
        if pos - start <= CLAUSE_REACH:
            return self.norm[start:pos]
        tail = self.norm[pos - CLAUSE_REACH : pos]
        cut = tail.find(" ")
        return tail[cut + 1 :] if cut >= 0 else tail

    @cached_property
    def _answers(self) -> dict[tuple[str, int, int], bool]:
        """Answers already given for this text: several lexicons ask about the same word."""
        return {}

    @cached_property
    def found(self) -> dict[tuple[str, ...], tuple[Span, ...]]:
        """Matches already found in this text, by what was asked: several rules and elements ask for
        the same lexicon or element, and on a long text each search costs a pass over every match."""
        return {}

    def negated(self, pos: int, *, window: int = 3) -> bool:
        """True when one of the last ``window`` words of the clause before ``pos`` negates it."""
        key = ("negated", pos, window)
        if key not in self._answers:
            clause = self.clause_before(pos)
            tail = clause[-80:]  # the last few words are all a negation can be among
            words = tail.split()[-window:] if len(tail) == len(clause) else tail.split()[1:][-window:]
            self._answers[key] = bool(_NEGATION.search(" ".join(words)))
        return self._answers[key]

    def disowned(self, pos: int) -> bool:
        """True when the writer says they will not say/claim what follows ("I won't pretend it was …")."""
        key = ("disowned", pos, 0)
        if key not in self._answers:
            start = self.sentence_of(pos)[0]
            self._answers[key] = bool(_SAYING_NEGATED.search(self.norm[max(start, pos - 60) : pos]))
        return self._answers[key]


def normalise(text: str) -> str:
    """Lower-case with straight quotes, keeping one code point per original code point."""
    straight = text.translate(_QUOTE_MAP)
    low = straight.lower()
    if len(low) == len(straight):  # no letter grew ("İ" does): one code point each, done in C
        return low
    chars = []
    for ch in straight:
        low = ch.lower()
        chars.append(low if len(low) == 1 else ch)
    return "".join(chars)


def sentences(norm: str) -> tuple[Span, ...]:
    spans = []
    for m in _SENTENCE.finditer(norm):
        start, end = m.start(), m.end()
        while start < end and norm[start].isspace():
            start += 1
        if start < end:
            spans.append((start, end))
    return tuple(spans)


def quotations(norm: str) -> tuple[Span, ...]:
    spans = [(m.start(), m.end()) for m in _DOUBLE_QUOTED.finditer(unwrapped(norm))]
    spans += [(m.start(), m.end()) for m in _SINGLE_QUOTED.finditer(norm)]
    return tuple(sorted(spans))


def build_doc(text: str, mistake: str | None = None) -> Doc:
    norm = normalise(text)
    return Doc(text=text, norm=norm, sentences=sentences(norm), quoted=quotations(norm), mistake=mistake)
