"""SQLite: a unit of work that will write takes the write lock when it begins, so two writers
(the web pages and the in-process reminder dispatcher, say) wait for each other instead of one
failing half-way with "database is locked"."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from tracker.db import create_engine, make_session_factory, unit_of_work


@pytest.fixture
def two_factories(tmp_path: Path):  # noqa: ANN201
    url = f"sqlite:///{tmp_path / 'writes.db'}"
    engines = [create_engine(url), create_engine(url)]
    with engines[0].begin() as connection:
        connection.exec_driver_sql("CREATE TABLE t (x INTEGER)")
    yield [make_session_factory(e) for e in engines]
    for engine in engines:
        engine.dispose()


def _read_then_write_while_another_writes(factories, write: bool) -> list[str]:
    first, second = factories
    events: list[str] = []

    def other() -> None:
        with unit_of_work(second, write=True) as session:
            session.execute(sa.text("INSERT INTO t VALUES (2)"))
        events.append("other committed")

    with unit_of_work(first, write=write) as session:
        session.execute(sa.text("SELECT count(*) FROM t")).scalar()
        thread = threading.Thread(target=other)
        thread.start()
        thread.join(timeout=0.5)  # with write=True the other writer is still waiting here
        session.execute(sa.text("INSERT INTO t VALUES (3)"))
        events.append("first wrote")
    thread.join()
    return events


def test_a_writing_unit_of_work_makes_the_other_writer_wait(two_factories):
    assert _read_then_write_while_another_writes(two_factories, write=True) == [
        "first wrote", "other committed"]
    with unit_of_work(two_factories[0]) as session:
        assert session.execute(sa.text("SELECT count(*) FROM t")).scalar() == 2


def test_a_deferred_one_that_read_first_fails_when_another_wrote_meanwhile(two_factories):
    """Why `write` exists: SQLite refuses at once (no busy wait) to upgrade a read transaction
    whose snapshot another writer has made stale."""
    with pytest.raises(sa.exc.OperationalError, match="database is locked"):
        _read_then_write_while_another_writes(two_factories, write=False)
