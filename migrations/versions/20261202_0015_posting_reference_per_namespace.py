"""posting references unique per organisation and per candidate's private postings

A reference was unique across the whole database, so creating a posting with another
organisation's draft reference, or a candidate's private one, answered 'exists' (issue #12).
The unique constraint on posting.reference becomes two partial unique indexes, one per
namespace, and a plain index keeps lookups by reference fast.

Revision ID: 0015
Revises: 0014
Kind: schema
Create Date: 2026-12-02 00:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0015'
down_revision: str | Sequence[str] | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PUBLIC = sa.text("visibility = 'public'")
PRIVATE = sa.text("visibility = 'private'")


def _sqlite_foreign_keys(on: bool) -> None:
    """SQLite: the batch rebuild drops the old posting table, which would cascade to or null
    the rows that reference it (applications, interviews...) while foreign keys are enforced.
    The pragma only changes outside a transaction; the rows are checked before enforcement
    resumes (as 0004, 0011a and 0012a do)."""
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
    _sqlite_foreign_keys(False)
    # the rebuilt table keeps its AUTOINCREMENT key (0012a): ids are never given twice
    with op.batch_alter_table('posting', schema=None,
                              table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        batch_op.drop_constraint('uq_posting_reference', type_='unique')
        batch_op.create_index('ix_posting_reference', ['reference'], unique=False)
        batch_op.create_index('ix_posting_organisation_reference',
                              ['organisation_id', 'reference'], unique=True,
                              sqlite_where=PUBLIC, postgresql_where=PUBLIC)
        batch_op.create_index('ix_posting_owner_reference', ['owner_id', 'reference'],
                              unique=True, sqlite_where=PRIVATE, postgresql_where=PRIVATE)
    _sqlite_foreign_keys(True)


def downgrade() -> None:
    # Fails if two namespaces came to share a reference: rename one of them first.
    _sqlite_foreign_keys(False)
    with op.batch_alter_table('posting', schema=None,
                              table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        batch_op.drop_index('ix_posting_owner_reference')
        batch_op.drop_index('ix_posting_organisation_reference')
        batch_op.drop_index('ix_posting_reference')
        batch_op.create_unique_constraint('uq_posting_reference', ['reference'])
    _sqlite_foreign_keys(True)
