"""The dashboard's one question, "Is it getting better?", answered from what this member may see."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from amends import ledger, measures
from amends.services import charts, days
from amends.services.access import RepairAccess
from amends.services.incidents import incident_markers
from amends.services.trust import partner_of
from amends.services.trust_queries import Ledger, direction, load_ledger, month_rows, series
from amends.services.waiting import waiting_in

HEATMAP_WEEKS = 53
_TREND_WORDS = {
    "improving": "getting better", "steady": "holding steady", "slipping": "slipping",
    "not_enough_data": "too early to tell",
}  # fmt: skip


def names(access: RepairAccess) -> dict[int, str]:
    partner = partner_of(access)
    out = {access.user_id: "You"}
    if partner is not None:
        out[partner.user_id] = partner.user.get_username()
    return out


def year_start(led: Ledger) -> date:
    """The first day the dashboard shows: the Monday 53 weeks back. The heatmap and the line charts
    both cover this year, so the page reads what it shows however long the repair has lasted."""
    start = led.today - timedelta(days=7 * HEATMAP_WEEKS - 1)
    return start - timedelta(days=start.weekday())


def heatmap_cells(led: Ledger) -> list[tuple[Any, ledger.DayState]]:
    return led.calendar(year_start(led), led.today)


def measure_lines(
    access: RepairAccess, instrument: str, who: dict[int, str], since: date | None = None
) -> list[tuple[str, list[Any]]]:
    """One line per person who answered; with ``since``, only the answers from that day on (in UTC)."""
    start = datetime.combine(since, time.min, tzinfo=UTC) if since is not None else None
    data = series(access, instrument, start)
    return [(who.get(uid, "Partner"), pts) for uid, pts in sorted(data.items(), key=lambda kv: kv[0] != access.user_id)]


def build(access: RepairAccess, led: Ledger | None = None) -> dict[str, Any]:
    led = led or load_ledger(access)
    who = names(access)
    overall = led.summary.overall
    w30 = overall.window(30)
    since = year_start(led)
    csi = measure_lines(access, "csi4", who, since)
    csi_cutoff = measures.cutoff("csi4")
    trust = measure_lines(access, "trust_checkin", who, since)
    cells = led.cached("heatmap", lambda: heatmap_cells(led))
    # every chart marks each incident of the year it shows
    marks = [m for m in incident_markers(access) if m[0] >= since]
    streak_rows = [
        (row.text, c.current_streak, c.best_streak) for row, c in zip(led.rows, led.summary.commitments, strict=True)
    ]
    return {
        "led": led,
        "who": who,
        "overall": overall,
        "w30": w30,
        "trend_words": _TREND_WORDS[w30.trend.value],
        "per_commitment": list(zip(led.rows, led.summary.commitments, strict=True)),
        "measures": [
            _measure("Relationship satisfaction (CSI-4)", csi),
            _measure("Trust today (our own check-in)", trust),
        ],
        "reminders": waiting_in(access, led),
        "charts": {
            "heatmap": led.cached(
                "heatmap_svg", lambda: charts.heatmap(cells, "Commitment consistency, day by day", marks)
            ),
            "satisfaction": charts.line_chart(
                csi,
                title="Relationship satisfaction over the last year (CSI-4, 0 to 21)",
                y_max=21,
                threshold=csi_cutoff,
                threshold_label=f"{csi_cutoff:g}: below means a hard time",
                markers=marks,
            ),
            "trust": charts.line_chart(
                trust, title="Trust today over the last year (0 to 10, not a validated scale)", y_max=10, markers=marks
            ),
            "streaks": charts.streak_bars(streak_rows, title="Check-in streaks: now and best"),
        },
        "heatmap_table": led.cached("heatmap_table", lambda: month_rows(cells)),
        "csi_table": _table(csi),
        "csi_caption": (
            f"Relationship satisfaction, 0 to 21 (below {csi_cutoff:g} means it feels hard right now); "
            "the chart marks that line"
        ),
        "trust_table": _table(trust),
        "streak_rows": streak_rows,
        "incident_marks": marks,
    }


def _measure(title: str, lines: list[tuple[str, list[Any]]]) -> dict[str, Any]:
    return {
        "title": title,
        "people": [
            {"name": name, "latest": pts[-1][1], "when": pts[-1][0], "direction": direction([v for _, v in pts])}
            for name, pts in lines
            if pts
        ],
    }


def _table(lines: list[tuple[str, list[Any]]], last: int = 26) -> list[tuple[str, str, str]]:
    """Data-table fallback: the most recent answers, newest first (the SVG download has the whole year),
    as the cells' text: the day as the ``date:"j M Y"`` filter writes it, who, and the value."""
    rows = [(when, name, value) for name, pts in lines for when, value in pts]
    newest = sorted(rows, key=lambda r: r[0], reverse=True)[:last]
    return [(_day(when), name, f"{value:g}") for when, name, value in newest]


def _day(when: datetime) -> str:
    return days.day(timezone.localtime(when))  # as the template's date:"j M Y" filter writes it


def chart_svg(access: RepairAccess, name: str) -> str | None:
    if name not in {"heatmap", "satisfaction", "trust", "streaks"}:
        return None
    return str(build(access)["charts"][name])
