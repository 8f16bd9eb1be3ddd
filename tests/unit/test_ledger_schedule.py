"""Schedules and due dates: calendar days in the user's zone, edits that keep history."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from amends.ledger.errors import ScheduleError
from amends.ledger.schedule import Commitment, Schedule, commitment_due_dates, due_dates, local_date

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def test_daily_schedule_is_due_every_day_through_today():
    got = due_dates(Schedule.daily(), date(2024, 3, 1), None, today=date(2024, 3, 5))
    assert got == days(date(2024, 3, 1), date(2024, 3, 5))


def test_weekly_schedule_is_due_only_on_its_weekdays():
    got = due_dates(Schedule.weekly(MON, THU), date(2024, 3, 4), None, today=date(2024, 3, 18))
    assert got == [
        date(2024, 3, 4),
        date(2024, 3, 7),
        date(2024, 3, 11),
        date(2024, 3, 14),
        date(2024, 3, 18),
    ]


def test_weekly_schedule_needs_at_least_one_weekday():
    with pytest.raises(ScheduleError, match="at least one day"):
        Schedule.weekly()


def test_once_schedule_is_due_on_its_date_and_not_before_it_arrives():
    once = Schedule.once(date(2024, 3, 10))
    assert due_dates(once, date(2024, 3, 1), None, today=date(2024, 3, 20)) == [date(2024, 3, 10)]
    assert due_dates(once, date(2024, 3, 1), None, today=date(2024, 3, 5)) == []
    assert due_dates(once, date(2024, 3, 1), None, today=date(2024, 3, 5), horizon_days=5) == [date(2024, 3, 10)]


def test_whenever_schedule_has_no_fixed_due_dates():
    got = due_dates(Schedule.whenever("I'm running late"), date(2024, 3, 1), None, today=date(2024, 3, 20))
    assert got == []


def test_end_date_stops_due_dates():
    got = due_dates(Schedule.daily(), date(2024, 3, 1), date(2024, 3, 5), today=date(2024, 3, 20))
    assert got == days(date(2024, 3, 1), date(2024, 3, 5))


def test_a_week_with_the_london_clock_change_has_seven_daily_occurrences():
    # 31 March 2024: clocks go forward in the UK, so that day lasts 23 hours.
    got = due_dates(Schedule.daily(), date(2024, 3, 25), None, today=date(2024, 3, 31), tz="Europe/London")
    assert len(got) == 7 and got[-1] == date(2024, 3, 31)


def test_london_today_after_2330_utc_in_summer_time_is_the_next_day():
    late = datetime(2024, 3, 31, 23, 30, tzinfo=UTC)  # 00:30 BST on 1 April
    assert local_date(late, "Europe/London") == date(2024, 4, 1)
    got = due_dates(Schedule.daily(), date(2024, 3, 25), None, today=late, tz="Europe/London")
    assert len(got) == 8


def test_new_york_fall_back_week_keeps_every_sunday_once():
    # 3 November 2024 is the 25-hour day in New York.
    got = due_dates(Schedule.weekly(SUN), date(2024, 10, 20), None, today=date(2024, 11, 17), tz="America/New_York")
    assert got == [
        date(2024, 10, 20),
        date(2024, 10, 27),
        date(2024, 11, 3),
        date(2024, 11, 10),
        date(2024, 11, 17),
    ]


def test_new_york_local_date_follows_the_offset_in_force_at_that_instant():
    before = datetime(2024, 11, 3, 3, 30, tzinfo=UTC)  # 23:30 EDT on 2 November
    after = datetime(2024, 11, 4, 3, 30, tzinfo=UTC)  # 22:30 EST on 3 November
    assert local_date(before, "America/New_York") == date(2024, 11, 2)
    assert local_date(after, "America/New_York") == date(2024, 11, 3)


def test_auckland_user_is_a_day_ahead_of_utc_and_keeps_the_dst_end_day():
    now = datetime(2024, 4, 6, 12, 0, tzinfo=UTC)  # 01:00 NZDT on 7 April, the 25-hour day
    got = due_dates(Schedule.daily(), date(2024, 4, 1), None, today=now, tz="Pacific/Auckland")
    assert got == days(date(2024, 4, 1), date(2024, 4, 7))
    assert due_dates(Schedule.daily(), date(2024, 4, 1), None, today=now, tz="UTC")[-1] == date(2024, 4, 6)


def test_naive_datetime_is_refused():
    with pytest.raises(ScheduleError, match="time zone"):
        local_date(datetime(2024, 4, 6, 12, 0), "UTC")


def test_commitment_edited_from_weekly_to_daily_keeps_the_weekly_past():
    c = Commitment.new("c", "Walk together", Schedule.weekly(MON), date(2024, 3, 4))
    c = c.edit(Schedule.daily(), date(2024, 3, 13))
    got = commitment_due_dates(c, today=date(2024, 3, 16))
    assert got == [date(2024, 3, 4), date(2024, 3, 11), *days(date(2024, 3, 13), date(2024, 3, 16))]
    assert c.schedule_on(date(2024, 3, 12)) == Schedule.weekly(MON)
    assert c.schedule == Schedule.daily()


def test_editing_twice_on_the_same_day_replaces_that_days_edit():
    c = Commitment.new("c", "x", Schedule.daily(), date(2024, 3, 1))
    c = c.edit(Schedule.weekly(MON), date(2024, 3, 10)).edit(Schedule.weekly(FRI), date(2024, 3, 10))
    assert [v.schedule for v in c.versions] == [Schedule.daily(), Schedule.weekly(FRI)]


def test_backdating_an_edit_before_the_last_one_is_refused():
    c = Commitment.new("c", "x", Schedule.daily(), date(2024, 3, 1)).edit(Schedule.weekly(MON), date(2024, 3, 10))
    with pytest.raises(ScheduleError) as err:
        c.edit(Schedule.daily(), date(2024, 3, 5))
    assert err.value.code == "edit_backdated"


def test_daily_then_whenever_then_once_versions_each_govern_their_own_days():
    c = Commitment.new("c", "x", Schedule.daily(), date(2024, 3, 1))
    c = c.edit(Schedule.whenever("we argue"), date(2024, 3, 4)).edit(
        Schedule.once(date(2024, 3, 12)), date(2024, 3, 10)
    )
    assert commitment_due_dates(c, today=date(2024, 3, 20)) == [
        *days(date(2024, 3, 1), date(2024, 3, 3)),
        date(2024, 3, 12),
    ]


def test_end_before_start_is_refused():
    with pytest.raises(ScheduleError):
        Commitment.new("c", "x", Schedule.daily(), date(2024, 3, 5), end=date(2024, 3, 1))
