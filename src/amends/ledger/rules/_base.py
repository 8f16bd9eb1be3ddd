"""How the commitment rules read a commitment: the one matcher, with apostrophes straightened."""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

from amends.coach import matching
from amends.coach.results import Finding, Span

PACKAGE = "amends.ledger"


def spans(text: str, name: str) -> list[Span]:
    """Spans of lexicon ``ledger/lexicons/<name>.txt`` in ``text``, its lines as one alternation."""
    return matching.find(matching.straighten(text), matching.one_of(PACKAGE, name))


def mentions(text: str, name: str) -> bool:
    """Whether lexicon ``name`` matches anywhere in ``text``."""
    return matching.contains(matching.straighten(text), matching.one_of(PACKAGE, name))


def flag(rule: ModuleType, spans: Iterable[Span], suggestion: str | None = None) -> list[Finding]:
    """One finding per span with the rule module's declared data (and ``suggestion`` if given)."""
    return [matching.finding(rule, span, suggestion) for span in spans]
