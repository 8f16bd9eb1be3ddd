from __future__ import annotations

import pytest

from amends.coach.reply import find_rules
from amends.coach.reply.rules import RULE_NAMES, RULES

EXPECTED = {
    "criticism",
    "contempt",
    "defensiveness",
    "stonewalling",
    "invalidating",
    "counterattack",
    "fixing",
    "minimizing",
    "blame",
}


def test_every_rule_in_the_brief_exists() -> None:
    assert set(RULE_NAMES) == EXPECTED


@pytest.mark.parametrize("rule", RULES, ids=RULE_NAMES)
def test_every_rule_declares_its_data_and_enough_examples(rule: object) -> None:
    for attr in ("NAME", "SEVERITY", "MESSAGE", "SUGGESTION", "SOURCE"):
        assert getattr(rule, attr), f"{rule} lacks {attr}"
    assert rule.SEVERITY in {"high", "medium", "low"}  # type: ignore[attr-defined]
    assert len(rule.EXAMPLES_FLAG) >= 5, "a rule needs at least five should-flag examples"  # type: ignore[attr-defined]
    assert len(rule.EXAMPLES_PASS) >= 5, "a rule needs at least five should-pass examples"  # type: ignore[attr-defined]
    assert "Gottman" in rule.SOURCE or "EPITOME" in rule.SOURCE  # type: ignore[attr-defined]


def test_findings_carry_spans_on_the_offending_words() -> None:
    text = "I love you. It's not my fault the train was late."
    finding = next(f for f in find_rules(text) if f.rule == "defensiveness")
    assert text[finding.span[0] : finding.span[1]] == "It's not my fault"
    assert finding.severity == "high" and finding.suggestion


def test_rule_messages_never_judge_who_was_right() -> None:
    for rule in RULES:
        words = (rule.MESSAGE + " " + rule.SUGGESTION).lower()
        for phrase in ("you were right", "they were right", "you are right", "you're right", "their fault"):
            assert phrase not in words


@pytest.mark.parametrize(
    "text", ["I'm not going to say you're overreacting.", 'She told me "calm down" and I hated it.']
)
def test_a_disowned_or_quoted_pattern_is_not_a_finding(text: str) -> None:
    assert "invalidating" not in {f.rule for f in find_rules(text)}


def test_sorry_you_feel_that_way_is_invalidating() -> None:
    assert "invalidating" in {f.rule for f in find_rules("Sorry you feel that way.")}


def test_a_finding_suggestion_quotes_the_writers_own_words() -> None:
    finding = next(f for f in find_rules("Honestly, you're overreacting again.") if f.rule == "invalidating")
    assert "you're overreacting" in finding.suggestion


def test_a_finding_quotes_and_highlights_words_not_the_space_after_them() -> None:
    texts = [text for rule in RULES for text in rule.EXAMPLES_FLAG]  # type: ignore[attr-defined]
    for text in texts:
        for finding in find_rules(text):
            words = text[finding.span[0] : finding.span[1]]
            assert words == words.strip(), f"{finding.rule}: {words!r}"
