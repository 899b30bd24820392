"""Calendar entries as an RFC 5545 iCalendar document (the icalendar library): events in their
own zone with the VTIMEZONE they need, stable UIDs, SEQUENCE, DTSTAMP and a VALARM."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import icalendar

from tracker.exporters.vtimezone import vtimezone

PRODID = "-//posting-tracker//tracker 0.1//EN"


@dataclass(frozen=True)
class CalendarEntry:
    """One event. `start` is an aware datetime (in its zone) or a date (all day). `summary`
    is written for the one who reads the calendar ('Interview with Camille Martin: ...' for
    HR); `subject` says what the event is, the same for everyone ('Interview: ...'). A busy
    event takes the time (OPAQUE); a deadline only marks it (TRANSPARENT)."""

    uid: str
    summary: str
    start: datetime | date
    end: datetime | None
    description: str = ""
    location: str | None = None
    cancelled: bool = False
    alarm_before: timedelta = timedelta(days=1)
    subject: str = ""
    busy: bool = True

    def fingerprint(self) -> str:
        """What the event is: its subject, instants and zone, place, description and status.
        When it changes, SEQUENCE is raised. Not the summary: each viewer reads their own,
        and a calendar exported for HR then for the candidate is still the same event."""
        content = [self.subject, self.start.isoformat(), self.end.isoformat() if self.end
                   else None, getattr(getattr(self.start, "tzinfo", None), "key", None),
                   self.description, self.location, self.cancelled]
        return hashlib.sha256(json.dumps(content).encode()).hexdigest()


def build_calendar(entries: list[CalendarEntry], sequences: dict[str, int], now: datetime,
                   name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for entry in entries:
        event = icalendar.Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", now)
        event.add("sequence", sequences.get(entry.uid, 0))
        event.add("summary", entry.summary)
        event.add("dtstart", entry.start)
        if entry.end is not None:
            event.add("dtend", entry.end)
        if entry.description:
            event.add("description", entry.description)
        if entry.location:
            event.add("location", entry.location)
        event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
        event.add("transp", "OPAQUE" if entry.busy else "TRANSPARENT")
        if not entry.cancelled:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", entry.summary)
            alarm.add("trigger", -entry.alarm_before)
            event.add_component(alarm)
        calendar.add_component(event)
    _add_timezones(calendar, entries)
    return calendar.to_ical()


def _add_timezones(calendar: icalendar.Calendar, entries: list[CalendarEntry]) -> None:
    """One VTIMEZONE per zone the events use, covering the years they span."""
    zones: dict[str, list[int]] = {}
    for entry in entries:
        for moment in (entry.start, entry.end):
            key = getattr(getattr(moment, "tzinfo", None), "key", None)
            if key and isinstance(moment, datetime):
                zones.setdefault(key, []).append(moment.year)
    missing = False
    for name, years in sorted(zones.items()):
        component = vtimezone(name, min(years) - 1, max(years) + 1)
        if component is None:
            missing = True
        else:
            calendar.subcomponents.insert(0, component)  # zones before the events
    if missing:  # zones whose rules changed: icalendar's form with explicit dates
        calendar.add_missing_timezones()
