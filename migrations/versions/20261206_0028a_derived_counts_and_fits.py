"""figures pages read instead of working out (issue #16 item 4): counts and stored fit scores

- `status_count`: the applications of each organisation in each status, kept up to date by
  the flush hook of tracker.models.upkeep (0028 fills it from the rows);
- `application_fit`: an application's fit score and coverage as last computed, with the
  generation of its inputs (stale while `computed_generation` differs from `generation`);
- `ix_posting_organisation_status_valid_through`: an organisation's open postings by deadline
  read through an index led by the organisation;
- `ix_application_posting_status_submitted`: a posting's applicants sorted from the index
  alone (status, then submitted), and `ix_application_submitted_at`: what arrived since a
  visit, found by its instant.

New tables and an index: nothing else changes (no table is rebuilt).

Revision ID: 0028a
Revises: 0027
Kind: schema
Create Date: 2026-12-06 05:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0028a'
down_revision: str | Sequence[str] | None = '0027'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUSES = ('draft', 'submitted', 'under_review', 'interview', 'offer', 'hired', 'rejected',
            'withdrawn')


def upgrade() -> None:
    op.create_table(
        'status_count',
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('status', sa.Enum(*STATUSES, name='status_count_status', native_enum=False,
                                    create_constraint=True, length=12), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'],
                                name=op.f('fk_status_count_organisation_id_organisation'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('organisation_id', 'status', name=op.f('pk_status_count')),
    )
    op.create_table(
        'application_fit',
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('generation', sa.Integer(), nullable=False),
        sa.Column('computed_generation', sa.Integer(), nullable=True),
        sa.Column('score', sa.Float(), nullable=True),
        sa.Column('assessed', sa.Integer(), nullable=True),
        sa.Column('total', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['application_id'], ['application.id'],
                                name=op.f('fk_application_fit_application_id_application'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('application_id', name=op.f('pk_application_fit')),
    )
    op.create_index('ix_posting_organisation_status_valid_through', 'posting',
                    ['organisation_id', 'status', 'valid_through', 'id'], unique=False)
    op.create_index('ix_application_posting_status_submitted', 'application',
                    ['posting_id', 'status', 'deleted_at', 'submitted_at', 'created_at'],
                    unique=False)
    op.create_index('ix_application_submitted_at', 'application', ['submitted_at'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_application_submitted_at', table_name='application')
    op.drop_index('ix_application_posting_status_submitted', table_name='application')
    op.drop_index('ix_posting_organisation_status_valid_through', table_name='posting')
    op.drop_table('application_fit')
    op.drop_table('status_count')
