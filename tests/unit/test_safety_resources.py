"""Crisis resources by region."""

from __future__ import annotations

import datetime as dt

import pytest

from amends.safety.plan import safety_plan
from amends.safety.resources import CATEGORIES, REGIONS, all_resources, footer, for_region


def test_every_resource_has_source_date_and_a_way_to_reach_it() -> None:
    for region, entries in all_resources().items():
        assert entries, region
        for r in entries:
            assert r.source and isinstance(r.last_verified, dt.date) and r.contact(), r.name
            assert r.category in CATEGORIES


@pytest.mark.parametrize("code", [None, "", "FR", "zz", "  "])
def test_unknown_or_missing_region_falls_back_to_international(code: str | None) -> None:
    found = for_region(code)
    assert found and all(r.region == "INTL" for r in found)
    assert any("findahelpline.com" in (r.url or "") for r in found)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("category", CATEGORIES)
def test_no_lookup_ever_returns_nothing(region: str, category: str) -> None:
    assert for_region(region, [category])


def test_key_numbers_match_the_research_notes() -> None:
    assert for_region("US", ["suicide"])[0].number == "988"
    assert for_region("UK", ["suicide"])[0].number == "116 123"
    assert for_region("UK", ["dv_perpetrator"])[0].number == "0808 802 4040"
    assert for_region("AU", ["dv_victim"])[0].number == "1800 737 732"
    assert for_region("AU", ["dv_perpetrator"])[0].number == "1300 766 491"
    assert for_region("gb", ["emergency"])[0].number == "999"


def test_results_follow_the_requested_category_order() -> None:
    cats = [r.category for r in for_region("UK", ["emergency", "suicide"])]
    assert cats[0] == "emergency" and cats[-1] == "suicide"


@pytest.mark.parametrize(("region", "number"), [("US", "911"), ("UK", "999"), ("CA", "911"), ("AU", "000")])
def test_footer_names_the_local_emergency_number(region: str, number: str) -> None:
    line = footer(region)
    assert line.startswith("amends is not monitored. In danger? Call ") and number in line


def test_international_footer_points_to_findahelpline() -> None:
    assert "findahelpline.com" in footer("NZ")


def test_safety_plan_has_six_steps_and_prefills_professionals() -> None:
    plan = safety_plan("UK")
    assert len(plan.steps) == 6
    assert plan.steps[4].prefill and plan.steps[4].prefill[0].region == "UK"


def test_grouped_for_region_gives_titled_non_empty_groups_for_the_help_page() -> None:
    from amends.safety.resources import footer_line, grouped_for_region

    groups = grouped_for_region("CA")
    assert groups[0]["title"] == "If you are in danger now"
    assert all(g["resources"] for g in groups)
    assert footer_line("UK") == footer("UK")
