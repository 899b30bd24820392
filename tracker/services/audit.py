"""The audit trail: written by every service that changes something, read by staff.

Writing: `record` (one row per change, by the service that made it) and `record_login` (each
log-in, successful or not, never with the password).

Reading: `trail` is what hr see on an application's or a posting's page (the rows about it and
about what hangs from it: documents, ratings, notes, interviews), for the postings they manage;
`search` is the admin's whole log, filtered. Candidates read neither: the trail holds hr's
internal entries (ratings, notes) and is staff-only. Every row's actor is named by `who`, the
one place that turns an audit row into a person's name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.domain.access import Actor, Operator, actor_id, can_manage, sees_drafts
from tracker.domain.errors import DomainError, PermissionDenied
from tracker.domain.paging import Page, make_page, paginate
from tracker.models import (
    Application,
    ApplicationStatus,
    AuditLog,
    Document,
    Interview,
    Note,
    Posting,
    RequirementEvidence,
    Role,
    User,
)

Clock = Callable[[], datetime]
EMAIL_MAX = 254
ACTION_MAX = 60
# What `--entity`/the admin filter may name (the tables audit rows are about).
ENTITY_TYPES = ("application", "posting", "document", "interview", "note",
                "requirement_evidence", "user_account", "organisation", "candidate_profile",
                "api_token", "login")
LOGIN = "login"  # entity type of a failed log-in with an address that has no account


def record(
    session: Session,
    *,
    at: datetime,
    actor: Actor | None,
    action: str,
    entity: Any,
    details: dict[str, Any] | None = None,
) -> AuditLog:
    """Add one audit row for `entity` (a flushed model instance with an `id`). The actor is
    required: `None` only where nobody is left to name (a person who deleted their own
    account)."""
    if entity.id is None:
        session.flush()
    entry = AuditLog(
        at=at,
        actor_id=None if actor is None else actor_id(actor),
        action=action,
        entity_type=entity.__tablename__,
        entity_id=entity.id,
        details=_jsonable(details or {}),
    )
    session.add(entry)
    return entry


def record_login(
    session: Session, *, email: str, user: User | None, ip: str | None, clock: Clock,
) -> AuditLog:
    """A log-in: `user` is the account that proved who it is, or None when the address or
    the password was wrong. A failure is recorded against the account when the address has one
    (its actor: nobody, since nobody proved anything), else against no account with the typed
    address when it looks like one (a password typed in the address field is not kept). The
    person at the log-in page gets the same answer and the same work either way."""
    at = clock()
    address = (email or "").strip().lower()[:EMAIL_MAX]
    details: dict[str, Any] = {"ip": (ip or "")[:45] or None}
    if user is not None:
        return record(session, at=at, actor=user, action="login.ok", entity=user,
                      details=details)
    known = session.scalar(sa.select(User).where(User.email == address)) if address else None
    if known is not None:
        return record(session, at=at, actor=None, action="login.failed", entity=known,
                      details=details)
    if "@" in address and not any(c.isspace() for c in address):
        details["email"] = address
    entry = AuditLog(at=at, actor_id=None, action="login.failed", entity_type=LOGIN,
                     entity_id=0, details=details)
    session.add(entry)
    return entry


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One audit row as people read it. `who` is None for the system (the operator, the
    scheduler, a log-in nobody proved); the faces word it."""

    id: int
    at: datetime
    action: str
    entity_type: str
    entity_id: int
    details: dict[str, Any]
    who: str | None
    actor_email: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at.isoformat(), "who": self.who,
                "actor_email": self.actor_email, "action": self.action,
                "entity": f"{self.entity_type}:{self.entity_id}", "details": self.details}


def who(row: AuditLog, user: User | None) -> str | None:
    """The one place an audit row's actor becomes words: the person's name and e-mail, or
    None for the system (no actor). An erased person reads as their stable pseudonym
    (`actor_label`, set by the erasure). Every reader of the log goes through here."""
    if user is None:
        return row.actor_label
    return f"{user.full_name} <{user.email}>"


def _entries(session: Session, query: sa.Select[Any], page: int, per_page: int) -> Page[Entry]:
    rows = session.execute(paginate(_ordered(query), page, per_page)).all()
    return make_page([_entry(row, user) for row, user in rows], page, per_page)


def _ordered(query: sa.Select[Any]) -> sa.Select[Any]:
    """Rows of the log with their actors, newest first."""
    return (query.add_columns(User).outerjoin(User, User.id == AuditLog.actor_id)
            .order_by(AuditLog.at.desc(), AuditLog.id.desc()))


def _entry(row: AuditLog, user: User | None) -> Entry:
    return Entry(id=row.id, at=row.at, action=row.action, entity_type=row.entity_type,
                 entity_id=row.entity_id, details=dict(row.details or {}), who=who(row, user),
                 actor_email=user.email if user else None)


@lru_cache(maxsize=1)
def _posting_trail() -> sa.Select[Any]:
    """A posting's trail, one page of it: built once, the posting and the page as parameters
    (a posting's page shows it on every visit)."""
    return (_ordered(sa.select(AuditLog).where(_about_posting(sa.bindparam("posting_id"))))
            .limit(sa.bindparam("limit")).offset(sa.bindparam("offset")))


def _about_application(application_id: int) -> sa.ColumnElement[bool]:
    """The rows about an application and what hangs from it. Removed documents are gone from
    their table, so their rows are found by the application they name."""
    def of(entity_type: str, ids: sa.Select[Any]) -> sa.ColumnElement[bool]:
        return sa.and_(AuditLog.entity_type == entity_type, AuditLog.entity_id.in_(ids))

    return sa.or_(
        sa.and_(AuditLog.entity_type == "application", AuditLog.entity_id == application_id),
        of("requirement_evidence", sa.select(RequirementEvidence.id).where(
            RequirementEvidence.application_id == application_id)),
        of("note", sa.select(Note.id).where(Note.application_id == application_id)),
        of("interview", sa.select(Interview.id).where(
            Interview.application_id == application_id)),
        of("document", sa.select(Document.id).where(Document.application_id == application_id)),
        sa.and_(AuditLog.entity_type == "document",
                AuditLog.details["application"].as_integer() == application_id),
    )


def _about_posting(posting_id: int | sa.BindParameter[int]) -> sa.ColumnElement[bool]:
    """The rows about a posting itself and its posting-wide interview dates (each application
    has its own trail)."""
    return sa.or_(
        sa.and_(AuditLog.entity_type == "posting", AuditLog.entity_id == posting_id),
        sa.and_(AuditLog.entity_type == "interview", AuditLog.entity_id.in_(
            sa.select(Interview.id).where(Interview.posting_id == posting_id,
                                          Interview.application_id.is_(None)))),
    )


def _check_staff(actor: Actor, posting: Posting | None) -> None:
    """hr of the posting's organisation, an admin, or the operator; never a candidate (the
    trail holds the employer's internal entries)."""
    if isinstance(actor, Operator) or actor.role is Role.ADMIN:
        return
    if actor.role is not Role.HR or posting is None or not can_manage(actor, posting):
        raise PermissionDenied("audit", "you may not read this audit trail")


def trail(
    session: Session, entity: Application | Posting, *, actor: Actor, page: int = 1,
    per_page: int = 20,
) -> Page[Entry]:
    """The audit trail of an application or a posting, newest first, one page of it."""
    if isinstance(entity, Application):
        _check_staff(actor, entity.posting)
        if not sees_drafts(actor) and entity.status is ApplicationStatus.DRAFT:
            raise PermissionDenied("audit", "a draft is its candidate's until submitted")
        about = _about_application(entity.id)
    elif isinstance(entity, Posting):
        _check_staff(actor, entity)
        paginate(_posting_trail(), page, per_page)  # checks the page numbers
        rows = session.execute(_posting_trail(), {
            "posting_id": entity.id, "limit": per_page + 1, "offset": (page - 1) * per_page})
        return make_page([_entry(row, user) for row, user in rows], page, per_page)
    else:
        raise DomainError("entity", "only an application or a posting has a trail")
    return _entries(session, sa.select(AuditLog).where(about), page, per_page)


@dataclass(frozen=True)
class Filters:
    """The admin's filters of the whole log; every one optional."""

    actor_email: str | None = None
    action: str | None = None
    entity: str | None = None  # "type" or "type:ID" (a posting also by its reference)
    since: date | None = None
    until: date | None = None  # inclusive
    timezone: str = "UTC"  # the zone the days are counted in


def search(
    session: Session, filters: Filters, *, actor: Actor, page: int = 1, per_page: int = 50,
) -> Page[Entry]:
    """The whole log, filtered, newest first: admins and the operator only. A filter that
    cannot be understood is an error naming it, never an unfiltered answer."""
    if isinstance(actor, User) and actor.role is not Role.ADMIN:
        raise PermissionDenied("audit", "only an admin reads the whole audit log")
    conditions: list[sa.ColumnElement[bool]] = []
    if filters.actor_email:
        address = filters.actor_email.strip().lower()
        if len(address) > EMAIL_MAX:
            raise DomainError("actor", "is too long for an e-mail address")
        found = session.scalar(sa.select(User.id).where(User.email == address))
        if found is None:
            raise DomainError("actor", "no account has this e-mail address")
        conditions.append(AuditLog.actor_id == found)
    if filters.action:
        action = filters.action.strip()
        if len(action) > ACTION_MAX:
            raise DomainError("action", "is too long for an action")
        # "posting" is every posting.* action (and one named so); "posting.open" that one
        conditions.append(AuditLog.action == action if "." in action else sa.or_(
            AuditLog.action == action,
            AuditLog.action.like(f"{_like(action)}.%", escape="\\")))
    if filters.entity:
        conditions.append(_entity_condition(session, filters.entity.strip()))
    conditions.extend(_period(filters))
    return _entries(session, sa.select(AuditLog).where(*conditions), page, per_page)


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _entity_condition(session: Session, text: str) -> sa.ColumnElement[bool]:
    kind, _, ident = text.partition(":")
    if kind not in ENTITY_TYPES:
        raise DomainError("entity", "unknown entity type %(kind)r (one of: %(kinds)s)",
                          kind=kind, kinds=", ".join(ENTITY_TYPES))
    if not ident:
        return AuditLog.entity_type == kind
    if kind == "posting" and not ident.isdigit():
        number = session.scalar(sa.select(Posting.id).where(Posting.reference == ident))
        if number is None:
            raise DomainError("entity", "no posting has this reference")
        return _about_posting(number)
    if not ident.isdigit() or len(ident) > 18:
        raise DomainError("entity", "write it as TYPE:NUMBER, e.g. application:12")
    if kind == "application":
        return _about_application(int(ident))
    if kind == "posting":
        return _about_posting(int(ident))
    return sa.and_(AuditLog.entity_type == kind, AuditLog.entity_id == int(ident))


def _period(filters: Filters) -> list[sa.ColumnElement[bool]]:
    try:
        zone = ZoneInfo(filters.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise DomainError("timezone", "unknown time zone %(timezone)r",
                          timezone=filters.timezone) from exc
    if filters.since and filters.until and filters.until < filters.since:
        raise DomainError("until", "must not be before the first day")
    out = []
    if filters.since:
        out.append(AuditLog.at >= datetime.combine(filters.since, time(), zone).astimezone(UTC))
    if filters.until:
        end = datetime.combine(filters.until + timedelta(days=1), time(), zone)
        out.append(AuditLog.at < end.astimezone(UTC))
    return out
