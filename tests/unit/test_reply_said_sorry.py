"""A sorry the writer reports having said before ("I said I'm sorry like five times") is no warmth now: LABELLING.md
section 1 counts "I said sorry already" as no remorse, and the partner-set writers give such replies no emotional
reaction. A sorry said now, also one about what was said, still counts. Cases in our own words."""

from __future__ import annotations

import pytest

from amends.coach.reply import analyze_reply

PARTNER = "You were two hours late to my work dinner and didn't even text."


@pytest.mark.parametrize(
    "reply",
    [
        "I said I'm sorry like five times, what else do you want from me?",
        "i already said sorry so can we not do this again",
        "Look, I said I was sorry this morning. How many more times?",
    ],
)
def test_a_sorry_reported_as_said_before_is_no_warmth(reply: str) -> None:
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("emotional_reaction") == 0


@pytest.mark.parametrize(
    "reply",
    [
        "I'm sorry I said it was just a dinner. It mattered to you.",
        "I said I'd be there by seven and I wasn't. I'm so sorry.",
    ],
)
def test_a_sorry_said_now_is_warmth(reply: str) -> None:
    assert analyze_reply(partner_message=PARTNER, reply=reply).level("emotional_reaction") >= 1
