"""Understanding said as people text it still counts (LABELLING.md section 2: interpretation names the inferred
feeling or experience). Cases in our own words."""

from __future__ import annotations

import pytest

from amends.coach.reply import analyze_reply

PARTNER = "You sat on your phone the whole dinner with my boss and I had to carry the whole conversation alone."


@pytest.mark.parametrize(
    "reply",
    [
        "im sorry. u must of been sitting there fuming the whole time.",
        "ur right. sorry. u must of been sitting there stewing all night.",
    ],
)
def test_must_of_in_texting_form_is_understanding(reply: str) -> None:
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("interpretation") >= 1


@pytest.mark.parametrize(
    "reply",
    [
        "im really sorry i didnt notice. you were sitting in the car while i was right there, you must have felt so alone.",
        "I was right next to you the whole time and you must have felt so alone. I'm sorry.",
    ],
)
def test_i_was_right_about_a_place_is_not_self_justifying(reply: str) -> None:
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("interpretation") == 2


def test_i_was_right_about_myself_still_earns_no_understanding() -> None:
    reply = "I know you must have felt awkward, but I was right to answer that message."
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("interpretation") == 0


def test_made_u_feel_is_understanding() -> None:
    reply = "u were scared and i made u feel silly for it. im sorry."
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("interpretation") >= 1


def test_what_they_have_lost_said_back_is_not_minimizing() -> None:
    reply = "You've lost so much sleep over my drinking already, and I added to it."
    assert "minimizing" not in analyze_reply(partner_message=PARTNER, reply=reply).rules


@pytest.mark.parametrize(
    "reply",
    [
        "ur right to be pissed. im sorry.",
        "That's on me, and you've every right to be shaken. I'm sorry.",
        "ur allowed to be mad at me. im sorry.",
        "you SHOULD be angry. i'm so sorry.",
    ],
)
def test_their_anger_allowed_is_understanding(reply: str) -> None:
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("interpretation") >= 1


def test_allowed_to_do_something_is_not_understanding() -> None:
    reply = "ok so ur allowed to be friends with ur exes but i cant??"
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("interpretation") == 0
