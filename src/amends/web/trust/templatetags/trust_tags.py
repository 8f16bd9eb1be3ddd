from __future__ import annotations

from typing import Any

from django import template

from amends.measures.words import score_in_words

register = template.Library()


@register.filter
def pct(ratio: float | None) -> str:
    """0.734 -> "73%"; None (nothing recorded) -> "–"."""
    return "–" if ratio is None else f"{round(ratio * 100)}%"


@register.filter
def num(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


@register.filter
def name_for(names: dict[int, str], user_id: Any) -> str:
    return names.get(user_id, "Your partner")


@register.filter
def score_words(response: Any) -> str:
    """A saved check-in's score with its scale, in the words used on every page."""
    return score_in_words(response.instrument, response.headline, response.total)
