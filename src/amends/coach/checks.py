"""One registry of every rule the coaches run: apology, reply and commitment (proselint style).

Each rule is still one small module with its data and a matcher. This module gives them one
contract, :class:`Check` (name, kind, severity, message, suggestion, source, should-flag and
should-pass examples, and ``run(text)`` returning findings with spans), and one registry,
:func:`registry`, so one test runs every rule's examples and one place lists them all.
Still to do: one matcher for the three engines, with every pattern in a lexicon file.
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


def _apology(rule: ModuleType) -> Callable[[str], list[Finding]]:
    return lambda text: list(rule.check(build_doc(text)))


def _reply(rule: ModuleType) -> Callable[[str], list[Finding]]:
    return lambda text: list(rule.check(text))


def _commitment(rule: ModuleType) -> Callable[[str], list[Finding]]:
    return lambda text: list(rule.check(text))


@cache
def registry() -> tuple[Check, ...]:
    """Every rule of every coach, in the order each coach runs them."""
    sources: tuple[tuple[str, tuple[ModuleType, ...], Callable[[ModuleType], Callable[[str], list[Finding]]]], ...] = (
        ("apology", APOLOGY_RULES, _apology),
        ("reply", REPLY_RULES, _reply),
        ("commitment", COMMITMENT_RULES, _commitment),
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
            matcher=wrap(rule),
        )
        for kind, rules, wrap in sources
        for rule in rules
    )
