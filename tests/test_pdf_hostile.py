"""Hostile PDFs (issue #12): an upload is stored only as a sanitised copy made in the bounded
child; bombs are refused with one line naming the file; a dossier made from what is accepted
stays bounded; no transaction waits on the check; a PDF import is read in the child."""

from __future__ import annotations

import io
import subprocess
import threading
import time
import zlib
from pathlib import Path

import pikepdf
import pytest
import sqlalchemy as sa

from tests.conftest import POSTING
from tests.pdf.conftest import demo  # noqa: F401  (the fixture)
from tests.uploads import two_pages
from tracker import schema
from tracker.config import get_settings
from tracker.db import create_engine, make_session_factory, unit_of_work
from tracker.domain.access import OPERATOR
from tracker.domain.errors import DomainError
from tracker.models import AuditLog, Document
from tracker.services import imports
from tracker.services.accounts import organisations, users
from tracker.services.dossiers import render as dossiers
from tracker.services.hiring import applications, documents, postings

MB = 1_000_000


def _save(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _flate(size: int, unit: bytes = b"q Q\n") -> bytes:
    """`size` bytes of harmless content operators, deflated (a few hundred kB)."""
    packer = zlib.compressobj(9)
    block = unit * (MB // len(unit))
    chunks = [packer.compress(block) for _ in range(size // len(block))]
    return b"".join(chunks) + packer.flush()


def bomb(decoded: int = 400 * MB) -> bytes:
    """A small file whose one content stream unpacks to `decoded` bytes."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    stream = pikepdf.Stream(pdf, b"")
    stream.write(_flate(decoded), filter=pikepdf.Name.FlateDecode)
    pdf.pages[0].obj.Contents = pdf.make_indirect(stream)
    return _save(pdf)


def shared_stream(pages: int = 20, decoded: int = 70 * MB) -> bytes:
    """`pages` pages that all draw one big stream."""
    pdf = pikepdf.new()
    stream = pikepdf.Stream(pdf, b"")
    stream.write(_flate(decoded), filter=pikepdf.Name.FlateDecode)
    shared = pdf.make_indirect(stream)
    for _ in range(pages):
        pdf.add_blank_page()
        pdf.pages[-1].obj.Contents = shared
    return _save(pdf)


def scripted() -> bytes:
    """A real CV with a JavaScript open action, a Launch action on a link, a web link that may
    stay, a page action and an embedded executable."""
    pdf = pikepdf.open(io.BytesIO(two_pages()))
    pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript,
                                             JS=pikepdf.String("app.alert('pwned')"))
    page = pdf.pages[0].obj
    page.AA = pikepdf.Dictionary(O=pikepdf.Dictionary(S=pikepdf.Name.JavaScript,
                                                      JS=pikepdf.String("this.print()")))
    launch = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link,
                                Rect=[0, 0, 100, 100],
                                A=pikepdf.Dictionary(S=pikepdf.Name.Launch,
                                                     F=pikepdf.String("calc.exe")))
    link = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link,
                              Rect=[0, 200, 100, 300],
                              A=pikepdf.Dictionary(S=pikepdf.Name.URI,
                                                   URI=pikepdf.String("https://example.org/")))
    page.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(launch),
                                                   pdf.make_indirect(link)]))
    pdf.attachments["invoice.exe"] = pikepdf.AttachedFileSpec(
        pdf, b"MZ\x90\x00" + b"\x00" * 200, mime_type="application/x-msdownload")
    return _save(pdf)


def _expanded(data: bytes) -> bytes:
    """Every object and stream of `data` written out in the clear, to look for names."""
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.save(out, compress_streams=False, object_stream_mode=pikepdf.ObjectStreamMode.disable,
                 stream_decode_level=pikepdf.StreamDecodeLevel.generalized)
    return out.getvalue()


def _refused(data: bytes, filename: str = "cv.pdf") -> str:
    with pytest.raises(DomainError) as caught:
        documents.check_upload(data, filename=filename, settings=get_settings())
    assert caught.value.field == "file"
    assert "\n" not in str(caught.value)
    return str(caught.value)


def test_a_decompression_bomb_is_refused_naming_the_file():
    data = bomb()
    assert len(data) < 1 * MB
    started = time.perf_counter()
    assert _refused(data, "CV-bomb.pdf") == (
        "file: 'CV-bomb.pdf' unpacks to more than 100 MB, the limit for one document")
    assert time.perf_counter() - started < 10


def test_the_decoded_limit_is_a_setting(monkeypatch):
    monkeypatch.setattr(get_settings(), "pdf_max_decoded_mb", 5)
    assert _refused(bomb(10 * MB)) == (
        "file: 'cv.pdf' unpacks to more than 5 MB, the limit for one document")


def test_scripts_actions_and_embedded_files_are_removed_links_stay():
    original = scripted()
    assert b"/Launch" in _expanded(original) and b"/EmbeddedFile" in _expanded(original)
    clean = documents.check_upload(original, filename="cv.pdf", settings=get_settings())
    text = _expanded(clean.content)
    for name in (b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile", b"/OpenAction", b"/AA",
                 b"calc.exe", b"MZ\x90"):
        assert name not in text, name
    assert b"https://example.org/" in text and b"/URI" in text
    assert clean.facts.page_count == 2
    assert set(clean.removed) == {"JavaScript", "actions", "embedded files"}


def test_the_stored_document_is_the_clean_copy(session, application, candidate, clock):
    original = scripted()
    clean = documents.check_upload(original, filename="cv.pdf", settings=get_settings())
    document = documents.add_document(session, application, kind="cv", filename="cv.pdf",
                                      content=clean, actor=candidate, clock=clock,
                                      settings=get_settings())
    stored = documents.document_content(session, document)
    assert stored == clean.content and b"/Launch" not in _expanded(stored)
    entry = session.scalars(sa.select(AuditLog).where(AuditLog.action == "document.add")).one()
    assert entry.details["uploaded_sha256"] == clean.original_sha256
    assert set(entry.details["removed"]) == {"JavaScript", "actions", "embedded files"}


@pytest.mark.slow
def test_a_panel_dossier_with_pages_sharing_one_big_stream_stays_small(session, demo):  # noqa: F811
    data = shared_stream()
    assert len(data) < 1 * MB
    clean = documents.check_upload(data, filename="CV-shared.pdf", settings=get_settings())
    assert clean.facts.page_count == 20
    documents.add_document(session, demo["camille"], kind="diploma", filename="CV-shared.pdf",
                           content=clean, actor=OPERATOR, clock=lambda: demo_now(),
                           settings=get_settings())
    session.expire_all()
    dossier = dossiers.panel_dossier(session, demo["posting"].reference, actor=OPERATOR,
                                     clock=demo_now)
    assert len(dossier.content) < 20 * MB
    from pypdf import PdfReader

    assert len(PdfReader(io.BytesIO(dossier.content)).pages) > 20


def demo_now():
    from tests.pdf.conftest import NOW

    return NOW


def test_a_pdf_posting_import_is_read_in_the_child(monkeypatch):
    seen = []
    real_run = subprocess.run

    def run(command, **kwargs):
        seen.append(command)
        return real_run(command, **kwargs)

    monkeypatch.setattr(subprocess, "run", run)
    with pytest.raises(DomainError) as caught:
        imports.analyse("offre.pdf", bomb(), default_zone="Europe/Paris",
                        settings=get_settings())
    assert str(caught.value) == (
        "file: 'offre.pdf' unpacks to more than 100 MB, the limit for one document")
    assert seen and seen[0][1:3] == ["-m", "tracker.pdfcheck"] and "text" in seen[0]


def test_a_slow_import_is_stopped_at_the_time_limit(monkeypatch):
    monkeypatch.setenv("TRACKER_TEST_PDF_CHECK_DELAY_S", "5")
    monkeypatch.setattr(get_settings(), "pdf_check_timeout_s", 1)
    started = time.perf_counter()
    with pytest.raises(DomainError, match="could not be read within 1 s"):
        imports.analyse("offre.pdf", two_pages(), default_zone="Europe/Paris")
    assert time.perf_counter() - started < 3


# -- no transaction waits on the check ------------------------------------------------------


@pytest.fixture
def file_database(tmp_path: Path, clock):  # noqa: ANN001, ANN201
    """A SQLite file of its own (the usual test transaction is one connection): two real
    connections, as two web workers have."""
    engine = create_engine(f"sqlite:///{tmp_path / 'uploads.db'}")
    schema.upgrade(engine)
    factory = make_session_factory(engine)
    from tests.web.conftest import PASSWORD

    with unit_of_work(factory, write=True) as session:
        organisations.create_organisation(session, slug="ujm", name="UJM", actor=OPERATOR,
                                          clock=clock)
        hr = users.create_user(session, email="rh@example.org", full_name="Claire Dubois",
                               role="hr", organisation="ujm", actor=OPERATOR, clock=clock)
        candidate = users.create_user(session, email="camille@example.org",
                                      full_name="Camille Martin", role="candidate",
                                      password=PASSWORD, actor=OPERATOR, clock=clock)
        posting = postings.create_posting(session, dict(POSTING), actor=hr, clock=clock,
                                          settings=get_settings())
        postings.set_status(session, posting, "open", actor=hr, clock=clock)
        application = applications.start(session, posting, candidate, actor=candidate,
                                         clock=clock)
        session.flush()
        ids = {"application": application.id, "candidate": candidate.id}
    yield factory, ids
    engine.dispose()


def test_a_slow_upload_holds_no_write_lock(file_database, tmp_path, monkeypatch, clock):
    from tests.web.conftest import Web, web_settings
    from tracker.app import create_app

    factory, ids = file_database
    app = create_app(web_settings(tmp_path), session_factory=factory, clock=clock)
    app.config["TESTING"] = True
    web = Web(app.test_client())
    web.login("camille@example.org")
    monkeypatch.setenv("TRACKER_TEST_PDF_CHECK_DELAY_S", "3")
    answers = []
    checking = threading.Event()
    real_run = subprocess.run

    def run(command, **kwargs):  # the check's child process has started
        checking.set()
        return real_run(command, **kwargs)

    monkeypatch.setattr(subprocess, "run", run)

    def upload() -> None:
        page = f"/me/applications/{ids['application']}"
        answers.append(web.post(f"{page}/documents", {
            "kind": "cv", "file": (io.BytesIO(two_pages()), "CV.pdf")}, token_from=page,
            content_type="multipart/form-data"))

    thread = threading.Thread(target=upload)
    thread.start()
    assert checking.wait(30)
    time.sleep(0.3)  # the upload is now in its check (3 s)
    started = time.perf_counter()
    with unit_of_work(factory, write=True) as session:  # another worker's write
        users.create_user(session, email="other@example.org", full_name="Other",
                          role="candidate", actor=OPERATOR, clock=clock)
    waited = time.perf_counter() - started
    alive = thread.is_alive()
    thread.join()
    assert waited < 1, f"a write waited {waited:.1f} s behind an upload's check"
    assert alive, "the write should have been done while the check still ran"
    assert answers[0].status_code in (302, 303), answers[0].data[:500]
    with unit_of_work(factory) as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Document)) == 1
