"""reminder.anchor_at: a reminder row is for one occurrence of its anchor

The anchor, filled by 0010b, is required and joins the key: (kind, subject, recipient, channel,
offset, anchor). (Until the split, 0010 was 0010a, 0010b and this step in one; a database
stamped 0010 has all three.)

Revision ID: 0010
Revises: 0010b
Kind: schema
Create Date: 2026-12-01 21:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0010'
down_revision: str | Sequence[str] | None = '0010b'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_KEY = ['kind', 'subject_id', 'recipient_key', 'channel', 'offset_spec']
NEW_NAME = 'uq_reminder_occurrence'


def upgrade() -> None:
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.alter_column('anchor_at', existing_type=sa.DateTime(timezone=True),
                              nullable=False)
        batch_op.create_unique_constraint(NEW_NAME, OLD_KEY + ['anchor_at'])


def downgrade() -> None:
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.drop_constraint(NEW_NAME, type_='unique')
        batch_op.alter_column('anchor_at', existing_type=sa.DateTime(timezone=True),
                              nullable=True)
