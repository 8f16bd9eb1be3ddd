"""An endearment said to them is warmth that names no feeling, emotional reaction 1 (LABELLING.md section 2), also
beside advice; in a reply that mocks them it is sarcasm and earns none. Cases in our own words."""

from __future__ import annotations

import pytest

from amends.coach.reply import analyze_reply

PARTNER = "You forgot to pick up the cake for Mum's birthday. We sang round a packet of biscuits."


@pytest.mark.parametrize(
    "reply",
    [
        "Oh, hon. I forgot the cake and that's on me.",
        "Honey, I forgot the cake. That's on me.",
        "Ah, love. I forgot it and that's on me.",
        "Babe, you could have texted me a reminder, then it wouldn't have happened.",
        "Aw, that was the one thing you asked me to do.",
        "Come here. That was my job and I dropped it.",
        "That was my one job, sweetheart.",
    ],
)
def test_an_endearment_is_warmth(reply: str) -> None:
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("emotional_reaction") == 1


@pytest.mark.parametrize(
    "reply",
    [
        "Oh please, you forgot your own sister's birthday last year. Pot, kettle, sweetheart.",
        "Love the drama, honestly. It was a cake.",
        "There was pet hair on the cake box anyway.",
    ],
)
def test_sarcasm_or_another_sense_is_no_warmth(reply: str) -> None:
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("emotional_reaction") == 0
