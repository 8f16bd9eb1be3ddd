"""The calendar feed's RFC 5545 text and the quiet-hours rule: pure, no database."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from amends.services.reminders import in_quiet_hours
from amends.web.reminders.ics import AllDayEvent, calendar

STAMP = datetime(2026, 3, 2, 12, 0, 30, tzinfo=UTC)


def _ics(*events: AllDayEvent, stamp: datetime = STAMP) -> bytes:
    return calendar(events, name="amends", stamp=stamp)


def _unfold(body: bytes) -> list[str]:
    return body.decode().replace("\r\n ", "").split("\r\n")


def test_every_line_ends_with_crlf_and_no_bare_newline_is_left() -> None:
    body = _ics(AllDayEvent("a@amends", date(2026, 3, 2), "amends: something is waiting for you"))
    assert body.endswith(b"\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")


def test_long_lines_are_folded_at_75_octets_and_unfold_to_the_original() -> None:
    text = "é" * 120  # two octets each: folding counts octets, not characters
    body = _ics(AllDayEvent("a@amends", date(2026, 3, 2), "s", text))
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    assert f"DESCRIPTION:{text}" in _unfold(body)


def test_text_values_escape_commas_semicolons_backslashes_and_newlines() -> None:
    body = _ics(AllDayEvent("a@amends", date(2026, 3, 2), "s", "a, b; c\\ d\ne"))
    assert "DESCRIPTION:a\\, b\\; c\\\\ d\\ne" in _unfold(body)


def test_an_event_has_uid_dtstamp_in_utc_and_an_all_day_date() -> None:
    local_stamp = STAMP.astimezone(timezone(timedelta(hours=5)))
    lines = _unfold(_ics(AllDayEvent("abc@amends", date(2026, 3, 2), "s"), stamp=local_stamp))
    assert "UID:abc@amends" in lines
    assert "DTSTAMP:20260302T120030Z" in lines
    assert "DTSTART;VALUE=DATE:20260302" in lines
    assert "DTEND;VALUE=DATE:20260303" in lines


def test_the_calendar_carries_version_prodid_and_one_vevent_per_event() -> None:
    lines = _unfold(_ics(AllDayEvent("1@a", date(2026, 3, 2), "s"), AllDayEvent("2@a", date(2026, 3, 3), "s")))
    assert lines[0] == "BEGIN:VCALENDAR" and "VERSION:2.0" in lines
    assert any(line.startswith("PRODID:") for line in lines)
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in lines
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 2


def test_an_empty_calendar_is_still_a_valid_calendar() -> None:
    lines = _unfold(_ics())
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and "BEGIN:VEVENT" not in lines


@pytest.mark.parametrize(
    ("now", "start", "end", "quiet"),
    [
        (time(23, 0), time(22, 0), time(7, 0), True),  # past midnight: late evening
        (time(6, 59), time(22, 0), time(7, 0), True),  # past midnight: early morning
        (time(7, 0), time(22, 0), time(7, 0), False),  # the end itself is no longer quiet
        (time(12, 0), time(22, 0), time(7, 0), False),
        (time(13, 0), time(12, 0), time(14, 0), True),  # a span within one day
        (time(14, 0), time(12, 0), time(14, 0), False),
        (time(3, 0), None, None, False),  # no quiet hours chosen
    ],
)
def test_quiet_hours_cover_their_span_including_ones_that_run_past_midnight(
    now: time, start: time | None, end: time | None, quiet: bool
) -> None:
    assert in_quiet_hours(now, start, end) is quiet
