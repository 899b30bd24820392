"""Defaults that both the full settings (tracker.config, with pydantic) and the database's quick
read of them (tracker.db, without it: issue #16) need, defined once here, with no import of
either's libraries; and how a stretch of work keeps the process's older objects out of the
garbage collector's walks (frozen_collector), for any module below the services."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

APP_NAME = "posting-tracker"  # the data folder's name, as platformdirs places it
SQLITE_BUSY_TIMEOUT_MS = 10_000


def default_data_dir() -> Path:
    """TRACKER_DATA_DIR's default: the user's data folder for the tracker."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME))


def embedded_database_url(data_dir: Path) -> str:
    """The embedded SQLite database, used when TRACKER_DATABASE_URL is not set."""
    return f"sqlite:///{data_dir / 'tracker.db'}"


@contextmanager
def frozen_collector() -> Iterator[None]:
    """Within the block, what the process held before it is frozen (`gc.freeze`): a collection
    walks only the objects the block makes. After it, the collector is as it was: what this
    froze is given back (`gc.unfreeze`) when nothing was frozen before; when something was
    (the command line freezes what its start made: tracker.cli), nothing is given back, since
    `gc.unfreeze` would release that too and CPython gives back no part of the frozen set.
    Frozen objects are still freed when nothing refers to them; only their cycles wait."""
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    try:
        yield
    finally:
        if not frozen_before:
            gc.unfreeze()
