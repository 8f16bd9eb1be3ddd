"""Every apology rule is data plus a matcher, with examples that prove it (proselint style)."""

from __future__ import annotations

import re

import pytest

from amends.coach.apology.doc import build_doc
from amends.coach.apology.lexicon import read_lines
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
def test_rule_flags_its_flag_examples_and_passes_its_pass_examples(rule) -> None:
    for text in rule.EXAMPLES_FLAG:
        found = rule.check(build_doc(text))
        assert found, f"{rule.NAME} should flag: {text!r}"
        for finding in found:
            assert finding.rule == rule.NAME
            quoted = " ".join(text[finding.span[0] : finding.span[1]].split()).strip(" ,;:")
            assert quoted and quoted[:20] in finding.suggestion, "the suggestion quotes the writer's words"
    for text in rule.EXAMPLES_PASS:
        assert rule.check(build_doc(text)) == [], f"{rule.NAME} should pass: {text!r}"


def test_every_lexicon_is_headed_by_provenance_and_compiles() -> None:
    from importlib import resources

    folder = resources.files("amends.coach.apology").joinpath("lexicons")
    names = [p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt")]
    assert len(names) >= 10
    for name in names:
        first = folder.joinpath(f"{name}.txt").read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# Written by the amends team"), name
        assert read_lines(name)
        if name not in ("irregular", "stopwords"):
            from amends.coach.apology.lexicon import pattern

            assert isinstance(pattern(name), re.Pattern)
