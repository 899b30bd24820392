"""The database schema, built and checked by Alembic only.

Alembic (with Mako and Pygments) is imported only when the schema must be built, upgraded or
compared: a command on a database already at the code's head checks it with one query and a
look at the revision files (`at_head`), so that `tracker posting list` starts fast (issue #16).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from tracker.db import Base
from tracker.domain.errors import DomainError
from tracker.i18n import Text

if TYPE_CHECKING:
    from alembic.config import Config

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VERSIONS = PROJECT_ROOT / "migrations" / "versions"
_REVISION = re.compile(r"^revision(?:: *[\w| \[\],]+)? *= *['\"]([\w-]+)['\"]", re.MULTILINE)
_REVISES = re.compile(r"^down_revision(?:: *[\w| \[\],]+)? *= *(?:None|['\"]([\w-]+)['\"])",
                      re.MULTILINE)


def alembic_config(connection: sa.Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["configure_logger"] = False
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    from alembic import command

    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)


def drift(engine: Engine) -> list[object]:
    """Differences between the models and the migrated database (empty: no drift)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from tracker.models import declare_all

    declare_all()  # every table, not only those of the models this process used
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        return list(compare_metadata(context, Base.metadata))


def is_up_to_date(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()


@cache
def quick_head() -> str | None:
    """The head revision read from the revision files' `revision` and `down_revision` lines,
    without Alembic; None when they do not form one line with one head (then ask Alembic).
    tests/cli/test_cli_startup.py checks it is Alembic's head."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for path in VERSIONS.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        revision, revises = _REVISION.findall(text), _REVISES.findall(text)
        if len(revision) != 1 or len(revises) != 1:
            return None
        revisions.add(revision[0])
        revised.add(revises[0])
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 and len(revisions) == len(list(VERSIONS.glob("*.py"))) \
        else None


def at_head(engine: Engine) -> bool:
    """True when the database is surely at the code's head (one query, no Alembic); False
    means "ask Alembic", not "behind"."""
    head = quick_head()
    if head is None:
        return False
    try:
        with engine.connect() as connection:
            rows = connection.execute(sa.text("SELECT version_num FROM alembic_version")).all()
    except sa.exc.DBAPIError:  # no such table yet: Alembic decides
        return False
    return [row[0] for row in rows] == [head]


def ensure_ready(engine: Engine, *, embedded: bool) -> None:
    """Make sure the schema is the code's. An empty database is migrated on first use, and so
    is the embedded SQLite default at any time; any other one that is behind must be upgraded
    on purpose (`tracker db upgrade`), since other instances may share it."""
    if at_head(engine):
        return
    current, head = current_revision(engine), head_revision()
    if current == head:
        return
    if embedded or (current is None and not sa.inspect(engine).get_table_names()):
        upgrade(engine)
        return
    raise DomainError(
        "database",
        "the schema is at %(current)s, the code needs %(head)s: run `tracker db upgrade`",
        current=current or Text("no revision"), head=head,
    )


def problems(engine: Engine) -> list[str]:
    """What `tracker db check` reports: a revision behind the head, or drift from the models."""
    current, head = current_revision(engine), head_revision()
    if current != head:
        return [f"the schema is at {current or 'no revision'}, the head is {head}"]
    return [f"drift: {difference}" for difference in drift(engine)]
