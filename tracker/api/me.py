"""/api/v1/me: who the token belongs to."""

from __future__ import annotations

from flask.typing import ResponseReturnValue

from tracker.api.core import bp, call, operation, responses
from tracker.api.schemas import UserOut
from tracker.services.views.records import user_record


@bp.get("/me")
@operation(resp=responses(200, UserOut), tags=["me"])
def me() -> ResponseReturnValue:
    """The user the token belongs to."""
    with call() as c:
        return user_record(c.actor)
