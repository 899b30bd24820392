"""In-app notifications: the inbox of a user (the web face and the API show it).

Notifications are written by the reminder dispatcher only; people read them and mark them read.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db import utcnow
from tracker.models import Notification, User
from tracker.services.errors import NotFound
from tracker.services.paging import Page, make_page, paginate

Clock = Callable[[], datetime]


def list_notifications(
    session: Session,
    actor: User,
    *,
    unread_only: bool = False,
    page: int = 1,
    per_page: int = 50,
) -> Page[Notification]:
    """`actor`'s notifications, newest first, one page."""
    query = sa.select(Notification).where(Notification.user_id == actor.id)
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    query = paginate(query.order_by(Notification.id.desc()), page, per_page)
    return make_page(list(session.scalars(query)), page, per_page)


def unread_count(session: Session, actor: User) -> int:
    return session.scalar(
        sa.select(sa.func.count()).select_from(Notification).where(
            Notification.user_id == actor.id, Notification.read_at.is_(None)
        )
    ) or 0


def mark_read(session: Session, actor: User, notification_id: int, clock: Clock = utcnow) -> Notification:
    """Mark one of `actor`'s notifications read (reading it twice keeps the first time)."""
    notification = session.get(Notification, notification_id)
    if notification is None or notification.user_id != actor.id:
        raise NotFound("notification", f"no notification #{notification_id}")
    if notification.read_at is None:
        notification.read_at = clock()
        session.flush()
    return notification


def mark_all_read(session: Session, actor: User, clock: Clock = utcnow) -> int:
    """Mark every unread notification of `actor` read; returns how many."""
    result = session.execute(
        sa.update(Notification)
        .where(Notification.user_id == actor.id, Notification.read_at.is_(None))
        .values(read_at=clock()),
        execution_options={"synchronize_session": "fetch"},
    )
    return result.rowcount or 0
