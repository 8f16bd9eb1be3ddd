"""One registry of every rule the coaches run: apology, reply and commitment (proselint style).

Each rule is one small module: its data (NAME, SEVERITY, MESSAGE, SUGGESTION, SOURCE, should-flag
and should-pass examples) and a ``check`` that returns :class:`~amends.coach.results.Finding`
values with spans. Its patterns are lexicon files with a provenance header (``lexicons/<name>.txt``
beside the coach), read, compiled and searched by one matcher, :mod:`amends.coach.matching`.

:class:`Check` is the one contract over them, and :func:`registry` the one list, so one test runs
every rule's examples. The coaches differ only in what ``check`` reads: the apology rules read a
parsed :class:`~amends.coach.apology.doc.Doc` (sentences, quotes, negation), the reply and
commitment rules the text itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from amends.coach.apology.doc import build_doc
from amends.coach.apology.rules import RULES as APOLOGY_RULES
from amends.coach.reply.rules import RULES as REPLY_RULES
from amends.coach.results import Finding
from amends.ledger.rules import RULES as COMMITMENT_RULES

RULE_SETS = ("apology", "reply", "commitment")


@dataclass(frozen=True)
class Check:
    """One rule, whatever coach it belongs to."""

    kind: str
    name: str
    severity: str
    message: str
    suggestion: str
    source: str
    examples_flag: tuple[str, ...]
    examples_pass: tuple[str, ...]
    matcher: Callable[[str], list[Finding]]

    def run(self, text: str) -> list[Finding]:
        """This rule's findings in ``text``, each with its span, message, suggestion and source."""
        return self.matcher(text)


def _reading(kind: str, rule: ModuleType) -> Callable[[str], list[Finding]]:
    """``rule.check`` on the input its coach builds from the text."""
    if kind == "apology":
        return lambda text: list(rule.check(build_doc(text)))
    return lambda text: list(rule.check(text))


@cache
def registry() -> tuple[Check, ...]:
    """Every rule of every coach, in the order each coach runs them."""
    sources: tuple[tuple[str, tuple[ModuleType, ...]], ...] = (
        ("apology", APOLOGY_RULES),
        ("reply", REPLY_RULES),
        ("commitment", COMMITMENT_RULES),
    )
    return tuple(
        Check(
            kind=kind,
            name=rule.NAME,
            severity=rule.SEVERITY,
            message=rule.MESSAGE,
            suggestion=rule.SUGGESTION,
            source=rule.SOURCE,
            examples_flag=tuple(rule.EXAMPLES_FLAG),
            examples_pass=tuple(rule.EXAMPLES_PASS),
            matcher=_reading(kind, rule),
        )
        for kind, rules in sources
        for rule in rules
    )
