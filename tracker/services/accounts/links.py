"""Links sent by e-mail that act on an account (a password reset, an invitation): signed with
the secret key by itsdangerous, dated, and checked against the clock when opened.

A link carries its payload (readable, not secret) and an HMAC-SHA256 signature over it with a
salt per purpose, so a reset link cannot pass for an invitation and nobody without the key can
make or change one. Each purpose keeps its link single-use by what it signs (see resets.py and
invitations.py). Links are full URLs from TRACKER_PUBLIC_URL, never from the Host a request
named (which would let anyone have a reset e-mail point at their own site)."""

from __future__ import annotations

import hashlib
import logging
import smtplib
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Any

from itsdangerous import BadData, URLSafeSerializer

from tracker import mail
from tracker.config import Settings, secret_key
from tracker.domain.errors import DomainError

log = logging.getLogger(__name__)


def invalid() -> DomainError:
    """The error of a link that was not copied whole or was never ours."""
    return DomainError("link", "this link is not valid: check that you copied it whole, or ask "
                               "for a new one")


def expired() -> DomainError:
    return DomainError("link", "this link has expired: ask for a new one")


def used() -> DomainError:
    """The error of a link whose purpose is spent (used, or what it grants has gone)."""
    return DomainError("link", "this link was already used or is no longer valid: ask for a "
                               "new one")


def _serializer(purpose: str, settings: Settings) -> URLSafeSerializer:
    return URLSafeSerializer(secret_key(settings), salt=f"tracker.{purpose}",
                             signer_kwargs={"digest_method": hashlib.sha256})


def sign(payload: dict[str, Any], *, purpose: str, settings: Settings, now: datetime) -> str:
    """The token of a link: `payload` with its issue time, signed for `purpose`."""
    return str(_serializer(purpose, settings).dumps({**payload, "t": int(now.timestamp())}))


def read(token: str, *, purpose: str, settings: Settings, now: datetime,
         valid_for: timedelta) -> dict[str, Any]:
    """The payload of a token made by `sign` for `purpose`, no older than `valid_for`; else a
    DomainError on the field `link` (forged, altered, cut short, or expired)."""
    try:
        payload = _serializer(purpose, settings).loads(token or "")
    except BadData as exc:
        raise invalid() from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("t"), int):
        raise invalid()
    issued = datetime.fromtimestamp(payload["t"], tz=now.tzinfo)
    if now - issued > valid_for:
        raise expired()
    return payload


def url(settings: Settings, path: str) -> str:
    """The full URL of a page of this site for an e-mail."""
    if not settings.public_url:
        raise DomainError("public_url", "TRACKER_PUBLIC_URL is not set: e-mails cannot carry "
                                        "links to this site")
    return f"{settings.public_url.rstrip('/')}{path}"


def deliver(message: EmailMessage, *, settings: Settings) -> bool:
    """Hand one e-mail to the SMTP server of `settings`; whether it was accepted. Called by
    the faces after their transaction (the web pages off the request's thread): a failure is
    logged, never raised."""
    what, recipient = message["Subject"], message["To"]
    if not settings.smtp_host:
        log.warning("no SMTP server set (TRACKER_SMTP_HOST): the e-mail %r to %s was not sent",
                    what, recipient)
        return False
    try:
        with mail.Mailer(settings) as mailer:
            mailer.send(message)
    except (OSError, smtplib.SMTPException):
        log.warning("the e-mail %r to %s could not be sent", what, recipient, exc_info=True)
        return False
    return True
