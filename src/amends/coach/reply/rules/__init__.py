"""Finding rules for replies: one declarative module per rule, as proselint does.

Each module has NAME, SEVERITY, MESSAGE, SUGGESTION, SOURCE, EXAMPLES_FLAG, EXAMPLES_PASS
and ``check(text) -> list[Finding]``; its patterns are package data, ``reply/lexicons/<name>.txt``,
read by the one matcher (:mod:`amends.coach.matching`, through ``_base``).
"""

from __future__ import annotations

from types import ModuleType

from amends.coach.reply.rules import (
    blame,
    contempt,
    counterattack,
    criticism,
    defensiveness,
    fixing,
    invalidating,
    minimizing,
    stonewalling,
)

RULES: tuple[ModuleType, ...] = (
    criticism,
    contempt,
    defensiveness,
    stonewalling,
    invalidating,
    counterattack,
    fixing,
    minimizing,
    blame,
)
RULE_NAMES = tuple(rule.NAME for rule in RULES)
