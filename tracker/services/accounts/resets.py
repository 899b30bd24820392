""""Forgot your password?": a link by e-mail to set a new one.

The request answers the same whether or not the address has an account: the face shows one
message either way, and the work is the same (the lookup, a signed token and the e-mail
rendered; only the e-mail of a real account is handed back, for the face to send off the
request). The link signs the account's id and a fingerprint of its current password hash (and
address): setting a new password, by this link or any other way, changes the hash, so the link
works once and dies when the password changes. It expires after TRACKER_RESET_LINK_HOURS."""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime, timedelta
from email.message import EmailMessage

from sqlalchemy.orm import Session

from tracker import mail
from tracker.config import Settings
from tracker.domain.access import Actor
from tracker.domain.validation import normalise_email
from tracker.models import User
from tracker.services import audit
from tracker.services.accounts import account, links, users

PURPOSE = "password-reset"
log = logging.getLogger(__name__)


def _fingerprint(user_id: int, email: str, password_hash: str | None) -> str:
    return hashlib.sha256(f"{user_id}\n{email}\n{password_hash or ''}".encode()).hexdigest()[:24]


def _usable(user: User | None) -> bool:
    return user is not None and user.deleted_at is None and user.is_active


def request_reset(session: Session, *, email: str, actor: Actor, settings: Settings,
                  now: datetime) -> EmailMessage | None:
    """The e-mail with a link to set a new password, when `email` names an account that may
    log in; else None, after the same work (the face answers both alike and sends the e-mail
    off the request). The request is in the account's audit trail."""
    address = normalise_email(email)
    user = users.find_user(session, address)
    known = _usable(user)
    # The same work for an unknown address: a stand-in account signs and renders too.
    uid, name, lang, pw = ((user.id, user.full_name, user.locale.value, user.password_hash)
                           if user is not None and known else (0, address, "en", None))
    token = links.sign({"u": uid, "f": _fingerprint(uid, address, pw)}, purpose=PURPOSE,
                       settings=settings, now=now)
    path = f"/password/reset/{token}"
    target = f"{settings.public_url.rstrip('/')}{path}" if settings.public_url else path
    message = mail.account_message(
        "password_reset", recipient=address, lang=lang, settings=settings, now=now,
        context={"name": name, "url": target, "hours": settings.reset_link_hours})
    if user is None or not known:
        return None
    audit.record(session, at=now, actor=actor, action="user.password_reset_requested",
                 entity=user)
    if not settings.public_url:
        log.warning("password reset asked for %s: TRACKER_PUBLIC_URL is not set, so no link "
                    "can be e-mailed", address)
        return None
    return message


def check_reset(session: Session, token: str, *, actor: Actor, settings: Settings,
                now: datetime) -> User:
    """The account a reset link is for, if the link is genuine, not expired, and not used (the
    password is still the one it was made for); else a DomainError on `link`."""
    payload = links.read(token, purpose=PURPOSE, settings=settings, now=now,
                         valid_for=timedelta(hours=settings.reset_link_hours))
    user = session.get(User, payload.get("u")) if isinstance(payload.get("u"), int) else None
    if user is None or not _usable(user):
        raise links.used()
    if payload.get("f") != _fingerprint(user.id, user.email, user.password_hash):
        raise links.used()
    return user


def complete_reset(session: Session, token: str, *, password: str, actor: Actor,
                   settings: Settings, now: datetime) -> User:
    """Set the new password a reset link allows: the password rule applies, every login
    session of the account ends, and the link is spent (the hash it signed is gone)."""
    user = check_reset(session, token, actor=actor, settings=settings, now=now)
    account.set_password(session, user, password, actor=user, clock=lambda: now)
    audit.record(session, at=now, actor=user, action="user.password_reset", entity=user)
    return user
