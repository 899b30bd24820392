"""covering index of applications by posting and status: deleted_at joins it

The per-status counts (hr dashboard, posting list, a posting's applicants) filter on
deleted_at; with (posting_id, status) alone each counted application was a table-row lookup,
so the dashboard of an organisation with 25,000 applications spent 20 ms counting them.

Revision ID: 0009
Revises: 0008
Kind: schema
Create Date: 2026-12-01 19:50:00+00:00

"""
from collections.abc import Sequence

from alembic import op


revision: str = '0009'
down_revision: str | Sequence[str] | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.create_index('ix_application_posting_status_deleted_at',
                              ['posting_id', 'status', 'deleted_at'], unique=False)
        batch_op.drop_index('ix_application_posting_status')


def downgrade() -> None:
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.create_index('ix_application_posting_status', ['posting_id', 'status'],
                              unique=False)
        batch_op.drop_index('ix_application_posting_status_deleted_at')
