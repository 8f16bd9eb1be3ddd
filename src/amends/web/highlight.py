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
    for start, end, css, label in sorted(marks, key=lambda m: (m[0], -m[1])):
        if start < pos or end <= start:
            continue  # overlapping spans: the first, longest one wins
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="{css}" title="{escape(label)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out).replace("\n", "<br>"))
