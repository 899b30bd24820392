"""Applications: start (draft), submit, move through the workflow, with the history kept."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload

from tracker.db import utcnow
from tracker.domain.access import Actor, Operator, actor_id, can_manage, visible_applications
from tracker.domain.errors import (
    Conflict,
    DomainError,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from tracker.domain.paging import Page, make_page, paginate
from tracker.domain.rows import ApplicationRow
from tracker.domain.validation import normalise_email, parse_enum
from tracker.i18n import Text
from tracker.models import (
    Application,
    ApplicationStatus,
    ApplicationStatusChange,
    ApplyMethod,
    Document,
    DocumentKind,
    Posting,
    PostingStatus,
    RequiredDocument,
    Role,
    User,
    Visibility,
)
from tracker.services import audit
from tracker.services.accounts.users import get_user
from tracker.services.hiring.lookup import get_posting
from tracker.services.hiring.search import public_posting
from tracker.services.reminders import events
from tracker.services.reminders import planner as reminders

if TYPE_CHECKING:
    from tracker.services.fit.scores import FitSummary

Clock = Callable[[], datetime]
S = ApplicationStatus

# The workflow. A rejected application may be reconsidered; hired and withdrawn are final.
TRANSITIONS: dict[ApplicationStatus, set[ApplicationStatus]] = {
    S.DRAFT: {S.SUBMITTED, S.WITHDRAWN},
    S.SUBMITTED: {S.UNDER_REVIEW, S.INTERVIEW, S.REJECTED, S.WITHDRAWN},
    S.UNDER_REVIEW: {S.INTERVIEW, S.OFFER, S.REJECTED, S.WITHDRAWN},
    S.INTERVIEW: {S.UNDER_REVIEW, S.OFFER, S.REJECTED, S.WITHDRAWN},
    S.OFFER: {S.HIRED, S.REJECTED, S.WITHDRAWN},
    S.HIRED: set(),
    S.REJECTED: {S.UNDER_REVIEW},
    S.WITHDRAWN: set(),
}
# What a candidate may do to their own application to an organisation's posting.
CANDIDATE_MOVES = {S.SUBMITTED, S.WITHDRAWN}
_CLOSED_POSTING = {PostingStatus.CLOSED, PostingStatus.CANCELLED, PostingStatus.FILLED}


def get_application(
    session: Session, application_id: int, *, actor: Actor
) -> Application:
    application = session.scalar(
        sa.select(Application).where(
            Application.id == application_id, Application.deleted_at.is_(None),
            visible_applications(actor),
        )
    )
    if application is None:
        raise NotFound("application", "no application #%(id)s", id=str(application_id))
    return application


def candidate_for(session: Session, name: str | None, *, actor: Actor,
                  field: str = "candidate") -> User:
    """Whom a new application is for: candidates apply for themselves (naming anyone else is
    refused, without saying whether that person exists); the operator names the candidate by
    e-mail. The employer side records what it received instead (record_received)."""
    if isinstance(actor, User) and (name is None or actor.role is Role.CANDIDATE):
        if name is not None and name.strip().lower() != actor.email:
            raise PermissionDenied("candidate", "candidates apply for themselves only")
        return actor
    if isinstance(actor, User):
        raise PermissionDenied("candidate", "an employer records the applicant's details as "
                               "given (candidate_name and candidate), never an account")
    if name is None:
        raise DomainError("candidate", "name the candidate")
    return get_user(session, name, field)


def employer_records(actor: Actor) -> bool:
    """Whether a new application by `actor` is one the employer received and records (hr
    staff and admins), not a candidate's own (candidates) or the operator's."""
    return isinstance(actor, User) and actor.role is not Role.CANDIDATE


def start_for(
    session: Session,
    posting: Posting,
    *,
    candidate: str | None,
    candidate_name: str | None = None,
    cover_letter: str | None = None,
    submit: bool = False,
    late: bool = False,
    actor: Actor,
    clock: Clock = utcnow,
    field: str = "candidate",
) -> Application:
    """A new application, as `actor` may start one: a candidate's own (a draft, or submitted
    with `submit`); the operator's for the candidate named by e-mail; the employer side's
    record of one it received by post or e-mail (record_received, always submitted)."""
    if employer_records(actor):
        return record_received(session, posting, name=candidate_name, email=candidate,
                               cover_letter=cover_letter, late=late, actor=actor, clock=clock)
    person = candidate_for(session, candidate, actor=actor, field=field)
    application = start(session, posting, person, cover_letter=cover_letter, actor=actor,
                        clock=clock)
    if submit:
        # a submission is the candidate's own, except a late one, which only the employer
        # side (or the operator, with every right) may record
        move(session, application, S.SUBMITTED, late=late, clock=clock,
             actor=actor if late or not isinstance(actor, Operator) else person)
    return application


def record_received(
    session: Session,
    posting: Posting,
    *,
    name: str | None,
    email: str | None,
    cover_letter: str | None = None,
    late: bool = False,
    actor: Actor,
    clock: Clock = utcnow,
) -> Application:
    """An application the employer received by post or e-mail, recorded with the person's
    name and address as given, submitted. It is linked to no account, whoever has that address:
    a candidate's data reaches an employer only by the candidate's own act, so no account is
    looked up (and the answer is the same whether the address has one or not)."""
    if not can_manage(actor, posting) or (isinstance(actor, User) and actor.role is Role.CANDIDATE):
        raise PermissionDenied("posting", "you may not start applications to this posting")
    problems: list[DomainError] = []
    clean_name = (name or "").strip()
    if not clean_name:
        problems.append(DomainError("candidate_name", "give the applicant's name as they gave it"))
    elif len(clean_name) > 200:
        problems.append(DomainError("candidate_name", "at most 200 characters"))
    address = None
    if not email or not email.strip():
        problems.append(DomainError("candidate", "give the applicant's e-mail address"))
    else:
        try:
            address = normalise_email(email, "candidate")
        except DomainError as exc:
            problems.append(exc)
    if problems:
        raise problems[0] if len(problems) == 1 else ValidationFailed(problems)
    if posting.visibility is Visibility.PRIVATE:
        raise DomainError("posting", "a posting a candidate logged for themselves takes no "
                                     "applications from others")
    if posting.status in _CLOSED_POSTING and not late:
        raise DomainError("posting", "the posting is %(status)s: no new application",
                          status=posting.status)
    if posting.status is PostingStatus.DRAFT:
        raise DomainError("posting", "the posting is not open yet")
    existing = session.scalar(sa.select(Application.id).where(
        Application.posting_id == posting.id, Application.candidate_id.is_(None),
        Application.applicant_email == address, Application.deleted_at.is_(None)))
    if existing is not None:
        raise Conflict("candidate", "%(email)s already has application #%(id)s recorded to "
                                    "%(reference)s", email=address, id=str(existing),
                       reference=posting.reference)
    now = clock()
    application = Application(
        posting=posting, candidate=None, applicant_name=clean_name, applicant_email=address,
        status=S.DRAFT, cover_letter=cover_letter, created_at=now, updated_at=now,
    )
    application.history.append(ApplicationStatusChange(
        from_status=None, to_status=S.DRAFT, changed_at=now, changed_by_id=actor_id(actor)))
    session.add(application)
    session.flush()
    audit.record(session, at=now, actor=actor, action="application.record_received",
                 entity=application, details={"posting": posting.reference})
    return move(session, application, S.SUBMITTED, actor=actor, late=late, clock=clock)


def open_to(session: Session, reference: str, *, actor: User) -> Posting:
    """A posting `actor` (a candidate) may apply to: an open public posting, or one they logged
    themselves; any other is not found."""
    try:
        return public_posting(session, reference)
    except NotFound:
        found = get_posting(session, reference, actor=actor)
        if found.owner_id != actor.id:
            raise
        return found


def start(
    session: Session,
    posting: Posting,
    candidate: User,
    *,
    cover_letter: str | None = None,
    actor: Actor,
    clock: Clock = utcnow,
) -> Application:
    """Start tracking an application (a draft). One application per candidate and posting."""
    if candidate.role is not Role.CANDIDATE:
        raise DomainError("candidate", "%(email)s is not a candidate",
                          email=candidate.email)
    if isinstance(actor, User) and actor.role is Role.CANDIDATE and actor.id != candidate.id:
        raise PermissionDenied("candidate", "candidates apply for themselves only")
    if isinstance(actor, User) and actor.role is not Role.CANDIDATE and not can_manage(actor, posting):
        raise PermissionDenied("posting", "you may not start applications to this posting")
    if isinstance(actor, User) and actor.id != candidate.id:
        # a candidate's data reaches an employer only by the candidate's own act
        raise PermissionDenied("candidate", "an employer records the applicant's details as "
                               "given, never an account (record_received)")
    if posting.visibility is Visibility.PRIVATE and posting.owner_id != candidate.id:
        raise NotFound("posting", "no posting with reference %(reference)s",
                       reference=repr(posting.reference))
    if posting.status in _CLOSED_POSTING:
        raise DomainError("posting", "the posting is %(status)s: no new application",
                          status=posting.status)
    if posting.status is PostingStatus.DRAFT and posting.visibility is Visibility.PUBLIC:
        raise DomainError("posting", "the posting is not open yet")
    existing = session.scalar(
        sa.select(Application).where(
            Application.posting_id == posting.id, Application.candidate_id == candidate.id
        )
    )
    if existing is not None:
        raise Conflict(
            "posting",
            "%(email)s already has application #%(id)s to %(reference)s",
            email=candidate.email, id=str(existing.id), reference=posting.reference,
        )
    now = clock()
    application = Application(
        posting=posting, candidate=candidate, status=S.DRAFT, cover_letter=cover_letter,
        created_at=now, updated_at=now,
    )
    application.history.append(
        ApplicationStatusChange(
            from_status=None, to_status=S.DRAFT, changed_at=now,
            changed_by_id=(candidate if isinstance(actor, Operator) else actor).id,
        )
    )
    session.add(application)
    session.flush()
    audit.record(session, at=now, actor=candidate if isinstance(actor, Operator) else actor, action="application.start",
                 entity=application, details={"posting": posting.reference})
    reminders.sync_application(session, application, clock=clock)
    return application


def move(
    session: Session,
    application: Application,
    status: ApplicationStatus | str,
    *,
    actor: Actor,
    comment: str | None = None,
    late: bool = False,
    clock: Clock = utcnow,
    public_url: str | None = None,
) -> Application:
    """Move an application to `status` if the workflow and the actor's role allow it.

    Submitting checks the deadline: after it, only the employer side may record a late
    submission, and only when it says so (`late=True`). A candidate's own submission to a
    posting applied to in the tracker needs the documents the posting requires."""
    target = parse_enum(ApplicationStatus, status, "status")
    current = application.status
    if target not in TRANSITIONS[current]:
        following = sorted(TRANSITIONS[current], key=lambda s: s.value)
        raise InvalidTransition(
            "status", "cannot move from %(current)s to %(target)s (allowed: %(allowed)s)",
            current=current, target=target, allowed=following or Text("none (final)"))
    posting = application.posting
    employer_side = can_manage(actor, posting)
    own = isinstance(actor, User) and actor.id == application.candidate_id
    if not (employer_side or (own and target in CANDIDATE_MOVES)):
        raise PermissionDenied("status", "you may not move this application to %(target)s",
                               target=target)
    now = clock()
    if target is S.SUBMITTED:
        _check_submission(application, employer_side, late, now)
        if own:
            _check_complete(session, application)
        application.submitted_at = now
    application.status = target
    application.updated_at = now
    change = ApplicationStatusChange(
        from_status=current, to_status=target, changed_at=now,
        changed_by_id=actor_id(actor), comment=comment,
    )
    application.history.append(change)
    session.flush()
    audit.record(session, at=now, actor=actor, action="application.move", entity=application,
                 details={"from": current, "to": target, "late": application.is_late})
    reminders.sync_application(session, application, clock=clock)
    events.status_changed(session, application, change, actor=actor, clock=clock)
    if target is S.SUBMITTED and own:
        from tracker.services.messages.sending import acknowledge

        acknowledge(session, application, public_url=public_url, clock=clock)
    if target is S.SUBMITTED:
        events.application_received(session, application, change, actor=actor, clock=clock)
    return application


def check_changeable(application: Application, actor: Actor) -> None:
    """The candidate adds or removes documents, changes answers and the cover letter only while
    the application is a draft: once submitted (or withdrawn) it is what the employer got. The
    employer side's own actions (ratings, notes, its documents) are not concerned."""
    if isinstance(actor, Operator) or actor.id != application.candidate_id or application.status is S.DRAFT:
        return
    raise DomainError("application", "%(state)s: it can no longer be changed",
                      state=final_state(application))


def final_state(application: Application) -> Text | ApplicationStatus:
    """"submitted on 2024-05-02" (the posting's local date), else the status (a parameter of
    an error, said in the reader's language)."""
    if application.submitted_at is None:
        return application.status
    day = application.submitted_at.astimezone(ZoneInfo(application.posting.timezone)).date()
    return Text("submitted on %(day)s", day=day.isoformat())


def missing_documents(session: Session, application: Application) -> list[str]:
    """The labels of the documents the posting requires that the application lacks."""
    kinds = set(session.scalars(
        sa.select(Document.kind).where(Document.application_id == application.id)))
    return [d.label for d in required_missing(application, kinds)]


def satisfied_kinds(application: Application, kinds: Iterable[str]) -> set[str]:
    """The kinds of document an application provides: those of its uploads (`kinds`), and the
    cover letter when the candidate typed one in the letter box."""
    found = {str(kind) for kind in kinds}
    if application.cover_letter and application.cover_letter.strip():
        found.add(DocumentKind.COVER_LETTER.value)
    return found


def required_missing(application: Application, kinds: Iterable[str]) -> list[RequiredDocument]:
    """The documents the application's posting requires that it does not provide, given the
    kinds of its uploads (the one rule of what is missing: the submission, the pages' lists
    and the dossiers use it)."""
    have = satisfied_kinds(application, kinds)
    return [d for d in application.posting.required_documents
            if d.is_required and str(d.kind) not in have]


def _check_complete(session: Session, application: Application) -> None:
    """A candidate's own submission to a posting applied to in the tracker carries the
    documents it requires (one applied to by e-mail or on a web site is only recorded here)."""
    if application.posting.apply_method is ApplyMethod.IN_APP:
        missing = missing_documents(session, application)
        if missing:
            raise DomainError("documents", "required by the posting and missing: %(missing)s",
                              missing=missing)


def _check_submission(application: Application, may_record_late: bool, late: bool,
                      now: datetime) -> None:
    posting = application.posting
    if posting.status in _CLOSED_POSTING and not late:
        raise DomainError("posting", "the posting is %(status)s", status=posting.status)
    if posting.valid_through is None or now <= posting.valid_through:
        if late:
            raise DomainError("late", "the deadline has not passed: this is not a late submission")
        return
    if not late:
        raise DomainError(
            "submitted_at",
            "the deadline (%(day)s %(zone)s) has passed",
            day=str(posting.valid_through_date), zone=posting.timezone,
        )
    if not may_record_late:
        raise PermissionDenied("late", "only the employer may record a late submission")
    application.is_late = True


SORTS = ("newest", "fit")


def list_applications(
    session: Session,
    *,
    posting: str | None = None,
    candidate: str | None = None,
    status: ApplicationStatus | str | None = None,
    page: int = 1,
    per_page: int = 50,
    actor: Actor,
    sort: str = "newest",
) -> Page[ApplicationRow]:
    """Applications, newest first, one page, in one statement (joined, no per-row queries).

    sort="fit" (with a posting): best fit first (tracker.services.fit.scores), ties newest first."""
    if sort not in SORTS:
        raise DomainError("sort", "%(value)s is not one of: %(choices)s",
                          value=repr(sort), choices=", ".join(SORTS))
    if sort == "fit" and posting is None:
        raise DomainError("sort", "sorting by fit needs a posting: the fit is to its requirements")
    query = (
        sa.select(Application)
        .options(joinedload(Application.posting), joinedload(Application.candidate))
        .where(Application.deleted_at.is_(None), visible_applications(actor))
    )
    if posting is not None:
        found_posting = get_posting(session, posting, "posting", actor=actor)
        query = query.where(Application.posting_id == found_posting.id)
    if candidate is not None:
        if isinstance(actor, User) and actor.role is Role.CANDIDATE:
            # a candidate sees their own applications only: whether another address has an
            # account is none of their business, so no "no such user" here
            query = query.where(Application.candidate_id.in_(
                sa.select(User.id).where(User.email == candidate.strip().lower())))
        else:
            query = query.where(
                Application.candidate_id == get_user(session, candidate, "candidate").id)
    if status is not None:
        query = query.where(
            Application.status == parse_enum(ApplicationStatus, status, "status")
        )
    scores: dict[int, FitSummary] = {}
    if sort == "fit":
        paginate(query, page, per_page)  # checks the page numbers
        ids = list(session.scalars(sa.select(Application.id).where(query.whereclause)))
        from tracker.services.fit.scores import fit_summaries  # its stemmers load when sorting

        scores = fit_summaries(session, ids)
        ranked = sorted(ids, key=lambda i: (*_rank(scores.get(i)), -i))
        start = (page - 1) * per_page
        chosen = ranked[start:start + per_page + 1]
        by_id = {a.id: a for a in session.scalars(
            query.where(Application.id.in_(chosen)))} if chosen else {}
        found = make_page([by_id[i] for i in chosen], page, per_page)
    else:
        query = paginate(query.order_by(Application.id.desc()), page, per_page)
        found = make_page(list(session.scalars(query)), page, per_page)
    rows = [
        ApplicationRow(
            id=a.id, posting_reference=a.posting.reference, posting_title=a.posting.title,
            timezone=a.posting.timezone,
            candidate_name=a.person_name, candidate_email=a.person_email or "",
            status=a.status, submitted_at=a.submitted_at, is_late=a.is_late,
            updated_at=a.updated_at,
            fit=scores[a.id].score if a.id in scores else None,
            fit_assessed=scores[a.id].assessed if a.id in scores else None,
            fit_requirements=scores[a.id].total if a.id in scores else None,
        )
        for a in found.rows
    ]
    return Page(rows, page, per_page, found.has_next)


def _rank(summary: FitSummary | None) -> tuple[float, int]:
    """Best fit first; at the same score, the one assessed on more requirements."""
    return (-summary.score, -summary.assessed) if summary is not None else (0.0, 0)


def all_applications(
    session: Session,
    *,
    posting: str | None = None,
    candidate: str | None = None,
    status: ApplicationStatus | str | None = None,
    actor: Actor,
) -> list[ApplicationRow]:
    """Every application list_applications would show, all pages (e.g. for a CSV export)."""
    rows: list[ApplicationRow] = []
    page = 1
    while True:
        found = list_applications(session, posting=posting, candidate=candidate, status=status,
                                  page=page, per_page=500, actor=actor)
        rows.extend(found.rows)
        if not found.has_next:
            return rows
        page += 1
