"""A posting's applicants page: one page of its applications grouped by status in workflow
order, each group sorted as asked, with the number in every status and each row's fit. A few
statements whatever the page, built once per sort (#16)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.domain.access import Actor, can_manage
from tracker.domain.errors import DomainError, PermissionDenied
from tracker.domain.paging import Page, make_page, paginate
from tracker.models import Application, ApplicationStatus, Posting, User
from tracker.models.derived import APPLICATION_FIT, POSTING_STATUS_COUNT
from tracker.services.fit import scores as fit
from tracker.services.hiring.applications import TRANSITIONS
from tracker.services.views.overview import STATUS_ORDER

SORTS = {"submitted", "name", "updated", "fit"}


@dataclass(frozen=True)
class _ApplicantStatements:
    order: Any  # the ids of one status (`status`) in the page's order, a slice of them
    page_rows: Any  # the columns a row shows (as `rows`) of that slice, in the page's order
    rows: Any  # the columns a row shows, of the ids given, with their stored fit
    stale: Any  # an id of one status whose stored fit is missing or stale (sorted by fit)
    statuses: Any  # every id with its status (sorted by fit, when some fits are stale)
    counts: Any  # the number in each status, as kept (tracker.models.upkeep)


FIT = APPLICATION_FIT
COUNTED = POSTING_STATUS_COUNT
# a stored fit whose inputs have not changed since it was computed (services.fit.stored)
FRESH_FIT = sa.and_(FIT.c.computed_generation == FIT.c.generation, FIT.c.score.is_not(None))
STALE_FIT = sa.or_(FIT.c.application_id.is_(None), FIT.c.score.is_(None),  # no NULL compared
                   FIT.c.computed_generation.is_(None),
                   FIT.c.computed_generation != FIT.c.generation)


@lru_cache(maxsize=len(SORTS))
def _applicant_statements(sort: str) -> _ApplicantStatements:
    """The applicants page's statements, built once per sort with the posting (`posting_id`),
    a status and a slice of it, or the page's ids (`ids`) as parameters: building them anew on
    each request cost more than running them (#16)."""
    mine = sa.and_(Application.posting_id == sa.bindparam("posting_id"),
                   Application.deleted_at.is_(None),
                   Application.status != ApplicationStatus.DRAFT)
    fitted = sa.outerjoin(Application, FIT, FIT.c.application_id == Application.id)
    keys: dict[str, list[Any]] = {
        "submitted": [sa.func.coalesce(Application.submitted_at, Application.created_at)],
        "name": [sa.func.lower(sa.func.coalesce(User.full_name, Application.applicant_name))],
        "updated": [Application.updated_at.desc()],
        # best fit first, ties newest first, as applications.list_applications ranks them;
        # read only when every fit of the status is fresh (no NULL among them)
        "fit": [FIT.c.score.desc(), FIT.c.assessed.desc(), Application.id.desc()],
    }
    # one status at a time: its rows found through the index led by (posting, status), and
    # only they sorted, not all the posting's (the page knows each status's number)
    status = sa.and_(Application.posting_id == sa.bindparam("posting_id"),
                     Application.status == sa.bindparam("status"),
                     Application.deleted_at.is_(None))
    order = sa.select(Application.id).where(status)
    if sort == "name":
        order = order.outerjoin(User, User.id == Application.candidate_id)
    if sort == "fit":
        order = order.select_from(fitted)
    # the columns a row shows, not the applications as objects (#16: a page of fifty rows),
    # and the row's stored fit, fresh or not (a stale one is worked out again); by id alone,
    # the ids being the posting's
    shown = (
        sa.select(Application.id, Application.status, Application.applicant_name,
                  Application.applicant_email, Application.submitted_at, Application.updated_at,
                  Application.is_late, User.full_name, User.email,
                  sa.case((FRESH_FIT, True), else_=False).label("fit_fresh"),
                  FIT.c.score, FIT.c.assessed, FIT.c.total)
        # an application the employer recorded (by post, by e-mail) has no account: outer join
        .select_from(fitted)
        .outerjoin(User, User.id == Application.candidate_id)
    )
    order = (order.order_by(*keys[sort], Application.id)
             .limit(sa.bindparam("limit")).offset(sa.bindparam("offset")))
    # the slice's ids found as `order` finds them (through the index, only the status sorted),
    # then their rows read by id and put in the same order (#16: one statement, not the ids
    # and then their rows)
    ids = order.subquery("page")
    return _ApplicantStatements(
        order=order,
        page_rows=shown.join(ids, ids.c.id == Application.id).order_by(*keys[sort],
                                                                      Application.id),
        rows=shown.where(Application.id.in_(sa.bindparam("ids", expanding=True))),
        stale=sa.select(Application.id).select_from(fitted).where(status, STALE_FIT).limit(1),
        statuses=sa.select(Application.id, Application.status).where(mine),
        # kept by the flush hook (#16: counting the 5,000 applicants of a posting cost 0.45 ms)
        counts=sa.select(COUNTED.c.status, COUNTED.c.number).where(
            COUNTED.c.posting_id == sa.bindparam("posting_id"), COUNTED.c.number > 0,
            COUNTED.c.status != ApplicationStatus.DRAFT))


def posting_applicants(
    session: Session, posting: Posting, *, actor: Actor, sort: str = "submitted",
    page: int = 1, per_page: int = 100,
) -> dict[str, Any]:
    """One page of the posting's applications grouped by status (in workflow order), each
    group sorted by `sort` (submitted, name, updated or fit: best fit first, ties newest
    first, as applications.list_applications ranks them), with the number in every status and
    each row's fit score. Drafts are the candidates' own until submitted. A few statements
    whatever the page: the number in each status, the page's ids of the one or two statuses
    it shows sorted by the database (by fit too, from the stored scores, when every score of
    those statuses is fresh), then the page's rows."""
    if not can_manage(actor, posting):
        raise PermissionDenied("posting", "only the employer sees the applicants")
    if sort not in SORTS:
        raise DomainError("sort", "%(value)s is not one of: %(choices)s",
                          value=repr(sort), choices=", ".join(sorted(SORTS)))
    paginate(sa.select(Application.id), page, per_page)  # checks the page numbers
    statements = _applicant_statements(sort)
    ours = {"posting_id": posting.id}
    session.flush()  # pending changes mark their fits stale first
    # the statements select columns, not objects: run on the session's connection, past the
    # ORM's handling of each statement and row (#16: about 0.05 ms a statement)
    run = session.connection().execute
    counts = {status: number for status, number in run(statements.counts, ours)}
    spans = _spans(counts, page, per_page)
    # by fit, the database sorts a status whose stored fits are all fresh
    if sort == "fit" and any(run(statements.stale, {**ours, "status": status}).first()
                             is not None for status, _skip, _take in spans):
        chosen, scores = _ranked_by_fit(session, statements, ours, page, per_page)
        by_id = {row.id: row for row in run(statements.rows, {"ids": chosen}).all()} \
            if chosen else {}
        shown = [by_id[i] for i in chosen]
    else:
        shown, scores = [], {}
        for status, skip, take in spans:
            # all at once (fetchall), not a call to the driver per row
            shown += run(statements.page_rows, {**ours, "status": status,
                                                "limit": take, "offset": skip}).all()
    found = make_page(shown, page, per_page)
    # each row's values by position, as `rows` selects them (a Row's names cost a lookup each)
    rows = [tuple(row) for row in found.rows]
    stale = [r[0] for r in rows if not r[9] and r[0] not in scores]
    scores.update(fit.fit_summaries(session, stale) if stale else {})
    scores.update({r[0]: fit.FitSummary(r[10], r[11], r[12]) for r in rows if r[9]})
    groups: list[dict[str, Any]] = []
    moves = _moves()
    written: dict[fit.FitSummary, dict[str, Any]] = {}  # each score's words, written once
    for (number, status, applicant_name, applicant_email, submitted_at, updated_at, is_late,
         full_name, email, *_fit) in rows:
        value = status.value
        if not groups or groups[-1]["status"] != value:
            groups.append({"status": value, "rows": [], "total": counts.get(status, 0)})
        summary = scores.get(number)
        if summary is not None and summary not in written:
            written[summary] = summary.as_dict()
        groups[-1]["rows"].append({
            "id": number, "name": full_name or applicant_name,
            "email": email or applicant_email, "submitted_at": submitted_at,
            "updated_at": updated_at, "is_late": is_late, "status": value,
            "moves": list(moves[status]),
            "fit": None if summary is None else dict(written[summary])})
    named = {status.value: number for status, number in counts.items()}
    return {"groups": groups, "counts": named, "total": sum(named.values()),
            "page": Page([], page, per_page, found.has_next)}


@lru_cache(maxsize=1)
def _moves() -> dict[ApplicationStatus, list[str]]:
    """The moves the workflow offers from each status, in workflow order (no draft: never a
    move)."""
    return {status: [s.value for s in STATUS_ORDER if s in TRANSITIONS[status]]
            for status in STATUS_ORDER}


def _spans(counts: dict[ApplicationStatus, int], page: int,
           per_page: int) -> list[tuple[ApplicationStatus, int, int]]:
    """Where the page and the next one's first row (to know whether it follows) fall: the
    statuses in workflow order, each with the rows to skip in it and the rows to take."""
    skip, wanted = (page - 1) * per_page, per_page + 1
    spans = []
    for status in STATUS_ORDER:
        number = counts.get(status, 0)
        if skip >= number:
            skip -= number
            continue
        take = min(number - skip, wanted)
        spans.append((status, skip, take))
        skip, wanted = 0, wanted - take
        if not wanted:
            break
    return spans


def _ranked_by_fit(session: Session, statements: _ApplicantStatements, ours: dict[str, Any],
                   page: int, per_page: int) -> tuple[list[int], dict[int, fit.FitSummary]]:
    """The page's ids sorted by fit when some scores of the statuses it shows are stale:
    every score read or worked out (and stored, so the next page sorts in the database),
    ranked here."""
    rank = {status: rank for rank, status in enumerate(STATUS_ORDER)}
    statuses = {row.id: row.status for row in session.execute(statements.statuses, ours)}
    scores = fit.fit_summaries(session, list(statuses))
    ranked = sorted(statuses, key=lambda i: (
        rank[statuses[i]], -(scores[i].score if i in scores else 0.0),
        -(scores[i].assessed if i in scores else 0), -i))
    start = (page - 1) * per_page
    chosen = ranked[start:start + per_page + 1]
    return chosen, {i: scores[i] for i in chosen if i in scores}
