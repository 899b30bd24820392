"""hr hear of new applications (issue #14 item 5): two reminder kinds and the last visits

- reminder kinds `application_received` (an in-app notice to the posting's hr per
  submission) and `hr_digest` (a daily e-mail per hr user), on `reminder` and
  `reminder_offsets`; the digest's subject is the user, so `subject_type` takes `user`;
- `hr_visit`: when an hr user last looked at their dashboard (`scope` "dashboard") or a
  posting's board (`scope` "posting:<id>"), for the "new since your last visit" counts.

On SQLite the reminder tables are rebuilt (a CHECK changes): with foreign keys on, existing
notifications lose their `reminder_id` (ON DELETE SET NULL), as with 0008a; they are sent
already, so nothing is sent twice.

A schema step only: before undoing it, delete the rows of the new kinds (`DELETE FROM reminder
WHERE kind IN ('application_received', 'hr_digest')`, the same from `reminder_offsets`), which
the old CHECK constraints refuse.

Revision ID: 0023
Revises: 0022
Kind: schema
Create Date: 2026-12-06 01:30:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0023'
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


def _kinds(kinds: tuple[str, ...], old_length: int, new_length: int,
           subjects: tuple[str, ...]) -> None:
    for table in ('reminder', 'reminder_offsets'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(op.f(f'ck_{table}_reminder_kind'), type_='check')
            batch_op.alter_column('kind', existing_type=sa.String(length=old_length),
                                  type_=sa.String(length=new_length), existing_nullable=False)
            batch_op.create_check_constraint('reminder_kind', _in('kind', kinds))
            if table == 'reminder':
                batch_op.drop_constraint(op.f('ck_reminder_subject_type'), type_='check')
                batch_op.create_check_constraint('subject_type', _in('subject_type', subjects))


def upgrade() -> None:
    _kinds(NEW, max(map(len, OLD)), max(map(len, NEW)), NEW_SUBJECTS)
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
    )


def downgrade() -> None:
    op.drop_table('hr_visit')
    _kinds(OLD, max(map(len, NEW)), max(map(len, OLD)), OLD_SUBJECTS)
