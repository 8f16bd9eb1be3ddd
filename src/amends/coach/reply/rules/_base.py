"""How the reply rules read a reply: the one matcher over the reply as written, leaving out words
quoted from someone else or disowned, and findings whose suggestion starts from the writer's words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from types import ModuleType

from amends.coach import matching
from amends.coach.results import Finding, Span

PACKAGE = "amends.coach.reply"
_MAX_QUOTE = 60


def find(text: str, compiled: Iterable[re.Pattern[str]], *, skip_negated: bool = False) -> list[Span]:
    """Spans of ``compiled`` in the reply, less quoted and disowned ones (and negated ones if asked)."""
    return matching.find(text, compiled, skip_quoted=True, skip_disowned=True, skip_negated=skip_negated)


def spans(text: str, name: str, *, skip_negated: bool = False) -> list[Span]:
    """Spans of lexicon ``lexicons/<name>.txt`` in the reply, each line searched on its own."""
    return find(text, matching.patterns(PACKAGE, name), skip_negated=skip_negated)


def instead_of(text: str, span: Span, suggestion: str) -> str:
    """The suggestion, led by the writer's own words at the span, so they see which words it means."""
    words = matching.quote(text, span, _MAX_QUOTE)
    return f"Instead of '{words}': {suggestion}" if words else suggestion


def flag(rule: ModuleType, text: str, spans: Iterable[Span], suggestion: str | None = None) -> list[Finding]:
    """One finding per span, in the order given, with ``suggestion`` (else the rule's own) led by the span's words."""
    advice = rule.SUGGESTION if suggestion is None else suggestion
    kept = [matching.trimmed(text, span) for span in spans]
    return [matching.finding(rule, span, instead_of(text, span, advice)) for span in kept]


def framed(text: str, span: Span, name: str, reach: int) -> bool:
    """Whether lexicon ``lexicons/<name>.txt`` matches the words just before ``span``, within ``reach`` characters
    (each of its lines ends at the framed word): a bounded look, so a long reply stays linear."""
    return matching.framed_before(text, span[0], PACKAGE, name, reach)
