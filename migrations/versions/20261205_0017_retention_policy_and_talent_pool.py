"""retention policy per organisation, talent-pool consent, privacy notices (issue #13)

Each organisation gets its retention periods (applications anonymised 24 months after their
posting closed, candidates' unused accounts deleted after 36 months without log-in, consent to
the talent pool held 24 months) and its privacy notice in French and English. An account records
its last log-in and when retention warned it; an application when it was anonymised, and the
check that it names somebody admits an anonymised one. A `talent_pool_consent` row per
candidate and organisation records the consent, its date and its revocation.
SQLite: the application table is rebuilt for its check (batch mode, AUTOINCREMENT kept, foreign
keys off around it, as 0015 does).

Revision ID: 0017
Revises: 0015
Kind: schema
Create Date: 2026-12-05 00:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0017'
down_revision: str | Sequence[str] | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMES_SOMEBODY = 'candidate_id IS NOT NULL OR applicant_name IS NOT NULL'
ANONYMISED = NAMES_SOMEBODY + ' OR anonymised_at IS NOT NULL'


def _sqlite_foreign_keys(on: bool) -> None:
    """SQLite: the batch rebuild drops the old application table, which would cascade to the
    rows that reference it while foreign keys are enforced. The pragma only changes outside a
    transaction; the rows are checked before enforcement resumes (as 0015 does)."""
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        return
    if on:
        broken = bind.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"foreign keys broken by the migration: {broken[:5]}")
    bind.exec_driver_sql("COMMIT")
    bind.exec_driver_sql(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")
    bind.exec_driver_sql("BEGIN")


def _application_check(check: str) -> None:
    _sqlite_foreign_keys(False)
    with op.batch_alter_table('application', schema=None,
                              table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        batch_op.drop_constraint(op.f('ck_application_candidate_or_applicant'), type_='check')
        batch_op.create_check_constraint('candidate_or_applicant', check)
    _sqlite_foreign_keys(True)


def upgrade() -> None:
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('retention_applications_months', sa.Integer(),
                                      server_default='24', nullable=False))
        batch_op.add_column(sa.Column('retention_accounts_months', sa.Integer(),
                                      server_default='36', nullable=False))
        batch_op.add_column(sa.Column('talent_pool_months', sa.Integer(),
                                      server_default='24', nullable=False))
        batch_op.add_column(sa.Column('privacy_notice_fr', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('privacy_notice_en', sa.Text(), nullable=True))
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_login_at', sa.DateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column('retention_warned_at', sa.DateTime(timezone=True),
                                      nullable=True))
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.add_column(sa.Column('anonymised_at', sa.DateTime(timezone=True),
                                      nullable=True))
    _application_check(ANONYMISED)
    op.create_table('talent_pool_consent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('given_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_talent_pool_consent_organisation_id_organisation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_talent_pool_consent_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_talent_pool_consent')),
    sa.UniqueConstraint('user_id', 'organisation_id', name=op.f('uq_talent_pool_consent_user_id_organisation_id')),
    sqlite_autoincrement=True,
    )
    with op.batch_alter_table('talent_pool_consent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_talent_pool_consent_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_talent_pool_consent_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    # Anonymised applications name nobody: the older check refuses them, so they go.
    op.execute("DELETE FROM application WHERE candidate_id IS NULL AND applicant_name IS NULL")
    with op.batch_alter_table('talent_pool_consent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_talent_pool_consent_user_id'))
        batch_op.drop_index(batch_op.f('ix_talent_pool_consent_organisation_id'))
    op.drop_table('talent_pool_consent')
    _application_check(NAMES_SOMEBODY)
    # Dropping a column rebuilds the table on SQLite: foreign keys off around it.
    _sqlite_foreign_keys(False)
    kwargs = {'sqlite_autoincrement': True}
    with op.batch_alter_table('application', schema=None, table_kwargs=kwargs) as batch_op:
        batch_op.drop_column('anonymised_at')
    with op.batch_alter_table('user_account', schema=None, table_kwargs=kwargs) as batch_op:
        batch_op.drop_column('retention_warned_at')
        batch_op.drop_column('last_login_at')
    with op.batch_alter_table('organisation', schema=None, table_kwargs=kwargs) as batch_op:
        batch_op.drop_column('privacy_notice_en')
        batch_op.drop_column('privacy_notice_fr')
        batch_op.drop_column('talent_pool_months')
        batch_op.drop_column('retention_accounts_months')
        batch_op.drop_column('retention_applications_months')
    _sqlite_foreign_keys(True)
