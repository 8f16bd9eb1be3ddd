from __future__ import annotations

import json
from typing import Any

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from amends.coach.apology.scoring import LABELS
from amends.coach.emotions import strength_words
from amends.coach.results import grouped_findings

register = template.Library()

# The coach owns the one label of each verdict (amends.coach.apology.scoring.LABELS).
_VERDICTS = LABELS


@register.filter
def get_item(mapping: Any, key: str) -> Any:
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.filter
def prose(text: str) -> SafeString:
    """Content text as paragraphs: a blank line starts a new one, a single line break is only YAML wrapping.

    ``linebreaks`` would turn each wrapped line of a ``|`` block into a ``<br>`` and break sentences mid-way.
    """
    paragraphs = [" ".join(part.split()) for part in (text or "").split("\n\n") if part.strip()]
    return format_html_join("", "<p>{}</p>", ((p,) for p in paragraphs))


@register.filter
def splitlines(text: str) -> list[str]:
    return [line for line in (text or "").splitlines() if line.strip()]


@register.filter
def humanize_name(name: str) -> str:
    return name.replace("_", " ").capitalize()


@register.filter
def feeling_strength(score: float) -> str:
    return strength_words(score)


@register.filter
def verdict_label(verdict: str) -> str:
    return _VERDICTS.get(verdict, verdict)


@register.filter
def slice_span(text: str, span: list[int]) -> str:
    return text[span[0] : span[1]]


@register.filter
def safety_notice(message: Any) -> dict[str, Any] | None:
    """The safety result carried by a flashed message (see ``amends.web.safety_notice``), else None."""
    if "safety" not in str(getattr(message, "extra_tags", "")).split():
        return None
    data = json.loads(str(message.message))
    return data if isinstance(data, dict) else None


@register.filter
def json_attr(value: Any) -> str:
    """A value as JSON for a data attribute (autoescaping makes it safe inside the quotes)."""
    return json.dumps(value)


@register.filter
def grouped(findings: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """The findings one item per rule, each quoting all its passages (``coach.results.grouped_findings``)."""
    return grouped_findings(text, findings)
