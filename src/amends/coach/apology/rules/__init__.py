"""The apology findings: one small module per rule, each data plus a matcher (proselint style).

Every rule module declares NAME, SEVERITY, MESSAGE, SUGGESTION (with ``{quote}`` standing for
the writer's own words at the span), SOURCE, EXAMPLES_FLAG, EXAMPLES_PASS and ``check(doc)``.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from amends.coach.apology.doc import Doc
from amends.coach.results import Finding, outermost

RULE_NAMES = (
    "conditional",
    "deflection",
    "blame",
    "excuse",
    "sorry_but",
    "minimizing",
    "passive",
    "vague",
    "over_apologizing",
    "forgiveness_pressure",
    "self_focus",
    "hedged_commitment",
)
SEVERITIES = ("high", "medium", "low")

RULES: tuple[ModuleType, ...] = tuple(import_module(f"{__name__}.{name}") for name in RULE_NAMES)


def run_rules(doc: Doc) -> list[Finding]:
    """Every finding of every rule, in text order, most severe first where spans tie."""
    findings = outermost([finding for rule in RULES for finding in rule.check(doc)])
    return sorted(findings, key=lambda f: (f.span[0], SEVERITIES.index(f.severity), f.rule))
