"""Consistency: how reliably commitments were kept, as ratios, streaks, a trend and a calendar.

Rempel, Holmes & Zanna (1985) describe trust as growing from predictability, then
dependability, then faith; the seed guide puts it as "consistent words and actions". So
the ledger shows a record of follow-through, and is honest about gaps.

Decisions, so the web layer and tests agree on them:

* An *occurrence* is a due date. Fixed schedules make them in advance; for a "whenever X"
  schedule an occurrence exists only where a check-in records that X happened.
* A past occurrence with no check-in is *overdue*. It is counted and shown on its own,
  never filled in as missed. Today's unrecorded occurrence is *pending*, not overdue.
* ``kept_ratio`` = (kept + ½·partly) / recorded occurrences. ``recorded_ratio`` =
  recorded / (recorded + overdue), so a reader sees how much of the picture is known.
* ``confirmed_kept_ratio`` = occurrences marked kept *and* confirmed by the partner, over
  recorded occurrences. No answer from the partner is not a confirmation.
* A streak counts consecutive kept occurrences the partner has not disputed; a partly,
  missed, disputed or overdue occurrence ends it, a pending one today neither adds nor
  ends it. The overall streak counts *days* on which everything due was kept.
* The trend compares a window with the one just before it, and says "not enough data"
  unless both have at least ``MIN_RECORDED`` recorded occurrences and ``MIN_RECORDED_RATIO``
  of their occurrences recorded; a change of ``TREND_DELTA`` in kept ratio is needed
  to call it improving or slipping.
* Check-ins on a day that is not due under the schedule in force (e.g. recorded before
  an edit) stay in storage but do not count.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from amends.ledger.checkins import (
    CheckIn,
    Confirmation,
    Status,
    index_check_ins,
    record_check_in,
    validate_check_in,
)
from amends.ledger.errors import CheckInRejected
from amends.ledger.schedule import Commitment, Kind, commitment_due_dates, local_date

__all__ = [
    "CheckIn", "CheckInRejected", "Confirmation", "Status", "Trend", "DayState",
    "WindowStats", "CommitmentConsistency", "LedgerSummary",
    "summarize", "calendar_series", "occurrences", "validate_check_in", "record_check_in",
]  # fmt: skip

WINDOWS = (7, 30, 90)
MIN_RECORDED = 5
MIN_RECORDED_RATIO = 0.5
TREND_DELTA = 0.10


class Trend(StrEnum):
    IMPROVING = "improving"
    STEADY = "steady"
    SLIPPING = "slipping"
    NOT_ENOUGH_DATA = "not_enough_data"


class DayState(StrEnum):
    """One heatmap cell. PENDING is today's occurrence before it is recorded."""

    KEPT = "kept"
    PARTLY = "partly"
    MISSED = "missed"
    DISPUTED = "disputed"
    OVERDUE = "overdue"
    PENDING = "pending"
    NOT_DUE = "not_due"


# When several commitments share a day, the cell shows the one most worth talking about.
_SEVERITY = {
    DayState.NOT_DUE: 0, DayState.KEPT: 1, DayState.PENDING: 2, DayState.PARTLY: 3,
    DayState.MISSED: 4, DayState.OVERDUE: 5, DayState.DISPUTED: 6,
}  # fmt: skip
_BY_SEVERITY = sorted(_SEVERITY, key=_SEVERITY.__getitem__)


@dataclass(frozen=True)
class WindowStats:
    """Counts and ratios over the last ``days`` days, ending today inclusive."""

    days: int
    start: date
    end: date
    due: int
    recorded: int
    overdue: int
    pending: int
    kept: int
    partly: int
    missed: int
    confirmed_kept: int
    disputed: int
    kept_ratio: float | None
    recorded_ratio: float | None
    confirmed_kept_ratio: float | None
    trend: Trend

    def to_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__}
        d.update(start=self.start.isoformat(), end=self.end.isoformat(), trend=self.trend.value)
        return d


@dataclass(frozen=True)
class CommitmentConsistency:
    """Windows and streaks for one commitment, or for all of them (``commitment_id`` "*")."""

    commitment_id: str
    windows: tuple[WindowStats, ...]
    current_streak: int
    best_streak: int
    streak_unit: str  # "occurrences" per commitment, "days" overall

    def window(self, days: int) -> WindowStats:
        for w in self.windows:
            if w.days == days:
                return w
        raise KeyError(days)

    def to_dict(self) -> dict[str, Any]:
        return {
            "commitment_id": self.commitment_id,
            "windows": {str(w.days): w.to_dict() for w in self.windows},
            "current_streak": self.current_streak,
            "best_streak": self.best_streak,
            "streak_unit": self.streak_unit,
        }


@dataclass(frozen=True)
class LedgerSummary:
    today: date
    commitments: tuple[CommitmentConsistency, ...]
    overall: CommitmentConsistency

    def for_commitment(self, commitment_id: str) -> CommitmentConsistency:
        for c in self.commitments:
            if c.commitment_id == commitment_id:
                return c
        raise KeyError(commitment_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "commitments": [c.to_dict() for c in self.commitments],
            "overall": self.overall.to_dict(),
        }


class _Tally:
    """Mutable counters for one window; turned into a frozen WindowStats at the end."""

    __slots__ = ("due", "recorded", "overdue", "pending", "kept", "partly", "missed", "ck", "disputed")

    def __init__(self) -> None:
        self.due = self.recorded = self.overdue = self.pending = 0
        self.kept = self.partly = self.missed = self.ck = self.disputed = 0

    def add(self, days: Sequence[date], recs: Mapping[date, CheckIn], today: date) -> None:
        for d in days:
            self.due += 1
            c = recs.get(d)
            if c is None:
                if d < today:
                    self.overdue += 1
                else:
                    self.pending += 1
                continue
            self.recorded += 1
            if c.status is Status.KEPT:
                self.kept += 1
                if c.confirmation is Confirmation.CONFIRMED:
                    self.ck += 1
            elif c.status is Status.PARTLY:
                self.partly += 1
            else:
                self.missed += 1
            if c.confirmation is Confirmation.DISPUTED:
                self.disputed += 1

    def merge(self, other: _Tally) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def kept_ratio(self) -> float | None:
        return (self.kept + 0.5 * self.partly) / self.recorded if self.recorded else None

    def recorded_ratio(self) -> float | None:
        known = self.recorded + self.overdue
        return self.recorded / known if known else None

    def stats(self, days: int, start: date, end: date, trend: Trend) -> WindowStats:
        rec = self.recorded
        return WindowStats(
            days, start, end, self.due, rec, self.overdue, self.pending, self.kept, self.partly,
            self.missed, self.ck, self.disputed, self.kept_ratio(), self.recorded_ratio(),
            self.ck / rec if rec else None, trend,
        )  # fmt: skip


def trend_between(recent: _Tally, previous: _Tally) -> Trend:
    """Compare two windows' kept ratios under the minimum-data rule in the module docstring."""
    for t in (recent, previous):
        ratio = t.recorded_ratio()
        if t.recorded < MIN_RECORDED or ratio is None or ratio < MIN_RECORDED_RATIO:
            return Trend.NOT_ENOUGH_DATA
    delta = (recent.kept_ratio() or 0.0) - (previous.kept_ratio() or 0.0)
    if delta >= TREND_DELTA - 1e-9:
        return Trend.IMPROVING
    if delta <= -TREND_DELTA + 1e-9:
        return Trend.SLIPPING
    return Trend.STEADY


def occurrences(commitment: Commitment, recs: Mapping[date, CheckIn], today: date) -> list[date]:
    """Sorted due dates through ``today``: fixed ones plus recorded "whenever" events."""
    days = commitment_due_dates(commitment, today=today)
    if any(v.schedule.kind is Kind.WHENEVER for v in commitment.versions):
        events = [d for d in recs if d <= today and _event_day(commitment, d)]
        days = sorted(days + events)
    return days


def _event_day(commitment: Commitment, day: date) -> bool:
    schedule = commitment.schedule_on(day)
    return schedule is not None and schedule.event_driven


def _window_tallies(occ: list[date], recs: Mapping[date, CheckIn], today: date, days: int) -> tuple[_Tally, _Tally]:
    """Tallies for the window ending today and for the window of equal length before it."""
    start, prev_start = today - timedelta(days=days - 1), today - timedelta(days=2 * days - 1)
    lo, mid, hi = bisect_left(occ, prev_start), bisect_left(occ, start), bisect_right(occ, today)
    recent, previous = _Tally(), _Tally()
    previous.add(occ[lo:mid], recs, today)
    recent.add(occ[mid:hi], recs, today)
    return recent, previous


def _stats(recent: _Tally, previous: _Tally, today: date, days: int) -> WindowStats:
    return recent.stats(days, today - timedelta(days=days - 1), today, trend_between(recent, previous))


def _streaks(
    occ: Sequence[date], recs: Mapping[date, CheckIn], today: date, run: int = 0, best: int = 0
) -> tuple[int, int, list[date]]:
    """Current and best run of undisputed kept occurrences, and the dates that broke a run.

    ``run`` and ``best`` carry on from occurrences before ``occ`` (see ``amends.ledger.window``).
    """
    broken: list[date] = []
    for d in occ:
        c = recs.get(d)
        if c is None and d >= today:
            continue  # today's occurrence is still open
        if c is not None and c.status is Status.KEPT and c.confirmation is not Confirmation.DISPUTED:
            run += 1
            if run > best:
                best = run
        else:
            run = 0
            broken.append(d)
    return run, best, broken


def _day_streaks(closed_days: set[date], broken_days: set[date], run: int = 0, best: int = 0) -> tuple[int, int]:
    # A day counts when something was due and closed on it; any break that day ends the run.
    for d in sorted(closed_days):
        if d in broken_days:
            run = 0
        else:
            run += 1
            if run > best:
                best = run
    return run, best


def summarize(
    commitments: Sequence[Commitment],
    check_ins: Iterable[CheckIn],
    *,
    today: date | datetime,
    tz: str | tzinfo = "UTC",
    windows: Sequence[int] = WINDOWS,
) -> LedgerSummary:
    """Consistency per commitment and overall, for each window ending ``today`` (the user's date)."""
    day = local_date(today, tz)
    index = index_check_ins(check_ins)
    totals = {n: (_Tally(), _Tally()) for n in windows}
    closed: set[date] = set()
    broken: set[date] = set()
    per = []
    for c in commitments:
        recs = index.get(c.id, {})
        occ = occurrences(c, recs, day)
        current, best, breaks = _streaks(occ, recs, day)
        closed.update(occ if not occ or occ[-1] < day or occ[-1] in recs else occ[:-1])
        broken.update(breaks)
        stats = []
        for n in windows:
            recent, previous = _window_tallies(occ, recs, day, n)
            totals[n][0].merge(recent)
            totals[n][1].merge(previous)
            stats.append(_stats(recent, previous, day, n))
        per.append(CommitmentConsistency(c.id, tuple(stats), current, best, "occurrences"))
    current, best = _day_streaks(closed, broken)
    overall = tuple(_stats(*totals[n], day, n) for n in windows)
    return LedgerSummary(day, tuple(per), CommitmentConsistency("*", overall, current, best, "days"))


_STATUS_STATE = {Status.KEPT: DayState.KEPT, Status.PARTLY: DayState.PARTLY, Status.MISSED: DayState.MISSED}
_STATUS_RANK = {status: _SEVERITY[state] for status, state in _STATUS_STATE.items()}


def _rank(c: CheckIn | None, d: date, today: date) -> int:
    # Called once per day per commitment, so it maps to ints without building enum values.
    if c is None:
        return _SEVERITY[DayState.OVERDUE] if d < today else _SEVERITY[DayState.PENDING]
    if c.confirmation is Confirmation.DISPUTED:
        return _SEVERITY[DayState.DISPUTED]
    return _STATUS_RANK[c.status]


def calendar_series(
    commitments: Sequence[Commitment],
    check_ins: Iterable[CheckIn],
    *,
    start: date,
    end: date,
    today: date | datetime,
    tz: str | tzinfo = "UTC",
) -> list[tuple[date, DayState]]:
    """One heatmap cell per day from ``start`` to ``end`` inclusive.

    Pass one commitment for its own calendar, or several for a combined one in which each
    day shows its most serious state (disputed, overdue, missed, partly, pending, kept).
    Days after today are NOT_DUE: nothing can have happened on them yet.
    """
    day = local_date(today, tz)
    index = index_check_ins(check_ins)
    worst: dict[date, int] = {}
    for c in commitments:
        recs = index.get(c.id, {})
        occ = occurrences(c, recs, min(day, end))
        for d in occ[bisect_left(occ, start) :]:
            rank = _rank(recs.get(d), d, day)
            if rank > worst.get(d, 0):
                worst[d] = rank
    fromordinal = date.fromordinal
    return [
        (d, _BY_SEVERITY[worst.get(d, 0)])
        for d in (fromordinal(o) for o in range(start.toordinal(), end.toordinal() + 1))
    ]
