"""Interviews: a posting-wide date, or a slot for one application."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from enum import Enum
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload, selectinload

from tracker.db import utcnow
from tracker.domain.access import Actor, can_manage, visible_interviews
from tracker.domain.errors import (
    Conflict,
    DomainError,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from tracker.domain.paging import Page, make_page, paginate
from tracker.domain.validation import normalise_email
from tracker.models import (
    Application,
    ApplicationStatus,
    AuditLog,
    Interview,
    InterviewStatus,
    PanelMember,
)
from tracker.services import audit
from tracker.services.accounts.users import find_user
from tracker.services.hiring.applications import move
from tracker.services.hiring.interview_rules import Panelist as Panelist
from tracker.services.hiring.interview_rules import future_start
from tracker.services.hiring.interview_rules import is_past as is_past
from tracker.services.hiring.interview_rules import move_comment as move_comment
from tracker.services.hiring.interview_rules import schedule_problems as schedule_problems
from tracker.services.hiring.interview_rules import scheduled_on as scheduled_on
from tracker.services.reminders import events
from tracker.services.reminders import planner as reminders

if TYPE_CHECKING:
    from tracker.models import Posting

Clock = Callable[[], datetime]

# The reason recorded on an interview cancelled because a new slot replaced it
REPLACED = "replaced by a new slot"


class ScheduledAlready(Conflict):
    """The application already has a scheduled interview: move it, or replace it explicitly."""

    def __init__(self, interview: Interview) -> None:
        super().__init__("application", "this application already has a scheduled interview: "
                                        "move it, or cancel it and schedule a new one")
        self.interview = interview
        self.interview_id = interview.id  # readable once the transaction is gone

def schedule(
    session: Session,
    posting: Posting,
    *,
    day: date,
    at: time | None = None,
    timezone: str | None = None,
    duration_minutes: int = 45,
    place: str | None = None,
    video_url: str | None = None,
    application: Application | None = None,
    panel: Iterable[Panelist] = (),
    actor: Actor,
    clock: Clock = utcnow,
    field: str = "at",
    replace: bool = False,
) -> Interview:
    """Schedule an interview. It may not start in the past; a date without a time counts as
    the whole local day. Scheduling one for an application moves it to `interview`. Every
    problem of the request is reported at once (ValidationFailed).

    An application has one current slot: if it already has a scheduled interview, the new
    one is refused (ScheduledAlready: move that one instead), unless `replace` says to cancel
    it, which tells the candidate and the panel of the cancellation."""
    if not can_manage(actor, posting):
        raise PermissionDenied("posting", "you may not schedule interviews for this posting")
    panel = list(panel)
    earlier = (current_interviews(session, application, clock=clock)
               if application is not None else [])
    if earlier and not replace:
        raise ScheduledAlready(earlier[0])
    problems = schedule_problems(
        posting, day=day, at=at, timezone=timezone, duration_minutes=duration_minutes,
        video_url=video_url, application=application, panel=panel, clock=clock, field=field)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise ValidationFailed(problems)
    tz = timezone or posting.timezone
    now = clock()
    starts_at = future_start(day, at, tz, now, field)
    for old in earlier:  # the user chose to replace it: its people hear of the cancellation
        cancel(session, old, actor=actor, clock=clock, reason=REPLACED)
    interview = Interview(
        posting=posting,
        application=application,
        start_date=day,
        start_time=at,
        timezone=tz,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        place=place,
        video_url=video_url,
        created_at=now,
        updated_at=now,
        panel=_panel(session, panel),
    )
    session.add(interview)
    session.flush()
    entry = audit.record(
        session, at=now, actor=actor, action="interview.schedule", entity=interview,
        details={"starts_at": starts_at, "application_id": application.id if application else None},
    )
    if application is not None and application.status is not ApplicationStatus.INTERVIEW:
        move(
            session, application, ApplicationStatus.INTERVIEW, actor=actor, clock=clock,
            comment=move_comment(day, at, tz),
        )
    reminders.sync_interview(session, interview, clock=clock)
    _tell(session, interview, "scheduled", entry, clock)
    return interview


class _Keep(Enum):
    KEEP = "keep"


KEEP = _Keep.KEEP  # reschedule(place=KEEP): the place stays as it is


def reschedule(
    session: Session,
    interview: Interview,
    *,
    day: date,
    at: time | None = None,
    timezone: str | None = None,
    duration_minutes: int | None = None,
    place: str | None | _Keep = KEEP,
    video_url: str | None | _Keep = KEEP,
    actor: Actor,
    clock: Clock = utcnow,
    field: str = "at",
) -> Interview:
    """Move a scheduled interview to another local date and time (and, when given, another
    zone, duration, place or video link). The candidate and the panel are told, with an
    invitation of the same UID and a raised SEQUENCE; its reminders follow the new time.
    Every problem of the request is reported at once (ValidationFailed)."""
    if not can_manage(actor, interview.posting):
        raise PermissionDenied("interview", "you may not move this interview")
    if interview.status is not InterviewStatus.SCHEDULED:
        raise InvalidTransition("status", "a %(status)s interview cannot move",
                                status=interview.status)
    tz = timezone or interview.timezone
    minutes = duration_minutes if duration_minutes is not None else interview.duration_minutes
    link = interview.video_url if video_url is KEEP else video_url
    problems = schedule_problems(interview.posting, day=day, at=at, timezone=tz,
                                 duration_minutes=minutes, video_url=link, clock=clock,
                                 field=field)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise ValidationFailed(problems)
    now = clock()
    starts_at = future_start(day, at, tz, now, field)
    before = interview.starts_at
    interview.start_date, interview.start_time, interview.timezone = day, at, tz
    interview.starts_at = starts_at
    interview.duration_minutes = minutes
    if place is not KEEP:
        interview.place = place
    interview.video_url = link
    interview.updated_at = now
    session.flush()
    entry = audit.record(
        session, at=now, actor=actor, action="interview.reschedule", entity=interview,
        details={"from": before, "to": starts_at},
    )
    reminders.sync_interview(session, interview, clock=clock)
    _tell(session, interview, "rescheduled", entry, clock)
    return interview


def cancel(
    session: Session,
    interview: Interview,
    *,
    actor: Actor,
    clock: Clock = utcnow,
    reason: str | None = None,
) -> Interview:
    """Cancel a scheduled interview (with an optional reason): the candidate and the panel
    are told, with a METHOD:CANCEL invitation of the same UID; its reminders are withdrawn."""
    check_cancel(interview, actor=actor)
    reason = (reason or "").strip() or None
    if reason is not None and len(reason) > 2000:
        raise DomainError("reason", "must be at most 2000 characters")
    now = clock()
    interview.status = InterviewStatus.CANCELLED
    interview.outcome = reason
    interview.updated_at = now
    session.flush()
    entry = audit.record(session, at=now, actor=actor, action="interview.cancel",
                         entity=interview, details={"reason": reason})
    reminders.sync_interview(session, interview, clock=clock)
    _tell(session, interview, "cancelled", entry, clock)
    return interview


def check_cancel(interview: Interview, *, actor: Actor) -> None:
    """Raise what cancel() would refuse (a confirmation step asks only when it may go on)."""
    if not can_manage(actor, interview.posting):
        raise PermissionDenied("interview", "you may not cancel this interview")
    if interview.status is not InterviewStatus.SCHEDULED:
        raise InvalidTransition("status", "a %(status)s interview cannot be cancelled",
                                status=interview.status)


def current_interviews(session: Session, application: Application, *,
                       clock: Clock = utcnow) -> list[Interview]:
    """The scheduled interviews of `application` that have not started (one, unless made
    before the rule), soonest first. One that took place does not count: a second round is a
    new interview."""
    if application.id is None:
        return []
    now = clock()
    return [i for i in session.scalars(
        sa.select(Interview).where(Interview.application_id == application.id,
                                   Interview.status == InterviewStatus.SCHEDULED)
        .order_by(Interview.starts_at, Interview.id))
        if not is_past(i.start_date, i.start_time, i.timezone, now)]


def get_interview(
    session: Session, interview_id: int, *, actor: Actor
) -> Interview:
    interview = session.scalar(
        sa.select(Interview).where(Interview.id == interview_id, visible_interviews(actor))
    )
    if interview is None:
        raise NotFound("interview", "no interview #%(id)s", id=str(interview_id))
    return interview


def list_interviews(
    session: Session,
    *,
    posting: Posting | None = None,
    application: Application | None = None,
    page: int = 1,
    per_page: int = 50,
    actor: Actor,
    first_day: date | None = None,
    last_day: date | None = None,
) -> Page[Interview]:
    """The interviews `actor` may see, soonest first, one page (panels loaded with them);
    with `first_day`/`last_day`, those whose local date (in the interview's own zone, the
    organisation's unless set otherwise) falls between them, both included."""
    query = (
        sa.select(Interview)
        .options(selectinload(Interview.panel), joinedload(Interview.posting))
        .where(visible_interviews(actor))
    )
    if posting is not None:
        query = query.where(Interview.posting_id == posting.id)
    if application is not None:
        query = query.where(Interview.application_id == application.id)
    if first_day is not None and last_day is not None and last_day < first_day:
        raise DomainError("--to", "%(last)s is before --from %(first)s",
                          last=str(last_day), first=str(first_day))
    if first_day is not None:
        query = query.where(Interview.start_date >= first_day)
    if last_day is not None:
        query = query.where(Interview.start_date <= last_day)
    query = paginate(query.order_by(Interview.starts_at, Interview.id), page, per_page)
    return make_page(list(session.scalars(query).unique()), page, per_page)


def _tell(session: Session, interview: Interview, event: str, entry: AuditLog,
          clock: Clock) -> None:
    """The candidate hears of the change at once (tracker.services.reminders.events)."""
    if entry.id is None:
        session.flush()
    events.interview_changed(session, interview, event, entry.id, clock=clock, at=entry.at)


def _panel(session: Session, members: Iterable[Panelist]) -> list[PanelMember]:
    rows: list[PanelMember] = []
    seen: set[str] = set()
    for position, member in enumerate(members):
        email = normalise_email(member.email, f"panel[{position}].email")
        if email in seen:
            raise DomainError(f"panel[{position}].email", "%(email)s is on the panel twice",
                              email=email)
        seen.add(email)
        user = find_user(session, email)
        rows.append(PanelMember(name=member.name or (user.full_name if user else email),
                                email=email, user=user))
    return rows
