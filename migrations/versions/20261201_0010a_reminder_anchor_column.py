"""reminder.anchor_at: the column, and the old key let go

With the key (kind, subject, recipient, channel, offset) alone, a reminder sent or expired for
an interview on 22 May blocked the one for the same interview moved to 29 May. The instant the
offset counts from is to join the key: this step adds it, empty, and drops the old key; 0010b
fills it, 0010 makes it required and builds the new key. Going back, 0010b has left one row per
old key, so the old key can come back here.

Revision ID: 0010a
Revises: 0009
Kind: schema
Create Date: 2026-12-01 21:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0010a'
down_revision: str | Sequence[str] | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_KEY = ['kind', 'subject_id', 'recipient_key', 'channel', 'offset_spec']
OLD_NAME = 'uq_reminder_kind_subject_id_recipient_key_channel_offset_spec'


def upgrade() -> None:
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.add_column(sa.Column('anchor_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.drop_constraint(OLD_NAME, type_='unique')


def downgrade() -> None:
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.create_unique_constraint(OLD_NAME, OLD_KEY)
        batch_op.drop_column('anchor_at')
