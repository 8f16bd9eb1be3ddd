"""Words a finding rule knows, in a good reply that uses them otherwise: disowned ("I'm not going to ask you to get
over it"), ruled out ("there's no version of this where you're wrong to feel that"), what it felt like for them
("which must have felt like talking to a wall"), a gift ("you made me a whole scrapbook"), a relative clause ("the
evening you should have had", "the one place you need to be"). LABELLING.md section 2:
never when negated. Each beside the attack the words make when they are one. Cases in our own words."""

from __future__ import annotations

import pytest

from amends.coach.reply import analyze_reply

PARTNER = "You missed my graduation for a work drinks thing. My whole family asked where you were."


@pytest.mark.parametrize(
    ("reply", "finding"),
    [
        ("I missed it and I'm sorry. I'm not going to ask you to get over it.", "invalidating"),
        ("I missed it. There's no version of this where you're wrong to feel that.", "invalidating"),
        (
            "I'm sorry. I kept checking my phone while you told me about it, which must have felt like talking to a "
            "wall.",
            "contempt",
        ),
        ("You made me a whole card for the day and I didn't even show up. I'm so sorry.", "blame"),
        ("I'm sorry. Because I didn't come, you lost the evening you should have had with your family.", "fixing"),
        (
            "Your graduation was the one place you needed me, and the one place you need to be able to count on me.",
            "fixing",
        ),
    ],
)
def test_the_words_used_otherwise_are_no_finding(reply: str, finding: str) -> None:
    assert finding not in analyze_reply(partner_message=PARTNER, reply=reply).rules


@pytest.mark.parametrize(
    ("reply", "finding"),
    [
        ("It was one evening. You need to get over it.", "invalidating"),
        ("You're wrong to feel that way about one evening.", "invalidating"),
        ("Honestly, talking to you is like talking to a wall.", "contempt"),
        ("You made me choose between you and my job.", "blame"),
        ("You need to stop bringing it up.", "fixing"),
        ("You should just let it go, it was one evening.", "fixing"),
    ],
)
def test_the_same_words_as_an_attack_are_found(reply: str, finding: str) -> None:
    assert finding in analyze_reply(partner_message=PARTNER, reply=reply).rules
