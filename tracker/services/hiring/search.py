"""The open public postings everyone may read, searched and filtered."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from tracker.domain.errors import NotFound
from tracker.domain.paging import Page, make_page, paginate
from tracker.domain.validation import parse_enum
from tracker.models import EmploymentType, Organisation, Posting, PostingStatus, Visibility

_PUBLISHED = sa.and_(
    Posting.status == PostingStatus.OPEN,
    Posting.visibility == Visibility.PUBLIC,
    Posting.deleted_at.is_(None),
)


@dataclass(frozen=True)
class Filters:
    text: str | None = None
    organisation: str | None = None  # slug
    location: str | None = None
    employment_type: str | None = None


def _like(text: str) -> str:
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_postings(
    session: Session, filters: Filters, *, page: int = 1, per_page: int = 20
) -> Page[Posting]:
    """Open public postings matching every filter given, by deadline (soonest first).
    Text matches the title, employer, department, location and missions, ignoring case."""
    query = sa.select(Posting).where(_PUBLISHED)
    if filters.text and filters.text.strip():
        pattern = _like(filters.text)
        query = query.where(sa.or_(*(
            column.ilike(pattern, escape="\\")
            for column in (Posting.title, Posting.hiring_organization_name, Posting.department,
                           Posting.location, Posting.missions)
        )))
    if filters.organisation:
        query = query.join(Organisation, Organisation.id == Posting.organisation_id).where(
            Organisation.slug == filters.organisation)
    if filters.location and filters.location.strip():
        pattern = _like(filters.location)
        query = query.where(sa.or_(Posting.location.ilike(pattern, escape="\\"),
                                   Posting.address_locality.ilike(pattern, escape="\\")))
    if filters.employment_type:
        query = query.where(Posting.employment_type == parse_enum(
            EmploymentType, filters.employment_type, "employment_type"))
    # the summaries name each posting's organisation: one query for the page, not one per row
    query = query.order_by(Posting.valid_through.asc().nulls_last(), Posting.id).options(
        selectinload(Posting.organisation))
    found = list(session.scalars(paginate(query, page, per_page)))
    return make_page(found, page, per_page)


def filter_choices(session: Session) -> dict[str, list[tuple[str, str]]]:
    """The organisations that have open public postings (slug, name), for the filter form."""
    # EXISTS per organisation: the first open posting found by the organisation_id index ends
    # each search, where IN (SELECT ...) would read every open posting.
    has_open = sa.select(Posting.id).where(
        Posting.organisation_id == Organisation.id, _PUBLISHED).exists()
    organisations = session.execute(
        sa.select(Organisation.slug, Organisation.name).where(has_open)
        .order_by(Organisation.name)
    ).all()
    return {"organisations": [(slug, name) for slug, name in organisations]}


def public_posting(session: Session, reference: str) -> Posting:
    """An open public posting, readable by anyone; any other is not found."""
    posting = session.scalar(sa.select(Posting).where(_PUBLISHED, Posting.reference == reference))
    if posting is None:
        raise NotFound("posting", "no open posting with reference %(reference)s",
                       reference=repr(reference))
    return posting
