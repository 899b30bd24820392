"""The daily e-mail digest of hr (issue #14): each morning at DIGEST_AT on the hr user's own
clock (their zone, else their organisation's), the applications submitted to their
organisation's postings in the 24 hours before.

The scheduler's `digest` job calls `plan_digests`: one reminder row per (user, local day),
inserted idempotently (the outbox's unique key; offset ``d:<local date>``, anchor the instant
the digest is due), so running it again, from any number of schedulers, adds nothing. The
dispatcher sends it through the usual e-mail path (`decide_digest` says what it holds, in the
user's language); a day without a new application sends nothing (the row expires). The user
switches it on or off on the account page (reminder switch `hr_digest`, e-mail; on by default).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload

from tracker.db import utcnow
from tracker.domain.timeutil import zone
from tracker.i18n import Formatter
from tracker.models import (
    Application,
    ApplicationStatus,
    Organisation,
    Posting,
    Reminder,
    ReminderChannel,
    ReminderKind,
    ReminderStatus,
    Role,
    SubjectType,
    User,
)
from tracker.services.reminders.decision import CANCEL, EXPIRE, SEND, Account, Decision, DueRow
from tracker.services.reminders.outbox import UNIQUE, insert_ignore
from tracker.services.reminders.planner import channel_switches
from tracker.services.reminders.rules import Recipient, is_on, user_key

Clock = Callable[[], datetime]
DIGEST_AT = time(8, 0)
DEFAULT_ZONE = "Europe/Paris"
K = ReminderKind


def user_zone(user: User) -> str:
    return user.timezone or (user.organisation.timezone if user.organisation else None) or (
        DEFAULT_ZONE)


def due_digest(now: datetime, zone_name: str) -> tuple[str, datetime]:
    """The latest digest due by `now` on the wall clock of `zone_name`: its local day (ISO) and
    the UTC instant it is due (DIGEST_AT that day)."""
    tz = zone(zone_name)
    day = now.astimezone(tz).date()
    due = datetime.combine(day, DIGEST_AT, tzinfo=tz)
    if due > now:
        day -= timedelta(days=1)
        due = datetime.combine(day, DIGEST_AT, tzinfo=tz)
    return day.isoformat(), due.astimezone(now.tzinfo)


def plan_digests(session: Session, *, clock: Clock = utcnow) -> int:
    """Plan the digest due today (or yesterday, before DIGEST_AT) of every active hr user who
    has it on. Idempotent; returns the number of rows added."""
    now = clock()
    staff = list(session.scalars(sa.select(User).where(
        User.role == Role.HR, User.is_active.is_(True), User.deleted_at.is_(None),
        User.organisation_id.is_not(None)).options(joinedload(User.organisation))
        .order_by(User.id)))
    recipients = [Recipient(user_key(u.id), u.email, u.id, user_zone(u)) for u in staff]
    switches = channel_switches(session, recipients)
    values = []
    for user, recipient in zip(staff, recipients, strict=True):
        if not is_on(switches, user.id, K.HR_DIGEST, ReminderChannel.EMAIL):
            continue
        day, due = due_digest(now, recipient.timezone)
        values.append(dict(
            kind=K.HR_DIGEST, subject_type=SubjectType.USER, subject_id=user.id,
            recipient_key=recipient.key, recipient_user_id=user.id, recipient_email=user.email,
            channel=ReminderChannel.EMAIL, offset_spec=f"d:{day}", anchor_at=due, due_at=due,
            next_attempt_at=now, timezone=recipient.timezone, status=ReminderStatus.PENDING,
            attempts=0, created_at=now, updated_at=now))
    if not values:
        return 0
    inserted = session.execute(insert_ignore(session, Reminder, UNIQUE).returning(Reminder.id),
                               values)
    return len(inserted.all())


def new_applications(session: Session, organisation_id: int, since: datetime,
                     until: datetime) -> list[Application]:
    """The applications submitted to the organisation's postings in [since, until)."""
    return list(session.scalars(
        sa.select(Application).join(Posting, Posting.id == Application.posting_id)
        .where(Posting.organisation_id == organisation_id, Posting.deleted_at.is_(None),
               Application.deleted_at.is_(None), Application.status != ApplicationStatus.DRAFT,
               Application.submitted_at >= since, Application.submitted_at < until)
        .options(joinedload(Application.posting), joinedload(Application.candidate))
        .order_by(Posting.title, Application.submitted_at, Application.id)))


def decide_digest(session: Session, row: DueRow, user: Account | None, now: datetime,
                  f: Formatter,
                  base: dict[str, Any]) -> Decision:
    """What the digest row says: the applications of the 24 hours before it was due. `row` is
    the reminder (an ORM row or the dispatcher's plain row), `user` its recipient's account
    (id, role, organisation_id) or None."""
    if user is None or user.organisation_id is None or user.role is not Role.HR:
        return Decision(row.id, CANCEL, "the recipient is no longer hr of an organisation")
    until = row.anchor_at
    since = until - timedelta(days=1)
    found = new_applications(session, user.organisation_id, since, until)
    if not found:
        return Decision(row.id, EXPIRE, "no new application that day")
    items = tuple((a.posting.title, a.posting.reference, a.person_name or "?",
                   f.instant(a.submitted_at, row.timezone)) for a in found if a.submitted_at)
    context = {**base, "count": len(items), "items": items,
               "organisation": session.scalar(sa.select(Organisation.name).where(
                   Organisation.id == user.organisation_id)) or "",
               "since": f.instant(since, row.timezone), "until": f.instant(until, row.timezone),
               "link": "/hr/"}
    return Decision(row.id, SEND, context=context)
