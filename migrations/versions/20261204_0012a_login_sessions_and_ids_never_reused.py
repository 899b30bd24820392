"""login sessions kept on the server; ids never handed out twice (issue #12)

The session cookie named a user id, and SQLite hands out again the largest id of a deleted row:
a deleted account's cookie opened the next account's pages. Now a log-in is a `login_session`
row (the SHA-256 of a random id the cookie carries, the account, when it started and was last
seen, the device, ended_at), and every table's integer primary key is AUTOINCREMENT on SQLite,
so an id is never reused. SQLite: each table is rebuilt (batch mode, recreate always) with
foreign keys off around it, else dropping the old table would cascade to or null its children.
PostgreSQL: the SERIAL sequences of the ids never go back, nothing to change there. The ids
of rows deleted before this rebuild are kept from reuse by 0012 (data).

Revision ID: 0012a
Revises: 0011
Kind: schema
Create Date: 2026-12-04 10:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0012a'
down_revision: str | Sequence[str] | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every table of revision 0011 with an integer `id` primary key, parents before children.
TABLES = (
    'certification', 'occupation', 'organisation', 'career_move', 'certification_block',
    'certification_job_title', 'certification_prerequisite', 'market_figure', 'market_share',
    'occupation_certification', 'occupation_pathway', 'occupation_salary', 'occupation_skill',
    'reminder_offsets', 'rome_code', 'user_account', 'api_token', 'audit_log',
    'calendar_feed_token', 'candidate_profile', 'posting', 'reminder', 'reminder_switch',
    'application', 'candidate_language', 'candidate_skill', 'notification', 'posting_source',
    'required_document', 'requirement', 'application_status_change', 'document', 'interview',
    'note', 'requirement_evidence', 'interview_panel_member',
)
# Partial indexes: SQLite's reflection loses their WHERE, so the rebuild makes them again.
PARTIAL_INDEXES = {
    'calendar_feed_token': [
        ('uq_calendar_feed_token_live_user', ['user_id'], 'revoked_at IS NULL', True),
    ],
}


def _sqlite_foreign_keys(on: bool) -> None:
    """SQLite: rebuilding a table drops the old one, which would cascade to or null the rows
    that reference it while foreign keys are enforced. The pragma only changes outside a
    transaction, so the migration's transaction is committed around it; the rows are checked
    before enforcement resumes."""
    bind = op.get_bind()
    if on:
        broken = bind.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"foreign keys broken by the migration: {broken[:5]}")
    bind.exec_driver_sql("COMMIT")
    bind.exec_driver_sql(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")
    bind.exec_driver_sql("BEGIN")


def _rebuild(autoincrement: bool) -> None:
    """Each table copied into a new one whose `id` is (or, going back, is not) AUTOINCREMENT."""
    if op.get_bind().dialect.name != 'sqlite':
        return
    _sqlite_foreign_keys(False)
    for table in TABLES:
        for name, _columns, _where, _unique in PARTIAL_INDEXES.get(table, []):
            op.drop_index(name, table_name=table)
        with op.batch_alter_table(table, recreate='always',
                                  table_kwargs={'sqlite_autoincrement': autoincrement}) as batch_op:
            if not autoincrement:  # an AUTOINCREMENT key is written inline, without its name
                batch_op.create_primary_key(op.f(f'pk_{table}'), ['id'])
        for name, columns, where, unique in PARTIAL_INDEXES.get(table, []):
            op.create_index(name, table, columns, unique=unique,
                            sqlite_where=sa.text(where), postgresql_where=sa.text(where))
    _sqlite_foreign_keys(True)


def upgrade() -> None:
    _rebuild(True)
    op.create_table('login_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('device', sa.String(length=200), nullable=True),
    sa.Column('ip', sa.String(length=45), nullable=True),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('length(token_hash) = 64', name=op.f('ck_login_session_token_hash_length')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_login_session_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_session')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_login_session_token_hash')),
    sqlite_autoincrement=True,
    )
    with op.batch_alter_table('login_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_session_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('login_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_session_user_id'))
    op.drop_table('login_session')
    _rebuild(False)
