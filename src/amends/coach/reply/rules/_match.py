"""The small matcher every reply rule shares: case-insensitive regexes over the reply."""

from __future__ import annotations

import re

from amends.coach.results import Span


def patterns(*sources: str) -> tuple[re.Pattern[str], ...]:
    """Compile phrase regexes; a straight apostrophe also matches a curly one."""
    return tuple(re.compile(s.replace("'", "['’]"), re.IGNORECASE) for s in sources)


# LABELLING.md §2: a pattern that is disowned ("I'm not going to say you're overreacting") or quoted
# ("she said \"calm down\"") is not said to the partner.
_DISOWNED = re.compile(
    r"(?:\b(?:not going to|won't|will not|never|don't|do not|wouldn't|not)\s+(?:ever\s+)?"
    r"(?:say|tell you|call you|claim|pretend)|\bi(?:'m| am) not saying)\s+(?:that\s+)?$",
    re.IGNORECASE,
)
_QUOTED = re.compile(r'"[^"\n]{1,300}"|“[^”\n]{1,300}”')


def find(text: str, compiled: tuple[re.Pattern[str], ...]) -> list[Span]:
    quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(text)] if '"' in text or "“" in text else []
    return [
        (m.start(), m.end())
        for p in compiled
        for m in p.finditer(text)
        if not _DISOWNED.search(text[max(0, m.start() - 40) : m.start()])
        and not any(qs <= m.start() and m.end() <= qe for qs, qe in quotes)
    ]
