"""What a due reminder would say, or why it should not go out any more.

`decide` looks at a batch of due rows with a handful of queries (subjects, recipients, switches
and later reminders of the same series are read in bulk) and returns, for each, either the
plain data its message is made from, or the reason to expire or cancel it. The dispatcher, the
`due` listing and dry runs all use it, so what is shown is what would be done.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import QueryableAttribute, Session, aliased, joinedload, selectinload

from tracker.domain.timeutil import local_today, zone
from tracker.i18n import Formatter
from tracker.models import (
    Application,
    ApplicationMessage,
    ApplicationStatus,
    ApplicationStatusChange,
    Interview,
    InterviewStatus,
    Posting,
    PostingStatus,
    Reminder,
    ReminderKind,
    ReminderStatus,
    ReminderSwitch,
    User,
    Visibility,
)
from tracker.services.reminders.decision import (
    ACCOUNT_COLUMNS,
    CANCEL,
    EXPIRE,
    SEND,
    Account,
    Decision,
    DueRow,
)
from tracker.services.reminders.digest import decide_digest
from tracker.services.reminders.events import EVENT_OF_CODE, parse_event
from tracker.services.reminders.invitations import INTERVIEW_CHANGES as INTERVIEW_CHANGES
from tracker.services.reminders.invitations import interview_changes, interview_uid
from tracker.services.reminders.outbox import planned_late_reason
from tracker.services.reminders.rules import (
    EVENT_KINDS,
    PLANNED_LATE_AFTER,
    SUBJECT_OF,
    is_on,
)

K = ReminderKind
_LATER_STATES = [ReminderStatus.PENDING, ReminderStatus.SENDING, ReminderStatus.SENT]


class _Application(NamedTuple):
    """What the decisions read of an application (a batch reads hundreds)."""

    id: int
    posting_id: int
    candidate_id: int | None
    status: ApplicationStatus
    submitted_at: datetime | None
    deleted_at: datetime | None
    person_name: str  # Application.person_name: the account's name, else the one recorded


_APPLICATION_COLUMNS = (
    Application.id, Application.posting_id, Application.candidate_id, Application.status,
    Application.submitted_at, Application.deleted_at,
    sa.func.coalesce(User.full_name, Application.applicant_name, "").label("person_name"),
)


@dataclass
class _Facts:
    applications: dict[int, _Application]
    interviews: dict[int, Interview]
    postings: dict[int, Posting]  # the subjects' and the applications' postings
    users: dict[int, Account]
    switches: dict[tuple[int, str, str], bool]
    switched: set[int]  # the users with any switch (the others have every kind on)
    waiting: dict[int, int]  # posting id -> submitted applications not yet reviewed
    applied: dict[int, int]  # posting id -> applications past the draft (not withdrawn)
    # (reminder id) -> the due time of the latest reminder of its series, when later than its own
    superseded: dict[int, datetime]
    session: Session
    # per batch: one formatter per language, one posting context per (posting, language, zone)
    formatters: dict[str, Formatter] = field(default_factory=dict)
    posting_contexts: dict[tuple[int, str, str], dict[str, Any]] = field(default_factory=dict)
    changes: dict[int, ApplicationStatusChange] = field(default_factory=dict)  # status events
    # interview id -> the invitation's SEQUENCE: how many times it was moved or cancelled
    sequences: dict[int, int] = field(default_factory=dict)
    messages: dict[int, ApplicationMessage] = field(default_factory=dict)  # employer messages


def decide(session: Session, rows: Iterable[DueRow], now: datetime) -> list[Decision]:
    rows = list(rows)
    if not rows:
        return []
    facts = _load(session, rows, now)
    return [_decide(row, facts, now) for row in rows]


def _load(session: Session, rows: list[DueRow], now: datetime) -> _Facts:
    dialect = session.get_bind().dialect.name
    ids: dict[str, set[int]] = {"posting": set(), "application": set(), "interview": set(),
                                "user": set()}
    for row in rows:
        ids[SUBJECT_OF[row.kind].value].add(row.subject_id)
    applications = {a.id: a for a in map(_Application._make, session.execute(
        sa.select(*_APPLICATION_COLUMNS)
        .outerjoin(User, User.id == Application.candidate_id)
        .where(among(Application.id, ids["application"], dialect))
    ))} if ids["application"] else {}
    interviews = {i.id: i for i in session.scalars(
        sa.select(Interview).where(Interview.id.in_(ids["interview"]))
        .options(joinedload(Interview.posting),
                 joinedload(Interview.application).joinedload(Application.candidate),
                 selectinload(Interview.panel))
    )} if ids["interview"] else {}
    posting_ids = ids["posting"] | {a.posting_id for a in applications.values()}
    postings = {p.id: p for p in session.scalars(
        sa.select(Posting).where(Posting.id.in_(posting_ids))
    )} if posting_ids else {}
    waiting: dict[int, int] = {}
    applied: dict[int, int] = {}
    if ids["posting"]:
        grouped = session.execute(
            sa.select(Application.posting_id, Application.status, sa.func.count())
            .where(Application.posting_id.in_(ids["posting"]), Application.deleted_at.is_(None))
            .group_by(Application.posting_id, Application.status)
        )
        for posting_id, status, number in grouped:
            if status is ApplicationStatus.SUBMITTED:
                waiting[posting_id] = waiting.get(posting_id, 0) + number
            if status not in (ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN):
                applied[posting_id] = applied.get(posting_id, 0) + number
    user_ids = {row.recipient_user_id for row in rows if row.recipient_user_id is not None}
    users = {u.id: u for u in map(Account._make, session.execute(
        sa.select(*ACCOUNT_COLUMNS).where(among(User.id, user_ids, dialect))
    ))} if user_ids else {}
    switches = {(u, k, c): on for u, k, c, on in session.execute(
        sa.select(ReminderSwitch.user_id, ReminderSwitch.kind, ReminderSwitch.channel,
                  ReminderSwitch.enabled).where(among(ReminderSwitch.user_id, user_ids, dialect))
    )} if user_ids else {}
    change_ids = {parse_event(row.offset_spec)[1] for row in rows if row.kind is K.STATUS_CHANGED}
    changes = {c.id: c for c in session.scalars(
        sa.select(ApplicationStatusChange).where(ApplicationStatusChange.id.in_(change_ids))
    )} if change_ids else {}
    # The invitation's SEQUENCE rises with each change of the interview, read from its audit
    # history (the calendar_event table only follows what the calendar feeds exported).
    sequences = interview_changes(session, list(interviews))
    message_ids = {parse_event(row.offset_spec)[1] for row in rows if row.kind is K.MESSAGE}
    messages = {m.id: m for m in session.scalars(
        sa.select(ApplicationMessage).where(ApplicationMessage.id.in_(message_ids))
    )} if message_ids else {}
    return _Facts(applications, interviews, postings, users, switches,
                  {user_id for user_id, _k, _c in switches}, waiting, applied,
                  superseded(session, rows, now), session, changes=changes,
                  sequences=sequences, messages=messages)


def _decide(row: DueRow, facts: _Facts, now: datetime) -> Decision:
    user = facts.users.get(row.recipient_user_id) if row.recipient_user_id else None
    if row.recipient_user_id is not None:
        if user is None or not user.is_active or user.deleted_at is not None:
            return Decision(row.id, CANCEL, "the recipient's account is closed")
        # an employer's message is not a reminder: the switches do not stop it
        if (row.kind is not K.MESSAGE and user.id in facts.switched
                and not is_on(facts.switches, user.id, row.kind, row.channel)):
            return Decision(row.id, CANCEL, f"switched off by {user.email}")
    lang = user.locale.value if user else "fr"
    f = facts.formatters.get(lang) or facts.formatters.setdefault(lang, Formatter(lang))
    # Late is said of a reminder that existed when it came due and waits since (nothing ran)
    base: dict[str, Any] = {
        "kind": row.kind.value, "lang": lang, "recipient_email": row.recipient_email,
        "name": user.full_name if user else row.recipient_email,
        "late": now - row.due_at > PLANNED_LATE_AFTER and _utc(row.created_at) <= row.due_at,
    }
    handler = _HANDLERS.get(row.kind)
    if handler is None:  # the daily digest of hr (its own queries: one row per user a day)
        return decide_digest(facts.session, row, user, now, f, base)
    decision = handler(row, facts, now, f, base)
    if decision.action != SEND or row.kind in EVENT_KINDS:  # every event is told
        return decision
    if _utc(row.created_at) - row.due_at > PLANNED_LATE_AFTER:
        # e.g. the 7-day reminder of a draft started the day before the deadline
        return Decision(row.id, EXPIRE, planned_late_reason(row.due_at, _utc(row.created_at)))
    latest = facts.superseded.get(row.id)
    if latest is not None:
        return Decision(row.id, EXPIRE, f"superseded by the reminder due at {latest:%Y-%m-%d %H:%M}Z")
    return decision


def superseded(session: Session, rows: list[DueRow], now: datetime) -> dict[int, datetime]:
    """The rows of `rows` that a later reminder of their series, already due, supersedes (after
    a pause, only the most recent one goes out), each with that reminder's due time. A series
    is (kind, subject, recipient, channel) for one occurrence of the anchor: what went out for
    an earlier occurrence supersedes nothing. One query for the batch, which answers the
    superseded rows alone (seldom any): each row's series is looked up through the
    `(subject_id, kind, status, due_at)` index (or the unique key)."""
    later = aliased(Reminder, name="later")
    # A subquery per row of the batch (not a join, which SQLite's planner may start from the
    # outbox's sent rows): each row's series is an index lookup, whatever the outbox's size.
    latest = sa.select(sa.func.max(later.due_at)).where(
        later.subject_id == Reminder.subject_id, later.kind == Reminder.kind,
        later.recipient_key == Reminder.recipient_key, later.channel == Reminder.channel,
        later.anchor_at == Reminder.anchor_at, later.status.in_(_LATER_STATES),
        later.due_at <= now, later.due_at > Reminder.due_at,
    ).scalar_subquery()
    query = sa.select(Reminder.id, latest).where(
        among(Reminder.id, {row.id for row in rows}, session.get_bind().dialect.name))
    return {row_id: _utc(due) for row_id, due in session.execute(query) if due is not None}


def among(column: QueryableAttribute[int], values: Iterable[int],
          dialect: str) -> sa.ColumnElement[bool]:
    """`column` is one of `values` (ids). On PostgreSQL (`dialect`) one array parameter
    (`= ANY(:ids)`): the statement's text stays the same whatever the number of ids, and the
    plan kept for psycopg's prepared statement is one made for an array of ids (an index lookup
    per id); a 500-value `IN` list fell to a generic plan after five runs, which read the unique
    key's `kind` prefix and grew with the outbox (issue #16). On SQLite one JSON array read by
    `json_each` (`IN (SELECT value FROM json_each(:ids))`, looked up by rowid or index as the
    `IN` list was): a 500-value `IN` list made SQLAlchemy render 500 parameters at each run."""
    ids = sorted(values)
    if dialect == "postgresql":
        array = postgresql.ARRAY(sa.Integer)
        return column == sa.any_(sa.cast(sa.bindparam("ids", ids, type_=array, unique=True),
                                         array))
    listed = sa.func.json_each(sa.bindparam("ids", json.dumps(ids), type_=sa.String,
                                            unique=True)).table_valued("value")
    return column.in_(sa.select(listed.c.value))


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _posting_context(posting: Posting, f: Formatter, now: datetime, tz_name: str,
                     cache: dict[tuple[int, str, str], dict[str, Any]] | None = None) -> dict:
    key = (posting.id, f.lang, tz_name)
    if cache is not None and key in cache:
        return cache[key]
    result = _build_posting_context(posting, f, now, tz_name)
    if cache is not None:
        cache[key] = result
    return result


def _build_posting_context(posting: Posting, f: Formatter, now: datetime, tz_name: str) -> dict:
    days = None
    if posting.valid_through_date is not None:
        deadline_day = posting.valid_through.astimezone(zone(tz_name)).date()
        days = (deadline_day - local_today(now, tz_name)).days
    return {
        "posting_title": posting.title, "posting_reference": posting.reference,
        "organisation": posting.hiring_organization_name,
        "deadline": f.instant(posting.valid_through, posting.timezone),
        "deadline_zone": posting.timezone, "days_left": days,
    }


def _deadline_draft(row: DueRow, facts: _Facts, now: datetime, f: Formatter,
                    base: dict) -> Decision:
    app = facts.applications.get(row.subject_id)
    if app is None or app.deleted_at is not None:
        return Decision(row.id, CANCEL, "the application is gone")
    if app.status is not ApplicationStatus.DRAFT:
        return Decision(row.id, CANCEL, f"the application is {app.status.value}")
    posting = facts.postings[app.posting_id]
    if posting.status is not PostingStatus.OPEN and posting.owner_id is None:
        return Decision(row.id, EXPIRE, f"the posting is {posting.status.value}")
    if posting.valid_through is None or posting.valid_through <= now:
        return Decision(row.id, EXPIRE, "the deadline has passed "
                        f"({f.instant(posting.valid_through, posting.timezone)})")
    context = {**base, **_posting_context(posting, f, now, row.timezone, facts.posting_contexts),
               "link": f"/applications/{app.id}"}
    return Decision(row.id, SEND, context=context)


def _no_answer(row: DueRow, facts: _Facts, now: datetime, f: Formatter,
               base: dict) -> Decision:
    app = facts.applications.get(row.subject_id)
    if app is None or app.deleted_at is not None:
        return Decision(row.id, CANCEL, "the application is gone")
    if app.status is not ApplicationStatus.SUBMITTED or app.submitted_at is None:
        return Decision(row.id, CANCEL, f"the application is {app.status.value}")
    posting = facts.postings[app.posting_id]
    context = {**base, **_posting_context(posting, f, now, row.timezone, facts.posting_contexts),
               "submitted": f.instant(app.submitted_at, posting.timezone),
               "days_since": (local_today(now, row.timezone)
                              - app.submitted_at.astimezone(zone(row.timezone)).date()).days,
               "link": f"/applications/{app.id}"}
    return Decision(row.id, SEND, context=context)


def _interview_soon(row: DueRow, facts: _Facts, now: datetime, f: Formatter,
                    base: dict) -> Decision:
    interview = facts.interviews.get(row.subject_id)
    if interview is None:
        return Decision(row.id, CANCEL, "the interview is gone")
    if interview.status is not InterviewStatus.SCHEDULED:
        return Decision(row.id, CANCEL, f"the interview is {interview.status.value}")
    if interview.starts_at <= now:
        return Decision(row.id, EXPIRE, "the interview has started "
                        f"({f.instant(interview.starts_at, interview.timezone)})")
    if (interview.posting.visibility is Visibility.PRIVATE
            and row.recipient_user_id != interview.posting.owner_id):
        # planned before the rule: a candidate's own posting reminds that candidate alone
        return Decision(row.id, CANCEL, "a candidate's own posting: its interviews remind "
                        "that candidate alone")
    when = (f.instant(interview.starts_at, interview.timezone) if interview.start_time
            else f.local(interview.start_date, None, interview.timezone))
    panel_name = next((m.name for m in interview.panel if m.email == row.recipient_email), None)
    app = interview.application
    context = {
        **base, **_posting_context(interview.posting, f, now, row.timezone,
                              facts.posting_contexts),
        "name": base["name"] if row.recipient_user_id else (panel_name or row.recipient_email),
        "interview_id": interview.id, "when": when, "zone": interview.timezone,
        "place": interview.place, "video_url": interview.video_url,
        "duration_minutes": interview.duration_minutes,
        "candidate_name": app.person_name if app else None,
        "as_panel": app.candidate_id != row.recipient_user_id if app is not None
        else not (row.recipient_user_id is not None
                  and row.recipient_user_id == interview.posting.owner_id),
        "hours_left": max(0, round((interview.starts_at - now).total_seconds() / 3600)),
        # at least 1: a reminder sent late reads "in 15 min", never "in 0 h"
        "minutes_left": max(1, math.ceil((interview.starts_at - now).total_seconds() / 60)),
        "days_to_interview": (interview.starts_at.astimezone(zone(row.timezone)).date()
                              - local_today(now, row.timezone)).days,
        "starts_at": interview.starts_at, "all_day": interview.start_time is None,
        "sequence": facts.sequences.get(interview.id, 0), "uid": interview_uid(interview.id),
        "link": f"/interviews/{interview.id}",
    }
    return Decision(row.id, SEND, context=context)


def _review_waiting(row: DueRow, facts: _Facts, now: datetime, f: Formatter,
                    base: dict) -> Decision:
    posting = facts.postings.get(row.subject_id)
    if posting is None or posting.deleted_at is not None:
        return Decision(row.id, CANCEL, "the posting is gone")
    if posting.status in (PostingStatus.CANCELLED, PostingStatus.FILLED, PostingStatus.DRAFT):
        return Decision(row.id, CANCEL, f"the posting is {posting.status.value}")
    waiting = facts.waiting.get(posting.id, 0)
    if not waiting:
        return Decision(row.id, EXPIRE, "no application waits for review")
    context = {**base, **_posting_context(posting, f, now, row.timezone, facts.posting_contexts), "waiting": waiting,
               "link": f"/postings/{posting.reference}"}
    return Decision(row.id, SEND, context=context)


def _closing_empty(row: DueRow, facts: _Facts, now: datetime, f: Formatter,
                   base: dict) -> Decision:
    posting = facts.postings.get(row.subject_id)
    if posting is None or posting.deleted_at is not None:
        return Decision(row.id, CANCEL, "the posting is gone")
    if posting.status is not PostingStatus.OPEN:
        return Decision(row.id, CANCEL, f"the posting is {posting.status.value}")
    if posting.valid_through is None or posting.valid_through <= now:
        return Decision(row.id, EXPIRE, "the deadline has passed")
    if facts.applied.get(posting.id, 0):
        return Decision(row.id, EXPIRE, "applications have come in")
    context = {**base, **_posting_context(posting, f, now, row.timezone, facts.posting_contexts),
               "link": f"/postings/{posting.reference}"}
    return Decision(row.id, SEND, context=context)


def _status_changed(row: DueRow, facts: _Facts, now: datetime, f: Formatter,
                    base: dict) -> Decision:
    app = facts.applications.get(row.subject_id)
    if app is None or app.deleted_at is not None:
        return Decision(row.id, CANCEL, "the application is gone")
    change = facts.changes.get(parse_event(row.offset_spec)[1])
    if change is None:
        return Decision(row.id, CANCEL, "the status change is gone")
    context = {**base, **_posting_context(facts.postings[app.posting_id], f, now, row.timezone,
                                          facts.posting_contexts),
               "status": change.to_status.value, "status_label": f(f"status.{change.to_status.value}"),
               "from_status_label": f(f"status.{change.from_status.value}")
               if change.from_status else None,
               "changed": f.instant(change.changed_at, row.timezone),
               "link": f"/applications/{app.id}"}
    return Decision(row.id, SEND, context=context)


def _interview_event(row: DueRow, facts: _Facts, now: datetime, f: Formatter,
                     base: dict) -> Decision:
    interview = facts.interviews.get(row.subject_id)
    if interview is None:
        return Decision(row.id, CANCEL, "the interview is gone")
    event = EVENT_OF_CODE.get(parse_event(row.offset_spec)[0], "scheduled")
    if event != "cancelled" and interview.status is InterviewStatus.CANCELLED:
        return Decision(row.id, CANCEL, "the interview is cancelled (the candidate is told so)")
    if event != "cancelled" and interview.starts_at <= now:
        return Decision(row.id, EXPIRE, "the interview has started "
                        f"({f.instant(interview.starts_at, interview.timezone)})")
    if (interview.posting.visibility is Visibility.PRIVATE
            and row.recipient_user_id != interview.posting.owner_id):
        # planned before the rule: a candidate's own posting reminds that candidate alone
        return Decision(row.id, CANCEL, "a candidate's own posting: its interviews remind "
                        "that candidate alone")
    when = (f.instant(interview.starts_at, interview.timezone) if interview.start_time
            else f.local(interview.start_date, None, interview.timezone))
    panel_name = next((m.name for m in interview.panel if m.email == row.recipient_email), None)
    app = interview.application
    context = {
        **base, **_posting_context(interview.posting, f, now, row.timezone,
                                   facts.posting_contexts),
        "name": base["name"] if row.recipient_user_id else (panel_name or row.recipient_email),
        "as_panel": app is None or app.candidate_id is None
        or app.candidate_id != row.recipient_user_id,
        "candidate_name": app.person_name if app is not None else None,
        # a slot cancelled because a new one replaced it (REPLACED of hiring.interviews): the
        # template words it; any other reason is the one typed
        "replaced": event == "cancelled" and interview.outcome == "replaced by a new slot",
        "reason": interview.outcome if event == "cancelled"
        and interview.outcome != "replaced by a new slot" else None,
        "event": event, "interview_id": interview.id, "when": when, "zone": interview.timezone,
        "place": interview.place, "video_url": interview.video_url,
        "duration_minutes": interview.duration_minutes, "starts_at": interview.starts_at,
        "all_day": interview.start_time is None,
        "sequence": facts.sequences.get(interview.id, 0), "uid": interview_uid(interview.id),
        "link": f"/interviews/{interview.id}",
    }
    return Decision(row.id, SEND, context=context)


def _application_received(row: DueRow, facts: _Facts, now: datetime, f: Formatter,
                          base: dict) -> Decision:
    app = facts.applications.get(row.subject_id)
    if app is None or app.deleted_at is not None:
        return Decision(row.id, CANCEL, "the application is gone")
    if app.status is ApplicationStatus.DRAFT or app.submitted_at is None:
        return Decision(row.id, CANCEL, "the application is not submitted")
    context = {**base, **_posting_context(facts.postings[app.posting_id], f, now, row.timezone,
                                          facts.posting_contexts),
               "applicant": app.person_name or "?",
               "submitted": f.instant(app.submitted_at, row.timezone),
               "link": f"/applications/{app.id}"}
    return Decision(row.id, SEND, context=context)


def _message(row: DueRow, facts: _Facts, now: datetime, f: Formatter,
             base: dict) -> Decision:
    """A message the employer wrote (services/messages): its text as it was sent."""
    app = facts.applications.get(row.subject_id)
    if app is None or app.deleted_at is not None:
        return Decision(row.id, CANCEL, "the application is gone")
    message = facts.messages.get(parse_event(row.offset_spec)[1])
    if message is None:
        return Decision(row.id, CANCEL, "the message is gone")
    context = {**base, **_posting_context(facts.postings[app.posting_id], f, now, row.timezone,
                                          facts.posting_contexts),
               "message_subject": message.subject, "message_body": message.body,
               "link": f"/applications/{app.id}" if app.candidate_id else None}
    return Decision(row.id, SEND, context=context)


_HANDLERS = {
    K.DEADLINE_DRAFT: _deadline_draft, K.NO_ANSWER: _no_answer,
    K.INTERVIEW_SOON: _interview_soon, K.REVIEW_WAITING: _review_waiting,
    K.CLOSING_EMPTY: _closing_empty, K.STATUS_CHANGED: _status_changed,
    K.INTERVIEW_SCHEDULED: _interview_event, K.APPLICATION_RECEIVED: _application_received,
    K.MESSAGE: _message,
}
