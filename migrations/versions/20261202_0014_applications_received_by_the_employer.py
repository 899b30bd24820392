"""application: an application the employer received by post or e-mail, linked to no account

A candidate's data reaches an employer only by the candidate's act. An application the employer
records itself carries the person's name and address as they gave them (applicant_name,
applicant_email) and no candidate account: candidate_id may be empty, for those alone. Going
back needs such rows gone first (they have no account to point at): the downgrade refuses
while any is left.

Revision ID: 0014
Revises: 0011
Kind: schema
Create Date: 2026-12-02 10:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0014'
down_revision: str | Sequence[str] | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.add_column(sa.Column('applicant_name', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('applicant_email', sa.String(length=254), nullable=True))
        batch_op.alter_column('candidate_id', existing_type=sa.Integer(), nullable=True)
        batch_op.create_check_constraint(
            'candidate_or_applicant',
            'candidate_id IS NOT NULL OR applicant_name IS NOT NULL')


def downgrade() -> None:
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_constraint('candidate_or_applicant', type_='check')
        batch_op.alter_column('candidate_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('applicant_email')
        batch_op.drop_column('applicant_name')
