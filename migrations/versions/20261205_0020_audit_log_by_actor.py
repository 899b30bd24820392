"""audit log: an index by actor for the admin's filter

The admin's audit log filters by who acted, newest first (issue #13, item 9). Filtering by
entity (ix_audit_log_entity) and by time (ix_audit_log_at) were indexed already; this adds
(actor_id, at), which serves the filter and its order.

Revision ID: 0020
Revises: 0019
Kind: schema
Create Date: 2026-12-05 00:00:00+00:00

"""
from collections.abc import Sequence

from alembic import op

revision: str = '0020'
down_revision: str | Sequence[str] | None = '0019'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_audit_log_actor', 'audit_log', ['actor_id', 'at'])


def downgrade() -> None:
    op.drop_index('ix_audit_log_actor', table_name='audit_log')
