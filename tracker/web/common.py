"""What every view shares: the unit of work, the acting user, role checks, errors on forms."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlsplit

from flask import Response, abort, current_app, g, request, url_for
from flask_babel import get_locale, get_translations
from flask_login import UserMixin, current_user
from sqlalchemy.orm import Session
from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import RequestRedirect
from wtforms import Field, Form, FormField

from tracker.config import Settings
from tracker.db import unit_of_work
from tracker.domain.errors import DomainError, ValidationFailed
from tracker.domain.paging import Page
from tracker.i18n import catalog
from tracker.models import User
from tracker.models.enums import (
    ApplicationStatus,
    DocumentKind,
    EmploymentType,
    InterviewStatus,
    Locale,
    PostingStatus,
    RequirementKind,
    Role,
)
from tracker.services.accounts import sessions as login_sessions
from tracker.services.accounts.account import active_user
from tracker.web.i18n import LazyLabel
from tracker.web.i18n import lazy_gettext as _l

F = TypeVar("F", bound=Callable[..., Any])


def clock() -> datetime:
    return current_app.config["TRACKER_CLOCK"]()


@contextmanager
def transaction(*, write: bool | None = None) -> Iterator[Session]:
    """One unit of work for the request: committed if the block succeeds, else rolled back.
    `write` (default: any request but GET/HEAD/OPTIONS) tells unit_of_work it will write.
    A reading one goes on in the log-in check's transaction when the check only read (#16:
    one transaction a page, not two); a writing one ends that first."""
    if write is None:
        write = request.method not in ("GET", "HEAD", "OPTIONS")
    held = g.pop(_HELD, None)
    setattr(g, _OPEN, getattr(g, _OPEN, 0) + 1)
    try:
        if held is not None:
            work, session = held
            if not write:
                with work:  # committed or rolled back as unit_of_work does, when the block ends
                    yield session
                return
            work.close()
        with unit_of_work(current_app.config["TRACKER_SESSION_FACTORY"],
                          write=write) as session:
            yield session
    finally:
        setattr(g, _OPEN, getattr(g, _OPEN) - 1)


_HELD = "tracker_login_check"  # on flask.g: the log-in check's transaction, kept for the page
_OPEN = "tracker_transactions"  # on flask.g: how many of the request's transactions are open


def release_held(_error: BaseException | None = None) -> None:
    """End the log-in check's transaction if no page's transaction went on in it (at the end
    of every request): it only read."""
    held = g.pop(_HELD, None)
    if held is not None:
        held[0].close()


@dataclass
class SessionUser(UserMixin):
    """The logged-in user as their login session knows it (no live ORM object between
    requests). The cookie carries only `session_key`, the random id of the server-side
    session record (tracker.services.accounts.sessions), never the user's id."""

    id: int
    email: str
    full_name: str
    role: str
    organisation_id: int | None
    locale: str
    timezone: str | None
    session_key: str
    session_id: int

    @classmethod
    def of(cls, user: login_sessions.Account, session_key: str, session_id: int) -> SessionUser:
        return cls(user.id, user.email, user.full_name, user.role.value, user.organisation_id,
                   user.locale.value, user.timezone, session_key, session_id)

    def get_id(self) -> str:
        return self.session_key

    def account(self) -> login_sessions.Account:
        """The account as the log-in check read it (login_sessions.checked_user makes it a row
        of a request's session)."""
        return login_sessions.Account(self.id, self.email, self.full_name, Role(self.role),
                                      self.organisation_id, Locale(self.locale), self.timezone)


# What a page shows of its user beside the page itself (the inbox's unread count in the nav),
# read in the log-in check's transaction rather than in one more of its own (#16): each reader
# takes the session and the account (its columns, not its row) and keeps what it read on
# `flask.g` for this request.
PAGE_READS: list[Callable[[Session, login_sessions.Account], None]] = []


def load_user(session_key: str) -> SessionUser | None:
    """Flask-Login's loader, on every request: the live session the cookie names, else
    nobody (ended, idle too long, too old, account gone: the log-in page). A request for a
    page (GET) also reads what every page shows of the user (PAGE_READS). A request that
    reads (GET, HEAD) keeps the check's transaction for the page's (`transaction`) when the
    check only read; else it is committed here."""
    # kept only when the check runs before any of the request's transactions (not when a
    # page's block asks who is there: that page reads in its own)
    first = not getattr(g, _OPEN, 0)
    with ExitStack() as work:
        session = work.enter_context(transaction())
        live = login_sessions.resolve(session, session_key, settings=settings(), clock=clock)
        if live is None:
            return None
        if request.method == "GET":
            for read in PAGE_READS:
                read(session, live.user)
        if first and request.method in READS and not live.wrote and _HELD not in g:
            setattr(g, _HELD, (work.pop_all(), session))
        return SessionUser.of(live.user, session_key, live.session_id)


def settings() -> Settings:
    """The settings this app was made with (create_app(settings=...)), handed to the services."""
    return current_app.config["TRACKER_SETTINGS"]


def actor(session: Session) -> User:
    """The logged-in user as a row of this session, who acts in the services. Anonymous
    visitors have no actor: asking for one answers 401 (never the operator's rights)."""
    user = viewer(session)
    if user is None:
        abort(401)
    return user


def viewer(session: Session) -> User | None:
    """Who looks at a page open to everyone: the logged-in user, or None for a visitor."""
    if not current_user.is_authenticated:
        return None
    user = login_sessions.checked_user(session, current_user.account()) \
        if request.method in READS else active_user(session, current_user.id)
    if user is None:
        abort(401)
    return user


READS = ("GET", "HEAD")


def roles_required(*roles: str) -> Callable[[F], F]:
    """Only logged-in users of these roles; anonymous users are sent to the login page."""

    def decorate(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return current_app.login_manager.unauthorized()  # type: ignore[attr-defined]
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorate


# Endpoint -> what to answer when its request is over the size limit (413), instead of the
# error page: the page of the form again, with the limit said next to the file field.
TOO_LARGE: dict[str, Callable[..., Any]] = {}


def on_too_large(endpoint: str) -> Callable[[F], F]:
    def register(handler: F) -> F:
        TOO_LARGE[endpoint] = handler
        return handler

    return register


def form_errors(form: Form, error: DomainError, aliases: dict[str, str] | None = None) -> None:
    """Put each message of a domain error next to the field it names: a row of a list (say
    `interviews[0]`) shows it on the row's first field; a name the form does not have, or a
    whole list, puts it at the top of the form with the field's label. Never fails, whatever
    name a service gives."""
    errors = error.errors if isinstance(error, ValidationFailed) else [error]
    aliases = aliases or {}
    for item in errors:
        name = item.field or ""
        message = error_text(item)
        target = _field(form, aliases.get(name, name))
        if isinstance(target, Field) and not hasattr(target, "entries"):
            target.errors = [*target.errors, message]
        elif name:
            form.form_errors.append(f"{_label(target, name)}: {message}")
        else:
            form.form_errors.append(message)


def error_text(error: DomainError) -> str:
    """A domain error's message in the reader's language (its field not named): its template
    from the catalog, its parameters shown as the reader reads them (a status by its label)."""
    if not error.params and not isinstance(error, ValidationFailed):
        return _translated(error.code)  # a finished sentence, perhaps with "(got ...)"
    return error.text(str(get_locale() or "en"))


def says_itself(error: DomainError) -> bool:
    """Whether an error's own template has its French in the catalog (then `error_text` says
    it in any language; otherwise a face may still word it from the error's details)."""
    return bool(error.code) and catalog("fr").gettext(error.code) != error.code


_GOT = re.compile(r"(?P<message>.*) \(got (?P<value>.*)\)", re.S)  # domain_errors' suffix


def _translated(message: str) -> str:
    """A service's message in the reader's language where the catalogue has it, the value
    that was refused (validation's "... (got 'B7')") kept as it was typed."""
    translations = get_translations()
    found = _GOT.fullmatch(message)
    if found and translations.gettext(found["message"]) != found["message"]:
        return translations.gettext("%(message)s (got %(value)s)") % {
            "message": translations.gettext(found["message"]), "value": found["value"]}
    return translations.gettext(message)


_PART = re.compile(r"([^\[\]]+)((?:\[[^\[\]]*\])*)")  # name, then its [indexes]
_INDEX = re.compile(r"\[([^\]]*)\]")


def _field(form: Form, name: str) -> Any:
    """What a service's field name points at on the form: a field (`requirements[2].label`
    is the label of the third row of the `requirements` list; a row alone, its first field
    people type in), else a list (FieldList) or None."""
    node: Any = form
    for part in name.split("."):
        parsed = _PART.fullmatch(part)
        fields = _fields_of(node)
        node = fields.get(parsed.group(1)) if fields is not None and parsed else None
        if node is None or parsed is None:
            return None
        for index in _INDEX.findall(parsed.group(2)):
            entries = getattr(node, "entries", None)
            if entries is None or not index.isdigit() or int(index) >= len(entries):
                return None
            node = entries[int(index)]
    if _fields_of(node) is not None:  # a row (FormField) or a form: its first typed field
        return next((f for f in _fields_of(node).values()  # type: ignore[union-attr]
                     if isinstance(f, Field) and f.type not in _UNTYPED
                     and _fields_of(f) is None and not hasattr(f, "entries")), None)
    return node


_UNTYPED = {"HiddenField", "SubmitField", "CSRFTokenField"}


def _fields_of(node: Any) -> dict[str, Any] | None:
    """The fields of a form or of a row (FormField); None for anything else."""
    if isinstance(node, FormField):
        node = node.form
    fields = getattr(node, "_fields", None)
    return fields if isinstance(fields, dict) else None


def _label(target: Any, name: str) -> str:
    label = getattr(getattr(target, "label", None), "text", None)
    return str(label) if label else name


def safe_next(default: str) -> str:
    """The `next` URL of a request if it stays on this site, else `default`."""
    target = request.values.get("next", "")
    parts = urlsplit(target)
    if target.startswith("/") and not target.startswith("//") and not parts.netloc \
            and "\\" not in target:
        return target
    return default


def current_page() -> str:
    """The page to come back to (after the language switch): this one if it was opened as a
    page (GET), else the page on this site its form was sent from, else the home page. A
    failed POST's address is a form's, not a page (opened, it answers 405)."""
    if request.method == "GET":
        return request.full_path.rstrip("?")
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc == request.host and referrer.path.startswith("/"):
        return referrer.path + (f"?{referrer.query}" if referrer.query else "")
    return url_for("public.index")


def is_page(path: str) -> bool:
    """Whether a URL of this site answers a GET (it may be opened as a page)."""
    adapter = current_app.url_map.bind_to_environ(request.environ)
    try:
        adapter.match(urlsplit(path).path, method="GET")
    except (MethodNotAllowed, NotFound):
        return False
    except RequestRedirect:
        return True
    return True


def pdf_response(content: bytes, filename: str) -> Response:
    """A PDF download; the name shown is made of printable ASCII only (no header injection)."""
    shown = "".join(ch if ch.isascii() and ch.isprintable() and ch not in '"\\;' else "_"
                    for ch in filename)
    response = Response(content, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{shown}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


def page_number() -> int:
    try:
        return max(1, int(request.args.get("page", "1")))
    except ValueError:
        return 1


def page_links(page: Page[Any]) -> dict[str, int | None]:
    return {"previous": page.page - 1 if page.page > 1 else None,
            "next": page.page + 1 if page.has_next else None, "current": page.page}


# The kinds of message an organisation sends candidates (tracker.services.messages)
MESSAGE_KIND_LABELS = {
    "acknowledgement": _l("Acknowledgement of receipt"),
    "interview_invitation": _l("Invitation to an interview"),
    "rejection_after_review": _l("Rejection after review"),
    "rejection_after_interview": _l("Rejection after an interview"),
    "offer": _l("Job offer"),
}

def _labels(prefix: str, values: list[str]) -> dict[str, Any]:
    """An enum's labels for the pages, by stored value: the catalog's (tracker.i18n.label,
    under "prefix.value"), read in the page's language when shown."""
    return {value: LazyLabel(f"{prefix}.{value}") for value in values}


# The statuses of applications, postings and interviews (by stored value: "cancelled" reads the
# same for a posting and an interview), then the fit of an application to a requirement
# (tracker.services.fit.scores.FitStatus), which is no stored enum.
STATUS_LABELS: dict[str, Any] = {
    **_labels("interview_status", [s.value for s in InterviewStatus]),
    **_labels("posting_status", [s.value for s in PostingStatus]),
    **_labels("status", [s.value for s in ApplicationStatus]),
    "met": _l("Met"), "partly_met": _l("Partly met"), "not_shown": _l("Not shown"),
    "unknown": _l("Unknown"), "to_assess": _l("To assess"),
}
KIND_LABELS = _labels("kind", [k.value for k in RequirementKind])
DOCUMENT_LABELS = _labels("document", [k.value for k in DocumentKind])
EMPLOYMENT_LABELS = _labels("employment", [k.value for k in EmploymentType])


def has_errors(form: Any) -> bool:
    """Whether any field of the form (rows of its lists included) or the form itself has an
    error, however it got there (the form's validation or a service's)."""
    if getattr(form, "form_errors", None):
        return True
    for item in form:
        if hasattr(item, "entries"):
            if any(has_errors(e.form) if hasattr(e, "form") else bool(e.errors)
                   for e in item.entries):
                return True
        elif hasattr(item, "form") and hasattr(item.form, "_fields"):
            if has_errors(item.form):
                return True
        elif item.errors:
            return True
    return False


def status_of(form: Any) -> int:
    return 400 if has_errors(form) else 200


def site_url() -> str:
    """This site's address for links sent out (e-mails): TRACKER_PUBLIC_URL when set, else
    the request's host."""
    base = current_app.config["TRACKER_SETTINGS"].public_url
    return (base or request.host_url).rstrip("/")
