"""Turn a text and its spans into safe HTML with <mark> elements, the same spans the CLI and API show."""

from __future__ import annotations

from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def highlight_html(text: str, findings: list[dict[str, Any]], elements: dict[str, Any] | None = None) -> SafeString:
    marks: list[tuple[int, int, str, str]] = []
    for finding in findings:
        start, end = finding["span"]
        marks.append((start, end, f"mark-finding sev-{finding['severity']}", finding["rule"].replace("_", " ")))
    for name, element in (elements or {}).items():
        for start, end in element.get("spans", []):
            marks.append((start, end, "mark-element", name.replace("_", " ")))
    out, pos = [], 0
    for start, end, css, label in _non_overlapping(marks):
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="{css}" title="{escape(label)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out).replace("\n", "<br>"))


def _non_overlapping(marks: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Keep findings before elements (they come first in ``marks``); drop any span overlapping a kept one."""
    kept: list[tuple[int, int, str, str]] = []
    for mark in marks:
        start, end = mark[0], mark[1]
        if end > start and all(end <= k[0] or start >= k[1] for k in kept):
            kept.append(mark)
    return sorted(kept)
