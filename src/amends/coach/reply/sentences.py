"""Sentence spans and content words, the small text tools the reply coach works with."""

from __future__ import annotations

import re

from amends.coach import matching
from amends.coach.results import Span

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_WORD = re.compile(r"[a-z][a-z'’]+")
_STOP = frozenset(
    """about after again also always because been before being could didn't does doesn't doing don't
    even ever every from have haven't having here just know like make made maybe more much need never
    only other really said same should some still than that that's their them then there these they
    thing things think this those through told very want wanted were what when where which while will
    with would wouldn't your you're yours you've you'll i'm i've i'll feel felt sorry today tonight
    going gonna into it's can't won't isn't wasn't okay right well""".split()
)


def sentences(text: str) -> list[Span]:
    """Spans of the sentences in text, trimmed of surrounding spaces."""
    spans = []
    for match in _SENTENCE.finditer(text):
        start, end = matching.trimmed(text, (match.start(), match.end()))
        if any(ch.isalnum() for ch in text[start:end]):
            spans.append((start, end))
    return spans or [(0, len(text))]


def _stem(word: str) -> str:
    word = word.replace("’", "'").split("'")[0]
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_stems(text: str) -> set[str]:
    """Stems of the words that carry content (four letters or more, not function words)."""
    return {_stem(w) for w in _WORD.findall(text.lower()) if len(w) >= 4 and w not in _STOP}
