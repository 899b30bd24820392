"""Privacy on the pages: the notice (/privacy, and on the registration page); on the account page
a candidate's consent to the talent pools of the organisations they applied to, the download of
one's data and the request for its erasure; the admin's page of erasure requests, beside the
self-service deletion (auth.delete_account)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from tracker.domain.errors import DomainError
from tracker.services.privacy import consent, erase, export, policy
from tracker.web.common import actor, clock, error_text, roles_required, settings, transaction
from tracker.web.forms import ButtonForm

bp = Blueprint("privacy", __name__)


def _lang() -> str:
    return "fr" if str(get_locale() or "fr") == "fr" else "en"


def notice_context(slug: str | None) -> dict[str, Any]:
    """What a page needs to show the notice: the organisation's own text (`slug`, when it wrote
    one), else the default notice of the templates."""
    with transaction() as db:
        found = policy.privacy_notice(db, slug, lang=_lang()) if slug else None
    return {"own_notice": found if found is not None and found.text else None,
            **_periods(found)}


def _periods(found: policy.Notice | None) -> dict[str, int]:
    """The periods the default notice states: the organisation's, else the defaults."""
    if found is not None:
        return {"applications_months": found.applications_months,
                "accounts_months": found.accounts_months}
    return {"applications_months": policy.DEFAULT_APPLICATIONS_MONTHS,
            "accounts_months": settings().retention_account_months}


@bp.get("/privacy")
def notice() -> Any:
    """The default notice, and each organisation's own (or the one `?org=` names)."""
    slug = request.args.get("org") or None
    with transaction() as db:
        found = policy.privacy_notice(db, slug, lang=_lang()) if slug else None
        notices = (([found] if found is not None and found.text else []) if slug
                   else policy.own_notices(db, lang=_lang()))
    return render_template("web/privacy/notice.html", notices=notices, **_periods(found))


def talent_pool_section() -> dict[str, Any]:
    """The account page's talent-pool choices (candidates only)."""
    if current_user.role != "candidate":
        return {"talent_pools": None}
    with transaction() as db:
        user = actor(db)
        pools = consent.talent_pools(db, user, actor=user, now=clock())
    return {"talent_pools": pools, "pool_form": ButtonForm(prefix="pool", formdata=None)}


@bp.post("/account/talent-pool/<slug>")
@roles_required("candidate")
def talent_pool(slug: str) -> Any:
    """Give (the checkbox ticked) or revoke one's consent to an organisation's talent pool."""
    if ButtonForm(prefix="pool").validate_on_submit():
        give = request.form.get("consent") == "yes"
        try:
            with transaction() as db:
                user = actor(db)
                choice = consent.set_talent_pool(db, user, slug, give, actor=user, now=clock())
            flash(_("You stay in the talent pool of %(name)s.", name=choice.name) if give
                  else _("You left the talent pool of %(name)s.", name=choice.name), "ok")
        except DomainError as exc:
            flash(f"{exc.field}: {error_text(exc)}", "error")
    return redirect(url_for("auth.account") + "#talent-pool")



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
            flash(f"{exc.field}: {error_text(exc)}", "error")
    return redirect(url_for("privacy.admin_requests"))
