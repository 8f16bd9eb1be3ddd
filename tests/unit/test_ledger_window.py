"""The windowed ledger gives exactly the figures of the full recompute, on generated histories.

The full recompute (``summarize``, ``calendar_series`` and ``occurrences`` over every check-in since
the first day) is the reference. The windowed path carries a stored ``Past`` and reads only the
check-ins after it. Histories come from ``amends.ledger.generate`` with every schedule kind, edits,
end dates and disputes, plus check-ins left on days that are no longer due after an edit; "today"
is fixed, and some are instants around daylight-saving changes turned into the user's date.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from amends.ledger import window
from amends.ledger.checkins import CheckIn, Confirmation, Status, index_check_ins
from amends.ledger.consistency import calendar_series, occurrences, summarize
from amends.ledger.generate import History, generate_history
from amends.ledger.schedule import Schedule, local_date

END = date(2025, 6, 30)


def _with_off_days(h: History, seed: int) -> tuple[CheckIn, ...]:
    """Add check-ins on days that are not due (as if recorded before an edit): they must not count."""
    rng = random.Random(seed)
    taken = {c.key for c in h.check_ins}
    extra = []
    for c in h.commitments:
        for _ in range(6):
            d = c.start + timedelta(days=rng.randrange(0, (END - c.start).days + 1))
            s = c.schedule_on(d)
            if s is not None and not s.event_driven and not s.falls_on(d) and (c.id, d) not in taken:
                extra.append(CheckIn(c.id, d, rng.choice(list(Status)), rng.choice(list(Confirmation))))
    return (*h.check_ins, *extra)


def _reference_unrecorded(h_commitments, check_ins, today):
    index = index_check_ins(check_ins)
    out = []
    for c in h_commitments:
        recs = index.get(c.id, {})
        out += [(d, c.id) for d in occurrences(c, recs, today) if d not in recs]
    out.sort(reverse=True)
    return out


def _windowed(commitments, check_ins, today, *, rebase: bool, near: bool = False):
    """The figures as the web layer computes them: a Past, then only the check-ins after it.

    ``near``: the near Past carried on from the far one with the rows read after it, as load_ledger does."""
    full = index_check_ins(c for c in check_ins if c.on <= today)
    if rebase:  # an older Past moved forward with the rows read after it, as load_ledger does
        first = today - timedelta(days=window.REBASE_AFTER_DAYS + 40)
        past = window.advance(None, commitments, full, first)
        after = index_check_ins(c for c in check_ins if first < c.on <= today)
        past = window.advance(past, commitments, after, today - timedelta(days=window.CLOSE_AFTER_DAYS))
    else:
        past = window.advance(None, commitments, full, today - timedelta(days=window.CLOSE_AFTER_DAYS))
    if near:
        after = index_check_ins(c for c in check_ins if past.through < c.on <= today)
        past = window.advance(past, commitments, after, today - timedelta(days=window.NEAR_CLOSE_AFTER_DAYS))
    assert window.Past.from_json(past.to_json()) == past
    assert past.usable(today, commitments)
    recent = index_check_ins(c for c in check_ins if past.through < c.on <= today)
    return past, recent


HISTORIES = [(seed, days) for seed in range(6) for days in (30, 500, 900)]


@pytest.mark.parametrize(("seed", "days"), HISTORIES)
def test_windowed_figures_equal_the_full_recompute_on_generated_histories(seed: int, days: int) -> None:
    h = generate_history(days=days, commitments=10, seed=seed, today=END)
    check_ins = _with_off_days(h, seed)
    for back in (0, 1, 3, 45, 200):
        today = END - timedelta(days=back)
        ref = summarize(h.commitments, [c for c in check_ins if c.on <= today], today=today)
        for rebase, near in ((False, False), (True, False), (False, True), (True, True)):
            past, recent = _windowed(h.commitments, check_ins, today, rebase=rebase, near=near)
            got = window.summarize_recent(h.commitments, recent, past, today=today)
            assert got == ref, (seed, days, back, rebase, near)
            start = today - timedelta(days=window.HEATMAP_DAYS - 1)
            start -= timedelta(days=start.weekday())
            expected_cells = calendar_series(h.commitments, check_ins, start=start, end=today, today=today)
            cells = window.calendar_cells(h.commitments, recent, past, start=start, end=today, today=today)
            assert cells == expected_cells
            due, total = window.unrecorded(h.commitments, recent, past, today=today)
            ref_due = _reference_unrecorded(h.commitments, check_ins, today)
            assert total == len(ref_due)
            assert sorted(due, reverse=True)[: window.KEEP_UNRECORDED] == ref_due[: window.KEEP_UNRECORDED]


def test_streaks_that_began_before_the_stored_past_carry_on_through_it() -> None:
    # Every day kept for 600 days: the current and best streak are all 600 days, most of them in the Past.
    c = window.Commitment.new("a", "Phone away at dinner", Schedule.daily(), END - timedelta(days=599))
    check_ins = [CheckIn("a", END - timedelta(days=i), Status.KEPT, Confirmation.CONFIRMED) for i in range(600)]
    past, recent = _windowed([c], check_ins, END, rebase=True)
    got = window.summarize_recent([c], recent, past, today=END)
    assert (got.commitments[0].current_streak, got.commitments[0].best_streak) == (600, 600)
    assert (got.overall.current_streak, got.overall.best_streak) == (600, 600)
    assert got == summarize([c], check_ins, today=END)


def test_a_dispute_inside_the_past_shortens_the_best_streak_there() -> None:
    c = window.Commitment.new("a", "Phone away at dinner", Schedule.daily(), END - timedelta(days=599))
    check_ins = [
        CheckIn("a", END - timedelta(days=i), Status.KEPT, Confirmation.DISPUTED if i == 500 else Confirmation.NONE)
        for i in range(600)
    ]
    past, recent = _windowed([c], check_ins, END, rebase=False)
    got = window.summarize_recent([c], recent, past, today=END)
    assert (got.commitments[0].current_streak, got.commitments[0].best_streak) == (500, 500)
    assert got == summarize([c], check_ins, today=END)


@pytest.mark.parametrize(
    ("instant", "tz"),
    [
        (datetime(2025, 3, 30, 0, 30, tzinfo=UTC), "Europe/London"),  # the spring-forward night
        (datetime(2024, 10, 27, 23, 30, tzinfo=UTC), "Europe/London"),  # the day after falling back
        (datetime(2025, 3, 9, 6, 59, tzinfo=UTC), "America/New_York"),  # 01:59 before the clocks jump
        (datetime(2024, 11, 3, 4, 30, tzinfo=UTC), "America/New_York"),  # still 2 November there
        (datetime(2025, 4, 6, 13, 30, tzinfo=UTC), "Pacific/Auckland"),  # 7 April there already
    ],
)
def test_windowed_figures_match_around_daylight_saving_changes(instant: datetime, tz: str) -> None:
    h = generate_history(days=800, commitments=8, seed=11, today=END)
    today = local_date(instant, tz)
    ref = summarize(h.commitments, [c for c in h.check_ins if c.on <= today], today=instant, tz=tz)
    past, recent = _windowed(h.commitments, h.check_ins, today, rebase=True)
    assert window.summarize_recent(h.commitments, recent, past, today=today) == ref


# Ends of the Past on each side of every window's edges (7, 30, 90 days and the 14, 60, 180 before them).
CLOSES = (1, 2, 6, 7, 8, 9, 13, 14, 15, 29, 30, 31, 59, 60, 61, 89, 90, 91, 94, 179, 180, 181, 250)


@pytest.mark.parametrize("seed", range(4))
def test_a_past_ending_anywhere_before_today_gives_the_figures_of_the_full_recompute(seed: int) -> None:
    h = generate_history(days=500, commitments=10, seed=seed, today=END)
    check_ins = _with_off_days(h, seed)
    full = index_check_ins(check_ins)
    ref = summarize(h.commitments, check_ins, today=END)
    start = END - timedelta(days=window.HEATMAP_DAYS - 1)
    ref_cells = calendar_series(h.commitments, check_ins, start=start, end=END, today=END)
    ref_due = _reference_unrecorded(h.commitments, check_ins, END)
    for close in CLOSES:
        past = window.Past.from_json(window.advance(None, h.commitments, full, END - timedelta(days=close)).to_json())
        assert past.usable(END, h.commitments)
        recent = index_check_ins(c for c in check_ins if c.on > past.through)
        assert window.summarize_recent(h.commitments, recent, past, today=END) == ref, close
        assert window.calendar_cells(h.commitments, recent, past, start=start, end=END, today=END) == ref_cells
        due, total = window.unrecorded(h.commitments, recent, past, today=END)
        assert total == len(ref_due)
        assert sorted(due, reverse=True)[: window.KEEP_UNRECORDED] == ref_due[: window.KEEP_UNRECORDED]


def test_a_near_past_carried_on_from_a_far_one_in_steps_gives_the_same_figures() -> None:
    # The far Past moved forward weekly, the near one rebuilt from it and moved forward every few days.
    h = generate_history(days=600, commitments=10, seed=7, today=END)
    check_ins = _with_off_days(h, 7)
    full = index_check_ins(check_ins)
    far = window.advance(None, h.commitments, full, END - timedelta(days=200))
    for today in (END - timedelta(days=back) for back in range(60, -1, -3)):
        if far.through < today - timedelta(days=window.REBASE_AFTER_DAYS):
            after = index_check_ins(c for c in check_ins if far.through < c.on)
            far = window.advance(far, h.commitments, after, today - timedelta(days=window.CLOSE_AFTER_DAYS))
        after = index_check_ins(c for c in check_ins if far.through < c.on)
        near = window.advance(far, h.commitments, after, today - timedelta(days=window.NEAR_CLOSE_AFTER_DAYS))
        later = today + timedelta(days=window.NEAR_REBASE_AFTER_DAYS - window.NEAR_CLOSE_AFTER_DAYS)
        for day in (today, later):  # read on the day it was made, and on the last day it is used
            seen = [c for c in check_ins if c.on <= day]
            recent = index_check_ins(c for c in seen if c.on > near.through)
            assert window.summarize_recent(h.commitments, recent, near, today=day) == summarize(
                h.commitments, seen, today=day
            ), (today, day)


def test_a_past_that_reaches_today_is_not_used() -> None:
    h = generate_history(days=400, commitments=4, seed=3, today=END)
    past = window.advance(None, h.commitments, index_check_ins(h.check_ins), END)
    assert not past.usable(END, h.commitments)
    assert past.usable(END + timedelta(days=1), h.commitments)
    with pytest.raises(ValueError):
        window.summarize_recent(h.commitments, {}, past, today=END)


def test_a_check_in_read_back_from_storage_equals_a_new_one_and_stays_frozen() -> None:
    import dataclasses

    made = CheckIn("a", END, Status.PARTLY, Confirmation.DISPUTED)
    stored = CheckIn.stored("a", END, Status.PARTLY, Confirmation.DISPUTED)
    assert stored == made and hash(stored) == hash(made) and stored.key == made.key
    with pytest.raises(dataclasses.FrozenInstanceError):
        stored.status = Status.KEPT  # type: ignore[misc]


def test_a_commitment_the_past_does_not_know_makes_it_unusable() -> None:
    h = generate_history(days=900, commitments=4, seed=3, today=END)
    past = window.advance(None, h.commitments[:3], index_check_ins(h.check_ins), END - timedelta(days=500))
    assert past.usable(END, h.commitments[:3])
    assert not past.usable(END, h.commitments)
