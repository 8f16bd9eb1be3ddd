"""Turning matched spans into findings whose suggestion quotes the writer's own words."""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

from amends.coach import matching
from amends.coach.apology.doc import Doc
from amends.coach.results import Finding, Span, merge_spans

_MAX_QUOTE = 80


def quote(doc: Doc, span: Span) -> str:
    """The writer's words at ``span``, trimmed to fit in one line of advice."""
    return matching.quote(doc.text, span, _MAX_QUOTE)


def flag(rule: ModuleType, doc: Doc, spans: Iterable[Span]) -> list[Finding]:
    """One finding per merged span, its suggestion filled in with the quoted words. Words the writer reports having
    said and owns ("I'm sorry I said it was no big deal") name the mistake; they are not a finding of their own."""
    kept = [span for span in spans if not matching.reported_own_words(doc.norm, span[0])]
    return [
        matching.finding(rule, span, rule.SUGGESTION.format(quote=quote(doc, span)))
        for span in merge_spans([matching.trimmed(doc.text, span) for span in kept])
    ]
