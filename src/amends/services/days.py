"""How a day is written in the product's own sentences: "Fri 4 Dec 2026", as the pages' templates write it
("j M Y"), never "Fri 04 Dec 2026" beside it."""

from __future__ import annotations

from datetime import date


def day(when: date) -> str:
    """``4 Dec 2026``."""
    return f"{when.day} {when:%b %Y}"


def weekday(when: date) -> str:
    """``Fri 4 Dec 2026``."""
    return f"{when:%a} {day(when)}"
