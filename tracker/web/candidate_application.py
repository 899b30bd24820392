"""A candidate's page of one application: answers, documents, letter, submission, dossier.
While it is a draft the page has the forms; once submitted it shows what was sent (the
services refuse changes then). Routes of the `candidate` blueprint."""

from __future__ import annotations

from typing import Any

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from tracker.domain.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from tracker.models import Application, ApplicationStatus, JobKind
from tracker.services import messages
from tracker.services.hiring import applications, documents, evidence
from tracker.services.views import overview, records
from tracker.web import jobs
from tracker.web.candidate import bp
from tracker.web.candidate_confirm import remove_confirmation, withdraw_confirmation
from tracker.web.common import (
    actor,
    clock,
    error_text,
    form_errors,
    has_errors,
    on_too_large,
    roles_required,
    settings,
    site_url,
    transaction,
)
from tracker.web.forms import ButtonForm, EvidenceForm, LetterForm, SubmitForm, UploadForm

# The page's forms with the anchor of their section and the words of the summary at the top.
SECTIONS = [("submit", "submit"), ("answers", "answers"), ("upload", "documents"),
            ("letter", "letter")]


def own_application(db: Any, application_id: int) -> Application:
    """The logged-in candidate's application (anyone else's is not found)."""
    user = actor(db)
    found = applications.get_application(db, application_id, actor=user)
    if user is None or found.candidate_id != user.id:
        raise NotFound("application", "no application #%(id)s", id=str(application_id))
    return found


def _page(application_id: int, status: int = 200, **forms: Any) -> Any:
    """The page, with the forms given (a failed one keeps what was typed and its errors).
    Every form is built without reading the request, so a refused upload can show it too."""
    with transaction(write=False) as db:
        found = own_application(db, application_id)
        detail = overview.application_detail(db, found)
        posting = found.posting
        record = records.posting_record(posting, clock())
        context = {
            "a": {"id": found.id, "status": found.status.value,
                  "submitted_at": found.submitted_at, "is_late": found.is_late,
                  "cover_letter": found.cover_letter},
            "p": record,
            "deadline": posting.valid_through,
            "posting_zone": posting.timezone,
            "deadline_passed": bool(posting.valid_through and posting.valid_through < clock()),
            "requirements": [{"id": r.id, "kind": r.kind.value, "label": r.label,
                              "level": r.level, "required": r.is_required,
                              "evidence": detail.answers[r.id].evidence
                              if r.id in detail.answers else None,
                              "self_rating": detail.answers[r.id].self_rating
                              if r.id in detail.answers else None}
                             for r in posting.requirements],
            "documents": [records.document_record(d) for d in found.documents],
            "missing": detail.missing,
            "interviews": overview.application_interviews(db, found, for_candidate=True),
            "history": [{"at": h.changed_at, "to": h.to_status.value} for h in found.history],
            "received": messages.list_messages(db, found, actor=actor(db)),
            "can_withdraw": "withdrawn" in {s.value for s in
                                            applications.TRANSITIONS[found.status]},
        }
    answers_form = forms.get("answers") or EvidenceForm(formdata=None)
    if not answers_form.rows.entries:
        for row in context["requirements"]:
            answers_form.rows.append_entry({
                "requirement_id": str(row["id"]), "evidence": row["evidence"] or "",
                "self_rating": str(row["self_rating"] or "")})
    unanswered = [m for m in context["missing"] if m["what"] == "requirement"]
    submit_form = forms.get("submit") or SubmitForm(formdata=None)
    submit_form.confirm.label.text = _confirm_label(len(unanswered))
    shown = {
        "answers": answers_form, "submit": submit_form,
        "letter": forms.get("letter") or LetterForm(
            formdata=None, cover_letter=context["a"]["cover_letter"] or ""),
        "upload": forms.get("upload") or UploadForm(formdata=None),
    }
    failed = [anchor for name, anchor in SECTIONS if has_errors(shown[name])]
    return render_template(
        "web/candidate/application.html", answers_form=shown["answers"],
        letter_form=shown["letter"], upload_form=shown["upload"], submit_form=submit_form,
        unanswered=unanswered, failed=failed, button_form=ButtonForm(formdata=None),
        **context), status


def _confirm_label(count: int) -> str:
    return ngettext("Submit without answering %(num)s required requirement",
                    "Submit without answering %(num)s required requirements", count)


def _back(application_id: int, anchor: str | None = None) -> Any:
    return redirect(url_for("candidate.application", application_id=application_id,
                            _anchor=anchor))


@bp.route("/applications/<int:application_id>")
@roles_required("candidate")
def application(application_id: int) -> Any:
    return _page(application_id)


@bp.route("/applications/<int:application_id>/answers", methods=["POST"])
@roles_required("candidate")
def answers(application_id: int) -> Any:
    """Save every answer at once; each row's problem is shown next to its field."""
    form = EvidenceForm()
    if form.validate_on_submit():
        try:
            with transaction() as db:
                found = own_application(db, application_id)
                _give_all(db, found, form)
            flash(_("Answers saved."), "ok")
            return _back(application_id)
        except (NotFound, PermissionDenied):
            raise
        except DomainError as exc:
            form_errors(form, exc)
    return _page(application_id, 400, answers=form)


def _give_all(db: Any, found: Application, form: EvidenceForm) -> None:
    """The rows' answers through evidence.give_evidence; the problems of all rows are raised
    together (and nothing is saved), each named after its row."""
    by_id = {r.id: r for r in found.posting.requirements}
    problems: list[DomainError] = []
    for index, row in enumerate(form.rows.entries):
        requirement = by_id.get(int(row.form.requirement_id.data or 0)
                                if (row.form.requirement_id.data or "").isdigit() else 0)
        rating = row.form.self_rating.data or ""
        if requirement is None:
            problems.append(DomainError(f"rows[{index}]", _("unknown requirement")))
            continue
        if rating and not rating.isdigit():
            problems.append(DomainError(f"rows[{index}].self_rating", _("not a number")))
            continue
        try:
            evidence.give_evidence(db, found, requirement, evidence=row.form.evidence.data,
                                   self_rating=int(rating) if rating else None,
                                   actor=actor(db), clock=clock)
        except (NotFound, PermissionDenied):
            raise
        except DomainError as exc:
            if exc.field == "application":  # the whole application: once is enough
                raise
            problems.append(DomainError(f"rows[{index}].{exc.field}", exc.code, **exc.params))
    if problems:
        raise ValidationFailed(problems)


@bp.route("/applications/<int:application_id>/letter", methods=["POST"])
@roles_required("candidate")
def letter(application_id: int) -> Any:
    form = LetterForm()
    if form.validate_on_submit():
        try:
            with transaction() as db:
                evidence.set_cover_letter(db, own_application(db, application_id),
                                          form.cover_letter.data, actor=actor(db), clock=clock)
            flash(_("Letter saved."), "ok")
            return _back(application_id)
        except (NotFound, PermissionDenied):
            raise
        except DomainError as exc:
            form_errors(form, exc)
    return _page(application_id, 400, letter=form)


@bp.route("/applications/<int:application_id>/documents", methods=["POST"])
@roles_required("candidate")
def upload(application_id: int) -> Any:
    """Upload a PDF through the checked path: name, size, content, then pypdf in a child."""
    form = UploadForm()
    if form.validate_on_submit():
        upload = form.file.data
        try:
            name = documents.uploaded_filename(upload.filename or "")
            with transaction(write=False) as db:  # fails fast before the slow check
                own_application(db, application_id)
            # checked and rewritten in a child process before the unit of work opens: no
            # transaction (and no SQLite write lock) waits on it
            clean = documents.check_upload(upload.read(), filename=name, settings=settings())
            with transaction() as db:
                documents.add_document(db, own_application(db, application_id),
                                       kind=form.kind.data or "", filename=name,
                                       content=clean, actor=actor(db), clock=clock,
                                       settings=settings())
            flash(_("%(name)s uploaded.", name=name), "ok")
            return _back(application_id)
        except (NotFound, PermissionDenied):
            raise
        except DomainError as exc:
            form_errors(form, exc, {"filename": "file", "file": "file"})
    return _page(application_id, 400, upload=form)


@on_too_large("candidate.upload")
@roles_required("candidate")
def upload_too_large(application_id: int) -> Any:
    """A file over the request size limit: the page again, the limit said next to the field."""
    form = UploadForm(formdata=None)
    form.file.errors = [_("the file is larger than the upload limit of %(mb)s MB",
                          mb=current_app.config["TRACKER_SETTINGS"].max_upload_mb)]
    return _page(application_id, 413, upload=form)


@bp.route("/applications/<int:application_id>/documents/<int:document_id>/delete",
          methods=["POST"])
@roles_required("candidate")
def remove_document(application_id: int, document_id: int) -> Any:
    with transaction() as db:
        own_application(db, application_id)
    if request.form.get("confirm") != "1":  # permanent: confirmed on its page first
        return remove_confirmation(application_id, document_id, 400)
    if ButtonForm().validate_on_submit():
        try:
            with transaction() as db:
                found = own_application(db, application_id)
                document = documents.get_document(db, document_id, actor=actor(db))
                if document.application_id != found.id:
                    raise NotFound("document", "no document #%(id)s", id=str(document_id))
                documents.remove_document(db, document, actor=actor(db), clock=clock)
            flash(_("Document removed."), "ok")
        except (NotFound, PermissionDenied):
            raise
        except DomainError as exc:
            flash(error_text(exc), "error")
    return _back(application_id, "documents")


@bp.route("/applications/<int:application_id>/<any(submitted, withdrawn):target>",
          methods=["POST"])
@roles_required("candidate")
def move(application_id: int, target: str) -> Any:
    """Submit (before the deadline) or withdraw one's application. Submitting with required
    requirements unanswered needs the box that says so ticked."""
    with transaction() as db:
        own_application(db, application_id)
    form = SubmitForm()
    if not form.validate_on_submit():
        return _back(application_id)
    if target == "withdrawn":
        if request.form.get("confirm") != "1":  # permanent: confirmed on its page first
            return withdraw_confirmation(application_id, 400)
        return _move(application_id, target, form)
    with transaction() as db:
        found = own_application(db, application_id)
        unanswered = sum(1 for m in overview.application_detail(db, found).missing
                         if m["what"] == "requirement")
        open_ = not (found.posting.valid_through and found.posting.valid_through < clock())
    if unanswered and open_ and not form.confirm.data:  # (past the deadline: the service says)
        form.confirm.errors = [_("tick this box to submit without these answers, or answer "
                                 "them first")]
        return _page(application_id, 400, submit=form)
    return _move(application_id, target, form)


def _move(application_id: int, target: str, form: SubmitForm) -> Any:
    try:
        with transaction() as db:
            applications.move(db, own_application(db, application_id), target,
                              actor=actor(db), clock=clock, public_url=site_url())
    except (NotFound, PermissionDenied):
        raise
    except DomainError as exc:
        if target != ApplicationStatus.SUBMITTED.value:
            flash(error_text(exc), "error")
            return _back(application_id)
        form_errors(form, exc)
        return _page(application_id, 400, submit=form)
    flash(_("Application submitted.") if target == "submitted"
          else _("Application withdrawn."), "ok")
    return _back(application_id)


@bp.route("/applications/<int:application_id>/dossier.pdf")
@roles_required("candidate")
def dossier(application_id: int) -> Any:
    with transaction() as db:
        own_application(db, application_id)
    return jobs.start(JobKind.APPLICATION, {"application_id": application_id})
