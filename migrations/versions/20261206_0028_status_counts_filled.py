"""the status counts filled from the applications there are (issue #16 item 4)

0028a made `status_count`; here each organisation's applications are counted once, by status
(not deleted, on a posting of the organisation not deleted), as tracker.models.upkeep.recount
does. From then on the flush hook moves them. Fit scores need nothing: no row means stale, and
a page computes and stores them when it first shows them. Going back there is nothing to undo
(0028a drops the table).

Revision ID: 0028
Revises: 0028a
Kind: data
Create Date: 2026-12-06 05:00:00+00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0028'
down_revision: str | Sequence[str] | None = '0028a'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(sa.text(
        "INSERT INTO status_count (organisation_id, status, number) "
        "SELECT posting.organisation_id, application.status, count(*) FROM application "
        "JOIN posting ON posting.id = application.posting_id "
        "WHERE application.deleted_at IS NULL AND posting.deleted_at IS NULL "
        "AND posting.organisation_id IS NOT NULL "
        "GROUP BY posting.organisation_id, application.status"))


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM status_count"))
