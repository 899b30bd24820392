"""Documents of applications: a readable PDF is stored with its digest, size and page count;
anything else is refused with one clear message and nothing written."""

from __future__ import annotations

import hashlib
import io
import subprocess
import time

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from tests.cli.helpers import row_counts
from tests.uploads import encrypted, make_pdf, no_pages, two_pages, zip_archive
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.domain.errors import Conflict, DomainError, NotFound, PermissionDenied
from tracker.models import AuditLog, Document, DocumentKind
from tracker.services.accounts import organisations, users
from tracker.services.hiring import applications
from tracker.services.hiring.documents import (
    add_document,
    clean_filename,
    document_content,
    get_document,
    list_documents,
    remove_document,
)


@pytest.fixture
def other_candidate(session, clock):
    return users.create_user(session, email="jordan@example.org", full_name="Jordan Smith",
                             role="candidate", clock=clock, actor=OPERATOR)


@pytest.fixture
def other_hr(session, clock):
    organisations.create_organisation(session, slug="lyon2", name="Université Lyon 2",
                                      clock=clock, actor=OPERATOR)
    return users.create_user(session, email="rh@univ-lyon2.fr", full_name="Paul Durand",
                             role="hr", organisation="lyon2", clock=clock, actor=OPERATOR)


def add(session, application, data, *, actor=OPERATOR, clock=None, kind="cv", filename="CV.pdf"):
    kwargs = {"clock": clock} if clock else {}
    return add_document(session, application, kind=kind, filename=filename, content=data,
                        actor=actor, **kwargs, settings=get_settings())


def test_a_valid_pdf_is_stored_with_its_facts(session, application, candidate, clock):
    data = two_pages()
    document = add(session, application, data, actor=candidate, clock=clock)
    session.expire_all()
    stored = session.get(Document, document.id)
    assert (stored.kind, stored.filename, stored.media_type) == (
        DocumentKind.CV, "CV.pdf", "application/pdf")
    # what is stored is the sanitised copy: its digest and size; the upload's are on record
    copy = document_content(session, stored)
    assert copy.startswith(b"%PDF-") and copy != data
    assert stored.sha256 == hashlib.sha256(copy).hexdigest()
    assert stored.size_bytes == len(copy) and stored.page_count == 2
    assert stored.uploaded_at == clock.now
    assert (stored.owner_id, stored.application_id) == (candidate.id, application.id)
    assert [p.extract_text() for p in PdfReader(io.BytesIO(copy)).pages] == [
        p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
    assert [d.id for d in list_documents(session, application)] == [document.id]
    entry = session.scalars(sa.select(AuditLog).where(AuditLog.action == "document.add")).one()
    assert (entry.actor_id, entry.entity_type, entry.entity_id) == (
        candidate.id, "document", document.id)
    assert entry.details["page_count"] == 2 and entry.details["sha256"] == stored.sha256
    assert entry.details["uploaded_sha256"] == hashlib.sha256(data).hexdigest()
    assert entry.details["uploaded_bytes"] == len(data)


def test_listing_does_not_load_the_content(session, application, candidate, clock):
    add(session, application, two_pages(), actor=candidate, clock=clock)
    session.expire_all()
    [listed] = list_documents(session, application)
    assert "content" not in listed.__dict__


def test_documents_are_listed_oldest_first(session, application, candidate, clock):
    first = add(session, application, two_pages(), actor=candidate, clock=clock)
    clock.advance(hours=1)
    second = add(session, application, make_pdf("Lettre"), kind="cover_letter",
                 filename="Lettre.pdf", actor=candidate, clock=clock)
    assert [d.id for d in list_documents(session, application)] == [first.id, second.id]


HOSTILE = [
    ("zip", lambda: zip_archive(), "file: 'CV.pdf' is not a PDF (it is a ZIP archive"),
    ("text", lambda: b"Mon CV en texte\n", "file: 'CV.pdf' is not a PDF (it is plain text)"),
    ("encrypted", lambda: encrypted(two_pages()), "file: 'CV.pdf' is password-protected"),
    ("truncated", lambda: two_pages()[: len(two_pages()) // 2],
     "file: 'CV.pdf' is damaged or truncated (pypdf: "),
    ("no pages", no_pages, "file: 'CV.pdf' has no pages"),
    ("empty", lambda: b"", "file: 'CV.pdf' is empty"),
]


@pytest.mark.parametrize(("make", "words"), [(m, w) for _, m, w in HOSTILE],
                         ids=[name for name, _, _ in HOSTILE])
def test_hostile_uploads_are_refused_and_nothing_is_written(session, application, candidate,
                                                            clock, make, words):
    before = row_counts(session)
    with pytest.raises(DomainError) as caught:
        add(session, application, make(), actor=candidate, clock=clock)
    assert caught.value.field == "file"
    assert str(caught.value).startswith(words), str(caught.value)
    assert row_counts(session) == before


def test_50_mb_is_refused_by_size_before_any_parsing(session, application, candidate, clock,
                                                     monkeypatch):
    def no_child(*args, **kwargs):
        raise AssertionError("a child process was started")

    monkeypatch.setattr(subprocess, "run", no_child)
    before = row_counts(session)
    started = time.perf_counter()
    with pytest.raises(DomainError, match=r"^file: 'CV.pdf' is 52.4 MB, the limit is 10 MB$"):
        add(session, application, b"%PDF-1.7\n" + bytes(50 * 1024 * 1024 - 9), actor=candidate,
            clock=clock)
    assert time.perf_counter() - started < 0.5
    assert row_counts(session) == before


def test_the_size_limit_comes_from_the_settings(session, application, candidate, monkeypatch):
    monkeypatch.setattr(get_settings(), "max_upload_mb", 1)
    with pytest.raises(DomainError, match="is 2 MB, the limit is 1 MB"):
        add(session, application, b"%PDF-1.7\n" + bytes(2_000_000), actor=candidate)


def test_a_slow_read_is_refused(session, application, candidate, clock, monkeypatch):
    monkeypatch.setattr(get_settings(), "pdf_check_timeout_s", 0.001)
    before = row_counts(session)
    with pytest.raises(DomainError, match=r"^file: 'CV.pdf' could not be read within 0.001 s$"):
        add(session, application, two_pages(), actor=candidate, clock=clock)
    assert row_counts(session) == before


def test_the_same_file_twice_is_a_conflict(session, application, candidate, clock):
    first = add(session, application, two_pages(), actor=candidate, clock=clock)
    before = row_counts(session)
    with pytest.raises(Conflict) as caught:
        add(session, application, two_pages(), filename="CV-again.pdf", actor=candidate,
            clock=clock)
    assert caught.value.field == "file"
    assert str(caught.value) == (
        f"file: 'CV-again.pdf' is already attached to application #{application.id} as CV "
        f"(document #{first.id}, 'CV.pdf')")
    assert row_counts(session) == before
    # the same bytes as another kind of document are another document
    add(session, application, two_pages(), kind="portfolio", actor=candidate, clock=clock)
    assert len(list_documents(session, application)) == 2


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("CV.pdf", "CV.pdf"),
        ("/home/camille/Documents/CV Camille.PDF", "CV Camille.PDF"),
        ("C:\\Users\\camille\\cv.pdf", "cv.pdf"),
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("cv\x00\n\t.pdf", "cv.pdf"),
        ("cv\u202efdp.pdf", "cvfdp.pdf"),  # a right-to-left override is gone
        ("  Lettre de motivation.pdf  ", "Lettre de motivation.pdf"),
        ("Cafe\u0301.pdf", "Café.pdf"),  # NFC
        ("x" * 300 + ".pdf", "x" * 251 + ".pdf"),
    ],
)
def test_filenames_are_cleaned(given, stored):
    assert clean_filename(given) == stored
    assert len(clean_filename(given)) <= 255


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("cv.docx", "filename: 'cv.docx' must end in .pdf (only PDF files are accepted)"),
        ("cv\u202efdp.exe", "filename: 'cvfdp.exe' must end in .pdf"),
        ("cv.pdf.exe", "filename: 'cv.pdf.exe' must end in .pdf"),
        (".pdf", "filename: '.pdf' has no name before .pdf"),
        ("dir/", "filename: 'dir/' has no file name"),
        ("", "filename: '' has no file name"),
    ],
)
def test_bad_filenames_are_refused(session, application, candidate, given, message):
    before = row_counts(session)
    with pytest.raises(DomainError) as caught:
        add(session, application, two_pages(), filename=given, actor=candidate)
    assert str(caught.value).startswith(message)
    assert row_counts(session) == before


def test_unknown_kind_is_refused(session, application, candidate):
    with pytest.raises(DomainError, match="'photo' is not one of: cv, cover_letter") as caught:
        add(session, application, two_pages(), kind="photo", actor=candidate)
    assert caught.value.field == "kind"


def test_who_may_add(session, application, hr, other_candidate, other_hr, clock):
    admin = users.create_user(session, email="admin@example.org", full_name="Admin",
                              role="admin", clock=clock, actor=OPERATOR)
    for i, actor in enumerate([hr, OPERATOR, admin]):  # the employer side, the operator, an admin
        add(session, application, make_pdf(f"document {i}"), kind="other", actor=actor,
            clock=clock)
    before = row_counts(session)
    for stranger in (other_candidate, other_hr):
        with pytest.raises(PermissionDenied, match="you may not add documents"):
            add(session, application, make_pdf("intruder"), actor=stranger, clock=clock)
    assert row_counts(session) == before


def test_no_document_for_a_withdrawn_application(session, application, candidate, clock):
    applications.move(session, application, "withdrawn", actor=candidate, clock=clock)
    before = row_counts(session)
    with pytest.raises(DomainError, match="the application is withdrawn: no new documents"):
        add(session, application, two_pages(), actor=candidate, clock=clock)
    assert row_counts(session) == before


def test_remove(session, application, candidate, hr, other_candidate, other_hr, clock):
    mine = add(session, application, two_pages(), actor=candidate, clock=clock)
    theirs = add(session, application, make_pdf("Lettre"), kind="cover_letter", actor=hr,
                 clock=clock)
    before = row_counts(session)
    for stranger in (other_candidate, other_hr):
        with pytest.raises(PermissionDenied, match=f"you may not remove document #{mine.id}"):
            remove_document(session, mine, actor=stranger, clock=clock)
    assert row_counts(session) == before
    remove_document(session, mine, actor=candidate, clock=clock)  # the owner
    remove_document(session, theirs, actor=hr, clock=clock)  # the employer side
    assert list_documents(session, application) == []
    removed = session.scalars(sa.select(AuditLog).where(AuditLog.action == "document.remove")
                              .order_by(AuditLog.id)).all()
    assert [(e.entity_id, e.actor_id) for e in removed] == [(mine.id, candidate.id),
                                                            (theirs.id, hr.id)]
    assert removed[0].details["filename"] == "CV.pdf"
    assert session.scalar(sa.select(sa.func.count()).select_from(Document)) == 0


def test_get_document_respects_visibility(session, application, candidate, hr, other_candidate,
                                          other_hr, clock):
    document = add(session, application, two_pages(), actor=candidate, clock=clock)
    for actor in (OPERATOR, candidate):
        assert get_document(session, document.id, actor=actor) is document
    with pytest.raises(NotFound):  # a draft's document: the candidate's own until submitted
        get_document(session, document.id, actor=hr)
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    assert get_document(session, document.id, actor=hr) is document
    for actor in (other_candidate, other_hr):
        with pytest.raises(NotFound, match=f"no document #{document.id}"):
            get_document(session, document.id, actor=actor)
    with pytest.raises(NotFound, match="no document #999999"):
        get_document(session, 999999, actor=OPERATOR)


def test_an_application_holds_a_capped_number_and_size_of_documents(
        session, application, candidate, monkeypatch):
    """Issue #12, finding 10: ten documents of 9 MB were taken. Now at most
    `application_max_documents` documents of `application_max_mb` MB in all."""
    monkeypatch.setattr(get_settings(), "application_max_documents", 2)
    add(session, application, make_pdf("one"), actor=candidate, filename="one.pdf")
    add(session, application, make_pdf("two"), actor=candidate, filename="two.pdf")
    with pytest.raises(DomainError, match="already holds as many documents as it may") as caught:
        add(session, application, make_pdf("three"), actor=candidate, filename="three.pdf")
    assert caught.value.field == "file"
    assert len(list_documents(session, application)) == 2
    monkeypatch.setattr(get_settings(), "application_max_documents", 20)
    monkeypatch.setattr(get_settings(), "application_max_mb", 1)
    big = noise_pdf(1_100_000)  # what the stored, cleaned copy keeps: a picture of noise
    with pytest.raises(DomainError, match="would take more space than it may hold"):
        add(session, application, big, actor=candidate, filename="big.pdf")
    assert len(list_documents(session, application)) == 2


def noise_pdf(size: int) -> bytes:
    """A one-page PDF showing a picture of random pixels: `size` bytes that no rewriting or
    compression makes smaller."""
    import os

    import pikepdf

    side = int((size / 3) ** 0.5) + 1
    pdf = pikepdf.new()
    pdf.add_blank_page()
    image = pikepdf.Stream(pdf, os.urandom(side * side * 3))
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = side, side, 8
    image.ColorSpace = pikepdf.Name.DeviceRGB
    page = pdf.pages[0]
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.Contents = pikepdf.Stream(pdf, b"q 200 0 0 200 0 0 cm /Im0 Do Q")
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()
