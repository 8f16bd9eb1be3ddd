"""One safety path for every text a person types.

Each service that stores free text (journey answers, apology drafts, listening practice and feeling
statements, commitments, check-in notes, confirmations and disputes, questions and answers, notes, the
argument log) passes what was typed through :func:`scanned` before it returns. The saved object comes
back with a ``safety`` attribute: ``None`` when nothing was found, else a :class:`SafetyCheck` carrying
the detector's report and the route (crisis line first) from ``amends.safety.routing``. Web, API and
CLI only show it; none of them decides whether to scan.

The check is for the writer alone. Nothing is stored, nothing raises a signal and nobody is told:
a scan answers the person who typed, at once, and is never shown to their partner.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from amends.coach.text import TextRejected
from amends.safety.detector import SafetyReport, scan_safety
from amends.safety.lexicon import THIRD_PARTY
from amends.safety.resources import Resource
from amends.safety.routing import Route, route
from amends.web.accounts.models import Profile

T = TypeVar("T")
_RANK = {"none": 0, "support": 1, "crisis": 2}


@dataclass(frozen=True)
class SafetyCheck:
    """What the detector found in what someone just typed, and what to show them first."""

    report: SafetyReport
    route: Route

    @property
    def action(self) -> str:
        return self.report.action

    @property
    def resources(self) -> tuple[Resource, ...]:
        return self.route.resources

    @property
    def for_someone_else(self) -> bool:
        """True when the only risk found is someone else's ("my wife said she would kill herself"): the page then speaks
        to the person who is worried, not to someone in crisis."""
        return self.report.types == {THIRD_PARTY}

    @property
    def english(self) -> bool:
        """False when the text is not English: nothing was found, but the detector may have missed it."""
        return self.report.english

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.report.action,
            "level": self.route.level,
            "types": sorted(self.report.types),
            "messages": list(self.route.messages),
            "resources": [r.to_dict() for r in self.route.resources],
            "acute_question": self.route.acute_question,
            "english": self.report.english,
            "for_someone_else": self.for_someone_else,
        }


def scan_texts(texts: Iterable[str], region: str) -> SafetyCheck | None:
    """The most serious finding over ``texts``, routed for ``region``; ``None`` when nothing was found.

    A text the detector cannot read (empty, binary) is skipped here: the service that stores it says
    what is wrong with it, and a scan must never stop a save. A text that is not English is a finding
    even when nothing was flagged: it is never passed in silence (the banner says amends reads
    English only, with the region's crisis line).
    """
    worst: SafetyReport | None = None
    for text in texts:
        if not text or not text.strip():
            continue
        try:
            report = scan_safety(text)
        except TextRejected:
            continue
        if (report.action != "none" or not report.english) and (worst is None or _severity(report) > _severity(worst)):
            worst = report
    return None if worst is None else SafetyCheck(worst, route(worst, region=region))


def _severity(report: SafetyReport) -> tuple[int, bool]:
    return _RANK.get(report.action, 0), report.immediate_danger


def region_of(user_id: int | None) -> str:
    """The region the person chose for help lines; never guessed from where they are."""
    if user_id is None:
        return "INTL"
    return Profile.objects.filter(user_id=user_id).values_list("region", flat=True).first() or "INTL"


def check(user_id: int | None, *texts: str) -> SafetyCheck | None:
    """Scan text that is not stored (live coach feedback) the same way as text that is."""
    return scan_texts(texts, region_of(user_id))


def scanned(obj: T, user_id: int | None, *texts: str) -> T:
    """Attach the scan of ``texts`` to the object a service is about to return, as ``obj.safety``."""
    obj.safety = check(user_id, *texts)  # type: ignore[attr-defined]
    return obj


def safety_of(obj: object) -> SafetyCheck | None:
    """The safety result a service attached, for the layers that show it."""
    value = getattr(obj, "safety", None)
    return value if isinstance(value, SafetyCheck) else None
