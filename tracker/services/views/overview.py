"""Read-only summaries the pages show: the hr dashboard, a candidate's applications with what is
missing, interviews. Plain data for templates; a few statements per page. A posting's
applicants page is views.applicants."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from tracker.db import utcnow
from tracker.domain.access import (
    Actor,
    Operator,
    can_manage,
    sees_drafts,
    visible_applications,
    visible_postings,
)
from tracker.domain.errors import PermissionDenied
from tracker.domain.timeutil import days_left
from tracker.models import (
    Application,
    ApplicationStatus,
    Document,
    Interview,
    InterviewStatus,
    Posting,
    PostingStatus,
    RequirementEvidence,
    Role,
    StatusCount,
    User,
)
from tracker.services.fit import scores as fit
from tracker.services.hiring.applications import required_missing
from tracker.services.hiring.interviews import REPLACED, is_past

Clock = Callable[[], datetime]
UPCOMING_DAYS = 14
DASHBOARD_POSTINGS = 50  # the soonest deadlines; the postings page lists them all
# The order in which a posting page shows its applicants' groups.
STATUS_ORDER = [
    ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.INTERVIEW,
    ApplicationStatus.OFFER, ApplicationStatus.HIRED, ApplicationStatus.REJECTED,
    ApplicationStatus.WITHDRAWN, ApplicationStatus.DRAFT,
]
@dataclass(frozen=True)
class Dashboard:
    postings: list[dict[str, Any]]
    status_counts: dict[str, int]
    interviews: list[dict[str, Any]]


def _deadline(posting: Any, now: datetime) -> dict[str, Any]:
    """A posting's deadline (a Posting, or a row of its deadline's columns) and days left."""
    return {
        "instant": posting.valid_through,
        "timezone": posting.timezone,
        "days_left": days_left(posting.valid_through_date, now, posting.timezone),
    }


def _interview(interview: Interview, application: Application | None) -> dict[str, Any]:
    return {
        "id": interview.id,
        "starts_at": interview.starts_at,
        "has_time": interview.start_time is not None,
        "timezone": interview.timezone,
        "duration_minutes": interview.duration_minutes,
        "place": interview.place,
        "video_url": interview.video_url,
        "status": interview.status.value,
        "posting_reference": interview.posting.reference,
        "posting_title": interview.posting.title,
        "application_id": application.id if application else None,
        "candidate_name": application.person_name if application else None,
    }


@dataclass(frozen=True)
class _DashboardStatements:
    postings: Any
    counts: Any
    interviews: Any


@lru_cache(maxsize=3)
def _dashboard_statements(scope: str) -> _DashboardStatements:
    """The dashboard's statements, built once for each scope (all organisations, the one given
    as `organisation_id`, or none), the time window as parameters (`since`, `until`)."""
    if scope == "all":
        mine, ours = sa.true(), sa.true()
    elif scope == "none":
        mine, ours = Posting.organisation_id.is_(None), StatusCount.organisation_id.is_(None)
    else:
        mine = Posting.organisation_id == sa.bindparam("organisation_id")
        ours = StatusCount.organisation_id == sa.bindparam("organisation_id")
    return _DashboardStatements(
        # the columns shown, not the postings as objects
        postings=sa.select(Posting.reference, Posting.title, Posting.location,
                           Posting.valid_through, Posting.valid_through_date, Posting.timezone)
        .where(Posting.status == PostingStatus.OPEN, Posting.deleted_at.is_(None), mine,
               Posting.organisation_id.is_not(None))
        .order_by(Posting.valid_through.asc().nulls_last(), Posting.id)
        .limit(DASHBOARD_POSTINGS),
        # kept per organisation by tracker.models.upkeep: read, not counted
        counts=sa.select(StatusCount.status, sa.func.sum(StatusCount.number))
        .where(ours).group_by(StatusCount.status),
        interviews=sa.select(Interview)
        .join(Posting, Posting.id == Interview.posting_id)
        .where(Interview.status == InterviewStatus.SCHEDULED, mine,
               Interview.starts_at >= sa.bindparam("since"),
               Interview.starts_at < sa.bindparam("until"))
        .options(selectinload(Interview.posting),
                 selectinload(Interview.application).selectinload(Application.candidate))
        .order_by(Interview.starts_at, Interview.id))


def hr_dashboard(session: Session, actor: Actor, *, clock: Clock = utcnow) -> Dashboard:
    """The organisation's open postings by deadline with the days left, its applications per
    status, and the interviews of the next 14 days. Three statements."""
    if isinstance(actor, User) and actor.role is Role.CANDIDATE:
        raise PermissionDenied("dashboard", "the dashboard is for hr staff")
    now = clock()
    organisation = None if isinstance(actor, Operator) or actor.role is Role.ADMIN else (
        actor.organisation_id)
    scope = ("all" if isinstance(actor, Operator) or actor.role is Role.ADMIN
             else "none" if organisation is None else "organisation")
    statements = _dashboard_statements(scope)
    values = {"organisation_id": organisation,
              "since": now - timedelta(hours=12), "until": now + timedelta(days=UPCOMING_DAYS)}
    postings = [
        {"reference": p.reference, "title": p.title, "location": p.location,
         **_deadline(p, now)}
        for p in session.execute(statements.postings, values)
    ]
    # drafts are the candidates' own until submitted: counted for admins, not for hr
    counts = {s.value: 0 for s in STATUS_ORDER
              if s is not ApplicationStatus.DRAFT or sees_drafts(actor)}
    for status, number in session.execute(statements.counts, values):
        if status.value in counts:
            counts[status.value] = int(number)
    upcoming = session.scalars(statements.interviews, values)
    return Dashboard(postings, counts, [_interview(i, i.application) for i in upcoming])


def schedulable_applicants(session: Session, posting: Posting, *,
                           actor: Actor) -> list[dict[str, Any]]:
    """The applications that may get an interview (submitted, under review, interview), by
    candidate name: the choices of the scheduling form."""
    if not can_manage(actor, posting):
        raise PermissionDenied("posting", "only the employer schedules interviews")
    return [{"id": app_id, "name": name} for app_id, name in session.execute(
        sa.select(Application.id, User.full_name)
        .join(User, User.id == Application.candidate_id)
        .where(Application.posting_id == posting.id, Application.deleted_at.is_(None),
               Application.status.in_([ApplicationStatus.SUBMITTED,
                                       ApplicationStatus.UNDER_REVIEW,
                                       ApplicationStatus.INTERVIEW]))
        .order_by(sa.func.lower(User.full_name), Application.id)
    )]


def application_interviews(session: Session, application: Application, *,
                           for_candidate: bool = False,
                           clock: Clock = utcnow) -> list[dict[str, Any]]:
    """The interviews of one application, and the posting's interview days once it is
    shortlisted: each day once (`posting_wide`), and not beside the application's own slot on
    that day (which is then marked `posting_day`). `for_candidate`: what the candidate sees,
    their current slot only (no cancelled one) and no posting-wide day beside it. `upcoming`:
    a scheduled slot still to come (which may be moved or cancelled)."""
    now = clock()
    shortlisted = application.status in (ApplicationStatus.INTERVIEW, ApplicationStatus.OFFER)
    condition = Interview.application_id == application.id
    if shortlisted:
        condition = sa.or_(condition, sa.and_(Interview.posting_id == application.posting_id,
                                              Interview.application_id.is_(None),
                                              Interview.status != InterviewStatus.CANCELLED))
    found = list(session.scalars(
        sa.select(Interview).where(condition).order_by(Interview.starts_at, Interview.id)))
    posting_days = {i.start_date for i in found if i.application_id is None}
    if for_candidate:
        found = [i for i in found if i.status is not InterviewStatus.CANCELLED]
        if any(i.application_id is not None and i.status is InterviewStatus.SCHEDULED
               for i in found):
            found = [i for i in found if i.application_id is not None]
    own_days = {i.start_date for i in found if i.application_id is not None}
    rows, seen = [], set()
    for interview in found:
        wide = interview.application_id is None
        if wide and (interview.start_date in own_days or interview.start_date in seen):
            continue
        seen.add(interview.start_date)
        rows.append({**_interview(interview, None if wide else application),
                     "posting_wide": wide, **_outcome(interview),
                     "upcoming": interview.status is InterviewStatus.SCHEDULED
                     and not is_past(interview.start_date, interview.start_time,
                                     interview.timezone, now),
                     "posting_day": not wide and interview.start_date in posting_days})
    return rows


def missing_items(application: Application, evidence_ids: set[int],
                  document_kinds: set[str]) -> list[dict[str, str]]:
    """What the posting asks for that the application does not have yet: its required
    documents, and the required requirements without evidence (fit.unanswered, the rule of
    fit.missing_evidence)."""
    missing = [{"what": "document", "label": d.label}
               for d in required_missing(application, document_kinds)]
    missing += [{"what": "requirement", "label": r.label, "level": r.level or ""}
                for r in fit.unanswered(application.posting, evidence_ids)]
    return missing


def candidate_applications(
    session: Session, actor: User, *, clock: Clock = utcnow
) -> list[dict[str, Any]]:
    """A candidate's applications, newest first: status, deadline with days left, next
    interview, and what is still missing. Five statements whatever their number."""
    now = clock()
    apps = session.scalars(
        sa.select(Application)
        .where(Application.candidate_id == actor.id, Application.deleted_at.is_(None),
               visible_applications(actor))
        .options(selectinload(Application.posting).selectinload(Posting.requirements),
                 selectinload(Application.posting).selectinload(Posting.required_documents))
        .order_by(Application.id.desc())
    ).all()
    ids = [a.id for a in apps]
    answered: dict[int, set[int]] = {i: set() for i in ids}
    kinds: dict[int, set[str]] = {i: set() for i in ids}
    nexts: dict[int, Interview] = {}
    if ids:
        for app_id, req_id, given in session.execute(
            sa.select(RequirementEvidence.application_id, RequirementEvidence.requirement_id,
                      RequirementEvidence.evidence)
            .where(RequirementEvidence.application_id.in_(ids),
                   RequirementEvidence.evidence.is_not(None))
        ):
            if fit.shows_evidence(given):
                answered[app_id].add(req_id)
        for app_id, kind in session.execute(
            sa.select(Document.application_id, Document.kind).where(
                Document.application_id.in_(ids))
        ):
            kinds[app_id].add(kind.value)
        for interview in session.scalars(
            sa.select(Interview)
            .where(Interview.application_id.in_(ids), Interview.starts_at >= now,
                   Interview.status == InterviewStatus.SCHEDULED)
            .order_by(Interview.starts_at.desc())
        ):
            nexts[interview.application_id] = interview  # type: ignore[index]
    rows = []
    for a in apps:
        interview = nexts.get(a.id)
        rows.append({
            "id": a.id, "status": a.status.value, "reference": a.posting.reference,
            "title": a.posting.title, "employer": a.posting.hiring_organization_name,
            "submitted_at": a.submitted_at, **_deadline(a.posting, now),
            "deadline_passed": bool(a.posting.valid_through and a.posting.valid_through < now),
            "interview": _interview(interview, a) if interview else None,
            "missing": missing_items(a, answered[a.id], kinds[a.id])
            if a.status is ApplicationStatus.DRAFT else [],
        })
    return rows


@dataclass(frozen=True)
class Detail:
    """One application as its page shows it."""

    application: Application
    answers: dict[int, RequirementEvidence] = field(default_factory=dict)
    missing: list[dict[str, str]] = field(default_factory=list)


def application_detail(session: Session, application: Application) -> Detail:
    answers = {e.requirement_id: e for e in application.evidence}
    kinds = {d.kind.value for d in application.documents}
    missing = missing_items(application, set(answers), kinds)  # its documents
    missing = [m for m in missing if m["what"] == "document"] + [
        {"what": "requirement", "label": m.label, "level": m.level or ""}
        for m in fit.missing_evidence(session, application)]
    return Detail(application, answers, missing)


def own_application_to(session: Session, viewer: User | None,
                       posting: Posting) -> dict[str, Any] | None:
    """The viewer's own application to this posting, if they are a candidate who has one (id
    and status); nothing for a visitor. It shows the viewer's own data only, so a visitor
    (None) is no actor with rights."""
    if viewer is None or viewer.role is not Role.CANDIDATE:
        return None
    found = session.execute(
        sa.select(Application.id, Application.status).where(
            Application.posting_id == posting.id, Application.candidate_id == viewer.id,
            Application.deleted_at.is_(None))
    ).first()
    return {"id": found[0], "status": found[1].value} if found else None


def own_postings(session: Session, actor: User) -> list[Posting]:
    """The postings a candidate logged from elsewhere (private to them)."""
    return list(session.scalars(
        sa.select(Posting)
        .where(Posting.owner_id == actor.id, Posting.deleted_at.is_(None),
               visible_postings(actor))
        .order_by(Posting.valid_through.asc().nulls_last(), Posting.id)
    ))


def posting_interviews(session: Session, posting: Posting, *, actor: Actor,
                       clock: Clock = utcnow,
                       found: list[Interview] | None = None) -> list[dict[str, Any]]:
    """Every interview of a posting for its employer, soonest first: the posting's interview
    days and each applicant's slots, scheduled or cancelled (`upcoming`: may still be moved
    or cancelled), with the panel. `found`: the interviews as interview_list read them."""
    if not can_manage(actor, posting):
        raise PermissionDenied("posting", "only the employer sees every interview")
    now = clock()
    return [{**_interview(i, i.application), **_outcome(i),
             "panel": [m.name or m.email for m in i.panel],
             "upcoming": i.status is InterviewStatus.SCHEDULED
             and not is_past(i.start_date, i.start_time, i.timezone, now)}
            for i in (interview_list(session, posting) if found is None else found)]


def interview_list(session: Session, posting: Posting) -> list[Interview]:
    """A posting's interviews, soonest first, with their applications and panels: what
    posting_interviews and the posting's record show, read once for both."""
    return list(session.scalars(_interview_list(), {"posting_id": posting.id}))


@lru_cache(maxsize=1)
def _interview_list() -> Any:
    """interview_list's statement, built once (its loader options made building it cost more
    than running it)."""
    return (sa.select(Interview).where(Interview.posting_id == sa.bindparam("posting_id"))
            .options(selectinload(Interview.application), selectinload(Interview.panel))
            .order_by(Interview.starts_at, Interview.id))


def _outcome(interview: Interview) -> dict[str, Any]:
    """An interview's outcome as typed (a cancellation's reason), and whether it was cancelled
    because a new slot replaced it (a fact a page words in its reader's language)."""
    replaced = interview.outcome == REPLACED
    return {"outcome": None if replaced else interview.outcome, "replaced": replaced}
