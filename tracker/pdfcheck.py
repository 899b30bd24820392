"""Is an upload a readable PDF? Checked safely, cheapest test first.

1. size: refused above the limit before anything else is done with the bytes;
2. content: `%PDF-` must come within the first 1024 bytes (else: what the file looks like);
3. structure: pypdf opens it in a child process (`python -m tracker.pdfcheck`) bounded in
   wall-clock time (the parent kills it), address space (RLIMIT_AS) and CPU time (RLIMIT_CPU),
   refuses encryption and PDFs without pages or with too many, and reads every page's box
   and content reference, decoding nothing. A hostile file can exhaust the child, never the
   caller.

The child reads the PDF on stdin and prints one JSON object on stdout.
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tracker import bounded
from tracker.domain.errors import DomainError
from tracker.i18n import Text

SNIFF_BYTES = 1024
PAGE_LIMIT_MM = 5080  # 14,400 points, the largest page PDF readers draw (200 inches)
_HEADER = re.compile(rb"%PDF-(\d+\.\d+)")


@dataclass(frozen=True)
class PdfFacts:
    page_count: int
    encrypted: bool = False
    pdf_version: str | None = None


def check_pdf(
    data: bytes,
    *,
    filename: str,
    max_bytes: int,
    timeout_s: float | None = None,
    memory_mb: int | None = None,
    max_pages: int | None = None,
) -> PdfFacts:
    """The facts of a readable PDF, or a DomainError naming `file` that says what is wrong.
    The limits default to the settings (TRACKER_PDF_CHECK_*, TRACKER_MAX_UPLOAD_PAGES)."""
    check_size(len(data), filename=filename, max_bytes=max_bytes)
    version = _sniff(data, filename)
    if timeout_s is None or memory_mb is None or max_pages is None:
        from tracker.config import get_settings

        settings = get_settings()
        timeout_s = settings.pdf_check_timeout_s if timeout_s is None else timeout_s
        memory_mb = settings.pdf_check_memory_mb if memory_mb is None else memory_mb
        max_pages = settings.max_upload_pages if max_pages is None else max_pages
    result, _ = _run_child(data, filename, timeout_s, memory_mb, max_pages)
    return _facts(result, filename, version, memory_mb, max_pages)


def _facts(result: dict[str, Any], filename: str, version: str, memory_mb: int,
           max_pages: int) -> PdfFacts:
    """The child's answer as facts, or the DomainError naming `file` it stands for."""
    error = result.get("error")
    if error == "too_many_pages":
        raise DomainError("file", "%(file)r has %(pages)s pages, the limit is %(limit)s",
                          file=filename, pages=str(result.get("pages")), limit=str(max_pages))
    if error == "encrypted":
        raise DomainError("file", "%(file)r is password-protected: upload it without "
                                  "protection", file=filename)
    if error == "no_pages":
        raise DomainError("file", "%(file)r has no pages", file=filename)
    if error == "memory":
        raise bounded.memory_error(filename, memory_mb)
    if error == "damaged":
        raise DomainError("file", "%(file)r is damaged or truncated (pypdf: %(detail)s)",
                          file=filename, detail=bounded.clip(result.get("detail") or "unreadable"))
    if error == "decoded_too_large":
        raise DomainError("file", "%(file)r unpacks to more than %(megabytes)s MB, the limit "
                                  "for one document", file=filename,
                          megabytes=_megabytes(int(result.get("limit") or 0)))
    if error == "page_too_large":
        raise DomainError("file", "%(file)r: page %(page)s is larger than %(millimetres)s mm on "
                                  "a side", file=filename, page=str(result.get("page")),
                          millimetres=str(PAGE_LIMIT_MM))
    if error == "unreadable":
        raise DomainError("file", "%(file)r could not be rewritten as a clean copy "
                                  "(qpdf: %(detail)s)", file=filename,
                          detail=bounded.clip(result.get("detail") or "unreadable"))
    pages = result.get("pages")
    if error or not isinstance(pages, int) or pages < 1:
        raise DomainError("file", "%(file)r could not be checked (unexpected answer from the PDF "
                                  "checker: %(detail)s)", file=filename,
                          detail=bounded.clip(json.dumps(result)))
    catalog_version = result.get("version")
    if isinstance(catalog_version, str) and _version_key(catalog_version) > _version_key(version):
        version = catalog_version
    return PdfFacts(page_count=pages, encrypted=False, pdf_version=version)


@dataclass(frozen=True)
class PdfLimits:
    """What reading one untrusted PDF may cost (TRACKER_MAX_UPLOAD_MB, TRACKER_PDF_CHECK_*,
    TRACKER_MAX_UPLOAD_PAGES, TRACKER_PDF_MAX_DECODED_MB)."""

    max_bytes: int
    timeout_s: float
    memory_mb: int
    max_pages: int
    max_decoded_bytes: int

    @classmethod
    def of(cls, settings: Any) -> PdfLimits:
        return cls(max_bytes=settings.max_upload_mb * 1_000_000,
                   timeout_s=settings.pdf_check_timeout_s,
                   memory_mb=settings.pdf_check_memory_mb,
                   max_pages=settings.max_upload_pages,
                   max_decoded_bytes=settings.pdf_max_decoded_mb * 1_000_000)


@dataclass(frozen=True)
class CleanPdf:
    """An upload as it is stored: the sanitised, normalised copy the child rewrote, the facts
    of the copy, the digest and size of the original for the record, and what was removed."""

    content: bytes
    facts: PdfFacts
    original_sha256: str
    original_size: int
    removed: tuple[str, ...] = ()


def sanitise_pdf(data: bytes, *, filename: str, limits: PdfLimits) -> CleanPdf:
    """The upload `data` rewritten in the bounded child: checked as check_pdf does, every
    stream decoded under `limits.max_decoded_bytes`, page sizes checked, and scripts, actions
    (links to web addresses excepted), embedded files and XFA forms removed; or a DomainError
    naming `file`. Takes up to `limits.timeout_s`: call it before any transaction opens."""
    import hashlib

    check_size(len(data), filename=filename, max_bytes=limits.max_bytes)
    version = _sniff(data, filename)
    result, payload = _run_child(data, filename, limits.timeout_s, limits.memory_mb,
                                 limits.max_pages, "sanitise", limits.max_decoded_bytes)
    facts = _facts(result, filename, version, limits.memory_mb, limits.max_pages)
    if not payload.startswith(b"%PDF-"):
        raise DomainError("file", "%(file)r could not be checked (no copy from the PDF "
                                  "checker)", file=filename)
    removed = tuple(str(item) for item in result.get("removed") or ())
    return CleanPdf(content=payload, facts=facts, original_size=len(data),
                    original_sha256=hashlib.sha256(data).hexdigest(), removed=removed)


def default_limits() -> PdfLimits:
    """The limits of the settings (TRACKER_*), for callers that were handed none."""
    from tracker.config import get_settings

    return PdfLimits.of(get_settings())


def pdf_text(data: bytes, *, filename: str, limits: PdfLimits | None = None,
             max_pages: int = 50, layout: bool = True) -> str:
    """The text of the first `max_pages` pages of an untrusted PDF, extracted in the bounded
    child under the same limits as an upload (the web process never parses it); `limits`
    default to the settings. `layout`: read as a person reads it (tracker.pdflayout: running
    headers and footers, page numbers and hidden text left out); else every piece of text it
    holds, as pypdf gives it (what a search for a name must see)."""
    if limits is None:
        limits = default_limits()
    check_size(len(data), filename=filename, max_bytes=limits.max_bytes)
    version = _sniff(data, filename)
    result, payload = _run_child(data, filename, limits.timeout_s, limits.memory_mb,
                                 limits.max_pages, "text", limits.max_decoded_bytes,
                                 max_pages, "layout" if layout else "plain")
    _facts(result, filename, version, limits.memory_mb, limits.max_pages)
    return payload.decode("utf-8", "replace")


def check_size(size: int, *, filename: str, max_bytes: int, at_least: bool = False) -> None:
    """Refuse `size` bytes above `max_bytes` (`at_least`: only a lower bound of the size is
    known, e.g. the file was read up to one byte past the limit)."""
    if size <= max_bytes:
        return
    shown, limit = _megabytes(size), _megabytes(max_bytes)
    if at_least:
        raise DomainError("file", "%(file)r is larger than the limit of %(limit)s MB",
                          file=filename, limit=limit)
    if shown == limit:  # 10,000,001 bytes is not "10 MB, the limit is 10 MB"
        raise DomainError("file", "%(file)r is %(size)s bytes, the limit is %(max_bytes)s bytes "
                                  "(%(limit)s MB)", file=filename, size=size, max_bytes=max_bytes,
                          limit=limit)
    raise DomainError("file", "%(file)r is %(size)s MB, the limit is %(limit)s MB",
                      file=filename, size=shown, limit=limit)


def _megabytes(size: int) -> Decimal:
    """Megabytes to one decimal, as the reader writes them (10.5 MB, 10,5 Mo)."""
    return Decimal(f"{size / 1_000_000:.1f}".removesuffix(".0"))


def _version_key(version: str | None) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in (version or "0").split("."))
    except ValueError:
        return (0,)




# -- content sniffing ------------------------------------------------------------------------

_SIGNATURES: list[tuple[bytes, str]] = [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document, .doc or .xls"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"%!PS", "a PostScript file"),
]
# Office Open XML and OpenDocument files are ZIP archives; their member names tell them apart.
_ZIP_KINDS: list[tuple[bytes, str]] = [
    (b"word/", "a Word document, .docx"),
    (b"xl/", "an Excel workbook, .xlsx"),
    (b"ppt/", "a PowerPoint presentation, .pptx"),
    (b"application/vnd.oasis.opendocument.text", "an OpenDocument text, .odt"),
]
_DOCUMENTS = {kind for _, kind in _ZIP_KINDS} | {_SIGNATURES[0][1], "an RTF document"}


def _sniff(data: bytes, filename: str) -> str:
    """The version in the `%PDF-x.y` header, or a DomainError saying what the file is."""
    if not data:
        raise DomainError("file", "%(file)r is empty", file=filename)
    position = data[:SNIFF_BYTES].find(b"%PDF-")
    if position >= 0:
        match = _HEADER.match(data, position)
        return match.group(1).decode("ascii") if match else "unknown"
    kind = _looks_like(data)
    if kind is None:
        raise DomainError("file", "%(file)r is not a PDF (it does not start with %%PDF-)",
                          file=filename)
    if kind in _DOCUMENTS:
        raise DomainError("file", "%(file)r is not a PDF (it is %(kind)s): export it as PDF "
                                  "first", file=filename, kind=Text(kind))
    raise DomainError("file", "%(file)r is not a PDF (it is %(kind)s)", file=filename,
                      kind=Text(kind))


def _looks_like(data: bytes) -> str | None:
    """What a file that is not a PDF seems to be, when that is easy to tell."""
    head = data[:SNIFF_BYTES]
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        for marker, kind in _ZIP_KINDS:
            if marker in data:
                return kind
        return "a ZIP archive, e.g. a Word document"
    for magic, kind in _SIGNATURES:
        if head.startswith(magic):
            return kind
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if text.startswith((b"<!doctype html", b"<html")):
        return "an HTML page"
    if all(byte >= 0x20 and byte != 0x7F or byte in b"\t\n\r\f" for byte in head):
        return "plain text"
    return None


# -- the child process -----------------------------------------------------------------------


def _run_child(
    data: bytes, filename: str, timeout_s: float, memory_mb: int, max_pages: int,
    *extra: str | int,
) -> tuple[dict[str, Any], bytes]:
    """The child's JSON answer and the bytes it wrote after it (a clean copy, a text)."""
    args = [str(memory_mb), str(bounded.cpu_backstop(timeout_s)), str(max_pages),
            *(str(arg) for arg in extra)]
    return bounded.run("tracker.pdfcheck", args, data, filename=filename, timeout_s=timeout_s,
                       memory_mb=memory_mb, reader=Text("the PDF reader"),
                       checker=Text("the PDF checker"))


def _inspect(data: bytes, max_pages: int) -> dict[str, Any]:
    """In the child: open the PDF, look at every page, decode nothing."""
    import io
    import logging
    import warnings

    logging.disable(logging.CRITICAL)  # a broken file must not flood the parent's pipe
    warnings.simplefilter("ignore")
    from pypdf import PdfReader
    from pypdf.generic import NullObject

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        return {"error": "encrypted"}
    pages = reader.pages
    count = len(pages)
    if count == 0:
        return {"error": "no_pages"}
    if count > max_pages:
        return {"error": "too_many_pages", "pages": count}
    for number, page in enumerate(pages, start=1):
        box = page.mediabox
        if not (float(box.width) > 0 and float(box.height) > 0):
            return {"error": "damaged", "detail": f"page {number} has an empty page box"}
        contents = page.get("/Contents")
        if contents is None:
            continue  # a blank page
        resolved = contents.get_object()
        for part in resolved if isinstance(resolved, list) else [resolved]:
            stream = part.get_object() if part is not None else None
            if stream is None or isinstance(stream, NullObject):
                return {"error": "damaged", "detail": f"the content of page {number} is missing"}
    version = reader.root_object.get("/Version")
    return {"pages": count, "version": str(version).lstrip("/") if version else None}


def _child_main(argv: list[str]) -> int:
    """`python -m tracker.pdfcheck MEMORY_MB CPU_S MAX_PAGES [sanitise MAX_DECODED | text
    MAX_DECODED PAGES [layout|plain]]` < file.pdf: one JSON line, then the clean copy or the
    text."""
    memory_mb, cpu_s, max_pages = (int(arg) for arg in argv[:3])
    mode = argv[3] if len(argv) > 3 else "check"
    bounded.limit_child(memory_mb, cpu_s)
    payload = b""
    try:
        data = sys.stdin.buffer.read()
        delay = float(os.environ.get("TRACKER_TEST_PDF_CHECK_DELAY_S") or 0)
        if delay > 0:  # tests only: a check that takes this long, to test what waits on it
            import time

            time.sleep(delay)
        answer = _inspect(data, max_pages)
        if mode in ("sanitise", "text") and "error" not in answer:
            from tracker.pdfclean import extract_text, sanitise

            if mode == "sanitise":
                answer, payload = sanitise(data, answer, max_decoded=int(argv[4]))
            else:
                answer, payload = extract_text(data, answer, max_decoded=int(argv[4]),
                                               pages=int(argv[5]),
                                               layout=argv[6:7] != ["plain"])
    except MemoryError:
        answer, payload = {"error": "memory"}, b""
    except RecursionError:
        answer = {"error": "damaged", "detail": "objects nested too deep"}
    except Exception as exc:  # any failure of the reader means the file is not usable
        if bounded.near_memory_limit(memory_mb):
            answer = {"error": "memory"}
        else:
            answer = {"error": "damaged", "detail": str(exc) or type(exc).__name__}
    bounded.write_answer(answer, payload)
    return 0


if __name__ == "__main__":
    sys.exit(_child_main(sys.argv[1:]))
