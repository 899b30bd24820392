"""Finding a posting by its reference, as the actor may see it: the one lookup that postings,
interviews, applications and dossiers share (it depends on none of them)."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlalchemy.orm.interfaces import ORMOption

from tracker.domain.access import Actor, visible_postings
from tracker.domain.errors import Conflict, NotFound
from tracker.models import Posting, User, Visibility


def get_posting(
    session: Session, reference: str, field: str = "posting", *, actor: Actor,
    load: Sequence[ORMOption] = (),
) -> Posting:
    """The posting with this reference among those the actor sees. References are unique per
    organisation and per candidate's private postings, so several may match: the actor's own
    (their private posting, their organisation's) comes first; else, if several remain (a
    candidate or an admin who sees two organisations' postings with one reference), the
    lookup is refused as ambiguous, naming the organisations, never guessed. `load`: loader
    options for the relations the caller reads (read with the posting, not one by one)."""
    found = list(session.scalars(
        sa.select(Posting).where(
            Posting.reference == reference, Posting.deleted_at.is_(None), visible_postings(actor)
        ).order_by(Posting.id).limit(20).options(*load)
    ))
    if len(found) > 1 and isinstance(actor, User):
        own = [p for p in found if (p.visibility is Visibility.PRIVATE and p.owner_id == actor.id)
               or (p.visibility is Visibility.PUBLIC and actor.organisation_id is not None
                   and p.organisation_id == actor.organisation_id)]
        found = own or found
    if not found:
        raise NotFound(field, "no posting with reference %(reference)s",
                       reference=repr(reference))
    if len(found) > 1:
        names = sorted({p.organisation.name if p.organisation else p.hiring_organization_name
                        for p in found})
        raise Conflict(field, "reference %(reference)s names %(count)s postings (%(names)s)",
                       reference=repr(reference), count=len(found), names=", ".join(names))
    return found[0]
