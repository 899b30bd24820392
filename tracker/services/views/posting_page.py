"""What a posting's hr page shows, read in one service call (#16: the page's face stays thin,
and the posting's parts are read as the columns the page shows, not through lazy relations)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload

from tracker.db import utcnow
from tracker.domain.access import Actor, can_manage
from tracker.domain.errors import PermissionDenied
from tracker.models import OccupationSkill, Posting, RequiredDocument, Requirement
from tracker.services.hiring.lookup import get_posting
from tracker.services.hiring.postings import POSTING_TRANSITIONS
from tracker.services.reference.salary import salary_check
from tracker.services.views import applicants as applicants_page
from tracker.services.views import overview, records

Clock = Callable[[], datetime]
# The posting's one relation the page reads through the ORM, joined to it; its requirements and
# documents are read as columns below (reading them through their lazy relations cost two
# statements built on each request, and an object per row).
POSTING_PAGE_LOAD = (joinedload(Posting.organisation),)


@dataclass(frozen=True)
class PostingPage:
    """A posting's hr page: the posting (for what the face adds, e.g. its audit trail), its
    record, one page of its applicants, the statuses it may move to, its salary check and its
    interviews."""

    posting: Posting
    record: dict[str, Any]
    applicants: dict[str, Any]
    allowed: list[str]
    salary: dict[str, Any]
    interviews: list[dict[str, Any]]


def posting_page(session: Session, reference: str, *, actor: Actor, sort: str = "submitted",
                 page: int = 1, per_page: int = 50, clock: Clock = utcnow,
                 lang: str = "fr") -> PostingPage:
    """The posting with this reference as its employer's page shows it (others' postings are
    not found, or forbidden): its record with its parts and interviews, the page `page` of its
    applicants sorted by `sort` (applicants.posting_applicants), the statuses the workflow allows
    next, its salary check in `lang`, and its interviews."""
    found = get_posting(session, reference, actor=actor, load=POSTING_PAGE_LOAD)
    if not can_manage(actor, found):
        raise PermissionDenied("posting", "you may not manage this posting")
    now = clock()
    shown = overview.interview_list(session, found)
    parts = _parts()
    ours = {"posting_id": found.id}
    run = session.connection().execute  # columns, not objects: past the ORM's handling
    record = records.posting_record(
        found, now, interviews=shown,
        requirements=[{"kind": r.kind, "label": r.label, "level": r.level,
                       "required": r.required, "occupation_skill": None if r.skill_id is None
                       else _skill(r.skill_weight, r.skill_label)}
                      for r in run(parts.requirements, ours)],
        documents=[row._asdict() for row in run(parts.documents, ours)])
    applicants = applicants_page.posting_applicants(session, found, actor=actor, sort=sort,
                                                    page=page, per_page=per_page)
    return PostingPage(
        posting=found, record=record, applicants=applicants,
        allowed=[s.value for s in POSTING_TRANSITIONS[found.status]],
        salary=salary_check(found, clock=lambda: now, lang=lang).as_dict(),
        interviews=overview.posting_interviews(session, found, actor=actor, clock=lambda: now,
                                               found=shown))


def _skill(weight: int | None, label: str) -> str:
    """An occupation skill as OccupationSkill.display writes it, from its columns
    (tests/services/test_posting_page.py checks that they agree)."""
    return f"{weight} | {label}" if weight is not None else label


@dataclass(frozen=True)
class _Parts:
    requirements: Any
    documents: Any


@lru_cache(maxsize=1)
def _parts() -> _Parts:
    """The statements reading a posting's requirements and documents (`posting_id`) as the
    columns records.posting_record shows, built once, in the order of their relations."""
    return _Parts(
        requirements=sa.select(Requirement.kind, Requirement.label, Requirement.level,
                               Requirement.is_required.label("required"),
                               OccupationSkill.id.label("skill_id"),
                               OccupationSkill.weight.label("skill_weight"),
                               OccupationSkill.label.label("skill_label"))
        .outerjoin(OccupationSkill, OccupationSkill.id == Requirement.occupation_skill_id)
        .where(Requirement.posting_id == sa.bindparam("posting_id"))
        .order_by(Requirement.position, Requirement.id),
        documents=sa.select(RequiredDocument.kind, RequiredDocument.label,
                            RequiredDocument.is_required.label("required"))
        .where(RequiredDocument.posting_id == sa.bindparam("posting_id"))
        .order_by(RequiredDocument.position, RequiredDocument.id))
