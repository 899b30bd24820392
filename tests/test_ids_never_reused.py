"""Ids are never handed out twice (issue #12): on SQLite every integer key is AUTOINCREMENT
(migration 0012 rebuilds the tables, keeping their rows and their children's), on PostgreSQL
every id comes from a sequence, which never goes back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from tests.conftest import PG_URL
from tracker import schema
from tracker.db import Base, UTCDateTime, create_engine

AT = datetime(2024, 4, 1, 8, 0, tzinfo=UTC)
KEYED = sorted(t.name for t in Base.metadata.sorted_tables
               if [c.name for c in t.primary_key.columns] == ["id"])
# Tables later revisions create (they are checked at head below, with the others).
MADE_AFTER_0012 = {"erasure", "talent_pool_consent", "service_heartbeat",  # 0016, 0017, 0021: #13
                   "hr_visit", "message_template", "application_message",  # 0023, 0024: #14
                   "job"}  # 0027: #16


@pytest.fixture
def sqlite_engine(tmp_path) -> Iterator[sa.Engine]:  # noqa: ANN001
    engine = create_engine(f"sqlite:///{tmp_path / 'ids.db'}")
    yield engine
    engine.dispose()


def table(name: str, *columns: str, instants: tuple[str, ...] = ()) -> sa.TableClause:
    return sa.table(name, *(sa.column(c) for c in columns),
                    *(sa.column(c, UTCDateTime()) for c in instants))


USER = table("user_account", "id", "email", "full_name", "role", "locale", "is_active",
             instants=("created_at", "updated_at"))
PROFILE = table("candidate_profile", "id", "user_id", instants=("created_at", "updated_at"))
LANGUAGE = table("candidate_language", "id", "profile_id", "language", "level", "is_native",
                 "position")
TOKEN = table("api_token", "id", "user_id", "name", "token_hash", "prefix",
              instants=("created_at",))


AUDIT = sa.table("audit_log", sa.column("action"), sa.column("entity_type"),
                 sa.column("entity_id"), sa.column("details", sa.JSON()),
                 sa.column("at", UTCDateTime()))


def add_people(connection: sa.Connection, *ids: int) -> None:
    for number in ids:
        connection.execute(USER.insert().values(
            id=number, email=f"p{number}@example.org", full_name=f"P{number}",
            role="candidate", locale="fr", is_active=True, created_at=AT, updated_at=AT))
        connection.execute(PROFILE.insert().values(id=number, user_id=number, created_at=AT,
                                                   updated_at=AT))
        connection.execute(LANGUAGE.insert().values(id=number, profile_id=number,
                                                    language="en", level="B2",
                                                    is_native=False, position=0))
        connection.execute(TOKEN.insert().values(
            id=number, user_id=number, name="script", token_hash=f"{number:064d}",
            prefix="trk_x", created_at=AT))


def counts(connection: sa.Connection) -> dict[str, int]:
    return {name: connection.scalar(sa.text(f"SELECT count(*) FROM {name}")) or 0
            for name in ("user_account", "candidate_profile", "candidate_language", "api_token")}


@pytest.mark.skipif(bool(PG_URL), reason="SQLite's AUTOINCREMENT")
def test_0012_makes_every_key_autoincrement_and_keeps_every_row(sqlite_engine) -> None:  # noqa: ANN001
    schema.upgrade(sqlite_engine, "0011")
    with sqlite_engine.begin() as connection:
        add_people(connection, 1, 2, 3, 4)
        connection.execute(AUDIT.insert().values(
            at=AT, action="user.delete", entity_type="user_account", entity_id=4, details={}))
        connection.execute(sa.text("DELETE FROM user_account WHERE id IN (3, 4)"))  # cascades
        assert counts(connection) == dict.fromkeys(counts(connection), 2)
    schema.upgrade(sqlite_engine, "0012")
    with sqlite_engine.begin() as connection:
        # the rebuild kept the rows, and dropping the old tables cascaded to no child
        assert counts(connection) == dict.fromkeys(counts(connection), 2)
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        created = dict(connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall())
    keyed_then = [name for name in KEYED if name not in MADE_AFTER_0012]
    assert set(keyed_then) <= set(created)
    assert [name for name in keyed_then if "AUTOINCREMENT" not in created[name]] == []
    schema.upgrade(sqlite_engine)  # the later revisions keep the keys; the models are at head
    with sqlite_engine.connect() as connection:
        at_head = dict(connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall())
    assert [name for name in KEYED if "AUTOINCREMENT" not in at_head[name]] == []
    assert schema.drift(sqlite_engine) == []
    schema.downgrade(sqlite_engine, "0012")
    with sqlite_engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM user_account WHERE id = 2"))
        connection.execute(USER.insert().values(
            email="new@example.org", full_name="New", role="candidate", locale="fr",
            is_active=True, created_at=AT, updated_at=AT))
        newest = connection.scalar(sa.text(
            "SELECT id FROM user_account WHERE email = 'new@example.org'"))
    # neither 2, the row just deleted, nor 4, an erased account's (the audit trail knew it);
    # 3 went unaudited before the upgrade, and SQLite had no way to remember it
    assert newest == 5
    schema.downgrade(sqlite_engine, "0011")
    with sqlite_engine.connect() as connection:
        assert counts(connection)["candidate_language"] == 1
        assert "AUTOINCREMENT" not in connection.scalar(sa.text(
            "SELECT sql FROM sqlite_master WHERE name = 'user_account'"))


def test_every_id_has_a_generator_that_never_goes_back(engine) -> None:  # noqa: ANN001
    """SQLite: AUTOINCREMENT on each table; PostgreSQL: a sequence (SERIAL or identity)."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            plain = [name for name in KEYED if "AUTOINCREMENT" not in connection.scalar(
                sa.text("SELECT sql FROM sqlite_master WHERE name = :n"), {"n": name})]
        else:
            rows = connection.execute(sa.text(
                "SELECT table_name, column_default, is_identity FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND column_name = 'id'")).all()
            backed = {name for name, default, identity in rows
                      if identity == "YES" or (default or "").startswith("nextval(")}
            plain = [name for name in KEYED if name not in backed]
    assert plain == []


def test_a_deleted_rows_id_is_not_given_again(session, clock) -> None:  # noqa: ANN001
    from tracker.domain.access import OPERATOR
    from tracker.models import Organisation
    from tracker.services.accounts import organisations

    first = organisations.create_organisation(session, slug="gone", name="Gone", clock=clock,
                                              actor=OPERATOR)
    gone = first.id
    session.delete(first)
    session.flush()
    again = organisations.create_organisation(session, slug="new", name="New", clock=clock,
                                              actor=OPERATOR)
    assert again.id > gone and session.get(Organisation, gone) is None
