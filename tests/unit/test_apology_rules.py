"""Every apology rule is data plus a matcher, with examples that prove it (proselint style)."""

from __future__ import annotations

import pytest

from amends.coach.apology.doc import build_doc
from amends.coach.apology.rules import RULE_NAMES, RULES

ALLOWED = {
    "conditional", "deflection", "blame", "excuse", "sorry_but", "minimizing", "passive", "vague",
    "over_apologizing", "forgiveness_pressure", "self_focus", "hedged_commitment",
}  # fmt: skip


def test_every_spec_rule_has_a_module() -> None:
    assert set(RULE_NAMES) == ALLOWED
    assert [r.NAME for r in RULES] == list(RULE_NAMES)


@pytest.mark.parametrize("rule", RULES, ids=RULE_NAMES)
def test_rule_declares_its_data(rule) -> None:
    assert rule.SEVERITY in ("high", "medium", "low")
    assert rule.MESSAGE and rule.SOURCE and "{quote}" in rule.SUGGESTION
    assert len(rule.EXAMPLES_FLAG) >= 5, f"{rule.NAME} needs at least 5 should-flag examples"
    assert len(rule.EXAMPLES_PASS) >= 5, f"{rule.NAME} needs at least 5 should-pass examples"
    assert rule.__doc__ and any(k in rule.__doc__ for k in ("Source", "Gottman", "Schumann", "Lewicki"))


@pytest.mark.parametrize("rule", RULES, ids=RULE_NAMES)
def test_every_apology_suggestion_quotes_the_writers_own_words(rule) -> None:
    # The flag and pass examples themselves run through the one registry (test_checks.py).
    for text in rule.EXAMPLES_FLAG:
        for finding in rule.check(build_doc(text)):
            quoted = " ".join(text[finding.span[0] : finding.span[1]].split()).strip(" ,;:")
            assert quoted and quoted[:20] in finding.suggestion, "the suggestion quotes the writer's words"


@pytest.mark.parametrize("rule", RULES, ids=RULE_NAMES)
def test_a_finding_quotes_and_highlights_words_not_the_space_after_them(rule) -> None:
    for text in (*rule.EXAMPLES_FLAG, "I'm sorry if you were upset, but work was crazy."):
        for finding in rule.check(build_doc(text)):
            words = text[finding.span[0] : finding.span[1]]
            assert words == words.strip(), f"{rule.NAME}: {words!r}"
