"""Previews for the templates page: a template rendered with a sample candidate, or with a real
application of the organisation (chosen among its latest ones)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db import utcnow
from tracker.domain.access import Actor
from tracker.domain.errors import NotFound
from tracker.domain.validation import parse_enum
from tracker.i18n import Formatter
from tracker.models import Application, ApplicationStatus, Locale, Organisation, Posting, User
from tracker.services.messages.composing import Composed, _variables
from tracker.services.messages.templates import (
    BODY_MAX,
    SUBJECT_MAX,
    _check_staff,
    check_text,
    render_text,
)

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class SampleApplication:
    id: int
    name: str
    posting_title: str
    posting_reference: str


def sample_applications(session: Session, organisation: Organisation, *, actor: Actor,
                        limit: int = 20) -> list[SampleApplication]:
    """The organisation's latest submitted applications (with a person named), to preview a
    template with."""
    _check_staff(actor, organisation)
    rows = session.execute(
        sa.select(Application.id, sa.func.coalesce(User.full_name, Application.applicant_name),
                  Posting.title, Posting.reference)
        .join(Posting, Posting.id == Application.posting_id)
        .outerjoin(User, User.id == Application.candidate_id)
        .where(Posting.organisation_id == organisation.id, Application.deleted_at.is_(None),
               Application.anonymised_at.is_(None),
               Application.status != ApplicationStatus.DRAFT)
        .order_by(Application.submitted_at.desc(), Application.id.desc()).limit(limit)).all()
    return [SampleApplication(i, name or "", title, reference or "")
            for i, name, title, reference in rows]


def sample_values(organisation: Organisation, language: str, *, public_url: str | None,
                  clock: Clock = utcnow) -> dict[str, str]:
    """Made-up values in `language` (the organisation's zone) for a preview."""
    f = Formatter(language)
    now = clock()
    base = (public_url or "").rstrip("/")
    return {
        "candidate_name": "Camille Martin",
        "posting_title": f.text("International cooperation officer"),  # a made-up title
        "posting_reference": "REF-2026-042",
        "organisation": organisation.name,
        "deadline": f.instant(now + timedelta(days=28), organisation.timezone),
        "interview": f.instant(now + timedelta(days=40), organisation.timezone),
        "application_url": f"{base}/applications/42",
    }


def preview(session: Session, organisation: Organisation, *, subject: str, body: str,
            language: str, actor: Actor, application_id: int | None = None,
            public_url: str | None = None, clock: Clock = utcnow) -> Composed:
    """`subject` and `body` (checked like a saved template) rendered in `language` with the
    variables of one of the organisation's applications, or with sample values."""
    _check_staff(actor, organisation)
    lang = parse_enum(Locale, language, "language").value
    check_text("subject", subject, max_length=SUBJECT_MAX)
    check_text("body", body, max_length=BODY_MAX)
    if application_id is not None:
        application = session.get(Application, application_id)
        if (application is None or application.posting.organisation_id != organisation.id
                or application.deleted_at is not None or application.anonymised_at is not None):
            raise NotFound("application", "no such application of the organisation")
        values = _variables(session, application, lang, public_url=public_url, clock=clock)
    else:
        values = sample_values(organisation, lang, public_url=public_url, clock=clock)
    return Composed(" ".join(render_text(subject, values).split()),
                    render_text(body.replace("\r\n", "\n"), values), lang)
