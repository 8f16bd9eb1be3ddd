"""Means, plans and safety planning told with no feeling word (LABELLING.md section 3).

Each flag example has a look-alike beside it that uses the same objects in ordinary life and must pass.
"""

from __future__ import annotations

import pytest

from amends.safety.detector import scan_safety

QUIET_SIGNS = [
    ("I've got 60 of my mum's old tramadol in my bag", "suicide_risk"),
    ("bought a hose that fits the exhaust", "suicide_risk"),
    ("i keep my dad's shotgun under the bed now, the shells are in the wardrobe", "suicide_risk"),
    ("i changed my life insurance this week so she gets everything", "suicide_risk"),
    ("i don't think i'll be around for christmas", "suicide_risk"),
    ("he said next time it won't just be the wall", "abuse_victim"),
    ("I hide the knives before he gets home from the pub", "abuse_victim"),
    ("I text my sister a code word if things kick off", "abuse_victim"),
]
LOOK_ALIKES = [
    "I take 2 of my blood pressure tablets every morning",
    "the garden hose has a leak near the tap",
    "we changed our life insurance this week after the mortgage came through",
    "I don't think I'll be around for Christmas dinner, I'm on shift until 8",
    "I hide the biscuits before he gets home or he eats them all",
    "I text my sister a code word when the baby is finally asleep",
    "next time it won't be such a rush, I've booked the table early",
]


@pytest.mark.parametrize(("text", "kind"), QUIET_SIGNS)
def test_a_quiet_sign_flags_its_type(text: str, kind: str) -> None:
    assert kind in scan_safety(text).types


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_the_same_objects_in_ordinary_life_pass(text: str) -> None:
    assert scan_safety(text).action == "none"
