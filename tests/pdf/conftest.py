"""Dossier fixtures: the demo as published (2024 dates), with uploaded PDFs."""

from __future__ import annotations

import hashlib
import io
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from tests.conftest import Clock
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.models import Application, Document, DocumentKind
from tracker.services.hiring import documents
from tracker.services.operations.demo import load_demo, prepare_documents

NOW = datetime(2024, 5, 21, 8, 0, tzinfo=UTC)  # between the deadline and the interview


def make_pdf(*pages: str) -> bytes:
    """A real PDF with one page per text, made by WeasyPrint."""
    from weasyprint import HTML

    body = "".join(f'<section style="break-after: page"><h1>{text}</h1></section>' for text in pages)
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


def attach(session, application: Application, kind: str, filename: str, data: bytes) -> Document:
    """Store a document as it is, without the upload checks (e.g. a file damaged in storage)."""
    document = Document(
        owner_id=application.candidate_id, application_id=application.id,
        kind=DocumentKind(kind), filename=filename, media_type="application/pdf",
        size_bytes=len(data), sha256=hashlib.sha256(data).hexdigest(), content=data,
        uploaded_at=NOW,
    )
    session.add(document)
    session.flush()
    session.expire(application, ["documents"])
    return document


@pytest.fixture
def demo(session):
    """The demo as published, with known uploads: Camille Martin's CV (two pages) and letter
    replace those the demo attaches, so the tests can find their text."""
    result = load_demo(session, as_published=True, clock=Clock(NOW), settings=get_settings(),
              documents=prepare_documents(settings=get_settings()))
    camille, jordan = sorted(
        (a for a in session.query(Application).filter_by(posting_id=result.posting.id)),
        key=lambda a: a.id,
    )
    for document in list(camille.documents) + list(jordan.documents):
        session.delete(document)
    session.flush()
    session.expire_all()
    for kind, filename, pages in (
        ("cv", "CV-Camille-Martin.pdf", ("CURRICULUM VITAE page one", "CURRICULUM VITAE page two")),
        ("cover_letter", "Lettre-Camille-Martin.pdf", ("LETTRE DE MOTIVATION signée",)),
    ):
        documents.add_document(session, camille, kind=kind, filename=filename,
                               content=make_pdf(*pages), clock=Clock(NOW), actor=OPERATOR, settings=get_settings())
    session.expire(camille, ["documents"])
    return {"posting": result.posting, "camille": camille, "jordan": jordan}


def text_of(pdf: bytes) -> str:
    """All the text of a PDF, whitespace collapsed."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def outline_titles(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    titles: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles
