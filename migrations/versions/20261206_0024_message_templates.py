"""messages to candidates (issue #14): templates per organisation, messages sent, a reminder kind

- message_template: an organisation's own subject and body for a kind in a language (the
  shipped defaults live in the code: no row means the default);
- application_message: what the employer sent a candidate about an application (personal data);
- organisation.acknowledge_applications: the acknowledgement of receipt on submission, on by
  default;
- the reminder kind `message`: the outbox row that carries a message in-app and by e-mail.

Undoing this step needs the reminder rows of kind `message` deleted first (the narrower CHECK
refuses them); a schema step runs no DML.

Revision ID: 0024
Revises: 0023
Kind: schema
Create Date: 2026-12-06 01:30:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import tracker.db

revision: str = '0024'
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


def _reminder_kinds(kinds: tuple[str, ...]) -> None:
    length = max(map(len, OLD))  # 'message' is shorter: the column keeps its length
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(op.f(f'ck_{table}_reminder_kind'), type_='check')
            batch_op.alter_column('kind', existing_type=sa.String(length=length),
                                  existing_nullable=False)
            batch_op.create_check_constraint('reminder_kind', _in('kind', kinds))


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
    )
    op.create_index(op.f('ix_application_message_application_id'), 'application_message',
                    ['application_id'], unique=False)
    op.create_index(op.f('ix_application_message_sent_by_id'), 'application_message',
                    ['sent_by_id'], unique=False)
    # a plain ADD COLUMN (no batch rebuild): on SQLite, rebuilding `organisation` drops a table
    # that user_account references (ON DELETE RESTRICT), which fails once it has members
    op.add_column('organisation', sa.Column('acknowledge_applications', sa.Boolean(),
                                            server_default=sa.true(), nullable=False))
    _reminder_kinds(NEW)


def downgrade() -> None:
    _reminder_kinds(OLD)
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_column('acknowledge_applications')
    op.drop_index(op.f('ix_application_message_sent_by_id'), table_name='application_message')
    op.drop_index(op.f('ix_application_message_application_id'),
                  table_name='application_message')
    op.drop_table('application_message')
    op.drop_index(op.f('ix_message_template_updated_by_id'), table_name='message_template')
    op.drop_table('message_template')
