"""The text as the apology rules read it: sentences, quotations and a same-length normal form.

Every rule matches against ``Doc.norm``, which has exactly the length of the original text
(curly quotes become straight ones, one code point for one), so a match's span is already a
valid ``[start, end)`` index into what the user wrote, emoji and line breaks included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from amends.coach.results import Span

_QUOTE_MAP = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"'})
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)|[.!?]+", re.M)
# Double quotes mark reported speech; single quotes only when they open after a space, so
# apostrophes (don't, Sam's) are never taken for quotation marks.
_DOUBLE_QUOTED = re.compile(r'"[^"\n]{1,300}"')
_SINGLE_QUOTED = re.compile(r"(?:(?<=\s)|^)'[^'\n]{2,200}'(?=[\s.,!?;:]|$)", re.M)
# A clause boundary: negation before it does not reach the words after it.
_CLAUSE_BREAK = re.compile(r"[,;:—–(]|\b(?:but|and|because|so|although|though|when|after|before|while)\b")
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

    def in_quote(self, span: Span) -> bool:
        return any(qs <= span[0] and span[1] <= qe for qs, qe in self.quoted)

    def sentence_of(self, pos: int) -> Span:
        for start, end in self.sentences:
            if start <= pos < end:
                return (start, end)
        return (0, len(self.text))

    def sentence_text(self, span: Span) -> str:
        return self.norm[span[0] : span[1]]

    def clause_before(self, pos: int) -> str:
        """The words between the last clause boundary and ``pos``, in normal form."""
        start = self.sentence_of(pos)[0]
        before = self.norm[start:pos]
        breaks = list(_CLAUSE_BREAK.finditer(before))
        return before[breaks[-1].end() :] if breaks else before

    def negated(self, pos: int, *, window: int = 3) -> bool:
        """True when one of the last ``window`` words of the clause before ``pos`` negates it."""
        words = self.clause_before(pos).split()[-window:]
        return bool(_NEGATION.search(" ".join(words)))

    def disowned(self, pos: int) -> bool:
        """True when the writer says they will not say/claim what follows ("I won't pretend it was …")."""
        start = self.sentence_of(pos)[0]
        return bool(_SAYING_NEGATED.search(self.norm[max(start, pos - 60) : pos]))


def normalise(text: str) -> str:
    """Lower-case with straight quotes, keeping one code point per original code point."""
    chars = []
    for ch in text.translate(_QUOTE_MAP):
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
    spans = [(m.start(), m.end()) for m in _DOUBLE_QUOTED.finditer(norm)]
    spans += [(m.start(), m.end()) for m in _SINGLE_QUOTED.finditer(norm)]
    return tuple(sorted(spans))


def build_doc(text: str, mistake: str | None = None) -> Doc:
    norm = normalise(text)
    return Doc(text=text, norm=norm, sentences=sentences(norm), quoted=quotations(norm), mistake=mistake)
