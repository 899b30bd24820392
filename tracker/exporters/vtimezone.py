"""VTIMEZONE components from the zone database, written with yearly RRULEs (last Sunday of
March...) as calendar clients expect, rather than a list of RDATEs that some (dateutil, hence
vobject and older Outlook) read wrongly. A zone whose rules changed within the years asked for
falls back to icalendar's own RDATE form."""

from __future__ import annotations

import calendar as monthly
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar


def _transitions(zone: ZoneInfo, years: range) -> list[tuple[datetime, timedelta, timedelta,
                                                                   str, bool]]:
    """(wall time just before, offset before, offset after, name after, is DST) per change."""
    found = []
    start = datetime(years.start, 1, 1, 12, tzinfo=UTC)
    day = timedelta(days=1)
    current = start
    end = datetime(years.stop, 1, 1, 12, tzinfo=UTC)
    while current < end:
        before, after = current.astimezone(zone), (current + day).astimezone(zone)
        if before.utcoffset() != after.utcoffset():
            instant = current
            while (instant + timedelta(minutes=15)).astimezone(zone).utcoffset() == \
                    before.utcoffset():
                instant += timedelta(minutes=15)
            instant += timedelta(minutes=15)
            local = instant.astimezone(zone)
            wall = (instant + before.utcoffset()).replace(tzinfo=None)  # type: ignore[operator]
            found.append((wall, before.utcoffset(), local.utcoffset(), local.tzname() or "",
                          bool(local.dst())))
        current += day
    return found


def _rule(wall: datetime) -> tuple[int, str, int, int]:
    last_day = monthly.monthrange(wall.year, wall.month)[1]
    weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][wall.weekday()]
    nth = "-1" if wall.day + 7 > last_day else str((wall.day - 1) // 7 + 1)
    return wall.month, nth + weekday, wall.hour, wall.minute


def vtimezone(name: str, first_year: int, last_year: int) -> icalendar.Timezone | None:
    """The zone as a VTIMEZONE valid over the years given, or None if no yearly rule fits."""
    zone = ZoneInfo(name)
    transitions = _transitions(zone, range(first_year, last_year + 1))
    component = icalendar.Timezone()
    component.add("tzid", name)
    if not transitions:  # no change in those years: one fixed offset
        moment = datetime(first_year, 1, 1, tzinfo=UTC).astimezone(zone)
        standard = icalendar.TimezoneStandard()
        standard.add("dtstart", moment.replace(tzinfo=None))
        standard.add("tzoffsetfrom", moment.utcoffset())
        standard.add("tzoffsetto", moment.utcoffset())
        standard.add("tzname", moment.tzname())
        component.add_component(standard)
        return component
    groups: dict[tuple[timedelta, timedelta, str, bool], list[datetime]] = {}
    for wall, before, after, tzname, dst in transitions:
        groups.setdefault((before, after, tzname, dst), []).append(wall)
    for (before, after, tzname, dst), walls in groups.items():
        rules = {_rule(wall) for wall in walls}
        if len(rules) != 1:
            return None
        month, byday, _, _ = rules.pop()
        part = icalendar.TimezoneDaylight() if dst else icalendar.TimezoneStandard()
        part.add("dtstart", walls[0])
        part.add("tzoffsetfrom", before)
        part.add("tzoffsetto", after)
        part.add("tzname", tzname)
        if len(walls) > 1 or last_year > walls[0].year:
            part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": byday})
        component.add_component(part)
    return component
