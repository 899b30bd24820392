"""Postings: create, edit, open/close/cancel, look up and list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db import utcnow
from tracker.domain.access import (
    Actor,
    Operator,
    actor_id,
    can_manage,
    submitted_only,
    visible_postings,
)
from tracker.domain.errors import (
    Conflict,
    DomainError,
    InvalidTransition,
    PermissionDenied,
    ValidationFailed,
)
from tracker.domain.paging import Page, make_page, paginate
from tracker.domain.timeutil import deadline_instant, zone
from tracker.domain.validation import normalise_email, parse_enum, parse_model
from tracker.i18n import Text
from tracker.models import (
    Application,
    ApplicationStatus,
    ApplyMethod,
    Organisation,
    Posting,
    PostingStatus,
    RequiredDocument,
    Requirement,
    Role,
    User,
    Visibility,
)
from tracker.services.hiring.lookup import (
    get_posting as get_posting,  # postings.get_posting, as before
)

# What writes a posting (the input model with pydantic, the settings, the audit log, the
# reminder planner, the reference catalogue and the models each of them declares) is imported
# where a posting is written: listing postings starts without it (issue #16).
if TYPE_CHECKING:
    from tracker.config import Settings
    from tracker.services.hiring.posting_input import PostingInput

Clock = Callable[[], datetime]

# Which posting statuses may follow which.
POSTING_TRANSITIONS: dict[PostingStatus, set[PostingStatus]] = {
    PostingStatus.DRAFT: {PostingStatus.OPEN, PostingStatus.CANCELLED},
    PostingStatus.OPEN: {PostingStatus.CLOSED, PostingStatus.FILLED, PostingStatus.CANCELLED},
    PostingStatus.CLOSED: {PostingStatus.OPEN, PostingStatus.FILLED, PostingStatus.CANCELLED},
    PostingStatus.FILLED: set(),
    PostingStatus.CANCELLED: set(),
}

@cache
def _scalar_fields() -> tuple[str, ...]:
    """The input fields a posting row holds as they are (everything but relations and derived
    values)."""
    from tracker.services.hiring.posting_input import PostingInput

    return tuple(name for name in PostingInput.model_fields if name not in {
        "reference", "organisation", "hiring_organization_name", "timezone", "apply_email",
        "requirements", "required_documents", "interviews", "occupation", "certification",
    })


def create_posting(
    session: Session, data: dict[str, Any], *, actor: Actor, settings: Settings,
    clock: Clock = utcnow,
) -> Posting:
    """A new posting (draft) from user-given fields; see PostingInput for their names. Its
    zone, when neither the fields nor the organisation give one, is the settings' zone."""
    from tracker.services import audit
    from tracker.services.hiring.posting_input import PostingInput

    parsed = parse_model(PostingInput, data)
    now = clock()
    org = _resolve_organisation(session, parsed, actor)
    posting = Posting(created_at=now, created_by_id=actor_id(actor))
    _apply(session, posting, parsed, org, actor, settings.timezone)
    if parsed.reference and _reference_taken(session, parsed.reference, posting):
        where = Text("your postings") if posting.visibility is Visibility.PRIVATE else Text(
            "the postings of %(name)s",
            name=posting.organisation.name if posting.organisation else "-")
        raise Conflict("reference", "a posting with reference %(reference)s exists among "
                                    "%(where)s", reference=repr(parsed.reference), where=where)
    posting.reference = parsed.reference or _next_reference(session, org, now)
    posting.updated_at = now
    session.add(posting)
    session.flush()
    # (imported here: a listing has no use for the interviews' and applications' services)
    from tracker.services.hiring import interviews

    for position, item in enumerate(parsed.interviews):
        interviews.schedule(
            session,
            posting,
            day=item.date,
            at=item.time,
            timezone=item.timezone,
            duration_minutes=item.duration_minutes,
            place=item.place,
            video_url=item.video_url,
            actor=actor,
            clock=clock,
            field=f"interviews[{position}]",
        )
    audit.record(
        session, at=now, actor=actor, action="posting.create", entity=posting,
        details={"reference": posting.reference},
    )
    return posting


def input_of(posting: Posting) -> dict[str, Any]:
    """The posting as the fields it is made from (what create_posting takes), e.g. to edit it."""
    data: dict[str, Any] = {name: getattr(posting, name) for name in _scalar_fields()}
    data.update(
        reference=posting.reference, timezone=posting.timezone, apply_email=posting.apply_email,
        hiring_organization_name=posting.hiring_organization_name,
        organisation=posting.organisation.slug if posting.organisation else None,
        occupation=posting.occupation.slug if posting.occupation else None,
        certification=posting.certification.code if posting.certification else None,
        requirements=[
            {"kind": r.kind, "label": r.label, "level": r.level, "required": r.is_required,
             "occupation_skill": r.occupation_skill.label if r.occupation_skill else None}
            for r in posting.requirements
        ],
        required_documents=[
            {"kind": d.kind, "label": d.label, "required": d.is_required}
            for d in posting.required_documents
        ],
    )
    return data


def update_posting(
    session: Session,
    posting: Posting,
    changes: dict[str, Any],
    *,
    actor: Actor,
    settings: Settings,
    clock: Clock = utcnow,
) -> Posting:
    """Change some fields; the whole posting is checked again. Requirements and required
    documents, when given, replace the current lists."""
    from tracker.services import audit
    from tracker.services.reminders import planner as reminders

    if not can_manage(actor, posting):
        raise PermissionDenied("posting", "you may not edit this posting")
    if "interviews" in changes:
        raise DomainError("interviews", "schedule, move or cancel interviews one by one")
    for name in ("reference", "visibility"):
        if name in changes and changes[name] != getattr(posting, name):
            raise DomainError(name, "the %(name)s of a posting cannot change", name=name)
    current = input_of(posting)
    if "organisation" in changes:  # the new organisation's name replaces the old one's
        current["hiring_organization_name"] = None
    merged = {**current, **changes}
    from tracker.services.hiring.posting_input import PostingInput

    parsed = parse_model(PostingInput, merged)
    org = (_resolve_organisation(session, parsed, actor, editing=True)
           if parsed.organisation else None)
    deadline_before = posting.valid_through
    _apply(session, posting, parsed, org or posting.organisation, actor, settings.timezone)
    posting.updated_at = clock()
    session.flush()
    audit.record(
        session, at=posting.updated_at, actor=actor, action="posting.update", entity=posting,
        details={"fields": sorted(changes), "valid_through_before": deadline_before},
    )
    reminders.sync_posting(session, posting, clock=clock)
    return posting


def set_status(
    session: Session,
    posting: Posting,
    status: PostingStatus | str,
    *,
    actor: Actor,
    clock: Clock = utcnow,
) -> Posting:
    """Open, close, fill or cancel a posting, as the workflow allows."""
    from tracker.services import audit
    from tracker.services.reminders import planner as reminders

    target = parse_enum(PostingStatus, status, "status")
    if not can_manage(actor, posting):
        raise PermissionDenied("posting", "you may not change this posting")
    if target not in POSTING_TRANSITIONS[posting.status]:
        raise InvalidTransition(
            "status", "a posting cannot go from %(current)s to %(target)s",
            current=posting.status, target=target)
    now = clock()
    if target is PostingStatus.OPEN and posting.valid_through and posting.valid_through <= now:
        raise DomainError(
            "valid_through", "the deadline has passed: move it before opening the posting"
        )
    before = posting.status
    posting.status = target
    posting.updated_at = now
    session.flush()
    audit.record(
        session, at=now, actor=actor, action=f"posting.{target.value}", entity=posting,
        details={"from": before},
    )
    reminders.sync_posting(session, posting, clock=clock)
    return posting


@dataclass(frozen=True)
class PostingRow:
    posting: Posting
    counts: dict[ApplicationStatus, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def list_postings(
    session: Session,
    *,
    status: PostingStatus | str | None = None,
    organisation: str | None = None,
    page: int = 1,
    per_page: int = 50,
    actor: Actor,
) -> Page[PostingRow]:
    """Postings sorted by deadline (none last), one page, with application counts per status.

    Two statements whatever the page size: the page itself, then the counts of its postings.
    """
    query = sa.select(Posting).where(Posting.deleted_at.is_(None), visible_postings(actor))
    if status is not None:
        query = query.where(Posting.status == parse_enum(PostingStatus, status, "status"))
    if organisation is not None:
        from tracker.services.accounts.organisations import get_organisation

        org = get_organisation(session, organisation, "organisation")
        query = query.where(Posting.organisation_id == org.id)
    # NULLS LAST is the order of the (valid_through, id) indexes on both backends, so a page is
    # an index range scan, not a sort of every posting.
    query = query.order_by(Posting.valid_through.asc().nulls_last(), Posting.id)
    found = make_page(list(session.scalars(paginate(query, page, per_page))), page, per_page)
    postings = found.rows
    counts: dict[int, dict[ApplicationStatus, int]] = {p.id: {} for p in postings}
    if postings:
        grouped = session.execute(
            sa.select(Application.posting_id, Application.status, sa.func.count())
            .where(Application.posting_id.in_(counts), Application.deleted_at.is_(None),
                   submitted_only(actor))
            .group_by(Application.posting_id, Application.status)
        )
        for posting_id, app_status, number in grouped:
            counts[posting_id][app_status] = number
    return Page([PostingRow(p, counts[p.id]) for p in postings], page, per_page, found.has_next)


def _reference_taken(session: Session, reference: str, posting: Posting | None = None) -> bool:
    """Whether `reference` is taken in the namespace of `posting` (its organisation's postings,
    or its owner's private ones): another namespace's references are never looked at, so a
    conflict says nothing of other organisations' drafts or candidates' private postings.
    Without a posting: taken anywhere (for the references the tracker makes up itself)."""
    query = sa.select(Posting.id).where(Posting.reference == reference)
    if posting is not None and posting.visibility is Visibility.PRIVATE:
        owner = posting.owner.id if posting.owner is not None else posting.owner_id
        query = query.where(Posting.visibility == Visibility.PRIVATE, Posting.owner_id == owner)
    elif posting is not None:
        org = posting.organisation.id if posting.organisation is not None else None
        query = query.where(Posting.visibility == Visibility.PUBLIC,
                            Posting.organisation_id == org)
    return session.scalar(query.limit(1)) is not None


def _next_reference(session: Session, org: Organisation | None, now: datetime) -> str:
    prefix = f"{(org.slug if org else 'P').upper()}-{now.year}-"
    taken = session.scalar(
        sa.select(sa.func.count()).where(Posting.reference.startswith(prefix, autoescape=True))
    ) or 0
    number = taken + 1
    while _reference_taken(session, f"{prefix}{number:03d}"):
        number += 1
    return f"{prefix}{number:03d}"


def _resolve_organisation(
    session: Session, parsed: PostingInput, actor: Actor, *, editing: bool = False
) -> Organisation | None:
    from tracker.services.accounts.organisations import get_organisation

    if parsed.visibility is Visibility.PRIVATE:
        # who may edit an existing one was decided by can_manage (its owner, an admin)
        if not editing and (isinstance(actor, Operator) or actor.role is not Role.CANDIDATE):
            raise DomainError("visibility", "a private posting is logged by a candidate")
        return get_organisation(session, parsed.organisation) if parsed.organisation else None
    if isinstance(actor, User) and actor.role is Role.CANDIDATE:
        raise PermissionDenied(
            "visibility", "candidates log postings from elsewhere as private postings"
        )
    if not parsed.organisation:
        if isinstance(actor, User) and actor.role is Role.HR:
            return actor.organisation
        raise DomainError("organisation", "a public posting needs the organisation's slug")
    org = get_organisation(session, parsed.organisation)
    if isinstance(actor, User) and actor.role is Role.HR and actor.organisation_id != org.id:
        raise PermissionDenied("organisation", "hr users post for their own organisation only")
    return org


def _apply(
    session: Session,
    posting: Posting,
    parsed: PostingInput,
    org: Organisation | None,
    actor: Actor,
    default_zone: str,
) -> None:
    """Check the rules that span fields, then write the parsed fields onto the row."""
    errors: list[DomainError] = []
    tz = parsed.timezone or (org.timezone if org else None) or default_zone
    try:
        zone(tz)
    except DomainError as exc:
        errors.append(exc)
    hiring_name = parsed.hiring_organization_name or (org.name if org else None)
    if not hiring_name:
        errors.append(DomainError("hiring_organization_name", "name the employer"))
    deadline = None
    if parsed.valid_through_time and not parsed.valid_through_date:
        errors.append(DomainError("valid_through_time", "a deadline time needs a deadline date"))
    if parsed.valid_through_date and not any(e.field == "timezone" for e in errors):
        try:
            deadline = deadline_instant(
                parsed.valid_through_date, parsed.valid_through_time, tz, "valid_through_time"
            )
        except DomainError as exc:
            errors.append(exc)
    if parsed.valid_through_date and parsed.date_posted and (
        parsed.valid_through_date < parsed.date_posted
    ):
        errors.append(DomainError(
            "valid_through_date",
            "the deadline %(deadline)s is before date_posted %(posted)s",
            deadline=str(parsed.valid_through_date), posted=str(parsed.date_posted),
        ))
    if (
        parsed.salary_min is not None
        and parsed.salary_max is not None
        and parsed.salary_min > parsed.salary_max
    ):
        errors.append(DomainError(
            "salary_min", "%(min)s is above salary_max %(max)s",
            min=str(parsed.salary_min), max=str(parsed.salary_max)))
    if parsed.salary_min is not None or parsed.salary_max is not None:
        if not parsed.salary_currency:
            errors.append(DomainError("salary_currency", "a salary needs a currency (EUR, GBP...)"))
        if not parsed.salary_period:
            errors.append(DomainError(
                "salary_period", "a salary needs a period (hour, day, week, month or year)"))
    apply_email = None
    if parsed.apply_email:
        try:
            apply_email = normalise_email(parsed.apply_email, "apply_email")
        except DomainError as exc:
            errors.append(exc)
    if parsed.apply_method is ApplyMethod.EMAIL and not parsed.apply_email:
        errors.append(DomainError("apply_email", "applying by e-mail needs the address"))
    if parsed.apply_method is ApplyMethod.URL and not parsed.apply_url:
        errors.append(DomainError("apply_url", "applying on a web site needs its URL"))
    occupation, certification, skills = _references(session, parsed, errors)
    if errors:
        raise ValidationFailed(errors)

    for name in _scalar_fields():
        setattr(posting, name, getattr(parsed, name))
    posting.organisation = org
    posting.hiring_organization_name = hiring_name
    posting.timezone = tz
    posting.valid_through = deadline
    posting.apply_email = apply_email
    posting.occupation, posting.certification = occupation, certification
    if parsed.visibility is Visibility.PRIVATE and posting.owner_id is None:
        posting.owner = actor
    # Requirements are matched to the current rows by kind and label, so that evidence a
    # candidate already gave for an unchanged requirement is kept.
    # A requirement is not added twice: a second line naming an occupation skill an earlier
    # line names (a second import of the same skills), or repeating a kind and label, is
    # dropped, and the first line stays where it was.
    existing = {(r.kind, r.label): r for r in posting.requirements}
    requirements: list[Requirement] = []
    seen_labels: set[tuple[Any, str]] = set()
    seen_skills: set[int] = set()
    for position, item in enumerate(parsed.requirements):
        skill = skills.get(position)
        key = (item.kind, " ".join(item.label.split()).casefold())
        if key in seen_labels or (skill is not None and skill.id in seen_skills):
            continue
        seen_labels.add(key)
        if skill is not None:
            seen_skills.add(skill.id)
        row = existing.pop((item.kind, item.label), None) or Requirement(
            kind=item.kind, label=item.label
        )
        row.level, row.is_required = item.level, item.required
        row.position = len(requirements)
        row.occupation_skill = skill
        requirements.append(row)
    posting.requirements = requirements
    posting.required_documents = [
        RequiredDocument(kind=item.kind, label=item.label, is_required=item.required,
                         position=position)
        for position, item in enumerate(parsed.required_documents)
    ]


def _references(
    session: Session, parsed: PostingInput, errors: list[DomainError]
) -> tuple[Any, Any, dict[int, Any]]:
    """The occupation and certification a posting names, and the occupation skill each
    requirement names (by position); problems are added to `errors`."""
    from tracker.services.reference import catalogue as reference

    occupation = certification = None
    skills: dict[int, Any] = {}
    try:
        occupation = reference.get_occupation(session, parsed.occupation) if parsed.occupation \
            else None
    except DomainError as exc:
        errors.append(exc)
    try:
        certification = (reference.get_certification(session, parsed.certification)
                          if parsed.certification else None)
    except DomainError as exc:
        errors.append(exc)
    for position, item in enumerate(parsed.requirements):
        if not item.occupation_skill:
            continue
        field = f"requirements[{position}].occupation_skill"
        if occupation is None:
            if not parsed.occupation:
                errors.append(DomainError(field, "the posting names no occupation"))
            continue
        try:
            skills[position] = reference.skill_of(occupation, item.occupation_skill, field)
        except DomainError as exc:
            errors.append(exc)
    return occupation, certification, skills
