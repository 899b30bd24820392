"""Who may see and change what: the rules every service and face shares.

`None` as the actor is the operator at the command line, with every right.
"""

from __future__ import annotations

import sqlalchemy as sa

from tracker.models import Application, Posting, PostingStatus, Role, User, Visibility


def can_manage(actor: User | None, posting: Posting) -> bool:
    """May `actor` edit this posting and act on its applications as the employer side?"""
    if actor is None or actor.role is Role.ADMIN:
        return True
    if posting.visibility is Visibility.PRIVATE:
        return posting.owner_id == actor.id
    return actor.role is Role.HR and actor.organisation_id == posting.organisation_id


def visible_postings(actor: User | None) -> sa.ColumnElement[bool]:
    """Which postings `actor` may see: everyone sees the organisations' postings once they are
    no longer drafts; hr users see all of their organisation's; a private posting is its owner's
    alone; the operator and admins see everything."""
    if actor is None or actor.role is Role.ADMIN:
        return sa.true()
    published = sa.and_(
        Posting.visibility == Visibility.PUBLIC, Posting.status != PostingStatus.DRAFT
    )
    if actor.role is Role.HR:
        return sa.or_(published, Posting.organisation_id == actor.organisation_id)
    return sa.or_(published, Posting.owner_id == actor.id)


def visible_applications(actor: User | None) -> sa.ColumnElement[bool]:
    """Which applications `actor` may see: candidates their own; hr users those to their
    organisation's postings; the operator and admins all of them."""
    if actor is None or actor.role is Role.ADMIN:
        return sa.true()
    if actor.role is Role.CANDIDATE:
        return Application.candidate_id == actor.id
    return Application.posting_id.in_(
        sa.select(Posting.id).where(Posting.organisation_id == actor.organisation_id)
    )
