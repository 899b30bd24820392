"""A candidate's consent to stay in an organisation's talent pool: given on their account page
for an organisation they applied to, recorded with its date, revocable at any time.

While it holds (not revoked, and given less than the organisation's `talent_pool_months` ago)
retention leaves the candidate's applications to that organisation, and their account, alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from dateutil.relativedelta import relativedelta
from sqlalchemy.orm import Session

from tracker.domain.access import Actor, Operator
from tracker.domain.errors import DomainError, PermissionDenied
from tracker.models import Application, Organisation, Posting, Role, TalentPoolConsent, User
from tracker.services import audit
from tracker.services.accounts.organisations import get_organisation


@dataclass(frozen=True)
class PoolChoice:
    """One organisation the candidate applied to, and their consent to its talent pool."""

    slug: str
    name: str
    months: int
    given_at: datetime | None  # None: no consent holds
    until: datetime | None


def holds(consent: TalentPoolConsent, org: Organisation, now: datetime) -> bool:
    return (consent.revoked_at is None
            and consent.given_at + relativedelta(months=org.talent_pool_months) > now)


def _applied_to(session: Session, user: User) -> list[Organisation]:
    return list(session.scalars(
        sa.select(Organisation).where(Organisation.id.in_(
            sa.select(Posting.organisation_id).join(Application,
                                                    Application.posting_id == Posting.id)
            .where(Application.candidate_id == user.id)))
        .order_by(Organisation.name)))


def _check_own(actor: Actor, user: User, giving: bool) -> None:
    """Consent is the candidate's own act; revoking it, the candidate's or an admin's."""
    if isinstance(actor, User) and actor.id == user.id:
        return
    if not giving and (isinstance(actor, Operator) or actor.role is Role.ADMIN):
        return
    if giving:
        raise PermissionDenied("talent_pool", "only the candidate gives their consent")
    raise PermissionDenied("talent_pool", "you may revoke only your own consent")


def talent_pools(session: Session, user: User, *, actor: Actor, now: datetime) -> list[PoolChoice]:
    """The organisations `user` applied to, each with the consent that holds, if any."""
    _check_own(actor, user, giving=False)
    consents = {c.organisation_id: c for c in session.scalars(
        sa.select(TalentPoolConsent).where(TalentPoolConsent.user_id == user.id))}
    choices = []
    for org in _applied_to(session, user):
        consent = consents.get(org.id)
        live = consent is not None and holds(consent, org, now)
        given = consent.given_at if live and consent else None
        choices.append(PoolChoice(org.slug, org.name, org.talent_pool_months, given,
                                  given + relativedelta(months=org.talent_pool_months)
                                  if given else None))
    return choices


def set_talent_pool(session: Session, user: User, slug: str, consent: bool, *, actor: Actor,
                    now: datetime) -> PoolChoice:
    """Give (again: its date starts anew) or revoke `user`'s consent to the talent pool of
    organisation `slug`, which they must have applied to."""
    _check_own(actor, user, giving=consent)
    org = get_organisation(session, slug)
    if org not in _applied_to(session, user):
        raise DomainError("talent_pool", "you have not applied to %(org)s", org=org.name)
    row = session.scalar(sa.select(TalentPoolConsent).where(
        TalentPoolConsent.user_id == user.id, TalentPoolConsent.organisation_id == org.id))
    changed = False
    if consent:
        if row is None:
            row = TalentPoolConsent(user_id=user.id, organisation_id=org.id, given_at=now)
            session.add(row)
        else:
            row.given_at, row.revoked_at = now, None
        changed = True
    elif row is not None and row.revoked_at is None:
        row.revoked_at = now
        changed = True
    session.flush()
    if changed:
        if consent:
            audit.record(session, at=now, actor=actor, action="talent_pool.consent",
                         entity=row, details={"organisation": org.slug})
        else:
            audit.record(session, at=now, actor=actor, action="talent_pool.revoke",
                         entity=row, details={"organisation": org.slug})
    live = row is not None and holds(row, org, now)
    return PoolChoice(org.slug, org.name, org.talent_pool_months,
                      row.given_at if live and row else None,
                      row.given_at + relativedelta(months=org.talent_pool_months)
                      if live and row else None)
