"""tracker.pdfcheck: a readable PDF gives its facts; anything else is refused with one clear
message naming `file`, and a hostile file exhausts a child process, never the caller."""

from __future__ import annotations

import subprocess
import time

import pytest

from tests.uploads import (
    encrypted,
    make_pdf,
    no_pages,
    page_tree_bomb,
    raw_pdf,
    two_pages,
    zip_archive,
)
from tracker.config import get_settings
from tracker.domain.errors import DomainError
from tracker.pdfcheck import PdfFacts, check_pdf

LIMIT = 10_000_000


def refused(data: bytes, filename: str = "cv.pdf", **limits) -> str:
    with pytest.raises(DomainError) as caught:
        check_pdf(data, filename=filename, max_bytes=limits.pop("max_bytes", LIMIT), **limits)
    assert caught.value.field == "file"
    return str(caught.value)


@pytest.fixture
def no_child(monkeypatch):
    """Fails the test if a child process is started."""

    def forbidden(*args, **kwargs):
        raise AssertionError(f"a child process was started: {args[0] if args else kwargs}")

    monkeypatch.setattr(subprocess, "run", forbidden)
    monkeypatch.setattr(subprocess, "Popen", forbidden)


def test_a_valid_pdf_gives_its_facts():
    assert check_pdf(two_pages(), filename="cv.pdf", max_bytes=LIMIT) == PdfFacts(
        page_count=2, encrypted=False, pdf_version="1.7")
    assert check_pdf(make_pdf("one"), filename="cv.pdf", max_bytes=LIMIT).page_count == 1


def test_a_header_after_some_bytes_is_still_a_pdf():
    # some producers (and mail gateways) put bytes before %PDF-; readers accept up to 1 kB
    assert check_pdf(b"\n" * 1000 + two_pages(), filename="cv.pdf", max_bytes=LIMIT).page_count == 2
    assert "is not a PDF" in refused(b"\n" * 1025 + two_pages())


def test_a_newer_version_in_the_catalog_wins():
    data = raw_pdf(b"<< /Type /Catalog /Pages 2 0 R /Version /2.0 >>",
                   b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                   b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
    assert check_pdf(data, filename="a.pdf", max_bytes=LIMIT) == PdfFacts(1, False, "2.0")


def test_too_large_is_refused_before_anything_else(no_child):
    data = b"%PDF-1.7\n" + bytes(50 * 1024 * 1024)
    started = time.perf_counter()
    assert refused(data) == "file: 'cv.pdf' is 52.4 MB, the limit is 10 MB"
    assert time.perf_counter() - started < 0.5
    # the size comes first: not even sniffed
    assert refused(b"PK\x03\x04" + bytes(LIMIT)) == (
        "file: 'cv.pdf' is 10,000,004 bytes, the limit is 10,000,000 bytes (10 MB)")


def test_the_limit_itself_is_allowed():
    data = two_pages()
    assert check_pdf(data, filename="cv.pdf", max_bytes=len(data)).page_count == 2
    assert refused(data, max_bytes=len(data) - 1).startswith("file: 'cv.pdf' is ")


NOT_PDF = [
    (zip_archive(), "it is a ZIP archive, e.g. a Word document"),
    (zip_archive("[Content_Types].xml", "word/document.xml"),
     "it is a Word document, .docx): export it as PDF first"),
    (zip_archive("[Content_Types].xml", "xl/workbook.xml"), "it is an Excel workbook, .xlsx"),
    ("Camille Martin\nChargée de projets européens\n".encode(), "it is plain text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "an old Microsoft Office document"),
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "it is a PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(100), "it is a JPEG image"),
    (b"<!DOCTYPE html><html><body>CV</body></html>", "it is an HTML page"),
    (bytes(range(256)), "it does not start with %PDF-"),
]


@pytest.mark.parametrize(("data", "words"), NOT_PDF,
                         ids=["zip", "docx", "xlsx", "text", "doc", "png", "jpeg", "html",
                              "binary"])
def test_not_a_pdf_says_what_it_looks_like(no_child, data, words):
    message = refused(data)
    assert message.startswith("file: 'cv.pdf' is not a PDF (")
    assert words in message


def test_empty(no_child):
    assert refused(b"") == "file: 'cv.pdf' is empty"


@pytest.mark.parametrize("password", ["secret", ""], ids=["password", "owner-only"])
def test_encrypted_is_refused(password):
    # even with an empty user password: the dossier could not append its pages as they are
    assert refused(encrypted(two_pages(), password)) == (
        "file: 'cv.pdf' is password-protected: upload it without protection")


def test_truncated_is_refused():
    data = two_pages()
    message = refused(data[: len(data) // 2])
    assert message.startswith("file: 'cv.pdf' is damaged or truncated (pypdf: ")


@pytest.mark.parametrize("cut", [0.1, 0.3, 0.7, 0.9, 0.99])
def test_truncated_anywhere_is_refused(cut):
    data = two_pages()
    assert "damaged or truncated" in refused(data[: int(len(data) * cut)])


def test_garbage_after_the_header_is_refused():
    assert "damaged or truncated" in refused(b"%PDF-1.4\n" + b"garbage " * 500)


def test_a_page_whose_content_is_missing_is_refused():
    data = raw_pdf(b"<< /Type /Catalog /Pages 2 0 R >>",
                   b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                   b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 9 0 R >>")
    assert refused(data) == (
        "file: 'cv.pdf' is damaged or truncated (pypdf: the content of page 1 is missing)")


def test_no_pages_is_refused():
    assert refused(no_pages()) == "file: 'cv.pdf' has no pages"


def test_too_many_pages_is_refused():
    assert refused(page_tree_bomb(100)) == "file: 'cv.pdf' has 10000 pages, the limit is 200"
    assert refused(make_pdf("1", "2", "3"), max_pages=2) == (
        "file: 'cv.pdf' has 3 pages, the limit is 2")


def test_timeout_from_the_settings(monkeypatch):
    monkeypatch.setattr(get_settings(), "pdf_check_timeout_s", 0.001)
    started = time.perf_counter()
    assert refused(two_pages()) == "file: 'cv.pdf' could not be read within 0.001 s"
    assert time.perf_counter() - started < 1


@pytest.mark.slow
def test_a_slow_file_is_stopped_at_the_time_limit():
    # 90,000 pages claimed by 4 kB: reading them takes about a second; the child is killed
    # when the time is up, and the caller does not wait for it
    started = time.perf_counter()
    assert refused(page_tree_bomb(300), timeout_s=0.3) == (
        "file: 'cv.pdf' could not be read within 0.3 s")
    assert time.perf_counter() - started < 0.9


def test_a_file_that_needs_too_much_memory_is_refused():
    # the same 90,000 pages need about 100 MB of address space; the child may have 64
    assert refused(page_tree_bomb(300), memory_mb=64, timeout_s=30) == (
        "file: 'cv.pdf' could not be read within the memory limit (64 MB)")


def test_memory_limit_from_the_settings(monkeypatch):
    # so small that the reader cannot even start: still a clean refusal
    monkeypatch.setattr(get_settings(), "pdf_check_memory_mb", 24)
    assert refused(two_pages()) == (
        "file: 'cv.pdf' could not be read within the memory limit (24 MB)")


@pytest.mark.parametrize(
    ("returncode", "stdout", "stderr", "message"),
    [
        (-11, b"", b"", "could not be read: the PDF reader crashed (signal SIGSEGV)"),
        (-9, b"", b"", "could not be read: the PDF reader was killed (signal SIGKILL)"),
        (-24, b"", b"", "could not be read within 10 s"),
        (1, b"", b"Traceback ...\nMemoryError\n", "could not be read within the memory limit"),
        (1, b"", b"Traceback ...\nImportError: no pypdf\n",
         "the PDF reader failed (exit status 1: ImportError: no pypdf)"),
        (0, b"", b"", "could not be checked (no answer from the PDF checker)"),
        (0, b'{"pages": "many"}\n', b"", "could not be checked (unexpected answer"),
    ],
    ids=["segfault", "killed", "cpu-limit", "memory", "broken-install", "silent", "garbled"],
)
def test_whatever_happens_to_the_child_is_a_clear_refusal(monkeypatch, returncode, stdout,
                                                          stderr, message):
    def run(command, **kwargs):
        return subprocess.CompletedProcess(command, returncode, stdout, stderr)

    monkeypatch.setattr(subprocess, "run", run)
    text = refused(two_pages(), timeout_s=10)
    assert text.startswith("file: 'cv.pdf' ") and message in text


def test_a_checker_that_cannot_start_is_a_clear_refusal(monkeypatch):
    def run(command, **kwargs):
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(subprocess, "run", run)
    assert refused(two_pages()) == (
        "file: 'cv.pdf' could not be checked now (the PDF checker did not start: Resource "
        "temporarily unavailable); try again")


def test_the_child_is_bounded_and_gets_the_bytes(monkeypatch):
    seen = {}
    real_run = subprocess.run

    def run(command, **kwargs):
        seen.update(command=command, **kwargs)
        return real_run(command, **kwargs)

    monkeypatch.setattr(subprocess, "run", run)
    data = two_pages()
    check_pdf(data, filename="cv.pdf", max_bytes=LIMIT, timeout_s=7, memory_mb=300)
    assert seen["command"][1:] == ["-m", "tracker.pdfcheck", "300", "8", "200"]
    assert seen["input"] == data and seen["timeout"] == 7
    assert "preexec_fn" not in seen  # limits are set by the child itself: safe with threads
