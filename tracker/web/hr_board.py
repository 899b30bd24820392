"""HR pages of a posting's pipeline board (issue #14): the board with its filters and search,
moves of several applications at once behind a confirmation, and the confirmation of the
posting's cancellation. Routes of the `hr` blueprint.

Every move offered is one the workflow allows from the application's status, one button per
move (no default, no JavaScript needed); a refused move comes back on the page it was asked
from, in the reader's language.
"""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import get_translations
from flask_babel import gettext as _

from tracker.domain.errors import DomainError, InvalidTransition
from tracker.models import ApplicationStatus
from tracker.services.hiring import applications as applications_service
from tracker.services.hiring import bulk, news, postings
from tracker.services.hiring.applications import TRANSITIONS
from tracker.services.views import board as boards
from tracker.web.common import (
    MESSAGE_KIND_LABELS,
    STATUS_LABELS,
    actor,
    clock,
    error_text,
    roles_required,
    site_url,
    transaction,
)
from tracker.web.forms import ButtonForm
from tracker.web.hr import STAFF, _lang, bp, managed_posting
from tracker.web.hr_confirm import cancel_confirmation

FILTER_ARGS = ("status", "documents", "interview", "q")
# The message templates a bulk move may send (their words as the templates page says them;
# tracker.web.hr_messages, which imports this module's neighbours, cannot be imported here).
# the bulk form's order: the decisions first, the acknowledgement last
KIND_LABELS = {kind: MESSAGE_KIND_LABELS[kind] for kind in (
    "interview_invitation", "rejection_after_review", "rejection_after_interview", "offer",
    "acknowledgement")}


def status_label(value: str) -> str:
    return str(STATUS_LABELS.get(value, value))


def refused_move(exc: DomainError, name: str | None, current: ApplicationStatus,
                 target: str) -> str:
    """Why a move was refused, in the reader's language."""
    if isinstance(exc, InvalidTransition):
        allowed = [status_label(s.value) for s in boards.COLUMNS if s in TRANSITIONS[current]]
        return _("%(name)s cannot move from “%(from)s” to “%(to)s”. Allowed: %(allowed)s.",
                 name=name or _("Anonymised applicant"), **{"from": status_label(current.value)},
                 to=status_label(target),
                 allowed=", ".join(allowed) if allowed else _("none, this status is final"))
    return error_text(exc)


def _filters() -> boards.BoardFilters:
    return boards.BoardFilters(**{key: (request.args.get(key) or "").strip() or None
                                  for key in FILTER_ARGS})


def board_page(reference: str, status: int = 200, move_error: dict | None = None,
               bulk_error: str | None = None) -> Any:
    """The board of `reference` (also shown again with a refused move's reason)."""
    filters = _filters()
    filter_error = None
    with transaction(write=True) as db:
        found = managed_posting(db, reference)
        user = actor(db)
        # a page shown again after a refused move is not a new visit
        fresh = news.board_news(db, found, actor=user, clock=clock) if status == 200 else (
            news.news_since(db, None, actor=user, posting=found))
        try:
            data = boards.posting_board(db, found, actor=user, filters=filters,
                                        new_ids=fresh.application_ids if status == 200
                                        else frozenset(), lang=_lang(), clock=clock)
        except DomainError as exc:
            filter_error, filters = error_text(exc), boards.BoardFilters()
            data = boards.posting_board(db, found, actor=user, lang=_lang(), clock=clock)
        posting = {"reference": found.reference, "title": found.title,
                   "status": found.status.value, "timezone": found.timezone}
    return render_template(
        "web/hr/board.html", p=posting, board=data, filters=filters, filter_error=filter_error,
        news=fresh if status == 200 else None, move_error=move_error, bulk_error=bulk_error,
        columns=[s.value for s in boards.COLUMNS],
        message_kinds=[(kind, str(label)) for kind, label in KIND_LABELS.items()]), status


@bp.route("/postings/<path:reference>/board")
@roles_required(*STAFF)
def board(reference: str) -> Any:
    return board_page(reference)


def _bulk_request() -> tuple[list[str], str, str | None, bulk.BulkMessage | None]:
    source = request.form if request.method == "POST" else request.args
    kind = (source.get("message") or "").strip() or None
    subject = (source.get("message_subject") or "").strip() or None
    body = (source.get("message_body") or "").strip() or None
    message = (bulk.BulkMessage(kind, subject, body, site_url())
               if kind or subject or body else None)
    return (source.getlist("ids"), (source.get("status") or "").strip(),
            (source.get("comment") or "").strip() or None, message)


def _message_preview(db: Any, outcomes: list[bulk.BulkOutcome],
                     message: bulk.BulkMessage | None) -> dict[str, Any] | None:
    """The message the first candidate to move would receive (each gets their own, in their
    language), for the confirmation page."""
    first = next((o for o in outcomes if o.moved), None)
    if message is None or first is None:
        return None
    from tracker.services.messages import composing

    application = applications_service.get_application(db, first.application_id,
                                                       actor=actor(db))
    if message.subject or message.body:
        text = composing.render(db, application=application, subject=message.subject or "",
                                body=message.body or "", actor=actor(db),
                                public_url=message.public_url, clock=clock)
    else:
        text = composing.compose(db, application=application, kind=message.kind or "",
                                 actor=actor(db), public_url=message.public_url, clock=clock)
    return {"name": first.name, "subject": text.subject, "body": text.body,
            "kind": message.kind, "edited": bool(message.subject or message.body),
            "raw_subject": message.subject or "", "raw_body": message.body or ""}


def _outcome_line(outcome: bulk.BulkOutcome, target: str) -> str:
    name = outcome.name or _("Application #%(n)s", n=outcome.application_id)
    if outcome.moved:
        return name
    if outcome.problem == bulk.NOT_FOUND:
        return _("Application #%(n)s: not found.", n=outcome.application_id)
    if outcome.problem == bulk.FORBIDDEN:
        return _("%(name)s: you may not move this application.", name=name)
    if outcome.problem == bulk.NOT_ALLOWED:
        current = ApplicationStatus(outcome.from_status or "submitted")
        refused = InvalidTransition(
            "status", "cannot move from %(current)s to %(target)s (allowed: %(allowed)s)",
            current=current, target=ApplicationStatus(target),
            allowed=sorted(TRANSITIONS[current], key=lambda s: s.value))
        return refused_move(refused, name, current, target)
    said = (error_text(outcome.error) if outcome.error is not None
            else get_translations().gettext(outcome.message or ""))
    return f"{name}: {said}"


@bp.route("/postings/<path:reference>/bulk", methods=["GET", "POST"])
@roles_required(*STAFF)
def bulk_move(reference: str) -> Any:
    """GET: what moving the selected applications would do, with the button that does it.
    POST (with `confirm`): do it, and say what moved and what did not."""
    ids, target, comment, message = _bulk_request()
    form = ButtonForm()
    confirmed = request.method == "POST" and request.form.get("confirm") == "1"
    with transaction() as db:
        found = managed_posting(db, reference)
        title = found.title
        try:
            if target not in {s.value for s in boards.COLUMNS}:
                raise DomainError("status", "choose the status to move the applications to")
            preview = bulk.preview_bulk(db, ids, target, actor=actor(db))
            if message is not None:
                message = message.check()
            shown_message = _message_preview(db, preview, message)
        except DomainError as exc:
            error = (_("Choose the status to move them to.") if exc.field == "status"
                     else _("Select at least one application.") if exc.field == "applications"
                     else f"{_('Message')}: {error_text(exc)}"
                     if (exc.field or "").startswith("message") or exc.field in ("subject", "body")
                     else error_text(exc))
            return board_page(reference, 400, bulk_error=error)
    if confirmed and form.validate_on_submit():
        with transaction() as db:
            outcomes = bulk.bulk_move(db, ids, target, actor=actor(db), comment=comment,
                                      message=message, clock=clock)
        moved = [o for o in outcomes if o.moved]
        refused = [o for o in outcomes if not o.moved]
        if moved:
            flash(_("Moved to “%(status)s”: %(names)s.", status=status_label(target),
                    names=", ".join(_outcome_line(o, target) for o in moved)), "ok")
        for outcome in refused:
            flash(_("Not moved: %(why)s", why=_outcome_line(outcome, target)), "error")
        return redirect(url_for("hr.board", reference=reference))
    status = 400 if request.method == "POST" else 200
    movable = sum(1 for o in preview if o.moved)
    return render_template(
        "web/confirm.html", title=_("Move %(n)s applications to “%(status)s”?", n=movable,
                                    status=status_label(target)) if movable > 1 else
        _("Move this application to “%(status)s”?", status=status_label(target)),
        heading=title, form=form,
        lead=_("Each candidate is told of the move. This is recorded in each application's "
               "history."),
        items=[_outcome_line(o, target) for o in preview if o.moved],
        refused=[_outcome_line(o, target) for o in preview if not o.moved],
        comment=comment, action=url_for("hr.bulk_move", reference=reference),
        hidden=[("ids", str(o.application_id)) for o in preview] + [("status", target)]
        + ([("comment", comment)] if comment else [])
        + ([("message", message.kind)] if message and message.kind else []),
        message=shown_message,
        confirm_label=_("Yes, move them") if movable > 1 else _("Yes, move it"),
        can_confirm=any(o.moved for o in preview),
        cancel_url=url_for("hr.board", reference=reference),
        error=_("Nothing was done: confirm on this page first.") if status == 400 else None,
    ), status


@bp.route("/postings/<path:reference>/cancel")
@roles_required(*STAFF)
def posting_cancel(reference: str) -> Any:
    """The confirmation of a posting's cancellation (the POST goes to its status form)."""
    with transaction() as db:
        found = managed_posting(db, reference)
        allowed = "cancelled" in {s.value for s in postings.POSTING_TRANSITIONS[found.status]}
        title = found.title
    if not allowed:
        return redirect(url_for("hr.posting", reference=reference))
    return cancel_confirmation(reference, title)
