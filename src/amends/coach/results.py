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


_SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}


def grouped_findings(text: str, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Findings as a person reads them: one item per rule and message, quoting each of its passages in order.

    "Oh, I'm SO sorry that I'm not perfect like you. Happy now?" holds contempt three times; said three times with the
    same message it reads like three faults. Each finding's suggestion quotes its own passage and is otherwise the
    same, so the item keeps the first. The JSON result keeps every finding and span, for highlighting.
    """
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for finding in findings:  # the coach's order of findings; each item sits where its rule first did
        first = {key: value for key, value in finding.items() if key != "span"}
        group = groups.setdefault((finding["rule"], finding["message"]), {**first, "spans": []})
        if tuple(finding["span"]) not in group["spans"]:
            group["spans"].append(tuple(finding["span"]))
        if _SEVERITY_RANK.get(finding["severity"], 3) < _SEVERITY_RANK.get(group["severity"], 3):
            group["severity"] = finding["severity"]
    for group in groups.values():
        group["spans"].sort()
        group["quotes"] = [text[start:end] for start, end in group["spans"]]
    return list(groups.values())
