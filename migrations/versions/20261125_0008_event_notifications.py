"""event notifications: the rows of the two new reminder kinds go before the kinds do

Going up there is nothing to write: 0008a let the kind columns accept status_changed and
interview_scheduled, and the rows come later. Going back, the rows of those kinds cannot stay
once 0008a is undone, so they are deleted here first. (Until the split, 0008 was both steps;
a database stamped 0008 has both.)

Revision ID: 0008
Revises: 0008a
Kind: data
Create Date: 2026-11-25 12:23:14.010568+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0008'
down_revision: str | Sequence[str] | None = '0008a'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ('reminder', 'reminder_offsets')


def upgrade() -> None:
    pass  # no existing row is of the new kinds


def downgrade() -> None:
    for table in TABLES:  # rows of the new kinds cannot stay
        op.execute(sa.text(f"DELETE FROM {table} WHERE kind IN ('status_changed', "
                           "'interview_scheduled')"))
