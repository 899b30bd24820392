"""Migrations 0029a and 0029 (issue #16 item 4): each posting's status counts, made and filled
from the applications a database already holds, equal a fresh count; on SQLite and, with
TRACKER_TEST_DATABASE_URL, on PostgreSQL."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker import schema
from tracker.config import get_settings
from tracker.services.operations.demo import load_demo, prepare_documents


def _counts(connection: sa.Connection, statement: str) -> set[tuple[int, str, int]]:
    return {tuple(row) for row in connection.execute(sa.text(statement))}  # type: ignore[misc]


FRESH = ("SELECT posting_id, status, count(*) FROM application WHERE deleted_at IS NULL "
         "GROUP BY posting_id, status")
STORED = "SELECT posting_id, status, number FROM posting_status_count WHERE number <> 0"


def test_the_counts_are_made_from_the_applications_there_are(scratch_engine):  # noqa: ANN001
    schema.upgrade(scratch_engine)
    with Session(scratch_engine) as session:
        load_demo(session, settings=get_settings(),
                  documents=prepare_documents(settings=get_settings()))
        session.commit()
    schema.downgrade(scratch_engine, "0028")
    with scratch_engine.connect() as connection:
        assert "posting_status_count" not in sa.inspect(connection).get_table_names()
        fresh = _counts(connection, FRESH)
    assert fresh  # the demo has applications
    schema.upgrade(scratch_engine)
    with scratch_engine.connect() as connection:
        assert _counts(connection, STORED) == fresh
    assert schema.drift(scratch_engine) == []
