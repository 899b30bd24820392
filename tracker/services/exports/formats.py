"""A posting as schema.org JSON-LD and applications as CSV, for the faces: each looks its records
up as the actor may see them and hands the exporters plain values, so no face reaches
`tracker.exporters` itself."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from tracker.domain.access import Actor
from tracker.exporters.csv import applications_csv as _applications_csv
from tracker.exporters.jsonld import posting_jsonld as _posting_jsonld
from tracker.models import ApplicationStatus, Posting
from tracker.services.hiring import applications
from tracker.services.hiring.lookup import get_posting
from tracker.services.hiring.search import public_posting


def posting_jsonld(session: Session, reference: str, *, actor: Actor,
                   url: str | None = None, field: str = "posting") -> dict[str, Any]:
    """The posting REFERENCE as a schema.org JobPosting, as `actor` may see it."""
    return _posting_jsonld(get_posting(session, reference, field, actor=actor), url=url)


def applications_csv(session: Session, *, actor: Actor, posting: str | None = None,
                     candidate: str | None = None,
                     status: ApplicationStatus | str | None = None) -> str:
    """Every application `actor` may see that matches the filters, as CSV."""
    rows = applications.all_applications(session, posting=posting, candidate=candidate,
                                         status=status, actor=actor)
    return _applications_csv(rows)


def public_posting_jsonld(session: Session, reference: str, *, url: str) -> dict[str, Any]:
    """An open public posting as a schema.org JobPosting, for everyone."""
    return published_jsonld(public_posting(session, reference), url=url)


def published_jsonld(posting: Posting, *, url: str) -> dict[str, Any]:
    """The JobPosting of a posting its public page already looked up (search.public_posting),
    so that the page reads it once."""
    return _posting_jsonld(posting, url=url)
