"""event notifications: two reminder kinds told at once (status_changed, interview_scheduled)

The kind columns of reminder and reminder_offsets accept the two kinds (and grow to hold their
names). The rows of those kinds are deleted by 0008 before this step is undone.

Revision ID: 0008a
Revises: 0007
Kind: schema
Create Date: 2026-11-25 12:23:14.010568+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0008a'
down_revision: str | Sequence[str] | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD = ('deadline_draft', 'interview_soon', 'review_waiting', 'closing_empty', 'no_answer')
NEW = OLD + ('status_changed', 'interview_scheduled')
TABLES = ('reminder', 'reminder_offsets')


def _check(kinds: tuple[str, ...]) -> str:
    return "kind IN (" + ", ".join(f"'{k}'" for k in kinds) + ")"


def _change(kinds: tuple[str, ...], old_length: int, new_length: int) -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(op.f(f'ck_{table}_reminder_kind'), type_='check')
            batch_op.alter_column('kind', existing_type=sa.String(length=old_length),
                                  type_=sa.String(length=new_length), existing_nullable=False)
            batch_op.create_check_constraint('reminder_kind', _check(kinds))


def upgrade() -> None:
    _change(NEW, max(map(len, OLD)), max(map(len, NEW)))


def downgrade() -> None:
    _change(OLD, max(map(len, NEW)), max(map(len, OLD)))
