"""Consistency from hand-made histories. Every expected number is worked out in the comments."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from amends.ledger.consistency import (
    CheckIn,
    CheckInRejected,
    Confirmation,
    DayState,
    Status,
    Trend,
    calendar_series,
    record_check_in,
    summarize,
    validate_check_in,
)
from amends.ledger.schedule import Commitment, Schedule

K, P, M = Status.KEPT, Status.PARTLY, Status.MISSED
YES, NO, NONE = Confirmation.CONFIRMED, Confirmation.DISPUTED, Confirmation.NONE
TODAY = date(2024, 3, 20)  # a Wednesday


def d(day: int, month: int = 3) -> date:
    return date(2024, month, day)


# Commitment "a": daily from 7 March. 15 March is left unrecorded (overdue) and today,
# 20 March, is not recorded yet (pending).
A = Commitment.new("a", "Phone away at dinner", Schedule.daily(), d(7))
A_LOG = [
    (7, K, YES), (8, K, YES), (9, M, NONE), (10, K, NONE), (11, P, YES), (12, K, YES), (13, K, NO),
    (14, K, YES), (16, K, YES), (17, K, YES), (18, P, NONE), (19, K, YES),
]  # fmt: skip
# Commitment "b": Mondays and Thursdays from 4 March; due 4, 7, 11, 14, 18 March, all kept.
# The 12 March entry is on a Tuesday, not a due day, and must be ignored.
B = Commitment.new("b", "Walk after work", Schedule.weekly(0, 3), d(4))
B_LOG = [(4, K, YES), (7, K, YES), (11, K, YES), (12, M, NONE), (14, K, NONE), (18, K, YES)]


def log(cid: str, rows: list[tuple[int, Status, Confirmation]]) -> list[CheckIn]:
    return [CheckIn(cid, d(day), status, conf) for day, status, conf in rows]


CHECK_INS = log("a", A_LOG) + log("b", B_LOG)


@pytest.fixture(scope="module")
def summary():
    return summarize([A, B], CHECK_INS, today=TODAY)


def test_last_7_days_counts_overdue_and_pending_apart_from_recorded(summary):
    w = summary.for_commitment("a").window(7)  # 14–20 March
    assert (w.start, w.end) == (d(14), d(20))
    assert (w.due, w.recorded, w.overdue, w.pending) == (7, 5, 1, 1)
    assert (w.kept, w.partly, w.missed, w.disputed) == (4, 1, 0, 0)
    assert w.kept_ratio == pytest.approx(4.5 / 5)  # kept 14,16,17,19 + half of 18
    assert w.recorded_ratio == pytest.approx(5 / 6)  # today is pending, not unrecorded
    assert w.confirmed_kept_ratio == pytest.approx(4 / 5)


def test_seven_day_trend_improves_from_0_79_to_0_90(summary):
    # Previous 7 days (7–13 March): 5 kept, 1 partly, 1 missed -> 5.5 / 7 = 0.786.
    # Recent 0.900 - 0.786 = +0.114, above the 0.10 threshold.
    assert summary.for_commitment("a").window(7).trend is Trend.IMPROVING


def test_thirty_day_window_covers_the_whole_history_without_a_previous_window(summary):
    w = summary.for_commitment("a").window(30)
    assert (w.due, w.recorded, w.overdue, w.pending) == (14, 12, 1, 1)
    assert (w.kept, w.partly, w.missed, w.disputed) == (9, 2, 1, 1)
    assert w.kept_ratio == pytest.approx(10 / 12)
    assert w.confirmed_kept_ratio == pytest.approx(7 / 12)  # 7, 8, 12, 14, 16, 17, 19
    assert w.trend is Trend.NOT_ENOUGH_DATA


def test_streaks_break_on_missed_partly_disputed_and_overdue_but_not_on_today(summary):
    # K K M K P K K* K _ K K P K (today open): * = disputed, _ = overdue.
    a = summary.for_commitment("a")
    assert (a.current_streak, a.best_streak) == (1, 2)


def test_check_in_on_a_day_that_is_not_due_is_ignored(summary):
    b = summary.for_commitment("b")
    assert b.window(30).due == 5 and b.window(30).missed == 0
    assert (b.current_streak, b.best_streak) == (5, 5)


def test_overall_window_adds_up_both_commitments(summary):
    w = summary.overall.window(7)  # a's week plus b on 14 and 18 March
    assert (w.due, w.recorded, w.overdue, w.pending, w.kept, w.partly) == (9, 7, 1, 1, 6, 1)
    assert w.kept_ratio == pytest.approx(6.5 / 7)
    assert w.confirmed_kept_ratio == pytest.approx(5 / 7)  # b's 14 March has no answer yet


def test_overall_streak_counts_days_when_everything_due_was_kept(summary):
    # Good days 4, 7, 8 | bad 9 | 10 | bad 11 | 12 | bad 13 | 14 | bad 15 | 16, 17 | bad 18 | 19.
    assert summary.overall.streak_unit == "days"
    assert (summary.overall.current_streak, summary.overall.best_streak) == (1, 3)


def test_heatmap_shows_the_most_serious_state_of_each_day():
    series = dict(calendar_series([A, B], CHECK_INS, start=d(3), end=d(21), today=TODAY))
    expected = {
        3: "not_due", 4: "kept", 5: "not_due", 6: "not_due", 7: "kept", 8: "kept", 9: "missed",
        10: "kept", 11: "partly", 12: "kept", 13: "disputed", 14: "kept", 15: "overdue", 16: "kept",
        17: "kept", 18: "partly", 19: "kept", 20: "pending", 21: "not_due",
    }  # fmt: skip
    assert {k.day: v.value for k, v in series.items()} == expected


def test_heatmap_for_one_commitment_uses_only_its_own_days():
    series = calendar_series([B], CHECK_INS, start=d(11), end=d(13), today=TODAY)
    assert [s for _, s in series] == [DayState.KEPT, DayState.NOT_DUE, DayState.NOT_DUE]


def _week_log(cid: str, start: date, statuses: str) -> list[CheckIn]:
    codes = {"k": K, "p": P, "m": M}
    return [CheckIn(cid, start + timedelta(days=i), codes[s], YES) for i, s in enumerate(statuses) if s != "_"]


@pytest.mark.parametrize(
    ("previous", "recent", "trend"),
    [
        ("kkkkkkk", "kkkkkmm", Trend.SLIPPING),  # 1.00 -> 0.71
        ("kkkkkkm", "kkkkkkm", Trend.STEADY),  # 0.86 -> 0.86
        ("kkkkkmp", "kkkkkkp", Trend.IMPROVING),  # 5.5/7 = 0.79 -> 6.5/7 = 0.93
        ("kkkkkkp", "kkkkkpp", Trend.STEADY),  # 0.93 -> 0.86: -0.07 is within the band
        ("kkkkkkk", "kk__kk_", Trend.NOT_ENOUGH_DATA),  # only 4 recorded recently
        ("k_____k", "kkkkkkk", Trend.NOT_ENOUGH_DATA),  # previous week mostly unrecorded
        ("kkkkkkk", "kkkkk__", Trend.STEADY),  # 5 recorded of 6 past days is enough; today is open
    ],
)
def test_seven_day_trend_rules(previous, recent, trend):
    c = Commitment.new("t", "x", Schedule.daily(), d(1))
    logs = _week_log("t", d(1), previous) + _week_log("t", d(8), recent)
    assert summarize([c], logs, today=d(14)).for_commitment("t").window(7).trend is trend


def test_whenever_commitment_counts_only_recorded_events_and_is_never_overdue():
    c = Commitment.new("w", "Call if I'm late", Schedule.whenever("I'm running late"), d(1))
    logs = [CheckIn("w", d(5), K, YES), CheckIn("w", d(12), M, NONE)]
    w = summarize([c], logs, today=TODAY).for_commitment("w").window(30)
    assert (w.due, w.recorded, w.overdue, w.kept_ratio) == (2, 2, 0, 0.5)


def test_empty_window_has_no_ratios_rather_than_zero():
    c = Commitment.new("e", "x", Schedule.once(d(25)), d(1))
    w = summarize([c], [], today=TODAY).for_commitment("e").window(7)
    assert (w.due, w.kept_ratio, w.recorded_ratio, w.confirmed_kept_ratio) == (0, None, None, None)


def test_recording_the_same_date_twice_replaces_the_first_entry():
    first = CheckIn("a", d(19), M)
    second = CheckIn("a", d(19), K, YES)
    stored = record_check_in(record_check_in([], first), second)
    assert stored == (second,)
    w = summarize([A], [*CHECK_INS, first, second], today=TODAY).for_commitment("a").window(7)
    assert w.recorded == 5 and w.kept == 4  # 19 March counted once, as kept


def test_future_check_in_is_rejected_with_a_clear_message():
    with pytest.raises(CheckInRejected, match="hasn't happened yet") as err:
        validate_check_in(A, d(21), TODAY)
    assert err.value.code == "future"


def test_check_in_before_start_after_end_or_on_an_off_day_is_rejected():
    ended = Commitment.new("x", "x", Schedule.weekly(0), d(4), end=d(11))
    for day, code in [(d(1), "before_start"), (d(18), "after_end"), (d(5), "not_due")]:
        with pytest.raises(CheckInRejected) as err:
            validate_check_in(ended, day, TODAY)
        assert err.value.code == code
    assert validate_check_in(ended, d(11), TODAY) == d(11)


def test_auckland_user_may_check_in_for_a_date_that_is_tomorrow_in_utc():
    now = datetime(2024, 4, 6, 12, 0, tzinfo=UTC)  # 7 April, 01:00 in Auckland
    c = Commitment.new("nz", "x", Schedule.daily(), d(1, 4))
    assert validate_check_in(c, d(7, 4), now, tz="Pacific/Auckland") == d(7, 4)
    with pytest.raises(CheckInRejected):
        validate_check_in(c, d(7, 4), now, tz="UTC")


def test_edited_commitment_rejects_a_check_in_on_an_old_off_day():
    c = Commitment.new("e", "x", Schedule.weekly(0), d(4)).edit(Schedule.daily(), d(13))
    with pytest.raises(CheckInRejected, match="every Monday"):
        validate_check_in(c, d(12), TODAY)
    assert validate_check_in(c, d(14), TODAY) == d(14)


def test_summary_serialises_to_plain_json(summary):
    import json

    data = json.loads(json.dumps(summary.to_dict()))
    assert data["commitments"][0]["windows"]["7"]["trend"] == "improving"
    assert data["overall"]["commitment_id"] == "*"
