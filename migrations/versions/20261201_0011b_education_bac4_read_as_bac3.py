"""levels of study: going back below bac+4, a Bac+4 profile keeps the level it certainly has

Going up there is nothing to write: no profile was at bac+4 before 0011a allowed it. Going back,
the Bac+4 profiles are read as bac+3 before 0011a narrows the CHECK again.

Revision ID: 0011b
Revises: 0011a
Kind: data
Create Date: 2026-12-01 21:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0011b'
down_revision: str | Sequence[str] | None = '0011a'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass  # no profile is at bac+4 yet


def downgrade() -> None:
    op.execute(sa.text("UPDATE candidate_profile SET education_level = 'bac+3' "
                       "WHERE education_level = 'bac+4'"))
