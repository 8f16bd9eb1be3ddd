"""A printable progress summary (Markdown or HTML) of what one member may see. No screening answers."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

from amends import measures
from amends.services import days
from amends.services import trust_dashboard as dashboard
from amends.services.access import RepairAccess, require_open, visible
from amends.services.trust_queries import load_ledger
from amends.web.trust.models import Question


def report_context(access: RepairAccess) -> dict[str, Any]:
    require_open(access)  # a summary of the couple's record is shared data: none while the space is paused
    led = load_ledger(access)
    data = dashboard.build(access, led)
    questions = visible(access, Question)
    return {
        "access": access,
        "repair": access.repair,
        "today": led.today,
        **data,
        "questions": {s: questions.filter(status=s).count() for s in ("waiting", "thinking", "answered")},
    }


def render_report(access: RepairAccess, fmt: str) -> str:
    ctx = report_context(access)
    if fmt == "html":
        return render_to_string("trust/report.html", ctx)
    return _markdown(ctx)


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{v:.0%}"


def _markdown(ctx: dict[str, Any]) -> str:
    lines = [
        f"# Progress summary: {ctx['access'].title}",
        "",
        f"Prepared {ctx['today']:%d %B %Y} by amends. "
        "It shows what this person may see; screening answers are never included.",
        "",
        "## Follow-through",
        "",
        "| Window | Due | Kept | Confirmed kept | Not recorded | Disputed | Trend |",
        "|---|---|---|---|---|---|---|",
    ]
    for w in ctx["overall"].windows:
        lines.append(
            f"| Last {w.days} days | {w.due} | {_pct(w.kept_ratio)} "
            f"| {_pct(w.confirmed_kept_ratio)} | {w.overdue} | {w.disputed} | {w.trend.value.replace('_', ' ')} |"
        )
    lines += [
        "",
        f"Streak: {ctx['overall'].current_streak} days with everything kept (best {ctx['overall'].best_streak}).",
        "",
        "## Commitments",
        "",
    ]
    for row, c in ctx["per_commitment"]:
        w = c.window(30)
        lines.append(
            f"- {row.text}: {_pct(w.kept_ratio)} kept in 30 days, streak {c.current_streak} (best {c.best_streak})"
        )
    lines += ["", "## Check-in scores", ""]
    for m in ctx["measures"]:
        people = "; ".join(
            f"{p['name']}: {p['latest']:g} on {days.day(p['when'])}"
            + (f" ({p['direction']})" if p["direction"] else "")
            for p in m["people"]
        )
        lines.append(f"- {m['title']}: {people or 'nothing shared yet'}")
    q = ctx["questions"]
    lines += [
        "",
        f"CSI-4: Funk & Rogge 2007; below {measures.cutoff('csi4'):g} suggests notable dissatisfaction. "
        "Trust and forgiveness check-ins are amends' own and not validated scales.",
        "",
        "## Questions",
        "",
        f"{q['answered']} answered, {q['thinking']} being thought over, {q['waiting']} waiting.",
        "",
    ]
    return "\n".join(lines)
