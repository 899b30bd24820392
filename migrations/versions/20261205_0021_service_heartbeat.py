"""service heartbeats: the scheduler's sign of life and the last SMTP result

A table the health checks read (issue #13 item 7): one row per (name, instance), written by the
scheduler on each tick (`scheduler`) and by the reminder dispatcher after it talked to the SMTP
server (`smtp`). /readyz and `tracker doctor` read it; nothing else depends on it.

Revision ID: 0021
Revises: 0020
Kind: schema
Create Date: 2026-12-05 00:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0021'
down_revision: str | Sequence[str] | None = '0020'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'service_heartbeat',
        sa.Column('name', sa.String(length=40), nullable=False),
        sa.Column('instance', sa.String(length=255), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('details', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('name', 'instance', name=op.f('pk_service_heartbeat')),
    )


def downgrade() -> None:
    op.drop_table('service_heartbeat')
