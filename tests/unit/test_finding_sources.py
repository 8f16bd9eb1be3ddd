"""A finding's source names a reference a reader can look up, never an internal document."""

from __future__ import annotations

import pytest

from amends.coach.checks import registry

INTERNAL = ("seed", "FRAMEWORKS.md", "LABELLING.md", "§")


@pytest.mark.parametrize("check", registry(), ids=lambda c: c.name)
def test_every_rule_source_is_a_real_reference(check: object) -> None:
    source = str(getattr(check, "source", ""))
    assert source.strip(), "a rule must say what it rests on"
    assert not any(word.lower() in source.lower() for word in INTERNAL), source
