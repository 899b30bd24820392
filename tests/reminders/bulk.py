"""Many due in-app reminders at once, inserted in bulk (Core), each for its own draft
application, so that every one of them is meaningful and none supersedes another."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from tracker.domain.timeutil import deadline_instant
from tracker.models import Application, Organisation, Posting, Reminder, User


def fill_due_reminders(engine: sa.Engine, count: int, now: datetime | None = None) -> None:
    now = now or datetime.now(UTC)
    deadline = (now + timedelta(days=30)).date()
    anchor = deadline_instant(deadline, None, "Europe/Paris", "bulk")
    with engine.begin() as connection:
        connection.execute(sa.insert(Organisation), [dict(
            id=1, slug="bulk", name="Bulk", timezone="Europe/Paris", created_at=now,
            updated_at=now)])
        connection.execute(sa.insert(Posting), [dict(
            id=1, reference="BULK-1", title="Bulk posting", organisation_id=1,
            hiring_organization_name="Bulk", employment_type="permanent", timezone="Europe/Paris",
            valid_through_date=deadline, valid_through=anchor,
            apply_method="in_app", status="open", visibility="public", created_at=now,
            updated_at=now)])
        connection.execute(sa.insert(User), [dict(
            id=i, email=f"c{i}@bulk.example", full_name=f"Candidate {i}", role="candidate",
            locale="fr" if i % 2 else "en", created_at=now, updated_at=now)
            for i in range(1, count + 1)])
        connection.execute(sa.insert(Application), [dict(
            id=i, posting_id=1, candidate_id=i, status="draft", created_at=now, updated_at=now)
            for i in range(1, count + 1)])
        due = now - timedelta(minutes=5)
        connection.execute(sa.insert(Reminder), [dict(
            kind="deadline_draft", subject_type="application", subject_id=i,
            recipient_key=f"u:{i}", recipient_user_id=i, recipient_email=f"c{i}@bulk.example",
            channel="in_app", offset_spec="-7d@09:00", anchor_at=anchor, due_at=due,
            next_attempt_at=due, timezone="Europe/Paris", status="pending", attempts=0, created_at=now,
            updated_at=now) for i in range(1, count + 1)])
        if connection.dialect.name == "postgresql":
            for table in ("organisation", "posting", "user_account", "application"):
                connection.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))")
