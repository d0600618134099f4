"""Reminders as an iCalendar (RFC 5545) file, written with the ``icalendar`` library.

Each reminder is an all-day event with a display alarm at nine in the morning of its
day. Its UID is stable (kind, record, variant and the household's key), so a calendar
application that imports the file again updates the events it already has instead of
adding copies; ``SEQUENCE`` and ``LAST-MODIFIED`` tell it which copy is newer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

PRODUCT_ID = "-//Carnet//Carnet reminders//EN"
_ALARM_AT = timedelta(hours=9)
_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One reminder, already in the reader's language."""

    uid: str
    day: date
    summary: str
    description: str
    category: str


def render_calendar(
    entries: Iterable[CalendarEntry], *, name: str, stamp: datetime, language: str
) -> bytes:
    """The ``.ics`` bytes of ``entries`` (``stamp``: an aware UTC time, the export's)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for entry in entries:
        calendar.add_component(_event(entry, stamp, language))
    return bytes(calendar.to_ical())


def _event(entry: CalendarEntry, stamp: datetime, language: str) -> Event:
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", _sequence(stamp))
    event.add("dtstart", entry.day)
    event.add("dtend", entry.day + timedelta(days=1))
    event.add("summary", entry.summary, parameters={"LANGUAGE": language})
    event.add("description", entry.description, parameters={"LANGUAGE": language})
    event.add("categories", [entry.category])
    event.add("transp", "TRANSPARENT")  # a reminder does not make the day busy
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", entry.summary)
    alarm.add("trigger", _ALARM_AT)
    event.add_component(alarm)
    return event


def _sequence(stamp: datetime) -> int:
    """Minutes since 2024: grows with each export, so the newer copy of an event wins."""
    return int((stamp - _EPOCH).total_seconds() // 60)
