"""Finding a posting by its reference, as the actor may see it: the one lookup that postings,
interviews, applications and dossiers share (it depends on none of them)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.domain.access import Actor, visible_postings
from tracker.domain.errors import NotFound
from tracker.models import Posting


def get_posting(
    session: Session, reference: str, field: str = "posting", *, actor: Actor
) -> Posting:
    posting = session.scalar(
        sa.select(Posting).where(
            Posting.reference == reference, Posting.deleted_at.is_(None), visible_postings(actor)
        )
    )
    if posting is None:
        raise NotFound(field, f"no posting with reference {reference!r}")
    return posting
