"""messages to candidates (issue #14): templates per organisation, messages sent, a reminder kind

- message_template: an organisation's own subject and body for a kind in a language (the
  shipped defaults live in the code: no row means the default);
- application_message: what the employer sent a candidate about an application (personal data);
- organisation.acknowledge_applications: the acknowledgement of receipt on submission, on by
  default;
- the reminder kind `message`: the outbox row that carries a message in-app and by e-mail.

The reminder rows of kind `message` are deleted by 0024 before this step is undone (the
narrower CHECK refuses them).

Revision ID: 0024a
Revises: 0023
Kind: schema
Create Date: 2026-12-06 01:30:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import tracker.db

revision: str = '0024a'
down_revision: str | Sequence[str] | None = '0023'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE_KINDS = ('acknowledgement', 'interview_invitation', 'rejection_after_review',
                 'rejection_after_interview', 'offer')
OLD = ('deadline_draft', 'interview_soon', 'review_waiting', 'closing_empty', 'no_answer',
       'status_changed', 'interview_scheduled', 'application_received', 'hr_digest')
NEW = OLD + ('message',)  # (0023, hr news, added the two before it)
TABLES = ('reminder', 'reminder_offsets')


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _sqlite_edit(table: str, old: str, new: str) -> None:
    """SQLite changes a CHECK only by building the table anew, and Alembic's batch mode then
    drops the old table, which with foreign keys on nulls every notification that refers to a
    reminder. A wider CHECK touches no stored row, so the table's definition is edited in place,
    SQLite's documented procedure for such changes (as 0014 and 0017 do)."""
    bind = op.get_bind()
    sql = bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' "
                               "AND name = ?", (table,)).scalar_one()
    new_sql = sql.replace(old, new, 1)
    assert new_sql != sql, f'the {table} table is not the one this revision expects'
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


def _reminder_kinds(old: tuple[str, ...], new: tuple[str, ...]) -> None:
    """The CHECK of the kind columns ('message' is shorter: the columns keep their length)."""
    for table in TABLES:
        if op.get_bind().dialect.name == 'sqlite':
            _sqlite_edit(table, _in('kind', old), _in('kind', new))
            continue
        op.drop_constraint(op.f(f'ck_{table}_reminder_kind'), table, type_='check')
        op.create_check_constraint(op.f(f'ck_{table}_reminder_kind'), table, _in('kind', new))


def upgrade() -> None:
    kind_length = max(map(len, MESSAGE_KINDS))
    op.create_table(
        'message_template',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.Enum(*MESSAGE_KINDS, name='message_kind', native_enum=False,
                                  create_constraint=True, length=kind_length), nullable=False),
        sa.Column('language', sa.Enum('fr', 'en', name='locale', native_enum=False,
                                      create_constraint=True, length=2), nullable=False),
        sa.Column('subject', sa.String(length=300), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('updated_at', tracker.db.UTCDateTime(), nullable=False),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'],
                                name=op.f('fk_message_template_organisation_id_organisation'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'],
                                name=op.f('fk_message_template_updated_by_id_user_account'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_message_template')),
        sa.UniqueConstraint('organisation_id', 'kind', 'language',
                            name=op.f('uq_message_template_organisation_id_kind_language')),
        sqlite_autoincrement=True,  # ids are never given twice (0012)
    )
    op.create_index(op.f('ix_message_template_updated_by_id'), 'message_template',
                    ['updated_by_id'], unique=False)
    op.create_table(
        'application_message',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.Enum(*MESSAGE_KINDS, name='message_kind', native_enum=False,
                                  create_constraint=True, length=kind_length), nullable=True),
        sa.Column('language', sa.Enum('fr', 'en', name='locale', native_enum=False,
                                      create_constraint=True, length=2), nullable=False),
        sa.Column('recipient_email', sa.String(length=254), nullable=False),
        sa.Column('subject', sa.String(length=300), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('sent_at', tracker.db.UTCDateTime(), nullable=False),
        sa.Column('sent_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['application_id'], ['application.id'],
                                name=op.f('fk_application_message_application_id_application'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['sent_by_id'], ['user_account.id'],
                                name=op.f('fk_application_message_sent_by_id_user_account'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_application_message')),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f('ix_application_message_application_id'), 'application_message',
                    ['application_id'], unique=False)
    op.create_index(op.f('ix_application_message_sent_by_id'), 'application_message',
                    ['sent_by_id'], unique=False)
    # ALTER TABLE ... ADD COLUMN on both databases: no rebuild
    op.add_column('organisation', sa.Column('acknowledge_applications', sa.Boolean(),
                                            server_default=sa.true(), nullable=False))
    _reminder_kinds(OLD, NEW)


def downgrade() -> None:
    _reminder_kinds(NEW, OLD)
    # ALTER TABLE ... DROP COLUMN: a column no index or constraint names, no rebuild
    op.drop_column('organisation', 'acknowledge_applications')
    op.drop_index(op.f('ix_application_message_sent_by_id'), table_name='application_message')
    op.drop_index(op.f('ix_application_message_application_id'),
                  table_name='application_message')
    op.drop_table('application_message')
    op.drop_index(op.f('ix_message_template_updated_by_id'), table_name='message_template')
    op.drop_table('message_template')
