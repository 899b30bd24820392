"""Places to back up from and restore into: a data folder and a database of their own (an
SQLite file in the folder, or a scratch PostgreSQL database), and the `tracker` command run
there as an operator would, outside the per-test transaction of the other tests."""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner, Result

from tests.conftest import PG_URL, Clock, scratch_postgresql
from tracker.cli import main
from tracker.cli.context import AppContext
from tracker.config import Settings
from tracker.db import create_engine, make_session_factory
from tracker.models import Document


@dataclass
class Place:
    root: Path
    engine: sa.Engine
    settings: Settings
    clock: Clock

    @property
    def data_dir(self) -> Path:
        return self.settings.data_dir

    def cli(self, args: str) -> Result:
        app = AppContext(session_factory=make_session_factory(self.engine), clock=self.clock,
                         given_settings=self.settings)
        return CliRunner().invoke(main, shlex.split(args), obj=app, catch_exceptions=False)

    def run(self, args: str) -> str:
        result = self.cli(args)
        assert result.exit_code == 0, (result.stdout, result.stderr)
        return result.stdout

    def documents(self) -> dict[int, bytes]:
        with self.engine.connect() as connection:
            return {row.id: bytes(row.content)
                    for row in connection.execute(sa.select(Document.id, Document.content))}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def new_place(request: pytest.FixtureRequest, tmp_path: Path,
              clock: Clock) -> Iterator[Callable[[str], Place]]:
    """Makes empty places, on SQLite and (with TRACKER_TEST_DATABASE_URL) on PostgreSQL."""
    with ExitStack() as stack:

        def make(name: str) -> Place:
            root = tmp_path / name
            if request.param == "sqlite":
                settings = Settings(data_dir=root / "data", reports_dir=root / "reports",
                                    database_url=None)
                engine = create_engine(settings.effective_database_url)
            else:
                assert PG_URL
                engine = stack.enter_context(scratch_postgresql(PG_URL, "tracker_backup"))
                settings = Settings(data_dir=root / "data", reports_dir=root / "reports",
                                    database_url=engine.url.render_as_string(hide_password=False))
            stack.callback(engine.dispose)
            return Place(root, engine, settings, clock)

        yield make
