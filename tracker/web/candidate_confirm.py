"""The candidate's confirmations of permanent actions (issue #14): withdrawing an application
and removing a document. GET shows what will happen, with a button that POSTs to the action
with `confirm`; the action refuses a POST without it and shows this page again (400). Routes
of the `candidate` blueprint."""

from __future__ import annotations

from typing import Any

from flask import redirect, render_template, url_for
from flask_babel import gettext as _

from tracker.domain.errors import NotFound
from tracker.models import Application, ApplicationStatus
from tracker.services.hiring import applications, documents
from tracker.web.candidate import bp
from tracker.web.common import actor, roles_required, transaction
from tracker.web.forms import ButtonForm


def _own(db: Any, application_id: int) -> Application:
    """The logged-in candidate's application (anyone else's is not found)."""
    user = actor(db)
    found = applications.get_application(db, application_id, actor=user)
    if found.candidate_id != user.id:
        raise NotFound("application", f"no application #{application_id}")
    return found


@bp.route("/applications/<int:application_id>/withdraw")
@roles_required("candidate")
def confirm_withdraw(application_id: int) -> Any:
    return withdraw_confirmation(application_id)


def withdraw_confirmation(application_id: int, status: int = 200) -> Any:
    with transaction() as db:
        found = _own(db, application_id)
        title, reference = found.posting.title, found.posting.reference
        may = ApplicationStatus.WITHDRAWN in applications.TRANSITIONS[found.status]
    if not may:
        return redirect(url_for("candidate.application", application_id=application_id))
    return render_template(
        "web/confirm.html", title=_("Withdraw your application?"),
        heading=f"{title} · {reference}", form=ButtonForm(),
        lead=_("The employer is told that you withdrew. A withdrawn application cannot be "
               "submitted again. This cannot be undone."),
        items=[], refused=[], comment=None,
        action=url_for("candidate.move", application_id=application_id, target="withdrawn"),
        hidden=[], confirm_label=_("Yes, withdraw my application"), can_confirm=True,
        danger=True, cancel_url=url_for("candidate.application", application_id=application_id),
        error=_("Nothing was done: confirm on this page first.") if status == 400 else None), status


@bp.route("/applications/<int:application_id>/documents/<int:document_id>/delete")
@roles_required("candidate")
def confirm_remove_document(application_id: int, document_id: int) -> Any:
    return remove_confirmation(application_id, document_id)


def remove_confirmation(application_id: int, document_id: int, status: int = 200) -> Any:
    with transaction() as db:
        found = _own(db, application_id)
        document = documents.get_document(db, document_id, actor=actor(db))
        if document.application_id != found.id:
            raise NotFound("document", f"no document #{document_id}")
        name, title = document.filename, found.posting.title
    back = url_for("candidate.application", application_id=application_id,
                   _anchor="documents")
    return render_template(
        "web/confirm.html", title=_("Remove this document?"), heading=title, form=ButtonForm(),
        lead=_("The file is deleted for good. This cannot be undone."), items=[name],
        refused=[], comment=None,
        action=url_for("candidate.remove_document", application_id=application_id,
                       document_id=document_id),
        hidden=[], confirm_label=_("Yes, remove it"), can_confirm=True, danger=True,
        cancel_url=back, error=_("Nothing was done: confirm on this page first.") if status == 400 else None), status
