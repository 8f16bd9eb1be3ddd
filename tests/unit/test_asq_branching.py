"""ASQ branching and scoring, once, in ``measures``: the table the web and the CLI both rely on.

Should-flag rows must route to crisis help (and to the help-now page when acute); should-pass rows
must not. Unanswered questions are never read as "no", and a refusal is never scored as "no".
"""

from __future__ import annotations

import pytest

from amends.measures import items_to_ask, score
from amends.safety.routing import route

NO = {"1": "no", "2": "no", "3": "no", "4": "no"}

# (answers, band, flags): each should flag suicide risk.
SHOULD_FLAG = [
    (NO | {"5": "yes"}, "acute", ("suicide_risk", "acute")),  # an acute yes, whatever else was answered
    ({"5": "yes"}, "acute", ("suicide_risk", "acute")),  # item 5 alone
    (NO | {"5": "refused"}, "acute", ("suicide_risk", "acute")),  # a refused "right now?" is read as yes
    (NO | {"1": "yes", "5": "yes"}, "acute", ("suicide_risk", "acute")),
    (NO | {"2": "refused", "5": "no"}, "positive", ("suicide_risk",)),  # a refusal counts as positive
    (NO | {"4": "yes", "5": "no"}, "positive", ("suicide_risk",)),
    (NO | {"3": "yes"}, "positive", ("suicide_risk", "ask_acute")),  # item 5 still to ask
    ({"1": "refused"}, "positive", ("suicide_risk", "ask_acute")),  # positive even with gaps
]
# (answers, band): each should pass without a risk flag.
SHOULD_PASS = [
    (NO, "negative"),
    (NO | {"5": "no"}, "negative"),
]
# Missing answers with nothing positive: not scored, and the reason names them.
NOT_SCORED = [
    ({}, ("1", "2", "3", "4")),
    ({"1": "no", "2": "no"}, ("3", "4")),
    ({"1": "no", "2": "no", "5": "no"}, ("3", "4")),
]


@pytest.mark.parametrize(("answers", "band", "flags"), SHOULD_FLAG)
def test_asq_should_flag(answers: dict[str, str], band: str, flags: tuple[str, ...]) -> None:
    result = score("asq", answers)
    assert (result.positive, result.band, result.flags) == (True, band, flags)


@pytest.mark.parametrize(("answers", "band"), SHOULD_PASS)
def test_asq_should_pass(answers: dict[str, str], band: str) -> None:
    result = score("asq", answers)
    assert (result.positive, result.band, result.flags, result.complete) == (False, band, (), True)


@pytest.mark.parametrize(("answers", "missing"), NOT_SCORED)
def test_asq_with_missing_answers_is_not_scored_and_says_which(
    answers: dict[str, str], missing: tuple[str, ...]
) -> None:
    result = score("asq", answers)
    assert result.total is None and result.positive is None and not result.complete
    assert result.missing == missing
    assert ", ".join(missing) in result.reason and "never read as a no" in result.reason


def test_a_refused_answer_is_never_counted_as_a_no() -> None:
    refused = score("asq", NO | {"4": "refused", "5": "no"})
    assert refused.positive is True and refused.band != "negative"


def test_an_acute_yes_alone_routes_to_the_full_screen_help_now_page() -> None:
    decided = route(None, [score("asq", NO | {"5": "yes"})], region="US")
    assert decided.level == "acute" and decided.full_screen and decided.show_crisis_line_now
    assert decided.resources[0].category == "emergency"


def test_item_five_is_asked_after_any_yes_or_refusal_to_one_to_four() -> None:
    assert items_to_ask("asq", {}) == ("1", "2", "3", "4")
    assert items_to_ask("asq", NO) == ("1", "2", "3", "4")
    assert items_to_ask("asq", {"1": "no", "2": "yes"}) == ("1", "2", "3", "4", "5")
    assert items_to_ask("asq", {"3": "refused"})[-1] == "5"


def test_an_item_five_answered_anyway_is_kept_in_the_branch() -> None:
    assert items_to_ask("asq", {"5": "yes"})[-1] == "5"


def test_other_questionnaires_ask_every_item() -> None:
    assert items_to_ask("hark", {}) == ("H", "A", "R", "K")
