"""When a commitment is due: schedules, their edit history, and due dates.

A due occurrence is a *calendar date in the user's time zone*, never an instant. Dates
are stepped one calendar day at a time, so a daylight-saving change (a 23- or 25-hour
day) can neither add nor drop an occurrence. The time zone matters only when turning
"now" into the user's today (``local_date``).

Editing a commitment never rewrites the past: each edit appends a ``ScheduleVersion``
effective from a date, and each day is judged by the version in force on that day.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from zoneinfo import ZoneInfo

from amends.ledger.errors import ScheduleError

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Kind(StrEnum):
    ONCE = "once"
    DAILY = "daily"
    WEEKLY = "weekly"
    WHENEVER = "whenever"  # event-driven: due only when the user records that X happened


@dataclass(frozen=True)
class Schedule:
    """How often a commitment falls due. Build one with the class methods."""

    kind: Kind
    on: date | None = None  # ONCE only
    weekdays: frozenset[int] = frozenset()  # WEEKLY only; 0 = Monday … 6 = Sunday
    event: str = ""  # WHENEVER only: the "X" in "whenever X happens"

    @classmethod
    def once(cls, on: date) -> Schedule:
        return cls(Kind.ONCE, on=on)

    @classmethod
    def daily(cls) -> Schedule:
        return cls(Kind.DAILY)

    @classmethod
    def weekly(cls, *weekdays: int) -> Schedule:
        days = frozenset(weekdays)
        if not days or not days <= set(range(7)):
            raise ScheduleError("Pick at least one day of the week (Monday to Sunday).", "no_weekdays")
        return cls(Kind.WEEKLY, weekdays=days)

    @classmethod
    def whenever(cls, event: str) -> Schedule:
        if not event.strip():
            raise ScheduleError("Say what has to happen for this commitment to fall due.", "no_event")
        return cls(Kind.WHENEVER, event=event.strip())

    @property
    def event_driven(self) -> bool:
        return self.kind is Kind.WHENEVER

    def falls_on(self, day: date) -> bool:
        """Whether a fixed schedule is due on ``day`` (always False for WHENEVER)."""
        if self.kind is Kind.DAILY:
            return True
        if self.kind is Kind.WEEKLY:
            return day.weekday() in self.weekdays
        return self.kind is Kind.ONCE and day == self.on

    def describe(self) -> str:
        if self.kind is Kind.ONCE:
            return f"once, on {self.on:%A %d %B %Y}" if self.on else "once"
        if self.kind is Kind.WEEKLY:
            return "every " + ", ".join(WEEKDAY_NAMES[d] for d in sorted(self.weekdays))
        if self.kind is Kind.WHENEVER:
            return f"whenever {self.event}"
        return "every day"


@dataclass(frozen=True)
class ScheduleVersion:
    """A schedule in force from ``effective_from`` until the next version starts."""

    effective_from: date
    schedule: Schedule


@dataclass(frozen=True)
class Commitment:
    """A promise with its schedule history. ``start`` is the first version's date."""

    id: str
    text: str
    versions: tuple[ScheduleVersion, ...]
    end: date | None = None  # last day it can fall due, inclusive

    def __post_init__(self) -> None:
        if not self.versions:
            raise ScheduleError("A commitment needs a schedule.", "no_schedule")
        froms = [v.effective_from for v in self.versions]
        if froms != sorted(set(froms)):
            raise ScheduleError("Schedule versions must start on different, increasing dates.", "bad_versions")
        if self.end is not None and self.end < self.start:
            raise ScheduleError("The end date is before the start date.", "end_before_start")

    @classmethod
    def new(cls, id: str, text: str, schedule: Schedule, start: date, end: date | None = None) -> Commitment:
        return cls(id, text, (ScheduleVersion(start, schedule),), end)

    @property
    def start(self) -> date:
        return self.versions[0].effective_from

    @property
    def schedule(self) -> Schedule:
        """The latest schedule: what the commitment says now."""
        return self.versions[-1].schedule

    def edit(self, schedule: Schedule, effective_from: date) -> Commitment:
        """Return a copy whose schedule changes from ``effective_from``; earlier days keep theirs.

        Editing again on the same date replaces that day's edit; back-dating before the
        latest edit is refused because it would silently rewrite recorded history.
        """
        last = self.versions[-1]
        if effective_from < last.effective_from:
            raise ScheduleError(
                f"This commitment was already changed on {last.effective_from:%d %B %Y}; "
                "a new change can start on that day or later.",
                "edit_backdated",
            )
        kept = self.versions[:-1] if effective_from == last.effective_from else self.versions
        return replace(self, versions=(*kept, ScheduleVersion(effective_from, schedule)))

    def schedule_on(self, day: date) -> Schedule | None:
        """The schedule in force on ``day``, or None outside the commitment's dates."""
        return schedule_on(self.versions, day, self.end)


def schedule_on(versions: Sequence[ScheduleVersion], day: date, end: date | None = None) -> Schedule | None:
    """The version in force on ``day`` (None before the first version or after ``end``)."""
    if (end is not None and day > end) or day < versions[0].effective_from:
        return None
    idx = bisect_right([v.effective_from for v in versions], day) - 1
    return versions[idx].schedule


def local_date(when: date | datetime, tz: str | tzinfo = "UTC") -> date:
    """The user's calendar date at ``when``. Plain dates pass through unchanged.

    A naive datetime is refused: guessing its zone is how a check-in lands on the wrong day.
    """
    if isinstance(when, datetime):
        if when.tzinfo is None:
            raise ScheduleError("A time without a time zone cannot be placed on a calendar day.", "naive_time")
        zone = ZoneInfo(tz) if isinstance(tz, str) else tz
        return when.astimezone(zone).date()
    return when


def due_dates(
    schedule: Schedule | Sequence[ScheduleVersion],
    start: date,
    end: date | None,
    *,
    today: date | datetime,
    tz: str | tzinfo = "UTC",
    horizon_days: int = 0,
) -> list[date]:
    """Due dates from ``start`` through today (plus ``horizon_days`` ahead), capped by ``end``.

    ``schedule`` is one schedule or a commitment's version history. Event-driven
    ("whenever") periods contribute no dates: their occurrences exist only once the user
    records that the event happened (see ``consistency``).
    """
    versions = _as_versions(schedule, start)
    last = local_date(today, tz) + timedelta(days=horizon_days)
    if end is not None:
        last = min(last, end)
    out: list[date] = []
    for i, version in enumerate(versions):
        lo = max(start, version.effective_from)
        hi = last if i + 1 == len(versions) else min(last, versions[i + 1].effective_from - timedelta(days=1))
        if lo <= hi:
            out.extend(_dates_in(version.schedule, lo, hi))
    return out


def commitment_due_dates(
    commitment: Commitment, *, today: date | datetime, tz: str | tzinfo = "UTC", horizon_days: int = 0
) -> list[date]:
    """``due_dates`` for a commitment's whole schedule history."""
    return due_dates(
        commitment.versions, commitment.start, commitment.end, today=today, tz=tz, horizon_days=horizon_days
    )


def _as_versions(schedule: Schedule | Sequence[ScheduleVersion], start: date) -> Sequence[ScheduleVersion]:
    if isinstance(schedule, Schedule):
        return (ScheduleVersion(start, schedule),)
    if not schedule:
        raise ScheduleError("A commitment needs a schedule.", "no_schedule")
    return schedule


def _dates_in(schedule: Schedule, lo: date, hi: date) -> list[date]:
    # Work on ordinals: one int range per segment instead of repeated date arithmetic.
    first, last = lo.toordinal(), hi.toordinal()
    fromordinal = date.fromordinal
    if schedule.kind is Kind.DAILY:
        return [fromordinal(o) for o in range(first, last + 1)]
    if schedule.kind is Kind.WEEKLY:
        # date.fromordinal(1) is a Monday, so the weekday of ordinal o is (o - 1) % 7.
        return [fromordinal(o) for o in range(first, last + 1) if (o - 1) % 7 in schedule.weekdays]
    if schedule.kind is Kind.ONCE and schedule.on is not None and lo <= schedule.on <= hi:
        return [schedule.on]
    return []
