"""messages to candidates: the reminder rows of kind message go before the kind does

Going up there is nothing to write: 0024a let the reminder tables take the kind message, and the rows
come later. Going back, the rows of that kind cannot stay once 0024a is undone, so they are
deleted here first.

Revision ID: 0024
Revises: 0024a
Kind: data
Create Date: 2026-12-06 03:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0024'
down_revision: str | Sequence[str] | None = '0024a'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ('reminder', 'reminder_offsets')


def upgrade() -> None:
    pass  # no existing row is of the new kinds


def downgrade() -> None:
    for table in TABLES:  # rows of the new kinds cannot stay
        op.execute(sa.text(f"DELETE FROM {table} WHERE kind IN ('message')"))
