"""`tracker backup create|verify|restore` (#13 item 4): an archive made while the tracker keeps
writing restores into an empty place with the same postings, applications and document bytes;
damage, a non-empty target and a newer schema are refused; an older schema is migrated."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.conftest import POSTING
from tests.operations.conftest import Place
from tracker import schema
from tracker.db import make_session_factory, unit_of_work
from tracker.models import Application, Posting
from tracker.services.accounts import users
from tracker.services.hiring import applications, postings

REFERENCE = "UJM-DRI-2024-CCI"
HR = "drh.recrutement@demo.univ-st-etienne.fr"
CAMILLE = "camille.martin@example.org"


def demo_place(new_place, name: str = "source") -> Place:  # noqa: ANN001
    place = new_place(name)
    place.run("demo --no-dossiers")
    (place.data_dir / "imports").mkdir(parents=True, exist_ok=True)
    (place.data_dir / "imports" / "7-pending.pdf").write_bytes(b"%PDF-1.7 pending import\n")
    (place.data_dir / "secret_key").write_text("the-key", encoding="ascii")
    return place


def rows(place: Place, table: sa.Table) -> list[tuple]:
    with place.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(sa.select(table).order_by(table.c.id))]


def refused(result, *words: str) -> str:  # noqa: ANN001
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.output
    [line] = result.stderr.splitlines()
    assert line.startswith("error: "), line
    for word in words:
        assert word in line, (word, line)
    return line


def test_restore_into_an_empty_place_shows_the_same_posting_and_documents(new_place, tmp_path):
    source = demo_place(new_place)
    shown = source.run(f"posting show {REFERENCE} --format json")
    archive = tmp_path / "backup.tar.gz"
    out = source.run(f"backup create {archive}")
    assert f"backup written: {archive}" in out and "schema " + schema.head_revision() in out
    verified = source.run(f"backup verify {archive}")
    assert "OK" in verified and "this code's" in verified

    target = new_place("target")
    restored = target.run(f"backup restore {archive}")
    assert "restored" in restored and "migrated" not in restored

    assert target.run(f"posting show {REFERENCE} --format json") == shown
    assert json.loads(shown)["reference"] == REFERENCE
    documents = source.documents()
    assert documents and target.documents() == documents
    # the data folder's files come back byte for byte, readable by their owner only
    pending = target.data_dir / "imports" / "7-pending.pdf"
    assert pending.read_bytes() == b"%PDF-1.7 pending import\n"
    assert pending.stat().st_mode & 0o077 == 0
    # the secret key stays out unless asked for
    assert not (target.data_dir / "secret_key").exists()
    assert "no secret key" in restored
    assert schema.current_revision(target.engine) == schema.head_revision()


def test_the_secret_key_goes_in_only_when_asked(new_place, tmp_path):
    source = demo_place(new_place)
    plain, secret = tmp_path / "plain.tar.gz", tmp_path / "secret.tar.gz"
    source.run(f"backup create {plain}")
    source.run(f"backup create {secret} --include-secrets")
    with tarfile.open(plain) as tar:
        assert "data/secret_key" not in tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))  # type: ignore[arg-type]
        assert manifest["includes_secrets"] is False
        assert set(manifest["members"]) == set(tar.getnames()) - {"manifest.json"}
        assert tar.getnames()[0] == "manifest.json"
    target = new_place("target")
    target.run(f"backup restore {secret}")
    key = target.data_dir / "secret_key"
    assert key.read_text(encoding="ascii") == "the-key" and key.stat().st_mode & 0o077 == 0


def test_backup_while_writes_go_on(new_place, tmp_path):
    """A writer keeps adding postings with an application each, before, during and after the
    backup; the restored place holds exactly the source's rows up to some moment: every posting
    with its application, nothing half-written, the same document bytes."""
    source = demo_place(new_place)
    factory = make_session_factory(source.engine)
    committed: list[str] = []
    errors: list[BaseException] = []
    stop, first = threading.Event(), threading.Event()
    more = threading.Condition()

    def write() -> None:
        try:
            while not stop.is_set():
                with unit_of_work(factory, write=True) as session:
                    hr = users.get_user(session, HR)
                    candidate = users.get_user(session, CAMILLE)
                    reference = f"W-{len(committed)}"
                    posting = postings.create_posting(
                        session, dict(POSTING, reference=reference), actor=hr,
                        settings=source.settings, clock=source.clock)
                    postings.set_status(session, posting, "open", actor=hr, clock=source.clock)
                    applications.start(session, posting, candidate, actor=candidate,
                                       clock=source.clock)
                with more:
                    committed.append(reference)
                    more.notify_all()
                first.set()
        except BaseException as exc:  # reported by the test below
            errors.append(exc)
            first.set()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert first.wait(120) and not errors, errors
        before = len(committed)
        archive = tmp_path / "busy.tar.gz"
        source.run(f"backup create {archive}")
        after = len(committed)
        with more:  # the writer goes on after the backup too
            assert more.wait_for(lambda: len(committed) > after or bool(errors), 120)
    finally:
        stop.set()
        writer.join()
    assert not errors, errors

    target = new_place("target")
    target.run(f"backup verify {archive}")
    target.run(f"backup restore {archive}")
    with target.engine.connect() as connection:
        restored = list(connection.scalars(
            sa.select(Posting.reference).where(Posting.reference.like("W-%"))))
    assert before <= len(restored) < len(committed)
    assert sorted(restored) == sorted(f"W-{n}" for n in range(len(restored)))
    for table in (Posting.__table__, Application.__table__):
        kept = rows(target, table)
        ids = {row[0] for row in kept}
        assert kept == [row for row in rows(source, table) if row[0] in ids]
    with target.engine.connect() as connection:  # every written posting came with its application
        alone = connection.scalar(sa.select(sa.func.count()).select_from(Posting).where(
            Posting.reference.like("W-%"),
            ~sa.exists().where(Application.posting_id == Posting.id)))
    assert alone == 0
    assert target.documents() == source.documents()


def flip_member_byte(archive: Path, member: str) -> None:
    raw = bytearray(gzip.decompress(archive.read_bytes()))
    with tarfile.open(fileobj=io.BytesIO(bytes(raw))) as tar:
        offset = tar.getmember(member).offset_data
    raw[offset + 5] ^= 0x01
    archive.write_bytes(gzip.compress(bytes(raw)))


@pytest.mark.parametrize("member", ["database/tracker.sqlite3", "data/imports/7-pending.pdf"])
def test_verify_names_the_member_with_a_flipped_byte(new_place, tmp_path, member):
    source = demo_place(new_place)
    archive = tmp_path / "backup.tar.gz"
    source.run(f"backup create {archive}")
    if member.startswith("database/") and source.engine.dialect.name == "postgresql":
        member = "database/tracker.pgdump"
    flip_member_byte(archive, member)
    refused(source.cli(f"backup verify {archive}"), f"error: {member}: checksum mismatch")
    # and restore refuses it before writing anything
    target = new_place("target")
    refused(target.cli(f"backup restore {archive}"), member, "checksum")
    assert not sa.inspect(target.engine).get_table_names()
    assert not (target.data_dir / "imports").exists()


def test_verify_refuses_a_damaged_file(new_place, tmp_path):
    source = demo_place(new_place)
    archive = tmp_path / "backup.tar.gz"
    source.run(f"backup create {archive}")
    raw = bytearray(archive.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    archive.write_bytes(bytes(raw))
    refused(source.cli(f"backup verify {archive}"))
    refused(source.cli(f"backup verify {tmp_path / 'none.tar.gz'}"), "no such file")
    refused(source.cli(f"backup create {source.data_dir / 'imports' / 'b.tar.gz'}"),
            "keep backups outside the data folder")


def test_restore_refuses_a_non_empty_target_and_says_which(new_place, tmp_path):
    source = demo_place(new_place)
    archive = tmp_path / "backup.tar.gz"
    source.run(f"backup create {archive}")

    target = new_place("target")
    target.data_dir.mkdir(parents=True, exist_ok=True)
    (target.data_dir / "notes.txt").write_text("mine")
    line = refused(target.cli(f"backup restore {archive}"), "--force", "data folder")
    assert "the database" not in line
    target.run(f"backup restore {archive} --force")
    assert (target.data_dir / "notes.txt").read_text() == "mine"  # files not in it are left

    line = refused(target.cli(f"backup restore {archive}"), "--force", "the database",
                   "data folder", "are not empty")
    target.run(f"backup restore {archive} --force")
    assert target.documents() == source.documents()


def test_an_older_backup_is_migrated(new_place, tmp_path):
    older = schema.alembic_config()
    from alembic.script import ScriptDirectory

    previous = ScriptDirectory.from_config(older).get_revision(schema.head_revision()).down_revision
    assert isinstance(previous, str)
    source = new_place("source")
    schema.upgrade(source.engine, previous)
    with source.engine.begin() as connection:
        connection.execute(sa.text(
            "INSERT INTO organisation (slug, name, timezone, created_at, updated_at) "
            "VALUES ('old', 'Ancienne Maison', 'Europe/Paris', :now, :now)"),
            {"now": source.clock().replace(tzinfo=None)})
    archive = tmp_path / "old.tar.gz"
    assert f"schema {previous} (older than this code's" in source.run(f"backup create {archive}")
    assert "a restore migrates it" in source.run(f"backup verify {archive}")

    target = new_place("target")
    out = target.run(f"backup restore {archive}")
    assert f"schema {schema.head_revision()}, migrated from {previous}" in out
    assert schema.current_revision(target.engine) == schema.head_revision()
    assert not schema.drift(target.engine)
    with target.engine.connect() as connection:
        assert connection.scalar(sa.text("SELECT name FROM organisation WHERE slug = 'old'")) \
            == "Ancienne Maison"


def test_a_backup_newer_than_the_code_is_refused(new_place, tmp_path):
    source = new_place("source")
    schema.upgrade(source.engine)
    with source.engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    archive = tmp_path / "new.tar.gz"
    assert "NEWER than this code's" in source.run(f"backup create {archive}")
    target = new_place("target")
    refused(target.cli(f"backup restore {archive}"), "error: schema:", "9999",
            "newer than this code's")
    assert not sa.inspect(target.engine).get_table_names()


def test_backups_are_the_operators_or_an_admins(new_place, tmp_path):
    source = demo_place(new_place)
    archive = tmp_path / "backup.tar.gz"
    refused(source.cli(f"--as {CAMILLE} backup create {archive}"), "error: backup:", "admin")
    refused(source.cli(f"--as {HR} backup create {archive}"), "error: backup:", "admin")
    assert not archive.exists()
    source.run("user add --email admin@example.org --name Admin --role admin --no-password")
    source.run(f"--as admin@example.org backup create {archive}")
    refused(source.cli(f"--as {CAMILLE} backup verify {archive}"), "error: backup:")
    refused(new_place("target").cli(f"--as admin@example.org backup restore {archive}"),
            "error: --as:", "operator")
