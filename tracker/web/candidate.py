"""Candidate pages: my applications, my profile, postings I logged, and one application
(answers, documents, letter, submission, dossier)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from tracker.domain.errors import DomainError, NotFound, PermissionDenied
from tracker.models import Visibility
from tracker.services.accounts import users
from tracker.services.hiring import applications, postings
from tracker.services.views import overview, records
from tracker.web import posting_form
from tracker.web.common import (
    actor,
    clock,
    error_text,
    form_errors,
    has_errors,
    roles_required,
    settings,
    status_of,
    transaction,
)
from tracker.web.forms import (
    ButtonForm,
    PrivatePostingForm,
    ProfileForm,
)

bp = Blueprint("candidate", __name__, url_prefix="/me")
BLANK_LANGUAGES = 3


@bp.route("/", endpoint="applications")
@roles_required("candidate")
def my_applications() -> Any:
    with transaction() as db:
        user = actor(db)
        rows = overview.candidate_applications(db, user, clock=clock)
        logged = [records.posting_summary(p, clock()) for p in overview.own_postings(db, user)]
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
                    db, actor(db), headline=form.headline.data or None,
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
            current = actor(db).profile
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
                                                  actor=actor(db), clock=clock, settings=settings())
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
        if found.visibility is not Visibility.PRIVATE or found.owner_id != user.id:
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
        applications.open_to(db, reference, actor=actor(db))
    if not form.validate_on_submit():
        return redirect(url_for("public.posting", reference=reference))
    try:
        with transaction() as db:
            user = actor(db)
            found = applications.open_to(db, reference, actor=user)
            created = applications.start(db, found, user, actor=user, clock=clock)
            application_id = created.id
        flash(_("Application started: answer the requirements, add your documents, then "
                "submit it before the deadline."), "ok")
        return redirect(url_for("candidate.application", application_id=application_id))
    except (NotFound, PermissionDenied):
        raise
    except DomainError as exc:
        flash(error_text(exc), "error")
        return redirect(url_for("candidate.applications"))


