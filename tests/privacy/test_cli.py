"""`tracker privacy export` and `tracker privacy erase`, on the demo as issue #13 says: the
export holds Camille Martin's record and documents; after the erasure neither the database
file (with its -wal), nor the data folder, nor the reports folder (dossiers made before
included) holds her e-mail address or her name."""

from __future__ import annotations

import hashlib
import io
import json
import shlex
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner, Result
from pypdf import PdfReader

from tests.conftest import PG_URL
from tracker import schema
from tracker.cli import main
from tracker.cli.context import AppContext
from tracker.config import Settings
from tracker.db import create_engine, make_session_factory
from tracker.models import Document, User
from tracker.services.accounts import sessions, tokens, users
from tracker.services.exports import calendar

EMAIL = "camille.martin@example.org"
NAME = "Camille Martin"


class Place:
    """A tracker of its own: an SQLite file in a data folder, a reports folder, committed
    transactions (not the rolled-back test transaction), as a person at a terminal has."""

    def __init__(self, root: Path, clock) -> None:  # noqa: ANN001
        self.settings = Settings(data_dir=root / "data", reports_dir=root / "reports",
                                 secret_key="test-secret")
        self.engine = create_engine(f"sqlite:///{root / 'data' / 'tracker.db'}")
        schema.upgrade(self.engine)
        self.factory = make_session_factory(self.engine)
        self.clock = clock

    def __call__(self, args: str) -> Result:
        app = AppContext(session_factory=self.factory, clock=self.clock,
                         given_settings=self.settings, _schema_checked=True)
        return CliRunner().invoke(main, shlex.split(args), obj=app, catch_exceptions=False)

    def files(self) -> list[Path]:
        return [p for folder in (self.settings.data_dir, self.settings.reports_dir)
                for p in folder.rglob("*") if p.is_file()]


@pytest.fixture
def place(tmp_path: Path, clock):  # noqa: ANN001, ANN201
    if PG_URL:
        pytest.skip("the file-level check is SQLite's (PostgreSQL: test_erase.py's row check)")
    made = Place(tmp_path, clock)
    yield made
    made.engine.dispose()


def naming(data: bytes) -> list[str]:
    """Which of her e-mail address or name the bytes hold (case ignored, UTF-8 or UTF-16)."""
    found = []
    for needle in (EMAIL, NAME):
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            if needle.casefold().encode(encoding) in data.lower():
                found.append(f"{needle} ({encoding})")
    return found


def test_export_then_erase_camille_martin_on_the_demo(place: Place, tmp_path: Path) -> None:
    assert place("demo").exit_code == 0
    dossiers = list(place.settings.reports_dir.rglob("*.pdf"))
    assert len(dossiers) == 2  # her application dossier and the panel dossier listing her
    # more traces: a login session, an API token, a calendar feed, a pending import
    with place.factory.begin() as session:
        camille = users.get_user(session, EMAIL)
        camille_id = camille.id
        sessions.start_session(session, camille, actor=camille, device="Firefox", ip="192.0.2.7",
                               clock=place.clock)
        tokens.create_token(session, camille, "laptop", place.clock)
        calendar.feed_token(session, camille, place.clock)
        stored = {d.filename: d.content for d in session.scalars(
            sa.select(Document).where(Document.owner_id == camille.id))}
    pending = place.settings.data_dir / "imports" / f"{camille_id}-{'t' * 32}"
    pending.parent.mkdir()
    pending.write_bytes(f"Offre notée par {NAME}".encode())

    # export: her JSON record, her documents byte for byte, her dossier, a README in French
    archive_path = tmp_path / "x.zip"
    result = place(f"privacy export {EMAIL} -o {archive_path}")
    assert result.exit_code == 0, result.output
    assert "1 application(s), 2 document(s), 1 dossier(s)" in result.output
    with zipfile.ZipFile(archive_path) as archive:
        names = archive.namelist()
        record = json.loads(archive.read("data.json"))
        readme = archive.read("README.txt").decode()
        documents = {n: archive.read(n) for n in names if n.startswith("documents/")}
        [dossier] = [archive.read(n) for n in names if n.startswith("dossiers/")]
    assert record["account"]["email"] == EMAIL and record["account"]["full_name"] == NAME
    [application] = record["applications"]
    assert application["posting"]["reference"] == "UJM-DRI-2024-CCI"
    assert [h["to_status"] for h in application["history"]][:2] == ["draft", "submitted"]
    assert application["answers"] and all("reviewer_rating" not in a
                                          for a in application["answers"])
    assert sorted(hashlib.sha256(c).hexdigest() for c in documents.values()) == sorted(
        hashlib.sha256(c).hexdigest() for c in stored.values())
    assert {d["filename"] for d in application["documents"]} == set(stored)
    assert record["login_sessions"][0]["ip"] == "192.0.2.7"
    assert record["calendar"]["feed_tokens"] and "token" not in record["calendar"]["feed_tokens"][0]
    assert record["audit"]["by_them"]
    assert NAME in " ".join(PdfReader(io.BytesIO(dossier)).pages[0].extract_text().split())
    assert "Vos données personnelles" in readme and "data.json" in readme
    # an export kept under the reports folder names her: the erasure finds it there too
    kept = place.settings.reports_dir / "exports" / "camille.zip"
    kept.parent.mkdir()
    kept.write_bytes(archive_path.read_bytes())

    # without --yes: what would go, and nothing goes
    result = place(f"privacy erase {EMAIL}")
    assert result.exit_code == 1
    assert "nothing was erased" in result.output and "applications: 1" in result.output
    assert "dossier-de-candidature-camille-martin-fr.pdf" in result.output
    assert any(naming(p.read_bytes()) for p in place.files())

    result = place(f"privacy erase {EMAIL} --yes")
    assert result.exit_code == 0, result.output
    assert "person-" in result.output

    # nothing names her: not the database file nor its -wal, the data folder, the reports
    found = {str(p): naming(p.read_bytes()) for p in place.files()}
    assert {path: names for path, names in found.items() if names} == {}
    assert (place.settings.data_dir / "tracker.db") in place.files()
    assert not pending.exists() and not kept.exists()
    assert not any(p.exists() for p in dossiers)
    place.engine.dispose()  # closed: the -wal is folded in, still nothing
    found = {str(p): naming(p.read_bytes()) for p in place.files()}
    assert {path: names for path, names in found.items() if names} == {}

    # the others are still there, and the tracker still works
    result = place("posting show UJM-DRI-2024-CCI --format json")
    assert result.exit_code == 0
    with place.factory.begin() as session:
        assert session.scalar(sa.select(User).where(User.email == "jordan.smith@example.org"))
        assert session.scalar(sa.select(User).where(User.email == EMAIL)) is None


def test_erase_refuses_without_yes_and_an_unknown_address(place: Place) -> None:
    result = place("privacy erase nobody@example.org --yes")
    assert result.exit_code == 1 and "nobody@example.org" in result.output


def test_a_candidate_cannot_export_or_erase_someone_else(place: Place, tmp_path: Path) -> None:
    assert place("demo --no-dossiers").exit_code == 0
    out = tmp_path / "y.zip"
    result = place(f"--as jordan.smith@example.org privacy export {EMAIL} -o {out}")
    assert result.exit_code == 1 and "only your own" in result.output and not out.exists()
    result = place(f"--as jordan.smith@example.org privacy erase {EMAIL} --yes")
    assert result.exit_code == 1 and "only an admin" in result.output
    # hr export what their organisation holds: her applications to its postings
    result = place(f"--as drh.recrutement@demo.univ-st-etienne.fr privacy export {EMAIL} "
                   f"-o {out}")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        record = json.loads(archive.read("data.json"))
    assert record["scope"] == "organisation" and record["organisation"] == "ujm"
    assert "login_sessions" not in record and "notifications" not in record
    assert all("reviewer_rating" in a for a in record["applications"][0]["answers"])
