"""Check-ins: what the user says happened on a due date, and what their partner says.

Recording is idempotent at the domain level: a check-in is keyed by
``(commitment_id, on)``, so submitting the same date twice replaces the first entry
instead of adding a second one. The database layer mirrors this with a unique
constraint; the functions here are what its service should call.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo
from enum import StrEnum

from amends.ledger.errors import CheckInRejected
from amends.ledger.schedule import WEEKDAY_NAMES, Commitment, local_date


class Status(StrEnum):
    KEPT = "kept"
    PARTLY = "partly"
    MISSED = "missed"


class Confirmation(StrEnum):
    NONE = "none"  # the partner has not said either way; never read as agreement
    CONFIRMED = "confirmed"
    DISPUTED = "disputed"


@dataclass(frozen=True)
class CheckIn:
    """One occurrence's outcome. For a "whenever X" commitment it also records that X happened."""

    commitment_id: str
    on: date
    status: Status
    confirmation: Confirmation = Confirmation.NONE
    note: str = ""

    @property
    def key(self) -> tuple[str, date]:
        return (self.commitment_id, self.on)

    @classmethod
    def stored(cls, commitment_id: str, on: date, status: Status, confirmation: Confirmation) -> CheckIn:
        """A check-in read back from storage, where it was validated when recorded.

        Same value as ``CheckIn(...)`` without the frozen dataclass's per-field ``__setattr__``:
        pages read thousands of these per request, and the constructor cost more than the ledger.
        """
        obj = object.__new__(cls)
        obj.__dict__.update(commitment_id=commitment_id, on=on, status=status, confirmation=confirmation, note="")
        return obj

    def confirmed(self, confirmation: Confirmation) -> CheckIn:
        """The same check-in with the partner's answer set (or cleared with NONE)."""
        return replace(self, confirmation=confirmation)


def validate_check_in(
    commitment: Commitment, on_date: date, today: date | datetime, *, tz: str | tzinfo = "UTC"
) -> date:
    """Return ``on_date`` if a check-in may be recorded for it, else raise ``CheckInRejected``.

    ``today`` may be an aware datetime; it is turned into the user's local date first, so a
    user in Auckland can check in for a date that is still tomorrow in UTC.
    """
    local_today = local_date(today, tz)
    if on_date > local_today:
        raise CheckInRejected(
            f"{on_date:%A %d %B %Y} hasn't happened yet. Check in on the day or afterwards.", "future"
        )
    if on_date < commitment.start:
        raise CheckInRejected(
            f"This commitment starts on {commitment.start:%A %d %B %Y}, after the day you picked.",
            "before_start",
        )
    schedule = commitment.schedule_on(on_date)
    if schedule is None:
        raise CheckInRejected(f"This commitment ended on {commitment.end:%A %d %B %Y}.", "after_end")
    if not schedule.event_driven and not schedule.falls_on(on_date):
        raise CheckInRejected(
            f"This commitment wasn't due on {WEEKDAY_NAMES[on_date.weekday()]} {on_date:%d %B} "
            f"(it was due {schedule.describe()} then).",
            "not_due",
        )
    return on_date


def record_check_in(check_ins: Iterable[CheckIn], new: CheckIn) -> tuple[CheckIn, ...]:
    """Return the check-ins with ``new`` added, replacing any entry for the same commitment and date."""
    return (*(c for c in check_ins if c.key != new.key), new)


def index_check_ins(check_ins: Iterable[CheckIn]) -> dict[str, dict[date, CheckIn]]:
    """Group check-ins by commitment and date. A later duplicate replaces an earlier one."""
    out: dict[str, dict[date, CheckIn]] = {}
    for c in check_ins:
        by_date = out.get(c.commitment_id)
        if by_date is None:
            by_date = out[c.commitment_id] = {}
        by_date[c.on] = c
    return out
