"""/api/v1/postings: list, read, create, change, open/close/cancel/fill; their requirements."""

from __future__ import annotations

from flask.typing import ResponseReturnValue

from tracker.api.core import Call, body, bp, call, operation, paged, query, raw_body, responses
from tracker.api.schemas import (
    PostingCreate,
    PostingOut,
    PostingPage,
    PostingPatch,
    PostingQuery,
    RequirementList,
    RequirementsReplace,
)
from tracker.domain.access import can_manage
from tracker.models import Posting, PostingStatus
from tracker.services.hiring import postings
from tracker.services.views.records import posting_record_for, posting_summary, requirement_record

TAG = "postings"


def _posting_body(c: Call, posting: Posting) -> dict[str, object]:
    return posting_record_for(posting, c.now(), c.actor)


@bp.get("/postings")
@operation(query=PostingQuery, resp=responses(200, PostingPage, 404), tags=[TAG])
def list_postings() -> ResponseReturnValue:
    """Postings sorted by deadline (none last), as the caller may see them.

    Application counts per status are given to those who manage the posting."""
    q = query(PostingQuery)
    with call() as c:
        result = postings.list_postings(
            c.session, status=q.status, organisation=q.organisation, page=q.page,
            per_page=q.per_page, actor=c.actor,
        )
        now = c.now()
        items = [
            {**posting_summary(row.posting, now),
             "applications": {s.value: n for s, n in row.counts.items()}
             if can_manage(c.actor, row.posting) else None}
            for row in result.rows
        ]
        return paged(result, items)


@bp.post("/postings")
@operation(json=PostingCreate, resp=responses(201, PostingOut, 403, 404, 409), tags=[TAG])
def create_posting() -> ResponseReturnValue:
    """Create a posting (a draft): hr users for their organisation, candidates a private
    posting they found elsewhere."""
    with call() as c:
        posting = postings.create_posting(c.session, raw_body(), actor=c.actor, clock=c.clock, settings=c.settings)
        return _posting_body(c, posting), 201


@bp.get("/postings/<path:reference>")
@operation(resp=responses(200, PostingOut, 404, 409), tags=[TAG])
def get_posting(reference: str) -> ResponseReturnValue:
    """One posting with every field, its requirements and the interviews the caller may see."""
    with call() as c:
        return _posting_body(c, postings.get_posting(c.session, reference, actor=c.actor))


@bp.patch("/postings/<path:reference>")
@operation(json=PostingPatch, resp=responses(200, PostingOut, 403, 404, 409), tags=[TAG])
def update_posting(reference: str) -> ResponseReturnValue:
    """Change some fields; the posting is checked whole again. `requirements` and
    `required_documents`, when given, replace the lists."""
    changes = body(PostingPatch).model_dump(exclude_unset=True)
    with call() as c:
        posting = postings.get_posting(c.session, reference, actor=c.actor)
        postings.update_posting(c.session, posting, changes, actor=c.actor, clock=c.clock, settings=c.settings)
        return _posting_body(c, posting)


def _status_endpoint(action: str, target: PostingStatus, summary: str) -> None:
    def change(reference: str) -> ResponseReturnValue:
        with call() as c:
            posting = postings.get_posting(c.session, reference, actor=c.actor)
            postings.set_status(c.session, posting, target, actor=c.actor, clock=c.clock)
            return _posting_body(c, posting)

    change.__name__ = f"{action}_posting"
    change.__doc__ = summary
    view = operation(resp=responses(200, PostingOut, 403, 404, 409), tags=[TAG])(change)
    bp.add_url_rule(f"/postings/<path:reference>/{action}", view_func=view, methods=["POST"])


_status_endpoint("open", PostingStatus.OPEN, "Open the posting to applications.")
_status_endpoint("close", PostingStatus.CLOSED, "Close the posting to applications.")
_status_endpoint("cancel", PostingStatus.CANCELLED, "Cancel the posting (final).")
_status_endpoint("fill", PostingStatus.FILLED, "Mark the posting as filled (final).")


@bp.get("/postings/<path:reference>/requirements")
@operation(resp=responses(200, RequirementList, 404, 409), tags=[TAG])
def list_requirements(reference: str) -> ResponseReturnValue:
    """The posting's requirements in order, with the ids evidence refers to."""
    with call() as c:
        posting = postings.get_posting(c.session, reference, actor=c.actor)
        return {"requirements": [requirement_record(r) for r in posting.requirements]}


@bp.put("/postings/<path:reference>/requirements")
@operation(json=RequirementsReplace, resp=responses(200, RequirementList, 403, 404, 409),
               tags=[TAG])
def replace_requirements(reference: str) -> ResponseReturnValue:
    """Replace the requirements. One with the same kind and label as before keeps its id, and
    the evidence candidates gave for it."""
    changes = body(RequirementsReplace).model_dump()
    with call() as c:
        posting = postings.get_posting(c.session, reference, actor=c.actor)
        postings.update_posting(c.session, posting, changes, actor=c.actor, clock=c.clock, settings=c.settings)
        return {"requirements": [requirement_record(r) for r in posting.requirements]}

