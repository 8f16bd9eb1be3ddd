"""Which patterns can match a text at all, found by plain substring tests before any regex runs.

The reply coach searches every reply with about a thousand patterns, and most of them cannot match:
"\\bi had no (?:other )?choice\\b" needs the words "i had no" and "choice" somewhere in the text. A
pattern's *needs* are read once from its parsed form: a run of plain letters it must match, or, for an
alternation, one such run from each branch (any of which must occur). Testing them with ``in`` on the
text lower-cased costs a small fraction of a regex scan, and a pattern whose needs are missing is skipped.

Skipping is exact: a pattern is skipped only when no match is possible, so every finding and span is the
one a full scan gives (``tests/unit/test_prefilter.py`` checks the coach's outputs on real replies). A
pattern with no plain-letter needs (emoji, character classes only) is always scanned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import import_module
from typing import Any

# The standard library's own parser, the reading of a pattern that re.compile makes (it has no type stubs).
sre = import_module("re._constants")
sre_parse = import_module("re._parser")
# The characters outside ASCII that a case-insensitive regex matches to an ASCII letter, and nothing else
# does (found by trying every code point; the test does it again). Each becomes its letter before the text
# is lower-cased, so a needed word is never missed because it was typed with one of them.
ASCII_TWINS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_TWIN_TABLE = str.maketrans(ASCII_TWINS)
# A need shorter than this is in nearly every text and would only cost the test.
_MIN_NEED = 2

Needs = frozenset[str]


# One reply analysis folds about five texts (the reply, its sentences, the partner's message), each read by many
# rule lists in turn; a small cache serves that, and holds few copies of texts that may run to 20,000 characters.
@lru_cache(maxsize=64)
def folded(text: str) -> str:
    """The text as the needs are tested against it."""
    return text.translate(_TWIN_TABLE).lower()


# Needs are looked up by their first _KEY_LENGTH characters (a need of _MIN_NEED characters by itself): a text holds
# a need only if it holds its key, so a list's needs are narrowed by one set intersection with the text's keys, and
# only the few needs whose key is there are tested with ``in``. Exact, as testing every need was.
_KEY_LENGTH = 3


@lru_cache(maxsize=64)
def _keys(text: str) -> frozenset[str]:
    """Every run of two and of three characters in the folded text (_MIN_NEED to _KEY_LENGTH)."""
    words = folded(text)
    return frozenset(
        {words[i : i + 2] for i in range(len(words) - 1)} | {words[i : i + 3] for i in range(len(words) - 2)}
    )


@dataclass(frozen=True)
class _Plan:
    """One pattern list's needs, indexed: ``by_key`` maps a key to (need, indices of the patterns it serves)."""

    patterns: tuple[re.Pattern[str], ...]
    always: tuple[int, ...]  # patterns with no needs, scanned on every text
    by_key: dict[str, tuple[tuple[str, tuple[int, ...]], ...]]
    keys: frozenset[str]


def possible(compiled: Iterable[re.Pattern[str]], text: str) -> list[re.Pattern[str]]:
    """The patterns, in order, that can match somewhere in ``text``."""
    plan = _plan(compiled) if isinstance(compiled, tuple) else _read(compiled)
    words = folded(text)
    kept = set(plan.always)
    for key in plan.keys.intersection(_keys(text)):
        for need, indices in plan.by_key[key]:
            if need in words:
                kept.update(indices)
    return [plan.patterns[i] for i in sorted(kept)]


# A pattern list's needs, read once per list: each needed word is tested once per text, however many patterns
# need it, and a pattern is kept by one set operation. Only tuples are kept (the lexicons' tuples, which live as
# long as the process), keyed by identity and holding the tuple itself, so a key is never reused. The coach has
# 37 such lists; a tuple built anew on each call would add one plan per call, so past MAX_PLANS a list is read
# each time instead of kept.
MAX_PLANS = 256
_PLANS: dict[int, _Plan] = {}


def _plan(compiled: tuple[re.Pattern[str], ...]) -> _Plan:
    plan = _PLANS.get(id(compiled))
    if plan is None or plan.patterns is not compiled:
        if len(_PLANS) >= MAX_PLANS:
            return _read(compiled)
        plan = _PLANS[id(compiled)] = _read(compiled)
    return plan


def _read(compiled: Iterable[re.Pattern[str]]) -> _Plan:
    patterns = compiled if isinstance(compiled, tuple) else tuple(compiled)
    served: dict[str, list[int]] = {}
    always = []
    for i, pattern in enumerate(patterns):
        needs = needs_of(pattern)
        if needs is None:
            always.append(i)
        for need in needs or ():
            served.setdefault(need, []).append(i)
    by_key: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    for need, indices in served.items():
        by_key.setdefault(need[:_KEY_LENGTH], []).append((need, tuple(indices)))
    index = {key: tuple(needs) for key, needs in by_key.items()}
    return _Plan(patterns, tuple(always), index, frozenset(index))


def can_match(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` can match somewhere in ``text``."""
    needs = needs_of(pattern)
    if needs is None:
        return True
    words = folded(text)
    return any(w in words for w in needs)


@cache
def needs_of(pattern: re.Pattern[str]) -> Needs | None:
    """Lower-case strings of which every match of ``pattern`` contains at least one, or None if the
    pattern's form promises none."""
    return _sequence(sre_parse.parse(pattern.pattern, pattern.flags))


def _sequence(items: Sequence[tuple[Any, Any]]) -> Needs | None:
    """The strongest need among the items of a sequence, each of which every match goes through."""
    found: list[Needs] = []
    run: list[str] = []
    for op, arg in items:
        if op is sre.LITERAL and arg < 128:
            run.append(chr(arg).lower())
            continue
        found.append(frozenset(["".join(run)]))
        run = []
        if op is sre.SUBPATTERN:
            inner = _sequence(arg[-1])
        elif op is sre.BRANCH:
            inner = _branches(arg[1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1:
            inner = _sequence(arg[2])
        else:
            inner = None
        if inner is not None:
            found.append(inner)
    found.append(frozenset(["".join(run)]))
    usable = [needs for needs in found if min(map(len, needs)) >= _MIN_NEED]
    # the rarest-looking need: its shortest word as long as can be, and then as few alternatives as can be
    return max(usable, key=lambda needs: (min(map(len, needs)), -len(needs)), default=None)


def _branches(branches: Sequence[Sequence[tuple[Any, Any]]]) -> Needs | None:
    """Any branch may match, so the need is one of each branch's needs; a branch without one needs nothing."""
    out: set[str] = set()
    for branch in branches:
        needs = _sequence(branch)
        if needs is None:
            return None
        out |= needs
    return frozenset(out)
