"""reminder.anchor_at: existing rows get their anchor; going back, one row per old key

Going up, each row gets the anchor its subject has now (the deadline, the interview's start,
the submission; for an event, when it happened), or its due time when the subject is gone.
Going back, the old key (kind, subject, recipient, channel, offset) holds one row each, so the
newest occurrence of each is kept and the others deleted before 0010a restores that key.

Revision ID: 0010b
Revises: 0010a
Kind: data
Create Date: 2026-12-01 21:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0010b'
down_revision: str | Sequence[str] | None = '0010a'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_KEY = ['kind', 'subject_id', 'recipient_key', 'channel', 'offset_spec']
# (kinds, the anchor of a row of those kinds), plain SQL that SQLite and PostgreSQL both run;
# each UPDATE only touches its own kinds, so the event id is only parsed from event rows
ANCHORS = [
    ("'deadline_draft'", "SELECT p.valid_through FROM application a JOIN posting p "
                         "ON p.id = a.posting_id WHERE a.id = reminder.subject_id"),
    ("'no_answer'", "SELECT a.submitted_at FROM application a WHERE a.id = reminder.subject_id"),
    ("'interview_soon'", "SELECT i.starts_at FROM interview i WHERE i.id = reminder.subject_id"),
    ("'review_waiting', 'closing_empty'",
     "SELECT p.valid_through FROM posting p WHERE p.id = reminder.subject_id"),
    ("'status_changed'", "SELECT c.changed_at FROM application_status_change c "
                         "WHERE c.id = CAST(substr(reminder.offset_spec, 4) AS INTEGER)"),
    ("'interview_scheduled'", "SELECT l.at FROM audit_log l "
                              "WHERE l.id = CAST(substr(reminder.offset_spec, 4) AS INTEGER)"),
]


def upgrade() -> None:
    for kinds, anchor in ANCHORS:
        op.execute(sa.text(f"UPDATE reminder SET anchor_at = ({anchor}) WHERE kind IN ({kinds})"))
    op.execute(sa.text("UPDATE reminder SET anchor_at = due_at WHERE anchor_at IS NULL"))


def downgrade() -> None:
    # the old key holds one row per (kind, subject, recipient, channel, offset): keep the
    # newest occurrence of each
    op.execute(sa.text(
        "DELETE FROM reminder WHERE id NOT IN (SELECT max(id) FROM reminder GROUP BY "
        + ", ".join(OLD_KEY) + ")"))
