"""hr hear of new applications (issue #14 item 5): two reminder kinds and the last visits

- reminder kinds `application_received` (an in-app notice to the posting's hr per
  submission) and `hr_digest` (a daily e-mail per hr user), on `reminder` and
  `reminder_offsets`; the digest's subject is the user, so `subject_type` takes `user`;
- `hr_visit`: when an hr user last looked at their dashboard (`scope` "dashboard") or a
  posting's board (`scope` "posting:<id>"), for the "new since your last visit" counts.

On SQLite the wider CHECKs and the longer `kind` column are written into the tables'
definitions in place (SQLite's documented procedure, as 0014, 0017 and 0024 do): a rebuild by
Alembic's batch mode would drop the old `reminder` table, which with foreign keys on nulls every
notification's `reminder_id`, and would lose the AUTOINCREMENT that keeps ids from being given
twice (0012).

The rows of the new kinds, which the old CHECK constraints refuse, are deleted by 0023 before
this step is undone.

Revision ID: 0023a
Revises: 0022
Kind: schema
Create Date: 2026-12-06 01:30:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0023a'
down_revision: str | Sequence[str] | None = '0022'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD = ('deadline_draft', 'interview_soon', 'review_waiting', 'closing_empty', 'no_answer',
       'status_changed', 'interview_scheduled')
NEW = OLD + ('application_received', 'hr_digest')
OLD_SUBJECTS = ('posting', 'application', 'interview')
NEW_SUBJECTS = OLD_SUBJECTS + ('user',)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _sqlite_edit(table: str, changes: list[tuple[str, str]]) -> None:
    """Write `changes` (old text, new text) into `table`'s stored definition: only wider CHECKs
    and a longer VARCHAR (which SQLite does not enforce), so no stored row is touched."""
    bind = op.get_bind()
    sql = bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' "
                               "AND name = ?", (table,)).scalar_one()
    new_sql = sql
    for before, after in changes:
        assert before in new_sql, f'the {table} table is not the one this revision expects'
        new_sql = new_sql.replace(before, after, 1)
    version = bind.exec_driver_sql('PRAGMA schema_version').scalar_one()
    bind.exec_driver_sql('PRAGMA writable_schema = ON')
    try:
        bind.exec_driver_sql("UPDATE sqlite_master SET sql = ? WHERE type = 'table' "
                             "AND name = ?", (new_sql, table))
        bind.exec_driver_sql(f'PRAGMA schema_version = {int(version) + 1}')
    finally:
        bind.exec_driver_sql('PRAGMA writable_schema = OFF')
    problems = bind.exec_driver_sql('PRAGMA integrity_check').scalars().all()
    assert problems == ['ok'], problems


def _kinds(old: tuple[str, ...], new: tuple[str, ...], old_subjects: tuple[str, ...],
           new_subjects: tuple[str, ...]) -> None:
    old_length, new_length = max(map(len, old)), max(map(len, new))
    for table in ('reminder', 'reminder_offsets'):
        if op.get_bind().dialect.name == 'sqlite':
            changes = [(f'kind VARCHAR({old_length}) NOT NULL',
                        f'kind VARCHAR({new_length}) NOT NULL'),
                       (_in('kind', old), _in('kind', new))]
            if table == 'reminder':
                changes.append((_in('subject_type', old_subjects),
                                _in('subject_type', new_subjects)))
            _sqlite_edit(table, changes)
            continue
        op.drop_constraint(op.f(f'ck_{table}_reminder_kind'), table, type_='check')
        op.alter_column(table, 'kind', existing_type=sa.String(length=old_length),
                        type_=sa.String(length=new_length), existing_nullable=False)
        op.create_check_constraint(op.f(f'ck_{table}_reminder_kind'), table, _in('kind', new))
        if table == 'reminder':
            op.drop_constraint(op.f('ck_reminder_subject_type'), table, type_='check')
            op.create_check_constraint(op.f('ck_reminder_subject_type'), table,
                                       _in('subject_type', new_subjects))


def upgrade() -> None:
    _kinds(OLD, NEW, OLD_SUBJECTS, NEW_SUBJECTS)
    op.create_table(
        'hr_visit',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('scope', sa.String(length=40), nullable=False),
        sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user_account.id'],
                                name=op.f('fk_hr_visit_user_id_user_account'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_hr_visit')),
        sa.UniqueConstraint('user_id', 'scope', name=op.f('uq_hr_visit_user_id_scope')),
        sqlite_autoincrement=True,  # ids are never given twice (0012)
    )


def downgrade() -> None:
    op.drop_table('hr_visit')
    _kinds(NEW, OLD, NEW_SUBJECTS, OLD_SUBJECTS)
