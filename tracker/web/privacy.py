"""One's data rights on the account page (download my data, ask for its erasure) and the
admin's page of erasure requests, beside the self-service deletion (auth.delete_account)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from tracker.domain.errors import DomainError
from tracker.services.privacy import erase, export
from tracker.web.common import actor, clock, roles_required, settings, transaction
from tracker.web.forms import ButtonForm

bp = Blueprint("privacy", __name__)


def account_privacy() -> dict[str, Any]:
    """What the account page shows of one's data rights: the erasure request waiting, if any,
    and its button's form."""
    requested_at = None
    if current_user.role == "candidate":
        with transaction() as db:
            user = actor(db)
            pending = erase.pending_request(db, user, actor=user)
            requested_at = pending.requested_at if pending else None
    return {"erasure_requested_at": requested_at,
            "erasure_form": ButtonForm(prefix="erasure", formdata=None)}


@bp.get("/account/export.zip")
@login_required
def export_mine() -> Response:
    """Everything the tracker holds about me, as one zip archive."""
    with transaction() as db:
        user = actor(db)
        made = export.export_person(db, user, actor=user, settings=settings(), now=clock())
    response = Response(made.content, mimetype="application/zip")
    response.headers["Content-Disposition"] = f'attachment; filename="{made.filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.post("/account/erasure-request")
@roles_required("candidate")
def request_erasure() -> Any:
    """A candidate asks for the erasure of their data; an admin carries it out."""
    if ButtonForm(prefix="erasure").validate_on_submit():
        with transaction() as db:
            user = actor(db)
            erase.request_erasure(db, user, actor=user, settings=settings(), now=clock())
        flash(_("Your request is recorded: an administrator will erase your data."), "ok")
    return redirect(url_for("auth.account") + "#privacy")


@bp.get("/admin/erasure-requests")
@roles_required("admin")
def admin_requests() -> Any:
    with transaction() as db:
        rows = erase.list_erasures(db, actor=actor(db))
    return render_template("web/auth/erasure_requests.html", rows=rows,
                           pending=[r for r in rows if r.status == "requested"],
                           done=[r for r in rows if r.status == "done"],
                           erase_form=ButtonForm(prefix="erase", formdata=None))


@bp.post("/admin/erasure-requests/<int:request_id>/erase")
@roles_required("admin")
def admin_erase(request_id: int) -> Any:
    """An admin carries out one request: the person and every trace of them go."""
    if ButtonForm(prefix="erase").validate_on_submit():
        try:
            with transaction() as db:
                record = erase.carry_out_request(db, request_id, actor=actor(db),
                                                 settings=settings(), now=clock())
                label = record.subject_label
            flash(_("Erased: the audit trail now names this person %(label)s.", label=label),
                  "ok")
        except DomainError as exc:
            if exc.field == "request":
                abort(404)
            flash(f"{exc.field}: {exc.message}", "error")
    return redirect(url_for("privacy.admin_requests"))
