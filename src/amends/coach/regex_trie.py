"""One regular expression for many phrases, with shared beginnings written once.

A lexicon is an alternation of phrases, and Python's engine tries every branch in turn at every
word it passes. Most phrases in a lexicon open the same way ("(i'm )? (so|really ...){0,3} sorry
..."), so a plain alternation reads that opening again for each of thirty phrases. Written as a
trie of regex units, the opening is read once and only the endings branch: the same language,
an order of magnitude less work on a long text (``bench/adversarial.py``).

Branches are tried in the order of the first phrase through them, and a phrase that ends where
another goes on is tried at its own place in that order, so where several phrases match at one
place the engine picks the one the plain alternation would have picked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d*,?\d*\})[?+]?")
_WORD = re.compile(r"[\w',]+ ?")


def units(pattern: str) -> list[str]:
    """Split a pattern into its top-level units (an atom with its quantifier), or one unit if it
    has a top-level ``|`` and so cannot be cut."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "|":
            return [f"(?:{pattern})"]
        word = _WORD.match(pattern, i)
        if word and not _QUANTIFIER.match(pattern, word.end()):
            end = word.end()  # a literal word and the space after it: one unit, compared as a string
        else:
            end = _atom_end(pattern, i)
            quantifier = _QUANTIFIER.match(pattern, end)
            if quantifier and quantifier.group(0):
                end = quantifier.end()
        out.append(pattern[i:end])
        i = end
    return out


def _atom_end(pattern: str, i: int) -> int:
    char = pattern[i]
    if char == "\\":
        return i + 2
    if char == "[":
        return _class_end(pattern, i)
    if char == "(":
        return _group_end(pattern, i)
    return i + 1


def _class_end(pattern: str, i: int) -> int:
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1  # a "]" first in a class is a literal
    while pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _group_end(pattern: str, i: int) -> int:
    depth, j = 0, i
    while True:
        char = pattern[j]
        if char == "\\":
            j += 2
            continue
        if char == "[":
            j = _class_end(pattern, j)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1


@dataclass
class _Node:
    first: int  # the first phrase through this node: its branch is tried in that phrase's place
    children: dict[str, _Node] = field(default_factory=dict)
    ends_at: int | None = None  # the phrase that ends here, if one does


def alternation(phrases: list[str]) -> str:
    """A non-capturing group matching what ``(?:p1|p2|...)`` matches, with the same branch priority."""
    root = _Node(first=0)
    for index, phrase in enumerate(phrases):
        node = root
        for unit in units(phrase):
            node = node.children.setdefault(unit, _Node(first=index))
        if node.ends_at is None:
            node.ends_at = index
    return "(?:" + _render(root) + ")"


def _render(node: _Node) -> str:
    branches = [(child.first, unit + _render(child)) for unit, child in node.children.items()]
    if node.ends_at is not None:
        branches.append((node.ends_at, ""))
    branches.sort(key=lambda branch: branch[0])
    if len(branches) == 1:
        return branches[0][1]
    return "(?:" + "|".join(text for _, text in branches) + ")"
