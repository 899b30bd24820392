"""Personal API tokens: created for a user, shown once, stored as a SHA-256 digest, revoked.

A token is `trk_` followed by 43 URL-safe characters (256 random bits): a fast digest is
enough to store it, since it cannot be guessed the way a password can.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.domain.access import Actor
from tracker.domain.errors import DomainError, NotFound, PermissionDenied
from tracker.domain.timeutil import iso
from tracker.models import ApiToken, Role, User
from tracker.services import audit

Clock = Callable[[], datetime]
TOKEN_PREFIX = "trk_"
VISIBLE_CHARS = 12  # "trk_" and the first 8 random characters, shown in lists
NAME_MAX = 100
# last_used_at is written at most this often, so that reads do not all become writes
LAST_USED_GRANULARITY = timedelta(minutes=1)


def _digest(plain: str) -> str:
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()


def create_token(
    session: Session, user: User, name: str, clock: Clock
) -> tuple[str, ApiToken]:
    """A new token for `user`: the plain token (to show once) and its stored row."""
    name = (name or "").strip()
    if not name:
        raise DomainError("name", "name the token (e.g. the script or machine using it)")
    if len(name) > NAME_MAX:
        raise DomainError("name", "must be at most %(limit)s characters long", limit=NAME_MAX)
    if not user.is_active or user.deleted_at is not None:
        raise DomainError("user", "%(email)s is not an active user", email=user.email)
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = clock()
    token = ApiToken(user_id=user.id, name=name, token_hash=_digest(plain),
                     prefix=plain[:VISIBLE_CHARS], created_at=now)
    session.add(token)
    session.flush()
    audit.record(session, at=now, actor=user, action="token.create", entity=token,
                 details={"name": name, "prefix": token.prefix})
    return plain, token


def list_tokens(session: Session, user: User) -> list[ApiToken]:
    """The user's tokens, newest first, revoked ones included."""
    return list(session.scalars(
        sa.select(ApiToken).where(ApiToken.user_id == user.id)
        .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    ))


def revoke_token(session: Session, user: User, token_id: int, clock: Clock) -> None:
    """Revoke one of the user's tokens; it stops working at once. Revoking twice is harmless."""
    token = session.scalar(
        sa.select(ApiToken).where(ApiToken.id == token_id, ApiToken.user_id == user.id)
    )
    if token is None:
        raise NotFound("token", "%(email)s has no token #%(token_id)s",
                       email=user.email, token_id=str(token_id))
    if token.revoked_at is not None:
        return
    now = clock()
    token.revoked_at = now
    session.flush()
    audit.record(session, at=now, actor=user, action="token.revoke", entity=token,
                 details={"prefix": token.prefix})


def user_for_token(session: Session, plain: str, clock: Clock) -> User | None:
    """The active user a live token belongs to, or None (unknown, revoked, user gone)."""
    if not isinstance(plain, str) or not plain.startswith(TOKEN_PREFIX) or len(plain) > 200:
        return None
    found = session.execute(
        sa.select(ApiToken, User).join(User, User.id == ApiToken.user_id)
        .where(ApiToken.token_hash == _digest(plain))
    ).first()
    if found is None:
        return None
    token, user = found
    if token.revoked_at is not None or not user.is_active or user.deleted_at is not None:
        return None
    now = clock()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_GRANULARITY:
        token.last_used_at = now
        user.last_login_at = now  # a script's use counts as a log-in for retention
        session.flush()
    return user


def check_may_manage(actor: Actor, user: User) -> None:
    """Tokens are their owner's business, an admin's, or the operator's (actor None)."""
    if isinstance(actor, User) and actor.id != user.id and actor.role is not Role.ADMIN:
        raise PermissionDenied("user", "you may manage your own tokens only")


def token_record(token: ApiToken) -> dict[str, object]:
    """A token as plain data: never its secret, only the prefix shown to tell it apart."""
    return {
        "id": token.id,
        "name": token.name,
        "prefix": token.prefix,
        "created_at": iso(token.created_at),
        "last_used_at": iso(token.last_used_at),
        "revoked_at": iso(token.revoked_at),
        "active": token.revoked_at is None,
    }
