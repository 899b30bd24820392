"""Keeps the derived figures (tracker.models.derived) true in the transaction that changes what
they are derived from: a hook after every flush of every session, so no service can forget it.

- Status counts move by the difference each flush makes: an application added, deleted (erasure
  included), moved to another status, soft-deleted or restored counts -1 where it was and +1
  where it is. A posting soft-deleted, restored or moved to another organisation has its
  organisations' counts counted again (rare, and it moves many applications at once).
- A posting's status counts (its applications not deleted, drafts too) move the same way, by
  the posting each application was on and is on; a posting soft-deleted, restored or moved to
  another organisation keeps its own counts (its applications are where they were).
- Fit scores are marked stale (their generation goes up) when an input of the fit changes: the
  posting's requirements, the application's evidence and ratings, the candidate's profile, skills
  and languages, the weight of an occupation skill a requirement was started from. A score
  computed from older inputs is not stored over the new generation (services.fit.stored).

Statements that bypass the ORM (`session.execute(sa.update(Application)...)`) are not seen: no
service changes these rows that way (tests/services/test_derived.py checks the paths).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, UOWTransaction

from tracker.models.application import Application, RequirementEvidence
from tracker.models.derived import APPLICATION_FIT, POSTING_STATUS_COUNT, STATUS_COUNT
from tracker.models.posting import Posting, Requirement
from tracker.models.reference import OccupationSkill
from tracker.models.user import CandidateLanguage, CandidateProfile, CandidateSkill

APPLICATION_FACTS = ("posting_id", "status", "deleted_at")
POSTING_FACTS = ("deleted_at", "organisation_id")


def _before(obj: Any, name: str) -> Any:
    """The value of an attribute as the database had it before this flush."""
    history = sa.inspect(obj).attrs[name].history
    if history.deleted:
        return history.deleted[0]
    return history.unchanged[0] if history.unchanged else getattr(obj, name)


def _changed(obj: Any, names: tuple[str, ...]) -> bool:
    return any(sa.inspect(obj).attrs[name].history.has_changes() for name in names)


def insert_for(connection: sa.Connection, table: sa.Table) -> Any:
    """An INSERT that can say ON CONFLICT on this database."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


def count_predicate() -> sa.ColumnElement[bool]:
    """The applications the counts count: not deleted, on an organisation's posting not
    deleted (joined as `Posting`)."""
    return sa.and_(Application.deleted_at.is_(None), Posting.deleted_at.is_(None),
                   Posting.organisation_id.is_not(None))


def recount(connection: sa.Connection, organisation_ids: set[int]) -> None:
    """Count the applications of these organisations again, from the rows."""
    if not organisation_ids:
        return
    table = STATUS_COUNT
    connection.execute(sa.delete(table).where(table.c.organisation_id.in_(organisation_ids)))
    rows = connection.execute(
        sa.select(Posting.organisation_id, Application.status, sa.func.count())
        .join(Posting, Posting.id == Application.posting_id)
        .where(count_predicate(), Posting.organisation_id.in_(organisation_ids))
        .group_by(Posting.organisation_id, Application.status)).all()
    if rows:
        connection.execute(sa.insert(table), [
            {"organisation_id": org, "status": status, "number": number}
            for org, status, number in rows])


def recount_postings(connection: sa.Connection, posting_ids: set[int]) -> None:
    """Count the applications of these postings again, from the rows (by status, not deleted,
    drafts included)."""
    if not posting_ids:
        return
    table = POSTING_STATUS_COUNT
    connection.execute(sa.delete(table).where(table.c.posting_id.in_(posting_ids)))
    rows = connection.execute(
        sa.select(Application.posting_id, Application.status, sa.func.count())
        .where(Application.deleted_at.is_(None), Application.posting_id.in_(posting_ids))
        .group_by(Application.posting_id, Application.status)).all()
    if rows:
        connection.execute(sa.insert(table), [
            {"posting_id": posting, "status": status, "number": number}
            for posting, status, number in rows])


def _count_changes(session: Session, connection: sa.Connection) -> None:
    again: set[int] = set()
    for obj in session.dirty:
        if isinstance(obj, Posting) and _changed(obj, POSTING_FACTS):
            again |= {_before(obj, "organisation_id"), obj.organisation_id} - {None}
    states: list[tuple[int, Any, Any, int]] = []  # (posting, status, deleted_at, +1/-1)
    for obj in session.new:
        if isinstance(obj, Application):
            states.append((obj.posting_id, obj.status, obj.deleted_at, 1))
    for obj in session.deleted:
        if isinstance(obj, Application):
            states.append((*(_before(obj, n) for n in APPLICATION_FACTS), -1))
    for obj in session.dirty:
        if isinstance(obj, Application) and _changed(obj, APPLICATION_FACTS):
            states.append((*(_before(obj, n) for n in APPLICATION_FACTS), -1))
            states.append((obj.posting_id, obj.status, obj.deleted_at, 1))
    if states:
        postings = {pid: (org, deleted) for pid, org, deleted in connection.execute(
            sa.select(Posting.id, Posting.organisation_id, Posting.deleted_at)
            .where(Posting.id.in_({s[0] for s in states})))}
        moves: Counter[tuple[int, Any]] = Counter()
        by_posting: Counter[tuple[int, Any]] = Counter()
        for posting_id, status, deleted_at, sign in states:
            if deleted_at is None and posting_id in postings:  # a posting erased: its counts go
                by_posting[posting_id, status] += sign
            org, posting_deleted = postings.get(posting_id, (None, None))
            if org is None or org in again or deleted_at is not None or posting_deleted:
                continue
            moves[org, status] += sign
        _move(connection, STATUS_COUNT, "organisation_id", moves)
        _move(connection, POSTING_STATUS_COUNT, "posting_id", by_posting)
    recount(connection, again)


def _move(connection: sa.Connection, table: sa.Table, key: str,
          moves: Counter[tuple[int, Any]]) -> None:
    """Add each delta to the kept count of its (key, status), the row made when missing; in a
    fixed order, so that two transactions lock the rows in the same order."""
    for (owner, status), delta in sorted(moves.items(), key=lambda m: (m[0][0], str(m[0][1]))):
        if delta == 0:
            continue
        statement = insert_for(connection, table).values(
            {key: owner, "status": status, "number": delta})
        connection.execute(statement.on_conflict_do_update(
            index_elements=[table.c[key], table.c.status],
            set_={"number": table.c.number + delta}))


def _stale_fits(session: Session, connection: sa.Connection) -> None:
    postings: set[int] = set()
    applications: set[int] = set()
    profiles: set[int] = set()
    users: set[int] = set()
    skills: set[int] = set()
    for objects, changed_only in ((session.new, False), (session.deleted, False),
                                  (session.dirty, True)):
        for obj in objects:
            if changed_only and not session.is_modified(obj, include_collections=False):
                continue
            if isinstance(obj, Requirement):
                postings |= {obj.posting_id, _before(obj, "posting_id")} - {None}
            elif isinstance(obj, RequirementEvidence):
                applications.add(obj.application_id)
            elif isinstance(obj, CandidateSkill | CandidateLanguage):
                profiles |= {obj.profile_id, _before(obj, "profile_id")} - {None}
            elif isinstance(obj, CandidateProfile):
                users.add(obj.user_id)
            elif isinstance(obj, Application) and changed_only and _changed(
                    obj, ("candidate_id", "posting_id")):
                applications.add(obj.id)
            elif isinstance(obj, OccupationSkill) and changed_only:
                skills.add(obj.id)
    if profiles:
        users |= set(connection.scalars(sa.select(CandidateProfile.user_id).where(
            CandidateProfile.id.in_(profiles))))
    if skills:
        postings |= set(connection.scalars(sa.select(Requirement.posting_id).where(
            Requirement.occupation_skill_id.in_(skills))))
    which = [condition for ids, condition in (
        (postings, Application.posting_id.in_(postings)),
        (applications, Application.id.in_(applications)),
        (users, Application.candidate_id.in_(users))) if ids]
    if which:
        mark_stale(connection, sa.or_(*which))


def mark_stale(connection: sa.Connection, which: sa.ColumnElement[bool]) -> None:
    """The fit scores of the applications `which` selects are stale from now on."""
    table = APPLICATION_FIT
    statement = insert_for(connection, table).from_select(
        ["application_id", "generation"],
        sa.select(Application.id, sa.literal(1)).where(which))
    connection.execute(statement.on_conflict_do_update(
        index_elements=[table.c.application_id],
        set_={"generation": table.c.generation + 1}))


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context: UOWTransaction) -> None:
    if not (session.new or session.dirty or session.deleted):
        return
    connection = session.connection()
    _count_changes(session, connection)
    _stale_fits(session, connection)
