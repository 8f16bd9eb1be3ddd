"""The ledger from recent check-ins plus a stored summary of the closed past. Pure Python.

What the pages show reaches back a bounded time: the 7-, 30- and 90-day windows with the
windows before them (180 days), the heatmap's year, and the due list's newest entries. Only
the streaks (current and best) and the count of unrecorded days depend on the whole history.
So the history is cut at a date ``through`` before today:

* ``Past`` holds, for everything on or before ``through``, exactly what the figures need: each
  commitment's streak state (the run it ends on and the best run), the day streak's state, the
  unrecorded due days (how many, and the newest ``KEEP_UNRECORDED``), the heatmap's cells for
  the ``HEATMAP_DAYS`` days up to ``through``, and one letter a day per commitment for the
  ``CODE_DAYS`` days up to it (the windows' days on or before ``through``). Every occurrence on
  or before ``through`` is closed (recorded or overdue) because ``through`` is before today, so
  nothing in it changes as time passes; only a write dated on or before ``through`` does.
* ``summarize_recent``, ``calendar_cells`` and ``unrecorded`` carry on from a ``Past`` with the
  check-ins after ``through`` and give the same figures as ``consistency.summarize`` and
  ``consistency.calendar_series`` over the whole history (tests/unit/test_ledger_window.py
  compares them on generated histories with DST changes, edited schedules and disputes).
* The web layer keeps two: a *far* Past ``CLOSE_AFTER_DAYS`` back, which few writes reach, and a
  *near* one ``NEAR_CLOSE_AFTER_DAYS`` back carried on from it, so a page reads a week or two of
  check-ins; a write that reaches the near one costs one rebuild from the far one.

Check-ins arrive as an index ``{commitment id: {date: CheckIn}}`` built once by the caller.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from amends.ledger.checkins import CheckIn, Confirmation, Status
from amends.ledger.consistency import (
    _BY_SEVERITY,
    WINDOWS,
    CommitmentConsistency,
    DayState,
    LedgerSummary,
    _day_streaks,
    _event_day,
    _rank,
    _stats,
    _streaks,
    _Tally,
    _window_tallies,
)
from amends.ledger.schedule import Commitment, Kind, due_dates

Index = Mapping[str, Mapping[date, CheckIn]]

HEATMAP_DAYS = 7 * 53 + 6  # 53 weeks back from today, started on a Monday: kept in the Past as cells
LOOKBACK_DAYS = max(WINDOWS) + 1  # the current windows
CODE_DAYS = 2 * max(WINDOWS)  # per-day codes kept in the Past: the current windows and the ones before them
CLOSE_AFTER_DAYS = LOOKBACK_DAYS + 3  # a new far Past ends this many days before today
REBASE_AFTER_DAYS = CLOSE_AFTER_DAYS + 7  # then moved forward: one small write a week
# The near Past: writes dated in the last week never reach it (the due list and confirmations are
# mostly about the last few days); pages read 9 to 14 days of check-ins after it.
NEAR_CLOSE_AFTER_DAYS = 9
NEAR_REBASE_AFTER_DAYS = NEAR_CLOSE_AFTER_DAYS + 5
KEEP_UNRECORDED = 60  # the due list shows at most this many unrecorded days


@dataclass(frozen=True)
class Past:
    """The closed history up to ``through`` inclusive, as the figures need it."""

    through: date
    streaks: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # id -> (run, best)
    day_streak: tuple[int, int] = (0, 0)
    unrecorded: Mapping[str, tuple[int, tuple[date, ...]]] = field(default_factory=dict)  # id -> (count, newest)
    cells: str = ""  # heatmap severity per day up to ``through``, one digit a day, at most HEATMAP_DAYS
    codes: Mapping[str, str] = field(default_factory=dict)  # id -> one letter a day up to ``through`` (_CODE)

    def cell(self, day: date) -> int:
        i = len(self.cells) - 1 - (self.through - day).days
        if not 0 <= i < len(self.cells) or day > self.through:
            raise ValueError(f"the stored heatmap does not reach {day}")
        return int(self.cells[i])

    def usable(self, today: date, commitments: Sequence[Commitment]) -> bool:
        """Whether the figures for ``today`` may carry on from here: every day up to ``through`` is
        closed (before today) and every commitment that started by then is in it."""
        return self.through < today and all(c.id in self.streaks or c.start > self.through for c in commitments)

    def to_json(self) -> dict[str, Any]:
        return {
            "through": self.through.isoformat(),
            "streaks": {k: list(v) for k, v in self.streaks.items()},
            "day_streak": list(self.day_streak),
            "unrecorded": {k: [n, [d.isoformat() for d in days]] for k, (n, days) in self.unrecorded.items()},
            "cells": self.cells,
            "codes": dict(self.codes),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Past:
        run, best = data["day_streak"]
        return cls(
            date.fromisoformat(data["through"]),
            {k: (int(v[0]), int(v[1])) for k, v in data["streaks"].items()},
            (int(run), int(best)),
            {k: (int(n), tuple(date.fromisoformat(d) for d in days)) for k, (n, days) in data["unrecorded"].items()},
            str(data["cells"]),
            {k: str(v) for k, v in data["codes"].items()},
        )


def occurrences_between(commitment: Commitment, recs: Mapping[date, CheckIn], lo: date, hi: date) -> list[date]:
    """``consistency.occurrences(commitment, recs, hi)`` limited to ``lo``..``hi``, without the days before."""
    start = max(commitment.start, lo)
    if start > hi:
        return []
    days = due_dates(commitment.versions, start, commitment.end, today=hi)
    if any(v.schedule.kind is Kind.WHENEVER for v in commitment.versions):
        events = [d for d in recs if start <= d <= hi and _event_day(commitment, d)]
        if events:
            days = sorted(days + events)
    return days


def _is_closed(d: date, recs: Mapping[date, CheckIn], today: date) -> bool:
    return d < today or d in recs


def advance(past: Past | None, commitments: Sequence[Commitment], index: Index, through: date) -> Past:
    """The Past up to ``through``, carried on from ``past`` with the check-ins after ``past.through``.

    ``past`` None starts from nothing (``index`` then holds the whole history). ``through`` must be
    before today, so that every occurrence up to it is closed.
    """
    lo = past.through + timedelta(days=1) if past is not None else date.min
    after = through + timedelta(days=1)  # the "today" for which every occurrence up to through is closed
    streaks: dict[str, tuple[int, int]] = {}
    unrecorded: dict[str, tuple[int, tuple[date, ...]]] = {}
    codes: dict[str, str] = {}
    closed: set[date] = set()
    broken: set[date] = set()
    worst: dict[date, int] = {}
    for c in commitments:
        recs = index.get(c.id, {})
        occ = occurrences_between(c, recs, lo, through) if through >= lo else []
        _worst_into(worst, occ, recs, after)
        run, best = past.streaks.get(c.id, (0, 0)) if past is not None else (0, 0)
        run, best, breaks = _streaks(occ, recs, after, run, best)
        streaks[c.id] = (run, best)
        closed.update(occ)
        broken.update(breaks)
        count, newest = past.unrecorded.get(c.id, (0, ())) if past is not None else (0, ())
        missing = [d for d in occ if d not in recs]
        unrecorded[c.id] = (count + len(missing), (*newest, *missing)[-KEEP_UNRECORDED:])
        first = max(lo, through - timedelta(days=CODE_DAYS - 1))
        due = set(occ)
        fresh = "".join(_code(recs.get(d), d in due) for d in _days(first, through)) if first <= through else ""
        old = past.codes.get(c.id, "") if past is not None else ""
        gap = "n" * max(0, (first - lo).days) if past is not None else ""
        codes[c.id] = (old + gap + fresh)[-CODE_DAYS:] if past is not None else fresh
    day_streak = _day_streaks(closed, broken, *(past.day_streak if past is not None else (0, 0)))
    if past is not None and through <= past.through:
        return past
    first = max(lo, through - timedelta(days=HEATMAP_DAYS - 1))
    new_cells = "".join(str(worst.get(d, 0)) for d in _days(first, through))
    gap = "0" * max(0, (first - lo).days) if past is not None else ""  # days older than a year: never shown
    cells = ((past.cells if past is not None else "") + gap + new_cells)[-HEATMAP_DAYS:]
    return Past(through, streaks, day_streak, unrecorded, cells, codes)


# One letter per day of a commitment in the Past: not due, due and unrecorded (overdue, since the Past
# is before today), or recorded with its status and the partner's verdict.
_CODE = {(s, v): chr(ord("a") + 3 * i + j) for i, s in enumerate(Status) for j, v in enumerate(Confirmation)}
_NOT_DUE, _OVERDUE = "n", "o"
_DECODE = {code: key for key, code in _CODE.items()}


def _code(c: CheckIn | None, due: bool) -> str:
    if not due:
        return _NOT_DUE
    return _OVERDUE if c is None else _CODE[(c.status, c.confirmation)]


def _tally_codes(t: _Tally, codes: str) -> None:
    """``_Tally.add`` for days kept as codes: each one before today, so an unrecorded one is overdue."""
    for ch, n in Counter(codes).items():  # counted in C: pages tally up to 180 days per commitment and window
        if ch == _NOT_DUE:
            continue
        t.due += n
        if ch == _OVERDUE:
            t.overdue += n
            continue
        status, verdict = _DECODE[ch]
        t.recorded += n
        if status is Status.KEPT:
            t.kept += n
            if verdict is Confirmation.CONFIRMED:
                t.ck += n
        elif status is Status.PARTLY:
            t.partly += n
        else:
            t.missed += n
        if verdict is Confirmation.DISPUTED:
            t.disputed += n


def _tallies(
    c: Commitment, occ: list[date], recs: Mapping[date, CheckIn], past: Past, today: date, days: int
) -> tuple[_Tally, _Tally]:
    """``consistency._window_tallies``, with the days up to ``past.through`` taken from its codes."""
    recent, previous = _window_tallies(occ, recs, today, days)  # occ starts after past.through
    prev_start = today - timedelta(days=2 * days - 1)
    if prev_start <= past.through:
        codes = past.codes.get(c.id, "")
        last = len(codes) - 1  # the index of past.through
        first = last - (past.through - prev_start).days
        if first < 0 and c.start <= prev_start:
            raise ValueError(f"the stored codes of {c.id} do not reach {prev_start}")
        mid = max(0, last - (past.through - today).days - days + 1)  # the current window's first day
        _tally_codes(previous, codes[max(0, first) : mid])
        _tally_codes(recent, codes[mid:])
    return recent, previous


def _days(first: date, last: date) -> list[date]:
    fromordinal = date.fromordinal
    return [fromordinal(o) for o in range(first.toordinal(), last.toordinal() + 1)]


def _worst_into(worst: dict[date, int], occ: Sequence[date], recs: Mapping[date, CheckIn], today: date) -> None:
    for d in occ:
        rank = _rank(recs.get(d), d, today)
        if rank > worst.get(d, 0):
            worst[d] = rank


def summarize_recent(
    commitments: Sequence[Commitment], index: Index, past: Past, *, today: date, windows: Sequence[int] = WINDOWS
) -> LedgerSummary:
    """``consistency.summarize`` for ``today``, reading only the check-ins after ``past.through``."""
    if past.through >= today:
        raise ValueError("the past must end before today")
    lo = past.through + timedelta(days=1)
    totals = {n: (_Tally(), _Tally()) for n in windows}
    closed: set[date] = set()
    broken: set[date] = set()
    per = []
    for c in commitments:
        recs = index.get(c.id, {})
        occ = occurrences_between(c, recs, lo, today)
        current, best, breaks = _streaks(occ, recs, today, *past.streaks.get(c.id, (0, 0)))
        closed.update(d for d in occ if _is_closed(d, recs, today))
        broken.update(breaks)
        stats = []
        for n in windows:
            recent, previous = _tallies(c, occ, recs, past, today, n)
            totals[n][0].merge(recent)
            totals[n][1].merge(previous)
            stats.append(_stats(recent, previous, today, n))
        per.append(CommitmentConsistency(c.id, tuple(stats), current, best, "occurrences"))
    current, best = _day_streaks(closed, broken, *past.day_streak)
    overall = tuple(_stats(*totals[n], today, n) for n in windows)
    return LedgerSummary(today, tuple(per), CommitmentConsistency("*", overall, current, best, "days"))


def calendar_cells(
    commitments: Sequence[Commitment], index: Index, past: Past, *, start: date, end: date, today: date
) -> list[tuple[date, DayState]]:
    """``consistency.calendar_series``: days up to ``past.through`` from its stored cells, the rest from ``index``."""
    worst: dict[date, int] = {}
    lo = max(start, past.through + timedelta(days=1))
    for c in commitments:
        recs = index.get(c.id, {})
        _worst_into(worst, occurrences_between(c, recs, lo, min(today, end)), recs, today)
    return [(d, _BY_SEVERITY[past.cell(d) if d <= past.through else worst.get(d, 0)]) for d in _days(start, end)]


def unrecorded(
    commitments: Sequence[Commitment], index: Index, past: Past, *, today: date
) -> tuple[list[tuple[date, str]], int]:
    """Unrecorded occurrences through today as (day, commitment id), newest first (at most
    ``KEEP_UNRECORDED`` of them from the past), and how many there are in all."""
    lo = past.through + timedelta(days=1)
    out: list[tuple[date, str]] = []
    total = 0
    for c in commitments:
        recs = index.get(c.id, {})
        count, newest = past.unrecorded.get(c.id, (0, ()))
        recent = [d for d in occurrences_between(c, recs, lo, today) if d not in recs]
        total += count + len(recent)
        out.extend((d, c.id) for d in (*newest, *recent))
    return out, total
