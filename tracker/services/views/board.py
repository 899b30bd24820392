"""A posting's pipeline board (issue #14): a column per application status with the applicants
as cards (name, submitted when, fit with its coverage, documents complete or what is missing,
next interview, the moves the workflow allows from there), filtered and searched.

A read model: nothing here writes. A few statements whatever the number of cards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload

from tracker.db import utcnow
from tracker.domain.access import Actor, can_manage
from tracker.domain.errors import DomainError, PermissionDenied, ValidationFailed
from tracker.models import (
    Application,
    ApplicationStatus,
    Document,
    Interview,
    InterviewStatus,
    Posting,
)
from tracker.services.fit import scores as fit
from tracker.services.hiring.applications import TRANSITIONS, required_missing
from tracker.services.views.overview import STATUS_ORDER

Clock = Callable[[], datetime]
# The board's columns: drafts are the candidates' own until submitted.
COLUMNS = [s for s in STATUS_ORDER if s is not ApplicationStatus.DRAFT]
DOCUMENTS = ("complete", "missing")
INTERVIEW = ("yes", "no")


@dataclass(frozen=True)
class BoardFilters:
    status: str | None = None  # one column only
    documents: str | None = None  # "complete" or "missing"
    interview: str | None = None  # "yes": a scheduled interview to come; "no": none
    q: str | None = None  # part of the applicant's name

    def check(self) -> BoardFilters:
        problems = []
        if self.status and self.status not in {s.value for s in COLUMNS}:
            problems.append(DomainError("status", "%(value)s is not a status of the board",
                                        value=repr(self.status)))
        if self.documents and self.documents not in DOCUMENTS:
            problems.append(DomainError("documents", "%(value)s is not one of: %(choices)s",
                                        value=repr(self.documents), choices=", ".join(DOCUMENTS)))
        if self.interview and self.interview not in INTERVIEW:
            problems.append(DomainError("interview", "%(value)s is not one of: %(choices)s",
                                        value=repr(self.interview), choices=", ".join(INTERVIEW)))
        if self.q and len(self.q) > 200:
            problems.append(DomainError("q", "at most 200 characters"))
        if problems:
            raise problems[0] if len(problems) == 1 else ValidationFailed(problems)
        return self

    @property
    def active(self) -> bool:
        return bool(self.status or self.documents or self.interview or self.q)


def allowed_moves(status: ApplicationStatus) -> list[str]:
    """The statuses the employer side may move an application in `status` to, in board order."""
    return [s.value for s in COLUMNS if s in TRANSITIONS[status]]


def posting_board(session: Session, posting: Posting, *, actor: Actor,
                  filters: BoardFilters | None = None, new_ids: frozenset[int] = frozenset(),
                  lang: str = "en", clock: Clock = utcnow) -> dict[str, Any]:
    """The board of `posting` for `actor` (its employer side): columns in workflow order, each
    with its cards (those the filters keep) and the number of applications in it."""
    if not can_manage(actor, posting):
        raise PermissionDenied("posting", "only the employer sees the applicants")
    filters = (filters or BoardFilters()).check()
    now = clock()
    found = list(session.scalars(
        sa.select(Application).where(
            Application.posting_id == posting.id, Application.deleted_at.is_(None),
            Application.status != ApplicationStatus.DRAFT)
        .options(joinedload(Application.candidate))
        .order_by(sa.func.coalesce(Application.submitted_at, Application.created_at),
                  Application.id)))
    ids = [a.id for a in found]
    kinds: dict[int, set[str]] = {i: set() for i in ids}
    next_interview: dict[int, Interview] = {}
    if ids:
        for application_id, kind in session.execute(
                sa.select(Document.application_id, Document.kind)
                .where(Document.application_id.in_(ids))):
            if application_id is not None:
                kinds[application_id].add(kind)
        for interview in session.scalars(
                sa.select(Interview).where(
                    Interview.application_id.in_(ids),
                    Interview.status == InterviewStatus.SCHEDULED, Interview.starts_at >= now)
                .order_by(Interview.starts_at, Interview.id)):
            next_interview.setdefault(interview.application_id or 0, interview)
    scores = fit.fit_summaries(session, ids)
    counts = {s.value: 0 for s in COLUMNS}
    columns: dict[str, list[dict[str, Any]]] = {s.value: [] for s in COLUMNS}
    needle = (filters.q or "").strip().casefold()
    for application in found:
        counts[application.status.value] += 1
        missing = [d.label for d in required_missing(application, kinds[application.id])]
        upcoming = next_interview.get(application.id)
        name = application.person_name
        if filters.status and application.status.value != filters.status:
            continue
        if filters.documents and (filters.documents == "complete") == bool(missing):
            continue
        if filters.interview and (filters.interview == "yes") != (upcoming is not None):
            continue
        if needle and needle not in (name or "").casefold():
            continue
        columns[application.status.value].append({
            "id": application.id, "name": name, "status": application.status.value,
            "submitted_at": application.submitted_at, "is_late": application.is_late,
            "fit": scores[application.id].as_dict(lang) if application.id in scores else None,
            "missing": missing,
            "interview": {"starts_at": upcoming.starts_at, "timezone": upcoming.timezone,
                          "has_time": upcoming.start_time is not None}
            if upcoming is not None else None,
            "moves": allowed_moves(application.status),
            "is_new": application.id in new_ids,
        })
    shown = [s.value for s in COLUMNS if not filters.status or s.value == filters.status]
    return {"columns": [{"status": s, "total": counts[s], "cards": columns[s]} for s in shown],
            "total": sum(counts.values()),
            "shown": sum(len(columns[s]) for s in shown), "timezone": posting.timezone}
