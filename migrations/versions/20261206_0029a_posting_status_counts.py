"""each posting's applications counted by status, kept by the flush hook (issue #16 item 4)

- `posting_status_count`: how many applications each posting has in each status (not deleted,
  drafts too), the counts a posting's hr page shows above its applicants, kept up to date by
  the flush hook of tracker.models.upkeep (0029 fills it from the rows).

A new table: nothing else changes.

Revision ID: 0029a
Revises: 0028
Kind: schema
Create Date: 2026-12-06 15:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0029a'
down_revision: str | Sequence[str] | None = '0028'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUSES = ('draft', 'submitted', 'under_review', 'interview', 'offer', 'hired', 'rejected',
            'withdrawn')


def upgrade() -> None:
    op.create_table(
        'posting_status_count',
        sa.Column('posting_id', sa.Integer(), nullable=False),
        sa.Column('status', sa.Enum(*STATUSES, name='posting_status_count_status',
                                    native_enum=False, create_constraint=True, length=12),
                  nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['posting_id'], ['posting.id'],
                                name=op.f('fk_posting_status_count_posting_id_posting'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('posting_id', 'status', name=op.f('pk_posting_status_count')),
    )


def downgrade() -> None:
    op.drop_table('posting_status_count')
