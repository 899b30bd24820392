"""reminder.anchor_at: a reminder row is for one occurrence of its anchor

With the key (kind, subject, recipient, channel, offset) alone, a reminder sent or expired for
an interview on 22 May blocked the one for the same interview moved to 29 May. The instant the
offset counts from joins the key; existing rows get the anchor their subject has now (the
deadline, the interview's start, the submission; for an event, when it happened), or their due
time when the subject is gone.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 21:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0010'
down_revision: str | Sequence[str] | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_KEY = ['kind', 'subject_id', 'recipient_key', 'channel', 'offset_spec']
OLD_NAME = 'uq_reminder_kind_subject_id_recipient_key_channel_offset_spec'
NEW_NAME = 'uq_reminder_occurrence'
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
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.add_column(sa.Column('anchor_at', sa.DateTime(timezone=True), nullable=True))
    for kinds, anchor in ANCHORS:
        op.execute(sa.text(f"UPDATE reminder SET anchor_at = ({anchor}) WHERE kind IN ({kinds})"))
    op.execute(sa.text("UPDATE reminder SET anchor_at = due_at WHERE anchor_at IS NULL"))
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.alter_column('anchor_at', existing_type=sa.DateTime(timezone=True),
                              nullable=False)
        batch_op.drop_constraint(OLD_NAME, type_='unique')
        batch_op.create_unique_constraint(NEW_NAME, OLD_KEY + ['anchor_at'])


def downgrade() -> None:
    # the old key holds one row per (kind, subject, recipient, channel, offset): keep the
    # newest occurrence of each
    op.execute(sa.text(
        "DELETE FROM reminder WHERE id NOT IN (SELECT max(id) FROM reminder GROUP BY "
        + ", ".join(OLD_KEY) + ")"))
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.drop_constraint(NEW_NAME, type_='unique')
        batch_op.create_unique_constraint(OLD_NAME, OLD_KEY)
        batch_op.drop_column('anchor_at')
