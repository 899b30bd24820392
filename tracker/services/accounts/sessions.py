"""Login sessions of the web pages: server-side records, named by a random id in the cookie.

A log-in starts a session: 256 random bits, of which the database keeps only the SHA-256
digest, and the session cookie only the id itself (never a user id, which a later account
could get). Every request resolves the id to its record and checks it is still live: not
ended, the account still active, not idle longer than `session_idle_minutes`, not older than
`session_lifetime_hours`. Logging out ends the session; a password change ends every session
of the account (the browser that changed it gets a new one); deleting the account removes them;
an admin (or the operator, `tracker user logout`) ends them all.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

import sqlalchemy as sa
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.util import identity_key

from tracker.config import Settings
from tracker.domain.access import Actor
from tracker.domain.errors import DomainError, NotFound, PermissionDenied
from tracker.models import Locale, LoginSession, Role, User
from tracker.services import audit
from tracker.services.accounts import users

Clock = Callable[[], datetime]
# last_seen_at is written at most this often, so that reads do not all become writes; the idle
# time is therefore counted to the minute.
LAST_SEEN_GRANULARITY = timedelta(minutes=1)
DEVICE_MAX = 200
IP_MAX = 45
ID_MAX = 200  # longer than any id this module hands out: refused before hashing
_USERS = sa.inspect(User)  # makes a User without its constructor (checked_user)


def _digest(plain: str) -> str:
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Account:
    """What every page needs of a live session's account, read as columns (#16: the log-in
    check runs on every request; the whole row as an object cost more than the page's own
    reads). A face that acts reads the account's row in its own transaction."""

    id: int
    email: str
    full_name: str
    role: Role
    organisation_id: int | None
    locale: Locale
    timezone: str | None


@dataclass(frozen=True)
class Live:
    """A live session resolved from its id: the account and the session's own row id;
    `wrote`: whether resolving it wrote its last-seen instant (else it only read)."""

    user: Account
    session_id: int
    wrote: bool = False


@cache
def _live() -> sa.Executable:
    """The columns the log-in check reads: the session's own and the account's (the
    statement built once, on first use: the models are not read when this module is)."""
    return (sa.select(LoginSession.id, LoginSession.ended_at, LoginSession.created_at,
                      LoginSession.last_seen_at, User.is_active, User.deleted_at, User.id,
                      User.email, User.full_name, User.role, User.organisation_id,
                      User.locale, User.timezone)
            .join(User, User.id == LoginSession.user_id)
            .where(LoginSession.token_hash == sa.bindparam("digest")))


@dataclass(frozen=True)
class SessionRecord:
    """A session as the account page shows it (never its id, which is the secret)."""

    id: int
    device: str | None
    ip: str | None
    created_at: datetime
    last_seen_at: datetime
    current: bool


def _check_may_manage(actor: Actor, user: User) -> None:
    """One's own sessions, an admin's business, or the operator's."""
    if isinstance(actor, User) and actor.id != user.id and actor.role is not Role.ADMIN:
        raise PermissionDenied("user", "you may end your own sessions only")


def start_session(
    session: Session, user: User, *, actor: Actor, device: str | None, ip: str | None,
    clock: Clock,
) -> tuple[str, LoginSession]:
    """A new session for `user` (who just proved who they are): the id for the cookie (shown
    to nobody else, never stored) and its row."""
    _check_may_manage(actor, user)
    if not user.is_active or user.deleted_at is not None:
        raise DomainError("user", "%(email)s is not an active user", email=user.email)
    plain = secrets.token_urlsafe(32)
    now = clock()
    row = LoginSession(
        token_hash=_digest(plain), user_id=user.id, created_at=now, last_seen_at=now,
        device=(device or "").strip()[:DEVICE_MAX] or None, ip=(ip or "")[:IP_MAX] or None)
    session.add(row)
    user.last_login_at = now  # retention counts an account's inactivity from its last log-in
    session.flush()
    return plain, row


def _expired(row: LoginSession, now: datetime, settings: Settings) -> bool:
    return _too_old(row.created_at, row.last_seen_at, now, settings)


def _too_old(created_at: datetime, last_seen_at: datetime, now: datetime,
             settings: Settings) -> bool:
    return (now - last_seen_at > timedelta(minutes=settings.session_idle_minutes)
            or now - created_at > timedelta(hours=settings.session_lifetime_hours))


def resolve(session: Session, plain: str, *, settings: Settings, clock: Clock) -> Live | None:
    """The live session this id names, or None: unknown, ended, idle too long, too old, or
    its account gone or disabled. An expired session is ended on the spot."""
    if not isinstance(plain, str) or not plain or len(plain) > ID_MAX:
        return None
    # columns, not objects: run on the session's connection, past the ORM's handling of the
    # statement (#16: the check runs on every request)
    found = session.connection().execute(_live(), {"digest": _digest(plain)}).first()
    if found is None:
        return None
    row_id, ended_at, created_at, last_seen_at, is_active, deleted_at, *account = found
    if ended_at is not None or not is_active or deleted_at is not None:
        return None
    now = clock()
    if _too_old(created_at, last_seen_at, now, settings):
        _touch(session, row_id, ended_at=now)
        return None
    wrote = now - last_seen_at >= LAST_SEEN_GRANULARITY
    if wrote:
        _touch(session, row_id, last_seen_at=now)
    return Live(Account(*account), row_id, wrote)


def checked_user(session: Session, account: Account) -> User | None:
    """The account the log-in check of this request read (`resolve`), as a row of `session`
    without reading it again (#16: 0.3 ms of every page), for a request that only reads: the
    check has just found the account active and read the columns a page uses; any other
    column is read when first used. A request that acts reads the account's row in its own
    transaction (accounts.account.active_user), as the services' rules want. A row this
    session already holds is that row, still checked: None if it is no longer active."""
    held = session.identity_map.get(identity_key(User, account.id))
    if held is not None:
        return held if held.deleted_at is None and held.is_active else None
    if not _USERS.configured:  # the first row of a process: the models' relations set up
        sa.orm.configure_mappers()
    user = _USERS.class_manager.new_instance()
    # its columns set as a row read sets them (the constructor's change events cost 35 µs)
    user.__dict__.update(id=account.id, email=account.email, full_name=account.full_name,
                         role=account.role, organisation_id=account.organisation_id,
                         locale=account.locale, timezone=account.timezone, is_active=True,
                         deleted_at=None)
    make_transient_to_detached(user)  # as if read: no change to write, the rest unloaded
    session.add(user)
    return user


def _touch(session: Session, row_id: int, **values: datetime) -> None:
    """Write the session row's instants (no object of it is loaded: see `resolve`)."""
    session.execute(sa.update(LoginSession).where(LoginSession.id == row_id).values(**values)
                    .execution_options(synchronize_session=False))


def end_current(session: Session, plain: str, *, clock: Clock) -> None:
    """Log out: the session this id names ends, and the audit log says so (an unknown or
    ended one: nothing to do)."""
    if not isinstance(plain, str) or not plain or len(plain) > ID_MAX:
        return
    row = session.scalar(sa.select(LoginSession).where(
        LoginSession.token_hash == _digest(plain), LoginSession.ended_at.is_(None)))
    if row is None:
        return
    row.ended_at = now = clock()
    session.flush()
    user = session.get(User, row.user_id)
    if user is not None:
        audit.record(session, at=now, actor=user, action="logout", entity=user)


def end_session(session: Session, user: User, session_id: int, *, actor: Actor,
                clock: Clock) -> None:
    """End one of `user`'s sessions (the account page's button). Ending it twice is harmless."""
    _check_may_manage(actor, user)
    row = session.scalar(sa.select(LoginSession).where(
        LoginSession.id == session_id, LoginSession.user_id == user.id))
    if row is None:
        raise NotFound("session", "%(email)s has no session #%(session_id)s",
                       email=user.email, session_id=str(session_id))
    if row.ended_at is None:
        row.ended_at = clock()
        session.flush()


def end_all(session: Session, user: User, *, actor: Actor, clock: Clock,
            reason: str = "logout_everywhere") -> int:
    """End every live session of `user` (log out everywhere); how many were live."""
    _check_may_manage(actor, user)
    now = clock()
    live = list(session.scalars(sa.select(LoginSession).where(
        LoginSession.user_id == user.id, LoginSession.ended_at.is_(None))))
    for row in live:
        row.ended_at = now
    ended = len(live)
    session.flush()
    if reason == "logout_everywhere":  # a password change or a deletion is audited as such
        audit.record(session, at=now, actor=actor, action="user.logout_everywhere",
                     entity=user, details={"sessions": ended})
    return ended


def log_out_everywhere(session: Session, email: str, *, actor: Actor, clock: Clock) -> User:
    """An admin's (or the operator's) "log out everywhere" for the account with this e-mail."""
    if isinstance(actor, User) and actor.role is not Role.ADMIN:
        raise PermissionDenied("user", "only an admin logs other accounts out")
    user = users.get_user(session, email)
    end_all(session, user, actor=actor, clock=clock)
    return user


def forget_all(session: Session, user: User) -> None:
    """Remove every session row of an account being erased (nothing of it is kept)."""
    session.execute(sa.delete(LoginSession).where(LoginSession.user_id == user.id))
    session.flush()


def list_live(session: Session, user: User, *, actor: Actor, settings: Settings, clock: Clock,
              current_id: int | None = None) -> list[SessionRecord]:
    """`user`'s live sessions, the most recently seen first; `current` marks this browser's."""
    _check_may_manage(actor, user)
    now = clock()
    rows = session.scalars(
        sa.select(LoginSession)
        .where(LoginSession.user_id == user.id, LoginSession.ended_at.is_(None))
        .order_by(LoginSession.last_seen_at.desc(), LoginSession.id.desc())
    )
    return [SessionRecord(row.id, row.device, row.ip, row.created_at, row.last_seen_at,
                          row.id == current_id)
            for row in rows if not _expired(row, now, settings)]
