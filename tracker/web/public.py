"""Pages anyone may read: the open public postings, searched, and each one's page with its
schema.org JobPosting JSON-LD. Also the language switch and document downloads."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, make_response, redirect, render_template, request, session, url_for
from flask_babel import get_locale
from flask_login import current_user, login_required
from flask_wtf.csrf import CSRFError, validate_csrf
from markupsafe import Markup
from wtforms import ValidationError

from tracker.domain.errors import DomainError
from tracker.services.accounts import account as accounts
from tracker.services.exports import formats
from tracker.services.hiring import documents, search
from tracker.services.reference.salary import salary_check
from tracker.services.views import overview, records
from tracker.web.caching import conditional
from tracker.web.common import (
    actor,
    clock,
    error_text,
    is_page,
    page_links,
    page_number,
    pdf_response,
    safe_next,
    transaction,
    viewer,
)
from tracker.web.forms import BLANK, ButtonForm, SearchForm
from tracker.web.i18n import LANGUAGES

bp = Blueprint("public", __name__)
PER_PAGE = 20

@bp.route("/")
def index() -> Any:
    form = SearchForm(request.args)
    filters = search.Filters(
        text=form.q.data or None, organisation=form.organisation.data or None,
        location=form.location.data or None, employment_type=form.employment_type.data or None)
    with transaction() as db:
        form.organisation.choices = BLANK + search.filter_choices(db)["organisations"]
        try:
            found = search.search_postings(db, filters, page=page_number(), per_page=PER_PAGE)
        except DomainError as exc:
            form.employment_type.errors = [error_text(exc)]
            found = search.search_postings(db, search.Filters(), page=1, per_page=PER_PAGE)
        now = clock()
        rows = [records.posting_summary(p, now) for p in found.rows]
    query = {k: v for k, v in request.args.items() if k != "page" and v}
    page = render_template("web/public/index.html", form=form, rows=rows,
                           pages=page_links(found), query=query)
    return conditional(make_response(page), request)


@bp.route("/postings/<path:reference>")
def posting(reference: str) -> Any:
    with transaction() as db:
        found = search.public_posting(db, reference)
        record = records.posting_record(found, clock())
        block = jsonld(formats.published_jsonld(
            found, url=url_for("public.posting", reference=reference, _external=True)))
        mine = overview.own_application_to(db, viewer(db), found)
        check = salary_check(found, clock=clock, lang=str(get_locale() or "fr")).as_dict()
        # the public page shows the check only where there is something to compare
        salary = check if check["verdict"] == "checked" else None
    page = render_template("web/public/posting.html", p=record, jsonld=block, mine=mine,
                           # a form makes a CSRF token, which a visitor's page must not hold
                           apply_form=ButtonForm() if current_user.is_authenticated else None,
                           salary=salary)
    return conditional(make_response(page), request)


def jsonld(document: dict[str, Any]) -> Markup:
    """The posting's schema.org JobPosting (with the page's absolute URL), serialised so that
    no text can close the script element."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # noqa: S704  (JSON with <, > and & escaped)


@bp.route("/language", methods=["POST"])
def set_language() -> Any:
    """Switch the language. A visitor's choice lives only in their own session cookie, which a
    cross-site form cannot send (SameSite=Lax), so their pages need no CSRF token and stay
    shareable; a logged-in user's choice is saved on the account and needs the token."""
    lang = request.form.get("lang", "")
    if current_user.is_authenticated:
        try:
            validate_csrf(request.form.get("csrf_token"))
        except ValidationError as exc:
            raise CSRFError(str(exc)) from exc
    if lang in LANGUAGES:
        session["lang"] = lang
        if current_user.is_authenticated:  # the language is a preference of the account
            with transaction() as db:
                user = actor(db)
                accounts.set_preferences(db, user, full_name=user.full_name, locale=lang,
                                         timezone=user.timezone, clock=clock)
    back = safe_next(url_for("public.index"))
    return redirect(back if is_page(back) else url_for("public.index"))


@bp.route("/documents/<int:document_id>")
@login_required
def document(document_id: int) -> Any:
    """A PDF the user may see: their own, or one of an application they review."""
    with transaction() as db:
        found = documents.get_document(db, document_id, actor=actor(db))
        content = documents.document_content(db, found)
        name = found.filename
    return pdf_response(content, name)
