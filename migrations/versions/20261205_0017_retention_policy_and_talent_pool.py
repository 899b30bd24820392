"""retention policy per organisation, talent-pool consent, privacy notices (issue #13)

Each organisation gets its retention periods (applications anonymised 24 months after their
posting closed, candidates' unused accounts deleted after 36 months without log-in, consent to
the talent pool held 24 months) and its privacy notice in French and English. An account records
its last log-in and when retention warned it; an application when it was anonymised, and the
check that it names somebody admits an anonymised one. A `talent_pool_consent` row per
candidate and organisation records the consent, its date and its revocation.
SQLite: columns are added and dropped in place (ALTER TABLE), and the application table's check
is edited in its stored definition, as 0014 did, so no table is rebuilt.

Revision ID: 0017
Revises: 0016
Kind: schema
Create Date: 2026-12-05 00:00:00+00:00

"""
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0017'
down_revision: str | Sequence[str] | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMES_SOMEBODY = 'candidate_id IS NOT NULL OR applicant_name IS NOT NULL'
ANONYMISED = NAMES_SOMEBODY + ' OR anonymised_at IS NOT NULL'


def _sqlite_edit(change: Callable[[str], str]) -> None:
    """SQLite changes a CHECK only by building the table anew, and Alembic's batch mode then
    drops the old table, which with foreign keys on deletes every row referring to it. This
    change touches no stored row (a CHECK every row meets), so the table's definition is edited
    in place, SQLite's documented procedure for such changes (as 0014 does)."""
    bind = op.get_bind()
    sql = bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' "
                               "AND name = 'application'").scalar_one()
    new_sql = change(sql)
    assert new_sql != sql, 'the application table is not the one this revision expects'
    version = bind.exec_driver_sql('PRAGMA schema_version').scalar_one()
    bind.exec_driver_sql('PRAGMA writable_schema = ON')
    try:
        bind.exec_driver_sql("UPDATE sqlite_master SET sql = ? WHERE type = 'table' "
                             "AND name = 'application'", (new_sql,))
        bind.exec_driver_sql(f'PRAGMA schema_version = {int(version) + 1}')
    finally:
        bind.exec_driver_sql('PRAGMA writable_schema = OFF')
    problems = bind.exec_driver_sql('PRAGMA integrity_check').scalars().all()
    assert problems == ['ok'], problems


def _application_check(old: str, new: str) -> None:
    if op.get_bind().dialect.name == 'sqlite':
        _sqlite_edit(lambda sql: sql.replace(f'CHECK ({old})', f'CHECK ({new})', 1))
        return
    op.drop_constraint('candidate_or_applicant', 'application', type_='check')
    op.create_check_constraint('candidate_or_applicant', 'application', new)


def upgrade() -> None:
    # columns added with ALTER TABLE ... ADD COLUMN: no rebuild on SQLite
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
    _application_check(NAMES_SOMEBODY, ANONYMISED)
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
    # Fails while anonymised applications exist (they name nobody, which the older check
    # refuses): delete them first.
    with op.batch_alter_table('talent_pool_consent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_talent_pool_consent_user_id'))
        batch_op.drop_index(batch_op.f('ix_talent_pool_consent_organisation_id'))
    op.drop_table('talent_pool_consent')
    _application_check(ANONYMISED, NAMES_SOMEBODY)
    # ALTER TABLE ... DROP COLUMN: columns no index or constraint names, no rebuild on SQLite
    op.drop_column('application', 'anonymised_at')
    for column in ('retention_warned_at', 'last_login_at'):
        op.drop_column('user_account', column)
    for column in ('privacy_notice_en', 'privacy_notice_fr', 'talent_pool_months',
                   'retention_accounts_months', 'retention_applications_months'):
        op.drop_column('organisation', column)
