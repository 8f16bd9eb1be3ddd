"""Change and repair said as a routine already running or openness already given (the seed guide: "rebuild trust
through consistency, transparency and reliability"; LABELLING.md section 1: change "also when phrased without 'I
will'", repair "done or concretely planned"). Cases in our own words."""

from __future__ import annotations

import pytest

from amends.coach.apology import analyze_apology

WRONG = "I'm sorry I lied about the money. "


@pytest.mark.parametrize(
    "routine",
    [
        "I'm going to meetings every Tuesday.",
        "I go to Gamblers Anonymous every week now.",
        "I see my counsellor weekly.",
        "I'm still attending the group twice a week.",
    ],
)
def test_a_routine_of_help_already_running_is_change(routine: str) -> None:
    assert "change" in analyze_apology(WRONG + routine).present


@pytest.mark.parametrize(
    "habit",
    [
        "I'm sorry I go out every Friday and leave you alone.",
        "I'm sorry I lied about going to the group every week.",
    ],
)
def test_a_habit_that_is_the_mistake_is_not_change(habit: str) -> None:
    assert "change" not in analyze_apology(habit).present


@pytest.mark.parametrize(
    "openness",
    [
        "I've given you access to my bank account.",
        "I've handed you the passwords to my email.",
        "I've shared my location with you.",
    ],
)
def test_openness_already_given_is_repair(openness: str) -> None:
    assert "repair" in analyze_apology(WRONG + openness).present


def test_openness_only_promised_vaguely_is_not_repair() -> None:
    assert "repair" not in analyze_apology(WRONG + "I've given you every reason to doubt me.").present
