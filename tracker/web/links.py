"""The addresses e-mails and notices carry (`/applications/{id}`, `/interviews/{id}`): one link
for everybody, which opens the page of the reader's own side once they are logged in.

A reminder or a message is written once for all its readers (tracker.services.reminders.facts,
tracker.services.messages.composing), so its link names the thing, not a page: a candidate who
follows it lands on their application page, an hr user on the organisation's one. The link
leads nowhere (404) for a reader who may not see what it names: the address it redirects to
would say which application an interview belongs to.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, redirect
from flask_login import current_user, login_required

from tracker.domain.errors import NotFound, PermissionDenied
from tracker.services.hiring.applications import get_application
from tracker.services.hiring.lookup import get_posting
from tracker.services.reminders import notifications
from tracker.web.common import actor, transaction
from tracker.web.inbox import web_url

bp = Blueprint("links", __name__)


@bp.route("/applications/<int:key>", endpoint="application", defaults={"what": "applications"})
@bp.route("/interviews/<int:key>", endpoint="interview", defaults={"what": "interviews"})
@login_required
def follow(what: str, key: int) -> Any:
    """An interview leads to its application (or its posting when it is posting-wide); an
    interview or application that is no more leads to the inbox."""
    with transaction() as db:
        target = notifications.link_target(db, f"/{what}/{key}")
        if target is None:
            abort(404)
        try:
            if target.kind == "application":
                get_application(db, int(target.key), actor=actor(db))
            else:
                get_posting(db, str(target.key), actor=actor(db))
        except (NotFound, PermissionDenied):
            abort(404)
    return redirect(web_url(target, current_user.role))
