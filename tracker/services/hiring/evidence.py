"""What candidates show for each requirement, how reviewers rate it, and reviewers' notes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db import utcnow
from tracker.domain.access import Actor, actor_id, can_manage
from tracker.domain.errors import DomainError, NotFound, PermissionDenied
from tracker.models import (
    Application,
    ApplicationStatus,
    Note,
    Requirement,
    RequirementEvidence,
    User,
)
from tracker.services import audit
from tracker.services.hiring.applications import check_changeable, final_state

Clock = Callable[[], datetime]


def get_requirement(
    session: Session, application: Application, requirement_id: int
) -> Requirement:
    """One requirement of the application's posting."""
    requirement = session.get(Requirement, requirement_id)
    if requirement is None or requirement.posting_id != application.posting_id:
        raise NotFound("requirement", "the posting has no requirement #%(id)s",
                       id=str(requirement_id))
    return requirement


def _rating(value: int | None, field: str) -> int | None:
    if value is not None and not 1 <= value <= 4:
        raise DomainError(field, "must be between 1 and 4")
    return value


def _row(session: Session, application: Application, requirement: Requirement) -> RequirementEvidence:
    if requirement.posting_id != application.posting_id:
        raise DomainError("requirement", "the requirement belongs to another posting")
    row = session.scalar(
        sa.select(RequirementEvidence).where(
            RequirementEvidence.application_id == application.id,
            RequirementEvidence.requirement_id == requirement.id,
        )
    )
    if row is None:
        row = RequirementEvidence(application_id=application.id, requirement=requirement)
        session.add(row)
    return row


def give_evidence(
    session: Session,
    application: Application,
    requirement: Requirement,
    *,
    evidence: str | None,
    self_rating: int | None = None,
    actor: Actor,
    clock: Clock = utcnow,
) -> RequirementEvidence:
    """The candidate's answer to one requirement (replaces the previous one), while the
    application is a draft."""
    if isinstance(actor, User) and actor.id != application.candidate_id:
        raise PermissionDenied("evidence", "only the candidate answers for their application")
    check_changeable(application, actor)
    row = _row(session, application, requirement)
    row.evidence = evidence.strip() if evidence and evidence.strip() else None
    row.self_rating = _rating(self_rating, "self_rating")
    row.updated_at = clock()
    session.flush()
    return row


def rate_evidence(
    session: Session,
    application: Application,
    requirement: Requirement,
    *,
    rating: int | None,
    actor: Actor,
    clock: Clock = utcnow,
) -> RequirementEvidence:
    """The reviewer's rating (1 to 4) of how well the application meets a requirement."""
    if not can_manage(actor, application.posting):
        raise PermissionDenied("reviewer_rating", "only the employer rates applications")
    row = _row(session, application, requirement)
    now = clock()
    row.reviewer_rating = _rating(rating, "reviewer_rating")
    row.reviewer_id = actor_id(actor)
    row.reviewed_at = now
    session.flush()
    audit.record(session, at=now, actor=actor, action="evidence.rate", entity=row,
                 details={"rating": rating})
    return row


def add_note(
    session: Session,
    application: Application,
    body: str,
    *,
    actor: Actor,
    clock: Clock = utcnow,
) -> Note:
    if not can_manage(actor, application.posting):
        raise PermissionDenied("note", "only the employer writes notes on applications")
    if not body or not body.strip():
        raise DomainError("body", "a note must not be empty")
    note = Note(application_id=application.id, author=actor, body=body.strip(), created_at=clock())
    session.add(note)
    session.flush()
    # what was written stays in the note; the log says who wrote one, and when
    audit.record(session, at=note.created_at, actor=actor, action="note.add", entity=note,
                 details={"application": application.id})
    return note


def set_cover_letter(
    session: Session,
    application: Application,
    text: str | None,
    *,
    actor: Actor,
    clock: Clock = utcnow,
) -> Application:
    """The candidate writes (or rewrites) their cover letter while the application is a draft."""
    if isinstance(actor, User) and actor.id != application.candidate_id:
        raise PermissionDenied("cover_letter", "only the candidate writes their cover letter")
    if application.status is not ApplicationStatus.DRAFT:
        raise DomainError("application", "%(state)s: it can no longer be changed",
                          state=final_state(application))
    application.cover_letter = text.strip() if text and text.strip() else None
    application.updated_at = clock()
    session.flush()
    return application
