"""reminder: an index for the series query (issue #16 item 3)

The dispatcher asks, for each batch, the latest reminder already due of each series
(`services/reminders/facts.py`): subject_id among the batch's subjects, kind among its kinds,
status pending, sending or sent, due_at up to now. Only the unique key's `kind` prefix served it,
so its cost grew with the outbox. `ix_reminder_series` (subject_id, kind, status, due_at) holds
the whole predicate. A plain CREATE INDEX on both databases: no table rebuild.

Revision ID: 0022
Revises: 0021
Kind: schema
Create Date: 2026-12-05 23:00:00+00:00

"""
from collections.abc import Sequence

from alembic import op

revision: str = '0022'
down_revision: str | Sequence[str] | None = '0021'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_reminder_series', 'reminder',
                    ['subject_id', 'kind', 'status', 'due_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_reminder_series', table_name='reminder')
