"""Finding a posting by its reference, as the actor may see it: the one lookup that postings,
interviews, applications and dossiers share (it depends on none of them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlalchemy.orm.interfaces import ORMOption

from tracker.domain.access import OPERATOR, Actor, visible_postings
from tracker.domain.errors import Conflict, NotFound
from tracker.models import Posting, Role, User, Visibility


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
    kept = _kept_lookup(actor, tuple(load))
    if kept is not None:  # the statement built once for actors of this kind
        found = list(session.scalars(kept, {"reference": reference, **_ids(actor)}))
    else:
        found = list(session.scalars(_lookup(visible_postings(actor), load)
                                     .params(reference=reference)))
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


def _lookup(visible: sa.ColumnElement[bool], load: Sequence[ORMOption]) -> sa.Select:
    return (sa.select(Posting)
            .where(Posting.reference == sa.bindparam("reference"), Posting.deleted_at.is_(None),
                   visible)
            .order_by(Posting.id).limit(20).options(*load))


@dataclass(frozen=True)
class _Parameters:
    """An actor of one role whose ids are the statement's parameters (`actor_id`,
    `organisation_id`): what visible_postings compares them to is bound on each lookup."""

    role: Role
    id: Any = sa.bindparam("actor_id")
    organisation_id: Any = sa.bindparam("organisation_id")


def _kept_lookup(actor: Actor, load: tuple[ORMOption, ...]) -> sa.Select | None:
    """get_posting's statement for the actor's kind, built once (#16: building it and its
    visibility rule cost more than running it on a posting's page), or None for an actor
    whose rule does not hold its ids as values to compare (an hr user of no organisation)."""
    if isinstance(actor, User) and actor.role is Role.HR and actor.organisation_id is None:
        return None
    role = Role.ADMIN if not isinstance(actor, User) else actor.role
    try:
        return _statement(role, load)
    except TypeError:  # a load option that is not hashable
        return None


@lru_cache(maxsize=32)
def _statement(role: Role, load: tuple[ORMOption, ...]) -> sa.Select:
    visible = (visible_postings(OPERATOR) if role is Role.ADMIN
               else visible_postings(cast(User, _Parameters(role))))
    return _lookup(visible, load)


def _ids(actor: Actor) -> dict[str, Any]:
    if not isinstance(actor, User):
        return {}
    return {"actor_id": actor.id, "organisation_id": actor.organisation_id}
