"""On a reply to a partner, what it was like for them inferred in so many words ("you must be mortified", "that
must've been humiliating, ...", "you felt small") stays strong understanding, which the levels head, trained on
Reddit and counselling replies, may not lower (LABELLING.md section 2). A generic formula stays generic. Cases in
our own words."""

from __future__ import annotations

import pytest

from amends.coach.reply import analyze_reply

PARTNER = "You forgot to book the restaurant for my parents' anniversary. We stood at the door and got turned away."


@pytest.mark.parametrize(
    "reply",
    [
        "I'm so sorry. You must be mortified, standing there in front of your dad while they checked the list twice.",
        "I forgot, and I'm sorry. that must've been humiliating, getting turned away at the door with your parents.",
        "sorry. u must of felt like nobody had ur back, stood there on the pavement in ur good clothes.",
        "I'm sorry I forgot the booking. You felt small, and I did that to you, at a door with your parents watching. "
        "None of it was okay. What would help most tonight, some quiet or me there?",
        "I know. I forgot it, and I can't laugh that one off. You stood at that door with them, probably wondering "
        "whether I'd even remembered the date. I'm so sorry. I'm booking us all somewhere this weekend.",
        "I'm so sorry, Sam. I forgot the one booking that mattered, and I can only imagine how embarrassed you felt "
        "turning your parents away at the door. That was careless of me. I'll call your mum tonight.",
        # A guess said as one, their ordeal named, their feeling said back mid-sentence.
        "You're right, and I was wrong to forget. Thirty years of their marriage and I let it slip. I bet that felt "
        "like a door shut in your face in front of them. I'll ring your mum myself.",
        "Fair. I forgot. I'm sorry, that's a horrible way to find out, at the door with your parents. I've set two "
        "reminders for every booking from now on.",
        "i forgot and im sorry. u planned that night for weeks and now ur dad thinks ur the one who messed up. i can "
        "only imagine how humiliating that is",
        "I'm sorry. You arranged the whole evening for them, and now you feel ambushed by my mistake in front of "
        "your dad.",
    ],
)
def test_an_inference_said_outright_stays_strong(reply: str) -> None:
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("interpretation") == 2


def test_a_generic_formula_stays_generic() -> None:
    reply = "I'm sorry. That must have been hard for you."
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("interpretation") == 1
