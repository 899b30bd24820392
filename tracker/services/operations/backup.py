"""Backups of the whole installation: the database and the data folder in one archive, made
while the tracker keeps running, checked without restoring, restored into an empty place.

The archive's layout and how it is read as untrusted input: backup_archive. The database is
taken with SQLite's online backup API (one read transaction: a consistent snapshot while others
write), or on PostgreSQL with `pg_dump --format=custom` (backup_pg). The data folder's files go
in as they are, except the secret key (data_dir/secret_key), left out unless asked for, and the
SQLite database's own files. Backups are the operator's (the command line without --as) or an
admin's.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

import sqlalchemy as sa
from alembic.script import ScriptDirectory
from alembic.util import CommandError

from tracker import __version__, schema
from tracker.config import Settings
from tracker.domain.access import Actor, Operator
from tracker.domain.errors import PermissionDenied
from tracker.i18n import Text
from tracker.models import Role
from tracker.services.operations import backup_pg
from tracker.services.operations.backup_archive import (
    DATA_PREFIX,
    BackupError,
    Manifest,
    Member,
    check_name,
    read_archive,
    read_manifest,
    sha256_file,
    write_archive,
)

SECRET_KEY_FILE = "secret_key"


@dataclass(frozen=True)
class BackupReport:
    """What `create_backup` wrote, or `verify_backup` found, and how its schema compares with
    this code's: "current", "older" (a restore migrates it) or "newer" (this code cannot)."""

    path: Path
    manifest: Manifest
    schema_status: str
    skipped: tuple[str, ...] = ()  # links and special files of the data folder, left out


@dataclass(frozen=True)
class RestoreReport:
    manifest: Manifest
    revision: str  # the schema revision after the restore (and any migration)
    files: int  # data folder files restored


def _require_operator(actor: Actor) -> None:
    if not (isinstance(actor, Operator) or actor.role is Role.ADMIN):
        raise PermissionDenied("backup", "backups are the operator's or an admin's")


def create_backup(engine: sa.Engine, target: Path, *, actor: Actor, settings: Settings,
                  clock: Callable[[], datetime], include_secrets: bool = False) -> BackupReport:
    """One archive at `target` of the engine's database and of settings.data_dir, made while
    the tracker keeps running (an existing file there is replaced once the new one is whole)."""
    _require_operator(actor)
    target = Path(target).absolute()
    if target.is_dir() or not target.parent.is_dir():
        raise BackupError(str(target), "give a file name in an existing folder")
    if target.resolve().is_relative_to(Path(settings.data_dir).resolve()):
        raise BackupError(str(target), "keep backups outside the data folder (each one would "
                                       "hold all the ones before)")
    kind = _kind(engine)
    created = clock()
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".tracker-backup-") as tmp:
        staging = Path(tmp)
        manifest = Manifest(created_at=created.isoformat(), tracker_version=__version__,
                            database_kind=kind, schema_revision="",
                            includes_secrets=include_secrets)
        dump = staging / "database"
        if kind == "sqlite":
            manifest.schema_revision = _sqlite_snapshot(_sqlite_path(engine), dump, settings)
        else:
            before = schema.current_revision(engine)
            manifest.pg_dump_version, manifest.server_version = backup_pg.dump(engine, dump)
            if before is None or schema.current_revision(engine) != before:
                raise BackupError("database", "no schema revision, or it changed during the "
                                              "backup (a migration ran): try again")
            manifest.schema_revision = before
        files = {manifest.database_member: dump}
        skipped = _stage_data(Path(settings.data_dir).absolute(), staging / "data", files,
                              include_secrets, leave_out={staging, *_sqlite_files(engine)})
        for name, path in files.items():
            manifest.members[name] = Member(path.stat().st_size, sha256_file(path))
        write_archive(target, manifest, files, created)
    return BackupReport(target, manifest, _schema_status(manifest.schema_revision), skipped)


def verify_backup(source: Path, *, actor: Actor) -> BackupReport:
    """Checks an archive without restoring it: the manifest, every member's size and checksum,
    and that the database dump can be read (SQLite: its integrity check and schema revision;
    PostgreSQL: pg_restore lists its contents). Raises BackupError naming the member at fault."""
    _require_operator(actor)
    manifest = read_manifest(Path(source))
    size = manifest.members[manifest.database_member].size
    with tempfile.TemporaryDirectory(prefix="tracker-verify-") as tmp:
        if shutil.disk_usage(tmp).free < size:
            raise BackupError(manifest.database_member, "needs %(megabytes)s MB in %(folder)s "
                                                        "to be checked (set TMPDIR elsewhere)",
                              megabytes=size // 1_000_000, folder=tmp)
        dump = Path(tmp) / "database"
        with dump.open("wb") as out:
            read_archive(Path(source), lambda name: out if name.startswith("database/") else None,
                         known=manifest)
        _check_dump(manifest, dump)
    return BackupReport(Path(source), manifest, _schema_status(manifest.schema_revision))


def restore_backup(engine: sa.Engine, source: Path, *, actor: Actor, settings: Settings,
                   force: bool = False) -> RestoreReport:
    """Restores an archive into the engine's database and settings.data_dir, which must be
    empty unless `force`; then migrates the schema if the backup is older than the code.

    Everything is read and checked into a scratch folder beside the data folder before anything
    is written; then the database is replaced (SQLite's backup API, or pg_restore in one
    transaction) and the data folder's files put in place (others there are left alone)."""
    _require_operator(actor)
    source = Path(source)
    first = read_manifest(source)
    _check_restorable(first, engine)
    data_dir = Path(settings.data_dir).absolute()
    occupied = _occupied(engine, data_dir)
    if occupied and not force:
        if len(occupied) == 1:
            raise BackupError("--force", "%(place)s is not empty: restore into an empty place, "
                                         "or give --force to overwrite it", place=occupied[0])
        raise BackupError("--force", "%(place)s and %(other)s are not empty: restore into an "
                                     "empty place, or give --force to overwrite it",
                          place=occupied[0], other=occupied[-1])
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    room = shutil.disk_usage(data_dir).free
    if room < 2 * first.total_size:
        raise BackupError(str(source), "needs about %(needed)s MB of free space beside "
                                       "%(folder)s, there are %(free)s",
                          needed=2 * first.total_size // 1_000_000, folder=str(data_dir),
                          free=room // 1_000_000)
    with tempfile.TemporaryDirectory(dir=data_dir.parent, prefix=".tracker-restore-") as tmp:
        staging = Path(tmp)
        handles: list[IO[bytes]] = []

        def sink(name: str) -> IO[bytes]:
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            handles.append(path.open("wb"))
            return handles[-1]

        try:
            manifest = read_archive(source, sink, known=first)
        finally:
            for handle in handles:
                handle.close()
        _check_restorable(manifest, engine)
        dump = staging / manifest.database_member
        _check_dump(manifest, dump)
        places = _destinations(manifest, data_dir, _sqlite_files(engine))
        if manifest.database_kind == "sqlite":
            engine.dispose()
            _sqlite_copy(dump, _sqlite_path(engine), settings)
        else:
            backup_pg.restore(engine, dump, clean=bool(occupied))
        for name, place in places.items():
            place.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.replace(staging / name, place)
            place.chmod(0o600)
    engine.dispose()
    if schema.current_revision(engine) != schema.head_revision():
        schema.upgrade(engine)
    revision = schema.current_revision(engine)
    assert revision is not None
    return RestoreReport(manifest, revision, len(places))


def _kind(engine: sa.Engine) -> str:
    kind = engine.dialect.name
    if kind not in ("sqlite", "postgresql"):
        raise BackupError("database", "backups know SQLite and PostgreSQL, not %(kind)s", kind=kind)
    return kind


def _sqlite_path(engine: sa.Engine) -> Path:
    database = engine.url.database
    if not database or database == ":memory:":
        raise BackupError("database", "an in-memory SQLite database cannot be backed up or restored")
    return Path(database).expanduser().absolute()


def _sqlite_files(engine: sa.Engine) -> set[Path]:
    """The SQLite database's own files (left out of the data folder's copy)."""
    if engine.dialect.name != "sqlite":
        return set()
    path = _sqlite_path(engine)
    return {path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))}


def _sqlite_snapshot(path: Path, target: Path, settings: Settings) -> str:
    """A consistent copy of the database at `target`, taken in one step of SQLite's backup API
    (one read transaction: writers go on, in WAL mode), as one self-contained file. Returns its
    schema revision."""
    if not path.is_file():
        raise BackupError("database", "no SQLite database at %(path)s", path=path)
    timeout = settings.sqlite_busy_timeout_ms / 1000
    with closing(sqlite3.connect(path, timeout=timeout)) as src, \
            closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
        return _sqlite_revision(dst, "database")


def _sqlite_copy(dump: Path, path: Path, settings: Settings) -> None:
    """The restored database replaces whatever is at `path`, through SQLite's backup API (which
    also deals with the target's WAL files)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(f"file:{dump}?mode=ro", uri=True)) as src, \
            closing(sqlite3.connect(path, timeout=settings.sqlite_busy_timeout_ms / 1000)) as dst:
        src.backup(dst)
    path.chmod(0o600)


def _sqlite_revision(connection: sqlite3.Connection, where: str) -> str:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise BackupError(where, "no schema revision: %(exc)s", exc=exc) from exc
    if row is None:
        raise BackupError(where, "no schema revision (an empty database)")
    return str(row[0])


def _check_dump(manifest: Manifest, dump: Path) -> None:
    name = manifest.database_member
    if manifest.database_kind == "postgresql":
        backup_pg.check_dump(dump, manifest.pg_dump_version)
        return
    try:
        with closing(sqlite3.connect(f"file:{dump}?mode=ro", uri=True)) as db:
            result = [row[0] for row in db.execute("PRAGMA quick_check")]
            if result != ["ok"]:
                raise BackupError(name, "the SQLite database is damaged: %(problems)s",
                                  problems="; ".join(result[:3]))
            revision = _sqlite_revision(db, name)
    except sqlite3.DatabaseError as exc:
        raise BackupError(name, "not a readable SQLite database: %(exc)s", exc=exc) from exc
    if revision != manifest.schema_revision:
        raise BackupError(name, "holds schema revision %(revision)s, the manifest says %(schema_revision)s",
                          revision=revision, schema_revision=manifest.schema_revision)


def _schema_status(revision: str) -> str:
    script = ScriptDirectory.from_config(schema.alembic_config())
    head = script.get_current_head()
    if revision == head:
        return "current"
    try:
        known = script.get_revision(revision) is not None
    except CommandError:
        known = False
    return "older" if known else "newer"


def _check_restorable(manifest: Manifest, engine: sa.Engine) -> None:
    kind = _kind(engine)
    if manifest.database_kind != kind:
        raise BackupError("database", "the backup holds a %(database_kind)s database and the target is %(kind)s: restore it into a %(database_kind)s database (moving between kinds is not supported)",
                          database_kind=manifest.database_kind, kind=kind)
    if _schema_status(manifest.schema_revision) == "newer":
        raise BackupError("schema", "the backup's schema revision %(revision)s is newer than this "
                                    "code's (%(head)s): restore it with tracker %(version)s or "
                                    "later", revision=manifest.schema_revision,
                          head=schema.head_revision(), version=manifest.tracker_version)


def _occupied(engine: sa.Engine, data_dir: Path) -> list[Text]:
    """Which of the database and the data folder already hold something."""
    found: list[Text] = []
    if sa.inspect(engine).get_table_names():
        found.append(Text("the database (%(url)s)", url=engine.url.render_as_string()))
    own = _sqlite_files(engine)
    if data_dir.is_dir() and any(entry.absolute() not in own for entry in data_dir.iterdir()):
        found.append(Text("the data folder (%(folder)s)", folder=str(data_dir)))
    return found


def _destinations(manifest: Manifest, data_dir: Path, database_files: set[Path]) -> dict[str, Path]:
    """Where each data/ member goes: inside the data folder (no link leads out of it), never
    onto the database's own files."""
    root = data_dir.resolve()
    places = {}
    for name in manifest.members:
        if not name.startswith(DATA_PREFIX):
            continue
        place = data_dir / name.removeprefix(DATA_PREFIX)
        if place.absolute() in database_files:
            raise BackupError(name, "would overwrite the database's own file")
        if not place.parent.resolve().is_relative_to(root) or place.is_symlink() \
                or place.is_dir():
            raise BackupError(name, "cannot be restored at %(place)s: a link or folder is there",
                              place=place)
        places[name] = place
    return places


def _stage_data(data_dir: Path, staging: Path, files: dict[str, Path], include_secrets: bool,
                leave_out: set[Path]) -> tuple[str, ...]:
    """Copies of the data folder's regular files into `staging` (links, devices and files that
    vanish meanwhile are left out), added to `files` by member name."""
    skipped: list[str] = []
    if not data_dir.is_dir():
        return ()
    for folder, dirs, names in os.walk(data_dir):
        here = Path(folder)
        dirs[:] = [d for d in dirs if (here / d) not in leave_out and not (here / d).is_symlink()]
        for filename in names:
            path = here / filename
            relative = path.relative_to(data_dir).as_posix()
            if path in leave_out or (relative == SECRET_KEY_FILE and not include_secrets):
                continue
            try:
                name = check_name(DATA_PREFIX + relative)
                mode = os.lstat(path).st_mode
                if not stat.S_ISREG(mode):
                    skipped.append(relative)
                    continue
                copy = staging / relative
                copy.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
                with os.fdopen(fd, "rb") as src, copy.open("wb") as dst:
                    shutil.copyfileobj(src, dst)
            except FileNotFoundError:
                continue
            except BackupError:
                skipped.append(relative)
                continue
            files[name] = copy
    return tuple(skipped)
