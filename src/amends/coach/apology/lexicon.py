"""The apology coach's lexicons, read through the one matcher (:mod:`amends.coach.matching`).

Patterns are matched case-insensitively against ``Doc.norm`` (lower case, straight quotes),
wrapped in word boundaries, so a lexicon line reads like the phrase it finds: ``sorry if``.
This layer adds what the apology reads around a match: quotes, negation and disowning, from the
``Doc``, with every answer kept for the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from itertools import islice

from amends.coach import matching
from amends.coach.apology.doc import Doc
from amends.coach.results import Span

PACKAGE = "amends.coach.apology"


def read_lines(name: str) -> tuple[str, ...]:
    """The non-comment lines of ``lexicons/<name>.txt``."""
    return matching.read(PACKAGE, name).lines


@cache  # one look-up per call, not two: rules ask for a pattern once per lexicon per text
def pattern(name: str) -> re.Pattern[str]:
    """Lexicon ``name`` as one compiled regex trie of whole-word phrases (:func:`matching.phrases`)."""
    return matching.phrases(PACKAGE, name)


@cache
def words(name: str) -> frozenset[str]:
    """A lexicon of single words (no regex), for set look-ups."""
    return frozenset(read_lines(name))


# The most matches of one lexicon read in one text. Twenty thousand characters of real apologies hold about
# 190 of the most frequent ("sorry"); a text that repeats a phrase thousands of times ("sorry\t" x 3,333)
# reads the same after the first few hundred, and every match costs negation and quote checks.
MAX_MATCHES = 256


def matches(doc: Doc, name: str) -> tuple[Span, ...]:
    """The non-empty matches of lexicon ``name`` in the text (the first :data:`MAX_MATCHES`), found once per text."""
    key = ("lexicon", name)
    if key not in doc.found:
        found = ((m.start(), m.end()) for m in pattern(name).finditer(doc.norm) if m.end() > m.start())
        doc.found[key] = tuple(islice(found, MAX_MATCHES))
    return doc.found[key]


def inside(doc: Doc, name: str, pos: int) -> bool:
    """Is ``pos`` inside a match of lexicon ``name``? Matches never overlap, so a binary search finds it."""
    found = matches(doc, name)
    i = bisect_right(found, (pos, len(doc.norm) + 1)) - 1
    return i >= 0 and found[i][0] <= pos < found[i][1]


def find(
    doc: Doc, name: str, *, negatable: bool = True, quoted: bool = False, disownable: bool = True
) -> Iterator[Span]:
    """Spans where lexicon ``name`` matches, skipping quoted, negated or disowned uses."""
    key = ("find", name, str(negatable), str(quoted), str(disownable))
    if key not in doc.found:
        doc.found[key] = tuple(
            span
            for span in matches(doc, name)
            if (quoted or not doc.in_quote(span))
            and not (negatable and doc.negated(span[0]))
            and not (disownable and doc.disowned(span[0]))
        )
    return iter(doc.found[key])
