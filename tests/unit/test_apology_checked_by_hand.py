"""A complete apology a user wrote, read by hand against LABELLING.md section 1 (stop 64).

Before: "partial, 57" with impact, repair and explanation missing, and the advice quoted the writer's promise
("I won't go through your things again") as the act that "likely landed" on the partner.
"""

from __future__ import annotations

import pytest

from amends.coach.apology import analyze_apology

SNOOPED = (
    "I'm sorry I checked your phone while you were in the shower on Sunday. That was a violation of your privacy "
    "and it told you I don't trust you, which must have felt awful after everything you've done to rebuild things. "
    "I was anxious because you'd been texting a lot, but that's mine to deal with, not yours. I won't go through "
    "your things again; if I feel that worry, I'll tell you instead. Is there anything you need from me right now?"
)


def test_the_whole_apology_is_strong() -> None:
    report = analyze_apology(SNOOPED, mistake="I went through your phone")
    assert report.verdict == "strong"
    assert {"impact", "repair", "explanation", "change", "specificity"} <= set(report.present)


def test_advice_quotes_the_act_not_the_promise() -> None:
    report = analyze_apology(SNOOPED.replace(" which must have felt awful", ""), mistake="I went through your phone")
    assert "impact" not in report.present
    advice = " ".join(report.suggestions)
    assert "I checked your phone" in advice
    assert "won't go through" not in advice


@pytest.mark.parametrize(
    "text",
    [
        "I'm sorry I checked your phone.",
        "I'm sorry I looked at your texts last night.",
        "Sorry I checked her messages behind your back.",
    ],
)
def test_looking_at_a_partners_things_names_the_act(text: str) -> None:
    assert "specificity" in analyze_apology(text).present


@pytest.mark.parametrize(
    "text",
    [
        "I'm sorry I forgot your birthday. Is there anything you need from me right now?",
        "I'm sorry I forgot your birthday. Can I do anything to help?",
        "I'm sorry I forgot your birthday. What would help you right now?",
    ],
)
def test_asking_what_would_help_is_repair(text: str) -> None:
    assert "repair" in analyze_apology(text).present


@pytest.mark.parametrize(
    "text",
    [
        "I'm sorry I cancelled on you last minute again.",
        "I've cancelled our date twice now and I'm sorry.",
        "I'm sorry I forgot your birthday. Is there anything good on TV?",
    ],
)
def test_cancelling_on_them_or_an_idle_question_is_no_repair(text: str) -> None:
    assert "repair" not in analyze_apology(text).present


@pytest.mark.parametrize(
    "text",
    [
        "I'm sorry I yelled. It told you I don't respect you, which must have felt awful.",
        "I'm sorry I yelled at you, which must have been so humiliating in front of your sister.",
    ],
)
def test_a_feeling_guessed_with_which_is_impact(text: str) -> None:
    assert "impact" in analyze_apology(text).present


def test_which_with_no_guess_at_their_feeling_is_no_impact() -> None:
    assert "impact" not in analyze_apology("I'm sorry I yelled, which was wrong of me.").present


@pytest.mark.parametrize(
    "text",
    [
        "I'm sorry I read your diary. I was jealous, and that's no excuse.",
        "I'm sorry I read your diary. I was anxious, and that's mine to deal with.",
        "I'm sorry I read your diary. I was worried about us and I handled it badly.",
    ],
)
def test_a_feeling_owned_as_what_set_me_up_is_explanation(text: str) -> None:
    report = analyze_apology(text)
    assert "explanation" in report.present
    assert "excuse" not in report.rules


def test_a_feeling_with_nothing_owned_is_no_explanation() -> None:
    assert "explanation" not in analyze_apology("I'm sorry I read your diary. I was anxious.").present


def test_held_up_at_work_as_the_reason_is_an_excuse() -> None:
    text = "Sorry for forgetting to pick up the kids, I got caught up at work, it won't happen again."
    assert "excuse" in analyze_apology(text).rules


def test_held_up_owned_as_no_excuse_is_an_explanation() -> None:
    report = analyze_apology(
        "I'm sorry I was late. I got stuck in a meeting, but that's no excuse, I should have texted."
    )
    assert "explanation" in report.present
    assert "excuse" not in report.rules


def test_their_being_held_up_is_no_excuse_of_the_writer() -> None:
    assert "excuse" not in analyze_apology("I'm sorry I wasn't there. You got stuck at work on your own.").rules


TEXTED = "sorry babe i was a dick last night. shouldnt have said that about ur sister. wont happen again x"


def test_a_texted_apology_with_its_subjects_dropped_owns_it_and_promises() -> None:
    """LABELLING.md section 1: an elided subject counts ("shouldnt have said"); "wont happen again" is change."""
    report = analyze_apology(TEXTED)
    assert {"responsibility", "change"} <= set(report.present)


@pytest.mark.parametrize("text", ["Should have been there for you. Sorry.", "Sorry, I was a total dick to you."])
def test_ownership_in_plain_words_is_responsibility(text: str) -> None:
    assert "responsibility" in analyze_apology(text).present


@pytest.mark.parametrize("text", ["Should have known you would say that.", "Should have been told about it earlier."])
def test_a_jab_or_a_complaint_with_should_have_owns_nothing(text: str) -> None:
    assert "responsibility" not in analyze_apology(text).present


@pytest.mark.parametrize(
    "text",
    [
        "I'm sorry I cheated. It only happened once.",
        "I'm sorry I cheated, but it didn't mean anything.",
        "I'm sorry about the kiss. She meant nothing to me.",
    ],
)
def test_an_affair_shrunk_by_its_count_or_meaning_is_minimizing(text: str) -> None:
    assert "minimizing" in analyze_apology(text).rules


def test_their_question_about_meaning_is_no_minimizing() -> None:
    assert "minimizing" not in analyze_apology("It didn't mean anything to you that I was there?").rules


def test_a_circumstance_pressed_on_them_to_understand_is_an_excuse() -> None:
    text = "I'm sorry I lied, but you have to understand how stressful my job has been."
    assert "excuse" in analyze_apology(text).rules


def test_asking_to_understand_their_ordeal_is_no_excuse() -> None:
    text = "You have to understand how hard it was for you, and I'm sorry I made it worse."
    assert "excuse" not in analyze_apology(text).rules
