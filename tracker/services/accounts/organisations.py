"""Organisations: the employers whose HR staff use the tracker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db import utcnow
from tracker.domain.access import Actor
from tracker.domain.errors import Conflict, DomainError, NotFound
from tracker.domain.timeutil import zone
from tracker.domain.validation import check_slug
from tracker.models import Organisation
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
        raise DomainError("address_country", f"{address_country!r} is not an ISO 3166 code")
    if find_organisation(session, slug) is not None:
        raise Conflict("slug", f"an organisation with slug {slug!r} already exists")
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
        raise NotFound(field, f"no organisation with slug {slug!r}")
    return org


def list_organisations(session: Session) -> list[Organisation]:
    return list(session.scalars(sa.select(Organisation).order_by(Organisation.name)))
