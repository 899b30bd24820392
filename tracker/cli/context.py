"""What every command shares: the database, the clock, the acting user, error handling."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

import click

# The commands' heavy modules (SQLAlchemy, the settings, the services, Alembic) are imported
# when a command opens the database, not when `tracker --help` starts (issue #16 item 6).
if TYPE_CHECKING:
    import sqlalchemy as sa
    from sqlalchemy.orm import Session, sessionmaker

    from tracker.config import Settings
    from tracker.domain.access import Actor


def utcnow() -> datetime:
    from tracker.db import utcnow

    return utcnow()


class UserError(click.ClickException):
    """One line on stderr, exit status 1, no traceback."""

    def format_message(self) -> str:
        return self.message

    def show(self, file: Any = None) -> None:
        # click.ClickException.show prefixes "Error: ", which doubled our "error: " prefix
        click.echo(self.format_message(), file=file, err=file is None)


@dataclass
class AppContext:
    """Lazily opened database; tests pass their own session factory and clock."""

    session_factory: sessionmaker[Session] | None = None
    clock: Callable[[], datetime] = utcnow
    acting_as: str | None = None
    given_settings: Settings | None = None
    _schema_checked: bool = field(default=False, repr=False)
    _own_engine: sa.Engine | None = field(default=None, repr=False)

    @property
    def settings(self) -> Settings:
        """The settings the commands hand to the services: those given, else the environment's
        (read when asked, so a test's changes to them hold)."""
        from tracker.config import get_settings

        return self.given_settings or get_settings()

    def factory(self) -> sessionmaker[Session]:
        if self.session_factory is None:
            from tracker.db import create_engine, make_session_factory

            self._own_engine = create_engine()
            self.session_factory = make_session_factory(self._own_engine)
        return self.session_factory

    def close(self) -> None:
        """At the command's end: the connections of the engine it opened are closed (on
        SQLite, the last one folds the write-ahead log back into the file); one given is left
        to its owner."""
        if self._own_engine is not None:
            self._own_engine.dispose()

    def engine(self) -> sa.Engine:
        import sqlalchemy as sa

        bind = self.factory().kw["bind"]
        return bind if isinstance(bind, sa.Engine) else bind.engine

    def ensure_schema(self) -> None:
        if not self._schema_checked:
            from tracker import schema
            from tracker.db import database_settings

            embedded = (not self.given_settings.database_url if self.given_settings
                        else database_settings().embedded)
            schema.ensure_ready(self.engine(), embedded=embedded)
            self._schema_checked = True

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed whole, or (on any error) nothing is written."""
        from tracker.db import unit_of_work

        self.ensure_schema()
        with unit_of_work(self.factory()) as session:
            yield session

    def actor(self, session: Session) -> Actor:
        """The user named by --as, else the operator, with every right."""
        from tracker.domain.access import OPERATOR

        if not self.acting_as:
            return OPERATOR
        from tracker.services.accounts.users import get_user

        return get_user(session, self.acting_as, "--as")


pass_app = click.make_pass_decorator(AppContext, ensure=True)


def declare_every_model() -> None:
    """For a process that serves on several threads (the web pages, the scheduler, the dossier
    worker): every model is declared before the threads start, not by the first request that
    reaches one (a command declares only the models it reaches: tracker/models/__init__.py)."""
    from tracker.models import declare_all

    declare_all()


def read_text_file(path: str, what: str) -> str:
    try:
        if path == "-":
            return sys.stdin.read()
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"error: {what}: cannot read {path}: {exc}") from exc


def parse_data_file(path: str) -> dict[str, Any]:
    """A YAML or JSON object from a file, with the line and column of a syntax error."""
    import json

    import yaml

    text = read_text_file(path, "--file")
    if path.lower().endswith(".json"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UserError(
                f"error: --file: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
            ) from exc
    else:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            problem = getattr(exc, "problem", None) or str(exc)
            raise UserError(f"error: --file: invalid YAML{where}: {problem}") from exc
    if not isinstance(data, dict):
        raise UserError("error: --file: expected a mapping of field names to values")
    return data
