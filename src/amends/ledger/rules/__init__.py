"""Commitment coach rules: one module per rule, each data plus a small ``check(text)``.

Every rule module declares NAME, SEVERITY, MESSAGE, SUGGESTION, SOURCE, EXAMPLES_FLAG and
EXAMPLES_PASS, and ``check(text) -> list[Finding]``; ``tests/unit/test_commitment_rules.py`` fails if
any of them is missing. Its patterns are package data, ``ledger/lexicons/<name>.txt``, read by the
one matcher (:mod:`amends.coach.matching`, through ``_base``).
"""

from __future__ import annotations

from types import ModuleType

from amends.ledger.rules import absolute, hedged, infeasible, not_concrete, surveillance

RULES: tuple[ModuleType, ...] = (not_concrete, absolute, hedged, infeasible, surveillance)
