"""An offer of something the writer will do, asked as a question, explores nothing the partner feels or lived
(LABELLING.md section 2: exploration asks about feelings or experiences not stated). An offer to talk or listen
gives them room to say it, and a question that names their feeling explores. Cases in our own words."""

from __future__ import annotations

import pytest

from amends.coach.reply import analyze_reply

PARTNER = "I waited at the station for an hour and you never came or called."


@pytest.mark.parametrize(
    "reply",
    [
        "I'm so sorry. Can I come over now?",
        "I'm sorry, that was careless. Do you want me to come and get you?",
        "I'm sorry. Shall we get a taxi home together?",
        "sorry babe. want me to bring food round?",
    ],
)
def test_an_offer_of_an_act_is_not_exploration(reply: str) -> None:
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("exploration") == 0


@pytest.mark.parametrize(
    "reply",
    [
        "I'm so sorry. Can we talk tonight?",
        "I'm sorry. Can I ask how it felt, standing there for an hour?",
        "I'm sorry. Did it feel like I'd forgotten you completely?",
    ],
)
def test_an_offer_to_talk_or_a_question_about_them_still_explores(reply: str) -> None:
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("exploration") >= 1
