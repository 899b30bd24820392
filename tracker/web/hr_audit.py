"""The audit log as people read it: the trail on hr's application and posting pages (who,
what, when, in the reader's language and zone) and the admin's whole log at /admin/audit."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from flask import Blueprint, Response, current_app, render_template, request
from flask_babel import gettext as _

from tracker.domain.errors import DomainError
from tracker.domain.paging import Page
from tracker.models import Application, Posting
from tracker.services import audit
from tracker.services.hiring import interviews
from tracker.web.common import (
    DOCUMENT_LABELS,
    STATUS_LABELS,
    actor,
    error_text,
    page_links,
    page_number,
    roles_required,
    settings,
    transaction,
)
from tracker.web.i18n import lazy_gettext as _l
from tracker.web.i18n import page_label, select_timezone

bp = Blueprint("audit", __name__)
TRAIL_PER_PAGE = 20
LOG_PER_PAGE = 50
CSV_MAX_ROWS = 10_000

# What each action recorded by the services reads as (English msgids, translated in
# messages.po). tests/web/test_audit_pages.py fails when a recorded action has no sentence
# here or no French translation.
POSTING_STATUS = "Posting status changed from “%(before)s” to “%(after)s”"
SENTENCES: dict[str, str] = {
    "application.start": "Application started",
    "application.record_received": "Application received outside the tracker recorded",
    "application.move": "Status changed from “%(before)s” to “%(after)s”",
    "document.add": "Document added: %(kind)s (%(filename)s)",
    "document.remove": "Document removed: %(kind)s (%(filename)s)",
    "evidence.rate": "Requirement rated %(rating)s / 4",
    "note.add": "Note added",
    "interview.schedule": "Interview scheduled for %(when)s",
    "interview.reschedule": "Interview moved from %(before)s to %(after)s",
    "interview.cancel": "Interview cancelled",
    "posting.create": "Posting created (%(reference)s)",
    "posting.update": "Posting edited: %(fields)s",
    "posting.draft": POSTING_STATUS,
    "posting.open": POSTING_STATUS,
    "posting.closed": POSTING_STATUS,
    "posting.filled": POSTING_STATUS,
    "posting.cancelled": POSTING_STATUS,
    "organisation.create": "Organisation created",
    "user.create": "Account created (role %(role)s)",
    "user.delete": "Account deleted",
    "user.logout_everywhere": "Logged out everywhere (%(sessions)s sessions ended)",
    "user.password": "Password changed",
    "user.password_reset_requested": "Password reset link requested",
    "user.password_reset": "Password reset through an e-mailed link",
    "invitation.sent": "Invitation sent by e-mail",
    "user.erase": "A person's data erased",
    "person.erase": "Data recorded under an e-mail address erased",
    "organisation.retention": "Retention periods changed",
    "organisation.privacy_notice": "Privacy notice changed",
    "application.anonymise": "Application anonymised under the retention policy",
    "user.retention_warning": "Warned that the unused account will be deleted",
    "user.retention_delete": "Unused account deleted under the retention policy",
    "talent_pool.consent": "Consent to stay in the talent pool given",
    "talent_pool.revoke": "Consent to stay in the talent pool withdrawn",
    "invitation.accepted": "Invitation accepted",
    "user.preferences": "Preferences changed",
    "profile.set": "Profile updated",
    "token.create": "API token created (%(name)s)",
    "token.revoke": "API token revoked (%(prefix)s…)",
    "login.ok": "Logged in",
    "login.failed": "Failed log-in",
    "logout": "Logged out",
    "application.message": "Message sent to the candidate",
    "message_template.save": "Message template saved",
    "message_template.reset": "Message template back to the default text",
    "message_template.acknowledgement": "Acknowledgement of receipt switched on or off",
}
# The same actions when their details call for other words.
VARIANTS: dict[str, str] = {
    "evidence.rate:cleared": "Rating of a requirement cleared",
    "interview.cancel:reason": "Interview cancelled: %(reason)s",
    "interview.cancel:replaced": "Interview cancelled: a new slot replaced it",
    "login.failed:email": "Failed log-in as %(email)s",
}
# For the admin's filter: a family selects every action it starts.
FAMILIES = ("application", "document", "evidence", "note", "interview", "posting",
            "organisation", "user", "profile", "token", "login", "logout", "invitation",
            "talent_pool", "person", "message_template")
ENTITY_LABELS = {
    "application": _l("Application"), "posting": _l("Posting"), "document": _l("Document"),
    "interview": _l("Interview"), "note": _l("Note"),
    "requirement_evidence": _l("Rating of a requirement"), "user_account": _l("Account"),
    "organisation": _l("Organisation"), "candidate_profile": _l("Profile"),
    "api_token": _l("API token"), "login": _l("Log-in"), "invitation": _l("Invitation link"),
    "talent_pool_consent": _l("Talent pool consent"), "erasure": _l("Erasure"),
}


class _Values(dict[str, Any]):
    """Details for a sentence: a value an old row lacks reads as a dash."""

    def __missing__(self, key: str) -> str:
        return "—"


def _label(table: dict[str, Any], value: Any) -> str:
    return "—" if value is None else str(table.get(value, value))


def _variant(entry: audit.Entry) -> str | None:
    details = entry.details
    if entry.action == "evidence.rate" and details.get("rating") is None:
        return "cleared"
    if entry.action == "interview.cancel" and details.get("reason") == interviews.REPLACED:
        return "replaced"
    if entry.action == "interview.cancel" and details.get("reason"):
        return "reason"
    if entry.action == "login.failed" and details.get("email"):
        return "email"
    return None


def what(entry: audit.Entry) -> str:
    """The sentence an audit row reads as, in the reader's language."""
    variant = _variant(entry)
    msgid = (VARIANTS.get(f"{entry.action}:{variant}") if variant
             else SENTENCES.get(entry.action))
    if msgid is None:  # an action without words yet: its name, never nothing
        return entry.action
    details, when = entry.details, current_app.jinja_env.filters["when"]
    values = _Values({k: v for k, v in details.items() if v is not None})
    if entry.action in ("application.move",) or entry.action.startswith("posting."):
        values["before"] = _label(STATUS_LABELS, details.get("from"))
        values["after"] = _label(STATUS_LABELS, details.get("to", entry.action.split(".")[1]))
    elif entry.action == "interview.reschedule":
        values["before"], values["after"] = when(details.get("from")), when(details.get("to"))
    elif entry.action == "interview.schedule":
        values["when"] = when(details.get("starts_at"))
    elif entry.action == "user.create" and details.get("role"):
        values["role"] = page_label(f"role.{details['role']}", capital=False)
    elif entry.action.startswith("document."):
        values["kind"] = _label(DOCUMENT_LABELS, details.get("kind"))
    if entry.action == "posting.update":
        values["fields"] = ", ".join(details.get("fields") or []) or "—"
    return _(msgid) % values


def who(entry: audit.Entry) -> str:
    if entry.who is not None:
        return entry.who
    if entry.action.startswith("login."):
        return _("someone not logged in")
    return _("the system")


def rows(found: Page[audit.Entry]) -> list[dict[str, Any]]:
    return [{"at": e.at, "who": who(e), "what": what(e), "action": e.action,
             "entity": e.entity_type, "entity_label": _label(ENTITY_LABELS, e.entity_type),
             "entity_id": e.entity_id} for e in found.rows]


def trail_page() -> int:
    try:
        return max(1, int(request.args.get("audit_page", "1")))
    except ValueError:
        return 1


def trail(db: Any, entity: Application | Posting) -> dict[str, Any]:
    """The trail section of an hr page: one page of rows and the links to the others."""
    found = audit.trail(db, entity, actor=actor(db), page=trail_page(),
                        per_page=TRAIL_PER_PAGE)
    return {"rows": rows(found), "pages": page_links(found)}


# --- the admin's log -------------------------------------------------------------------------


def _day(name: str, errors: dict[str, str]) -> date | None:
    text = (request.args.get(name) or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        errors[name] = _("is not a date: write it as YYYY-MM-DD")
        return None


def _filters(errors: dict[str, str]) -> tuple[audit.Filters, dict[str, str]]:
    args = {k: (request.args.get(k) or "").strip()
            for k in ("actor", "action", "entity", "number", "since", "until")}
    entity = args["entity"]
    if args["number"]:
        if not entity:
            errors["number"] = _("choose the type of record first")
        elif not args["number"].isdigit():
            errors["number"] = _("is not a number")
        else:
            entity = f"{entity}:{args['number']}"
    return audit.Filters(actor_email=args["actor"] or None, action=args["action"] or None,
                         entity=entity or None, since=_day("since", errors),
                         until=_day("until", errors),
                         timezone=select_timezone(settings().timezone)), args


@bp.route("/admin/audit")
@roles_required("admin")
def admin_log() -> Any:
    errors: dict[str, str] = {}
    filters, args = _filters(errors)
    page = page_number()
    csv_wanted = request.args.get("format") == "csv"
    found: Page[audit.Entry] | None = None
    shown: list[dict[str, Any]] = []
    if not errors:
        try:
            with transaction() as db:
                if csv_wanted:
                    return _csv(db, filters)
                found = audit.search(db, filters, actor=actor(db), page=page,
                                     per_page=LOG_PER_PAGE)
                shown = rows(found)
        except DomainError as exc:
            # in the reader's language where the catalogue has the message
            errors[_FIELDS.get(exc.field or "", "actor")] = error_text(exc)
    query = {k: v for k, v in args.items() if v}
    return render_template(
        "web/hr/audit_log.html", rows=shown, errors=errors, args=args,
        query=query, pages=page_links(found) if found else None,
        actions=[(f, f) for f in FAMILIES] + [(a, a) for a in sorted(SENTENCES)],
        entities=list(ENTITY_LABELS.items())), 400 if errors else 200


# The service's field names -> the form's
_FIELDS = {"actor": "actor", "action": "action", "entity": "entity", "since": "since",
           "until": "until", "timezone": "since"}


def _csv(db: Any, filters: audit.Filters) -> Response:
    """The filtered log as CSV (at most CSV_MAX_ROWS rows, newest first), sentences in the
    reader's language, instants in UTC."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["at_utc", "who", "action", "entity", "what"])
    page, written = 1, 0
    while written < CSV_MAX_ROWS:
        found = audit.search(db, filters, actor=actor(db), page=page, per_page=500)
        for e in found.rows:
            writer.writerow([e.at.isoformat(), _cell(who(e)), e.action,
                             f"{e.entity_type}:{e.entity_id}", _cell(what(e))])
        written += len(found.rows)
        if not found.has_next:
            break
        page += 1
    return Response(out.getvalue(), mimetype="text/csv", headers={
        "Content-Disposition": "attachment; filename=audit-log.csv"})


def _cell(text: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
