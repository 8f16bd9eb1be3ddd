"""Safety routing: the strictest rules in the app."""

from __future__ import annotations

import dataclasses

from amends.measures import score
from amends.safety.detector import scan_safety
from amends.safety.messages import MESSAGES, PAUSED_NOTICE
from amends.safety.routing import ACUTE_QUESTION, route

ASQ_POSITIVE_NOT_ACUTE = {1: "yes", 2: "no", 3: "no", 4: "no", 5: "no"}
ASQ_ACUTE = {1: "yes", 2: "no", 3: "no", 4: "no", 5: "yes"}
PHQ9_ITEM9 = {**{str(i): 0 for i in range(1, 9)}, "9": 1}


def test_nothing_found_routes_nowhere() -> None:
    r = route(scan_safety("We argued about the dishes"), region="UK")
    assert r.level == "none" and not r.pause_couple_features and not r.show_crisis_line_now


def test_crisis_words_show_the_crisis_line_at_once_and_ask_the_acute_question() -> None:
    r = route(scan_safety("I want to end it all"), region="US")
    assert r.level == "crisis" and r.show_crisis_line_now and r.ask_acute_question
    assert r.acute_question == ACUTE_QUESTION
    assert r.resources[0].category == "suicide" and r.resources[0].number == "988"
    assert r.messages[0] == MESSAGES["suicide_support"]


def test_phq9_item9_goes_to_the_suicide_flow() -> None:
    r = route(screens=[score("phq9", PHQ9_ITEM9)], region="UK")
    assert r.show_crisis_line_now and r.ask_acute_question


def test_acute_goes_full_screen_and_nothing_else() -> None:
    for r in (
        route(screens=[score("asq", ASQ_ACUTE)], region="AU"),
        route(scan_safety("I want to kill myself"), region="AU", acute_answer=True),
    ):
        assert r.level == "acute" and r.full_screen and r.show_crisis_line_now
        assert r.messages == (MESSAGES["acute"],)
        assert not r.offer_safety_plan and not r.ask_acute_question
        assert {x.category for x in r.resources} <= {"emergency", "suicide"}


def test_not_acute_urges_a_clinician_and_offers_a_safety_plan() -> None:
    for r in (
        route(screens=[score("asq", ASQ_POSITIVE_NOT_ACUTE)]),
        route(scan_safety("I want to die"), acute_answer=False),
    ):
        assert r.level == "crisis" and r.urge_clinician and r.offer_safety_plan and not r.full_screen


def test_hark_positive_pauses_couple_features_neutrally_and_shows_dv_services() -> None:
    r = route(screens=[score("hark", {"H": "yes", "A": "no", "R": "no", "K": "no"})], region="UK")
    assert r.pause_couple_features and r.suppress_couples_therapy
    assert r.paused_notice == PAUSED_NOTICE
    assert r.resources[0].category == "dv_victim"
    assert "couples_directory" not in {x.category for x in r.resources}


def test_person_causing_harm_gets_perpetrator_lines_not_victim_lines() -> None:
    r = route(scan_safety("I shoved her"), region="UK")
    assert r.pause_couple_features and {x.category for x in r.resources} == {"dv_perpetrator"}
    assert "Respect" in r.resources[0].name
    au = route(scan_safety("I shoved her"), region="AU")
    assert "Men's Referral Service" in au.resources[0].name
    us = route(self_reported_harm=True, region="US")
    assert "National Domestic Violence Hotline" in us.resources[0].name


def test_harm_told_beside_harm_suffered_neither_accuses_nor_drops_the_lines() -> None:
    # A victim's story read as both (or a victim who also hit out) gets the victim's message first, and the
    # perpetrator lines with wording that does not call them the abuser.
    r = route(scan_safety("He hits me when he drinks."), self_reported_harm=True, region="UK")
    assert r.messages[0] == MESSAGES["abuse_victim"]
    assert MESSAGES["abuse_both"] in r.messages and MESSAGES["abuse_perpetration"] not in r.messages
    assert {"dv_victim", "dv_perpetrator"} <= {x.category for x in r.resources}
    assert "never okay" not in " ".join(r.messages)
    # Harm done with no harm suffered keeps the plain wording.
    assert MESSAGES["abuse_perpetration"] in route(scan_safety("I shoved her"), region="UK").messages


def test_partner_flag_pauses_with_nothing_revealing() -> None:
    r = route(partner_flagged=True, region="UK")
    assert r.pause_couple_features and r.paused_notice == PAUSED_NOTICE
    assert r.messages == () and r.resources == () and r.reasons == ()


def test_paused_notice_reveals_nothing() -> None:
    lowered = PAUSED_NOTICE.lower()
    assert not any(w in lowered for w in ("abuse", "safety", "screen", "partner", "flag", "violence"))


def test_immediate_danger_shows_emergency_first() -> None:
    r = route(scan_safety("he hit me and he has a knife"), region="US")
    assert r.level == "crisis" and r.show_crisis_line_now and r.resources[0].category == "emergency"


def test_no_route_ever_notifies_anyone() -> None:
    scans = ["I want to die", "he hit me", "I shoved her", "fine", "he has a gun and said he'd kill me"]
    words = ("alert", "notify", "notified", "we will contact", "we'll contact", "will be told", "tell your partner")
    for text in scans:
        for acute in (None, True, False):
            r = route(scan_safety(text), acute_answer=acute, partner_flagged=True)
            assert r.notify_partner is False and r.notify_anyone is False
            assert not any(w in m.lower() for m in r.messages for w in words)


def test_route_is_frozen() -> None:
    r = route()
    assert dataclasses.is_dataclass(r)
    try:
        r.level = "x"  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("Route must be immutable")


def test_missing_phq9_item9_asks_for_the_asq() -> None:
    r = route(screens=[score("phq9", {str(i): 1 for i in range(1, 9)})])
    assert r.next_screen == "asq"
