"""The hurt partner's "say how I feel" coach: their pain is a feeling statement, never blame."""

from __future__ import annotations

import pytest

from amends.coach.feeling_statement import GENTLER, check_feeling_statement

# Should pass: a feeling is named, and nothing is offered as an attack.
FEELINGS = (
    "You made me feel worthless when you said that",
    "I felt invisible when you forgot our anniversary, and I need you to plan the next one.",
    "It really hurt when you didn't call.",
    "I was scared when you drove off without a word.",
    "What you said left me feeling small.",
)
# Should flag: character descriptions get a gentler start-up offered.
CHARACTER = ("You always do this, you never care.",)


@pytest.mark.parametrize("text", FEELINGS)
def test_a_hurt_partners_feeling_is_a_feeling_statement_not_blame(text: str) -> None:
    report = check_feeling_statement(text)
    assert report.feeling, "the feeling part should be recognised"
    assert report.findings == ()


@pytest.mark.parametrize("text", CHARACTER)
def test_a_character_description_is_offered_a_gentler_start_up(text: str) -> None:
    report = check_feeling_statement(text)
    assert report.findings and {f.rule for f in report.findings} == {GENTLER}
    assert all("defensive" not in f.message.lower() for f in report.findings)
    assert all(f.severity == "low" for f in report.findings)


def test_you_made_me_feel_worthless_when_you_said_that_has_feeling_and_situation() -> None:
    report = check_feeling_statement("You made me feel worthless when you said that")
    assert report.feeling and report.situation and not report.need
    assert not report.complete  # a need would make it whole; the outline says so
    assert "I need" in report.outline()[2]
