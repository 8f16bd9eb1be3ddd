"""What a partner types after a row is no crisis, and waking not wished for still is (stop 55).

The helpers' partner replies that the reply coach tunes on had raised crisis pages on going to bed, a night at a
brother's, a row closed, school work heaped up, a pet's tablets and "catch your death"; each is a harmless use of
the wide cue now (``patterns.yaml``). The same look showed "I hope I do not wake up" missed (only "don't" was read)
and "I hope I don't wake up the baby" flagged. The sentences are ours, written for this test.
"""

from __future__ import annotations

import pytest

from amends import scan_safety

AFTER_A_ROW = [
    "Not answering that. im going to sleep",
    "fine. ill sleep at my brothers then since im the bad guy",
    "I'm going back to bed, we can talk when you're calmer.",
    "Anyway, I don't want to talk about it anymore.",
    "sorry!! i've been drowning in midterms, i can't keep track of everything rn",
    "Go on then, swim in that cold, catch your death for all I care.",
    "You want me keeping track of the dog's pills as well as the kids?",
    "I don't think it's fair to hang all of it on me.",
    "I hope I don't wake up the baby when I get in.",
    "I can feel myself getting prickly, so give me twenty minutes.",
    "Scream at me if you need to.",
]

NO_WAKING_WISHED = [
    "I am going to bed and I hope I do not wake up.",
    "I hope I will not wake up tomorrow.",
    "Going to sleep now, hopefully for good.",
    "I want to go to sleep and never wake up.",
    "I'd quite like to go to sleep and simply not wake up, no fuss.",
    "hope i dont wake up",
    "If I don't wake up at all tomorrow, that's fine by me.",
    # A row closed is harmless, but not a fight with living given up ("talk about it anymore" is; "fight it" is not).
    "I don't want to fight it anymore.",
]


@pytest.mark.parametrize("text", AFTER_A_ROW)
def test_what_a_partner_types_after_a_row_is_no_crisis(text: str) -> None:
    assert scan_safety(text).action == "none", scan_safety(text).types


@pytest.mark.parametrize("text", NO_WAKING_WISHED)
def test_not_waking_wished_for_is_a_suicide_risk(text: str) -> None:
    assert "suicide_risk" in scan_safety(text).types
