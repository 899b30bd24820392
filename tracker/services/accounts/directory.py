"""Who has an account, as `tracker user list` shows it: role, organisation, e-mail, name, last
log-in (when the web face recorded one) and whether the account is active. An admin (or the
operator) sees everyone; an hr user the people of their own organisation only; a candidate
nobody else."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.domain.access import Actor, Operator
from tracker.domain.errors import PermissionDenied
from tracker.domain.validation import parse_enum
from tracker.models import Organisation, Role, User
from tracker.services.accounts.organisations import get_organisation


@dataclass(frozen=True)
class UserRow:
    id: int
    email: str
    full_name: str
    role: str
    organisation: str | None  # the organisation's slug
    last_login: datetime | None  # their latest log-in (a web session or an API token's use)
    active: bool


def list_users(
    session: Session,
    *,
    role: str | None = None,
    organisation: str | None = None,
    actor: Actor,
) -> list[UserRow]:
    """The accounts `actor` may see (deleted ones never), by role, organisation and e-mail."""
    wanted_role = parse_enum(Role, role, "--role") if role else None
    query = (
        sa.select(User, Organisation.slug)
        .outerjoin(Organisation, User.organisation_id == Organisation.id)
        .where(User.deleted_at.is_(None))
        .order_by(User.role, Organisation.slug, User.email)
    )
    if not isinstance(actor, Operator) and actor.role is not Role.ADMIN:
        if actor.role is not Role.HR or actor.organisation_id is None:
            raise PermissionDenied("--as", "only admins and hr users list accounts")
        if organisation and organisation != (actor.organisation.slug if actor.organisation
                                              else None):
            raise PermissionDenied("--org", "hr users list the people of their own "
                                            "organisation only")
        query = query.where(User.organisation_id == actor.organisation_id)
    if organisation:
        query = query.where(User.organisation_id == get_organisation(session, organisation, "--org").id)
    if wanted_role is not None:
        query = query.where(User.role == wanted_role)
    return [
        UserRow(id=user.id, email=user.email, full_name=user.full_name, role=user.role.value,
                organisation=slug, last_login=user.last_login_at, active=user.is_active)
        for user, slug in session.execute(query)
    ]
