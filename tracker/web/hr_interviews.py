"""HR pages that move or cancel an interview (issue #14): a form for the new slot, and a
confirmation page for a cancellation, both without JavaScript. Routes of the `hr` blueprint;
the candidate and the panel are told by tracker.services.hiring.interviews."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, StringField, SubmitField, TextAreaField, TimeField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from tracker.domain.access import can_manage
from tracker.domain.errors import DomainError, PermissionDenied
from tracker.models import Interview
from tracker.services.hiring import interviews
from tracker.web.common import actor, clock, form_errors, roles_required, transaction
from tracker.web.hr import STAFF, bp


class MoveInterviewForm(FlaskForm):
    day = DateField(_l("Date"), validators=[InputRequired()])
    at = TimeField(_l("Time (empty: the whole day)"), validators=[Optional()])
    timezone = StringField(_l("Time zone"), validators=[InputRequired(), Length(max=64)])
    duration_minutes = IntegerField(_l("Duration (minutes)"),
                                    validators=[InputRequired(), NumberRange(1, 1440)])
    place = StringField(_l("Place"), validators=[Optional(), Length(max=300)])
    video_url = StringField(_l("Video link"), validators=[Optional(), Length(max=1000)])
    submit = SubmitField(_l("Move the interview"))


class CancelInterviewForm(FlaskForm):
    reason = TextAreaField(_l("Reason (optional, told to the candidate and the panel)"),
                           validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Cancel the interview"))


def managed_interview(db: Any, interview_id: int) -> Interview:
    """An interview of a posting the logged-in user manages (others': not found/forbidden)."""
    user = actor(db)
    found = interviews.get_interview(db, interview_id, actor=user)
    if not can_manage(user, found.posting):
        raise PermissionDenied("interview", "you may not change this interview")
    return found


def _facts(interview: Interview) -> dict[str, Any]:
    """What the pages say of an interview, and who hears of a change."""
    application = interview.application
    return {
        "id": interview.id, "starts_at": interview.starts_at, "timezone": interview.timezone,
        "has_time": interview.start_time is not None, "status": interview.status.value,
        "duration_minutes": interview.duration_minutes, "place": interview.place,
        "video_url": interview.video_url, "reference": interview.posting.reference,
        "title": interview.posting.title, "application_id": interview.application_id,
        "candidate": application.person_name if application is not None else None,
        "panel": [m.name or m.email for m in interview.panel],
        "changeable": interview.status.value == "scheduled" and not interviews.is_past(
            interview.start_date, interview.start_time, interview.timezone, clock()),
    }


def _back(facts: dict[str, Any]) -> str:
    """Where the user came from: the application's page, or the posting's."""
    if request.values.get("back") != "posting" and facts["application_id"] is not None:
        return url_for("hr.application", application_id=facts["application_id"])
    return url_for("hr.posting", reference=facts["reference"]) + "#interviews"


@bp.route("/interviews/<int:interview_id>/move", methods=["GET", "POST"])
@roles_required(*STAFF)
def interview_move(interview_id: int) -> Any:
    form = MoveInterviewForm()
    with transaction() as db:
        facts = _facts(managed_interview(db, interview_id))
    if not form.is_submitted():
        form.day.data = facts["starts_at"].astimezone(_zone(facts["timezone"])).date()
        form.at.data = (facts["starts_at"].astimezone(_zone(facts["timezone"])).time()
                        if facts["has_time"] else None)
        form.timezone.data = facts["timezone"]
        form.duration_minutes.data = facts["duration_minutes"]
        form.place.data, form.video_url.data = facts["place"], facts["video_url"]
    elif form.validate():
        try:
            with transaction() as db:
                interviews.reschedule(
                    db, managed_interview(db, interview_id), day=form.day.data,
                    at=form.at.data, timezone=(form.timezone.data or "").strip(),
                    duration_minutes=form.duration_minutes.data,
                    place=(form.place.data or "").strip() or None,
                    video_url=(form.video_url.data or "").strip() or None,
                    actor=actor(db), clock=clock, field="at")
            flash(_("Interview moved: the candidate and the panel receive the new time."), "ok")
            return redirect(_back(facts))
        except PermissionDenied:
            raise
        except DomainError as exc:
            form_errors(form, exc, {"day": "day", "duration_minutes": "duration_minutes"})
    status = 400 if form.is_submitted() else 200
    return render_template("web/hr/interview_move.html", form=form, i=facts,
                           back=_back(facts), back_to=request.values.get("back", "")), status


@bp.route("/interviews/<int:interview_id>/cancel", methods=["GET", "POST"])
@roles_required(*STAFF)
def interview_cancel(interview_id: int) -> Any:
    """GET: what a cancellation does, and the button that does it; POST: cancel."""
    form = CancelInterviewForm()
    with transaction() as db:
        facts = _facts(managed_interview(db, interview_id))
    if form.is_submitted() and form.validate():
        try:
            with transaction() as db:
                interviews.cancel(db, managed_interview(db, interview_id), actor=actor(db),
                                  clock=clock, reason=(form.reason.data or "").strip() or None)
            flash(_("Interview cancelled: the candidate and the panel are told."), "ok")
            return redirect(_back(facts))
        except PermissionDenied:
            raise
        except DomainError as exc:
            form_errors(form, exc)
    status = 400 if form.is_submitted() else 200
    return render_template("web/hr/interview_cancel.html", form=form, i=facts,
                           back=_back(facts), back_to=request.values.get("back", "")), status


def _zone(name: str) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)
