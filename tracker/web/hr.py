"""HR pages: the dashboard, postings (list, create, edit, open/close/cancel), a posting's
applicants, and the posting's printable dossiers. Admins see every organisation's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.domain.access import can_manage
from tracker.domain.errors import DomainError, PermissionDenied
from tracker.models import JobKind, PostingStatus
from tracker.services.accounts import organisations
from tracker.services.hiring import news, postings
from tracker.services.reference import catalogue as reference_data
from tracker.services.views import applicants as applicants_page
from tracker.services.views import overview, records
from tracker.services.views.posting_page import posting_page as posting_page_of
from tracker.web import hr_audit, inbox, jobs, posting_form
from tracker.web.common import (
    actor,
    clock,
    error_text,
    form_errors,
    page_links,
    page_number,
    roles_required,
    settings,
    status_of,
    transaction,
)
from tracker.web.forms import PostingForm, StatusForm
from tracker.web.hr_confirm import cancel_confirmation
from tracker.web.i18n import lazy_gettext as _l
from tracker.web.widgets import TokenOnly

bp = Blueprint("hr", __name__, url_prefix="/hr")
STAFF = ("hr", "admin")
APPLICANTS_PER_PAGE = 50
# The buttons of a posting page, for the statuses the workflow allows next.
ACTIONS = {"open": _l("Open for applications"), "closed": _l("Close"), "filled": _l("Mark filled"),
           "cancelled": _l("Cancel the posting")}


def managed_posting(db: Any, reference: str, load: Sequence[Any] = ()) -> Any:
    """A posting the logged-in user manages (others' are not found, or forbidden); `load`:
    the relations the page reads, loaded with it."""
    user = actor(db)
    found = postings.get_posting(db, reference, actor=user, load=load)
    if not can_manage(user, found):
        raise PermissionDenied("posting", "you may not manage this posting")
    return found


@bp.route("/")
@roles_required(*STAFF)
def dashboard() -> Any:
    with transaction(write=True) as db:  # this visit is remembered (what is new since)
        user = actor(db)
        board = overview.hr_dashboard(db, user, clock=clock)
        fresh = news.dashboard_news(db, actor=user, clock=clock)
        latest = inbox.latest_rows(db, user, 5)  # its card, read here: no transaction of its own
    return render_template("web/hr/dashboard.html", board=board, news=fresh,
                           inbox_latest=lambda limit=5: latest[:limit])


@bp.route("/postings")
@roles_required(*STAFF)
def posting_list() -> Any:
    status = request.args.get("status") or None
    with transaction() as db:
        user = actor(db)
        organisation = user.organisation.slug if user.organisation else None
        try:
            found = postings.list_postings(db, status=status, organisation=organisation,
                                           page=page_number(), per_page=50, actor=user)
        except DomainError:
            found = postings.list_postings(db, organisation=organisation, actor=user)
        now = clock()
        rows = [{**records.posting_summary(r.posting, now), "counts": {
            k.value: v for k, v in r.counts.items()}, "total": r.total} for r in found.rows]
    return render_template("web/hr/postings.html", rows=rows, pages=page_links(found),
                           status=status, statuses=[s.value for s in PostingStatus])


@bp.route("/postings/new", methods=["GET", "POST"])
@roles_required(*STAFF)
def posting_new() -> Any:
    form = PostingForm()
    with transaction() as db:
        posting_form.reference_choices(form, reference_data.list_references(db))
        if current_user.role == "admin":
            form.organisation.choices = [(o.slug, o.name)
                                         for o in organisations.list_organisations(db)]
    if not form.is_submitted() or form.add_rows.data:
        posting_form.add_blank_rows(form, interviews=True)
    elif form.propose.data:
        _propose(form)
    elif form.validate_on_submit():
        data, aliases = posting_form.read(form, interviews=True)
        try:
            with transaction() as db:
                user = actor(db)
                if user.organisation is not None:
                    data["organisation"] = user.organisation.slug
                else:  # an admin names the organisation
                    data["organisation"] = form.organisation.data or None
                created = postings.create_posting(db, data, actor=user, clock=clock, settings=settings())
                reference = created.reference
            flash(_("Posting %(ref)s saved as a draft: open it when it is ready.",
                    ref=reference), "ok")
            return redirect(url_for("hr.posting", reference=reference))
        except DomainError as exc:
            form_errors(form, exc, aliases)
    return render_template("web/hr/posting_form.html", form=form, editing=None), (
        status_of(form))


@bp.route("/postings/<path:reference>/edit", methods=["GET", "POST"])
@roles_required(*STAFF)
def posting_edit(reference: str) -> Any:
    form = PostingForm()
    with transaction() as db:
        found = managed_posting(db, reference)
        posting_form.reference_choices(form, reference_data.list_references(db))
        if not form.is_submitted():
            posting_form.fill(form, postings.input_of(found))
            posting_form.add_blank_rows(form, interviews=False)
    if form.is_submitted() and form.add_rows.data:
        posting_form.add_blank_rows(form, interviews=False)
    elif form.is_submitted() and form.propose.data:
        _propose(form)
    elif form.validate_on_submit():
        data, aliases = posting_form.read(form, interviews=False)
        data.pop("reference", None)
        try:
            with transaction() as db:
                postings.update_posting(db, managed_posting(db, reference), data,
                                        actor=actor(db), clock=clock, settings=settings())
            flash(_("Posting saved."), "ok")
            return redirect(url_for("hr.posting", reference=reference))
        except DomainError as exc:
            form_errors(form, exc, aliases)
    return render_template("web/hr/posting_form.html", form=form, editing=reference), (
        status_of(form))


def _propose(form: PostingForm) -> None:
    """"Start the requirements from this occupation": its skills fill the requirements editor
    (nothing is saved; hr edits the rows, then saves the posting)."""
    if not form.occupation.data:
        form.occupation.errors = [_("Choose an occupation first.")]
        posting_form.propose(form, [])
        return
    try:
        with transaction() as db:
            proposals = reference_data.propose_requirements(db, form.occupation.data)
    except DomainError as exc:
        form.occupation.errors = [error_text(exc)]
        proposals = []
    added = posting_form.propose(form, proposals)
    if proposals:
        flash(_("%(n)s requirements proposed from the occupation: edit them, then save the "
                "posting.", n=added), "ok")


@bp.route("/postings/<path:reference>/status", methods=["POST"])
@roles_required(*STAFF)
def posting_status(reference: str) -> Any:
    form = StatusForm()
    with transaction() as db:
        found = managed_posting(db, reference)  # others': not found or forbidden, form or not
        title = found.title
    if form.status.data == "cancelled" and request.form.get("confirm") != "1":
        return cancel_confirmation(reference, title, 400)  # permanent: confirmed first
    if form.validate_on_submit():
        try:
            with transaction() as db:
                postings.set_status(db, managed_posting(db, reference), form.status.data or "",
                                    actor=actor(db), clock=clock)
            flash(_("Status changed."), "ok")
        except PermissionDenied:
            raise
        except DomainError as exc:
            flash(error_text(exc), "error")
    return redirect(url_for("hr.posting", reference=reference))


@bp.route("/postings/<path:reference>")
@roles_required(*STAFF)
def posting(reference: str) -> Any:
    return posting_page(reference)


def posting_page(reference: str, status: int = 200, move_error: dict | None = None) -> Any:
    """The posting's hr page (shown again, with `move_error`, after a refused move)."""
    sort = request.args.get("sort", "submitted")
    if sort not in applicants_page.SORTS:
        sort = "submitted"
    with transaction() as db:
        user = actor(db)  # held: the session keeps its rows only while they are in use
        shown = posting_page_of(db, reference, actor=user, sort=sort, page=page_number(),
                                per_page=APPLICANTS_PER_PAGE, clock=clock, lang=_lang())
        trail = hr_audit.trail(db, shown.posting)
    applicants = shown.applicants
    return render_template(
        "web/hr/posting.html", interviews=shown.interviews, p=shown.record,
        groups=applicants["groups"], sort=sort, total=applicants["total"],
        pages=page_links(applicants["page"]),
        actions=[(s, label) for s, label in ACTIONS.items() if s in shown.allowed],
        status_form=TokenOnly(), salary=shown.salary, trail=trail,
        move_error=move_error), status


@bp.route("/postings/<path:reference>/sheet.pdf")
@roles_required(*STAFF)
def posting_sheet(reference: str) -> Any:
    with transaction() as db:
        managed_posting(db, reference)
    return jobs.start(JobKind.POSTING_SHEET, {"reference": reference})


@bp.route("/postings/<path:reference>/panel.pdf")
@roles_required(*STAFF)
def panel_dossier(reference: str) -> Any:
    with transaction() as db:
        managed_posting(db, reference)
    return jobs.start(JobKind.PANEL, {"reference": reference})


def _lang() -> str:
    from flask_babel import get_locale

    return str(get_locale() or "fr")

