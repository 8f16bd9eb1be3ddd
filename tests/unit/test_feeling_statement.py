"""The hurt partner's "say how I feel" coach: their pain is a feeling statement, never blame."""

from __future__ import annotations

import pytest

from amends.coach.feeling_statement import GENTLER, THOUGHT, check_feeling_statement

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


def _words(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_each_part_is_its_clause_and_the_outline_keeps_the_writers_words() -> None:
    text = "I felt humiliated when you read my messages in front of your sister, and I need you to ask first."
    report = check_feeling_statement(text)
    assert _words(text, report.feeling) == ["I felt humiliated"]
    assert _words(text, report.situation) == ["when you read my messages in front of your sister"]
    assert _words(text, report.need) == ["I need you to ask first"]
    assert report.complete and report.outline() == [
        "I felt humiliated",
        *_words(text, report.situation),
        "I need you to ask first",
    ]


def test_a_part_that_is_missing_gets_a_blank_and_the_others_keep_their_words() -> None:
    report = check_feeling_statement("You made me feel worthless when you said that")
    assert report.outline()[:2] == ["You made me feel worthless", "when you said that"]


@pytest.mark.parametrize(
    ("text", "feeling", "situation"),
    [
        (
            "When you didn't come home until 3am without texting, I was terrified something had happened to you.",
            "I was terrified something had happened to you",
            "When you didn't come home until 3am without texting",
        ),
        (
            "When you laughed at me in front of your friends I got so anxious I could not eat.",
            "I got so anxious I could not eat",
            "When you laughed at me in front of your friends",
        ),
    ],
)
def test_a_moment_told_first_and_any_feeling_word_after_i_count(text: str, feeling: str, situation: str) -> None:
    report = check_feeling_statement(text)
    assert _words(text, report.feeling) == [feeling]
    assert _words(text, report.situation) == [situation]


def test_with_no_feeling_named_the_outline_offers_a_blank_never_a_feeling_of_love_or_hope() -> None:
    report = check_feeling_statement("I need you to tell me the truth.")
    first = report.outline()[0]
    assert first.startswith("I feel [the feeling")
    assert "love" not in first and "hope" not in first
    assert report.outline()[2] == "I need you to tell me the truth"


# Should flag: a thought about them said with "feel" (Gottman's gentle start-up asks for the feeling itself).
THOUGHTS = (
    "I feel like you don't care about me at all.",
    "I felt that he was lying to me the whole time.",
    "I feel like nobody in this house listens to me.",
)
# Should pass: a feeling word follows the frame, or the frame is about the writer.
NOT_THOUGHTS = (
    "I feel like a fool for believing you.",
    "I felt like you were humiliating me in front of everyone.",
    "I feel like I'm not enough for you.",
)


@pytest.mark.parametrize("text", THOUGHTS)
def test_a_thought_said_with_feel_is_no_feeling_part_and_is_named_gently(text: str) -> None:
    report = check_feeling_statement(text)
    assert not report.feeling
    found = [f for f in report.findings if f.rule == THOUGHT]
    assert found and all(f.severity == "low" and "defensive" not in f.message.lower() for f in found)
    assert found[0].suggestion.startswith("If you want, name the feeling under it")


@pytest.mark.parametrize("text", NOT_THOUGHTS)
def test_a_feeling_after_i_feel_like_is_a_feeling_part(text: str) -> None:
    report = check_feeling_statement(text)
    assert report.feeling
    assert THOUGHT not in {f.rule for f in report.findings}


def test_the_moment_after_a_thought_is_still_the_situation() -> None:
    report = check_feeling_statement(
        "I feel like you don't care when you're on your phone all dinner, and I need us to put phones away."
    )
    assert report.outline()[1] == "when you're on your phone all dinner"
    assert report.outline()[2] == "I need us to put phones away"


@pytest.mark.parametrize(
    "text",
    [
        "It hurt when you forgot my birthday. I'd like us to plan something together.",
        "I felt lied to when you said you were at work. I’m asking you to tell me the truth.",
    ],
)
def test_a_need_joined_to_its_i_is_a_need(text: str) -> None:
    """Stop 64: "I'd like" and "I’m asking" were missed (the pattern wanted a space after "I")."""
    report = check_feeling_statement(text)
    assert report.need and report.complete


def test_i_would_rather_not_is_no_need() -> None:
    assert not check_feeling_statement("It hurt when you forgot my birthday. I'd rather not talk now.").need


def test_gutted_is_a_feeling() -> None:
    """Stop 64: British "gutted" was no feeling word, so the draft had no feeling part."""
    assert check_feeling_statement("I was gutted when you cancelled our trip.").feeling
