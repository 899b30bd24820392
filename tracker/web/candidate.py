"""Candidate pages: my applications, my profile, postings I logged, and one application
(answers, documents, letter, submission, dossier)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from tracker.models import Application, Posting, Visibility
from tracker.services import (
    applications,
    documents,
    dossiers,
    evidence,
    overview,
    postings,
    records,
    search,
    users,
)
from tracker.services.errors import DomainError, NotFound, PermissionDenied
from tracker.web import posting_form
from tracker.web.common import (
    actor,
    clock,
    form_errors,
    has_errors,
    pdf_response,
    roles_required,
    status_of,
    transaction,
)
from tracker.web.forms import (
    ButtonForm,
    EvidenceForm,
    LetterForm,
    PrivatePostingForm,
    ProfileForm,
    UploadForm,
)

bp = Blueprint("candidate", __name__, url_prefix="/me")
BLANK_LANGUAGES = 3


def own_application(db: Any, application_id: int) -> Application:
    """The logged-in candidate's application (anyone else's is not found)."""
    user = actor(db)
    found = applications.get_application(db, application_id, actor=user)
    if user is None or found.candidate_id != user.id:
        raise NotFound("application", f"no application #{application_id}")
    return found


@bp.route("/", endpoint="applications")
@roles_required("candidate")
def my_applications() -> Any:
    with transaction() as db:
        user = actor(db)
        rows = overview.candidate_applications(db, user, clock=clock)  # type: ignore[arg-type]
        logged = [records.posting_summary(p, clock()) for p in overview.own_postings(db, user)]  # type: ignore[arg-type]
    started = {row["reference"] for row in rows}
    return render_template("web/candidate/applications.html", rows=rows, logged=logged,
                           started=started, apply_form=ButtonForm())


@bp.route("/profile", methods=["GET", "POST"])
@roles_required("candidate")
def profile() -> Any:
    form = ProfileForm()
    status = 200
    if form.is_submitted() and form.add_rows.data:
        for _i in range(BLANK_LANGUAGES):
            form.languages.append_entry()
    elif form.validate_on_submit():
        languages = [
            users.LanguageInput(row.form.language.data.strip(), row.form.level.data or None,
                                bool(row.form.is_native.data))
            for row in form.languages.entries if (row.form.language.data or "").strip()]
        skills = [line.strip() for line in (form.skills.data or "").splitlines() if line.strip()]
        try:
            with transaction() as db:
                users.set_profile(
                    db, actor(db), headline=form.headline.data or None,  # type: ignore[arg-type]
                    education_level=form.education_level.data or None,
                    education_detail=form.education_detail.data or None,
                    experience_years=form.experience_years.data,
                    experience_summary=form.experience_summary.data or None,
                    skills=skills, languages=languages, actor=actor(db), clock=clock)
            flash(_("Profile saved."), "ok")
            return redirect(url_for("candidate.profile"))
        except DomainError as exc:
            form_errors(form, exc, {"skills": "skills"} | {
                f"skills[{i}]": "skills" for i in range(len(skills))})
            status = 400
    elif not form.is_submitted():
        with transaction() as db:
            current = actor(db).profile  # type: ignore[union-attr]
            if current is not None:
                form.headline.data = current.headline
                form.education_level.data = (current.education_level.value
                                             if current.education_level else "")
                form.education_detail.data = current.education_detail
                form.experience_years.data = current.experience_years
                form.experience_summary.data = current.experience_summary
                form.skills.data = "\n".join(s.label for s in current.skills)
                for lang in current.languages:
                    form.languages.append_entry({
                        "language": lang.language, "level": lang.level.value if lang.level
                        else "", "is_native": lang.is_native})
        for _i in range(BLANK_LANGUAGES):
            form.languages.append_entry()
    if has_errors(form):
        status = 400
    return render_template("web/candidate/profile.html", form=form), status


@bp.route("/postings/new", methods=["GET", "POST"])
@roles_required("candidate")
def posting_new() -> Any:
    """Log a posting found elsewhere: private to the candidate, who may then track it."""
    form = PrivatePostingForm()
    if form.validate_on_submit():
        try:
            with transaction() as db:
                created = postings.create_posting(db, posting_form.read_private(form),
                                                  actor=actor(db), clock=clock)
                reference = created.reference
            flash(_("Posting logged: only you can see it."), "ok")
            return redirect(url_for("candidate.posting", reference=reference))
        except DomainError as exc:
            form_errors(form, exc, {"valid_through": "valid_through_date"})
    return render_template("web/candidate/posting_form.html", form=form), (
        status_of(form))


@bp.route("/postings/<path:reference>")
@roles_required("candidate")
def posting(reference: str) -> Any:
    """A posting the candidate logged (public ones have their public page)."""
    with transaction() as db:
        user = actor(db)
        found = postings.get_posting(db, reference, actor=user)
        if found.visibility is not Visibility.PRIVATE or found.owner_id != user.id:  # type: ignore[union-attr]
            return redirect(url_for("public.posting", reference=reference))
        record = records.posting_record(found, clock())
        mine = overview.own_application_to(db, user, found)
    return render_template("web/public/posting.html", p=record, jsonld=None, mine=mine,
                           apply_form=ButtonForm())


@bp.route("/apply/<path:reference>", methods=["POST"])
@roles_required("candidate")
def apply(reference: str) -> Any:
    """Start an application (a draft) to an open public posting or to one's own posting."""
    form = ButtonForm()
    with transaction() as db:
        _postable(db, reference, actor(db))
    if not form.validate_on_submit():
        return redirect(url_for("public.posting", reference=reference))
    try:
        with transaction() as db:
            user = actor(db)
            found = _postable(db, reference, user)
            created = applications.start(db, found, user, actor=user, clock=clock)  # type: ignore[arg-type]
            application_id = created.id
        flash(_("Application started: answer the requirements, add your documents, then "
                "submit it before the deadline."), "ok")
        return redirect(url_for("candidate.application", application_id=application_id))
    except (NotFound, PermissionDenied):
        raise
    except DomainError as exc:
        flash(exc.message, "error")
        return redirect(url_for("candidate.applications"))


def _postable(db: Any, reference: str, user: Any) -> Posting:
    try:
        return search.public_posting(db, reference)
    except NotFound:
        found = postings.get_posting(db, reference, actor=user)
        if found.owner_id != user.id:
            raise
        return found


def _page(application_id: int, status: int = 200, **forms: Any) -> Any:
    with transaction() as db:
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
                              "level": r.level, "required": r.is_required}
                             for r in posting.requirements],
            "documents": [records.document_record(d) for d in found.documents],
            "missing": detail.missing,
            "interviews": overview.application_interviews(db, found),
            "history": [{"at": h.changed_at, "to": h.to_status.value} for h in found.history],
            "can_withdraw": "withdrawn" in {s.value for s in
                                            applications.TRANSITIONS[found.status]},
        }
        answers = detail.answers
    answers_form = forms.pop("answers", None) or EvidenceForm(formdata=None)
    if not answers_form.rows.entries:
        for row in context["requirements"]:
            given = answers.get(row["id"])
            answers_form.rows.append_entry({
                "requirement_id": str(row["id"]),
                "evidence": given.evidence if given else "",
                "self_rating": str(given.self_rating or "") if given else ""})
    letter = forms.pop("letter", None) or LetterForm(
        formdata=None, cover_letter=context["a"]["cover_letter"] or "")
    return render_template(
        "web/candidate/application.html", answers_form=answers_form, letter_form=letter,
        upload_form=forms.pop("upload", None) or UploadForm(formdata=None),
        button_form=ButtonForm(), **context), status


@bp.route("/applications/<int:application_id>")
@roles_required("candidate")
def application(application_id: int) -> Any:
    return _page(application_id)


@bp.route("/applications/<int:application_id>/answers", methods=["POST"])
@roles_required("candidate")
def answers(application_id: int) -> Any:
    form = EvidenceForm()
    if form.validate_on_submit():
        try:
            with transaction() as db:
                found = own_application(db, application_id)
                by_id = {r.id: r for r in found.posting.requirements}
                for index, row in enumerate(form.rows.entries):
                    requirement = by_id.get(int(row.form.requirement_id.data or 0))
                    if requirement is None:
                        raise DomainError(f"rows[{index}]", "unknown requirement")
                    rating = row.form.self_rating.data
                    evidence.give_evidence(db, found, requirement, evidence=row.form.evidence.data,
                                           self_rating=int(rating) if rating else None,
                                           actor=actor(db), clock=clock)
            flash(_("Answers saved."), "ok")
            return redirect(url_for("candidate.application", application_id=application_id))
        except (NotFound, PermissionDenied):
            raise
        except (DomainError, ValueError) as exc:
            form.form_errors.append(str(exc))
    return _page(application_id, 400, answers=form)


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
            return redirect(url_for("candidate.application", application_id=application_id))
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
            with transaction() as db:
                documents.add_document(db, own_application(db, application_id),
                                       kind=form.kind.data or "", filename=name,
                                       content=upload.read(), actor=actor(db), clock=clock)
            flash(_("%(name)s uploaded.", name=name), "ok")
            return redirect(url_for("candidate.application", application_id=application_id))
        except (NotFound, PermissionDenied):
            raise
        except DomainError as exc:
            form_errors(form, exc, {"filename": "file", "file": "file"})
    return _page(application_id, 400, upload=form)


@bp.route("/applications/<int:application_id>/documents/<int:document_id>/delete",
          methods=["POST"])
@roles_required("candidate")
def remove_document(application_id: int, document_id: int) -> Any:
    with transaction() as db:
        own_application(db, application_id)
    if ButtonForm().validate_on_submit():
        with transaction() as db:
            found = own_application(db, application_id)
            document = documents.get_document(db, document_id, actor=actor(db))
            if document.application_id != found.id:
                raise NotFound("document", f"no document #{document_id}")
            documents.remove_document(db, document, actor=actor(db), clock=clock)
        flash(_("Document removed."), "ok")
    return redirect(url_for("candidate.application", application_id=application_id))


@bp.route("/applications/<int:application_id>/<any(submitted, withdrawn):target>",
          methods=["POST"])
@roles_required("candidate")
def move(application_id: int, target: str) -> Any:
    """Submit (before the deadline) or withdraw one's application."""
    with transaction() as db:
        own_application(db, application_id)
    if ButtonForm().validate_on_submit():
        try:
            with transaction() as db:
                applications.move(db, own_application(db, application_id), target,
                                  actor=actor(db), clock=clock)
            flash(_("Application submitted.") if target == "submitted"
                  else _("Application withdrawn."), "ok")
        except (NotFound, PermissionDenied):
            raise
        except DomainError as exc:
            flash(exc.message, "error")
    return redirect(url_for("candidate.application", application_id=application_id))


@bp.route("/applications/<int:application_id>/dossier.pdf")
@roles_required("candidate")
def dossier(application_id: int) -> Any:
    from flask_babel import get_locale

    with transaction() as db:
        own_application(db, application_id)
        made = dossiers.application_dossier(db, application_id, lang=str(get_locale() or "fr"),
                                            actor=actor(db), clock=clock)
    return pdf_response(made.content, made.filename)


from tracker.web import candidate_import  # noqa: E402,F401  (its routes are on this blueprint)
