"""What reminders there should be: kinds, offsets, recipients, due instants.

An offset is written as the settings state it and computed on the recipient's wall clock:

- ``-7d@09:00``: seven days before the anchor's local date, at 09:00 local time;
- ``0d@09:00``: the anchor's own day at 09:00; ``+1d@09:00``: the next morning;
- ``-1d``: the same local time of day, one day before;
- ``-2h``: two hours before the anchor instant (a duration, not a wall-clock time).

The local result is converted to UTC with zoneinfo, so 09:00 stays 09:00 across a DST change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from tracker.domain.errors import DomainError
from tracker.domain.timeutil import zone
from tracker.models import ReminderChannel, ReminderKind, SubjectType

K = ReminderKind

DEFAULT_OFFSETS: dict[ReminderKind, tuple[str, ...]] = {
    K.DEADLINE_DRAFT: ("-7d@09:00", "-2d@09:00", "0d@09:00"),
    K.INTERVIEW_SOON: ("-1d@09:00", "-2h"),
    K.REVIEW_WAITING: ("+1d@09:00",),
    K.CLOSING_EMPTY: ("-3d@09:00",),
    K.NO_ANSWER: ("+21d@09:00",),
    # events have no offsets: each row is due when the event happens
    K.STATUS_CHANGED: (),
    K.INTERVIEW_SCHEDULED: (),
    K.APPLICATION_RECEIVED: (),
    K.HR_DIGEST: (),
    K.MESSAGE: (),
}
SUBJECT_OF: dict[ReminderKind, SubjectType] = {
    K.DEADLINE_DRAFT: SubjectType.APPLICATION,
    K.INTERVIEW_SOON: SubjectType.INTERVIEW,
    K.REVIEW_WAITING: SubjectType.POSTING,
    K.CLOSING_EMPTY: SubjectType.POSTING,
    K.NO_ANSWER: SubjectType.APPLICATION,
    K.STATUS_CHANGED: SubjectType.APPLICATION,
    K.INTERVIEW_SCHEDULED: SubjectType.INTERVIEW,
    K.APPLICATION_RECEIVED: SubjectType.APPLICATION,
    K.HR_DIGEST: SubjectType.USER,  # the hr user the day's digest is for
    K.MESSAGE: SubjectType.APPLICATION,
}
# Kinds told at once when something happens; each event is delivered, none supersedes another.
EVENT_KINDS = frozenset({K.STATUS_CHANGED, K.INTERVIEW_SCHEDULED, K.APPLICATION_RECEIVED,
                         K.HR_DIGEST, K.MESSAGE})
# The channels a kind goes out on (every channel when not named): hr are told of each new
# application in the tracker, and by e-mail once a day in the digest.
KIND_CHANNELS: dict[ReminderKind, tuple[ReminderChannel, ...]] = {
    K.APPLICATION_RECEIVED: (ReminderChannel.IN_APP,),
    K.HR_DIGEST: (ReminderChannel.EMAIL,),
}
# Kinds that announce something ahead: an offset landing at or after the anchor is not planned.
BEFORE_ANCHOR = {K.DEADLINE_DRAFT, K.INTERVIEW_SOON, K.CLOSING_EMPTY}
# Kinds whose every occurrence is told: an interview moved to another day is reminded again,
# whereas a deadline moved after its reminder went out is not told twice.
TOLD_AGAIN_WHEN_MOVED = frozenset({K.INTERVIEW_SOON})
# A reminder planned (or re-timed) more than this after its due time was never meant to go out:
# it is expired with the reason, not sent late.
PLANNED_LATE_AFTER = timedelta(hours=1)
CHANNELS = (ReminderChannel.IN_APP, ReminderChannel.EMAIL)
ANY = "*"

_OFFSET = re.compile(r"^(?P<sign>[+-]?)(?P<n>\d{1,3})(?P<unit>[dh])(?:@(?P<at>\d{2}:\d{2}))?$")


@dataclass(frozen=True)
class Offset:
    spec: str
    days: int = 0
    hours: int = 0
    at: time | None = None

    def due(self, anchor: datetime, tz_name: str) -> datetime:
        """The UTC instant of this offset from `anchor`, on the wall clock of `tz_name`.

        A wall-clock time that does not exist that day (skipped by DST) moves forward by the
        gap; a repeated one means its first occurrence."""
        if self.hours:
            return anchor + timedelta(hours=self.hours)
        tz = zone(tz_name)
        local = anchor.astimezone(tz)
        day = local.date() + timedelta(days=self.days)
        wall = datetime.combine(day, self.at or local.time().replace(tzinfo=None), tzinfo=tz)
        return wall.astimezone(UTC)


def parse_offset(spec: str, field: str = "offsets") -> Offset:
    text = spec.strip()
    match = _OFFSET.match(text)
    if not match:
        raise DomainError(
            field, "%(spec)r is not an offset: write e.g. -7d@09:00, +1d@09:00, -1d or -2h", spec=spec
        )
    n = int(match["n"]) * (-1 if match["sign"] == "-" else 1)
    if match["unit"] == "h":
        if match["at"]:
            raise DomainError(field, "%(spec)r: an offset in hours takes no @time", spec=spec)
        return Offset(spec=text, hours=n)
    try:
        at = time.fromisoformat(match["at"]) if match["at"] else None
    except ValueError as exc:
        raise DomainError(field, "%(spec)r: %(at)s is not a time of day", spec=spec,
                          at=match["at"]) from exc
    return Offset(spec=text, days=n, at=at)


def parse_kind(value: str, field: str = "kind") -> ReminderKind:
    try:
        return ReminderKind(value)
    except ValueError as exc:
        kinds = ", ".join(k.value for k in ReminderKind)
        raise DomainError(field, "%(value)r is not a reminder kind (%(kinds)s)",
                          value=value, kinds=kinds) from exc


@dataclass(frozen=True)
class Recipient:
    """Someone a reminder goes to: a user of the tracker, or an outside panel member."""

    key: str
    email: str
    user_id: int | None
    timezone: str

    @property
    def channels(self) -> tuple[ReminderChannel, ...]:
        return CHANNELS if self.user_id is not None else (ReminderChannel.EMAIL,)


def user_key(user_id: int) -> str:
    return f"u:{user_id}"


def email_key(address: str) -> str:
    return f"e:{address}"


@dataclass(frozen=True)
class Planned:
    """One reminder row as it should be: for the occurrence `anchor` of its subject."""

    kind: ReminderKind
    subject_id: int
    recipient: Recipient
    channel: ReminderChannel
    offset: str
    due_at: datetime
    anchor: datetime

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.recipient.key, self.channel.value, self.offset)


def plan(
    kind: ReminderKind,
    subject_id: int,
    anchor: datetime,
    recipients: list[Recipient],
    offsets: tuple[str, ...] | list[str],
    switches: dict[tuple[int, str, str], bool],
) -> list[Planned]:
    """Every (recipient, channel, offset) row of one subject, less what recipients switched off
    (`switches` maps (user id, kind or "*", channel or "*") to on/off)."""
    rows = []
    for recipient in recipients:
        for channel in recipient.channels:
            if recipient.user_id is not None and not is_on(
                switches, recipient.user_id, kind, channel
            ):
                continue
            for spec in offsets:
                offset = parse_offset(spec)
                due = offset.due(anchor, recipient.timezone)
                if kind in BEFORE_ANCHOR and due >= anchor:
                    continue
                rows.append(Planned(kind, subject_id, recipient, channel, offset.spec, due,
                                    anchor))
    return rows


def is_on(switches: dict[tuple[int, str, str], bool], user_id: int, kind: ReminderKind,
          channel: ReminderChannel) -> bool:
    """The most specific switch decides: (kind, channel), (kind, *), (*, channel), (*, *);
    every kind is on by default."""
    for k, c in ((kind.value, channel.value), (kind.value, ANY), (ANY, channel.value), (ANY, ANY)):
        if (user_id, k, c) in switches:
            return switches[(user_id, k, c)]
    return True
