"""Documents of an application (CV, letters, ...): PDF uploads, checked before they are stored."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Callable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.config import Settings
from tracker.db import utcnow
from tracker.domain.access import Actor, Operator, can_manage, visible_applications
from tracker.domain.errors import Conflict, DomainError, NotFound, PermissionDenied
from tracker.domain.validation import parse_enum
from tracker.models import Application, ApplicationStatus, Document, DocumentKind, Role, User
from tracker.pdfcheck import CleanPdf, PdfLimits, sanitise_pdf
from tracker.services import audit
from tracker.services.hiring.applications import check_changeable

Clock = Callable[[], datetime]
MEDIA_TYPE = "application/pdf"
MAX_FILENAME = 255
_SEPARATORS = re.compile(r"[/\\]")


def clean_filename(name: str, *, pdf_only: bool = True) -> str:
    """The name to store: its last path component, without control or format characters
    (which include the right-to-left override of `cv\u202efdp.exe`), NFC, at most 255
    characters (the extension kept), ending in .pdf whatever the case (unless not
    `pdf_only`: an imported posting may be a .txt, .json, .html... file)."""
    base = _SEPARATORS.split(str(name))[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(ch for ch in base if unicodedata.category(ch) not in ("Cc", "Cf")).strip()
    if not base or base in (".", ".."):
        raise DomainError("filename", "%(name)s has no file name", name=repr(name))
    if not pdf_only:
        stem, extension = os.path.splitext(base)
        extension = extension[:16]
        if not stem.strip():
            raise DomainError("filename", "%(name)s has no name before %(extension)s",
                              name=repr(base), extension=extension)
        return stem.rstrip()[: MAX_FILENAME - len(extension)].rstrip() + extension
    if not base.lower().endswith(".pdf"):
        raise DomainError("filename", "%(name)s must end in .pdf (only PDF files are accepted)",
                          name=repr(base))
    stem, extension = base[:-4].rstrip(), base[-4:]
    if not stem:
        raise DomainError("filename", "%(name)s has no name before %(extension)s",
                          name=repr(base), extension=extension)
    return stem[: MAX_FILENAME - len(extension)].rstrip() + extension


def uploaded_filename(name: str, *, pdf_only: bool = True) -> str:
    """The name a browser or API client sent with an upload, refused if it names a folder
    (`../../etc/cv.pdf`, `C:\\Users\\cv.pdf`): a client sends a bare file name, so a path is a
    mistake or an attack. Otherwise cleaned as clean_filename does."""
    text = str(name or "")
    if _SEPARATORS.search(text) or text.strip().startswith(".."):
        raise DomainError("filename", "%(name)s is a path: send the file name alone",
                          name=repr(text))
    return clean_filename(text, pdf_only=pdf_only)


def _may_add(actor: Actor, application: Application) -> bool:
    """The application's candidate, its employer side, or the operator."""
    return (isinstance(actor, User) and actor.id == application.candidate_id) or can_manage(
        actor, application.posting
    )


def check_upload(content: bytes, *, filename: str, settings: Settings) -> CleanPdf:
    """The upload as it will be stored: the sanitised copy `tracker.pdfcheck` makes in its
    bounded child within the limits of `settings` (size, pages, decoded size, time, memory).
    It takes up to TRACKER_PDF_CHECK_TIMEOUT_S: faces call it before they open the unit of
    work, then pass what it returns to add_document, so no transaction waits on it."""
    return sanitise_pdf(content, filename=clean_filename(filename),
                        limits=PdfLimits.of(settings))


def add_document(
    session: Session,
    application: Application,
    *,
    kind: DocumentKind | str,
    filename: str,
    content: bytes | CleanPdf,
    actor: Actor,
    settings: Settings,
    clock: Clock = utcnow,
) -> Document:
    """Attach a PDF to an application as the sanitised copy check_upload made of it (given raw
    bytes, it is checked here first: only for callers that hold no transaction open). The
    document's sha256 is the uploaded file's, for the record; its content and size are the
    copy's."""
    if not _may_add(actor, application):
        raise PermissionDenied("application", "you may not add documents to this application")
    if application.deleted_at is not None:
        raise NotFound("application", "no application #%(id)s", id=str(application.id))
    if application.status is ApplicationStatus.WITHDRAWN:
        raise DomainError("application", "the application is withdrawn: no new documents")
    check_changeable(application, actor)
    parsed_kind = parse_enum(DocumentKind, kind, "kind")
    name = clean_filename(filename)
    clean = content if isinstance(content, CleanPdf) else check_upload(
        content, filename=name, settings=settings)
    facts, digest = clean.facts, hashlib.sha256(clean.content).hexdigest()
    _check_quota(session, application, len(clean.content), settings)
    same = session.scalar(
        sa.select(Document).where(
            Document.application_id == application.id,
            Document.kind == parsed_kind,
            Document.sha256 == digest,
        )
    )
    if same is not None:
        raise Conflict("file", "%(name)s is already attached to application #%(id)s as "
                               "%(kind)s (document #%(document)s, %(filename)s)",
                       name=repr(name), id=str(application.id), kind=parsed_kind,
                       document=str(same.id), filename=repr(same.filename))
    now = clock()
    document = Document(
        owner_id=application.candidate_id, application_id=application.id, kind=parsed_kind,
        filename=name, media_type=MEDIA_TYPE, size_bytes=len(clean.content), sha256=digest,
        content=clean.content, page_count=facts.page_count, uploaded_at=now,
    )
    session.add(document)
    session.flush()
    audit.record(session, at=now, actor=actor, action="document.add", entity=document,
                 details={"application": application.id, "kind": parsed_kind,
                          "filename": name, "size_bytes": len(clean.content), "sha256": digest,
                          "uploaded_bytes": clean.original_size,
                          "uploaded_sha256": clean.original_sha256,
                          "removed": list(clean.removed), "page_count": facts.page_count})
    return document


def _check_quota(session: Session, application: Application, size: int,
                 settings: Settings) -> None:
    """At most `application_max_documents` documents of `application_max_mb` MB in all per
    application (issue #12: ten of 9 MB were taken)."""
    count, total = session.execute(
        sa.select(sa.func.count(Document.id),
                  sa.func.coalesce(sa.func.sum(Document.size_bytes), 0))
        .where(Document.application_id == application.id)
    ).one()
    # Fixed words (the limits are the settings'), so that faces show them in the reader's
    # language from the catalogue.
    if count >= settings.application_max_documents:
        raise DomainError("file", "the application already holds as many documents as it may: "
                                  "remove one first")
    if total + size > settings.application_max_mb * 1_000_000:
        raise DomainError("file", "the application's documents would take more space than it "
                                  "may hold: remove one or send a smaller file")


def get_document(session: Session, document_id: int, *, actor: Actor) -> Document:
    """A document of an application the actor may see (others' documents are not found)."""
    document = session.get(Document, document_id)
    if document is not None and _may_see(session, actor, document):
        return document
    raise NotFound("document", "no document #%(id)s", id=str(document_id))


def _may_see(session: Session, actor: Actor, document: Document) -> bool:
    if isinstance(actor, Operator) or actor.role is Role.ADMIN or actor.id == document.owner_id:
        return True
    if document.application_id is None:
        return False
    return session.scalar(
        sa.select(Application.id).where(
            Application.id == document.application_id, Application.deleted_at.is_(None),
            visible_applications(actor),
        )
    ) is not None


def list_documents(session: Session, application: Application) -> list[Document]:
    """The application's documents, oldest first, without their content."""
    return list(session.scalars(
        sa.select(Document)
        .where(Document.application_id == application.id)
        .order_by(Document.uploaded_at, Document.id)
    ))


def document_content(session: Session, document: Document) -> bytes:
    """The stored bytes (a deferred column: listing documents never loads them)."""
    content = session.scalar(sa.select(Document.content).where(Document.id == document.id))
    if content is None:
        raise NotFound("document", "document #%(id)s has no stored content",
                       id=str(document.id))
    return content


def remove_document(
    session: Session, document: Document, *, actor: Actor, clock: Clock = utcnow
) -> None:
    """Delete a document: its owner (while the application is a draft), the employer side of
    its application, or the operator."""
    application = (session.get(Application, document.application_id)
                   if document.application_id is not None else None)
    owner = isinstance(actor, User) and actor.id == document.owner_id
    if application is not None:
        employer = can_manage(actor, application.posting)
    else:  # detached from its application: the owner's, or the operator's and admins'
        employer = isinstance(actor, Operator) or actor.role is Role.ADMIN
    if not (owner or employer):
        raise PermissionDenied("document", "you may not remove document #%(id)s",
                               id=str(document.id))
    if application is not None:
        check_changeable(application, actor)
    audit.record(session, at=clock(), actor=actor, action="document.remove", entity=document,
                 details={"application": document.application_id, "kind": document.kind,
                          "filename": document.filename, "sha256": document.sha256})
    session.delete(document)
    session.flush()
