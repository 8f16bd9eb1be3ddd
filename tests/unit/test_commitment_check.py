"""The commitment coach report, its keep-every-time question and the missed-note check."""

from __future__ import annotations

import json

import pytest

from amends.coach.text import TextRejected
from amends.ledger.commitment_check import KEEP_EVERY_TIME, check_commitment, check_missed_note


def rules_of(text: str) -> list[str]:
    return [f.rule for f in check_commitment(text).findings]


def test_a_concrete_keepable_commitment_is_ok():
    report = check_commitment("When I'm running late, I will call you before I leave.")
    assert report.ok and report.allowed and report.findings == ()


def test_keep_every_time_prompt_points_at_the_action():
    text = "When I'm running late, I will call you before I leave."
    prompt = check_commitment(text).keep_every_time_prompt
    assert prompt.question == KEEP_EVERY_TIME
    assert text[prompt.span[0] : prompt.span[1]] == "call you before I leave"


def test_prompt_without_a_promise_verb_points_at_the_whole_text():
    text = "  Phone in the drawer at dinner  "
    span = check_commitment(text).keep_every_time_prompt.span
    assert text[span[0] : span[1]] == "Phone in the drawer at dinner"


def test_one_commitment_can_trip_several_rules_in_text_order():
    text = "I'll try to never be late again, and I'll text you every 10 minutes."
    assert rules_of(text) == ["hedged", "absolute", "infeasible"]


def test_surveillance_makes_a_commitment_not_allowed():
    report = check_commitment("I'll check your phone every night.")
    assert not report.allowed and not report.ok
    assert report.findings[0].severity == "high"


def test_offering_my_own_location_for_ever_is_flagged_as_infeasible_not_surveillance():
    report = check_commitment("I'll share my location 24/7 forever.")
    assert report.allowed
    assert set(rules_of("I'll share my location 24/7 forever.")) == {"infeasible", "absolute"}


def test_absolute_suggestion_keeps_the_writers_own_words():
    finding = check_commitment("I will never be late again.").findings[0]
    assert finding.rule == "absolute"
    assert '"I won\'t be late."' in finding.suggestion


@pytest.mark.parametrize(
    "text",
    ["I will never contact her again.", "I will always tell you the truth.", "I won't ever contact Sam again."],
)
def test_absolutes_the_guide_asks_for_pass_the_absolute_rule(text: str) -> None:
    assert "absolute" not in rules_of(text)


@pytest.mark.parametrize("text", ["I will never call you late again.", "I will always be on time, never contact her."])
def test_other_absolutes_beside_a_guide_one_still_flag(text: str) -> None:
    assert "absolute" in rules_of(text)


def test_spans_index_the_original_text_with_curly_apostrophes():
    text = "I\u2019ll try to be better."
    report = check_commitment(text)
    hedge = next(f for f in report.findings if f.rule == "hedged")
    assert text[hedge.span[0] : hedge.span[1]] == "I\u2019ll try"


def test_report_serialises_to_json():
    data = json.loads(json.dumps(check_commitment("I'll always be more considerate.").to_dict()))
    assert {f["rule"] for f in data["findings"]} == {"absolute", "not_concrete"}
    assert data["keep_every_time_prompt"]["question"] == KEEP_EVERY_TIME


def test_empty_commitment_is_rejected_with_a_message():
    with pytest.raises(TextRejected, match="commitment is empty"):
        check_commitment("   ")


def test_missed_note_that_blames_the_partner_is_flagged_with_only_excuse_or_blame():
    findings = check_missed_note("If you hadn't distracted me I wouldn't have missed it. You made me late.")
    rules = {f.rule for f in findings}
    assert "blame" in rules and rules <= {"excuse", "blame"}


def test_missed_note_that_owns_the_miss_has_no_findings():
    assert check_missed_note("I missed our walk. That's on me, and I've set a reminder for Thursday.") == ()


@pytest.mark.parametrize("note", ["The train was delayed.", "My phone died so I couldn't call.", "Work ran late."])
def test_a_factual_missed_note_is_not_told_it_cancels_an_apology(note: str) -> None:
    assert check_missed_note(note) == ()


def test_a_missed_note_that_denies_the_miss_is_flagged_in_words_for_a_note() -> None:
    findings = check_missed_note("It wasn't my fault, the train was delayed.")
    assert [f.rule for f in findings] == ["excuse"]
    assert "apology" not in findings[0].message
