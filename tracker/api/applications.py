"""/api/v1/applications: list, read, start (and submit), move; evidence per requirement."""

from __future__ import annotations

from flask.typing import ResponseReturnValue

from tracker.api.core import body, bp, call, operation, paged, query, responses
from tracker.api.schemas import (
    MAX_ID,
    ApplicationCreate,
    ApplicationOut,
    ApplicationPage,
    ApplicationQuery,
    EvidenceIn,
    EvidenceList,
    FitOut,
    FitQuery,
    RatingIn,
    StatusMove,
)
from tracker.models import Application, User
from tracker.services.fit import scores as fit
from tracker.services.hiring import applications, evidence, postings
from tracker.services.views.records import application_record_for, iso

TAG = "applications"
APPLICATION = f"<int(min=1, max={MAX_ID}):application_id>"
REQUIREMENT = f"<int(min=1, max={MAX_ID}):requirement_id>"


@bp.get("/applications")
@operation(query=ApplicationQuery, resp=responses(200, ApplicationPage, 404), tags=[TAG])
def list_applications() -> ResponseReturnValue:
    """Applications, newest first: candidates see their own, hr users those to their
    organisation's postings."""
    q = query(ApplicationQuery)
    with call() as c:
        result = applications.list_applications(
            c.session, posting=q.posting, candidate=q.candidate, status=q.status, page=q.page,
            per_page=q.per_page, actor=c.actor,
        )
        items = [
            {"id": r.id, "posting": r.posting_reference, "posting_title": r.posting_title,
             "candidate": {"name": r.candidate_name, "email": r.candidate_email},
             "status": r.status.value, "submitted_at": iso(r.submitted_at),
             "is_late": r.is_late, "updated_at": iso(r.updated_at)}
            for r in result.rows
        ]
        return paged(result, items)


@bp.post("/applications")
@operation(json=ApplicationCreate, resp=responses(201, ApplicationOut, 403, 404, 409),
               tags=[TAG])
def start_application() -> ResponseReturnValue:
    """Start an application (a draft), or submit it at once with `submit`. Candidates apply
    for themselves. The employer side records an application it received by post or e-mail:
    the person's name (`candidate_name`) and address (`candidate`) as given; it is submitted
    and linked to no account, whoever has that address."""
    data = body(ApplicationCreate)
    with call() as c:
        posting = postings.get_posting(c.session, data.posting, actor=c.actor)
        application = applications.start_for(
            c.session, posting, candidate=data.candidate, candidate_name=data.candidate_name,
            cover_letter=data.cover_letter, submit=data.submit, late=data.late, actor=c.actor,
            clock=c.clock)
        return application_record_for(application, c.actor), 201


@bp.get(f"/applications/{APPLICATION}")
@operation(resp=responses(200, ApplicationOut, 404), tags=[TAG])
def get_application(application_id: int) -> ResponseReturnValue:
    """One application: status, evidence per requirement, documents, notes, history."""
    with call() as c:
        application = applications.get_application(c.session, application_id, actor=c.actor)
        return application_record_for(application, c.actor)


@bp.post(f"/applications/{APPLICATION}/status")
@operation(json=StatusMove, resp=responses(200, ApplicationOut, 403, 404, 409), tags=[TAG])
def move_application(application_id: int) -> ResponseReturnValue:
    """Move the application to another status, as the workflow and the caller's role allow
    (candidates: submit or withdraw their own)."""
    data = body(StatusMove)
    with call() as c:
        application = applications.get_application(c.session, application_id, actor=c.actor)
        applications.move(c.session, application, data.status, actor=c.actor,
                          comment=data.comment, late=data.late, clock=c.clock,
                          public_url=c.settings.public_url)
        return application_record_for(application, c.actor)


@bp.get(f"/applications/{APPLICATION}/evidence")
@operation(resp=responses(200, EvidenceList, 404), tags=[TAG])
def list_evidence(application_id: int) -> ResponseReturnValue:
    """Each requirement of the posting with the candidate's evidence and the ratings."""
    with call() as c:
        application = applications.get_application(c.session, application_id, actor=c.actor)
        return _evidence(application, c.actor)


@bp.put(f"/applications/{APPLICATION}/evidence/{REQUIREMENT}")
@operation(json=EvidenceIn, resp=responses(200, EvidenceList, 403, 404), tags=[TAG])
def give_evidence(application_id: int, requirement_id: int) -> ResponseReturnValue:
    """The candidate's answer to one requirement, with a self-rating from 1 to 4."""
    data = body(EvidenceIn)
    with call() as c:
        application = applications.get_application(c.session, application_id, actor=c.actor)
        requirement = evidence.get_requirement(c.session, application, requirement_id)
        evidence.give_evidence(c.session, application, requirement, evidence=data.evidence,
                               self_rating=data.self_rating, actor=c.actor, clock=c.clock)
        c.session.expire(application, ["evidence"])
        return _evidence(application, c.actor)


@bp.put(f"/applications/{APPLICATION}/evidence/{REQUIREMENT}/rating")
@operation(json=RatingIn, resp=responses(200, EvidenceList, 403, 404), tags=[TAG])
def rate_evidence(application_id: int, requirement_id: int) -> ResponseReturnValue:
    """The reviewer's rating (1 to 4) of how well the application meets one requirement."""
    data = body(RatingIn)
    with call() as c:
        application = applications.get_application(c.session, application_id, actor=c.actor)
        requirement = evidence.get_requirement(c.session, application, requirement_id)
        evidence.rate_evidence(c.session, application, requirement, rating=data.rating,
                               actor=c.actor, clock=c.clock)
        c.session.expire(application, ["evidence"])
        return _evidence(application, c.actor)


def _evidence(application: Application, actor: User) -> dict[str, object]:
    return {"requirements": application_record_for(application, actor)["requirements"]}


@bp.get(f"/applications/{APPLICATION}/fit")
@operation(query=FitQuery, resp=responses(200, FitOut, 403, 404), tags=[TAG])
def application_fit(application_id: int) -> ResponseReturnValue:
    """How the application meets each requirement of its posting (met, partly met, not shown,
    unknown), with the reason, weight and points of each line and the score out of 100. For
    the posting's employer side only (it weighs the reviewer's ratings)."""
    q = query(FitQuery)
    with call() as c:
        application = applications.get_application(c.session, application_id, actor=c.actor)
        return fit.application_fit(c.session, application, lang=q.lang, actor=c.actor).as_dict(q.lang)
