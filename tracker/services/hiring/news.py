"""What is new for hr since their last visit (issue #14): the applications submitted to the
postings they manage since they last opened their dashboard, or a posting's board.

A visit is remembered per user and scope (`hr_visit`: "dashboard", or "posting:<id>" for a
board). Opening the page counts what arrived since the previous visit, then records this one:
the next visit counts from now. A first visit counts every submitted application. The
operator leaves no trace (it has no pages).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db import utcnow
from tracker.domain.access import Actor, can_manage, visible_applications
from tracker.domain.errors import PermissionDenied
from tracker.models import Application, ApplicationStatus, HrVisit, Posting, Role, User
from tracker.services.reminders.outbox import insert_ignore

Clock = Callable[[], datetime]
DASHBOARD = "dashboard"


@dataclass(frozen=True)
class News:
    """The applications submitted since `since` (None: the first visit), per posting."""

    since: datetime | None
    application_ids: frozenset[int]
    postings: tuple[tuple[str, str, int], ...]  # (reference, title, how many), most first

    @property
    def count(self) -> int:
        return len(self.application_ids)


RECENT = 1_000  # at most this many ids of new applications looked up by their instant


def posting_scope(posting: Posting) -> str:
    return f"posting:{posting.id}"


def last_visit(session: Session, scope: str, *, actor: Actor) -> datetime | None:
    """When `actor` last visited `scope` (None: never)."""
    if not isinstance(actor, User):
        return None
    return session.scalar(sa.select(HrVisit.seen_at).where(
        HrVisit.user_id == actor.id, HrVisit.scope == scope))


def visit(session: Session, scope: str, *, actor: Actor, clock: Clock = utcnow
          ) -> datetime | None:
    """Record `actor`'s visit of `scope` now; return the previous one (None: the first)."""
    previous = last_visit(session, scope, actor=actor)
    record_visit(session, scope, actor=actor, clock=clock)
    return previous


def record_visit(session: Session, scope: str, *, actor: Actor, clock: Clock = utcnow) -> None:
    """Record `actor`'s visit of `scope` now."""
    if not isinstance(actor, User):
        return
    now = clock()
    session.execute(insert_ignore(session, HrVisit, ["user_id", "scope"]),
                    [dict(user_id=actor.id, scope=scope, seen_at=now)])
    session.execute(sa.update(HrVisit).where(HrVisit.user_id == actor.id, HrVisit.scope == scope)
                    .values(seen_at=now), execution_options={"synchronize_session": False})


def news_since(session: Session, since: datetime | None, *, actor: Actor,
               posting: Posting | None = None) -> News:
    """The applications `actor` may review submitted after `since` (to `posting`, else to
    every organisation's posting they see)."""
    if isinstance(actor, User) and actor.role is Role.CANDIDATE:
        raise PermissionDenied("dashboard", "what is new is for hr staff")
    if posting is not None and not can_manage(actor, posting):
        raise PermissionDenied("posting", "only the employer sees the applicants")
    query = (sa.select(Application.id, Posting.reference, Posting.title)
             .join(Posting, Posting.id == Application.posting_id)
             .where(Application.deleted_at.is_(None), Posting.deleted_at.is_(None),
                    Posting.organisation_id.is_not(None), visible_applications(actor),
                    Application.status != ApplicationStatus.DRAFT,
                    Application.submitted_at.is_not(None)))
    if since is not None:
        # the applications submitted since, found through their submission instant first
        # (an index): the cost follows what is new, not the organisation's applications
        recent = list(session.scalars(sa.select(Application.id).where(
            Application.submitted_at > since).limit(RECENT + 1)))
        if not recent:
            return News(since, frozenset(), ())
        query = query.where(Application.submitted_at > since)
        if len(recent) <= RECENT:  # else more is new than a list of ids should carry
            query = query.where(Application.id.in_(recent))
    if posting is not None:
        query = query.where(Application.posting_id == posting.id)
    rows = session.execute(query).all()
    per: dict[tuple[str, str], int] = {}
    for _id, reference, title in rows:
        per[(reference, title)] = per.get((reference, title), 0) + 1
    ranked = sorted(per.items(), key=lambda item: (-item[1], item[0][0]))
    return News(since, frozenset(r[0] for r in rows),
                tuple((reference, title, n) for (reference, title), n in ranked))


def dashboard_news(session: Session, *, actor: Actor, clock: Clock = utcnow) -> News:
    """What arrived since `actor`'s last dashboard visit; records this visit."""
    # read first, write last: the visit's write lock (SQLite) is then held only to the commit
    news = news_since(session, last_visit(session, DASHBOARD, actor=actor), actor=actor)
    record_visit(session, DASHBOARD, actor=actor, clock=clock)
    return news


def board_news(session: Session, posting: Posting, *, actor: Actor,
               clock: Clock = utcnow) -> News:
    """What arrived to `posting` since `actor`'s last look at its board; records this one."""
    if not can_manage(actor, posting):
        raise PermissionDenied("posting", "only the employer sees the applicants")
    since = last_visit(session, posting_scope(posting), actor=actor)
    news = news_since(session, since, actor=actor, posting=posting)
    record_visit(session, posting_scope(posting), actor=actor, clock=clock)
    return news
