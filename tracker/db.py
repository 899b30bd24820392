"""Engine, sessions, the declarative Base and the column types every model shares."""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from tracker.defaults import SQLITE_BUSY_TIMEOUT_MS, default_data_dir, embedded_database_url

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Every table's integer primary key is AUTOINCREMENT on SQLite: without it SQLite hands
    out again the largest id of a deleted row, so a new account could take a deleted one's id
    (and whatever still names it). PostgreSQL's identity sequences never go back."""

    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        table = cls.__dict__.get("__table__")
        if isinstance(table, sa.Table):
            table.dialect_kwargs["sqlite_autoincrement"] = True


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """An instant: stored as UTC, always returned timezone-aware, naive values refused."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r} refused: instants must be timezone-aware")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    """The default clock of every service."""
    return datetime.now(UTC)


def enum_type(enum_cls: type[enum.Enum], name: str) -> sa.Enum:
    """A string column holding the enum's values, with a named CHECK constraint on every backend."""
    return sa.Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        length=max(len(m.value) for m in enum_cls),
        values_callable=lambda members: [m.value for m in members],
    )


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    """WAL, foreign keys, busy timeout, and transactions SQLAlchemy fully controls.

    pysqlite's own implicit BEGIN breaks SAVEPOINT and transactional DDL; the documented remedy
    is to switch it off and emit BEGIN ourselves.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        # Deleted rows are overwritten with zeros, not left in free pages of the file: an
        # erasure (tracker.services.privacy.erase) leaves nothing of the person in it.
        cursor.execute("PRAGMA secure_delete = ON")
        if dbapi_connection.execute("PRAGMA database_list").fetchone()[2]:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        # A transaction that will write takes the write lock at once: a deferred one that read
        # first would fail (SQLITE_BUSY, no wait) if another writer committed in between.
        immediate = connection.get_execution_options().get(WRITE_OPTION)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


# The settings (TRACKER_*) a database needs, read without pydantic when the full settings would
# surely accept the environment (issue #16: pydantic and pydantic-settings are a sixth of a
# command's start). Any TRACKER_* variable not named here may be a setting that can be refused
# (a number, a flag, a time zone): then the full settings are read, validated and their errors
# raised as always. Those named here are text settings that take any value (checked by
# tests/cli/test_cli_startup.py against tracker.config.Settings), and the command line's own
# variables, which are no settings.
_FREE_TEXT_SETTINGS = frozenset({
    "data_dir", "database_url", "reports_dir", "secret_key", "smtp_host", "smtp_user",
    "smtp_password", "smtp_sender", "public_url"})
NOT_SETTINGS = frozenset({"lang", "as"})  # TRACKER_LANG, TRACKER_AS


@dataclass(frozen=True)
class DatabaseSettings:
    url: str  # the configured URL, or the embedded SQLite file in the data folder
    embedded: bool  # no TRACKER_DATABASE_URL: the embedded SQLite default
    sqlite_busy_timeout_ms: int


def database_settings() -> DatabaseSettings:
    """The database's settings: from tracker.config's settings once they are loaded, or when the
    environment holds a setting that could be refused; else from the environment alone."""
    if "tracker.config" not in sys.modules:
        found = settings_from_environment()
        if found is not None:
            return found
    from tracker.config import get_settings

    settings = get_settings()
    return DatabaseSettings(settings.effective_database_url, not settings.database_url,
                            settings.sqlite_busy_timeout_ms)


def settings_from_environment() -> DatabaseSettings | None:
    """The database's settings read as tracker.config reads them (TRACKER_ and the field's name,
    in any case; the same defaults), or None when a TRACKER_* variable may be refused (or is
    given twice, in two cases): then only the full settings can say."""
    given = [(key.lower()[8:], value) for key, value in os.environ.items()
             if key.lower().startswith("tracker_") and key.lower()[8:] not in NOT_SETTINGS]
    found = dict(given)
    if len(found) != len(given) or not found.keys() <= _FREE_TEXT_SETTINGS:
        return None
    if found.get("database_url"):
        return DatabaseSettings(found["database_url"], False, SQLITE_BUSY_TIMEOUT_MS)
    data_dir = Path(found["data_dir"]) if "data_dir" in found else default_data_dir()
    return DatabaseSettings(embedded_database_url(data_dir), True, SQLITE_BUSY_TIMEOUT_MS)


def create_engine(url: str | None = None, **kwargs: Any) -> Engine:
    """An engine for `url` (default: the configured database), SQLite set up as the design says."""
    settings = database_settings()
    url = url or settings.url
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, **kwargs)
        _configure_sqlite(engine, settings.sqlite_busy_timeout_ms)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return sa.create_engine(url, **kwargs)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


WRITE_OPTION = "tracker_writes"


@contextmanager
def unit_of_work(factory: sessionmaker[Session], *, write: bool = False) -> Iterator[Session]:
    """One transaction: committed if the block succeeds, rolled back whole if it raises.

    `write`: the transaction is meant to write, so on SQLite it begins IMMEDIATE (it waits for
    the write lock up to the busy timeout instead of failing half-way when several processes or
    threads write, e.g. the web pages and the in-process reminder dispatcher)."""
    session = factory()
    if write and isinstance(session.get_bind(), Engine):  # tests bind sessions to a Connection
        session.connection(execution_options={WRITE_OPTION: True})
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
