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
    "I took double my sleeping pills last night, I just wanted to not wake up.",
    "I've started hiding my antidepressants instead of taking them, saving them for when I need them.",
    "I googled painless ways last night.",
    "I've made sure the insurance pays out either way.",
    "My antidepressants and a bottle of vodka, that's my plan if she leaves.",
    "If he leaves I'm taking every sleeping pill in the house.",
    "I keep staring at my sleeping tablets wondering how many it would take.",
    "The kids are driving me up the wall and I just want to die.",
]

QUIET = [
    "I take my sleeping pills at 10 every night.",
    "I have to take all my tablets with food.",
    "Take all your tablets at once, it's easier than spacing them out.",
    "Sometimes I just disappear for a week and never go back to that job.",
    "I want to disappear for a bit and never come back to this town.",
    "I'm exhausted, I just want to sleep forever this weekend.",
    "I want to not wake up early tomorrow, so no alarm.",
    "I need to not wake up the baby when I come in.",
    "My sleeping pills are the only thing that gets me through the night.",
    "I googled quick ways to lose weight before the wedding.",
    "The insurance pays out either way if the car is written off.",
    "I checked the policy covers the boiler whatever happens.",
    "I'm wondering how many it would take to fill the van.",
    "I'm taking all my tablets with food now, like the GP said.",
    "Honestly the kids are driving me up the wall today.",
    "I've cut my drinking down to weekends only.",
]


@pytest.mark.parametrize("text", SUICIDE)
def test_an_overdose_or_vanishing_for_good_is_suicide_risk(text: str) -> None:
    assert "suicide_risk" in scan_safety(text).types


@pytest.mark.parametrize("text", QUIET)
def test_a_regimen_or_time_away_is_no_crisis(text: str) -> None:
    assert not scan_safety(text).types & CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "If he finds out I'm using this app he'll go mental.",
        "I have to send her a photo every hour to prove where I am.",
    ],
)
def test_fear_of_being_found_seeking_help_and_proof_on_a_clock_are_abuse(text: str) -> None:
    assert "abuse_victim" in scan_safety(text).types


@pytest.mark.parametrize(
    "text",
    [
        "If she ever sees the bill she'll go mental.",
        "I send her a photo of the kids every day.",
    ],
)
def test_a_bill_seen_or_a_photo_shared_is_no_abuse(text: str) -> None:
    assert not scan_safety(text).types & CRISIS


@pytest.mark.parametrize(
    "text", ["I've been making myself sick after meals again.", "I keep making myself sick after dinner."]
)
def test_purging_told_as_a_habit_is_self_harm(text: str) -> None:
    assert "self_harm" in scan_safety(text).types


@pytest.mark.parametrize("text", ["I made myself sick with worry again.", "I made myself sick eating a whole cake."])
def test_sick_with_worry_or_overeating_is_no_self_harm(text: str) -> None:
    assert not scan_safety(text).types & CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "I'm sorry I checked your location every hour.",
        "I'm sorry I kept checking your location while you were out with your friends.",
        "I'm sorry I didn't let you go to your sister's wedding.",
        "I'm sorry I broke your phone when you wouldn't show me your messages.",
    ],
)
def test_tracking_isolating_or_breaking_owned_in_an_apology_is_perpetration(text: str) -> None:
    assert "abuse_perpetration" in scan_safety(text).types


@pytest.mark.parametrize(
    "text",
    [
        "I checked your location to see if you were close so I could start dinner.",
        "I'm sorry I broke your phone when I dropped it in the bath.",
        "I'm sorry I didn't let you finish your sentence.",
        "I'm sorry I raised my voice at you.",
    ],
)
def test_a_location_glanced_at_an_accident_or_an_interruption_is_no_abuse(text: str) -> None:
    assert not scan_safety(text).types & CRISIS
