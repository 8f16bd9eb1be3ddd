"""Apology elements said the way people write them, from a helper's set read after it was scored (probe-tune6,
stop 64; LABELLING.md section 1). Each line has words that must count and near words that must not."""

from __future__ import annotations

import pytest

from amends.coach.apology import analyze_apology

BASE = "I'm sorry I missed your birthday dinner. "


@pytest.mark.parametrize(
    "text",
    [
        "Weekends are off from next month.",
        "I'm calling you every evening at eight, however short.",
        "I've put next year's date in both our calendars with a reminder a month out.",
        "Those nights the laptop stays in the car.",
        "Anything about us stays with us unless we both say otherwise.",
        "Any spend over $200, we agree on together first.",
        "I'm leaving at 5:30 on Mondays and Thursdays.",
        "I fitted a spring latch on the gate so it closes itself.",
    ],
)
def test_a_standing_arrangement_is_change(text: str) -> None:
    assert "change" in analyze_apology(BASE + text).present


@pytest.mark.parametrize(
    "text",
    [
        "The weekend was off to a bad start.",
        "I was calling you all evening.",
        "The laptop was in the car.",
    ],
)
def test_a_past_fact_is_no_change(text: str) -> None:
    assert "change" not in analyze_apology(BASE + text).present


@pytest.mark.parametrize(
    "text",
    [
        "I've listed the car for sale.",
        "I've given you the controller to hide.",
        "Can we do something Saturday, the two of us?",
        "I have shown you all my bank statements.",
    ],
)
def test_a_repair_under_way_or_offered_is_repair(text: str) -> None:
    assert "repair" in analyze_apology(BASE + text).present


def test_a_plan_that_is_not_for_them_is_no_repair() -> None:
    assert "repair" not in analyze_apology(BASE + "We did something on Saturday instead.").present


@pytest.mark.parametrize(
    "text",
    [
        "You cooked and everything and sat there by yourself.",
        "Now she asks you about it at every lunch and you can't escape it.",
    ],
)
def test_their_evening_or_burden_told_is_impact(text: str) -> None:
    assert "impact" in analyze_apology(BASE + text).present


def test_the_phone_as_a_place_is_no_excuse() -> None:
    report = analyze_apology(BASE + "Nothing on my phone is locked from you.")
    assert "excuse" not in report.rules


def test_the_phone_as_the_cause_is_still_an_excuse() -> None:
    assert "excuse" in analyze_apology("I'm sorry I missed your call, my phone was dead.").rules


def test_stop_talking_about_it_is_pressure() -> None:
    report = analyze_apology("Sorry about Saturday. Can we please stop talking about it now, it's been a week.")
    assert "forgiveness_pressure" in report.rules


def test_owning_the_pattern_they_named_is_responsibility() -> None:
    report = analyze_apology("You said you feel like a flatmate and you were right, that's how I've been treating you.")
    assert "responsibility" in report.present
