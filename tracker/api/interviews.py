"""/api/v1/interviews: list, read, schedule, reschedule, cancel."""

from __future__ import annotations

from flask.typing import ResponseReturnValue

from tracker.api.core import body, bp, call, operation, paged, query, responses
from tracker.api.schemas import (
    MAX_ID,
    InterviewCancel,
    InterviewCreate,
    InterviewMove,
    InterviewOut,
    InterviewPage,
    InterviewQuery,
)
from tracker.domain.timeutil import parse_time
from tracker.services.hiring import applications, interviews, postings
from tracker.services.hiring.interviews import Panelist
from tracker.services.views.records import interview_record

TAG = "interviews"
INTERVIEW = f"<int(min=1, max={MAX_ID}):interview_id>"


@bp.get("/interviews")
@operation(query=InterviewQuery, resp=responses(200, InterviewPage, 404, 409), tags=[TAG])
def list_interviews() -> ResponseReturnValue:
    """Interviews soonest first: those of the postings the caller manages, the posting-wide
    dates of the postings they see, and a candidate's own."""
    q = query(InterviewQuery)
    with call() as c:
        posting = (postings.get_posting(c.session, q.posting, "posting", actor=c.actor)
                   if q.posting else None)
        application = (applications.get_application(c.session, q.application, actor=c.actor)
                       if q.application else None)
        result = interviews.list_interviews(c.session, posting=posting, application=application,
                                            page=q.page, per_page=q.per_page, actor=c.actor)
        return paged(result, [interview_record(i) for i in result.rows])


@bp.post("/interviews")
@operation(json=InterviewCreate, resp=responses(201, InterviewOut, 403, 404, 409),
               tags=[TAG])
def schedule_interview() -> ResponseReturnValue:
    """Schedule an interview for a posting, or for one of its applications (which then moves
    to `interview`). A date without a time is the whole local day. An application has one
    current slot: if it has one already, 409 unless `replace` (which cancels it). The
    candidate and the panel receive the invitation (.ics) by e-mail."""
    data = body(InterviewCreate)
    at = parse_time(data.time, "time") if data.time else None
    with call() as c:
        posting = postings.get_posting(c.session, data.posting, "posting", actor=c.actor)
        application = (applications.get_application(c.session, data.application_id,
                                                    actor=c.actor)
                       if data.application_id is not None else None)
        interview = interviews.schedule(
            c.session, posting, day=data.date, at=at, timezone=data.timezone,
            duration_minutes=data.duration_minutes, place=data.place, video_url=data.video_url,
            application=application, panel=[Panelist(m.name, m.email) for m in data.panel],
            actor=c.actor, clock=c.clock, field="date", replace=data.replace,
        )
        return interview_record(interview), 201


@bp.get(f"/interviews/{INTERVIEW}")
@operation(resp=responses(200, InterviewOut, 404), tags=[TAG])
def get_interview(interview_id: int) -> ResponseReturnValue:
    """One interview."""
    with call() as c:
        return interview_record(interviews.get_interview(c.session, interview_id, actor=c.actor))


@bp.post(f"/interviews/{INTERVIEW}/reschedule")
@operation(json=InterviewMove, resp=responses(200, InterviewOut, 403, 404, 409), tags=[TAG])
def reschedule_interview(interview_id: int) -> ResponseReturnValue:
    """Move a scheduled interview to another local date and time (and, when given, zone,
    duration, place or video link). The candidate and the panel receive the updated
    invitation by e-mail (same UID, SEQUENCE raised); its reminders follow the new time."""
    data = body(InterviewMove)
    at = parse_time(data.time, "time") if data.time else None
    given = data.model_fields_set
    with call() as c:
        interview = interviews.get_interview(c.session, interview_id, actor=c.actor)
        interviews.reschedule(
            c.session, interview, day=data.date, at=at, timezone=data.timezone,
            duration_minutes=data.duration_minutes,
            place=data.place if "place" in given else interviews.KEEP,
            video_url=data.video_url if "video_url" in given else interviews.KEEP,
            actor=c.actor, clock=c.clock)
        return interview_record(interview)


@bp.post(f"/interviews/{INTERVIEW}/cancel")
@operation(json=InterviewCancel, resp=responses(200, InterviewOut, 403, 404, 409),
               tags=[TAG])
def cancel_interview(interview_id: int) -> ResponseReturnValue:
    """Cancel a scheduled interview, with an optional reason. The candidate and the panel
    receive a METHOD:CANCEL invitation (same UID); its reminders are withdrawn."""
    data = body(InterviewCancel)
    with call() as c:
        interview = interviews.get_interview(c.session, interview_id, actor=c.actor)
        interviews.cancel(c.session, interview, actor=c.actor, clock=c.clock, reason=data.reason)
        return interview_record(interview)
