"""job: dossiers made off the request path (issue #16 item 1)

One row per dossier asked for (panel, application, posting sheet, batch): what to make, the
digest of what it shows (a done job with the same digest is served from its stored file), its
status, the lease a worker holds while it makes it (taken again after the lease when the worker
died), its progress, the stored file under the reports folder and, when it failed, why (an error
code and its parameters). A new table: nothing else changes.

Revision ID: 0027
Revises: 0024
Kind: schema
Create Date: 2026-12-06 01:30:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import tracker.db

revision: str = '0027'
down_revision: str | Sequence[str] | None = '0024'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'job',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.Enum('panel', 'application', 'posting_sheet', 'batch',
                                  name='job_kind', native_enum=False, create_constraint=True,
                                  length=13), nullable=False),
        sa.Column('params', sa.JSON(), nullable=False),
        sa.Column('language', sa.String(length=5), nullable=False),
        sa.Column('digest', sa.String(length=64), nullable=False),
        sa.Column('posting_id', sa.Integer(), nullable=True),
        sa.Column('application_id', sa.Integer(), nullable=True),
        sa.Column('status', sa.Enum('queued', 'running', 'done', 'failed', name='job_status',
                                    native_enum=False, create_constraint=True, length=7),
                  nullable=False),
        sa.Column('claimed_by', sa.String(length=120), nullable=True),
        sa.Column('claim_token', sa.String(length=36), nullable=True),
        sa.Column('lease_until', tracker.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('progress_done', sa.Integer(), nullable=False),
        sa.Column('progress_total', sa.Integer(), nullable=False),
        sa.Column('result_path', sa.String(length=500), nullable=True),
        sa.Column('filename', sa.String(length=300), nullable=True),
        sa.Column('error_code', sa.String(length=60), nullable=True),
        sa.Column('error_params', sa.JSON(), nullable=True),
        sa.Column('requested_by', sa.Integer(), nullable=True),
        sa.Column('started_at', tracker.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column('finished_at', tracker.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column('created_at', tracker.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('updated_at', tracker.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint('progress_done >= 0 AND progress_total >= 0',
                           name=op.f('ck_job_progress_not_negative')),
        sa.ForeignKeyConstraint(['application_id'], ['application.id'],
                                name=op.f('fk_job_application_id_application'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['posting_id'], ['posting.id'],
                                name=op.f('fk_job_posting_id_posting'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['requested_by'], ['user_account.id'],
                                name=op.f('fk_job_requested_by_user_account'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_job')),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('job', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_application_id'), ['application_id'],
                              unique=False)
        batch_op.create_index('ix_job_digest', ['digest'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_posting_id'), ['posting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_requested_by'), ['requested_by'], unique=False)
        batch_op.create_index('ix_job_status_lease_until', ['status', 'lease_until'],
                              unique=False)


def downgrade() -> None:
    op.drop_table('job')
