"""Every rule of every coach, through the one registry: its data, and its own examples both ways.

This is the one test of every rule's should-flag and should-pass examples."""

from __future__ import annotations

import pytest

from amends.coach.checks import RULE_SETS, Check, registry

CHECKS = registry()
IDS = [f"{c.kind}.{c.name}" for c in CHECKS]


def test_the_registry_holds_every_coachs_rules_once() -> None:
    assert {c.kind for c in CHECKS} == set(RULE_SETS)
    assert len(set(IDS)) == len(IDS)


@pytest.mark.parametrize("check", CHECKS, ids=IDS)
def test_every_check_declares_its_data_and_five_examples_each_way(check: Check) -> None:
    assert check.severity in {"high", "medium", "low"}
    assert check.message and check.suggestion and check.source
    assert len(check.examples_flag) >= 5 and len(check.examples_pass) >= 5


@pytest.mark.parametrize("check", CHECKS, ids=IDS)
def test_every_check_flags_its_flag_examples_and_passes_its_pass_examples(check: Check) -> None:
    for text in check.examples_flag:
        found = check.run(text)
        assert any(f.rule == check.name for f in found), f"{check.kind}.{check.name} should flag: {text!r}"
        assert all(0 <= f.span[0] < f.span[1] <= len(text) for f in found)
        for f in found:  # one contract: every finding carries its rule's declared data
            assert (f.rule, f.severity, f.message, f.source) == (
                check.name,
                check.severity,
                check.message,
                check.source,
            )
            assert f.suggestion
    for text in check.examples_pass:
        assert not any(f.rule == check.name for f in check.run(text)), f"{check.name} should pass: {text!r}"
