"""When it happens again, in the core: the incident tracks as data, triage counting repeats, chart markers."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from amends.journey.incidents import incident_intro, incident_kind, incident_kinds, load_incident_track, repeat_sources
from amends.ledger import DayState
from amends.safety.triage import Signals, triage
from amends.services.charts import heatmap, line_chart

DAY = date(2026, 3, 2)


def _kinds(signals: Signals) -> list[str]:
    return [r.kind for r in triage(signals)]


def test_a_repeated_incident_is_counted_as_a_sign_to_get_help() -> None:
    assert _kinds(Signals(region="GB")) == []
    recs = triage(Signals(region="GB", repeat_incidents=1))
    assert [r.kind for r in recs] == ["couples_therapy"]
    assert "happened again or more has come out (once)" in recs[0].why


def test_the_reason_says_how_many_times_it_happened_again() -> None:
    assert "(twice)" in triage(Signals(repeat_incidents=2))[0].why
    assert "(4 times)" in triage(Signals(repeat_incidents=4))[0].why


def test_repeated_incidents_with_an_abuse_flag_suggest_individual_help_and_never_couples_work() -> None:
    kinds = _kinds(Signals(region="GB", repeat_incidents=3, abuse_flag=True))
    assert "couples_therapy" not in kinds and "aftermath_conversation" not in kinds
    assert "individual_help" in kinds and kinds[0] == "abuse_support"


def test_repeated_incidents_in_a_paused_space_suggest_individual_help_only() -> None:
    assert _kinds(Signals(repeat_incidents=1, couple_work_paused=True)) == ["individual_help"]


@pytest.mark.parametrize("role", ["offender", "hurt"])
def test_each_incident_has_its_own_name_it_impact_and_apology_steps(role: str) -> None:
    track = load_incident_track(role)
    assert [s.number for s in track.steps] == [1, 2, 3]
    assert track.steps[0].slug == "name-it" and track.steps[1].slug == "impact"
    assert "apolog" in track.steps[2].slug
    assert all(s.prompts and s.framework for s in track.steps)


def test_an_unknown_role_has_no_incident_track() -> None:
    with pytest.raises(ValueError, match="unknown journey track"):
        load_incident_track("charlie")


def test_the_two_kinds_are_it_happened_again_and_something_more_came_out() -> None:
    assert [k.label for k in incident_kinds()] == ["It happened again", "Something more came out"]
    assert incident_kind("relapse") is not None and incident_kind("nonsense") is None


def test_the_hurt_partners_track_says_it_can_hurt_more_than_the_first_time_with_a_source() -> None:
    first = load_incident_track("hurt").steps[0]
    assert "can hurt more than the first" in first.guidance
    assert "Schneider" in first.framework and "Elangovan" in first.framework
    assert "hurt more than the first time" in incident_intro("hurt")
    assert "Schneider, Corley & Irons 1998" in repeat_sources()


def _cells(days: int) -> list[tuple[date, DayState]]:
    return [(DAY - timedelta(days=days - 1 - i), DayState.KEPT) for i in range(days)]


def test_the_calendar_rings_the_day_of_an_incident_and_names_it() -> None:
    svg = str(heatmap(_cells(30), "Consistency", [(DAY - timedelta(days=3), "It happened again")]))
    assert svg.count('class="incident-marker"') == 1
    assert "Fri 27 Feb 2026: It happened again" in svg
    assert ">incident</text>" in svg  # the legend explains the ring


def test_the_calendar_leaves_out_incidents_outside_its_days_and_has_no_legend_without_any() -> None:
    outside = str(heatmap(_cells(30), "Consistency", [(DAY - timedelta(days=400), "It happened again")]))
    assert "incident-marker" not in outside
    plain = str(heatmap(_cells(30), "Consistency"))
    assert "incident" not in plain


def test_the_score_chart_draws_an_upright_line_at_the_incident_and_stretches_to_include_it() -> None:
    points = [(datetime(2026, 2, d, 9, tzinfo=UTC), float(d % 10)) for d in (1, 8, 15)]
    svg = str(line_chart([("You", points)], title="Trust", y_max=10, markers=[(DAY, "Something more came out")]))
    line = re.search(r'<line class="incident-marker" x1="([\d.]+)" y1="12" x2="([\d.]+)"', svg)
    assert line is not None and line.group(1) == line.group(2)
    assert float(line.group(1)) == pytest.approx(640 - 12, abs=0.2)  # the latest moment: the right edge
    assert "Mon 2 Mar 2026: Something more came out" in svg
    assert ">2 Mar 2026</text>" in svg  # the axis now ends on the incident's day


def test_a_label_in_a_marker_is_escaped() -> None:
    svg = str(heatmap(_cells(7), "Consistency", [(DAY, "<script>")]))
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_a_day_is_written_without_a_leading_zero_as_the_pages_write_it() -> None:
    from datetime import date

    from amends.services import days

    assert days.weekday(date(2026, 12, 4)) == "Fri 4 Dec 2026"
    assert days.day(date(2026, 3, 2)) == "2 Mar 2026"


def test_a_month_begun_in_the_calendars_last_column_gets_no_label_cut_at_the_edge() -> None:
    start = date(2025, 12, 5)
    cells = [(start + timedelta(days=i), DayState.KEPT) for i in range(365)]  # to Fri 4 Dec 2026
    svg = str(heatmap(cells, "Consistency"))
    width = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))  # type: ignore[union-attr]
    labels = [(float(x), m) for x, m in re.findall(r'<text x="([\d.]+)" y="12" fill="#4d5a61">(\w{3})</text>', svg)]
    assert labels and all(x + 22 <= width for x, _ in labels), labels
    assert [m for _, m in labels][-1] == "Nov"  # December begins in the last column: no room for its name
