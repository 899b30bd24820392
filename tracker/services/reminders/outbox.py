"""The rows of one subject's reminders made to match what is planned for it.

A row is for one occurrence of its anchor (the deadline, the interview's start, the
submission): its key is (kind, subject, recipient, channel, offset, anchor). For each
(recipient, channel, offset) of a subject, `sync_rows` looks for, in this order:

1. the row of the same anchor: that occurrence itself (a cancelled one comes back, a pending
   one follows a new due time; sent, expired, failed and in-flight rows are left alone);
2. a pending, cancelled or expired row of another anchor: it moves to the new one (pending
   again when its new due time is not past);
3. a row sent (or being sent) for another anchor: an interview moved to another day is
   reminded again when the new due time is ahead (TOLD_AGAIN_WHEN_MOVED); a deadline reminder
   that went out is not sent again;
4. nothing (or only failed rows): a new row is inserted.

Exact anchors are matched first and a row only moves to an anchor no other row of its key has,
so the unique key is never in the way. Inserts are idempotent (ON CONFLICT DO NOTHING).
Only flushes; the face commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from tracker.models import Reminder, ReminderKind, ReminderStatus
from tracker.services.reminders.rules import (
    PLANNED_LATE_AFTER,
    SUBJECT_OF,
    TOLD_AGAIN_WHEN_MOVED,
    Planned,
)

R = ReminderStatus
UNIQUE = ["kind", "subject_id", "recipient_key", "channel", "offset_spec", "anchor_at"]
_MOVABLE = {R.PENDING: 0, R.CANCELLED: 1, R.EXPIRED: 2}  # which row moves first
_TOLD = {R.SENT, R.SENDING}


@dataclass
class SyncResult:
    created: int = 0
    retimed: int = 0
    cancelled: int = 0
    revived: int = 0

    def add(self, other: SyncResult) -> None:
        self.created += other.created
        self.retimed += other.retimed
        self.cancelled += other.cancelled
        self.revived += other.revived


def sync_rows(session: Session, kind: ReminderKind, subject_id: int, planned: list[Planned],
              now: datetime, reason: str) -> SyncResult:
    """Make the rows of (kind, subject) match `planned` (see the module's docstring); pending
    rows no longer planned are cancelled with `reason`."""
    result = SyncResult()
    wanted = {p.key: p for p in planned}
    existing = session.scalars(sa.select(Reminder).where(
        Reminder.kind == kind, Reminder.subject_id == subject_id
    ).order_by(Reminder.id)).all()
    groups: dict[tuple[str, str, str], list[Reminder]] = {}
    for row in existing:
        groups.setdefault((row.recipient_key, row.channel.value, row.offset_spec), []).append(row)
    for key, group in groups.items():
        target = wanted.pop(key, None)
        if target is None:
            for row in group:
                if row.status is R.PENDING:
                    _cancel(row, reason, now, result)
            continue
        keep = _occurrence(group, target, now, result)
        if keep is None and _plan_anew(group, target, now):
            wanted[key] = target
        for row in group:
            if row is not keep and row.status is R.PENDING:
                _cancel(row, f"planned again for {target.anchor.astimezone(UTC):%Y-%m-%d %H:%M}Z",
                        now, result)
    if wanted:
        session.flush()
        values = [
            dict(kind=p.kind, subject_type=SUBJECT_OF[p.kind], subject_id=p.subject_id,
                 recipient_key=p.recipient.key, recipient_user_id=p.recipient.user_id,
                 recipient_email=p.recipient.email, channel=p.channel, offset_spec=p.offset,
                 anchor_at=p.anchor, due_at=p.due_at, next_attempt_at=p.due_at,
                 timezone=p.recipient.timezone, status=R.PENDING, attempts=0, created_at=now,
                 updated_at=now)
            for p in wanted.values()
        ]
        # RETURNING, not rowcount: psycopg reports -1 for a multi-row INSERT ... ON CONFLICT
        inserted = session.execute(
            insert_ignore(session, Reminder, UNIQUE).returning(Reminder.id), values
        )
        result.created += len(inserted.all())
    elif existing:
        session.flush()
    return result


def _occurrence(group: list[Reminder], target: Planned, now: datetime,
                result: SyncResult) -> Reminder | None:
    """The row that stands for the occurrence `target` (brought in line with it), if any."""
    same = next((row for row in group if row.anchor_at == target.anchor), None)
    if same is not None:
        if same.status is R.CANCELLED:
            _retime(same, target, now)
            result.revived += 1
        elif same.status is R.PENDING and same.due_at != target.due_at:
            _retime(same, target, now, fresh=False)
            result.retimed += 1
        return same
    movable = sorted((row for row in group if row.status in _MOVABLE),
                     key=lambda row: (_MOVABLE[row.status], -row.id))
    if not movable:
        return None
    row = movable[0]
    if row.status is R.PENDING:
        result.retimed += 1
    else:
        result.revived += 1
    _retime(row, target, now)
    return row


def _plan_anew(group: list[Reminder], target: Planned, now: datetime) -> bool:
    """No row can stand for `target`: plan one, unless an earlier occurrence was told and this
    kind is not told again (or the new due time is already past)."""
    if not any(row.status in _TOLD for row in group):
        return True  # failed rows do not block
    return target.kind in TOLD_AGAIN_WHEN_MOVED and target.due_at > now


def _retime(row: Reminder, target: Planned, now: datetime, *, fresh: bool = True) -> None:
    """Move `row` to the anchor and due time of `target`: pending, unless that time is more
    than PLANNED_LATE_AFTER past (then it was never meant to go out: expired, with why)."""
    row.anchor_at = target.anchor
    row.due_at = row.next_attempt_at = target.due_at
    if fresh:
        row.attempts, row.last_error, row.retry_until = 0, None, None
    row.lease_until = row.claim_token = None
    if target.due_at >= now - PLANNED_LATE_AFTER:
        row.status, row.reason = R.PENDING, None
    else:
        row.status, row.reason = R.EXPIRED, planned_late_reason(target.due_at, now)
    row.updated_at = now


def planned_late_reason(due_at: datetime, planned_at: datetime) -> str:
    return (f"planned after its time: due {due_at.astimezone(UTC):%Y-%m-%d %H:%M}Z, "
            f"planned {planned_at.astimezone(UTC):%Y-%m-%d %H:%M}Z")


def _cancel(row: Reminder, reason: str, now: datetime, result: SyncResult) -> None:
    row.status, row.reason, row.updated_at = R.CANCELLED, reason, now
    result.cancelled += 1


def insert_ignore(session: Session, model: type | sa.Table,  # noqa: ANN201
                  unique: list[str]):
    """INSERT ... ON CONFLICT (unique) DO NOTHING, on SQLite and PostgreSQL alike; execute it
    with the list of rows (one compiled statement, sent in batches). Given a table rather than
    an ORM entity, it is a Core statement (no ORM bulk insert: rows are not processed one by one
    by the unit of work)."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    return insert(model).on_conflict_do_nothing(index_elements=unique)
