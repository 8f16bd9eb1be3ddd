"""Immutable result values shared by every coach analyser.

One result model serves HTML highlighting, CLI output and the JSON API, so every
analyser reports spans as ``[start, end)`` code-point indices into the text it read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True)
class Finding:
    """One pattern found in a text, with where it is and what to do about it."""

    rule: str
    severity: str  # "high" | "medium" | "low"
    span: Span
    message: str
    suggestion: str
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "span": [self.span[0], self.span[1]],
            "message": self.message,
            "suggestion": self.suggestion,
            "source": self.source,
        }


@dataclass(frozen=True)
class Element:
    """Whether a wanted part of a text is present, and the words that show it."""

    name: str
    present: bool
    spans: tuple[Span, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {"present": self.present, "spans": [[s, e] for s, e in self.spans]}


def merge_spans(spans: list[Span] | tuple[Span, ...]) -> tuple[Span, ...]:
    """Sort spans and merge the ones that overlap, so highlights never nest."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def outermost(findings: list[Finding] | tuple[Finding, ...]) -> list[Finding]:
    """The findings less any that sits inside another of the same rule (or repeats it): "You're a
    liar" and its "liar" are one piece of contempt, shown once, with the longer span.

    One sweep per rule in span order (start, then longest first, then text order), so a 20,000-character
    text with a thousand matches of one rule costs a sort, not a million comparisons: a finding is
    covered when one before it in that order reaches at least as far.
    """
    by_rule: dict[str, list[tuple[int, Finding]]] = {}
    for i, f in enumerate(findings):
        by_rule.setdefault(f.rule, []).append((i, f))
    covered: set[int] = set()
    for items in by_rule.values():
        furthest = -1
        for i, f in sorted(items, key=lambda item: (item[1].span[0], -item[1].span[1], item[0])):
            if furthest >= f.span[1]:
                covered.add(i)
            furthest = max(furthest, f.span[1])
    return [f for i, f in enumerate(findings) if i not in covered]
