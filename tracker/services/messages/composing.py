"""What a message to one candidate says: the organisation's template of a kind (or the shipped
default) rendered with that application's variables, in the candidate's language and zone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db import utcnow
from tracker.domain.access import Actor, can_manage
from tracker.domain.errors import DomainError, PermissionDenied
from tracker.domain.validation import parse_enum
from tracker.i18n import Formatter
from tracker.models import (
    Application,
    Interview,
    InterviewStatus,
    Locale,
    MessageKind,
    Organisation,
)
from tracker.services.messages.templates import _template, render_text

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Composed:
    subject: str
    body: str
    language: str
    kind: MessageKind | None = None


def check_writer(actor: Actor, application: Application) -> None:
    """Only the employer side of the application's posting writes to its candidate."""
    if not can_manage(actor, application.posting) or application.posting.organisation_id is None:
        raise PermissionDenied("application", "only the posting's hr staff may write to its "
                               "candidates")
    if application.deleted_at is not None or application.anonymised_at is not None:
        raise DomainError("application", "the application is gone")


def reader_language(application: Application) -> str:
    """The candidate's language (an application recorded by the employer: French)."""
    user = application.candidate
    return user.locale.value if user is not None else Locale.FR.value


def reader_zone(application: Application) -> str:
    user = application.candidate
    return (user.timezone if user is not None and user.timezone
            else application.posting.timezone)


def recipient(application: Application) -> str | None:
    """The address the message goes to (none: the candidate left none)."""
    if application.candidate is not None:
        return application.candidate.email
    return application.applicant_email


def _variables(session: Session, application: Application, language: str, *,
              public_url: str | None = None, clock: Clock = utcnow) -> dict[str, str]:
    """The values of `defaults.VARIABLES` for this application, dates written in `language`
    and in the candidate's zone."""
    f = Formatter(language)
    tz = reader_zone(application)
    posting = application.posting
    now = clock()
    interviews = session.scalars(sa.select(Interview).where(
        Interview.application_id == application.id,
        Interview.status == InterviewStatus.SCHEDULED,
    ).order_by(Interview.starts_at)).all()
    upcoming = [i for i in interviews if i.starts_at >= now] or interviews[-1:]
    interview = ""
    if upcoming:
        i = upcoming[0]
        interview = (f.instant(i.starts_at, tz) if i.start_time is not None
                     else f.local(i.start_date, None, i.timezone))
    name = (application.candidate.full_name if application.candidate is not None
            else application.applicant_name or "")
    organisation = posting.hiring_organization_name or ""
    if not organisation and posting.organisation_id is not None:
        org = session.get(Organisation, posting.organisation_id)
        organisation = org.name if org else ""
    path = f"/applications/{application.id}"
    return {
        "candidate_name": name,
        "posting_title": posting.title,
        "posting_reference": posting.reference or "",
        "organisation": organisation,
        "deadline": f.instant(posting.valid_through, tz) if posting.valid_through else "",
        "interview": interview,
        "application_url": f"{public_url.rstrip('/')}{path}" if public_url else path,
    }


def compose(session: Session, *, application: Application, kind: MessageKind | str,
            actor: Actor, language: str | None = None, public_url: str | None = None,
            clock: Clock = utcnow) -> Composed:
    """The message of `kind` for `application`'s candidate, in their language (or
    `language`), from the organisation's template or the default."""
    check_writer(actor, application)
    parsed = parse_enum(MessageKind, kind, "kind")
    lang = parse_enum(Locale, language, "language").value if language else \
        reader_language(application)
    organisation = session.get(Organisation, application.posting.organisation_id)
    assert organisation is not None  # check_writer: an organisation's posting
    template = _template(session, organisation, parsed, lang)
    values = _variables(session, application, lang, public_url=public_url, clock=clock)
    return Composed(" ".join(render_text(template.subject, values).split()),
                    render_text(template.body, values), lang, parsed)


def render(session: Session, *, application: Application, subject: str, body: str,
           actor: Actor, language: str | None = None, public_url: str | None = None,
           clock: Clock = utcnow) -> Composed:
    """A text written on the page (it may use the variables too) rendered for `application`:
    the preview of what is sent. The text is checked like a template."""
    from tracker.services.messages.templates import BODY_MAX, SUBJECT_MAX, check_text

    check_writer(actor, application)
    check_text("subject", subject, max_length=SUBJECT_MAX)
    check_text("body", body, max_length=BODY_MAX)
    lang = parse_enum(Locale, language, "language").value if language else \
        reader_language(application)
    values = _variables(session, application, lang, public_url=public_url, clock=clock)
    return Composed(" ".join(render_text(subject, values).split()),
                    render_text(body.replace("\r\n", "\n"), values), lang)
