"""Reminder rows: planned, re-timed and cancelled as postings, applications and interviews
change, repaired by a periodic reconcile, listed and retried.

Every function only flushes; the face commits. Inserts are idempotent (INSERT ... ON CONFLICT
DO NOTHING on the unique key), so two processes planning the same reminder add one row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db import utcnow
from tracker.domain.errors import DomainError, InvalidTransition, NotFound, ValidationFailed
from tracker.domain.paging import Page, make_page, paginate
from tracker.domain.validation import parse_enum
from tracker.models import (
    Application,
    ApplicationStatus,
    Interview,
    InterviewStatus,
    Posting,
    PostingStatus,
    Reminder,
    ReminderKind,
    ReminderOffsets,
    ReminderStatus,
    ReminderSwitch,
    Role,
    User,
    Visibility,
)
from tracker.services.reminders.outbox import SyncResult, sync_rows
from tracker.services.reminders.rules import (
    DEFAULT_OFFSETS,
    SUBJECT_OF,
    Planned,
    Recipient,
    email_key,
    parse_offset,
    plan,
    user_key,
)

Clock = Callable[[], datetime]
K = ReminderKind
R = ReminderStatus
_LIVE_POSTING = {PostingStatus.OPEN}
_ENDED_POSTING = {PostingStatus.CANCELLED, PostingStatus.FILLED}


# --- the hooks the other services call -------------------------------------------------------

def sync_posting(session: Session, posting: Posting, *, clock: Clock = utcnow) -> SyncResult:
    """Plan or re-time the posting's reminders (hr kinds) and those of its applications and
    interviews: call after the posting's deadline or status changed."""
    result = SyncResult()
    for kind in (K.REVIEW_WAITING, K.CLOSING_EMPTY):
        result.add(sync_posting_kind(session, posting, kind, clock()))
    apps = session.scalars(sa.select(Application).where(Application.posting_id == posting.id))
    for application in apps:
        result.add(sync_application(session, application, clock=clock, interviews=False))
    for interview in posting.interviews:
        result.add(sync_interview(session, interview, clock=clock))
    return result


def sync_application(
    session: Session, application: Application, *, clock: Clock = utcnow, interviews: bool = True
) -> SyncResult:
    """Plan, re-time or cancel an application's reminders (deadline while a draft, no answer
    after submission) and, with `interviews`, those of its interviews."""
    now = clock()
    posting = application.posting
    candidate = application.candidate
    live = application.deleted_at is None and posting.deleted_at is None and receives_reminders(candidate)
    result = SyncResult()
    draft_ok = (
        live and application.status is ApplicationStatus.DRAFT
        and posting.valid_through is not None and _accepts_applications(posting)
    )
    recipients = ([_user_recipient(candidate, posting.timezone)]
                  if live and candidate is not None else [])
    result.add(sync_rows(
        session, K.DEADLINE_DRAFT, application.id,
        _plan(session, K.DEADLINE_DRAFT, application.id, posting.valid_through, recipients,
              posting.organisation_id) if draft_ok else [],
        now, f"application #{application.id} is {application.status.value}"
        if live else f"application #{application.id} is gone",
    ))
    answer_ok = (
        live and application.status is ApplicationStatus.SUBMITTED
        and application.submitted_at is not None
    )
    result.add(sync_rows(
        session, K.NO_ANSWER, application.id,
        _plan(session, K.NO_ANSWER, application.id, application.submitted_at, recipients,
              posting.organisation_id) if answer_ok else [],
        now, f"application #{application.id} is {application.status.value}",
    ))
    if interviews:
        for interview in session.scalars(
            sa.select(Interview).where(Interview.application_id == application.id)
        ):
            result.add(sync_interview(session, interview, clock=clock))
    return result


def sync_interview(session: Session, interview: Interview, *, clock: Clock = utcnow) -> SyncResult:
    """Plan or re-time an interview's reminders (the day before, 2 hours before) for its
    candidate and its panel, or cancel them when it is cancelled or over."""
    posting = interview.posting
    live = interview.status is InterviewStatus.SCHEDULED and posting.deleted_at is None
    recipients: list[Recipient] = []
    if live:
        application = interview.application
        interviewed = application.candidate if application is not None else None
        if (
            application is not None and interviewed is not None
            and application.deleted_at is None
            and application.status not in (ApplicationStatus.WITHDRAWN, ApplicationStatus.REJECTED)
            and receives_reminders(interviewed)
        ):
            recipients.append(_user_recipient(interviewed, interview.timezone))
        if posting.visibility is Visibility.PRIVATE:
            # a candidate's own posting: its interviews remind its candidate alone, never a
            # panel (only an organisation's staff may make the site write to other people)
            owner = posting.owner
            if application is None and owner is not None and receives_reminders(owner):
                recipients.append(_user_recipient(owner, interview.timezone))
        for member in interview.panel if posting.visibility is Visibility.PUBLIC else ():
            if member.user is not None:
                if receives_reminders(member.user):
                    recipients.append(_user_recipient(member.user, interview.timezone))
            else:
                recipients.append(
                    Recipient(email_key(member.email), member.email, None, interview.timezone)
                )
    offsets = offsets_for(session, K.INTERVIEW_SOON, posting.organisation_id)
    if interview.start_time is None:  # a date without a time: "in 2 hours" means nothing
        offsets = [o for o in offsets if not parse_offset(o).hours]
    planned = plan(K.INTERVIEW_SOON, interview.id, interview.starts_at, recipients, offsets,
                   channel_switches(session, recipients)) if live else []
    return sync_rows(session, K.INTERVIEW_SOON, interview.id, planned, clock(),
                 f"interview #{interview.id} is {interview.status.value}")


# How far back the reconcile looks for subjects without pending reminders: a deadline, a
# submission or an interview older than this has nothing left worth sending (late reminders
# that old are expired anyway), and walking the whole history of a large database in one
# transaction would hold SQLite's write lock for minutes.
RECONCILE_HORIZON = timedelta(days=90)


def reconcile(session: Session, *, clock: Clock = utcnow) -> SyncResult:
    """Repair whatever a hook missed: every subject that may still need reminders (its anchor
    no older than RECONCILE_HORIZON), and every subject that still has pending ones, is synced
    again. Idempotent."""
    result = SyncResult()
    since = clock() - RECONCILE_HORIZON
    posting_ids = set(session.scalars(
        sa.select(Posting.id).where(
            Posting.deleted_at.is_(None), Posting.valid_through >= since,
            Posting.status.in_([PostingStatus.OPEN, PostingStatus.CLOSED]),
        )
    ))
    application_ids = set(session.scalars(
        sa.select(Application.id).join(Posting, Posting.id == Application.posting_id).where(
            Application.deleted_at.is_(None),
            sa.or_(
                sa.and_(Application.status == ApplicationStatus.DRAFT,
                        Posting.valid_through >= since),
                sa.and_(Application.status == ApplicationStatus.SUBMITTED,
                        Application.submitted_at >= since),
            ),
        )
    ))
    interview_ids = set(session.scalars(
        sa.select(Interview.id).where(Interview.status == InterviewStatus.SCHEDULED,
                                      Interview.starts_at >= since)
    ))
    waiting = session.execute(
        sa.select(Reminder.kind, Reminder.subject_id).where(
            Reminder.status.in_([R.PENDING, R.FAILED])
        ).distinct()
    )
    for kind, subject_id in waiting:
        {"posting": posting_ids, "application": application_ids, "interview": interview_ids,
         "user": set()}[SUBJECT_OF[kind].value].add(subject_id)  # digests: planned daily
    for posting_id in sorted(posting_ids):
        posting = session.get(Posting, posting_id)
        if posting is not None:
            for kind in (K.REVIEW_WAITING, K.CLOSING_EMPTY):
                result.add(sync_posting_kind(session, posting, kind, clock()))
        else:
            result.add(_cancel_subject(session, posting_id, (K.REVIEW_WAITING, K.CLOSING_EMPTY),
                                       clock(), "the posting is gone"))
    for application_id in sorted(application_ids):
        application = session.get(Application, application_id)
        if application is not None:
            result.add(sync_application(session, application, clock=clock, interviews=False))
        else:
            result.add(_cancel_subject(session, application_id, (K.DEADLINE_DRAFT, K.NO_ANSWER),
                                       clock(), "the application is gone"))
    for interview_id in sorted(interview_ids):
        interview = session.get(Interview, interview_id)
        if interview is not None:
            result.add(sync_interview(session, interview, clock=clock))
        else:
            result.add(_cancel_subject(session, interview_id, (K.INTERVIEW_SOON,), clock(),
                                       "the interview is gone"))
    return result


# --- reading and operating -------------------------------------------------------------------

def list_reminders(
    session: Session,
    *,
    status: ReminderStatus | str | None = None,
    page: int = 1,
    per_page: int = 50,
) -> Page[Reminder]:
    """Reminders by due time (latest first), one page."""
    query = sa.select(Reminder)
    if status is not None:
        query = query.where(Reminder.status == parse_enum(ReminderStatus, status, "status"))
    query = paginate(query.order_by(Reminder.due_at.desc(), Reminder.id.desc()), page, per_page)
    return make_page(list(session.scalars(query)), page, per_page)


def get_reminder(session: Session, reminder_id: int) -> Reminder:
    reminder = session.get(Reminder, reminder_id)
    if reminder is None:
        raise NotFound("reminder", "no reminder #%(reminder_id)s", reminder_id=str(reminder_id))
    return reminder


def retry(session: Session, reminder_id: int, *, clock: Clock = utcnow) -> Reminder:
    """Put a failed or expired reminder back in the queue, to go out at the next tick (the
    dispatcher still checks that it makes sense then)."""
    reminder = get_reminder(session, reminder_id)
    if reminder.status not in (R.FAILED, R.EXPIRED):
        raise InvalidTransition(
            "reminder", "reminder #%(reminder_id)s is %(status)s: only failed or expired reminders are retried", reminder_id=str(reminder_id), status=reminder.status
        )
    _requeue(reminder, clock())
    session.flush()
    return reminder


def retry_many(session: Session, reminder_ids: Iterable[int | str] = (), *,
               every_failed: bool = False, clock: Clock = utcnow) -> list[Reminder]:
    """Put the failed or expired reminders `reminder_ids` back in the queue, and with
    `every_failed` every failed reminder (after an SMTP outage). All or nothing: one that
    cannot be retried refuses the whole, and every such ID is named ("ID 42: ...")."""
    ids = list(reminder_ids)
    if not ids and not every_failed:
        raise DomainError("ID", "give reminder IDs or --failed (every failed reminder)")
    numbers = {value: int(text) for value in ids
               if (text := str(value).strip().lstrip("#")).isdigit()}
    found = {r.id: r for r in session.scalars(
        sa.select(Reminder).where(Reminder.id.in_(numbers.values())))} if numbers else {}
    errors: list[DomainError] = []
    for value in dict.fromkeys(ids):  # in the order given, each once
        number = numbers.get(value)
        row = found.get(number) if number is not None else None
        if number is None:
            errors.append(DomainError(f"ID {value}", "not a reminder ID (a number)"))
        elif row is None:
            errors.append(NotFound(f"ID {value}", "no reminder #%(number)s", number=str(number)))
        elif row.status not in (R.FAILED, R.EXPIRED):
            errors.append(InvalidTransition(
                f"ID {value}", "reminder #%(number)s is %(status)s: only failed or expired reminders are retried", number=str(number), status=row.status))
    if errors:
        raise ValidationFailed(errors)
    if every_failed:
        for row in session.scalars(sa.select(Reminder).where(Reminder.status == R.FAILED)):
            found.setdefault(row.id, row)
    now = clock()
    chosen = [found[number] for number in sorted(found)]
    for row in chosen:
        _requeue(row, now)
    session.flush()
    return chosen


def _requeue(reminder: Reminder, now: datetime) -> None:
    reminder.status = R.PENDING
    reminder.next_attempt_at = now
    reminder.attempts = 0
    reminder.lease_until = reminder.claim_token = None
    reminder.retry_until = reminder.reason = None  # a fresh retry period, no stale reason
    reminder.updated_at = now


# --- the machinery ---------------------------------------------------------------------------

def sync_posting_kind(session: Session, posting: Posting, kind: ReminderKind,
                       now: datetime) -> SyncResult:
    ok = (
        posting.deleted_at is None and posting.visibility is Visibility.PUBLIC
        and posting.organisation_id is not None and posting.valid_through is not None
        and (posting.status in _LIVE_POSTING or (
            kind is K.REVIEW_WAITING and posting.status is PostingStatus.CLOSED))
    )
    recipients = _hr_recipients(session, posting) if ok else []
    planned = _plan(session, kind, posting.id, posting.valid_through, recipients,
                    posting.organisation_id) if ok else []
    return sync_rows(session, kind, posting.id, planned, now,
                 f"posting {posting.reference} is {posting.status.value}")


def _plan(session: Session, kind: ReminderKind, subject_id: int, anchor: datetime | None,
          recipients: list[Recipient], organisation_id: int | None) -> list[Planned]:
    if anchor is None or not recipients:
        return []
    return plan(kind, subject_id, anchor, recipients, offsets_for(session, kind, organisation_id),
                channel_switches(session, recipients))


def _cancel_subject(session: Session, subject_id: int, kinds: tuple[ReminderKind, ...],
                    now: datetime, reason: str) -> SyncResult:
    result = SyncResult()
    for kind in kinds:
        result.add(sync_rows(session, kind, subject_id, [], now, reason))
    return result


def offsets_for(session: Session, kind: ReminderKind, organisation_id: int | None) -> list[str]:
    if organisation_id is not None:
        custom = session.scalar(sa.select(ReminderOffsets.offsets).where(
            ReminderOffsets.organisation_id == organisation_id, ReminderOffsets.kind == kind
        ))
        if custom:
            return list(custom)
    return list(DEFAULT_OFFSETS[kind])


def channel_switches(session: Session, recipients: list[Recipient]) -> dict[tuple[int, str, str], bool]:
    ids = [r.user_id for r in recipients if r.user_id is not None]
    if not ids:
        return {}
    rows = session.execute(sa.select(
        ReminderSwitch.user_id, ReminderSwitch.kind, ReminderSwitch.channel,
        ReminderSwitch.enabled,
    ).where(ReminderSwitch.user_id.in_(ids)))
    return {(u, k, c): enabled for u, k, c, enabled in rows}


def receives_reminders(user: User | None) -> bool:
    return user is not None and user.is_active and user.deleted_at is None


def _user_recipient(user: User, fallback_zone: str) -> Recipient:
    zone_name = user.timezone or (user.organisation.timezone if user.organisation else None)
    return Recipient(user_key(user.id), user.email, user.id, zone_name or fallback_zone)


def _hr_recipients(session: Session, posting: Posting) -> list[Recipient]:
    staff = session.scalars(sa.select(User).where(
        User.organisation_id == posting.organisation_id, User.role == Role.HR,
        User.is_active.is_(True), User.deleted_at.is_(None),
    ).order_by(User.id))
    return [_user_recipient(u, posting.timezone) for u in staff]


def _accepts_applications(posting: Posting) -> bool:
    if posting.visibility is Visibility.PRIVATE:
        return posting.status not in _ENDED_POSTING and posting.status is not PostingStatus.CLOSED
    return posting.status in _LIVE_POSTING
