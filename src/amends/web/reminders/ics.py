"""The calendar feed as RFC 5545 text, written by the ``icalendar`` package.

icalendar does the format's fiddly parts: CRLF line ends, folding at 75 octets, escaping of
commas, semicolons, backslashes and new lines in text, and the date and UTC time forms.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

PRODID = "-//amends//reminders//EN"


@dataclass(frozen=True)
class AllDayEvent:
    uid: str
    day: date
    summary: str
    description: str = ""


def calendar(events: Iterable[AllDayEvent], *, name: str, stamp: datetime) -> bytes:
    """A VCALENDAR of all-day events. ``stamp`` (DTSTAMP) is when the feed was made, in UTC."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    # Calendar apps otherwise refresh a subscription as seldom as once a day.
    cal.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT1H")
    for e in events:
        cal.add_component(_event(e, stamp.astimezone(UTC)))
    return cal.to_ical()


def _event(e: AllDayEvent, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", e.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", e.day)
    event.add("dtend", e.day + timedelta(days=1))
    event.add("summary", e.summary)
    if e.description:
        event.add("description", e.description)
    event.add("transp", "TRANSPARENT")  # a reminder, not a busy block in the person's day
    return event
