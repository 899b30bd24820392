"""The series query (the latest reminder of each series already due, which supersedes the
earlier ones): one array parameter on PostgreSQL whatever the batch, the same answer as the
`IN` list it replaced, on both databases (issue #16 item 3)."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from tests.reminders.conftest import notifications, run
from tracker.models import Reminder, ReminderChannel, ReminderKind, ReminderStatus
from tracker.services.reminders import facts

K, S = ReminderKind, ReminderStatus
NOW = datetime(2026, 12, 5, 12, tzinfo=UTC)
SUBJECTS = 600  # more than a dispatch batch (500): the old query bound 600 values


def reminder(subject: int, kind: ReminderKind, status: ReminderStatus, due: datetime,
             anchor: datetime, offset: str, recipient: str = "a") -> Reminder:
    return Reminder(kind=kind, subject_type="application", subject_id=subject,
                    recipient_key=f"e:{recipient}{subject}@x.example",
                    recipient_email=f"{recipient}{subject}@x.example",
                    channel=ReminderChannel.IN_APP, offset_spec=offset, anchor_at=anchor,
                    due_at=due, next_attempt_at=due, timezone="Europe/Paris", status=status,
                    created_at=NOW - timedelta(days=30), updated_at=NOW)


def outbox(session) -> list[Reminder]:  # noqa: ANN001
    """The batch (one due row per subject) among the rows of their series and others."""
    anchor, earlier = NOW + timedelta(days=3), NOW - timedelta(days=60)
    batch, others = [], []
    for i in range(1, SUBJECTS + 1):
        kind = K.DEADLINE_DRAFT if i % 2 else K.NO_ANSWER
        batch.append(reminder(i, kind, S.PENDING, NOW - timedelta(days=1), anchor, "-4d@09:00"))
        others.append(reminder(i, kind, S.SENT, NOW - timedelta(days=2), anchor, "-5d@09:00"))
        if i % 3 == 0:  # a later one of the same series, due: supersedes the batch's row
            others.append(reminder(i, kind, S.PENDING, NOW - timedelta(hours=1), anchor,
                                   "-3d@09:00"))
        if i % 4 == 0:  # later, not due yet: supersedes nothing
            others.append(reminder(i, kind, S.PENDING, NOW + timedelta(hours=5), anchor,
                                   "-2d@09:00"))
        if i % 5 == 0:  # expired or cancelled: supersedes nothing
            others.append(reminder(i, kind, S.EXPIRED if i % 2 else S.CANCELLED,
                                   NOW - timedelta(minutes=30), anchor, "-1d@09:00"))
        if i % 7 == 0:  # another occurrence, another recipient, another kind: other series
            others.append(reminder(i, kind, S.SENT, NOW - timedelta(minutes=10), earlier,
                                   "-4d@09:00"))
            others.append(reminder(i, kind, S.SENT, NOW - timedelta(minutes=10), anchor,
                                   "-4d@09:00", recipient="b"))
            others.append(reminder(i, K.CLOSING_EMPTY, S.SENT, NOW - timedelta(minutes=10),
                                   anchor, "-4d@09:00"))
    session.add_all(batch + others)
    session.flush()
    return batch


def old_series_query(session, rows: list[Reminder]) -> dict:  # noqa: ANN001
    """The query as it was: the subjects as an IN list."""
    query = sa.select(
        Reminder.kind, Reminder.subject_id, Reminder.recipient_key, Reminder.channel,
        Reminder.anchor_at, sa.func.max(Reminder.due_at),
    ).where(
        Reminder.subject_id.in_({row.subject_id for row in rows}),
        Reminder.kind.in_({row.kind for row in rows}),
        Reminder.status.in_([S.PENDING, S.SENDING, S.SENT]), Reminder.due_at <= NOW,
    ).group_by(Reminder.kind, Reminder.subject_id, Reminder.recipient_key, Reminder.channel,
               Reminder.anchor_at)
    return {(k.value, s, r, c.value, a.astimezone(UTC)): due.astimezone(UTC)
            for k, s, r, c, a, due in session.execute(query)}


@contextmanager
def statements(session) -> Iterator[list[tuple[str, object]]]:  # noqa: ANN001
    seen: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:  # noqa: ANN001
        seen.append((statement, parameters))

    bind = session.connection()
    sa.event.listen(bind, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        sa.event.remove(bind, "before_cursor_execute", record)


def test_the_series_query_answers_as_the_in_list_did(session):  # noqa: ANN001
    batch = outbox(session)
    loaded = facts._load(session, batch, NOW)
    latest = {key: due.astimezone(UTC) for key, due in loaded.latest_due.items()}
    assert latest == old_series_query(session, batch)
    # what it says: a third of the batch is superseded by the row due an hour ago
    superseded = {s for (_k, s, _r, _c, _a), due in latest.items()
                  if due == NOW - timedelta(hours=1)}
    assert superseded == {i for i in range(1, SUBJECTS + 1) if i % 3 == 0}


def test_the_series_query_binds_the_subjects_once_on_postgresql(session):  # noqa: ANN001
    batch = outbox(session)
    with statements(session) as seen:
        facts._load(session, batch, NOW)
    [(sql, parameters)] = [(sql, p) for sql, p in seen if "max(reminder.due_at)" in sql]
    if session.get_bind().dialect.name == "postgresql":
        assert "= ANY (CAST(" in sql and " IN (" not in sql.split("reminder.kind")[0]
        assert isinstance(parameters, dict)
        arrays = [value for value in parameters.values() if isinstance(value, list)]
        assert arrays == [list(range(1, SUBJECTS + 1))]
        assert len(parameters) < 10  # the kinds, the states, the instant: no 600 values
    else:  # SQLite keeps its IN list, which it plans well
        assert len(parameters) > SUBJECTS


def test_the_dispatcher_names_its_batch_by_one_array_on_postgresql(
    session, session_factory, application, candidate, clock  # noqa: ANN001
):
    clock.now = datetime(2024, 5, 6, 7, tzinfo=UTC)  # 7 days before the seed's deadline
    with statements(session) as seen:
        report = run(session_factory, clock, mail=False)
    assert [s["channel"] for s in report.sent] == ["in_app"]
    assert len(notifications(session, candidate.id)) == 1
    by_id = [sql for sql, _ in seen if "reminder.claim_token" in sql and "reminder.id" in sql
             and "picked" not in sql]
    assert len(by_id) == 2  # the claimed rows read, then marked sent
    if session.get_bind().dialect.name == "postgresql":
        assert all("reminder.id = ANY (CAST(" in sql for sql in by_id)
    else:
        assert all("reminder.id IN (" in sql for sql in by_id)
