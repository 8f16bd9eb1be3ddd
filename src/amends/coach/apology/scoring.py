"""Score and verdict: pure functions of the elements and findings.

The weights follow Lewicki, Polin & Lount (2016): acknowledging responsibility had the largest
effect, then an offer of repair; regret, explanation and a promise of change came next, roughly
tied; a request for forgiveness mattered least. Specificity and impact come from Schumann's
"admission of wrongdoing" and "acknowledgement of harm". They sum to 100.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from amends.coach.results import Element, Finding

WEIGHTS: Mapping[str, int] = MappingProxyType(
    {
        "responsibility": 24,
        "repair": 17,
        "remorse": 12,
        "change": 11,
        "explanation": 11,
        "impact": 10,
        "specificity": 10,
        "forgiveness_request": 5,
    }
)
PENALTIES: Mapping[str, int] = MappingProxyType({"high": 20, "medium": 10, "low": 4})
# What a strong apology must hold (FRAMEWORKS.md §2); repair or change completes it.
STRONG_CORE = ("remorse", "responsibility", "specificity", "impact")
# The elements the coach asks for when they are missing; the optional two are never nagged for.
CORE = ("responsibility", "repair", "remorse", "change", "specificity", "impact")

VERDICTS = ("strong", "partial", "non_apology", "no_apology")
# One label and one score band per verdict; the score is kept inside its verdict's band, so the
# label a person reads and the number beside it never disagree ("Mistakes were made": 0, "does not
# apologize yet", never "Getting there"). Bands do not overlap, so the score alone tells the verdict.
LABELS: Mapping[str, str] = MappingProxyType(
    {
        "strong": "A strong apology",
        "partial": "Getting there",
        "non_apology": "This may land as a non-apology",
        "no_apology": "This does not apologize yet",
    }
)
BANDS: Mapping[str, tuple[int, int]] = MappingProxyType(
    {"no_apology": (0, 9), "non_apology": (10, 29), "partial": (30, 69), "strong": (70, 100)}
)


def score(elements: Mapping[str, Element], findings: Sequence[Finding], verdict: str) -> int:
    """Weighted elements less penalties, kept inside the band of ``verdict``."""
    gained = sum(WEIGHTS[name] for name, element in elements.items() if element.present)
    lost = sum(PENALTIES[f.severity] for f in findings)
    low, high = BANDS[verdict]
    return max(low, min(high, gained - lost))


# LABELLING.md §1: findings that cancel an apology, and those that only weaken it.
CANCELLING = frozenset(
    {
        "conditional",
        "deflection",
        "blame",
        "excuse",
        "sorry_but",
        "minimizing",
        "passive",
        "forgiveness_pressure",
        "self_focus",
    }
)
WEAKENING = frozenset({"vague", "over_apologizing", "hedged_commitment"})
# Findings that take ownership back: "Sorry I slammed the door, but you pushed me to it" owns nothing.
UNOWNING = frozenset({"blame", "excuse", "minimizing"})
# Findings that can only occur where the writer uses apology words ("sorry if", "sorry you feel").
WORDED = frozenset({"conditional", "deflection", "sorry_but", "over_apologizing"})


def verdict(elements: Mapping[str, Element], findings: Sequence[Finding], apology_words: bool) -> str:
    """The verdict, mechanically from elements and findings (LABELLING.md §1).

    ``apology_words`` says whether the text offers the reader apology words at all, hollow ones
    included ("sorry you feel that way", "Sorry, but that's wrong", "my bad").
    """
    has = {name for name, element in elements.items() if element.present}
    rules = {f.rule for f in findings}
    words = apology_words or bool(rules & WORDED)
    if not words and not has & {"remorse", "responsibility"}:
        return "no_apology"
    if "responsibility" not in has and (rules & CANCELLING or len(rules & WEAKENING) >= 2):
        return "non_apology"
    if set(STRONG_CORE) <= has and has & {"repair", "change"} and not rules:
        return "strong"
    return "partial"


def missing(elements: Mapping[str, Element]) -> tuple[str, ...]:
    """Core elements not present, most important (highest weight) first."""
    absent = [name for name in CORE if not elements[name].present]
    return tuple(sorted(absent, key=lambda name: -WEIGHTS[name]))
