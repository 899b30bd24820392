"""A candidate's "log a posting I found elsewhere", from a file: the same reading and review
as the hr import page (tracker.web.hr_import), on the short form of a private posting; saved
through imports.save_import, which makes a candidate's import private to them. Routes of the
`candidate` blueprint."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.domain.errors import DomainError
from tracker.services import imports
from tracker.services.hiring import documents
from tracker.web import import_store, posting_form
from tracker.web.candidate import bp
from tracker.web.common import (
    actor,
    clock,
    form_errors,
    has_errors,
    on_too_large,
    roles_required,
    settings,
    transaction,
)
from tracker.web.forms import ImportForm, PrivateImportForm
from tracker.web.hr_import import read_report, read_upload, review_page, too_large_page

# the fields of the short form, from what the importer found
PRIVATE_FIELDS = ["title", "hiring_organization_name", "location", "employment_type",
                  "valid_through_date", "valid_through_time", "timezone", "source_url",
                  "apply_email", "apply_url", "missions"]


def _fill(form: PrivateImportForm, report: imports.ImportReport, index: int) -> None:
    data = report.postings[index].data()
    for name in PRIVATE_FIELDS:
        value = data.get(name)
        if value is not None:
            getattr(form, name).data = getattr(value, "value", value)
    if not form.source_url.data and data.get("url"):
        form.source_url.data = data["url"]


@bp.route("/postings/import", methods=["GET", "POST"])
@roles_required("candidate")
def posting_import() -> Any:
    if request.method == "POST" and "source" in request.form:
        return _save()
    upload_form = ImportForm()
    if upload_form.validate_on_submit():
        read = read_upload(upload_form)
        if read is not None:
            report, source, address = read
            form = PrivateImportForm(formdata=None)
            form.source.data = source
            form.source_name.data, form.index.data = report.filename, "0"
            _fill(form, report, 0)
            if address:  # where they found it: the page it was fetched from
                form.source_url.data = address
            return review_page(form, report, 0, private=True)
    return render_template("web/import.html", upload_form=upload_form, form=None, report=None,
                           private=True), 400 if has_errors(upload_form) else 200


@on_too_large("candidate.posting_import")
@roles_required("candidate")
def posting_import_too_large() -> Any:
    return too_large_page(private=True)


def _save() -> Any:
    form = PrivateImportForm()
    data = import_store.take(current_user.id, form.source.data or "")
    try:
        if data is None:
            raise ValueError("gone")
        name = documents.uploaded_filename(form.source_name.data or "", pdf_only=False)
        report = read_report(name, data)
        index = int(form.index.data or 0)
        if "pick" in request.form:  # another posting of the same file
            index = int(request.form["pick"])
        if not 0 <= index < len(report.postings):
            raise ValueError(index)
    except (DomainError, ValueError):
        flash(_("The file to import is no longer here: choose it again."), "error")
        return redirect(url_for("candidate.posting_import"))
    if "pick" in request.form:
        fresh = PrivateImportForm(formdata=None)
        fresh.source.data, fresh.source_name.data, fresh.index.data = (
            form.source.data, name, str(index))
        _fill(fresh, report, index)
        return review_page(fresh, report, index, private=True)
    if form.validate_on_submit():
        try:
            with transaction() as db:
                saved = imports.save_import(db, report, actor=actor(db), clock=clock,
                                            index=index,
                                            changes=posting_form.read_private(form), settings=settings())
                reference = saved.reference
            import_store.drop(current_user.id, form.source.data or "")
            flash(_("Posting logged: only you can see it."), "ok")
            return redirect(url_for("candidate.posting", reference=reference))
        except DomainError as exc:
            form_errors(form, exc, {"valid_through": "valid_through_date"})
    return review_page(form, report, index, 400, private=True)
