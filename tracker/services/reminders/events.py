"""Event notifications: the candidate is told when the employer moves their application or
sets, moves or cancels their interview; so are the interview's panel members.

They go through the reminder outbox like every reminder: one row per event, recipient and
channel, due at once, delivered by the dispatcher (in-app, and by e-mail when SMTP is set up),
following the candidate's switches. The row's `offset_spec` names the event, so successive
events are distinct rows and planning the same event twice adds nothing:

- ``sc:<status change id>`` for a status change;
- ``is:<audit id>``, ``ir:<audit id>``, ``ic:<audit id>`` for an interview scheduled,
  rescheduled or cancelled (the audit row of that change);
- ``ar:<status change id>`` for an application submitted, told in-app to each hr user of the
  posting's organisation (issue #14; they also get a daily e-mail digest, `digest`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db import utcnow
from tracker.domain.access import Actor
from tracker.models import (
    Application,
    ApplicationStatusChange,
    Interview,
    Reminder,
    ReminderChannel,
    ReminderKind,
    ReminderStatus,
    Role,
    User,
    Visibility,
)
from tracker.services.reminders.outbox import UNIQUE, insert_ignore
from tracker.services.reminders.planner import channel_switches, receives_reminders
from tracker.services.reminders.rules import (
    KIND_CHANNELS,
    SUBJECT_OF,
    Recipient,
    email_key,
    is_on,
    user_key,
)

Clock = Callable[[], datetime]
K = ReminderKind
INTERVIEW_EVENTS = {"scheduled": "is", "rescheduled": "ir", "cancelled": "ic"}
EVENT_OF_CODE = {code: event for event, code in INTERVIEW_EVENTS.items()}


def status_changed(session: Session, application: Application, change: ApplicationStatusChange,
                   *, actor: Actor, clock: Clock = utcnow) -> int:
    """Tell the candidate their application moved (unless they moved it themselves).
    Returns the number of reminder rows added."""
    if isinstance(actor, User) and actor.id == application.candidate_id:
        return 0
    if change.id is None:
        session.flush()
    return _notify(session, K.STATUS_CHANGED, application.id, f"sc:{change.id}",
                   application.candidate, application.posting.timezone, clock(),
                   change.changed_at)


def interview_changed(session: Session, interview: Interview, event: str, audit_id: int,
                      *, clock: Clock = utcnow, at: datetime | None = None) -> int:
    """Tell the candidate of an interview's application and its panel members (of a public
    posting) that it was `event` ("scheduled", "rescheduled" or "cancelled"); `audit_id` is the
    audit row of that change, `at` when it happened (default: now). A posting-wide interview
    (no application) tells its panel only. Returns the number of rows added."""
    application = interview.application
    now = clock()
    recipients: list[Recipient] = []
    if application is not None and application.deleted_at is None:
        candidate = application.candidate
        if candidate is not None and receives_reminders(candidate):  # none: recorded by HR
            recipients.append(_recipient(candidate, interview.timezone))
    if interview.posting.visibility is Visibility.PUBLIC:
        for member in interview.panel:
            if member.user is not None:
                if receives_reminders(member.user):
                    recipients.append(_recipient(member.user, interview.timezone))
            else:
                recipients.append(Recipient(email_key(member.email), member.email, None,
                                            interview.timezone))
    return _insert(session, K.INTERVIEW_SCHEDULED, interview.id,
                   f"{INTERVIEW_EVENTS[event]}:{audit_id}", recipients, now, at or now)


def application_received(session: Session, application: Application,
                         change: ApplicationStatusChange, *, actor: Actor,
                         clock: Clock = utcnow) -> int:
    """Tell the hr users of the posting's organisation (in-app) that an application was
    submitted, except the one who recorded it. Returns the number of rows added."""
    posting = application.posting
    if posting.organisation_id is None:  # a candidate's own posting: no employer here
        return 0
    if change.id is None:
        session.flush()
    staff = session.scalars(sa.select(User).where(
        User.organisation_id == posting.organisation_id, User.role == Role.HR,
        User.is_active.is_(True), User.deleted_at.is_(None)).order_by(User.id))
    now = clock()
    return sum(_notify(session, K.APPLICATION_RECEIVED, application.id, f"ar:{change.id}",
                       user, posting.timezone, now, change.changed_at)
               for user in staff if not (isinstance(actor, User) and actor.id == user.id))


def _notify(session: Session, kind: ReminderKind, subject_id: int, spec: str,
            user: User | None, fallback_zone: str, now: datetime, happened: datetime) -> int:
    """One row per channel, due now; its anchor is when the event happened (the same on a
    second planning of the same event, which therefore adds nothing)."""
    if user is None or not receives_reminders(user):  # none: recorded by the employer
        return 0
    return _insert(session, kind, subject_id, spec, [_recipient(user, fallback_zone)], now,
                   happened)


def _recipient(user: User, fallback_zone: str) -> Recipient:
    zone_name = user.timezone or (user.organisation.timezone if user.organisation else None)
    return Recipient(user_key(user.id), user.email, user.id, zone_name or fallback_zone)


def _insert(session: Session, kind: ReminderKind, subject_id: int, spec: str,
            recipients: list[Recipient], now: datetime, happened: datetime) -> int:
    switches = channel_switches(session, recipients)
    seen: set[str] = set()
    values = []
    for recipient in recipients:
        if recipient.key in seen:
            continue
        seen.add(recipient.key)
        values += [
            dict(kind=kind, subject_type=SUBJECT_OF[kind], subject_id=subject_id,
                 recipient_key=recipient.key, recipient_user_id=recipient.user_id,
                 recipient_email=recipient.email, channel=channel, offset_spec=spec,
                 anchor_at=happened, due_at=now, next_attempt_at=now,
                 timezone=recipient.timezone, status=ReminderStatus.PENDING, attempts=0,
                 created_at=now, updated_at=now)
            for channel in recipient.channels
            if (recipient.user_id is None or is_on(switches, recipient.user_id, kind, channel))
            and channel in KIND_CHANNELS.get(kind, tuple(ReminderChannel))
        ]
    if not values:
        return 0
    session.flush()
    inserted = session.execute(
        insert_ignore(session, Reminder, UNIQUE).returning(Reminder.id), values)
    return len(inserted.all())


def silence(session: Session, posting_id: int, now: datetime, reason: str) -> int:
    """Cancel the pending event rows of a posting's applications and interviews (the demo's
    story happened before it was loaded: it is history, not news). Returns how many."""
    subjects = {
        K.STATUS_CHANGED: sa.select(Application.id).where(Application.posting_id == posting_id),
        K.APPLICATION_RECEIVED: sa.select(Application.id).where(
            Application.posting_id == posting_id),
        K.MESSAGE: sa.select(Application.id).where(Application.posting_id == posting_id),
        K.INTERVIEW_SCHEDULED: sa.select(Interview.id).where(Interview.posting_id == posting_id),
    }
    cancelled = 0
    for kind, ids in subjects.items():
        cancelled += session.execute(
            sa.update(Reminder).where(
                Reminder.kind == kind, Reminder.subject_id.in_(ids),
                Reminder.status == ReminderStatus.PENDING,
            ).values(status=ReminderStatus.CANCELLED, reason=reason, updated_at=now),
            execution_options={"synchronize_session": False},
        ).rowcount or 0
    return cancelled


def parse_event(spec: str) -> tuple[str, int]:
    """("sc" | "is" | "ir" | "ic", id) from an event row's offset_spec."""
    code, _, number = spec.partition(":")
    return code, int(number) if number.isdigit() else 0
