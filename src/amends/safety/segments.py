"""Cut a text into the short pieces the detector reads, in time linear in the text's length.

Real posts are long, and a risk usually sits in one sentence of them, so the detector reads
sentences, and windows of at most :data:`WINDOW_WORDS` words (and :data:`MAX_SEGMENT_CHARS`
characters) of sentences that run on without punctuation. Every regex of the detector then runs
on pieces of bounded length only, so no pattern can cost more than a constant per piece, and the
whole scan stays linear however the text is built (runs of spaces, repeats, punctuation).

The two regexes here run on the whole text, so each is a single character class that never
backtracks. (The clause splitter this replaces, ``\\s+(?:but|and...)``, tried every run of n spaces
n times: "I am sorry" and 20,000 spaces took 34 s.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_SEGMENT_CHARS = 400
WINDOW_WORDS = 40
WINDOW_STEP = 30  # windows overlap by ten words, so a risk phrase is never cut in two

_SENTENCE = re.compile(r"[^.!?\n;]+[.!?;]*")
_WORD = re.compile(r"\S+")
_LETTER_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?", re.IGNORECASE)


@dataclass(frozen=True)
class Segment:
    """A piece of the text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


def sentences(text: str) -> list[Segment]:
    """Sentences (split at . ! ? ; and line breaks), stripped, each cut into windows when long."""
    out: list[Segment] = []
    for m in _SENTENCE.finditer(text):
        raw = m.group()
        body = raw.strip()
        if body:
            start = m.start() + (len(raw) - len(raw.lstrip()))
            out += windows(Segment(start, start + len(body), body))
    return out


def windows(seg: Segment) -> list[Segment]:
    """``seg`` itself when short, else overlapping windows of whole words within the size limits."""
    if len(seg.text) <= MAX_SEGMENT_CHARS and seg.text.count(" ") < WINDOW_WORDS:
        return [seg]
    words = [(m.start(), m.end()) for m in _WORD.finditer(seg.text)]
    out: list[Segment] = []
    i = 0
    while i < len(words):
        first = words[i][0]
        j = i
        while j + 1 < len(words) and j + 1 - i < WINDOW_WORDS and words[j + 1][1] - first <= MAX_SEGMENT_CHARS:
            j += 1
        end = min(words[j][1], first + MAX_SEGMENT_CHARS)  # one giant "word" is cut, not read whole
        out.append(Segment(seg.start + first, seg.start + end, seg.text[first:end]))
        if j + 1 >= len(words):
            break
        i = max(i + 1, min(i + WINDOW_STEP, j + 1))
    return out


def word_count(text: str) -> int:
    """Words of letters in ``text`` (numbers, emoji and marks do not count)."""
    return len(_LETTER_WORD.findall(text))


def holding(span: tuple[int, int], segs: list[Segment]) -> Iterator[Segment]:
    """The segments that hold ``span`` whole (a word window and its overlapping neighbour can both)."""
    return (s for s in segs if s.start <= span[0] and span[1] <= s.end)


def sentence_says(span: tuple[int, int], segs: list[Segment], pattern: re.Pattern[str]) -> bool:
    """Does a segment holding ``span`` match ``pattern``? Only the flag's own sentence is searched."""
    return any(pattern.search(s.text) for s in holding(span, segs))
