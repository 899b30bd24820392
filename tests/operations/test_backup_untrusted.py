"""A backup archive is untrusted input: `tracker backup verify` and `restore` refuse members
outside the manifest, absolute paths, `..`, links, wrong sizes, and say which member; on
PostgreSQL a missing or too old pg_dump is named with the Debian package to install."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shlex
import tarfile
from contextlib import ExitStack
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner, Result

from tests.conftest import PG_URL, scratch_postgresql
from tests.operations.test_backup import demo_place, refused
from tracker import schema
from tracker.cli import main
from tracker.cli.context import AppContext
from tracker.config import Settings
from tracker.db import create_engine, make_session_factory
from tracker.services.operations import backup_pg

DB = "database/tracker.sqlite3"


def member(name: str, data: bytes = b"", kind: bytes = tarfile.REGTYPE,
           link: str = "") -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.size, info.type, info.linkname = (len(data) if kind == tarfile.REGTYPE else 0), kind, link
    return info, data


def pack(path: Path, listed: dict[str, bytes], entries: list[tuple[tarfile.TarInfo, bytes]],
         manifest_first: bool = True) -> Path:
    manifest = {
        "format": "tracker-backup", "format_version": 1, "created_at": "2026-12-05T10:00:00+00:00",
        "tracker_version": "0.1.0", "includes_secrets": False,
        "database": {"kind": "sqlite", "schema_revision": schema.head_revision(), "member": DB},
        "members": {name: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                    for name, data in listed.items()},
    }
    head = member("manifest.json", json.dumps(manifest).encode())
    with tarfile.open(path, "w:gz") as tar:
        for info, data in ([head, *entries] if manifest_first else [*entries, head]):
            tar.addfile(info, io.BytesIO(data) if info.isfile() else None)
    return path


def verify(tmp_path: Path, archive: Path) -> Result:
    app = AppContext(given_settings=Settings(data_dir=tmp_path / "unused", database_url=None))
    return CliRunner().invoke(main, ["backup", "verify", str(archive)], obj=app,
                              catch_exceptions=False)


CASES = {
    "outside the manifest": ({DB: b"db"}, [member(DB, b"db"), member("data/extra", b"x")],
                             "error: data/extra: member not listed in the manifest"),
    "dot-dot": ({DB: b"db"}, [member(DB, b"db"), member("data/../../evil", b"x")],
                "error: data/../../evil: absolute paths and '.' or '..' are refused"),
    "absolute": ({DB: b"db"}, [member(DB, b"db"), member("/etc/cron.d/evil", b"x")],
                 "error: /etc/cron.d/evil: absolute paths"),
    "listed dot-dot": ({DB: b"db", "data/a/../../b": b"x"}, [member(DB, b"db")],
                       "error: data/a/../../b: absolute paths"),
    "elsewhere": ({DB: b"db", "etc/passwd": b"x"}, [member(DB, b"db")],
                  "error: etc/passwd: a backup holds only database/ and data/ members"),
    "symlink": ({DB: b"db", "data/key": b""},
                [member(DB, b"db"), member("data/key", kind=tarfile.SYMTYPE, link="/etc/shadow")],
                "error: data/key: links, folders and devices are refused"),
    "hard link": ({DB: b"db", "data/key": b""},
                  [member(DB, b"db"), member("data/key", kind=tarfile.LNKTYPE, link=DB)],
                  "error: data/key: links, folders and devices are refused"),
    "twice": ({DB: b"db"}, [member(DB, b"db"), member(DB, b"db")],
              f"error: {DB}: member appears twice"),
    "missing": ({DB: b"db", "data/cv.pdf": b"%PDF"}, [member(DB, b"db")],
                "error: data/cv.pdf: listed in the manifest but missing"),
    "size": ({DB: b"db", "data/cv.pdf": b"%PDF"}, [member(DB, b"db"), member("data/cv.pdf", b"%PDF-")],
             "error: data/cv.pdf: is 5 bytes, the manifest says 4"),
    "no dump": ({"data/cv.pdf": b"%PDF"}, [member("data/cv.pdf", b"%PDF")],
                "error: manifest.json: names no database dump"),
    "unreadable dump": ({DB: b"not a database"}, [member(DB, b"not a database")],
                        f"error: {DB}: not a readable SQLite database"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_verify_refuses_a_hostile_archive_naming_the_member(tmp_path, case):
    listed, entries, message = CASES[case]
    archive = pack(tmp_path / "hostile.tar.gz", listed, entries)
    refused(verify(tmp_path, archive), message)
    assert not (tmp_path / "unused").exists() and not (tmp_path / "evil").exists()


def test_the_manifest_comes_first(tmp_path):
    archive = pack(tmp_path / "late.tar.gz", {DB: b"db"}, [member(DB, b"db")],
                   manifest_first=False)
    refused(verify(tmp_path, archive), "manifest.json is missing (it must be the first member)")
    (tmp_path / "plain.txt").write_text("hello")
    refused(verify(tmp_path, tmp_path / "plain.txt"), "not a readable backup")


def test_restore_never_writes_through_a_link_out_of_the_data_folder(tmp_path):
    source = sa.create_engine(f"sqlite:///{tmp_path / 'source.db'}")
    schema.upgrade(source)
    source.dispose()
    dump = (tmp_path / "source.db").read_bytes()
    archive = pack(tmp_path / "linked.tar.gz", {DB: dump, "data/imports/x.pdf": b"%PDF"},
                   [member(DB, dump), member("data/imports/x.pdf", b"%PDF")])
    outside = tmp_path / "outside"
    outside.mkdir()
    settings = Settings(data_dir=tmp_path / "data", database_url=None)
    settings.data_dir.mkdir()
    (settings.data_dir / "imports").symlink_to(outside)
    engine = create_engine(settings.effective_database_url)
    app = AppContext(session_factory=make_session_factory(engine), given_settings=settings)
    result = CliRunner().invoke(main, shlex.split(f"backup restore {archive} --force"), obj=app,
                                catch_exceptions=False)
    refused(result, "error: data/imports/x.pdf: cannot be restored at", "a link or folder")
    assert list(outside.iterdir()) == []
    assert not sa.inspect(engine).get_table_names()  # checked before anything is written
    engine.dispose()


def test_pg_tools_missing_or_too_old_are_named_with_their_package(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(backup_pg.BackupError) as missing:
        backup_pg.tool("pg_dump")
    assert str(missing.value) == ("pg_dump: pg_dump is not installed: it comes with the Debian "
                                  "package postgresql-client (apt-get install postgresql-client)")
    with pytest.raises(backup_pg.BackupError) as old:
        backup_pg.check_versions("pg_dump", 13, 15, "server")
    assert "pg_dump is version 13, the server is version 15: install postgresql-client-15" \
        in str(old.value)
    backup_pg.check_versions("pg_dump", 16, 15, "server")  # a newer client is fine


def test_on_postgresql_pg_dump_is_checked_before_anything(new_place, tmp_path, monkeypatch):
    source = new_place("source")
    if source.engine.dialect.name != "postgresql":
        pytest.skip("pg_dump is PostgreSQL's")
    schema.upgrade(source.engine)
    # the client installed here is recent enough for the server (CI installs postgresql-client)
    assert backup_pg.tool_version("pg_dump") >= backup_pg.server_version(source.engine)
    tools = tmp_path / "bin"
    tools.mkdir()
    old = tools / "pg_dump"
    old.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n")
    old.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    archive = tmp_path / "backup.tar.gz"
    server = backup_pg.server_version(source.engine)
    refused(source.cli(f"backup create {archive}"), "error: pg_dump: pg_dump is version 9, "
            f"the server is version {server}: install postgresql-client-{server} or newer")
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    refused(source.cli(f"backup create {archive}"), "error: pg_dump: pg_dump is not installed",
            "postgresql-client")
    assert not archive.exists()


def test_a_backup_cannot_go_into_the_other_kind(new_place, tmp_path):
    source = demo_place(new_place)
    archive = tmp_path / "backup.tar.gz"
    source.run(f"backup create {archive}")
    kind = source.engine.dialect.name
    with ExitStack() as stack:
        if kind == "sqlite":
            if not PG_URL:
                pytest.skip("needs PostgreSQL for the target: set TRACKER_TEST_DATABASE_URL")
            engine = stack.enter_context(scratch_postgresql(PG_URL, "tracker_backup"))
            url: str | None = engine.url.render_as_string(hide_password=False)
        else:
            url = None
        settings = Settings(data_dir=tmp_path / "other", database_url=url)
        engine = create_engine(settings.effective_database_url)
        stack.callback(engine.dispose)
        app = AppContext(session_factory=make_session_factory(engine), given_settings=settings)
        result = CliRunner().invoke(main, ["backup", "restore", str(archive)], obj=app,
                                    catch_exceptions=False)
        other = "sqlite" if kind == "postgresql" else "postgresql"
        refused(result, f"error: database: the backup holds a {kind} database and the target is "
                        f"{other}")
        assert not sa.inspect(engine).get_table_names()
