"""Defaults that both the full settings (tracker.config, with pydantic) and the database's quick
read of them (tracker.db, without it: issue #16) need, defined once here, with no import of
either's libraries."""

from __future__ import annotations

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
