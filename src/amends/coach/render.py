"""Plain-text rendering of any coach result dict, with spans highlighted for the terminal."""

from __future__ import annotations

from typing import Any

import click

from amends.coach.emotions import strength_words
from amends.coach.results import grouped_findings

_SEVERITY_COLOR = {"high": "red", "medium": "yellow", "low": "cyan"}


def highlight(text: str, spans: list[tuple[int, int, str]], color: bool | None) -> str:
    """Mark spans in text: coloured on a terminal, [[brackets]] otherwise."""
    out, pos = [], 0
    for start, end, colour in sorted(spans):
        if start < pos:
            continue  # overlapping spans: the first one wins
        out.append(text[pos:start])
        piece = text[start:end]
        out.append(click.style(piece, fg=colour, bold=True) if color else f"[[{piece}]]")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _finding_spans(result: dict[str, Any]) -> list[tuple[int, int, str]]:
    spans = [
        (f["span"][0], f["span"][1], _SEVERITY_COLOR.get(f["severity"], "red")) for f in result.get("findings", [])
    ]
    for flag in result.get("flags", []):
        spans.append((flag["span"][0], flag["span"][1], "red"))
    return spans


def render_report(result: dict[str, Any], *, color: bool | None = None) -> str:
    lines = [highlight(result["text"], _finding_spans(result), color), ""]
    for key in ("verdict", "score", "action"):
        if key in result:
            lines.append(f"{key}: {result[key]}")
    if "labels" in result:
        # GoEmotions' own label names, said as such; the feelings below are amends' names for what they may feel.
        lines.append("GoEmotions labels: " + (", ".join(result["labels"]) or "none clear"))
    for feeling in result.get("feelings", []):
        name = feeling.get("display", feeling["name"]).lower()
        lines.append(f"  may feel {name} ({strength_words(feeling['score'])}, {feeling['score']:.2f})")
    for name, element in result.get("elements", {}).items():
        lines.append(f"  {'✓' if element['present'] else '·'} {name}")
    for name, mechanism in result.get("mechanisms", {}).items():
        lines.append(f"  {name}: {mechanism['level']}/2")
    for group in grouped_findings(result["text"], result.get("findings", [])):
        quoted = ", ".join(f'"{quote}"' for quote in group["quotes"])
        lines.append(f"- [{group['severity']}] {group['rule']}: {quoted}")
        lines.append(f"    {group['message']}")
        lines.append(f"    Try: {group['suggestion']}")
    for flag in result.get("flags", []):
        lines.append(f"- {flag['type']} ({flag['score']:.2f})")
    if result.get("suggestions"):
        lines.append("Suggestions:")
        lines.extend(f"  • {s}" for s in result["suggestions"])
    return "\n".join(lines)
