"""Accounts as people manage them: sign-up, log-in, preferences, password (deletion is an
erasure: services/privacy/erase.delete_account)."""

from __future__ import annotations

import contextlib
import logging
import smtplib
from collections.abc import Callable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker import mail
from tracker.config import Settings
from tracker.db import utcnow
from tracker.domain.access import OPERATOR, Actor, Operator
from tracker.domain.errors import DomainError, PermissionDenied
from tracker.domain.timeutil import zone
from tracker.domain.validation import normalise_email, parse_enum
from tracker.models import Locale, Role, User
from tracker.services import audit
from tracker.services.accounts import sessions, users
from tracker.services.accounts.passwords import check_password

Clock = Callable[[], datetime]
log = logging.getLogger(__name__)
# Verified when no account matches, so that a wrong e-mail costs as long as a wrong password.
_DUMMY_HASH = users._hasher.hash("not a password of anyone")


def register_candidate(
    session: Session,
    *,
    email: str,
    full_name: str,
    password: str,
    locale: Locale | str = Locale.FR,
    timezone: str | None = None,
    clock: Clock = utcnow,
) -> User | None:
    """A candidate creates their own account; None when the address already has one.

    Nobody learns from the answer whether an address has an account: every field is checked
    the same way and the password hashed either way (the same time), and for a known address
    nothing is created and None comes back, which the face answers as it answers a new
    account, telling the owner of the address by e-mail (tell_address_owner)."""
    email = normalise_email(email)
    check_password(password, email=email)
    if not full_name or not full_name.strip():
        raise DomainError("full_name", "must not be empty")
    parse_enum(Locale, locale, "locale")
    if timezone:
        zone(timezone)
    if users.find_user(session, email) is not None:
        users._hasher.hash(password)  # the cost of a new account, so the time says nothing
        return None
    user = users.create_user(
        session, email=email, full_name=full_name, role=Role.CANDIDATE, locale=locale,
        timezone=timezone or None, password=password, clock=clock,
        actor=OPERATOR,  # nobody is logged in yet: the system signs the visitor up
    )
    return user


def tell_address_owner(email: str, *, lang: str, settings: Settings,
                       clock: Clock = utcnow) -> None:
    """Tell the owner of `email` that someone tried to register with it: by e-mail through
    the SMTP server of `settings`, else (no server set) in the log. Called by the face after
    its transaction, off the request's time; a failure to send is logged, never raised."""
    message = mail.account_exists_message(recipient=email, lang=lang, settings=settings,
                                          now=clock())
    if not settings.smtp_host:
        log.info("registration with the known address %s: no SMTP server set, "
                 "its owner was not told by e-mail", email)
        return
    try:
        with mail.Mailer(settings) as mailer:
            mailer.send(message)
    except (OSError, smtplib.SMTPException):
        log.warning("registration with the known address %s: telling its owner failed",
                    email, exc_info=True)


def create_account(
    session: Session,
    actor: Actor,
    *,
    email: str,
    full_name: str,
    role: Role | str,
    password: str,
    organisation: str | None = None,
    locale: Locale | str = Locale.FR,
    clock: Clock = utcnow,
) -> User:
    """An admin creates an account of any role (hr accounts belong to an organisation)."""
    if isinstance(actor, User) and actor.role is not Role.ADMIN:
        raise PermissionDenied("role", "only an admin creates accounts")
    return users.create_user(
        session, email=email, full_name=full_name, role=role, organisation=organisation or None,
        locale=locale, password=password, actor=actor, clock=clock,
    )


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active account with this e-mail and password, else None (whichever was wrong)."""
    user = users.find_user(session, email or "")
    if user is None or user.deleted_at is not None or not user.is_active:
        with contextlib.suppress(Exception):  # a mismatch is the expected outcome
            users._hasher.verify(_DUMMY_HASH, password or "x")
        return None
    return user if users.verify_password(user, password or "") else None


def log_in(session: Session, email: str, password: str, *, ip: str | None,
           clock: Clock = utcnow) -> User | None:
    """`authenticate`, and the attempt recorded in the audit log, successful or not (never
    the password; a failure the same way whether the address has an account or not)."""
    user = authenticate(session, email, password)
    audit.record_login(session, email=email, user=user, ip=ip, clock=clock)
    return user


def active_user(session: Session, user_id: int) -> User | None:
    """The account a login session names, if it still exists and may log in."""
    user = session.get(User, user_id)
    if user is None or user.deleted_at is not None or not user.is_active:
        return None
    return user


def set_preferences(
    session: Session,
    user: User,
    *,
    full_name: str,
    locale: Locale | str,
    timezone: str | None,
    clock: Clock = utcnow,
) -> User:
    """A user's name, language and time zone (empty zone: the posting's or the default)."""
    if not full_name or not full_name.strip():
        raise DomainError("full_name", "must not be empty")
    parsed = parse_enum(Locale, locale, "locale")
    if timezone:
        zone(timezone)
    user.full_name = full_name.strip()
    user.locale = parsed
    user.timezone = timezone or None
    user.updated_at = clock()
    session.flush()
    audit.record(session, at=user.updated_at, actor=user, action="user.preferences",
                 entity=user, details={"locale": parsed, "timezone": user.timezone})
    return user


def set_password(session: Session, user: User, password: str, *, actor: Actor,
                 clock: Clock = utcnow) -> User:
    """A new password; every login session of the account ends with the old one (whoever
    knew the old password, or copied a cookie, is out; the face may start a new session for
    the person who just changed it)."""
    user.password_hash = users.hash_password(password, email=user.email)
    user.updated_at = clock()
    session.flush()
    sessions.end_all(session, user, actor=actor, clock=clock, reason="password")
    audit.record(session, at=user.updated_at, actor=user if isinstance(actor, Operator) else actor, action="user.password",
                 entity=user)
    return user


def change_password(session: Session, user: User, *, current: str, new: str,
                    clock: Clock = utcnow) -> User:
    if not users.verify_password(user, current or ""):
        raise DomainError("current_password", "is not your current password")
    try:
        return set_password(session, user, new, clock=clock, actor=user)
    except DomainError as exc:
        raise DomainError("new_password", exc.code, **exc.params) from exc


def list_accounts(session: Session, actor: Actor) -> list[User]:
    """Every account, staff first (for the admin's page)."""
    if isinstance(actor, User) and actor.role is not Role.ADMIN:
        raise PermissionDenied("user", "only an admin lists accounts")
    return list(session.scalars(
        sa.select(User).where(User.deleted_at.is_(None)).order_by(User.role, User.email)
    ))
