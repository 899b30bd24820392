"""What people choose about reminders: a user's switches (a kind or a channel off) and an
organisation's offsets. Pending reminders follow a change at once."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db import utcnow
from tracker.domain.errors import DomainError
from tracker.domain.validation import parse_enum
from tracker.models import (
    Application,
    Interview,
    Organisation,
    Posting,
    Reminder,
    ReminderChannel,
    ReminderKind,
    ReminderOffsets,
    ReminderSwitch,
    Role,
    User,
)
from tracker.services.reminders.planner import (
    offsets_for,
    sync_application,
    sync_interview,
    sync_posting,
    sync_posting_kind,
)
from tracker.services.reminders.rules import (
    ANY,
    DEFAULT_OFFSETS,
    EVENT_KINDS,
    KIND_CHANNELS,
    is_on,
    parse_kind,
    parse_offset,
)

Clock = Callable[[], datetime]
K = ReminderKind


def set_switch(
    session: Session,
    user: User,
    *,
    enabled: bool,
    kind: ReminderKind | str | None = None,
    channel: ReminderChannel | str | None = None,
    clock: Clock = utcnow,
) -> ReminderSwitch:
    """Switch a kind of reminder (None: every kind) on a channel (None: every channel) on or
    off for `user`; their pending reminders follow at once."""
    kind_value = parse_kind(str(kind)).value if kind is not None else ANY
    channel_value = (parse_enum(ReminderChannel, channel, "channel").value
                     if channel is not None else ANY)
    switch = session.scalar(sa.select(ReminderSwitch).where(
        ReminderSwitch.user_id == user.id, ReminderSwitch.kind == kind_value,
        ReminderSwitch.channel == channel_value,
    ))
    if switch is None:
        switch = ReminderSwitch(user_id=user.id, kind=kind_value, channel=channel_value,
                                enabled=enabled)
        session.add(switch)
    switch.enabled, switch.updated_at = enabled, clock()
    session.flush()
    _resync_user(session, user, clock)
    return switch


# The kinds a user of each role may receive, in the order the account page lists them.
KINDS_FOR_ROLE: dict[Role, tuple[ReminderKind, ...]] = {
    Role.CANDIDATE: (K.STATUS_CHANGED, K.INTERVIEW_SCHEDULED, K.INTERVIEW_SOON,
                     K.DEADLINE_DRAFT, K.NO_ANSWER),
    Role.HR: (K.APPLICATION_RECEIVED, K.HR_DIGEST, K.REVIEW_WAITING, K.CLOSING_EMPTY,
              K.INTERVIEW_SOON),
    Role.ADMIN: (K.INTERVIEW_SOON,),
}


def switch_states(session: Session, user: User) -> dict[tuple[str, str], bool]:
    """Whether each (kind, channel) a user of this role may receive is on for `user`, as the
    switches decide (the most specific one wins; on by default)."""
    switches = {(u, k, c): on for u, k, c, on in session.execute(sa.select(
        ReminderSwitch.user_id, ReminderSwitch.kind, ReminderSwitch.channel,
        ReminderSwitch.enabled).where(ReminderSwitch.user_id == user.id))}
    return {(kind.value, channel.value): is_on(switches, user.id, kind, channel)
            for kind in KINDS_FOR_ROLE[user.role]
            for channel in KIND_CHANNELS.get(kind, tuple(ReminderChannel))}


def set_switches(session: Session, user: User, wanted_on: Iterable[str], *,
                 clock: Clock = utcnow) -> int:
    """Make exactly the (kind, channel) pairs in `wanted_on` (written "kind:channel") on among
    those `user` may receive, the rest off. Returns how many changed."""
    wanted: set[tuple[str, str]] = set()
    for item in wanted_on:
        kind, _, channel = item.partition(":")
        wanted.add((parse_kind(kind, "switches").value,
                    parse_enum(ReminderChannel, channel, "switches").value))
    changed = 0
    for (kind, channel), on in switch_states(session, user).items():
        if on != ((kind, channel) in wanted):
            set_switch(session, user, enabled=not on, kind=kind, channel=channel, clock=clock)
            changed += 1
    return changed


# The kinds whose offsets an organisation may set (events are told at once: no offsets).
OFFSET_KINDS = (K.DEADLINE_DRAFT, K.INTERVIEW_SOON, K.NO_ANSWER, K.REVIEW_WAITING,
                K.CLOSING_EMPTY)


def organisation_offsets(session: Session, organisation_id: int) -> dict[str, tuple[list[str], bool]]:
    """Each kind's offsets in force for the organisation, and whether they are the defaults."""
    custom = dict(session.execute(sa.select(ReminderOffsets.kind, ReminderOffsets.offsets).where(
        ReminderOffsets.organisation_id == organisation_id)).all())
    return {kind.value: (list(custom[kind]), False) if custom.get(kind)
            else (list(DEFAULT_OFFSETS[kind]), True) for kind in OFFSET_KINDS}


def set_offsets(
    session: Session,
    organisation: Organisation,
    kind: ReminderKind | str,
    offsets: Iterable[str] | None,
    *,
    clock: Clock = utcnow,
) -> list[str]:
    """An organisation's offsets for a kind (None: back to the defaults); its pending reminders
    are re-planned. Returns the offsets in force."""
    parsed_kind = parse_kind(str(kind))
    if parsed_kind in EVENT_KINDS:
        raise DomainError("kind", "%(value)s is told when it happens: it has no offsets",
                          value=parsed_kind.value)
    row = session.scalar(sa.select(ReminderOffsets).where(
        ReminderOffsets.organisation_id == organisation.id, ReminderOffsets.kind == parsed_kind
    ))
    if offsets is None:
        if row is not None:
            session.delete(row)
    else:
        specs = [parse_offset(spec, "offsets").spec for spec in offsets]
        if not specs:
            raise DomainError("offsets", "give at least one offset, or reset to the defaults")
        if len(set(specs)) != len(specs):
            raise DomainError("offsets", "an offset is given twice")
        if row is None:
            row = ReminderOffsets(organisation_id=organisation.id, kind=parsed_kind, offsets=[])
            session.add(row)
        row.offsets, row.updated_at = specs, clock()
    session.flush()
    for posting in session.scalars(sa.select(Posting).where(
        Posting.organisation_id == organisation.id, Posting.deleted_at.is_(None)
    )):
        sync_posting(session, posting, clock=clock)
    return offsets_for(session, parsed_kind, organisation.id)


def _resync_user(session: Session, user: User, clock: Clock) -> None:
    """After a switch changed: re-plan every subject where `user` has or may have reminders."""
    if user.role is Role.HR and user.organisation_id is not None:
        for posting in session.scalars(sa.select(Posting).where(
            Posting.organisation_id == user.organisation_id, Posting.deleted_at.is_(None)
        )):
            for kind in (K.REVIEW_WAITING, K.CLOSING_EMPTY):
                sync_posting_kind(session, posting, kind, clock())
    for application in session.scalars(sa.select(Application).where(
        Application.candidate_id == user.id
    )):
        sync_application(session, application, clock=clock)
    subject_ids = session.scalars(sa.select(Reminder.subject_id).where(
        Reminder.recipient_user_id == user.id, Reminder.kind == K.INTERVIEW_SOON
    ).distinct())
    for interview_id in list(subject_ids):
        interview = session.get(Interview, interview_id)
        if interview is not None:
            sync_interview(session, interview, clock=clock)
