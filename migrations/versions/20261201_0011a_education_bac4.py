"""levels of study: bac+4 (maîtrise, master 1) between bac+3 and bac+5

A Bac+4 could not be stored, so « Bac + 4 » asked by a posting was unreadable and a candidate
with a maîtrise had to claim less or more than they hold: the CHECK of
candidate_profile.education_level accepts bac+4. Going back, 0011b has read the Bac+4 profiles
as bac+3 before the CHECK narrows here.

Revision ID: 0011a
Revises: 0010
Kind: schema
Create Date: 2026-12-01 21:00:00+00:00

"""
from collections.abc import Sequence

from alembic import op


revision: str = '0011a'
down_revision: str | Sequence[str] | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_LEVELS = ('none', 'cap_bep', 'bac', 'bac+2', 'bac+3', 'bac+5', 'bac+8')
NEW_LEVELS = ('none', 'cap_bep', 'bac', 'bac+2', 'bac+3', 'bac+4', 'bac+5', 'bac+8')


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _sqlite_foreign_keys(on: bool) -> None:
    """SQLite: changing a CHECK copies the table (batch mode), and dropping the old
    `candidate_profile` would cascade to the profile's languages and skills while foreign keys
    are enforced. The pragma only changes outside a transaction, so the migration's transaction
    is committed around it; the rows are checked before enforcement resumes."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    if on:
        broken = bind.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"foreign keys broken by the migration: {broken[:5]}")
    bind.exec_driver_sql("COMMIT")
    bind.exec_driver_sql(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")
    bind.exec_driver_sql("BEGIN")


def _education_check(levels: tuple[str, ...]) -> None:
    _sqlite_foreign_keys(False)
    with op.batch_alter_table('candidate_profile', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_candidate_profile_education_level'), type_='check')
        batch_op.create_check_constraint('education_level', _in('education_level', levels))
    _sqlite_foreign_keys(True)


def upgrade() -> None:
    _education_check(NEW_LEVELS)


def downgrade() -> None:
    _education_check(OLD_LEVELS)
