"""${message}

(Kind: schema changes tables, columns, indexes or constraints only; a data step that moves
rows is a revision of its own with Kind: data. tests/test_migration_layout.py checks it.)

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Kind: schema
Create Date: ${create_date}

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
${imports if imports else ""}

revision: str = ${repr(up_revision)}
down_revision: str | Sequence[str] | None = ${repr(down_revision)}
branch_labels: str | Sequence[str] | None = ${repr(branch_labels)}
depends_on: str | Sequence[str] | None = ${repr(depends_on)}


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
