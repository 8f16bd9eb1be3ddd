"""The small matcher every reply rule shares: case-insensitive regexes over the reply."""

from __future__ import annotations

import re

from amends.coach.results import Span


def patterns(*sources: str) -> tuple[re.Pattern[str], ...]:
    """Compile phrase regexes; a straight apostrophe also matches a curly one."""
    return tuple(re.compile(s.replace("'", "['’]"), re.IGNORECASE) for s in sources)


def find(text: str, compiled: tuple[re.Pattern[str], ...]) -> list[Span]:
    return [(m.start(), m.end()) for p in compiled for m in p.finditer(text)]
