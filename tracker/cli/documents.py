"""`tracker document add|list|remove`: the PDF documents of an application."""

from __future__ import annotations

import os
import stat

import click

from tracker.cli.context import AppContext, UserError, pass_app
from tracker.cli.output import FORMAT_OPTION, emit_json, print_tables, table, when_text, word
from tracker.models import DocumentKind
from tracker.pdfcheck import check_size
from tracker.services.hiring import applications, documents
from tracker.services.views.records import document_record

KIND_CHOICE = click.Choice([k.value for k in DocumentKind])


def read_upload(path: str, filename: str, max_bytes: int) -> bytes:
    """The file's bytes; never more than `max_bytes` + 1 of them are read, so that a huge file
    (or a device that never ends) is refused without being loaded."""
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(21, "Is a directory")
            if stat.S_ISREG(info.st_mode):
                check_size(info.st_size, filename=filename, max_bytes=max_bytes)
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise UserError(f"error: FILE: cannot read {path}: {exc.strerror or exc}") from exc
    check_size(len(data), filename=filename, max_bytes=max_bytes, at_least=True)
    return data


@click.group("document")
def document_group() -> None:
    """Upload, list and remove the PDF documents (CV, letters, ...) of applications."""


@document_group.command("add")
@click.option("--application", "application_id", type=int, required=True, metavar="ID")
@click.option("--kind", type=KIND_CHOICE, required=True)
@click.argument("path", metavar="FILE")
@pass_app
def document_add(app: AppContext, application_id: int, kind: str, path: str) -> None:
    """Attach the PDF in FILE to an application, once it is found readable: at most
    TRACKER_MAX_UPLOAD_MB MB, not password-protected, every page readable."""
    filename = documents.clean_filename(path)
    content = read_upload(path, filename, app.settings.max_upload_mb * 1_000_000)
    with app.transaction() as session:  # an unknown or foreign application: said first
        applications.get_application(session, application_id, actor=app.actor(session))
    # checked before the unit of work opens: no transaction waits on the child process
    clean = documents.check_upload(content, filename=filename, settings=app.settings)
    with app.transaction() as session:
        actor = app.actor(session)
        application = applications.get_application(session, application_id, actor=actor)
        document = documents.add_document(session, application, kind=kind, filename=filename,
                                          content=clean, actor=actor, clock=app.clock, settings=app.settings)
        pages = f"{document.page_count} page" + ("s" if document.page_count != 1 else "")
        click.echo(f"document #{document.id} added to application #{application.id}: "
                   f"{word(DocumentKind, document.kind)}, {document.filename}, {pages}, "
                   f"{_size(document.size_bytes)}")


@document_group.command("list")
@click.option("--application", "application_id", type=int, required=True, metavar="ID")
@FORMAT_OPTION
@pass_app
def document_list(app: AppContext, application_id: int, fmt: str) -> None:
    """The documents of an application, oldest first."""
    with app.transaction() as session:
        application = applications.get_application(session, application_id,
                                                   actor=app.actor(session))
        records = [document_record(d) for d in documents.list_documents(session, application)]
        tz = application.posting.timezone
    if fmt == "json":
        emit_json({"application": application_id, "documents": records})
        return
    if not records:
        click.echo(f"No documents for application #{application_id}.")
        return
    print_tables(table(
        f"Documents of application #{application_id}",
        ["#", "Kind", "File", "Pages", "Size", "Uploaded"],
        [[r["id"], word(DocumentKind, r["kind"]), r["filename"], r["page_count"] or "-",
          _size(r["size_bytes"]), when_text(r["uploaded_at"], tz)] for r in records],
        no_wrap=["#", "File", "Pages", "Size"],
    ))


@document_group.command("remove")
@click.argument("document_id", type=int)
@pass_app
def document_remove(app: AppContext, document_id: int) -> None:
    """Delete a document (its owner or the employer side)."""
    with app.transaction() as session:
        actor = app.actor(session)
        document = documents.get_document(session, document_id, actor=actor)
        name, application_id = document.filename, document.application_id
        documents.remove_document(session, document, actor=actor, clock=app.clock)
    where = f" from application #{application_id}" if application_id is not None else ""
    click.echo(f"document #{document_id} ({name}) removed{where}")


def _size(size: int) -> str:
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"
