"""occupation and certification reference data (issue #7)

The tables only: no row is written here, `tracker reference load` fills them.

Revision ID: 0004
Revises: 0003
Kind: schema
Create Date: 2026-11-25 11:32:26.601991+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0004'
down_revision: str | Sequence[str] | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sqlite_foreign_keys(on: bool) -> None:
    """SQLite: adding or dropping a foreign key copies the table (batch mode), and dropping the
    old `posting` would cascade to or fail on the rows that reference it while foreign keys are
    enforced. The pragma only changes outside a transaction, so the migration's transaction is
    committed around it; the rows are checked before enforcement resumes."""
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


def upgrade() -> None:
    op.create_table('certification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('entry_level', sa.Integer(), nullable=True),
    sa.Column('registered_until', sa.Date(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('data_file', sa.String(length=300), nullable=False),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('loaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certification')),
    sa.UniqueConstraint('code', name=op.f('uq_certification_code'))
    )
    op.create_table('occupation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('source_line', sa.Integer(), nullable=True),
    sa.Column('data_file', sa.String(length=300), nullable=False),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('loaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_occupation')),
    sa.UniqueConstraint('slug', name=op.f('uq_occupation_slug'))
    )
    op.create_table('career_move',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occupation_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source_line', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['occupation_id'], ['occupation.id'], name=op.f('fk_career_move_occupation_id_occupation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_career_move'))
    )
    with op.batch_alter_table('career_move', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_career_move_occupation_id'), ['occupation_id'], unique=False)

    op.create_table('certification_block',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('certification_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('is_optional', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source_line', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['certification_id'], ['certification.id'], name=op.f('fk_certification_block_certification_id_certification'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certification_block'))
    )
    with op.batch_alter_table('certification_block', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certification_block_certification_id'), ['certification_id'], unique=False)

    op.create_table('certification_job_title',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('certification_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source_line', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['certification_id'], ['certification.id'], name=op.f('fk_certification_job_title_certification_id_certification'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certification_job_title'))
    )
    with op.batch_alter_table('certification_job_title', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certification_job_title_certification_id'), ['certification_id'], unique=False)

    op.create_table('market_figure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('certification_id', sa.Integer(), nullable=False),
    sa.Column('rome_code', sa.String(length=5), nullable=True),
    sa.Column('kind', sa.Enum('salary_offers', 'salary_band', 'hires', 'job_seekers', 'job_offers', 'access_rate', 'insertion_rate', name='market_figure_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('amount_min', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('amount_max', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('pay_period', sa.Enum('hour', 'day', 'week', 'month', 'year', name='pay_period', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('basis', sa.Enum('gross', 'net', 'unstated', name='pay_basis', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('percent', sa.Numeric(precision=6, scale=2), nullable=True),
    sa.Column('count', sa.Integer(), nullable=True),
    sa.Column('period_label', sa.String(length=80), nullable=True),
    sa.Column('period_start', sa.Date(), nullable=True),
    sa.Column('period_end', sa.Date(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source_line', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['certification_id'], ['certification.id'], name=op.f('fk_market_figure_certification_id_certification'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_market_figure'))
    )
    with op.batch_alter_table('market_figure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_market_figure_certification_id'), ['certification_id'], unique=False)

    op.create_table('occupation_certification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occupation_id', sa.Integer(), nullable=False),
    sa.Column('certification_id', sa.Integer(), nullable=False),
    sa.Column('basis', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=300), nullable=True),
    sa.Column('source_line', sa.Integer(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['certification_id'], ['certification.id'], name=op.f('fk_occupation_certification_certification_id_certification'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['occupation_id'], ['occupation.id'], name=op.f('fk_occupation_certification_occupation_id_occupation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_occupation_certification')),
    sa.UniqueConstraint('occupation_id', 'certification_id', name=op.f('uq_occupation_certification_occupation_id_certification_id'))
    )
    with op.batch_alter_table('occupation_certification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_occupation_certification_certification_id'), ['certification_id'], unique=False)

    op.create_table('occupation_salary',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occupation_id', sa.Integer(), nullable=False),
    sa.Column('band', sa.String(length=40), nullable=False),
    sa.Column('experience', sa.String(length=200), nullable=False),
    sa.Column('years_min', sa.Integer(), nullable=True),
    sa.Column('years_max', sa.Integer(), nullable=True),
    sa.Column('amount_min', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('amount_max', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('period', sa.Enum('hour', 'day', 'week', 'month', 'year', name='salary_period', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('period_stated', sa.Boolean(), nullable=False),
    sa.Column('basis', sa.Enum('gross', 'net', 'unstated', name='pay_basis', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source_line', sa.Integer(), nullable=True),
    sa.CheckConstraint('amount_min IS NULL OR amount_max IS NULL OR amount_min <= amount_max', name=op.f('ck_occupation_salary_min_not_above_max')),
    sa.ForeignKeyConstraint(['occupation_id'], ['occupation.id'], name=op.f('fk_occupation_salary_occupation_id_occupation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_occupation_salary'))
    )
    with op.batch_alter_table('occupation_salary', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_occupation_salary_occupation_id'), ['occupation_id'], unique=False)

    op.create_table('occupation_skill',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occupation_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('hard', 'soft', 'know_how', 'tool', name='skill_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('label', sa.String(length=300), nullable=False),
    sa.Column('weight', sa.Integer(), nullable=True),
    sa.Column('keywords', sa.String(length=500), nullable=True),
    sa.Column('family', sa.String(length=200), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source_line', sa.Integer(), nullable=True),
    sa.CheckConstraint('weight IS NULL OR weight BETWEEN 0 AND 100', name=op.f('ck_occupation_skill_weight_range')),
    sa.ForeignKeyConstraint(['occupation_id'], ['occupation.id'], name=op.f('fk_occupation_skill_occupation_id_occupation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_occupation_skill')),
    sa.UniqueConstraint('occupation_id', 'kind', 'label', name=op.f('uq_occupation_skill_occupation_id_kind_label'))
    )
    with op.batch_alter_table('occupation_skill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_occupation_skill_occupation_id'), ['occupation_id'], unique=False)

    op.create_table('rome_code',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('certification_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=5), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source_line', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['certification_id'], ['certification.id'], name=op.f('fk_rome_code_certification_id_certification'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rome_code')),
    sa.UniqueConstraint('certification_id', 'code', name=op.f('uq_rome_code_certification_id_code'))
    )
    _sqlite_foreign_keys(False)
    with op.batch_alter_table('posting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('occupation_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('certification_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_posting_certification_id'), ['certification_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_posting_occupation_id'), ['occupation_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_posting_occupation_id_occupation'), 'occupation', ['occupation_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_posting_certification_id_certification'), 'certification', ['certification_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('requirement', schema=None) as batch_op:
        batch_op.add_column(sa.Column('occupation_skill_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_requirement_occupation_skill_id'), ['occupation_skill_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_requirement_occupation_skill_id_occupation_skill'), 'occupation_skill', ['occupation_skill_id'], ['id'], ondelete='SET NULL')
    _sqlite_foreign_keys(True)



def downgrade() -> None:
    _sqlite_foreign_keys(False)
    with op.batch_alter_table('requirement', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_requirement_occupation_skill_id_occupation_skill'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_requirement_occupation_skill_id'))
        batch_op.drop_column('occupation_skill_id')

    with op.batch_alter_table('posting', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_posting_certification_id_certification'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_posting_occupation_id_occupation'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_posting_occupation_id'))
        batch_op.drop_index(batch_op.f('ix_posting_certification_id'))
        batch_op.drop_column('certification_id')
        batch_op.drop_column('occupation_id')
    _sqlite_foreign_keys(True)

    op.drop_table('rome_code')
    with op.batch_alter_table('occupation_skill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_occupation_skill_occupation_id'))

    op.drop_table('occupation_skill')
    with op.batch_alter_table('occupation_salary', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_occupation_salary_occupation_id'))

    op.drop_table('occupation_salary')
    with op.batch_alter_table('occupation_certification', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_occupation_certification_certification_id'))

    op.drop_table('occupation_certification')
    with op.batch_alter_table('market_figure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_market_figure_certification_id'))

    op.drop_table('market_figure')
    with op.batch_alter_table('certification_job_title', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certification_job_title_certification_id'))

    op.drop_table('certification_job_title')
    with op.batch_alter_table('certification_block', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certification_block_certification_id'))

    op.drop_table('certification_block')
    with op.batch_alter_table('career_move', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_career_move_occupation_id'))

    op.drop_table('career_move')
    op.drop_table('occupation')
    op.drop_table('certification')
