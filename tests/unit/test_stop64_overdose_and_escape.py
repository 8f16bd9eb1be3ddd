"""Stop 64, texts checked by hand: an overdose thought of in the present ("taking all my sleeping pills at once"), which
a named medicine had silenced, a wish to vanish "for a while and never come back", and a lie-in with a day on it
(LABELLING.md section 3: plans and means with no feeling word are suicide_risk; hyperbole is not). "I want to disappear
for a while, just to think" stays flagged: reading "for a while" as an escape idiom lost a real crisis on a held set."""

from __future__ import annotations

import pytest

from amends.safety.detector import scan_safety

CRISIS = frozenset({"suicide_risk", "self_harm", "abuse_victim", "abuse_perpetration"})

SUICIDE = [
    "I keep thinking about taking all my sleeping pills at once.",
    "I keep thinking about taking all my sleeping pills.",
    "I could take my sleeping tablets all at once and be done.",
    "thinking of swallowing all my meds",
    "I want to disappear for a while and never come back.",
    "I could just vanish one night and never be found.",
    "I just want to sleep forever.",
]

QUIET = [
    "I take my sleeping pills at 10 every night.",
    "I have to take all my tablets with food.",
    "Take all your tablets at once, it's easier than spacing them out.",
    "Sometimes I just disappear for a week and never go back to that job.",
    "I want to disappear for a bit and never come back to this town.",
    "I'm exhausted, I just want to sleep forever this weekend.",
]


@pytest.mark.parametrize("text", SUICIDE)
def test_an_overdose_or_vanishing_for_good_is_suicide_risk(text: str) -> None:
    assert "suicide_risk" in scan_safety(text).types


@pytest.mark.parametrize("text", QUIET)
def test_a_regimen_or_time_away_is_no_crisis(text: str) -> None:
    assert not scan_safety(text).types & CRISIS
