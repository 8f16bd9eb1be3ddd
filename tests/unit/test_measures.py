"""Questionnaire scoring against hand-computed examples and the published rules."""

from __future__ import annotations

import pytest

from amends.measures import INSTRUMENTS, InvalidAnswer, load_instrument, score

PHQ9_ALL = {str(i): 0 for i in range(1, 10)}


def phq9(**overrides: int) -> dict[str, int]:
    answers = dict(PHQ9_ALL)
    answers.update({k.lstrip("q"): v for k, v in overrides.items()})
    return answers


def test_every_instrument_loads_with_attribution_licence_and_items() -> None:
    for name in INSTRUMENTS:
        inst = load_instrument(name)
        assert inst.items and inst.attribution and inst.licence and inst.source


def test_our_own_checkins_say_they_are_not_validated() -> None:
    for name in ("trust_checkin", "forgiveness_checkin"):
        inst = load_instrument(name)
        assert not inst.validated and "not a validated scale" in inst.title.lower()
    assert "Rempel" in load_instrument("trust").citation
    forgiveness = load_instrument("forgiveness")
    assert "Worthington" in forgiveness.citation and "Enright" in forgiveness.citation
    assert "never owed" in forgiveness.attribution


def test_phq9_item_text_is_the_official_wording() -> None:
    assert load_instrument("PHQ-9").item(9).text == (
        "Thoughts that you would be better off dead or of hurting yourself in some way"
    )


@pytest.mark.parametrize(
    ("total", "band", "positive"),
    [
        (0, "none_minimal", False),
        (4, "none_minimal", False),
        (5, "mild", False),
        (9, "mild", False),
        (10, "moderate", True),
        (14, "moderate", True),
        (15, "moderately_severe", True),
        (19, "moderately_severe", True),
        (20, "severe", True),
        (27, "severe", True),
    ],
)
def test_phq9_bands_and_cut_off(total: int, band: str, positive: bool) -> None:
    values = [3] * (total // 3) + ([total % 3] if total % 3 else [])
    answers = {str(i + 1): (values[i] if i < len(values) else 0) for i in range(8)}
    answers["9"] = 0
    if total > 24:  # needs item 9 too
        answers = {str(i): 3 for i in range(1, 10)}
    result = score("phq9", answers)
    assert (result.total, result.band, result.positive) == (total if total <= 24 else 27, band, positive)


def test_phq9_worked_example() -> None:
    # 1+2+3+0+1+2+0+1+0 = 10 -> moderate, positive, no suicide flag
    result = score("phq9", {1: 1, 2: 2, 3: 3, 4: 0, 5: 1, 6: 2, 7: 0, 8: 1, 9: 0})
    assert (result.total, result.band, result.positive, result.flags) == (10, "moderate", True, ())
    assert result.complete and "depress" not in result.meaning.lower()


def test_phq9_item9_raises_suicide_flag_whatever_the_total() -> None:
    assert "suicide_risk" in score("phq9", phq9(q9=1)).flags
    assert score("phq9", phq9(q9=1)).total == 1


def test_phq9_with_two_missing_is_prorated_and_says_so() -> None:
    # answered 7 items summing to 7 -> 7 * 9 / 7 = 9
    answers = {str(i): 1 for i in range(1, 8)}
    result = score("phq9", answers)
    assert result.total == 9 and result.prorated and not result.complete
    assert "ask_asq" in result.flags and "prorated" in result.reason


def test_phq9_with_three_missing_is_not_scored() -> None:
    result = score("phq9", {str(i): 2 for i in range(1, 7)})
    assert result.total is None and result.band is None and result.positive is None
    assert not result.complete and "3 of 9" in result.reason


def test_phq2_and_gad2_cut_off_is_three() -> None:
    assert score("phq2", {1: 1, 2: 2}).positive is True
    assert score("phq2", {1: 1, 2: 1}).positive is False
    assert score("phq2", {1: 2, 2: 1}).next_instrument == "phq9"
    assert score("gad2", {1: 3, 2: 0}).positive is True
    assert score("gad2", {1: 1, 2: 1}).positive is False


def test_gad7_worked_example_and_bands() -> None:
    result = score("gad7", {1: 2, 2: 2, 3: 2, 4: 1, 5: 1, 6: 1, 7: 1})  # = 10
    assert (result.total, result.band, result.positive) == (10, "moderate", True)
    assert score("gad7", dict.fromkeys(range(1, 8), 0)).band == "minimal"
    assert score("gad7", {1: 3, 2: 3, 3: 3, 4: 3, 5: 3, 6: 0, 7: 0}).band == "severe"


def test_partial_gad7_is_not_scored() -> None:
    result = score("gad7", {1: 3, 2: 3})
    assert result.total is None and not result.complete and result.reason


def test_asq_all_no_is_negative() -> None:
    result = score("asq", {1: "no", 2: "no", 3: "no", 4: "no"})
    assert result.positive is False and result.flags == ()


@pytest.mark.parametrize("item", ["1", "2", "3", "4"])
def test_asq_any_yes_is_positive(item: str) -> None:
    answers = {i: "no" for i in "1234"} | {item: "yes", "5": "no"}
    result = score("asq", answers)
    assert result.positive and result.flags == ("suicide_risk",) and result.band == "positive"


def test_asq_refusal_counts_as_positive() -> None:
    result = score("asq", {1: "no", 2: "refused", 3: "no", 4: "no", 5: "no"})
    assert result.positive and "suicide_risk" in result.flags


def test_asq_item5_yes_is_acute() -> None:
    result = score("asq", {1: "yes", 2: "no", 3: "no", 4: "no", 5: "yes"})
    assert result.band == "acute" and "acute" in result.flags


def test_asq_positive_without_item5_asks_the_acute_question() -> None:
    assert "ask_acute" in score("asq", {1: "yes", 2: "no", 3: "no", 4: "no"}).flags


def test_hark_one_yes_is_positive_and_flags_abuse() -> None:
    result = score("hark", {"H": "no", "A": "yes", "R": "no", "K": "no"})
    assert result.positive and "abuse" in result.flags
    assert score("hark", dict.fromkeys("HARK", "no")).positive is False


def test_hark_yes_is_positive_even_with_items_missing() -> None:
    result = score("hark", {"K": "yes"})
    assert result.positive and not result.complete


def test_cage_two_yes_is_positive() -> None:
    assert score("cage", {"C": "yes", "A": "yes", "G": "no", "E": "no"}).positive
    assert "substance" in score("cage", {"C": True, "A": False, "G": True, "E": False}).flags
    assert not score("cage", {"C": "yes", "A": "no", "G": "no", "E": "no"}).positive


def test_csi4_below_13_5_is_notable_dissatisfaction() -> None:
    low = score("csi4", {1: 3, 2: 3, 3: 3, 4: 4})  # 13
    high = score("csi4", {1: 3, 2: 4, 3: 3, 4: 4})  # 14
    assert (low.total, low.positive, "low_satisfaction" in low.flags) == (13, True, True)
    assert (high.total, high.positive) == (14, False)


def test_csi4_item1_allows_up_to_six_and_others_up_to_five() -> None:
    assert score("csi4", {1: 6, 2: 5, 3: 5, 4: 5}).total == 21
    with pytest.raises(InvalidAnswer):
        score("csi4", {1: 3, 2: 6, 3: 3, 4: 3})


def test_trust_checkin_totals_and_needs_every_item() -> None:
    full = score("trust", {"predictability": 5, "dependability": 6, "faith": 7, "trust_today": 4})
    assert full.total == 22 and full.band is None and full.complete
    assert score("trust", {"faith": 7}).total is None


def test_out_of_range_answers_are_refused() -> None:
    with pytest.raises(InvalidAnswer):
        score("phq9", {1: 4})
    with pytest.raises(InvalidAnswer):
        score("hark", {"H": "maybe"})


def test_meanings_never_use_diagnostic_labels() -> None:
    banned = ("depression", "disorder", "you have a", "you are depressed", "diagnos", "alcoholic", "anxiety disorder")
    for name in INSTRUMENTS:
        bands = load_instrument(name).scoring.get("bands", [])
        for band in bands:
            assert not any(b in band["meaning"].lower() for b in banned), (name, band["label"])


def test_forgiveness_check_in_reverses_hurt_and_resentment_so_the_total_reads_one_way() -> None:
    from amends.measures import score

    result = score("forgiveness", {"hurt_present": 8, "resentment": 6, "goodwill": 4, "decision": 3})
    assert result.total == (10 - 8) + (10 - 6) + 4 + 3  # 13, worked by hand
    lighter = score("forgiveness", {"hurt_present": 2, "resentment": 0, "goodwill": 4, "decision": 3})
    assert lighter.total > result.total
