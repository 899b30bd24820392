"""The notifications inbox of every logged-in user (hr and candidates alike), and the switches
of their reminders.

Notifications are written by the reminder dispatcher (tracker.services.reminders.dispatch); here people
read them, mark them read, and follow their link to the page of their side.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.orm import Session

from tracker.domain.errors import DomainError
from tracker.models import Notification, User
from tracker.services.accounts.sessions import Account
from tracker.services.reminders import notifications
from tracker.services.reminders import settings as reminder_settings
from tracker.services.reminders.notifications import LinkTarget
from tracker.web.common import (
    PAGE_READS,
    actor,
    clock,
    error_text,
    page_links,
    page_number,
    roles_required,
    transaction,
)
from tracker.web.forms import ButtonForm
from tracker.web.i18n import lazy_gettext as _l

bp = Blueprint("inbox", __name__, url_prefix="/inbox")
PER_PAGE = 25
REMINDER_LABELS = {
    "status_changed": _l("My application changes status"),
    "interview_scheduled": _l("My interview is set, moved or cancelled"),
    "interview_soon": _l("An interview is near (the day before, 2 hours before)"),
    "deadline_draft": _l("A deadline comes closer while my application is a draft"),
    "no_answer": _l("No answer some weeks after I applied"),
    "review_waiting": _l("Applications wait for review after a deadline"),
    "closing_empty": _l("A posting closes soon with no application"),
    "application_received": _l("An application arrives for one of my organisation's postings"),
    "hr_digest": _l("A daily summary of the new applications"),
}
OFFSET_LABELS = {
    "deadline_draft": _l("Candidates: a deadline comes closer while their application is a draft"),
    "interview_soon": _l("Candidates and panels: an interview is near"),
    "no_answer": _l("Candidates: no answer after they applied"),
    "review_waiting": _l("Applications wait for review after a deadline"),
    "closing_empty": _l("A posting closes soon with no application"),
}
CHANNEL_LABELS = {"in_app": _l("In the tracker"), "email": _l("By e-mail")}


def web_url(target: LinkTarget | None, role: str) -> str:
    """The page a notification leads to for a user of `role`: the hr pages for staff, the
    candidate's application page or the public posting page for candidates."""
    if target is None:
        return url_for("inbox.index")
    staff = role in ("hr", "admin")
    if target.kind == "application":
        return url_for("hr.application" if staff else "candidate.application",
                       application_id=target.key)
    return url_for("hr.posting" if staff else "public.posting", reference=target.key)


@dataclass(frozen=True)
class Row:
    id: int
    title: str
    body: str
    created_at: datetime
    read_at: datetime | None
    has_link: bool

    @classmethod
    def of(cls, note: Notification) -> Row:
        return cls(note.id, note.title, note.body, note.created_at, note.read_at,
                   bool(note.link))


@bp.route("/")
@login_required
def index() -> Any:
    unread_only = request.args.get("show") == "unread"
    with transaction() as db:
        me = actor(db)
        found = notifications.list_notifications(db, me, unread_only=unread_only,
                                                 page=page_number(), per_page=PER_PAGE)
        rows = [Row.of(n) for n in found.rows]
        unread = notifications.unread_count(db, me)
    return render_template("web/inbox/index.html", rows=rows, unread=unread,
                           unread_only=unread_only, pages=page_links(found),
                           query={"show": "unread"} if unread_only else {}, form=ButtonForm())


@bp.route("/<int:notification_id>")
@login_required
def follow(notification_id: int) -> Any:
    """Follow a notification: it is read now, and its page opens."""
    with transaction(write=True) as db:
        note = notifications.mark_read(db, actor(db), notification_id, clock)
        target = notifications.link_target(db, note.link)
    return redirect(web_url(target, current_user.role))


@bp.route("/<int:notification_id>/read", methods=["POST"])
@login_required
def mark_read(notification_id: int) -> Any:
    with transaction() as db:  # the CSRF token is checked app-wide (CSRFProtect)
        notifications.mark_read(db, actor(db), notification_id, clock)
    return redirect(_back())


@bp.route("/read-all", methods=["POST"])
@login_required
def mark_all_read() -> Any:
    with transaction() as db:
        count = notifications.mark_all_read(db, actor(db), clock)
    flash(_("%(n)s notifications marked read.", n=count), "ok")
    return redirect(url_for("inbox.index"))


@bp.route("/switches", methods=["POST"])
@login_required
def switches() -> Any:
    """The reminder switches of the account page: every box ticked is on, the others off."""
    try:
        with transaction() as db:
            reminder_settings.set_switches(db, actor(db), request.form.getlist("on"),
                                           clock=clock)
        flash(_("Reminder choices saved."), "ok")
    except DomainError as exc:
        flash(_("Not saved: %(error)s", error=error_text(exc)), "error")
    return redirect(url_for("auth.account") + "#reminders")


@bp.route("/offsets", methods=["POST"])
@roles_required("hr")
def offsets() -> Any:
    """The organisation's offsets of one kind (hr of that organisation); empty: the defaults."""
    kind = request.form.get("kind", "")
    written = request.form.get("offsets", "")
    try:
        with transaction() as db:
            me = actor(db)
            if me is None or me.organisation is None:
                abort(403)
            specs = written.replace(",", " ").split()
            reminder_settings.set_offsets(db, me.organisation, kind, specs or None, clock=clock)
        flash(_("Reminder times saved."), "ok")
    except DomainError as exc:  # shown next to its field on the account page
        session["offsets_error"] = {"kind": kind, "message": error_text(exc), "value": written}
    return redirect(url_for("auth.account") + "#offsets")


def _back() -> str:
    page = request.form.get("page", "")
    return url_for("inbox.index", page=int(page)) if page.isdigit() and page != "1" else url_for(
        "inbox.index")


_UNREAD = "tracker_inbox_unread"


def latest_rows(db: Session, user: User, limit: int = 5) -> list[Row]:
    """The user's newest unread notifications as a page shows them (the dashboard's card: its
    view reads them in its own transaction and hands them to the template as `inbox_latest`)."""
    return [Row.of(n) for n in notifications.latest_unread(db, user, limit)]


def _read_unread(db: Session, user: Account) -> None:
    """The nav's unread count, read in the transaction that checks the log-in (a page's)."""
    # unread_count reads the actor's id only, which the account read as columns holds
    g.setdefault(_UNREAD, notifications.unread_count(db, cast(User, user)))


PAGE_READS.append(_read_unread)


@bp.app_context_processor
def _inbox_values() -> dict[str, Any]:
    """The unread count of the nav, and (called by the templates that show them) the latest
    unread notifications and the reminder switches of the logged-in user."""
    if not current_user.is_authenticated:
        return {"inbox_unread": None}

    def latest_unread(limit: int = 5) -> list[Row]:
        with transaction() as db:
            return latest_rows(db, actor(db), limit)

    def reminder_switches() -> list[dict[str, Any]]:
        with transaction() as db:
            states = reminder_settings.switch_states(db, actor(db))
        kinds = list(dict.fromkeys(kind for kind, _channel in states))
        # a kind that goes out on one channel only has no box in the other column
        return [{"kind": kind, "label": REMINDER_LABELS.get(kind, kind),
                 "channels": [{"value": f"{kind}:{channel}" if (kind, channel) in states
                               else None, "label": CHANNEL_LABELS[channel],
                               "on": states.get((kind, channel), False)}
                              for channel in CHANNEL_LABELS]}
                for kind in kinds]

    def offset_rows() -> list[dict[str, Any]] | None:
        """The organisation's reminder times, for its hr users; None for everyone else."""
        if current_user.role != "hr" or current_user.organisation_id is None:
            return None
        error = session.pop("offsets_error", None)
        with transaction() as db:
            found = reminder_settings.organisation_offsets(db, current_user.organisation_id)
        return [{"kind": kind, "label": OFFSET_LABELS.get(kind, kind),
                 "value": error["value"] if error and error["kind"] == kind else " ".join(specs),
                 "default": default,
                 "error": error["message"] if error and error["kind"] == kind else None}
                for kind, (specs, default) in found.items()]

    if "inbox.index" not in current_app.view_functions:
        return {}
    unread = g.pop(_UNREAD, None)  # read with the log-in check (_read_unread)
    if unread is None:
        with transaction() as db:
            unread = notifications.unread_count(db, actor(db))
    return {"inbox_unread": unread, "inbox_latest": latest_unread,
            "reminder_switches": reminder_switches, "offset_rows": offset_rows}
