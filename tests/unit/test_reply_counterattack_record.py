"""Counterattack: the partner's own record held up as no better (Gottman's defensiveness family, "counterattack" in
LABELLING.md section 2). Lines of lexicons/counterattack.txt added in stop 53; cases in our own words."""

from __future__ import annotations

import pytest

from amends.coach.reply import find_rules


@pytest.mark.parametrize(
    "reply",
    [
        "And don't pretend you've been a saint all these years.",
        "Let's not pretend you're some kind of saint here.",
        "You ain't exactly an angel yourself.",
        "She checked on you, which is more than I can say for you.",
    ],
)
def test_the_partners_record_held_up_is_a_counterattack(reply: str) -> None:
    assert "counterattack" in {f.rule for f in find_rules(reply)}


@pytest.mark.parametrize(
    "reply",
    [
        "I won't pretend I've been a saint; I haven't.",
        "You don't have to pretend you're fine for my sake.",
        "You were an angel to my mum when she was ill.",
        "That's more than I can say for myself, honestly.",
    ],
)
def test_owning_ones_own_record_or_praising_theirs_is_not(reply: str) -> None:
    assert "counterattack" not in {f.rule for f in find_rules(reply)}
