"""Fixtures: a database built by the migrations (SQLite file, or PostgreSQL when
TRACKER_TEST_DATABASE_URL is set), one rolled-back transaction per test, a clock tests can move,
and the `tracker` CLI bound to the test's transaction."""

from __future__ import annotations

import os
import shlex
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner, Result
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from tracker import schema
from tracker.cli import main
from tracker.cli.context import AppContext
from tracker.config import get_settings
from tracker.db import create_engine
from tracker.domain.access import OPERATOR
from tracker.models import declare_all
from tracker.services.accounts import organisations, users
from tracker.services.hiring import applications, postings

# A command declares only the models it reaches (tracker/models/__init__.py); the tests, which
# read the whole metadata, run with every model declared.
declare_all()

PG_URL = os.environ.get("TRACKER_TEST_DATABASE_URL")


def pytest_report_header(config: pytest.Config) -> str:
    return f"tracker test database: {'PostgreSQL ' + PG_URL if PG_URL else 'SQLite file'}"


# The importers' tests that read text alone (no database fixture in their closure) give the same
# result whatever the database; .ci/run's PostgreSQL half leaves them to the SQLite half beside it.
_DATABASE_FIXTURES = {"engine", "scratch_engine"}


def _reads_text_only(item: pytest.Item) -> bool:
    return "importers" in item.path.parts and not _DATABASE_FIXTURES & set(
        getattr(item, "fixturenames", ()))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if PG_URL:
        if os.environ.get("TRACKER_TEST_DATABASE_ONLY") == "1":
            text_only = {item.nodeid for item in items if _reads_text_only(item)}
            config.hook.pytest_deselected(items=[i for i in items if i.nodeid in text_only])
            items[:] = [item for item in items if item.nodeid not in text_only]
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: set TRACKER_TEST_DATABASE_URL")
    for item in items:
        if "postgresql" in item.keywords:
            item.add_marker(skip)


@contextmanager
def scratch_postgresql(url: str, prefix: str = "tracker_test") -> Iterator[sa.Engine]:
    """A new, empty database on the server of `url`, dropped afterwards, so that concurrent test
    runs and the data of the named database are left alone. Without the right to create
    databases, the named database's public schema is emptied instead."""
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.ProgrammingError:
        admin.dispose()
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
            connection.exec_driver_sql("CREATE SCHEMA public")
        yield engine
        engine.dispose()
        return
    engine = create_engine(make_url(url).set(database=name).render_as_string(False))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def scratch_engine(tmp_path: Path) -> Iterator[sa.Engine]:
    """An empty database of the backend under test (PostgreSQL with TRACKER_TEST_DATABASE_URL,
    else a SQLite file), dropped afterwards: for tests that migrate from nothing."""
    if PG_URL:
        with scratch_postgresql(PG_URL, "tracker_scratch") as engine:
            yield engine
        return
    engine = create_engine(f"sqlite:///{tmp_path / 'scratch.db'}")
    yield engine
    engine.dispose()


# The app's password hasher (argon2 at the library's defaults, about 0.14 s a hash or a check by
# design). Tests run in this process with argon2 at its lowest cost, the same algorithm and hash
# format (a check reads the cost from the hash): thousands of log-ins and accounts made per run
# would otherwise spend minutes on it. Subprocesses (the CLI, servers) keep the defaults;
# tests/services/test_users.py checks the app's own parameters.
APP_HASHER = users._hasher


@pytest.fixture(autouse=True, scope="session")
def _cheap_password_hashes() -> Iterator[None]:
    from argon2 import PasswordHasher

    users._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    yield
    users._hasher = APP_HASHER


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sa.Engine]:
    if PG_URL:
        try:
            with sa.create_engine(PG_URL).connect():
                pass
        except sa.exc.OperationalError as exc:
            pytest.exit(f"TRACKER_TEST_DATABASE_URL is set but unreachable: {exc.orig}", 3)
        with scratch_postgresql(PG_URL) as engine:
            schema.upgrade(engine)
            yield engine
        return
    path = tmp_path_factory.mktemp("db") / "test.db"
    engine = create_engine(f"sqlite:///{path}")
    schema.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def connection(engine: sa.Engine) -> Iterator[sa.Connection]:
    """One transaction per test, rolled back at the end whatever the code under test commits."""
    with engine.connect() as connection:
        transaction = connection.begin()
        yield connection
        transaction.rollback()


@pytest.fixture
def session_factory(connection: sa.Connection) -> sessionmaker[Session]:
    return sessionmaker(bind=connection, join_transaction_mode="create_savepoint",
                        expire_on_commit=False)


@pytest.fixture
def session(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    with session_factory() as session:
        yield session


@dataclass
class Clock:
    """A clock tests set and move; services call it like utcnow."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture(autouse=True)
def reports_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Dossiers written by default paths land in the test's own folder, never in reports/."""
    from tracker.config import get_settings

    monkeypatch.setattr(get_settings(), "reports_dir", tmp_path / "reports")
    return tmp_path / "reports"


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2024, 4, 15, 8, 0, tzinfo=UTC))


@dataclass
class Cli:
    factory: sessionmaker[Session]
    clock: Clock

    def __call__(self, args: str | list[str], input: str | None = None) -> Result:
        argv = shlex.split(args) if isinstance(args, str) else args
        app = AppContext(session_factory=self.factory, clock=self.clock, _schema_checked=True)
        return CliRunner().invoke(main, argv, obj=app, input=input, catch_exceptions=False)


@pytest.fixture
def cli(session_factory: sessionmaker[Session], clock: Clock) -> Cli:
    return Cli(session_factory, clock)


@pytest.fixture
def ujm(session: Session, clock: Clock):  # noqa: ANN201
    return organisations.create_organisation(
        session, slug="ujm", name="Université Jean Monnet", clock=clock,
        actor=OPERATOR,
    )


@pytest.fixture
def hr(session: Session, ujm, clock: Clock):  # noqa: ANN001, ANN201
    return users.create_user(session, email="rh@univ-st-etienne.fr", full_name="Claire Dubois",
                             role="hr", organisation="ujm", clock=clock, actor=OPERATOR)


@pytest.fixture
def candidate(session: Session, clock: Clock):  # noqa: ANN201
    return users.create_user(session, email="camille@example.org", full_name="Camille Martin",
                             role="candidate", clock=clock, actor=OPERATOR)


POSTING = {
    "reference": "UJM-TEST-1",
    "title": "Chargé de coopération internationale",
    "organisation": "ujm",
    "employment_type": "fixed_term",
    "duration_months": 6,
    "working_time_percent": 100,
    "date_posted": "2024-04-15",
    "valid_through_date": "2024-05-13",
    "job_start_date": "2024-06-03",
    "apply_method": "email",
    "apply_email": "recrutementsujm@univ-st-etienne.fr",
    "requirements": [
        {"kind": "language", "label": "Anglais", "level": "B2"},
        {"kind": "education", "label": "Bac + 5", "level": "Bac+5"},
    ],
}


@pytest.fixture
def posting(session: Session, hr, clock: Clock):  # noqa: ANN001, ANN201
    """An open posting of the UJM: deadline 13 May 2024 (Europe/Paris), today 15 April 2024."""
    created = postings.create_posting(session, dict(POSTING), actor=hr, clock=clock, settings=get_settings())
    postings.set_status(session, created, "open", actor=hr, clock=clock)
    return created


SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture
def application(session: Session, posting, candidate, clock: Clock):  # noqa: ANN001, ANN201
    """A draft application of the candidate to the open posting."""
    app = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    session.flush()
    return app
