"""Which importer a file needs, by its name and its first bytes. (A PDF's text is read in the
bounded child of tracker.pdfcheck, never here.)"""

from __future__ import annotations

import os

from tracker.importers.base import ImportFailed

FORMATS = {".json": "jsonld", ".jsonld": "jsonld", ".html": "html", ".htm": "html",
           ".txt": "text", ".text": "text", ".md": "text", ".pdf": "pdf"}
MEDIA_TYPES = {"jsonld": "application/ld+json", "html": "text/html", "text": "text/plain",
               "pdf": "application/pdf"}


def detect_format(filename: str, data: bytes) -> str:
    """'jsonld', 'html', 'text' or 'pdf'; an empty or unknown file is refused."""
    if not data.strip():
        raise ImportFailed("file", "%(filename)r is empty", filename=filename)
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    extension = os.path.splitext(filename.lower())[1]
    if extension in FORMATS:
        if FORMATS[extension] == "pdf":
            raise ImportFailed("file", "%(filename)r is named .pdf but is not a PDF",
                               filename=filename)
        return FORMATS[extension]
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith((b"{", b"[")):
        return "jsonld"
    if extension == "" and _is_text(data):
        return "text"
    raise ImportFailed(
        "file", f"unknown file type {extension or '(no extension)'} of {filename!r}: import a "
                ".json or .jsonld (schema.org JobPosting), .html, .txt or .pdf file")


def _is_text(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(sample) - 4  # a character cut at the end of the sample
    return True


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, the usual encoding of other files."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
