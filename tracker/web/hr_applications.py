"""HR pages of one application (profile, documents, evidence with ratings, notes, history,
moves) and interview scheduling. Routes of the `hr` blueprint."""

from __future__ import annotations

import re
from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from tracker.domain.access import can_manage
from tracker.domain.errors import DomainError, PermissionDenied, ValidationFailed
from tracker.i18n import Text, education_label
from tracker.models import Application, JobKind
from tracker.services import messages
from tracker.services.fit import scores as fit
from tracker.services.hiring import applications, evidence, interviews
from tracker.services.views import overview, records
from tracker.web import hr_audit, hr_board, jobs
from tracker.web.common import (
    actor,
    clock,
    error_text,
    form_errors,
    has_errors,
    roles_required,
    transaction,
)
from tracker.web.forms import InterviewForm, MoveForm, NoteForm, RatingsForm
from tracker.web.hr import STAFF, _lang, bp, managed_posting, posting_page


def managed_application(db: Any, application_id: int) -> Application:
    user = actor(db)
    found = applications.get_application(db, application_id, actor=user)
    if not can_manage(user, found.posting):
        raise PermissionDenied("application", "you may not review this application")
    return found


def _page(application_id: int, status: int = 200, **forms: Any) -> Any:
    with transaction() as db:
        found = managed_application(db, application_id)
        detail = overview.application_detail(db, found)
        record = records.application_record(found)
        profile = found.candidate.profile if found.candidate else None
        context = {
            "a": record,
            "reference": found.posting.reference,
            "timezone": found.posting.timezone,
            "submitted_at": found.submitted_at,
            "requirements": [
                {"id": r.id, "kind": r.kind.value, "label": r.label, "level": r.level,
                 "required": r.is_required,
                 "evidence": detail.answers[r.id].evidence if r.id in detail.answers else None,
                 "self_rating": detail.answers[r.id].self_rating if r.id in detail.answers
                 else None,
                 "rating": detail.answers[r.id].reviewer_rating if r.id in detail.answers
                 else None}
                for r in found.posting.requirements],
            "documents": [records.document_record(d) for d in found.documents],
            "missing": detail.missing,
            "interviews": overview.application_interviews(db, found, clock=clock),
            "profile": _profile(profile),
            "history": [{"at": h.changed_at, "from": h.from_status.value if h.from_status
                         else None, "to": h.to_status.value, "comment": h.comment,
                         "interview": interviews.scheduled_on(h.comment),
                         "by": h.changed_by.full_name if h.changed_by else None}
                        for h in found.history],
            "notes": [{"at": n.created_at, "by": n.author.full_name if n.author else None,
                       "body": n.body} for n in found.notes],
            "moves": hr_board.boards.allowed_moves(found.status),
            "fit": fit.application_fit(db, found, lang=_lang(), actor=actor(db)).as_dict(_lang()),
            "trail": hr_audit.trail(db, found),
            "sent": messages.list_messages(db, found, actor=actor(db)),
        }
    ratings = forms.pop("ratings", None) or RatingsForm(formdata=None)
    if not ratings.rows.entries:
        for row in context["requirements"]:
            ratings.rows.append_entry({"requirement_id": str(row["id"]),
                                       "rating": str(row["rating"] or "")})
    move = forms.pop("move", None) or MoveForm(formdata=None)
    move.status.choices = [c for c in move.status.choices if c[0] in context["moves"]]
    return render_template(
        "web/hr/application.html", ratings=ratings, move_form=move,
        note_form=forms.pop("note", None) or NoteForm(formdata=None), **context), status


def _profile(profile: Any) -> dict[str, Any] | None:
    if profile is None:
        return None
    return {"headline": profile.headline,
            "education_level": education_label(profile.education_level, str(get_locale()))
            if profile.education_level else None,
            "education_detail": profile.education_detail,
            "experience_years": profile.experience_years,
            "experience_summary": profile.experience_summary,
            "skills": [s.label for s in profile.skills],
            "languages": [{"language": lang.language,
                           "level": lang.level.value if lang.level else None,
                           "native": lang.is_native} for lang in profile.languages]}


@bp.route("/applications/<int:application_id>")
@roles_required(*STAFF)
def application(application_id: int) -> Any:
    return _page(application_id)


@bp.route("/applications/<int:application_id>/move", methods=["POST"])
@roles_required(*STAFF)
def application_move(application_id: int) -> Any:
    """One move, from the application page, the posting's applicants or its board (`back`);
    a refused one is said on the page it was asked from, in the reader's language."""
    form = MoveForm()
    back = request.form.get("back")
    with transaction() as db:
        found = managed_application(db, application_id)
        reference, name, current = found.posting.reference, found.person_name, found.status
    target = form.status.data or ""
    if form.validate_on_submit():
        try:
            with transaction() as db:
                applications.move(db, managed_application(db, application_id), target,
                                  actor=actor(db), comment=form.comment.data or None,
                                  clock=clock)
            flash(_("%(name)s moved to “%(status)s”.", name=name or _("Anonymised applicant"),
                    status=hr_board.status_label(target)), "ok")
            if back in ("posting", "board"):
                return redirect(url_for(f"hr.{back}", reference=reference,
                                        _anchor=f"application-{application_id}"))
            return redirect(url_for("hr.application", application_id=application_id))
        except PermissionDenied:
            raise
        except DomainError as exc:
            message = hr_board.refused_move(exc, name, current, target)
    else:
        message = "; ".join(str(e) for errors in form.errors.values() for e in errors)
    if back == "board":
        return hr_board.board_page(reference, 400, move_error={"id": application_id,
                                                               "message": message})
    if back == "posting":
        return posting_page(reference, 400, move_error={"id": application_id,
                                                        "message": message})
    form.form_errors.append(message)
    return _page(application_id, 400, move=form)


@bp.route("/applications/<int:application_id>/ratings", methods=["POST"])
@roles_required(*STAFF)
def application_ratings(application_id: int) -> Any:
    form = RatingsForm()
    if form.validate_on_submit():
        try:
            with transaction() as db:
                found = managed_application(db, application_id)
                by_id = {r.id: r for r in found.posting.requirements}
                for row in form.rows.entries:
                    requirement = by_id.get(int(row.form.requirement_id.data or 0))
                    if requirement is None:
                        raise DomainError("rows", "unknown requirement")
                    value = row.form.rating.data
                    evidence.rate_evidence(db, found, requirement,
                                           rating=int(value) if value else None,
                                           actor=actor(db), clock=clock)
            flash(_("Ratings saved."), "ok")
            return redirect(url_for("hr.application", application_id=application_id))
        except PermissionDenied:
            raise
        except (DomainError, ValueError) as exc:
            form.form_errors.append(
                error_text(exc) if isinstance(exc, DomainError) else str(exc))
    return _page(application_id, 400, ratings=form)


@bp.route("/applications/<int:application_id>/notes", methods=["POST"])
@roles_required(*STAFF)
def application_note(application_id: int) -> Any:
    form = NoteForm()
    if form.validate_on_submit():
        try:
            with transaction() as db:
                evidence.add_note(db, managed_application(db, application_id),
                                  form.body.data or "", actor=actor(db), clock=clock)
            flash(_("Note added."), "ok")
            return redirect(url_for("hr.application", application_id=application_id))
        except PermissionDenied:
            raise
        except DomainError as exc:
            form_errors(form, exc)
    return _page(application_id, 400, note=form)


@bp.route("/applications/<int:application_id>/dossier.pdf")
@roles_required(*STAFF)
def application_dossier(application_id: int) -> Any:
    with transaction() as db:
        managed_application(db, application_id)
    return jobs.start(JobKind.APPLICATION, {"application_id": application_id})


@bp.route("/postings/<path:reference>/interviews/new", methods=["GET", "POST"])
@roles_required(*STAFF)
def interview_new(reference: str) -> Any:
    form = InterviewForm()
    with transaction() as db:
        found = managed_posting(db, reference)
        form.application.choices = [("", _("— the posting-wide date —"))] + [
            (str(row["id"]), row["name"])
            for row in overview.schedulable_applicants(db, found, actor=actor(db))]
        title, zone = found.title, found.timezone
    if not form.is_submitted() and request.args.get("application"):
        form.application.data = request.args["application"]
    replace = request.form.get("replace") == "1"
    existing = None  # the chosen application's slot still to come: move it, or replace it
    if not form.is_submitted() and (form.application.data or "").isdigit():
        with transaction() as db:
            chosen = _chosen(db, form)
            if chosen is not None:
                existing = _existing(interviews.current_interviews(db, chosen, clock=clock))
    if form.is_submitted():
        form.validate()  # every field of the form at once
        own = {name for name, item in form._fields.items() if item.errors}
        lines, numbered = _panel(form.panel.data or "")
        values = {**_interview_values(form), "day": form.day.data}
        problems: list[DomainError] = []
        try:
            with transaction() as db:
                found = managed_posting(db, reference)
                chosen, members = _chosen(db, form), [member for _line, member in lines]
                if has_errors(form) or numbered:  # what the service says too, nothing written
                    problems = interviews.schedule_problems(
                        found, application=chosen, panel=members, clock=clock, **values)
                else:
                    interviews.schedule(
                        db, found, application=chosen, panel=members,
                        place=(form.place.data or "").strip() or None, actor=actor(db),
                        clock=clock, replace=replace, **values)
                    flash(_("Interview scheduled."), "ok")
                    return redirect(url_for("hr.posting", reference=reference))
        except PermissionDenied:
            raise
        except interviews.ScheduledAlready as exc:
            with transaction() as db:
                existing = _existing([interviews.get_interview(db, exc.interview_id,
                                                               actor=actor(db))])
        except ValidationFailed as exc:
            problems = list(exc.errors)
        except DomainError as exc:
            problems = [exc]
        numbered += _on_lines(problems, lines)
        shown = [p for _n, p in sorted(numbered, key=lambda item: item[0])
                 if _top(p.field) not in own]
        if shown:
            form_errors(form, ValidationFailed(shown))
    status = 400 if has_errors(form) or (form.is_submitted() and existing) else 200
    return render_template("web/hr/interview_form.html", form=form, reference=reference,
                           title=title, zone=zone, existing=existing, replace=replace), status


def _existing(current: list[Any]) -> dict[str, Any] | None:
    """The slot the scheduling form says the application has already (the first to come)."""
    if not current:
        return None
    first = current[0]
    return {"id": first.id, "starts_at": first.starts_at, "timezone": first.timezone,
            "has_time": first.start_time is not None,
            "candidate": first.application.person_name if first.application else None}


def _interview_values(form: InterviewForm) -> dict[str, Any]:
    return {"at": form.at.data, "timezone": (form.timezone.data or "").strip() or None,
            "duration_minutes": form.duration_minutes.data or 45,
            "video_url": (form.video_url.data or "").strip() or None}


def _chosen(db: Any, form: InterviewForm) -> Application | None:
    value = form.application.data or ""
    return managed_application(db, int(value)) if value.isdigit() else None


def _top(field: str | None) -> str:
    return re.split(r"[.\[]", field or "", maxsplit=1)[0]


def _panel(text: str) -> tuple[list[tuple[int, interviews.Panelist]],
                                list[tuple[int, DomainError]]]:
    """The panel members, one a line (`Name <e-mail>` or a bare address) with their line
    numbers, and a problem for each line written otherwise (with its line number)."""
    members: list[tuple[int, interviews.Panelist]] = []
    problems: list[tuple[int, DomainError]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        member = interviews.Panelist.parse(line)
        if member is not None:
            members.append((number, member))
        else:
            problems.append((number, DomainError(
                "panel", "line %(n)s: write Name <e-mail>", n=number)))
    return members, problems


def _on_lines(problems: list[DomainError], lines: list[tuple[int, interviews.Panelist]]
              ) -> list[tuple[int, DomainError]]:
    """The service names a panel member by position (`panel[1].email`): the form says which
    line of its text box. Each problem comes with its line (0: not the panel's)."""
    found = []
    for problem in problems:
        match = re.fullmatch(r"panel\[(\d+)\]\..*", problem.field or "")
        if match and int(match.group(1)) < len(lines):
            number = lines[int(match.group(1))][0]
            found.append((number, DomainError(
                "panel", "line %(n)s: %(message)s", n=number,
                message=Text(problem.code, **problem.params))))
        else:
            found.append((0, problem))
    return found
