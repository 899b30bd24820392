"""reference data: the sections the transcription left out

The reference data gains what the sample documents say and was not kept: an occupation's
diplomas and ways in (occupation_pathway), a certification's prerequisites
(certification_prerequisite), job seekers against job offers by diploma, qualification and
experience (market_share), where a market figure comes from (market_figure.origin) and the
recruitment difficulty the page has no data for (a market_figure kind). 0011 marks the loaded
rows changed; going back, it deletes the figures of the new kind before the kind goes here.

Revision ID: 0011c
Revises: 0011b
Kind: schema
Create Date: 2026-12-01 21:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0011c'
down_revision: str | Sequence[str] | None = '0011b'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW_LEVELS = ('none', 'cap_bep', 'bac', 'bac+2', 'bac+3', 'bac+4', 'bac+5', 'bac+8')
OLD_FIGURES = ('salary_offers', 'salary_band', 'hires', 'job_seekers', 'job_offers',
               'access_rate', 'insertion_rate')
NEW_FIGURES = OLD_FIGURES + ('recruitment_difficulty',)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _figure_kinds(kinds: tuple[str, ...], old_length: int, new_length: int) -> None:
    with op.batch_alter_table('market_figure', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_market_figure_market_figure_kind'), type_='check')
        batch_op.alter_column('kind', existing_type=sa.String(length=old_length),
                              type_=sa.String(length=new_length), existing_nullable=False)
        batch_op.create_check_constraint('market_figure_kind', _in('kind', kinds))


def upgrade() -> None:
    op.create_table('certification_prerequisite',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('certification_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source_line', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['certification_id'], ['certification.id'], name=op.f('fk_certification_prerequisite_certification_id_certification'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certification_prerequisite'))
    )
    with op.batch_alter_table('certification_prerequisite', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certification_prerequisite_certification_id'), ['certification_id'], unique=False)

    op.create_table('market_share',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('certification_id', sa.Integer(), nullable=False),
    sa.Column('rome_code', sa.String(length=5), nullable=True),
    sa.Column('dimension', sa.String(length=20), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('seekers_percent', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('offers_percent', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('period_label', sa.String(length=80), nullable=True),
    sa.Column('period_start', sa.Date(), nullable=True),
    sa.Column('period_end', sa.Date(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source_line', sa.Integer(), nullable=True),
    sa.Column('seekers_line', sa.Integer(), nullable=True),
    sa.Column('offers_line', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['certification_id'], ['certification.id'], name=op.f('fk_market_share_certification_id_certification'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_market_share'))
    )
    with op.batch_alter_table('market_share', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_market_share_certification_id'), ['certification_id'], unique=False)

    op.create_table('occupation_pathway',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occupation_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('level', sa.String(length=40), nullable=True),
    sa.Column('education_level', sa.Enum(*NEW_LEVELS, name='education_level', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('ects_credits', sa.Integer(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source_line', sa.Integer(), nullable=True),
    sa.Column('level_line', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['occupation_id'], ['occupation.id'], name=op.f('fk_occupation_pathway_occupation_id_occupation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_occupation_pathway'))
    )
    with op.batch_alter_table('occupation_pathway', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_occupation_pathway_occupation_id'), ['occupation_id'], unique=False)

    with op.batch_alter_table('market_figure', schema=None) as batch_op:
        batch_op.add_column(sa.Column('origin', sa.String(length=200), nullable=True))
    _figure_kinds(NEW_FIGURES, max(map(len, OLD_FIGURES)), max(map(len, NEW_FIGURES)))


def downgrade() -> None:
    _figure_kinds(OLD_FIGURES, max(map(len, NEW_FIGURES)), max(map(len, OLD_FIGURES)))
    with op.batch_alter_table('market_figure', schema=None) as batch_op:
        batch_op.drop_column('origin')
    for table, parent in (('occupation_pathway', 'occupation'), ('market_share', 'certification'),
                          ('certification_prerequisite', 'certification')):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f'ix_{table}_{parent}_id'))
        op.drop_table(table)
