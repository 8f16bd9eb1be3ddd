"""Every commitment rule declares itself fully (its examples run through the registry: test_checks.py)."""

from __future__ import annotations

import pkgutil

import pytest

import amends.ledger.rules as rules_pkg
from amends.ledger.rules import RULES

REQUIRED = ("NAME", "SEVERITY", "MESSAGE", "SUGGESTION", "SOURCE", "EXAMPLES_FLAG", "EXAMPLES_PASS")


def test_every_rule_module_in_the_package_is_registered():
    modules = {m.name for m in pkgutil.iter_modules(rules_pkg.__path__) if not m.name.startswith("_")}
    assert modules == {r.__name__.rsplit(".", 1)[1] for r in RULES}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
def test_rule_declares_its_data_and_at_least_five_examples_each_way(rule):
    missing = [attr for attr in REQUIRED if not getattr(rule, attr, None)]
    assert not missing, f"{rule.__name__} lacks {missing}"
    assert rule.SEVERITY in {"high", "medium", "low"}
    assert len(rule.EXAMPLES_FLAG) >= 5, f"{rule.NAME} needs at least 5 EXAMPLES_FLAG"
    assert len(rule.EXAMPLES_PASS) >= 5, f"{rule.NAME} needs at least 5 EXAMPLES_PASS"
    assert rule.__doc__ and "Source" in rule.__doc__
