"""Server-rendered SVG charts: nothing to vendor, readable without JavaScript, downloadable as they are.

Colours are SVG presentation attributes (not style attributes), so the strict CSP holds and a
downloaded file looks the same outside the app. Every chart has a data table next to it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from amends.ledger import DayState
from amends.services import days

STATE_COLOURS = {
    DayState.KEPT: "#1e6b3a", DayState.PARTLY: "#b98b12", DayState.MISSED: "#a12a2a",
    DayState.DISPUTED: "#6b3fa0", DayState.OVERDUE: "#6f777c", DayState.PENDING: "#cfe3ea",
    DayState.NOT_DUE: "#ecebe7",
}  # fmt: skip
STATE_LABELS = {
    DayState.KEPT: "kept", DayState.PARTLY: "partly kept", DayState.MISSED: "missed", DayState.DISPUTED: "disputed",
    DayState.OVERDUE: "overdue (not recorded)", DayState.PENDING: "due today", DayState.NOT_DUE: "nothing due",
}  # fmt: skip
SERIES_COLOURS = ("#1d5f6b", "#b5532a", "#6b3fa0", "#1e6b3a")
MARKER_COLOUR = "#111a1f"  # dark enough to stand out on every state colour, and not one of them
# (day, label): "it happened again" or "something more came out", drawn on every chart that spans that day.
Marker = tuple[date, str]
_NS = 'xmlns="http://www.w3.org/2000/svg"'


def _svg(width: int, height: int, title: str, body: list[str]) -> SafeString:
    t = escape(title)
    head = (
        f'<svg {_NS} viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{t}" '
        f'class="chart-svg" font-family="system-ui, sans-serif" font-size="11"><title>{t}</title>'
    )
    return mark_safe(head + "".join(body) + "</svg>")


_MONTH_LABEL_WIDTH = 22  # "Dec" at the charts' 11 px text


def heatmap(cells: list[tuple[date, DayState]], title: str, markers: Sequence[Marker] = ()) -> SafeString:
    """A calendar: one column per week (Monday at the top), one square per day; a marked day gets a ring."""
    if not cells:
        return _svg(300, 40, title, ['<text x="4" y="24" fill="#4d5a61">Nothing recorded yet.</text>'])
    first = cells[0][0] - timedelta(days=cells[0][0].weekday())
    size, gap, left, top = 11, 2, 30, 18
    weeks = (cells[-1][0] - first).days // 7 + 1
    width = left + weeks * (size + gap) + 4
    body = [
        f'<text x="0" y="{top + 9 + (size + gap) * i}" fill="#4d5a61">{n}</text>'
        for i, n in ((0, "Mon"), (2, "Wed"), (4, "Fri"))
    ]
    month = None
    for d, state in cells:
        col, row = (d - first).days // 7, d.weekday()
        x, y = left + col * (size + gap), top + row * (size + gap)
        if d.month != month and d.day <= 7:
            month = d.month
            if x + _MONTH_LABEL_WIDTH <= width:  # a month begun in the last column would be cut at the edge
                body.append(f'<text x="{x}" y="{top - 6}" fill="#4d5a61">{d:%b}</text>')
        body.append(
            f'<rect x="{x}" y="{y}" width="{size}" height="{size}" rx="2" fill="{STATE_COLOURS[state]}">'
            f"<title>{days.weekday(d)}: {STATE_LABELS[state]}</title></rect>"
        )
    body += _day_rings(
        markers,
        cells[0][0],
        cells[-1][0],
        lambda d: (left + (d - first).days // 7 * (size + gap), top + d.weekday() * (size + gap)),
        size,
    )
    legend_y = top + 7 * (size + gap) + 14
    x = left
    for state in (DayState.KEPT, DayState.PARTLY, DayState.MISSED, DayState.DISPUTED, DayState.OVERDUE):
        body.append(f'<rect x="{x}" y="{legend_y - 9}" width="10" height="10" rx="2" fill="{STATE_COLOURS[state]}"/>')
        label = STATE_LABELS[state].split(" (")[0]
        body.append(f'<text x="{x + 14}" y="{legend_y}" fill="#1f2a30">{label}</text>')
        x += 14 + 7 * len(label) + 12
    if markers:
        body.append(
            f'<rect x="{x}" y="{legend_y - 10}" width="12" height="12" rx="3" fill="none" '
            f'stroke="{MARKER_COLOUR}" stroke-width="2"/>'
        )
        body.append(f'<text x="{x + 16}" y="{legend_y}" fill="#1f2a30">incident</text>')
        x += 16 + 7 * len("incident") + 12
    return _svg(max(width, x), legend_y + 8, title, body)


def _day_rings(
    markers: Sequence[Marker], first: date, last: date, at: Callable[[date], tuple[int, int]], size: int
) -> list[str]:
    """A ring around each marked day within the calendar, titled with what happened."""
    out = []
    for day, label in markers:
        if not first <= day <= last:
            continue
        x, y = at(day)
        out.append(
            f'<rect class="incident-marker" x="{x - 1}" y="{y - 1}" width="{size + 2}" height="{size + 2}" rx="3" '
            f'fill="none" stroke="{MARKER_COLOUR}" stroke-width="2"><title>{days.weekday(day)}: '
            f"{escape(label)}</title></rect>"
        )
    return out


def line_chart(
    lines: list[tuple[str, list[tuple[datetime, float]]]],
    *,
    title: str,
    y_max: float,
    threshold: float | None = None,
    threshold_label: str = "",
    markers: Sequence[Marker] = (),
) -> SafeString:
    """One line per (label, points); the y axis runs from 0 to ``y_max``. Each marker is a dashed upright line."""
    w, h, left, right, top, bottom = 640, 220, 34, 12, 12, 46
    points = [p for _, pts in lines for p in pts]
    if not points:
        return _svg(w, 60, title, ['<text x="4" y="30" fill="#4d5a61">No answers to show yet.</text>'])
    zone = points[0][0].tzinfo
    # Noon on the day, so a marker never slips to the neighbouring day in any time zone's rendering.
    marks = [(datetime.combine(d, time(12), tzinfo=zone), label) for d, label in markers]
    first = min([p[0] for p in points] + [m[0] for m in marks])
    last = max([p[0] for p in points] + [m[0] for m in marks])
    t0, t1 = first.timestamp(), last.timestamp()
    span = max(t1 - t0, 1.0)

    def xy(when: datetime, v: float) -> tuple[float, float]:
        return (left + (when.timestamp() - t0) / span * (w - left - right), top + (1 - v / y_max) * (h - top - bottom))

    body = [f'<line x1="{left}" y1="{h - bottom}" x2="{w - right}" y2="{h - bottom}" stroke="#8d9499"/>']
    for tick in (0, y_max / 2, y_max):
        _, y = xy(datetime.fromtimestamp(t0), tick)
        body.append(f'<text x="2" y="{y + 4:.1f}" fill="#4d5a61">{tick:g}</text>')
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{w - right}" y2="{y:.1f}" stroke="#ecebe7"/>')
    if threshold is not None:
        _, y = xy(datetime.fromtimestamp(t0), threshold)
        body.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{w - right}" y2="{y:.1f}" stroke="#a12a2a" stroke-dasharray="4 3"/>'
        )
        body.append(
            f'<text x="{w - right - 4}" y="{y - 4:.1f}" text-anchor="end" '
            f'fill="#a12a2a">{escape(threshold_label)}</text>'
        )
    body.append(f'<text x="{left}" y="{h - bottom + 14}" fill="#4d5a61">{days.day(first)}</text>')
    body.append(f'<text x="{w - right}" y="{h - bottom + 14}" text-anchor="end" fill="#4d5a61">{days.day(last)}</text>')
    for when, label in marks:
        x, _ = xy(when, 0)
        body.append(
            f'<line class="incident-marker" x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{h - bottom}" '
            f'stroke="{MARKER_COLOUR}" stroke-width="2" stroke-dasharray="2 3"><title>{days.weekday(when)}: '
            f"{escape(label)}</title></line>"
        )
    for i, (label, pts) in enumerate(lines):
        colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(t, v) for t, v in pts))
        body.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"/>')
        if len(pts) <= 60:
            body += [
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{colour}"/>' for x, y in (xy(t, v) for t, v in pts)
            ]
        lx = left + i * 180
        body.append(f'<rect x="{lx}" y="{h - 16}" width="12" height="4" fill="{colour}"/>')
        body.append(f'<text x="{lx + 16}" y="{h - 11}" fill="#1f2a30">{escape(label)}</text>')
    if marks:
        lx = w - right - 80
        body.append(
            f'<line x1="{lx}" y1="{h - 20}" x2="{lx}" y2="{h - 8}" stroke="{MARKER_COLOUR}" stroke-width="2" '
            'stroke-dasharray="2 3"/>'
        )
        body.append(f'<text x="{lx + 6}" y="{h - 11}" fill="#1f2a30">incident</text>')
    return _svg(w, h, title, body)


def streak_bars(rows: list[tuple[str, int, int]], *, title: str) -> SafeString:
    """Horizontal bars: current streak (solid) against the best so far (outline), per commitment."""
    if not rows:
        return _svg(300, 40, title, ['<text x="4" y="24" fill="#4d5a61">No commitments yet.</text>'])
    w, label_w, bar_h, gap = 640, 230, 14, 10
    top = max((best for _, _, best in rows), default=1) or 1
    scale = (w - label_w - 40) / top
    body = []
    for i, (label, current, best) in enumerate(rows):
        y = 8 + i * (bar_h + gap)
        short = label if len(label) <= 34 else label[:33] + "…"
        body.append(f'<text x="0" y="{y + 11}" fill="#1f2a30">{escape(short)}</text>')
        body.append(
            f'<rect x="{label_w}" y="{y}" width="{max(best * scale, 1):.1f}" height="{bar_h}" '
            'fill="none" stroke="#1d5f6b"/>'
        )
        body.append(f'<rect x="{label_w}" y="{y}" width="{current * scale:.1f}" height="{bar_h}" fill="#1d5f6b"/>')
        body.append(
            f'<text x="{label_w + max(best, current) * scale + 4:.1f}" y="{y + 11}" '
            f'fill="#4d5a61">{current} now · best {best}</text>'
        )
    return _svg(w, 16 + len(rows) * (bar_h + gap), title, body)


def standalone(svg: str) -> str:
    """The same SVG as a file: an XML declaration in front, nothing else changes."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg
