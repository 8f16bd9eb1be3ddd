"""Their anger granted or understood, and nothing more said, is generic understanding (LABELLING.md section 2:
level 1); the same words followed by what it was like for them stay strong. Cases in our own words."""

from __future__ import annotations

import pytest

from amends.coach.reply import analyze_reply

PARTNER = "You told everyone at your sister's party that I can't cook. I laughed along but I wanted to disappear."


@pytest.mark.parametrize(
    "reply",
    [
        "You're right to be angry.",
        "I'm sorry. You have every right to be upset with me.",
        "ur right to be pissed. im sorry.",
        "I said it and I'm sorry. I can see why you're so hurt.",
        "I understand why you're upset with me. I'm sorry.",
        "You've got every right to be angry about it.",
    ],
)
def test_anger_granted_alone_is_generic_understanding(reply: str) -> None:
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("interpretation") == 1


@pytest.mark.parametrize(
    "reply",
    [
        "You're right to be angry, and I'd guess it felt like the whole room was laughing at you, not with you.",
        "I'm sorry. You have every right to be upset, you had to smile through it in front of everyone you love.",
    ],
)
def test_anger_granted_then_their_experience_inferred_stays_strong(reply: str) -> None:
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("interpretation") == 2


def test_right_to_be_is_not_their_feeling_reflected() -> None:
    """ "You're right to be angry" grants the anger; "So you're pretty angry about it" reflects it back (strong)."""
    assert analyze_reply(partner_message=PARTNER, reply="So you're pretty angry about it.").level("interpretation") == 2
    assert analyze_reply(partner_message=PARTNER, reply="You're right to be hurt.").level("interpretation") == 1
