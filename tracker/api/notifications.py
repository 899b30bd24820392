"""/api/v1/notifications: the caller's in-app inbox (written by the reminder dispatcher)."""

from __future__ import annotations

from typing import Any

from flask.typing import ResponseReturnValue

from tracker.api.core import bp, call, operation, paged, query, responses
from tracker.api.schemas import (
    MAX_ID,
    NotificationOut,
    NotificationPage,
    NotificationQuery,
    ReadAllOut,
)
from tracker.models import Notification
from tracker.services.reminders import notifications
from tracker.services.views.records import iso

TAG = "notifications"
NOTIFICATION = f"<int(min=1, max={MAX_ID}):notification_id>"


def notification_record(notification: Notification) -> dict[str, Any]:
    return {"id": notification.id, "title": notification.title, "body": notification.body,
            "link": notification.link, "created_at": iso(notification.created_at),
            "read_at": iso(notification.read_at)}


@bp.get("/notifications")
@operation(query=NotificationQuery, resp=responses(200, NotificationPage), tags=[TAG])
def list_notifications() -> ResponseReturnValue:
    """The caller's notifications, newest first (only the unread ones with `unread=true`)."""
    q = query(NotificationQuery)
    with call() as c:
        result = notifications.list_notifications(c.session, c.actor, unread_only=q.unread,
                                                  page=q.page, per_page=q.per_page)
        found = paged(result, [notification_record(n) for n in result.rows])
        found["unread"] = notifications.unread_count(c.session, c.actor)
        return found


@bp.post(f"/notifications/{NOTIFICATION}/read")
@operation(resp=responses(200, NotificationOut, 404), tags=[TAG])
def read_notification(notification_id: int) -> ResponseReturnValue:
    """Mark one of the caller's notifications read (again: keeps the first time)."""
    with call() as c:
        return notification_record(
            notifications.mark_read(c.session, c.actor, notification_id, c.clock))


@bp.post("/notifications/read-all")
@operation(resp=responses(200, ReadAllOut), tags=[TAG])
def read_all_notifications() -> ResponseReturnValue:
    """Mark every unread notification of the caller read."""
    with call() as c:
        return {"marked": notifications.mark_all_read(c.session, c.actor, c.clock)}
