"""Cue lexicons: plain package data files read with importlib.resources, matched as whole words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from amends.coach.prefilter import possible
from amends.coach.results import Span

# A cue preceded closely by one of these is negated ("I'm not angry"), so it does not count.
_NEGATORS = re.compile(r"\b(?:not|never|no|n't|don't|didn't|isn't|wasn't|aren't|without)\W+(?:\w+\W+){0,2}$", re.I)


# A cue the writer plainly denies: "I'm not angry anymore", "I don't feel sad", "I wasn't upset". Narrower than
# _NEGATORS, so "I can't stop crying" is no denial.
_DENIAL = re.compile(
    r"\b(?:not|never|no longer|isn't|wasn't|aren't|weren't|(?:don't|didn't|do not|did not) feel)\s+"
    r"(?:(?:so|that|really|even|too|very|that much)\s+)?$",
    re.I,
)


@dataclass(frozen=True)
class Cue:
    phrase: str
    example: str
    pattern: re.Pattern[str]


def _compile(phrase: str) -> re.Pattern[str]:
    stem = phrase.endswith("*")
    body = re.escape(phrase.rstrip("*")).replace(r"\ ", r"\s+").replace("'", "['’]")
    if not phrase[0].isalnum():
        return re.compile(body)  # emoji: no word boundaries
    tail = r"\w*" if stem else r"\b"
    return re.compile(rf"\b{body}{tail}", re.IGNORECASE)


def parse_lexicon(text: str) -> tuple[Cue, ...]:
    """Parse ``cue<TAB>example`` lines, skipping ``#`` comments and blank lines."""
    cues = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, _, example = line.partition("\t")
        cues.append(Cue(phrase.strip(), example.strip(), _compile(phrase.strip())))
    return tuple(cues)


@lru_cache(maxsize=32)
def load_lexicon(name: str) -> tuple[Cue, ...]:
    ref = resources.files("amends.coach.emotions").joinpath("cues", f"{name}.txt")
    return parse_lexicon(ref.read_text(encoding="utf-8"))


def _cue_spans(text: str, cues: tuple[Cue, ...], before: re.Pattern[str], wanted: bool) -> list[Span]:
    """Spans of the cues whose 40 characters before do (``wanted``) or do not match ``before``."""
    return [
        (match.start(), match.end())
        for pattern in possible(_patterns(cues), text)
        for match in pattern.finditer(text)
        if bool(before.search(text[max(0, match.start() - 40) : match.start()])) == wanted
    ]


# A lexicon's patterns as one tuple, which the prefilter reads once: by identity, as the lexicons live as long as the
# process (each entry holds its cue tuple, so an identity is never reused), and bounded like the prefilter's plans.
_PATTERNS: dict[int, tuple[tuple[Cue, ...], tuple[re.Pattern[str], ...]]] = {}


def _patterns(cues: tuple[Cue, ...]) -> tuple[re.Pattern[str], ...]:
    kept = _PATTERNS.get(id(cues))
    if kept is not None and kept[0] is cues:
        return kept[1]
    patterns = tuple(cue.pattern for cue in cues)
    if len(_PATTERNS) < 64:
        _PATTERNS[id(cues)] = (cues, patterns)
    return patterns


def find_cues(text: str, cues: tuple[Cue, ...]) -> list[Span]:
    """Spans of every un-negated cue in text (code-point offsets)."""
    return _cue_spans(text, cues, _NEGATORS, wanted=False)


def mentions_any(text: str, cues: tuple[Cue, ...]) -> bool:
    """Whether any cue occurs in text, negated or not: for topic words ("I'm not ready to forgive you" is still
    about forgiving)."""
    return any(cue.pattern.search(text) for cue in cues)


def find_denied_cues(text: str, cues: tuple[Cue, ...]) -> list[Span]:
    """Spans of cues the writer denies ("I'm not angry anymore"): the feeling is named only to say it is not there."""
    return _cue_spans(text, cues, _DENIAL, wanted=True)
