"""Word lists as package data: one regular expression per line, each file headed by its provenance.

Patterns are matched case-insensitively against ``Doc.norm`` (lower case, straight quotes),
wrapped in word boundaries, so a lexicon line reads like the phrase it finds: ``sorry if``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from importlib import resources

from amends.coach.apology import regex_trie
from amends.coach.apology.doc import Doc
from amends.coach.results import Span

# "I'm", "im", "i am" and the curly forms (already straightened) all read as one token.
_MACROS = {
    "{im}": r"(?:i'?m|i am)",
    "{ive}": r"(?:i'?ve|i have)",
    "{ill}": r"(?:i'?ll|i will|i'm going to|im going to|i am going to|i'?m gonna|im gonna)",
    "{adv}": r"(?:(?:so|really|truly|very|deeply|genuinely|sincerely|incredibly|terribly|honestly|"
    r"just|also|completely|totally|actually|seriously|sooo*|rly|realy|truely)\s+){0,3}",
    "{w}": r"[\w']+",
}


def read_lines(name: str) -> tuple[str, ...]:
    """The non-comment lines of ``lexicons/<name>.txt``."""
    path = resources.files("amends.coach.apology").joinpath("lexicons", f"{name}.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


def expand(pattern: str) -> str:
    for macro, regex in _MACROS.items():
        pattern = pattern.replace(macro, regex)
    return pattern


@cache
def pattern(name: str) -> re.Pattern[str]:
    """One compiled alternation of every line in the lexicon, longest phrases first, with shared
    openings written once (:mod:`regex_trie`).

    Every phrase starts with a word character; saying so up front (a ``(?=\\w)`` look-ahead) lets
    the engine skip each space and mark at once instead of trying every phrase there.
    """
    lines = sorted(read_lines(name), key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?=\w)" + regex_trie.alternation([expand(line) for line in lines]) + r"(?![\w])")


@cache
def words(name: str) -> frozenset[str]:
    """A lexicon of single words (no regex), for set look-ups."""
    return frozenset(read_lines(name))


def matches(doc: Doc, name: str) -> tuple[Span, ...]:
    """Every non-empty match of lexicon ``name`` in the text, found once per text."""
    key = ("lexicon", name)
    if key not in doc.found:
        doc.found[key] = tuple((m.start(), m.end()) for m in pattern(name).finditer(doc.norm) if m.end() > m.start())
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
