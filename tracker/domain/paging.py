"""One page of a listing, read with LIMIT n + 1 so that we know whether another follows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

import sqlalchemy as sa

from tracker.domain.errors import DomainError

T = TypeVar("T")
MAX_PER_PAGE = 500


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: list[T]
    page: int
    per_page: int
    has_next: bool


def paginate(query: sa.Select, page: int, per_page: int) -> sa.Select:
    """`query` limited to one page and the first row of the next, after checking the numbers."""
    if page < 1:
        raise DomainError("page", "must be 1 or more")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise DomainError("per_page", "must be between 1 and %(max)s", max=MAX_PER_PAGE)
    return query.limit(per_page + 1).offset((page - 1) * per_page)


def make_page(found: list[T], page: int, per_page: int) -> Page[T]:
    return Page(rows=found[:per_page], page=page, per_page=per_page,
                has_next=len(found) > per_page)
