"""Triage: when to suggest outside help, and never couples therapy under an abuse flag."""

from __future__ import annotations

import datetime as dt
from typing import Any

from amends.measures import score
from amends.safety.triage import THERAPIST_QUESTIONS, Signals, low_twice, stalled, triage

D0 = dt.date(2026, 1, 1)


def weeks(*values: float) -> list[tuple[dt.date, float]]:
    return [(D0 + dt.timedelta(weeks=2 * i), v) for i, v in enumerate(values)]


def kinds(signals: Signals) -> list[str]:
    return [r.kind for r in triage(signals)]


def test_nothing_reported_means_no_recommendations() -> None:
    assert triage(Signals()) == []


def test_repeated_arguments_suggest_aftermath_and_a_couples_therapist_with_questions() -> None:
    recs = triage(Signals(region="UK", same_arguments=True))
    assert [r.kind for r in recs] == ["aftermath_conversation", "couples_therapy"]
    therapy = recs[1]
    assert therapy.questions == THERAPIST_QUESTIONS
    assert any("alone" in q for q in therapy.questions)
    assert therapy.resources and all(r.category == "couples_directory" for r in therapy.resources)


def test_abuse_flag_removes_every_couples_suggestion() -> None:
    signals = Signals(
        region="US",
        same_arguments=True,
        trust_struggle=True,
        emotional_fallout=True,
        recurring_groups=2,
        abuse_flag=True,
    )
    recs = triage(signals)
    assert recs[0].kind == "abuse_support"
    assert not {"couples_therapy", "aftermath_conversation"} & {r.kind for r in recs}
    assert all(res.category != "couples_directory" for r in recs for res in r.resources)


def test_phq9_or_gad7_of_ten_suggests_individual_help() -> None:
    phq = score("phq9", {1: 2, 2: 2, 3: 2, 4: 2, 5: 1, 6: 1, 7: 0, 8: 0, 9: 0})  # 10
    assert kinds(Signals(screens=[phq])) == ["individual_help"]
    gad = score("gad7", {1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1})  # 7
    assert kinds(Signals(screens=[gad])) == []


def test_cage_positive_suggests_substance_help() -> None:
    cage = score("cage", {"C": "yes", "A": "yes", "G": "no", "E": "no"})
    recs = triage(Signals(region="AU", screens=[cage]))
    assert recs[0].kind == "substance_help" and recs[0].resources[0].category == "substance"


def test_trust_not_rising_over_eight_weeks_is_stalled() -> None:
    assert stalled(weeks(4, 5, 4, 4, 5))  # 8 weeks, start 4.5, end 4.5
    assert not stalled(weeks(3, 4, 5, 6, 7))
    assert not stalled(weeks(4, 4, 4))  # only 4 weeks
    assert "couples_therapy" in kinds(Signals(trust_series=weeks(4, 5, 4, 4, 5)))


def test_satisfaction_low_twice_in_a_row() -> None:
    assert low_twice(weeks(15, 12, 11))
    assert not low_twice(weeks(12, 14))
    assert "couples_therapy" in kinds(Signals(csi_series=weeks(15, 12, 11)))


def test_reasons_are_plain_and_kind() -> None:
    recs = triage(Signals(trust_struggle=True, emotional_fallout=True))
    assert "sign of care, not failure" in recs[-1].why


def _categories(recs: list[Any]) -> set[str]:
    return {res.category for r in recs for res in r.resources}


def test_abuse_answered_on_its_own_routes_to_domestic_abuse_lines_and_no_couple_work() -> None:
    recs = triage(Signals(region="UK", abuse=True, same_arguments=True, trust_struggle=True))
    assert recs[0].kind == "abuse_support"
    assert {"dv_victim", "dv_perpetrator", "emergency"} <= _categories(recs)
    assert not {"couples_therapy", "aftermath_conversation"} & {r.kind for r in recs}
    assert "couples_directory" not in _categories(recs)


def test_substance_use_answered_on_its_own_routes_to_substance_lines() -> None:
    recs = triage(Signals(region="US", substance_use=True))
    assert [r.kind for r in recs] == ["substance_help"]
    assert _categories(recs) == {"substance"}


def test_mental_health_answered_on_its_own_routes_to_mental_health_lines() -> None:
    recs = triage(Signals(region="AU", mental_health=True))
    assert [r.kind for r in recs] == ["individual_help"]
    assert "mental_health" in _categories(recs) and "dv_victim" not in _categories(recs)


def test_a_paused_couple_space_suggests_no_couple_work_and_says_nothing_about_abuse() -> None:
    recs = triage(Signals(region="US", same_arguments=True, emotional_fallout=True, couple_work_paused=True))
    assert [r.kind for r in recs] == ["individual_help"]
    assert "couples_directory" not in _categories(recs) and "dv_victim" not in _categories(recs)


def test_without_any_abuse_signal_the_same_answers_suggest_couples_therapy() -> None:
    recs = triage(Signals(region="US", same_arguments=True, substance_use=True))
    assert {"substance_help", "aftermath_conversation", "couples_therapy"} == {r.kind for r in recs}
