"""The secrets of one's account: the calendar feed URL (served to calendar apps without a
login) and personal API tokens (created and revoked on the account page)."""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from tracker.domain.errors import DomainError
from tracker.services.accounts import sessions as login_sessions
from tracker.services.accounts import tokens
from tracker.services.exports import calendar
from tracker.web import privacy
from tracker.web.common import actor, clock, form_errors, settings, transaction
from tracker.web.forms import (
    ButtonForm,
    DeleteAccountForm,
    PasswordForm,
    PreferencesForm,
    TokenForm,
)

bp = Blueprint("keys", __name__)

# Calendar apps poll the feed; a copy a few minutes old is fine, and only the client keeps it.
FEED_CACHE = "private, max-age=300"


def _ics(content: bytes, *, download: bool) -> Response:
    response = Response(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response.headers["Content-Disposition"] = f'{disposition}; filename="calendar.ics"'
    return response


@bp.get("/calendar/<token>.ics")
def calendar_feed(token: str) -> Response:
    """A user's calendar for the secret token in its URL: no login, no cookie."""
    with transaction() as db:
        content = calendar.calendar_for_token(db, token, clock)
    if content is None:
        response = Response("unknown or revoked calendar feed\n", status=404,
                            content_type="text/plain; charset=utf-8")
        response.headers["Cache-Control"] = "no-store"
    else:
        response = _ics(content, download=False)
        response.headers["Cache-Control"] = FEED_CACHE
    # The URL is the secret: no Referer leaves with it, and no search engine keeps it.
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


@bp.get("/account/calendar.ics")
@login_required
def calendar_download() -> Response:
    """One's calendar, downloaded once (no feed URL needed)."""
    with transaction() as db:
        content = calendar.user_calendar(db, actor(db), clock)
    response = _ics(content, download=True)
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _calendar_action(change: Any, message: str) -> Response:
    if ButtonForm(prefix="cal").validate_on_submit():
        with transaction() as db:
            change(db, actor(db), clock)
        flash(message, "ok")
    return redirect(url_for("auth.account") + "#calendar")  # type: ignore[return-value]


@bp.post("/account/calendar")
@login_required
def calendar_create() -> Response:
    return _calendar_action(calendar.feed_token, _("Your calendar feed URL is ready."))


@bp.post("/account/calendar/replace")
@login_required
def calendar_replace() -> Response:
    return _calendar_action(calendar.replace_feed_token,
                            _("Your calendar feed has a new URL; the old one no longer works."))


@bp.post("/account/calendar/revoke")
@login_required
def calendar_revoke() -> Response:
    return _calendar_action(calendar.revoke_feed_token,
                            _("Your calendar feed URL no longer works."))


@bp.post("/account/tokens")
@login_required
def token_create() -> Any:
    """A new personal API token, shown on the page this answers, and never again."""
    form = TokenForm(prefix="token")
    if form.validate_on_submit():
        try:
            with transaction() as db:
                plain, token = tokens.create_token(db, actor(db), form.name.data or "", clock)
                record = tokens.token_record(token)
            return render_template("web/auth/token_created.html", token=record, plain=plain,
                                   api_url=public_url(url_for("api_v1.me"))
                                   if "api_v1.me" in current_app.view_functions else None)
        except DomainError as exc:
            form_errors(form, exc)
    return account_page(token=form), 400


@bp.post("/account/tokens/<int:token_id>/revoke")
@login_required
def token_revoke(token_id: int) -> Response:
    if ButtonForm(prefix="revoke").validate_on_submit():
        with transaction() as db:
            tokens.revoke_token(db, actor(db), token_id, clock)
        flash(_("The token no longer works."), "ok")
    return redirect(url_for("auth.account") + "#tokens")  # type: ignore[return-value]


def public_url(path: str) -> str:
    """An absolute URL of this site: TRACKER_PUBLIC_URL when set, else the request's host."""
    base = current_app.config["TRACKER_SETTINGS"].public_url
    if base:
        return base.rstrip("/") + path
    return request.host_url.rstrip("/") + path


def account_keys(**forms: Any) -> dict[str, Any]:
    """What the account page shows of the user's feed URL and tokens, with their forms."""
    with transaction() as db:
        user = actor(db)
        feed = calendar.current_feed_token(db, user)
        listed = [tokens.token_record(t) for t in tokens.list_tokens(db, user)]
    forms.setdefault("token", TokenForm(prefix="token", formdata=None))
    return {
        "feed_url": public_url(url_for("keys.calendar_feed", token=feed)) if feed else None,
        "api_tokens": listed,
        "token_form": forms["token"],
        "calendar_form": ButtonForm(prefix="cal", formdata=None),
        "revoke_form": ButtonForm(prefix="revoke", formdata=None),
    }


def account_page(**forms: Any) -> Any:
    """The account page: preferences, password, deletion, and the calendar feed URL and
    personal API tokens (the `tokens` block of the template); `forms` as submitted."""
    forms.setdefault("prefs", PreferencesForm(prefix="prefs", formdata=None,
                                              full_name=current_user.full_name,
                                              locale=current_user.locale,
                                              timezone=current_user.timezone or ""))
    forms.setdefault("password", PasswordForm(prefix="pw", formdata=None))
    forms.setdefault("delete", DeleteAccountForm(prefix="del", formdata=None))
    extras = account_keys(**({"token": forms.pop("token")} if "token" in forms else {}))
    return render_template("web/auth/account.html", **forms, **extras, **account_sessions(),
                           **privacy.talent_pool_section(), **privacy.account_privacy())


def account_sessions() -> dict[str, Any]:
    """One's live login sessions (device, since, last seen, this one), each with its button."""
    with transaction() as db:
        user = actor(db)
        listed = login_sessions.list_live(db, user, actor=user, settings=settings(),
                                          clock=clock, current_id=current_user.session_id)
    return {"login_sessions": listed,
            "session_form": ButtonForm(prefix="session", formdata=None)}
