"""A bare "Sorry" said to a hurt partner is the writer's own apology, with its "I'm" left off (LABELLING.md section 2:
a sincere first-person "I'm sorry" names the replier's feeling, emotional reaction 2). A "sorry" that deflects, or
that sits beside mockery, is not. Cases in our own words."""

from __future__ import annotations

import pytest

from amends.coach.reply import analyze_reply

PARTNER = "You promised you'd call when you landed and I heard nothing until midnight. I was frightened."


@pytest.mark.parametrize(
    "reply",
    [
        "Sorry, love. I should have called the second I landed.",
        "ugh sorry babe, that's on me. you must have been worried sick.",
        "You're right, I didn't call. Sorry.",
    ],
)
def test_a_bare_sorry_to_the_partner_names_the_writers_feeling(reply: str) -> None:
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("emotional_reaction") == 2


@pytest.mark.parametrize(
    "reply",
    [
        "Sorry it upset you. There was nothing to worry about.",
        "Sorry for caring about my job. Some of us actually work, genius.",
    ],
)
def test_a_deflecting_or_sarcastic_sorry_is_not_strong_warmth(reply: str) -> None:
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("emotional_reaction") < 2


def test_sympathy_with_no_partner_message_keeps_the_forum_convention() -> None:
    assert analyze_reply(reply="Sorry to hear that, man.").level("emotional_reaction") == 1
