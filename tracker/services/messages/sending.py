"""Sending a message to a candidate: kept on the application's history (`application_message`)
and told through the reminder outbox like every notice (a `message` row per channel, due at
once: in-app for a candidate with an account, and by e-mail; the dispatcher delivers them, the
e-mail with a stable Message-ID). An employer's message is delivered whatever the candidate's
reminder switches say: it is not a reminder.

The acknowledgement of receipt goes on submission (`acknowledge`, called by the hiring
service) unless the organisation switched it off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db import utcnow
from tracker.domain.access import OPERATOR, Actor, actor_id, can_manage
from tracker.domain.errors import DomainError, PermissionDenied
from tracker.domain.validation import parse_enum
from tracker.models import (
    Application,
    ApplicationMessage,
    ApplyMethod,
    Locale,
    MessageKind,
    Organisation,
    Reminder,
    ReminderChannel,
    ReminderKind,
    ReminderStatus,
    SubjectType,
    User,
)
from tracker.services import audit
from tracker.services.messages.composing import (
    check_writer,
    compose,
    reader_language,
    reader_zone,
    recipient,
    render,
)
from tracker.services.messages.templates import BODY_MAX, SUBJECT_MAX
from tracker.services.reminders.outbox import UNIQUE, insert_ignore
from tracker.services.reminders.rules import email_key, user_key

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class SentMessage:
    id: int
    application_id: int
    kind: str | None
    language: str
    recipient_email: str
    subject: str
    body: str
    sent_at: datetime
    sent_by: str | None


def send(session: Session, *, application: Application, subject: str, body: str,
         actor: Actor, kind: MessageKind | str | None = None, language: str | None = None,
         clock: Clock = utcnow) -> ApplicationMessage:
    """Send `subject` and `body` (final text) to the application's candidate: in-app and by
    e-mail through the outbox, kept on the application's history. Only flushes."""
    check_writer(actor, application)
    address = recipient(application)
    if not address:
        raise DomainError("application", "the candidate left no e-mail address")
    subject = " ".join(subject.split())
    body = body.replace("\r\n", "\n").strip()
    if not subject:
        raise DomainError("subject", "must not be empty")
    if len(subject) > SUBJECT_MAX:
        raise DomainError("subject", "at most %(limit)s characters", limit=SUBJECT_MAX)
    if not body:
        raise DomainError("body", "must not be empty")
    if len(body) > BODY_MAX:
        raise DomainError("body", "at most %(limit)s characters", limit=BODY_MAX)
    parsed = parse_enum(MessageKind, kind, "kind") if kind else None
    lang = (parse_enum(Locale, language, "language").value if language
            else reader_language(application))
    now = clock()
    message = ApplicationMessage(application_id=application.id, kind=parsed,
                                 language=Locale(lang),
                                 recipient_email=address, subject=subject, body=body,
                                 sent_at=now, sent_by_id=actor_id(actor))
    session.add(message)
    session.flush()
    audit.record(session, at=now, actor=actor, action="application.message",
                 entity=application, details={"message": message.id,
                                              "kind": parsed.value if parsed else None,
                                              "language": lang})
    _outbox(session, application, message, now)
    return message


def _outbox(session: Session, application: Application, message: ApplicationMessage,
            now: datetime) -> int:
    user = application.candidate
    if user is not None:
        key, user_id = user_key(user.id), user.id
        channels = [ReminderChannel.IN_APP, ReminderChannel.EMAIL]
    else:
        key, user_id = email_key(message.recipient_email.lower()), None
        channels = [ReminderChannel.EMAIL]
    values = [
        dict(kind=ReminderKind.MESSAGE, subject_type=SubjectType.APPLICATION,
             subject_id=application.id, recipient_key=key, recipient_user_id=user_id,
             recipient_email=message.recipient_email, channel=channel,
             offset_spec=f"m:{message.id}", anchor_at=now, due_at=now, next_attempt_at=now,
             timezone=reader_zone(application), status=ReminderStatus.PENDING, attempts=0,
             created_at=now, updated_at=now)
        for channel in channels
    ]
    inserted = session.execute(insert_ignore(session, Reminder, UNIQUE).returning(Reminder.id),
                               values)
    return len(inserted.all())


def send_many(session: Session, *, applications: Iterable[Application], actor: Actor,
              kind: MessageKind | str | None = None, subject: str | None = None,
              body: str | None = None, public_url: str | None = None,
              clock: Clock = utcnow) -> list[ApplicationMessage]:
    """One message to each application's candidate, each in their own language: the
    organisation's template of `kind` composed for each, or else `subject` and `body` (which
    may use the variables) rendered for each. Checks every application before sending any."""
    apps = list(applications)
    if kind is None and (not subject or not body):
        raise DomainError("kind", "choose a template or write a subject and a text")
    for application in apps:
        check_writer(actor, application)
        if not recipient(application):
            raise DomainError("application", "the candidate left no e-mail address")
    sent = []
    for application in apps:
        if kind is not None:
            text = compose(session, application=application, kind=kind, actor=actor,
                           public_url=public_url, clock=clock)
        else:
            assert subject is not None and body is not None
            text = render(session, application=application, subject=subject, body=body,
                          actor=actor, public_url=public_url, clock=clock)
        sent.append(send(session, application=application, subject=text.subject,
                         body=text.body, actor=actor, kind=text.kind, language=text.language,
                         clock=clock))
    return sent


def acknowledge(session: Session, application: Application, *, public_url: str | None = None,
                clock: Clock = utcnow) -> ApplicationMessage | None:
    """The acknowledgement of receipt of a submitted application, sent by the system when its
    posting takes applications in the tracker and belongs to an organisation that has it on
    (none otherwise: a posting that takes them by e-mail received nothing)."""
    posting = application.posting
    if (posting.organisation_id is None or posting.apply_method is not ApplyMethod.IN_APP
            or recipient(application) is None):
        return None
    organisation = session.get(Organisation, posting.organisation_id)
    if organisation is None or not organisation.acknowledge_applications:
        return None
    text = compose(session, application=application, kind=MessageKind.ACKNOWLEDGEMENT,
                   actor=OPERATOR, public_url=public_url, clock=clock)
    return send(session, application=application, subject=text.subject, body=text.body,
                actor=OPERATOR, kind=text.kind, language=text.language, clock=clock)


def list_messages(session: Session, application: Application, *,
                  actor: Actor) -> list[SentMessage]:
    """The messages sent about an application, oldest first: for its employer side and for
    its candidate."""
    own = isinstance(actor, User) and actor.id == application.candidate_id
    if not (own or can_manage(actor, application.posting)):
        raise PermissionDenied("application", "you may not read this application's messages")
    rows = session.execute(
        sa.select(ApplicationMessage, User.full_name)
        .outerjoin(User, User.id == ApplicationMessage.sent_by_id)
        .where(ApplicationMessage.application_id == application.id)
        .order_by(ApplicationMessage.sent_at, ApplicationMessage.id)).all()
    return [SentMessage(m.id, m.application_id, m.kind.value if m.kind else None,
                        m.language.value, m.recipient_email, m.subject, m.body, m.sent_at,
                        name) for m, name in rows]
