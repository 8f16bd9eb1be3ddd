"""A deterministic, made-up history for the bench, demos and loading a database.

Everything is plain frozen dataclasses; nothing touches storage. The same ``seed`` always
gives the same history, so benchmarks and screenshots are repeatable.

The questionnaire answers follow the item counts and ranges of: CSI-4 (Funk & Rogge 2007,
4 items, totals 0–21), and amends' own trust and forgiveness check-ins, which are *not
validated scales* (0–10 per item; the trust items borrow the three facets of Rempel,
Holmes & Zanna 1985 plus a "trust today" rating).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from amends.ledger.checkins import CheckIn, Confirmation, Status
from amends.ledger.schedule import Commitment, Schedule, commitment_due_dates

CSI4_MAX = (6, 5, 5, 5)  # item 1 runs 0–6, items 2–4 run 0–5
TRUST_ITEMS = ("predictability", "dependability", "faith", "trust_today")
# The item ids of content/instruments/forgiveness_checkin.yaml; measures owns the wording.
FORGIVENESS_ITEMS = ("hurt_present", "resentment", "goodwill", "decision")
_EASING = frozenset({"hurt_present", "resentment"})  # these fall as the process moves on

_ACTIONS = (
    ("Call if I'll be more than 30 minutes late", Schedule.whenever("I'm running late")),
    ("Put my phone away during dinner", Schedule.daily()),
    ("Plan our Sunday together on Saturday evening", Schedule.weekly(5)),
    ("Tell you about my day before 9 pm", Schedule.daily()),
    ("Go to the counselling session", Schedule.weekly(2)),
    ("Walk together after work", Schedule.weekly(0, 2, 4)),
    ("Tell you the same day when a bill is paid", Schedule.whenever("I pay a shared bill")),
    ("Cook dinner", Schedule.weekly(1, 3)),
    ("Ask how your day went before talking about mine", Schedule.daily()),
    ("Book the weekend away", Schedule.daily()),  # replaced by a once schedule below
)


@dataclass(frozen=True)
class Csi4Answer:
    on: date
    items: tuple[int, int, int, int]

    @property
    def total(self) -> int:
        return sum(self.items)


@dataclass(frozen=True)
class TrustCheckIn:
    """amends' own weekly trust check-in (not a validated scale), each item 0–10."""

    on: date
    predictability: int
    dependability: int
    faith: int
    trust_today: int


@dataclass(frozen=True)
class ForgivenessCheckIn:
    """amends' own weekly forgiveness check-in (not a validated scale), items 0–10 keyed by name."""

    on: date
    items: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class History:
    start: date
    today: date
    commitments: tuple[Commitment, ...]
    check_ins: tuple[CheckIn, ...]
    csi4: tuple[Csi4Answer, ...]
    trust: tuple[TrustCheckIn, ...]
    forgiveness: tuple[ForgivenessCheckIn, ...]


def generate_history(
    days: int = 730,
    commitments: int = 10,
    seed: int = 0,
    *,
    today: date = date(2025, 6, 30),
    all_daily: bool = False,
) -> History:
    """A history of ``days`` days ending ``today``: commitments, check-ins and weekly answers.

    ``all_daily`` makes every commitment daily for its whole life: the worst case the
    bench measures. Otherwise the mix covers every schedule kind, edits and end dates.

    Follow-through drifts upward over time (repair tends to be slow and uneven), about one
    due date in twenty is left unrecorded, and the partner confirms most check-ins.
    """
    rng = random.Random(seed)
    start = today - timedelta(days=days - 1)
    made = tuple(_commitment(i, start, today, days, rng, all_daily) for i in range(commitments))
    check_ins = tuple(c for m in made for c in _check_ins(m, start, today, rng))
    weeks = [start + timedelta(days=7 * w + 6) for w in range(days // 7)]
    return History(
        start,
        today,
        made,
        check_ins,
        tuple(_csi4(d, _progress(d, start, days), rng) for d in weeks),
        tuple(_trust(d, _progress(d, start, days), rng) for d in weeks),
        tuple(_forgiveness(d, _progress(d, start, days), rng) for d in weeks),
    )


def _commitment(i: int, start: date, today: date, days: int, rng: random.Random, all_daily: bool) -> Commitment:
    text, schedule = _ACTIONS[i % len(_ACTIONS)]
    if all_daily:
        return Commitment.new(f"c{i + 1}", text, Schedule.daily(), start)
    begin = start + timedelta(days=rng.randrange(0, max(1, days // 10)))
    if i % len(_ACTIONS) == 9:
        schedule = Schedule.once(begin + timedelta(days=14))
    c = Commitment.new(f"c{i + 1}", text, schedule, begin)
    if i % 4 == 2:  # some commitments get stricter mid-way: weekly becomes daily
        c = c.edit(Schedule.daily(), begin + timedelta(days=days // 2))
    if i % 5 == 4:
        c = Commitment(c.id, c.text, c.versions, end=today - timedelta(days=days // 5))
    return c


def _progress(d: date, start: date, days: int) -> float:
    return (d - start).days / max(1, days - 1)


def _check_ins(c: Commitment, start: date, today: date, rng: random.Random) -> list[CheckIn]:
    days = (today - start).days + 1
    out = []
    for d in _candidate_days(c, today, rng):
        if rng.random() < 0.05:
            continue  # left unrecorded: shows up as overdue
        p = 0.55 + 0.35 * _progress(d, start, days)
        roll = rng.random()
        status = Status.KEPT if roll < p else Status.PARTLY if roll < p + 0.1 else Status.MISSED
        out.append(CheckIn(c.id, d, status, _confirmation(status, rng)))
    return out


def _candidate_days(c: Commitment, today: date, rng: random.Random) -> list[date]:
    fixed = commitment_due_dates(c, today=today)
    events = []
    d = c.start
    while d <= min(today, c.end or today):
        schedule = c.schedule_on(d)
        if schedule is not None and schedule.event_driven and rng.random() < 0.3:
            events.append(d)
        d += timedelta(days=1)
    return sorted(fixed + events)


def _confirmation(status: Status, rng: random.Random) -> Confirmation:
    roll = rng.random()
    if roll < 0.15:
        return Confirmation.NONE
    disputed = 0.12 if status is Status.KEPT else 0.03
    return Confirmation.DISPUTED if roll < 0.15 + disputed else Confirmation.CONFIRMED


def _score(top: int, progress: float, rng: random.Random) -> int:
    mean = top * (0.35 + 0.45 * progress)
    return max(0, min(top, round(rng.gauss(mean, top * 0.12))))


def _csi4(d: date, progress: float, rng: random.Random) -> Csi4Answer:
    a, b, c, e = (_score(top, progress, rng) for top in CSI4_MAX)
    return Csi4Answer(d, (a, b, c, e))


def _trust(d: date, progress: float, rng: random.Random) -> TrustCheckIn:
    # Faith lags the other facets: it rests on the future, which a record cannot show yet.
    p, dep, today = (_score(10, progress, rng) for _ in range(3))
    return TrustCheckIn(d, p, dep, _score(10, progress * 0.8, rng), today)


def _forgiveness(d: date, progress: float, rng: random.Random) -> ForgivenessCheckIn:
    answers = tuple(
        (k, 10 - _score(10, progress, rng) if k in _EASING else _score(10, progress, rng)) for k in FORGIVENESS_ITEMS
    )
    return ForgivenessCheckIn(d, answers)
