"""PostgreSQL's own tools for backups: `pg_dump --format=custom` and `pg_restore`.

They come with the Debian package postgresql-client; their major version must be at least the
server's (pg_dump refuses a newer server) and, for pg_restore, at least that of the pg_dump that
made the archive. The password travels in the child's environment (PGPASSWORD), never on its
command line, where other users of the machine could read it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import sqlalchemy as sa

from tracker.i18n import Text
from tracker.services.operations.backup_archive import BackupError

PACKAGE = "postgresql-client"


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(name, "%(name)s is not installed: it comes with the Debian package %(limit)s (apt-get install %(limit)s)",
                          name=name, limit=PACKAGE)
    return path


def tool_version(name: str) -> int:
    """The major version of pg_dump or pg_restore ("pg_dump (PostgreSQL) 15.20" -> 15)."""
    found = subprocess.run([tool(name), "--version"], capture_output=True, text=True, check=False)
    match = re.search(r"\(PostgreSQL\)\s+(\d+)", found.stdout)
    if found.returncode != 0 or match is None:
        raise BackupError(name, "cannot tell its version: %(output)s",
                          output=(found.stdout or found.stderr).strip())
    return int(match.group(1))


def server_version(engine: sa.Engine) -> int:
    with engine.connect() as connection:
        return int(connection.exec_driver_sql("SHOW server_version_num").scalar_one()) // 10000


def check_versions(name: str, client: int, needed: int, what: Text | str) -> None:
    if client < needed:
        raise BackupError(name, "%(name)s is version %(client)s, the %(what)s is version %(needed)s: install %(limit)s-%(needed)s or newer (the client's major version must be at least the %(what)s's)",
                          name=name, client=client, what=what, needed=needed, limit=PACKAGE)


def _connection(engine: sa.Engine) -> tuple[str, dict[str, str]]:
    """The libpq connection URI of the engine's database, without its password, and the
    environment that carries the password."""
    url = engine.url
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    uri = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    return uri, env


def _run(name: str, arguments: list[str], env: dict[str, str]) -> str:
    done = subprocess.run([tool(name), *arguments], capture_output=True, text=True, env=env,
                          check=False)
    if done.returncode != 0:
        message = " ".join(done.stderr.split()) or f"exit status {done.returncode}"
        raise BackupError(name, "failed: %(message)s", message=message)
    return done.stdout


def dump(engine: sa.Engine, target: Path) -> tuple[int, int]:
    """The whole database in pg_dump's custom format at `target` (one consistent snapshot,
    taken while others keep writing). Returns (pg_dump's major version, the server's)."""
    client, server = tool_version("pg_dump"), server_version(engine)
    check_versions("pg_dump", client, server, Text("server"))
    uri, env = _connection(engine)
    _run("pg_dump", ["--format=custom", f"--file={target}", f"--dbname={uri}"], env)
    return client, server


def check_dump(path: Path, made_by: int | None) -> None:
    """pg_restore can read the dump: its table of contents lists the tables."""
    if made_by is not None:
        check_versions("pg_restore", tool_version("pg_restore"), made_by,
                       Text("pg_dump that made the backup"))
    listing = _run("pg_restore", ["--list", str(path)], dict(os.environ))
    if "TABLE" not in listing:
        raise BackupError("database/tracker.pgdump", "pg_restore finds no table in the dump")


def restore(engine: sa.Engine, path: Path, *, clean: bool) -> None:
    """Load the dump into the engine's database in one transaction (all of it, or nothing).
    `clean`: drop the dump's objects first (restoring over a non-empty database)."""
    uri, env = _connection(engine)
    options = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    if clean:
        options += ["--clean", "--if-exists"]
    _run("pg_restore", [*options, f"--dbname={uri}", str(path)], env)
