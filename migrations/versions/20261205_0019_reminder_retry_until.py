"""reminder.retry_until: how long an e-mail that could not go out is retried

An e-mail reminder used 5 attempts over about 90 minutes and was then failed, so an SMTP
outage of two hours failed every one until an operator retried them (issue #13). Retries now
go on for a period (TRACKER_REMINDER_RETRY_HOURS) counted from the first failure, which this
column keeps; empty for the rows that never failed.

Revision ID: 0019
Revises: 0017
Kind: schema
Create Date: 2026-12-05 00:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0019'
down_revision: str | Sequence[str] | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sqlite_foreign_keys(on: bool) -> None:
    """SQLite: the batch rebuild of the downgrade drops the old reminder table, which would
    cascade to or null the notifications that reference it while foreign keys are enforced.
    The pragma only changes outside a transaction; the rows are checked before enforcement
    resumes (as 0012a and 0015 do)."""
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        return
    if on:
        broken = bind.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"foreign keys broken by the migration: {broken[:5]}")
    bind.exec_driver_sql("COMMIT")
    bind.exec_driver_sql(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")
    bind.exec_driver_sql("BEGIN")


def upgrade() -> None:
    # a nullable column: ALTER TABLE ... ADD COLUMN on both databases, no rebuild
    op.add_column('reminder', sa.Column('retry_until', sa.DateTime(timezone=True),
                                        nullable=True))


def downgrade() -> None:
    _sqlite_foreign_keys(False)
    # the rebuilt table keeps its AUTOINCREMENT key (0012a): ids are never given twice
    with op.batch_alter_table('reminder', schema=None,
                              table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        batch_op.drop_column('retry_until')
    _sqlite_foreign_keys(True)
