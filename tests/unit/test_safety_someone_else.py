"""Someone else at risk (LABELLING.md section 3, third_party): the writer is offered help for the person they are worried
about, and never their own crisis page. Sentences from the stop 59 probes (an independent helper's set and ours)."""

from __future__ import annotations

import pytest

from amends.safety.detector import scan_safety
from amends.safety.messages import MESSAGES
from amends.safety.routing import route

# (text, what puts them at risk): someone else's risk, which is theirs, never the writer's crisis.
THEIRS = [
    ("My wife said she would kill herself if I ever left her.", "suicide"),
    ("my girlfriend told me last night she has been cutting again and made me promise not to tell anyone", "suicide"),
    ("He texted me that he has the pills ready and this is goodbye. I dont know what to do", "suicide"),
    ("my husband keeps saying everyone would be better off without him since he lost his job", "suicide"),
    (
        "My husband told me he's been thinking about killing himself since I told him about the affair. What do I do?",
        "suicide",
    ),
    (
        "I found fresh cuts on my 15 year old's arms this morning, two days after we told the kids we're separating.",
        "suicide",
    ),
    ("She tried to overdose last spring and I'm scared it will happen again now that she knows.", "suicide"),
    # Was a pass case before stop 59, when the detector had no flag for someone else's risk (as was the abusive
    # relationship below).
    ("My friend told me she wanted to die, and I don't know how to help her.", "suicide"),
    ("I think he might be hurting himself again, he wears long sleeves in July.", "suicide"),
    ("my daughter (15) found his messages before i did and now shes saying she wants to die.", "suicide"),
    ("she keeps talking about ending her life since the baby.", "suicide"),
    ("My sister's boyfriend hits her. She came over last night with a split lip.", "abuse"),
    ("my sister's husband has been hitting her, I'm trying to get her to come and stay with us.", "abuse"),
    ("My best friend told me her boyfriend takes her whole paycheck and she's scared of him. How do I help?", "abuse"),
    ("My friend is in an abusive relationship and I want to help her.", "abuse"),
    ("my sister told me her husband choked her last weekend and she went back to him. im so scared for her", "abuse"),
]
# The writer's own flags that must not be theirs: a relative's abuse takes none of the writer's types either.
NOT_THE_WRITERS = {
    "suicide": {"suicide_risk", "self_harm"},
    "abuse": {"suicide_risk", "self_harm", "abuse_victim", "abuse_perpetration"},
}
NOBODY_AT_RISK = [
    "She said she would never hurt herself, she just needed space.",
    "She threatened to leave me if I ever lied again, and I did.",
    "He's not going to hurt himself, he's just furious with me.",
    "My dad killed himself when I was nine, and I think that's part of why I run from hard conversations.",
    "He cut himself shaving this morning and bled all over the sink.",
    "Asked her if she'd had any thoughts of hurting herself and she said no, never. She's just hurt.",
    "He was killing himself at work to pay the mortgage while I was lying to him.",
    "My sister's husband hit the jackpot at the races and bought everyone dinner.",
    "My brother attempted suicide when we were teenagers. He's 40 now, two kids, runs a bakery.",
]
BOTH_AT_RISK = [
    "She said she'd kill herself if I left, and honestly some days I want to die too.",
    "My husband keeps saying we'd be better off without him. I've been thinking about killing myself too.",
]


@pytest.mark.parametrize(("text", "kind"), THEIRS)
def test_someone_elses_risk_is_flagged_as_theirs(text: str, kind: str) -> None:
    report = scan_safety(text)
    assert "third_party" in report.types and kind in report.someone_else
    assert not report.types & NOT_THE_WRITERS[kind]
    assert report.action == "support"


@pytest.mark.parametrize("text", NOBODY_AT_RISK)
def test_a_denial_a_threat_to_leave_a_win_or_a_past_loss_is_nobodys_risk_now(text: str) -> None:
    assert "third_party" not in scan_safety(text).types


@pytest.mark.parametrize("text", BOTH_AT_RISK)
def test_the_writers_own_risk_beside_theirs_stays_the_writers_crisis(text: str) -> None:
    report = scan_safety(text)
    assert {"third_party", "suicide_risk"} <= report.types
    assert report.action == "crisis"


def test_the_flag_covers_the_words_about_them() -> None:
    text = "We had a huge fight. My wife said she would kill herself if I ever left her."
    flag = next(f for f in scan_safety(text).flags if f.type == "third_party")
    assert text[flag.span[0] : flag.span[1]] == "My wife said she would kill herself"


def test_their_risk_routes_to_emergency_and_a_crisis_line_without_a_pause() -> None:
    r = route(scan_safety("my husband keeps saying everyone would be better off without him"), region="US")
    assert r.level == "support" and r.show_crisis_line_now
    assert r.messages == (MESSAGES["someone_else"],)
    assert [x.category for x in r.resources][:2] == ["emergency", "suicide"]
    assert r.resources[1].number == "988"
    assert not r.pause_couple_features and not r.ask_acute_question and not r.full_screen


def test_their_risk_beside_the_writers_own_keeps_the_writers_crisis_flow() -> None:
    r = route(scan_safety(BOTH_AT_RISK[0]), region="UK")
    assert r.level == "crisis" and r.ask_acute_question
    assert MESSAGES["suicide_support"] == r.messages[0] and MESSAGES["someone_else"] in r.messages


def test_a_relatives_abuse_routes_to_domestic_abuse_lines_for_those_around_them() -> None:
    r = route(
        scan_safety("my sister's husband has been hitting her, I'm trying to get her to come and stay with us."),
        region="UK",
    )
    assert r.messages == (MESSAGES["someone_else_abused"],)
    assert [x.category for x in r.resources][:2] == ["emergency", "dv_victim"]
    assert not r.pause_couple_features and not r.show_crisis_line_now
