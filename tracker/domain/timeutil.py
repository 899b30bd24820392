"""Local wall-clock time in IANA zones, and the UTC instants it derives."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tracker.domain.errors import DomainError

END_OF_DAY = time(23, 59, 59)
# Dates outside these years are typing mistakes, and near year 1 or 9999 a zone's offset
# would carry the UTC instant out of the calendar.
MIN_YEAR, MAX_YEAR = 1900, 2999
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def zone(name: str, field: str = "timezone") -> ZoneInfo:
    """The IANA zone `name`, or a DomainError naming `field`."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError) as exc:
        raise DomainError(field, "unknown IANA time zone %(name)s (e.g. Europe/Paris)",
                          name=repr(name)) from exc


def parse_date(value: str | date, field: str) -> date:
    """A calendar date from ISO 8601 (2024-05-13) or day-first numeric (13/05/2024)."""
    if isinstance(value, datetime):
        raise DomainError(field, "expected a date, got a date and time %(value)s",
                          value=repr(value))
    if isinstance(value, date):
        return check_year(value, field)
    text = str(value).strip()
    try:
        return check_year(date.fromisoformat(text), field)
    except ValueError:
        pass
    match = _DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return check_year(date(year, month, day), field)
        except ValueError as exc:
            raise DomainError(field, "%(text)s is not a valid date (%(reason)s)", text=repr(text),
                              reason=str(exc)) from exc
    raise DomainError(field, "%(text)s is not a date; use YYYY-MM-DD or DD/MM/YYYY",
                      text=repr(text))


def check_year(day: date, field: str) -> date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise DomainError(field, "%(day)s is not a plausible date (years %(first)s-%(last)s)",
                          day=day.isoformat(), first=MIN_YEAR, last=MAX_YEAR)
    return day


def parse_time(value: str | time, field: str) -> time:
    """A wall-clock time from HH:MM or HH:MM:SS (also 10h30)."""
    if isinstance(value, time):
        return value
    text = str(value).strip().lower().replace("h", ":")
    if text.endswith(":"):
        text += "00"
    try:
        parsed = time.fromisoformat(text)
    except ValueError as exc:
        raise DomainError(field, "%(value)s is not a time; use HH:MM (24-hour)",
                          value=repr(value)) from exc
    if parsed.tzinfo is not None:
        raise DomainError(field, "give the local time without an offset, and the zone separately")
    return parsed


def parse_local_datetime(value: str, field: str) -> tuple[date, time | None]:
    """'2024-05-22 10:00', '22/05/2024 10:00' or a bare date -> (date, time or None)."""
    text = str(value).strip().replace("T", " ")
    date_part, _, time_part = text.partition(" ")
    day = parse_date(date_part, field)
    return day, (parse_time(time_part, field) if time_part.strip() else None)


def local_to_utc(day: date, at: time | None, tz_name: str, field: str) -> datetime:
    """The UTC instant of a local wall-clock time. A time that does not exist in the zone
    (the hour skipped when clocks go forward) is refused; an ambiguous one (the hour repeated
    when clocks go back) means its first occurrence."""
    tz = zone(tz_name)
    check_year(day, field)
    wall = datetime.combine(day, at or time(0, 0)).replace(tzinfo=tz, fold=0)
    instant = wall.astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) != wall.replace(tzinfo=None):
        raise DomainError(
            field,
            "%(when)s does not exist in %(zone)s (clocks go forward then)",
            when=f"{wall:%Y-%m-%d %H:%M}", zone=tz_name,
        )
    return instant


def deadline_instant(day: date, at: time | None, tz_name: str, field: str) -> datetime:
    """A deadline stated as a date only runs to the end of that local day."""
    return local_to_utc(day, at or END_OF_DAY, tz_name, field)


def local_today(now: datetime, tz_name: str) -> date:
    return now.astimezone(zone(tz_name)).date()


def days_left(deadline_day: date | None, now: datetime, tz_name: str) -> int | None:
    """Whole days from today to the deadline's day, both in the posting's zone."""
    if deadline_day is None:
        return None
    return (deadline_day - local_today(now, tz_name)).days


def shift_weeks_to_window(anchor: date, today: date, min_days: int = 7) -> int:
    """How many whole weeks to add to `anchor` so it falls `min_days` to `min_days + 6` days
    after `today` (a whole number of weeks keeps every weekday)."""
    gap = (today + timedelta(days=min_days) - anchor).days
    return -(-gap // 7)


def iso(value: date | time | datetime | None) -> str | None:
    """A date, time or instant as the faces write it: ISO 8601, UTC as Z, times as HH:MM."""
    if value is None:
        return None
    if isinstance(value, time):
        return value.strftime("%H:%M") if value.second == 0 else value.isoformat()
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    return value.isoformat()
