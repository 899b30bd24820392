"""The privacy notice (/privacy, and on the registration page) and a candidate's consent to the
talent pools of the organisations they applied to (on their account page)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from tracker.domain.errors import DomainError
from tracker.services.privacy import consent, policy
from tracker.web.common import actor, clock, roles_required, settings, transaction
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
            flash(f"{exc.field}: {exc.message}", "error")
    return redirect(url_for("auth.account") + "#talent-pool")
