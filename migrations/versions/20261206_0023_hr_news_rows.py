"""hr news: the rows of the two new reminder kinds go before the kinds do

Going up there is nothing to write: 0023a let the reminder tables take application_received and hr_digest, and the rows
come later. Going back, the rows of those kinds cannot stay once 0023a is undone, so they are
deleted here first.

Revision ID: 0023
Revises: 0023a
Kind: data
Create Date: 2026-12-06 03:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0023'
down_revision: str | Sequence[str] | None = '0023a'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ('reminder', 'reminder_offsets')


def upgrade() -> None:
    pass  # no existing row is of the new kinds


def downgrade() -> None:
    for table in TABLES:  # rows of the new kinds cannot stay
        op.execute(sa.text(f"DELETE FROM {table} WHERE kind IN ('application_received', 'hr_digest')"))
