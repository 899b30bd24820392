"""Moving several applications at once (issue #14, "bulk decisions").

Each application is checked on its own (the actor's rights, the move the workflow allows from
its status) and moved in a savepoint of its own: what may move moves, each with its history
entry, its audit row and the candidate's notice, as a single move does; what may not is
reported by name with the reason, and stays as it was. The caller gets one outcome per
application asked for, in the order asked. `preview_bulk` says the same without writing (the
confirmation page shows it).

With a `BulkMessage`, each moved candidate is also sent a message (tracker.services.messages:
e-mail and in-app notice, kept on the application's history): the organisation's template of
its kind composed for each, in each candidate's language, or a text written for all (which may
use the same variables). The move and its message go together: if the message cannot be sent,
that application is not moved either, and the outcome says why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from tracker.db import utcnow
from tracker.domain.access import Actor, can_manage
from tracker.domain.errors import DomainError, NotFound, PermissionDenied
from tracker.domain.validation import parse_enum
from tracker.models import Application, ApplicationStatus, MessageKind
from tracker.services.hiring.applications import TRANSITIONS, get_application, move

Clock = Callable[[], datetime]
MAX_BULK = 500
# Why an application was not moved, for the faces to say in the reader's language:
NOT_FOUND = "not_found"  # no such application the actor may see
FORBIDDEN = "forbidden"  # seen, but not the actor's to move
NOT_ALLOWED = "not_allowed"  # the workflow allows no such move from its status
REFUSED = "refused"  # the move itself refused it (see `message`)


@dataclass(frozen=True)
class BulkMessage:
    """The message to each moved candidate: a template `kind`, or a `subject` and `body`."""

    kind: str | None = None
    subject: str | None = None
    body: str | None = None
    public_url: str | None = None  # for the application page's address in the text

    def check(self) -> BulkMessage:
        if self.subject or self.body:
            if not (self.subject or "").strip():
                raise DomainError("message_subject", "must not be empty")
            if not (self.body or "").strip():
                raise DomainError("message_body", "must not be empty")
            return BulkMessage(None, self.subject, self.body, self.public_url)
        if not self.kind:
            raise DomainError("message", "choose a template or write a subject and a text")
        parse_enum(MessageKind, self.kind, "message")
        return self


@dataclass(frozen=True)
class BulkOutcome:
    application_id: int
    name: str | None  # None when not found (nothing is said about what one may not see)
    from_status: str | None
    moved: bool
    problem: str | None = None  # one of the codes above
    message: str | None = None  # the service's own words, for REFUSED (in English)
    error: DomainError | None = field(default=None, compare=False)  # ...to say in any language


def _ids(application_ids: Iterable[int | str]) -> list[int]:
    ids: list[int] = []
    for value in application_ids:
        text = str(value).strip()
        if not text.isdigit():
            raise DomainError("applications", "%(value)s is not an application number",
                              value=repr(text))
        if int(text) not in ids:
            ids.append(int(text))
    if not ids:
        raise DomainError("applications", "select at least one application")
    if len(ids) > MAX_BULK:
        raise DomainError("applications", "at most %(max)s applications at once",
                          max=MAX_BULK)
    return ids


def _check(session: Session, application_id: int, target: ApplicationStatus, actor: Actor
           ) -> tuple[Application | None, BulkOutcome | None]:
    try:
        found = get_application(session, application_id, actor=actor)
    except NotFound:
        return None, BulkOutcome(application_id, None, None, False, NOT_FOUND)
    name, status = found.person_name, found.status.value
    if not can_manage(actor, found.posting):
        return None, BulkOutcome(application_id, name, status, False, FORBIDDEN)
    if target not in TRANSITIONS[found.status]:
        return None, BulkOutcome(application_id, name, status, False, NOT_ALLOWED)
    return found, None


def preview_bulk(session: Session, application_ids: Iterable[int | str],
                 to_status: ApplicationStatus | str, *, actor: Actor) -> list[BulkOutcome]:
    """What bulk_move would do, without doing it: `moved` says which would move."""
    target = parse_enum(ApplicationStatus, to_status, "status")
    outcomes = []
    for application_id in _ids(application_ids):
        found, refused = _check(session, application_id, target, actor)
        outcomes.append(refused or BulkOutcome(application_id, found.person_name if found
                                               else None, found.status.value if found else None,
                                               True))
    return outcomes


def bulk_move(session: Session, application_ids: Iterable[int | str],
              to_status: ApplicationStatus | str, *, actor: Actor, comment: str | None = None,
              message: BulkMessage | None = None, clock: Clock = utcnow) -> list[BulkOutcome]:
    """Move every application of `application_ids` that may move to `to_status` (each with
    `comment` in its history), and send each moved candidate `message` if given; report each
    that may not move."""
    target = parse_enum(ApplicationStatus, to_status, "status")
    if comment is not None and len(comment) > 500:
        raise DomainError("comment", "at most 500 characters")
    message = message.check() if message is not None else None
    outcomes = []
    for application_id in _ids(application_ids):
        found, refused = _check(session, application_id, target, actor)
        if refused is not None or found is None:
            outcomes.append(refused or BulkOutcome(application_id, None, None, False, NOT_FOUND))
            continue
        name, status = found.person_name, found.status.value
        try:
            with session.begin_nested():
                move(session, found, target, actor=actor, comment=comment, clock=clock)
                if message is not None:
                    _send(session, found, message, actor, clock)
        except PermissionDenied:
            outcomes.append(BulkOutcome(application_id, name, status, False, FORBIDDEN))
            continue
        except DomainError as exc:
            session.expire(found)
            outcomes.append(BulkOutcome(application_id, name, status, False, REFUSED,
                                        exc.message, exc))
            continue
        outcomes.append(BulkOutcome(application_id, name, status, True))
    return outcomes


def _send(session: Session, application: Application, message: BulkMessage, actor: Actor,
          clock: Clock) -> None:
    from tracker.services.messages.sending import send_many

    send_many(session, applications=[application], actor=actor, kind=message.kind,
              subject=message.subject, body=message.body, public_url=message.public_url,
              clock=clock)
