"""The series query (the latest reminder of each series already due, which supersedes the
earlier ones): one array parameter whatever the batch (an array on PostgreSQL, JSON on SQLite), the same answer as the
query over every series of the batch's subjects it replaced, on both databases (issue #16
item 3)."""

import json
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
    superseded = facts.superseded(session, batch, NOW)
    # the old query read the latest due time of every series of the batch's subjects; a row
    # was superseded when its own series' was later than its own due time
    latest = old_series_query(session, batch)
    expected = {}
    for row in batch:
        due = latest.get((row.kind.value, row.subject_id, row.recipient_key, row.channel.value,
                          row.anchor_at.astimezone(UTC)))
        if due is not None and due > row.due_at:
            expected[row.id] = due
    assert superseded == expected
    # what it says: a third of the batch is superseded by the row due an hour ago
    by_subject = {row.id: row.subject_id for row in batch}
    assert set(superseded.values()) == {NOW - timedelta(hours=1)}
    assert {by_subject[i] for i in superseded} == {
        i for i in range(1, SUBJECTS + 1) if i % 3 == 0}


def test_the_series_query_binds_the_batch_once(session):  # noqa: ANN001
    batch = outbox(session)
    with statements(session) as seen:
        facts._load(session, batch, NOW)
    [(sql, parameters)] = [(sql, p) for sql, p in seen if "max(later.due_at)" in sql]
    ids = sorted(row.id for row in batch)
    if session.get_bind().dialect.name == "postgresql":
        assert "= ANY (CAST(" in sql and " IN (" not in sql.split("later.status")[0]
        assert isinstance(parameters, dict)
        arrays = [value for value in parameters.values() if isinstance(value, list)]
        assert arrays == [ids]
    else:  # one JSON array, read by json_each
        assert "reminder.id IN (SELECT anon_" in sql and "json_each(?)" in sql
        assert json.dumps(ids) in parameters
    assert len(parameters) < 10  # the states, the instant: no 600 values


def test_the_dispatcher_names_its_batch_by_one_array(
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
        assert all("reminder.id IN (SELECT anon_" in sql and "json_each(?)" in sql
                   for sql in by_id)
