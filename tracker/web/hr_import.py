"""HR page "Import a posting": a .txt, .pdf, .json, .jsonld or .html file is read
(imports.analyse), what was found is shown field by field with its confidence and snippet
(values to review flagged), and the posting form comes pre-filled; saving creates a draft
through imports.save_import with the edited values, so the raw file is stored with it.
Routes of the `hr` blueprint."""

from __future__ import annotations

from typing import Any

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from tracker.domain.errors import DomainError
from tracker.services import imports
from tracker.services.accounts import organisations
from tracker.services.hiring import documents
from tracker.services.hiring.posting_input import PostingInput
from tracker.services.reference import catalogue as reference_data
from tracker.web import import_store, import_url, posting_form
from tracker.web.common import (
    DOCUMENT_LABELS,
    EMPLOYMENT_LABELS,
    KIND_LABELS,
    actor,
    clock,
    form_errors,
    has_errors,
    on_too_large,
    roles_required,
    settings,
    transaction,
)
from tracker.web.forms import ImportForm, ImportReviewForm
from tracker.web.hr import STAFF, _propose, bp
from tracker.web.i18n import lazy_gettext as _l


def checked_file(form: ImportForm) -> tuple[str, bytes]:
    """The uploaded file through the checked path: a bare name, the size limit, content."""
    upload = form.file.data
    name = documents.uploaded_filename(upload.filename or "", pdf_only=False)
    data = upload.read()
    limit = current_app.config["TRACKER_SETTINGS"].max_upload_mb
    if len(data) > limit * 1_000_000:
        raise DomainError("file", "%(name)s is larger than %(limit)s MB", name=repr(name),
                          limit=limit)
    return name, data


def read_upload(upload_form: ImportForm) -> tuple[imports.ImportReport, str, str] | None:
    """The file sent, or the page at the web address given, read and kept for the review: the
    report, the kept file's token and the address (empty for a file); None with the form's
    errors set."""
    address = (upload_form.url.data or "").strip()
    try:
        if address and not upload_form.file.data:
            name, data, address = import_url.fetch_page(address)
        else:
            name, data, address = *checked_file(upload_form), ""
        report = read_report(name, data)
        report.url = address or None
        source = import_store.keep(current_user.id, data)
    except imports.FetchRefused as exc:
        upload_form.url.errors = [*upload_form.url.errors, import_url.refusal(exc)]
        return None
    except DomainError as exc:
        form_errors(upload_form, exc, {"filename": "file", "file": "file"})
        return None
    return report, source, address


def read_report(name: str, data: bytes) -> imports.ImportReport:
    """What the file holds; dates without a zone are read in the organisation's (hr) or the
    person's own (a candidate)."""
    with transaction() as db:
        user = actor(db)
        zone = user.organisation.timezone if user.organisation else user.timezone
    return imports.analyse(name, data, default_zone=zone or settings().timezone, clock=clock,
                           settings=settings())


# What a finding is called when the form under it has no field of that name.
FINDING_LABELS = {
    "hiring_organization_name": _l("Employer"), "requirements": _l("Requirements"),
    "required_documents": _l("Documents candidates must send"),
    "interviews": _l("Interview dates"), "valid_through": _l("Deadline (date)"),
}


def _findings(report: imports.ImportReport, index: int, form: Any) -> list[dict[str, Any]]:
    """What was found, each under the label of the form's field it fills (people read the
    form's words, not the importer's field names)."""
    labels = {name: str(field.label.text) for name, field in form._fields.items()}
    return [{"field": labels.get(f["field"]) or str(FINDING_LABELS.get(f["field"], f["field"])),
             "value": _shown(f["value"], f["field"]), "snippet": f["snippet"],
             "confidence": round(100 * f["confidence"]), "review": f["review"]}
            for f in imports.shown(report, str(get_locale() or "en"))[index]["findings"]]


def _shown(value: Any, name: str = "") -> str:
    """A finding's value as people read it: kinds and contract types by their label."""
    if isinstance(value, dict):  # a requirement or a document: its kind by its label, once
        kinds: dict[str, Any] = DOCUMENT_LABELS if name == "required_documents" else KIND_LABELS
        kind = str(value.get("kind") or "")
        parts = [str(kinds.get(kind, kind))]
        parts += [str(v) for k, v in value.items() if v not in (None, "", [])
                  and k in ("label", "level", "date", "time", "place")]
        kept = [p for i, p in enumerate(parts)
                if p and p.lower() not in {q.lower() for q in parts[:i]}]
        return " · ".join(kept)
    if name == "employment_type" and value in EMPLOYMENT_LABELS:
        return str(EMPLOYMENT_LABELS[value])
    return "" if value is None else str(value)


def _choices(form: ImportReviewForm) -> None:
    with transaction() as db:
        posting_form.reference_choices(form, reference_data.list_references(db))
        if current_user.role == "admin":
            form.organisation.choices = [(o.slug, o.name)
                                         for o in organisations.list_organisations(db)]


def review_page(form: Any, report: imports.ImportReport, index: int,
            status: int = 200, *, private: bool = False) -> Any:
    return render_template(
        "web/import.html", upload_form=ImportForm(formdata=None), form=form, private=private,
        report={"filename": report.filename, "format": report.format, "url": report.url,
                "language": report.language, "count": len(report.postings), "index": index,
                "findings": _findings(report, index, form),
                "warnings": imports.warnings(report, str(get_locale() or "en"))}), status


@bp.route("/postings/import", methods=["GET", "POST"])
@roles_required(*STAFF)
def posting_import() -> Any:
    if request.method == "POST" and "source" in request.form:
        return _save()
    upload_form = ImportForm()
    if upload_form.validate_on_submit():
        read = read_upload(upload_form)
        if read is not None:
            report, source, address = read
            form = ImportReviewForm(formdata=None)
            _choices(form)
            form.source.data = source
            form.source_name.data = report.filename
            form.source_address.data = address
            form.index.data = "0"
            _fill(form, report, 0)
            return review_page(form, report, 0)
    status = 400 if has_errors(upload_form) else 200
    return render_template("web/import.html", upload_form=upload_form, form=None,
                           report=None), status


@on_too_large("hr.posting_import")
@roles_required(*STAFF)
def posting_import_too_large() -> Any:
    return too_large_page()


def too_large_page(*, private: bool = False) -> Any:
    """A file over the request size limit: the upload form again, the limit next to it."""
    form = ImportForm(formdata=None)
    form.file.errors = [_("the file is larger than the upload limit of %(mb)s MB",
                          mb=current_app.config["TRACKER_SETTINGS"].max_upload_mb)]
    return render_template("web/import.html", upload_form=form, form=None, report=None,
                           private=private), 413


def _fill(form: ImportReviewForm, report: imports.ImportReport, index: int) -> None:
    # how to apply, from the contact found, by the service's own rule (the form has no blank)
    data = PostingInput._apply_method_from_contact(report.postings[index].data())
    posting_form.fill(form, data, interviews=True)
    posting_form.add_blank_rows(form, interviews=True)


def _save() -> Any:
    form = ImportReviewForm()
    _choices(form)
    data = import_store.take(current_user.id, form.source.data or "")
    if data is None:
        flash(_("The file to import is no longer here: choose it again."), "error")
        return redirect(url_for("hr.posting_import"))
    try:
        name = documents.uploaded_filename(form.source_name.data or "", pdf_only=False)
        report = read_report(name, data)
        report.url = form.source_address.data or None
        index = int(form.index.data or 0)
        if not 0 <= index < len(report.postings):
            raise ValueError(index)
    except (DomainError, ValueError):
        flash(_("The file to import is no longer here: choose it again."), "error")
        return redirect(url_for("hr.posting_import"))
    if "pick" in request.form:  # review another posting of the same file
        index = int(request.form["pick"]) if request.form["pick"].isdigit() else 0
        index = min(max(index, 0), len(report.postings) - 1)
        fresh = ImportReviewForm(formdata=None)
        _choices(fresh)
        fresh.source.data, fresh.source_name.data = form.source.data, name
        fresh.source_address.data = form.source_address.data
        fresh.index.data = str(index)
        _fill(fresh, report, index)
        return review_page(fresh, report, index)
    if form.add_rows.data:
        posting_form.add_blank_rows(form, interviews=True)
        return review_page(form, report, index)
    if form.propose.data:
        _propose(form)
        return review_page(form, report, index, 400 if has_errors(form) else 200)
    if form.validate_on_submit():
        changes, aliases = posting_form.read(form, interviews=True)
        try:
            with transaction() as db:
                user = actor(db)
                organisation = (user.organisation.slug if user.organisation
                                else form.organisation.data or None)
                if form.source_address.data:  # the page it was fetched from
                    changes["source_url"] = form.source_address.data[:1000]
                saved = imports.save_import(db, report, organisation=organisation, actor=user,
                                            clock=clock, index=index, changes=changes, settings=settings())
                reference = saved.reference
            import_store.drop(current_user.id, form.source.data or "")
            flash(_("Posting %(ref)s imported as a draft, with its source file: open it "
                    "when it is ready.", ref=reference), "ok")
            return redirect(url_for("hr.posting", reference=reference))
        except DomainError as exc:
            form_errors(form, exc, aliases)
    return review_page(form, report, index, 400)
