"""Word lists as package data: one regular expression per line, each file headed by its provenance.

Patterns are matched case-insensitively against ``Doc.norm`` (lower case, straight quotes),
wrapped in word boundaries, so a lexicon line reads like the phrase it finds: ``sorry if``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources

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
    """One compiled alternation of every line in the lexicon, longest phrases first.

    Every phrase starts with a word character; saying so up front (a ``(?=\\w)`` look-ahead) lets
    the engine skip each space and mark at once instead of trying every phrase there.
    """
    lines = sorted(read_lines(name), key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?=\w)(?:" + "|".join(expand(line) for line in lines) + r")(?![\w])")


@cache
def words(name: str) -> frozenset[str]:
    """A lexicon of single words (no regex), for set look-ups."""
    return frozenset(read_lines(name))


def find(
    doc: Doc, name: str, *, negatable: bool = True, quoted: bool = False, disownable: bool = True
) -> Iterator[Span]:
    """Spans where lexicon ``name`` matches, skipping quoted, negated or disowned uses."""
    for m in pattern(name).finditer(doc.norm):
        span = (m.start(), m.end())
        if span[0] == span[1]:
            continue
        if not quoted and doc.in_quote(span):
            continue
        if negatable and doc.negated(span[0]):
            continue
        if disownable and doc.disowned(span[0]):
            continue
        yield span
