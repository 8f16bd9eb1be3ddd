"""What the crisis detector reads: an urge to fetch a gun is a step toward a plan (stop 57, real C-SSRS dev5)."""

from __future__ import annotations

from amends.safety.detector import scan_safety


# An urge to go and get a gun, with no feeling word, which nothing caught before.
def test_an_urge_to_fetch_a_gun_is_suicide_risk() -> None:
    assert scan_safety("I guess I'm in a haze. I found myself tempted to look for my dad's guns.").action == "crisis"


def test_wanting_a_gun_for_sport_is_not_this_pattern() -> None:
    # The pattern takes the urge words only; whatever the head makes of this sentence, no pattern flag comes from it.
    report = scan_safety("I want to buy a gun for deer season with my dad.")
    assert all(f.via == "model" for f in report.flags)
