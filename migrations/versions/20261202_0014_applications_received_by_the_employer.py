"""application: an application the employer received by post or e-mail, linked to no account

A candidate's data reaches an employer only by the candidate's act. An application the employer
records itself carries the person's name and address as they gave them (applicant_name,
applicant_email) and no candidate account: candidate_id may be empty, for those alone. Going
back needs such rows gone first (they have no account to point at): the downgrade refuses
while any is left. On SQLite the table is built anew without losing the rows that refer to it.

Revision ID: 0014
Revises: 0012
Kind: schema
Create Date: 2026-12-02 10:00:00+00:00

"""
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0014'
down_revision: str | Sequence[str] | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


REQUIRED = 'candidate_id INTEGER NOT NULL, '
NULLABLE = 'candidate_id INTEGER, '
CHECK = (', CONSTRAINT ck_application_candidate_or_applicant '
         'CHECK (candidate_id IS NOT NULL OR applicant_name IS NOT NULL)')


def upgrade() -> None:
    # two columns that start empty: ALTER TABLE ... ADD COLUMN, no rebuild on SQLite
    op.add_column('application', sa.Column('applicant_name', sa.String(length=200), nullable=True))
    op.add_column('application', sa.Column('applicant_email', sa.String(length=254), nullable=True))
    if op.get_bind().dialect.name == 'sqlite':
        _sqlite_edit(lambda sql: sql.replace(REQUIRED, NULLABLE, 1).rstrip()
                     .removesuffix(')').rstrip() + CHECK + ')')
        return
    op.alter_column('application', 'candidate_id', existing_type=sa.Integer(), nullable=True)
    op.create_check_constraint('candidate_or_applicant', 'application',
                               'candidate_id IS NOT NULL OR applicant_name IS NOT NULL')


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        left = op.get_bind().exec_driver_sql(
            'SELECT count(*) FROM application WHERE candidate_id IS NULL').scalar_one()
        if left:
            raise RuntimeError(f'{left} application(s) recorded by the employer have no '
                               'candidate account: remove them before going back')
        _sqlite_edit(lambda sql: sql.replace(NULLABLE, REQUIRED, 1).replace(CHECK, ''))
        op.execute('ALTER TABLE application DROP COLUMN applicant_email')
        op.execute('ALTER TABLE application DROP COLUMN applicant_name')
        return
    op.drop_constraint('candidate_or_applicant', 'application', type_='check')
    op.alter_column('application', 'candidate_id', existing_type=sa.Integer(), nullable=False)
    op.drop_column('application', 'applicant_email')
    op.drop_column('application', 'applicant_name')


def _sqlite_edit(change: Callable[[str], str]) -> None:
    """SQLite changes a column's NOT NULL only by building the table anew, and Alembic's batch
    mode then drops the old table, which with foreign keys on deletes every row referring to it
    (interviews, evidence, notes, history...). This change touches no stored row (a NOT NULL
    let go, a CHECK every row meets), so the table's definition is edited in place, SQLite's
    documented procedure for changes that leave the stored rows as they are."""
    bind = op.get_bind()
    sql = bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' "
                               "AND name = 'application'").scalar_one()
    new_sql = change(sql)
    assert new_sql != sql, 'the application table is not the one this revision expects'
    version = bind.exec_driver_sql('PRAGMA schema_version').scalar_one()
    bind.exec_driver_sql('PRAGMA writable_schema = ON')
    try:
        bind.exec_driver_sql("UPDATE sqlite_master SET sql = ? WHERE type = 'table' "
                             "AND name = 'application'", (new_sql,))
        bind.exec_driver_sql(f'PRAGMA schema_version = {int(version) + 1}')
    finally:
        bind.exec_driver_sql('PRAGMA writable_schema = OFF')
    problems = bind.exec_driver_sql('PRAGMA integrity_check').scalars().all()
    assert problems == ['ok'], problems
