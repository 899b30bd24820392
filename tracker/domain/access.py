"""Who may see and change what: the rules every service and face shares.

Every service that reads or changes people's data demands an actor: a `User`, or `OPERATOR`,
the system acting on its own (the scheduler, the demo, the command line without `--as`), which
has every right. There is no default: forgetting the actor is a TypeError, never full rights.
"""

from __future__ import annotations

from typing import Final

import sqlalchemy as sa

from tracker.domain.errors import PermissionDenied
from tracker.models import (
    Application,
    ApplicationStatus,
    Interview,
    Posting,
    PostingStatus,
    Role,
    User,
    Visibility,
)


class Operator:
    """The system acting on its own, with every right. Its one instance is `OPERATOR`; it is
    never a default, always passed on purpose."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "OPERATOR"


OPERATOR: Final = Operator()

# Who acts in a service call.
Actor = User | Operator


def actor_id(actor: Actor) -> int | None:
    """The user id to record as having acted (none for the operator)."""
    return None if isinstance(actor, Operator) else actor.id


def can_manage(actor: Actor, posting: Posting) -> bool:
    """May `actor` edit this posting and act on its applications as the employer side?"""
    if isinstance(actor, Operator) or actor.role is Role.ADMIN:
        return True
    if posting.visibility is Visibility.PRIVATE:
        return posting.owner_id == actor.id
    return actor.role is Role.HR and actor.organisation_id == posting.organisation_id


def visible_postings(actor: Actor) -> sa.ColumnElement[bool]:
    """Which postings `actor` may see: everyone sees the organisations' postings once they are
    no longer drafts; hr users see all of their organisation's; a private posting is its owner's
    alone (even when it names a registered organisation); the operator and admins see
    everything."""
    if isinstance(actor, Operator) or actor.role is Role.ADMIN:
        return sa.true()
    published = sa.and_(
        Posting.visibility == Visibility.PUBLIC, Posting.status != PostingStatus.DRAFT
    )
    if actor.role is Role.HR:
        return sa.or_(published, _organisation_posting(actor))
    return sa.or_(published, Posting.owner_id == actor.id)


def _organisation_posting(actor: User) -> sa.ColumnElement[bool]:
    """The postings an hr user's organisation published itself (not candidates' private ones)."""
    return sa.and_(Posting.organisation_id == actor.organisation_id,
                   Posting.visibility == Visibility.PUBLIC)


def visible_applications(actor: Actor) -> sa.ColumnElement[bool]:
    """Which applications `actor` may see: candidates their own; hr users those to their
    organisation's own postings once submitted (a draft is its candidate's own until then);
    the operator and admins all of them."""
    if isinstance(actor, Operator) or actor.role is Role.ADMIN:
        return sa.true()
    if actor.role is Role.CANDIDATE:
        return Application.candidate_id == actor.id
    return sa.and_(
        Application.posting_id.in_(sa.select(Posting.id).where(_organisation_posting(actor))),
        submitted_only(actor),
    )


def sees_drafts(actor: Actor) -> bool:
    """Whether drafts count among the applications `actor` sees: not for hr users (a draft is
    its candidate's until submitted); candidates see their own, admins and the operator all."""
    return isinstance(actor, Operator) or actor.role is not Role.HR


def submitted_only(actor: Actor) -> sa.ColumnElement[bool]:
    """The rule of sees_drafts as a condition on applications (e.g. for counts)."""
    return sa.true() if sees_drafts(actor) else Application.status != ApplicationStatus.DRAFT


def visible_interviews(actor: Actor) -> sa.ColumnElement[bool]:
    """Which interviews `actor` may see: those of the postings they manage; the posting-wide
    dates of the postings they see; candidates their own interviews too. Another candidate's
    interview stays hidden."""
    if isinstance(actor, Operator) or actor.role is Role.ADMIN:
        return sa.true()
    posting_wide = sa.and_(
        Interview.application_id.is_(None),
        Interview.posting_id.in_(sa.select(Posting.id).where(visible_postings(actor))),
    )
    if actor.role is Role.HR:
        managed = Interview.posting_id.in_(sa.select(Posting.id).where(_organisation_posting(actor)))
        return sa.or_(managed, posting_wide)
    return sa.or_(
        posting_wide,
        Interview.posting_id.in_(sa.select(Posting.id).where(Posting.owner_id == actor.id)),
        Interview.application_id.in_(
            sa.select(Application.id).where(Application.candidate_id == actor.id)
        ),
    )


def can_see_interview(actor: Actor, interview: Interview) -> bool:
    """The rule of visible_interviews for one interview of a posting the actor sees."""
    if interview.application_id is None or can_manage(actor, interview.posting):
        return True
    return interview.application is not None and isinstance(actor, User) and (
        interview.application.candidate_id == actor.id
    )


def check_outbox(actor: Actor) -> None:
    """The reminder outbox (listing, sending, retrying) is the operator's and admins'."""
    if isinstance(actor, User) and actor.role is not Role.ADMIN:
        raise PermissionDenied("--as", "the reminder outbox is for the operator and admins")


def check_self_or_admin(actor: Actor, user: User, field: str) -> None:
    """A person's own settings and reminders: theirs, an admin's or the operator's to see."""
    if isinstance(actor, User) and actor.role is not Role.ADMIN and actor.id != user.id:
        raise PermissionDenied(field, "you may only see or change your own")
