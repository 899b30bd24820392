"""The file of a web import, kept on the server while hr reviews what was read from it (the
review form names it by a random token, so nothing but the token travels back and forth).
Files are kept under data_dir/imports, named by their owner's id and the token; those older
than KEEP_HOURS are removed whenever a file is kept. An account keeps at most
`import_pending_max_files` files of `import_pending_max_mb` MB in all (issue #12: 20 uploads
of 9.9 MB took 207 MB a day): past that, the upload is refused, naming the limit."""

from __future__ import annotations

import re
import secrets
import time
from pathlib import Path

from flask import current_app

from tracker.domain.errors import DomainError

KEEP_HOURS = 24
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def _folder() -> Path:
    folder = Path(current_app.config["TRACKER_SETTINGS"].data_dir) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _path(user_id: int, token: str) -> Path | None:
    if not _TOKEN.match(token or ""):
        return None
    return _folder() / f"{int(user_id)}-{token}"


def keep(user_id: int, data: bytes) -> str:
    """Keep the file for its owner; returns the token that names it."""
    folder = _folder()
    limit = time.time() - KEEP_HOURS * 3600
    for old in folder.iterdir():
        if old.is_file() and old.stat().st_mtime < limit:
            old.unlink(missing_ok=True)
    settings = current_app.config["TRACKER_SETTINGS"]
    pending = [old.stat().st_size for old in folder.glob(f"{int(user_id)}-*") if old.is_file()]
    if len(pending) >= settings.import_pending_max_files:
        raise DomainError(
            "file", "you already have %(num)s imports waiting for review, the most an account "
            "may have: save or leave one, or wait until tomorrow",
            num=settings.import_pending_max_files)
    if sum(pending) + len(data) > settings.import_pending_max_mb * 1_000_000:
        raise DomainError(
            "file", "your imports waiting for review would take more than %(mb)s MB, the most "
            "an account may keep: save or leave one, or wait until tomorrow",
            mb=settings.import_pending_max_mb)
    token = secrets.token_urlsafe(24)
    path = folder / f"{int(user_id)}-{token}"
    path.write_bytes(data)
    return token


def take(user_id: int, token: str) -> bytes | None:
    """The owner's kept file, or None (unknown, expired, or another person's)."""
    path = _path(user_id, token)
    return path.read_bytes() if path is not None and path.is_file() else None


def drop(user_id: int, token: str) -> None:
    path = _path(user_id, token)
    if path is not None:
        path.unlink(missing_ok=True)
