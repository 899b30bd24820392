"""The rules of an interview's slot, checked before anything is written: the zone, the
duration, the video link, a start not in the past, the application, the panel's addresses; and
the fixed-form history comment of the move to `interview` (tracker.services.hiring.interviews)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from tracker.db import utcnow
from tracker.domain.errors import DomainError, InvalidTransition
from tracker.domain.timeutil import local_to_utc, local_today, zone
from tracker.domain.validation import normalise_email
from tracker.models import Application, ApplicationStatus, Visibility

if TYPE_CHECKING:
    from tracker.models import Posting

Clock = Callable[[], datetime]

# An interview may be given to an application in one of these states.
_INTERVIEWABLE = {
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.UNDER_REVIEW,
    ApplicationStatus.INTERVIEW,
}


@dataclass(frozen=True)
class Panelist:
    name: str
    email: str

    @classmethod
    def parse(cls, text: str) -> Panelist | None:
        """A panel member as people write one: `Name <e-mail>` or a bare address (None for
        anything else; the address itself is checked when the interview is scheduled)."""
        match = _PANELIST.match(text)
        if match:
            return cls(match.group(1), match.group(2))
        if "@" in text and " " not in text.strip():
            return cls("", text.strip())
        return None


_PANELIST = re.compile(r"^\s*(.*?)\s*<\s*([^<>\s]+)\s*>\s*$")


def schedule_problems(
    posting: Posting,
    *,
    day: date | None,
    at: time | None = None,
    timezone: str | None = None,
    duration_minutes: int = 45,
    video_url: str | None = None,
    application: Application | None = None,
    panel: Iterable[Panelist] = (),
    clock: Clock = utcnow,
    field: str = "at",
) -> list[DomainError]:
    """What is wrong with scheduling this interview, every problem at once (nothing is
    written): the zone, the duration, the video link, the date (missing or past), the
    application, each panel member's address. A form may ask before it has every field."""
    problems: list[DomainError] = []

    def check(rule: Callable[[], object]) -> bool:
        try:
            rule()
        except DomainError as exc:
            problems.append(exc)
            return False
        return True

    tz = timezone or posting.timezone
    zone_ok = check(lambda: zone(tz, "timezone"))
    check(lambda: _check_duration(duration_minutes))
    if video_url is not None and not video_url.startswith(("https://", "http://")):
        problems.append(DomainError("video_url", "%(url)s is not an http(s) URL",
                                    url=repr(video_url)))
    if day is None:
        problems.append(DomainError("day", "the interview needs a date"))
    elif zone_ok:
        check(lambda: future_start(day, at, tz, clock(), field))
    if application is not None:
        if application.posting_id != posting.id:
            problems.append(DomainError("application", "the application is for another posting"))
        elif application.status not in _INTERVIEWABLE:
            problems.append(InvalidTransition(
                "application",
                "a %(status)s application cannot get an interview",
                status=application.status))
    panel = list(panel)
    if panel and posting.visibility is Visibility.PRIVATE:
        # Only an organisation's staff may make the site write to other people: the
        # interviews of a posting a candidate logged themselves remind that candidate alone.
        problems.append(DomainError(
            "panel", "a posting you logged yourself has no panel: its interview reminders go "
                     "to you alone; leave the panel empty"))
        return problems
    seen: set[str] = set()
    for position, member in enumerate(panel):
        name = f"panel[{position}].email"
        try:
            email = normalise_email(member.email, name)
        except DomainError as exc:
            problems.append(exc)
            continue
        if email in seen:
            problems.append(DomainError(name, "%(email)s is on the panel twice", email=email))
        seen.add(email)
    return problems


def future_start(day: date, at: time | None, tz: str, now: datetime, field: str) -> datetime:
    """The UTC instant of a local start, refused if it is past (a date alone: the whole day)."""
    starts_at = local_to_utc(day, at, tz, field)
    if is_past(day, at, tz, now):
        raise DomainError(field, "the interview would start in the past (%(when)s)",
                          when=_when(day, at))
    return starts_at


_MOVE_COMMENT = re.compile(r"interview on (\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))? \((\S+)\)")


def move_comment(day: date, at: time | None, tz: str) -> str:
    """The history comment of the move to `interview` that scheduling makes: facts in a fixed
    form (read back by scheduled_on, so that a page can say them in its reader's language)."""
    return f"interview on {_when(day, at)} ({tz})"


def scheduled_on(comment: str | None) -> tuple[datetime, bool, str] | None:
    """The interview a move_comment tells of: its start (UTC), whether it has a time, its zone;
    None for any other comment."""
    match = _MOVE_COMMENT.fullmatch(comment or "")
    if match is None:
        return None
    try:
        day = date.fromisoformat(match.group(1))
        at = time.fromisoformat(match.group(2)) if match.group(2) else None
        return local_to_utc(day, at, match.group(3), "comment"), at is not None, match.group(3)
    except (ValueError, DomainError):
        return None


def is_past(day: date, at: time | None, tz: str, now: datetime) -> bool:
    """Whether an interview starting then would start in the past (a date alone: once the
    whole local day is over). Raises DomainError for a zone or a local time that is none."""
    if at is None:
        return day < local_today(now, tz)
    return local_to_utc(day, at, tz, "time") < now


def _when(day: date, at: time | None) -> str:
    return f"{day} {at:%H:%M}" if at else str(day)


def _check_duration(minutes: int) -> None:
    if not 1 <= minutes <= 1440:
        raise DomainError("duration_minutes", "must be between 1 and 1440 minutes")
