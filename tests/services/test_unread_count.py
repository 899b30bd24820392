"""The inbox's unread count, which every logged-in page's nav shows: its statement built once with
the user's id as a parameter (#16), and still each user's own count."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from tracker.models import Notification
from tracker.services.reminders import notifications


def _note(session, user, clock, *, read: bool) -> None:  # noqa: ANN001
    session.add(Notification(user_id=user.id, title="t", body="b", created_at=clock(),
                             read_at=clock() + timedelta(minutes=1) if read else None))


def test_each_users_unread_notifications_are_counted(session, hr, candidate, clock):
    for read in (False, False, True):
        _note(session, candidate, clock, read=read)
    _note(session, hr, clock, read=False)
    session.flush()
    assert notifications.unread_count(session, candidate) == 2
    assert notifications.unread_count(session, hr) == 1
    notifications.mark_all_read(session, candidate, clock=clock)
    assert (notifications.unread_count(session, candidate),
            notifications.unread_count(session, hr)) == (0, 1)


def test_the_statement_is_built_once(session, hr, candidate, clock, monkeypatch):
    notifications.unread_count(session, hr)  # built, if it was not yet
    built = []
    real = sa.select
    monkeypatch.setattr(sa, "select", lambda *a, **k: built.append(a) or real(*a, **k))
    for user in (hr, candidate, hr):
        notifications.unread_count(session, user)
    assert built == []
