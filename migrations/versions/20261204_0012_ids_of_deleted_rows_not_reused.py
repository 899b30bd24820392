"""ids of rows deleted before 0012a not handed out again (issue #12)

SQLite: after the rebuild of 0012a, each table's AUTOINCREMENT counter starts from its largest
id still there, so the id of a row deleted earlier (say an erased account's) could still come
back once. The audit trail names every audited row it ever saw, deleted ones included: each
counter is raised to the largest id the audit trail knows for its table. PostgreSQL: the
sequences never went back, nothing to do. Going back: nothing to undo (a counter only skips).

Revision ID: 0012
Revises: 0012a
Kind: data
Create Date: 2026-12-04 10:05:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0012'
down_revision: str | Sequence[str] | None = '0012a'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The tables 0012a made AUTOINCREMENT (login_session is new: nothing of it was deleted).
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

RAISE = sa.text(
    "UPDATE sqlite_sequence SET seq = (SELECT max(entity_id) FROM audit_log"
    " WHERE entity_type = :t) WHERE name = :t AND seq < (SELECT max(entity_id) FROM audit_log"
    " WHERE entity_type = :t)")
SEED = sa.text(
    "INSERT INTO sqlite_sequence (name, seq) SELECT :t, max(entity_id) FROM audit_log"
    " WHERE entity_type = :t AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = :t)"
    " HAVING max(entity_id) IS NOT NULL")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        return
    for table in TABLES:
        bind.execute(RAISE, {'t': table})
        bind.execute(SEED, {'t': table})


def downgrade() -> None:
    pass
