"""erasure requests and records, and the pseudonym of an erased person in the audit trail

Issue #13: a candidate asks for erasure (a request an admin carries out), and once erased a
person leaves a record of the erasure without personal data and a stable pseudonym on the
audit entries they made (audit_log.actor_label, shown where actor_id is NULL).

Revision ID: 0016
Revises: 0015
Kind: schema
Create Date: 2026-12-05 00:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import tracker.db

revision: str = '0016'
down_revision: str | Sequence[str] | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'erasure',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('subject_label', sa.String(length=40), nullable=False),
        sa.Column('status', sa.Enum('requested', 'done', name='erasure_status',
                                    native_enum=False, create_constraint=True, length=9),
                  nullable=False),
        sa.Column('requested_at', tracker.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column('done_at', tracker.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column('done_by_id', sa.Integer(), nullable=True),
        sa.Column('done_by_label', sa.String(length=40), nullable=True),
        sa.Column('source', sa.String(length=20), nullable=False),
        sa.Column('counts', sa.JSON(), nullable=False),
        sa.CheckConstraint("status <> 'requested' OR user_id IS NOT NULL",
                           name=op.f('ck_erasure_request_names_user')),
        sa.ForeignKeyConstraint(['done_by_id'], ['user_account.id'],
                                name=op.f('fk_erasure_done_by_id_user_account'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['user_id'], ['user_account.id'],
                                name=op.f('fk_erasure_user_id_user_account'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_erasure')),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('erasure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_erasure_user_id'), ['user_id'], unique=False)
    # a new nullable column: SQLite adds it in place (no rebuild)
    op.add_column('audit_log', sa.Column('actor_label', sa.String(length=40), nullable=True))


def downgrade() -> None:
    # the rebuilt table keeps its AUTOINCREMENT key (0012a): ids are never given twice;
    # nothing references audit_log, so no foreign key pause is needed
    with op.batch_alter_table('audit_log', schema=None,
                              table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        batch_op.drop_column('actor_label')
    with op.batch_alter_table('erasure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_erasure_user_id'))
    op.drop_table('erasure')
