"""The small matcher every commitment rule shares: phrase patterns in, Findings out."""

from __future__ import annotations

import re
from collections.abc import Iterable
from types import ModuleType

from amends.coach.results import Finding


def normalise(text: str) -> str:
    """Straighten curly apostrophes. Same length, so spans still index the original text."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


def compile_any(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(normalise(text))]


def finding(rule: ModuleType, span: tuple[int, int], suggestion: str | None = None) -> Finding:
    """A Finding carrying the rule module's declared name, severity, message and source."""
    return Finding(
        rule=rule.NAME,
        severity=rule.SEVERITY,
        span=span,
        message=rule.MESSAGE,
        suggestion=suggestion if suggestion is not None else rule.SUGGESTION,
        source=rule.SOURCE,
    )
