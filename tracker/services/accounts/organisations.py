"""Organisations: the employers whose HR staff use the tracker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db import utcnow
from tracker.domain.access import Actor, Operator
from tracker.domain.errors import Conflict, DomainError, NotFound, PermissionDenied
from tracker.domain.timeutil import zone
from tracker.domain.validation import check_slug
from tracker.models import Application, Document, Organisation, Posting, PostingSource, Role
from tracker.services import audit


def create_organisation(
    session: Session,
    *,
    slug: str,
    name: str,
    timezone: str = "Europe/Paris",
    website: str | None = None,
    address_locality: str | None = None,
    address_country: str | None = None,
    actor: Actor,
    clock: Callable[[], datetime] = utcnow,
) -> Organisation:
    check_slug(slug)
    if not name or not name.strip():
        raise DomainError("name", "must not be empty")
    zone(timezone)
    if address_country is not None and not (
        len(address_country) == 2 and address_country.isalpha()
    ):
        raise DomainError("address_country", "%(address_country)r is not an ISO 3166 code",
                          address_country=address_country)
    if find_organisation(session, slug) is not None:
        raise Conflict("slug", "an organisation with slug %(slug)r already exists", slug=slug)
    now = clock()
    org = Organisation(
        slug=slug,
        name=name.strip(),
        timezone=timezone,
        website=website,
        address_locality=address_locality,
        address_country=address_country.upper() if address_country else None,
        created_at=now,
        updated_at=now,
    )
    session.add(org)
    session.flush()
    audit.record(session, at=now, actor=actor, action="organisation.create", entity=org)
    return org


def find_organisation(session: Session, slug: str) -> Organisation | None:
    return session.scalar(sa.select(Organisation).where(Organisation.slug == slug))


def get_organisation(session: Session, slug: str, field: str = "organisation") -> Organisation:
    org = find_organisation(session, slug)
    if org is None:
        raise NotFound(field, "no organisation with slug %(slug)r", slug=slug)
    return org


def list_organisations(session: Session) -> list[Organisation]:
    return list(session.scalars(sa.select(Organisation).order_by(Organisation.name)))


@dataclass(frozen=True)
class Usage:
    """What an organisation's postings keep on the server (issue #12: storage caps)."""

    slug: str
    name: str
    postings: int
    documents: int
    document_bytes: int
    source_bytes: int  # the files postings were imported from

    @property
    def total_bytes(self) -> int:
        return self.document_bytes + self.source_bytes


def storage_usage(session: Session, *, actor: Actor) -> list[Usage]:
    """Per organisation: its postings, the documents of the applications to them and the
    files they were imported from, in bytes. For admins and the operator."""
    if not (isinstance(actor, Operator) or actor.role is Role.ADMIN):
        raise PermissionDenied("organisation", "only an admin sees the storage of organisations")
    postings = dict(session.execute(
        sa.select(Posting.organisation_id, sa.func.count(Posting.id))
        .where(Posting.organisation_id.is_not(None)).group_by(Posting.organisation_id)).all())
    documents = {org: (count, size) for org, count, size in session.execute(
        sa.select(Posting.organisation_id, sa.func.count(Document.id),
                  sa.func.coalesce(sa.func.sum(Document.size_bytes), 0))
        .join(Application, Application.posting_id == Posting.id)
        .join(Document, Document.application_id == Application.id)
        .group_by(Posting.organisation_id))}
    sources = dict(session.execute(
        sa.select(Posting.organisation_id, sa.func.coalesce(sa.func.sum(PostingSource.size_bytes), 0))
        .join(PostingSource, PostingSource.posting_id == Posting.id)
        .group_by(Posting.organisation_id)).all())
    return [Usage(org.slug, org.name, postings.get(org.id, 0), documents.get(org.id, (0, 0))[0],
                  int(documents.get(org.id, (0, 0))[1]), int(sources.get(org.id, 0)))
            for org in list_organisations(session)]
