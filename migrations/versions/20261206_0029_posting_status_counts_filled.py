"""each posting's status counts filled from the applications there are (issue #16 item 4)

0029a made `posting_status_count`; here each posting's applications are counted once, by status
(not deleted, drafts too), as tracker.models.upkeep.recount_postings does. From then on the
flush hook moves them. Going back there is nothing to undo (0029a drops the table).

Revision ID: 0029
Revises: 0029a
Kind: data
Create Date: 2026-12-06 15:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0029'
down_revision: str | Sequence[str] | None = '0029a'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(sa.text(
        "INSERT INTO posting_status_count (posting_id, status, number) "
        "SELECT application.posting_id, application.status, count(*) FROM application "
        "WHERE application.deleted_at IS NULL "
        "GROUP BY application.posting_id, application.status"))


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM posting_status_count"))
