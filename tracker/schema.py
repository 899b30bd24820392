"""The database schema, built and checked by Alembic only."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

import tracker.models  # noqa: F401  (completes the metadata)
from tracker.db import Base
from tracker.domain.errors import DomainError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def alembic_config(connection: sa.Connection | None = None) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["configure_logger"] = False
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)


def drift(engine: Engine) -> list[object]:
    """Differences between the models and the migrated database (empty: no drift)."""
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        return list(compare_metadata(context, Base.metadata))


def is_up_to_date(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()


def ensure_ready(engine: Engine, *, embedded: bool) -> None:
    """Make sure the schema is the code's. An empty database is migrated on first use, and so
    is the embedded SQLite default at any time; any other one that is behind must be upgraded
    on purpose (`tracker db upgrade`), since other instances may share it."""
    current, head = current_revision(engine), head_revision()
    if current == head:
        return
    if embedded or (current is None and not sa.inspect(engine).get_table_names()):
        upgrade(engine)
        return
    raise DomainError(
        "database",
        f"the schema is at {current or 'no revision'}, the code needs {head}: "
        "run `tracker db upgrade`",
    )


def problems(engine: Engine) -> list[str]:
    """What `tracker db check` reports: a revision behind the head, or drift from the models."""
    current, head = current_revision(engine), head_revision()
    if current != head:
        return [f"the schema is at {current or 'no revision'}, the head is {head}"]
    return [f"drift: {difference}" for difference in drift(engine)]
