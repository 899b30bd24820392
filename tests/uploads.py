"""Files to upload in tests: real PDFs made by WeasyPrint and pypdf, and hostile ones."""

from __future__ import annotations

import io
import zipfile
from functools import cache

from pypdf import PdfReader, PdfWriter


@cache
def make_pdf(*pages: str) -> bytes:
    """A real PDF with one page per text, made by WeasyPrint (cached: it is deterministic
    enough for tests, and rendering is the slow part)."""
    from weasyprint import HTML

    body = "".join(f'<section style="break-after: page"><h1>{text}</h1></section>'
                   for text in pages)
    return HTML(string=f"<html><body>{body}</body></html>", base_url=None).write_pdf()


def two_pages() -> bytes:
    return make_pdf("CURRICULUM VITAE page one", "CURRICULUM VITAE page two")


def encrypted(pdf: bytes, user_password: str = "secret") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password, "owner-password")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_archive(*names: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in names or ("notes.txt",):
            archive.writestr(name, "hello")
    return out.getvalue()


def raw_pdf(*objects: bytes) -> bytes:
    """A PDF written by hand (object 1 is the catalog), with a correct cross-reference table:
    for structures no library would write."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def no_pages() -> bytes:
    return raw_pdf(b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>")


def page_tree_bomb(fan_out: int) -> bytes:
    """A few kB that claim fan_out² pages: one page, listed fan_out times in each of fan_out
    page-tree nodes. Reading it takes time and memory out of all proportion to its size."""
    kids = b"3 0 R " * fan_out
    leaf = b"4 0 R " * fan_out
    return raw_pdf(
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, fan_out * fan_out),
        b"<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>" % (leaf, fan_out),
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] >>",
    )
