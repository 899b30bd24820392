"""reference data: the loaded rows marked changed both ways; the new kind's figures removed

The loaded occupations and certifications no longer match the files once 0011c gave the
reference data its new sections (or, going back, took them away): their content_sha256 is
marked changed, so the next `tracker reference load` fills or trims them. Going back, the
market figures of the recruitment_difficulty kind are deleted first, since 0011c's undoing no
longer accepts the kind. (Until the split, 0011 was 0011a, 0011b, 0011c and this step in one;
a database stamped 0011 has all four.)

Revision ID: 0011
Revises: 0011c
Kind: data
Create Date: 2026-12-01 21:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0011'
down_revision: str | Sequence[str] | None = '0011c'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _reference_changed() -> None:
    """The loaded files no longer match their rows: the next load rewrites them."""
    for table in ('occupation', 'certification'):
        op.execute(sa.text(f"UPDATE {table} SET content_sha256 = 'schema-0011'"))


def upgrade() -> None:
    _reference_changed()


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM market_figure WHERE kind = 'recruitment_difficulty'"))
    _reference_changed()
