"""Log in and out, sign up, one's own account, and the admin's page of accounts."""

from __future__ import annotations

import threading
from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from tracker.domain.access import OPERATOR
from tracker.domain.errors import DomainError
from tracker.services.accounts import account as accounts
from tracker.services.accounts import links, organisations, resets
from tracker.services.accounts import sessions as login_sessions
from tracker.services.privacy import erase
from tracker.web import keys
from tracker.web import privacy as privacy_pages
from tracker.web.common import (
    SessionUser,
    actor,
    clock,
    error_text,
    form_errors,
    release_held,
    roles_required,
    safe_next,
    settings,
    transaction,
)
from tracker.web.forms import (
    AccountForm,
    ButtonForm,
    DeleteAccountForm,
    ForgotPasswordForm,
    InviteStaffForm,
    LoginForm,
    PasswordForm,
    PreferencesForm,
    RegisterForm,
    ResetPasswordForm,
)

bp = Blueprint("auth", __name__)
# the log-in check's transaction, kept for a page's reads, ends with every request at the latest
bp.teardown_app_request(release_held)


def home_for(role: str) -> str:
    return {"hr": url_for("hr.dashboard"), "admin": url_for("hr.dashboard"),
            "candidate": url_for("candidate.applications")}.get(role, url_for("public.index"))


def _log_in(db: Any, user: Any) -> None:
    """A new server-side session for `user`; the cookie gets only its random id. The session
    the cookie named before (if any) ends: one browser, one session."""
    if current_user.is_authenticated:
        login_sessions.end_current(db, current_user.get_id(), clock=clock)
    key, row = login_sessions.start_session(
        db, user, actor=user, device=request.user_agent.string, ip=request.remote_addr,
        clock=clock)
    session.clear()  # a fresh session at log-in: nothing carried over from before (fixation)
    login_user(SessionUser.of(user, key, row.id))


log_in = _log_in  # for the acceptance of an invitation (tracker/web/invitations.py)


def _log_out() -> None:
    """End this browser's session record, then forget the cookie's content."""
    if current_user.is_authenticated:
        with transaction(write=True) as db:
            login_sessions.end_current(db, current_user.get_id(), clock=clock)
    logout_user()
    session.clear()


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    if current_user.is_authenticated:
        return redirect(home_for(current_user.role))
    form = LoginForm()
    if form.validate_on_submit():
        with transaction() as db:
            user = accounts.log_in(db, form.email.data or "", form.password.data or "",
                                   ip=request.remote_addr, clock=clock)
            if user is not None:
                target = safe_next(home_for(user.role.value))
                _log_in(db, user)
                return redirect(target)
        form.password.errors = [_("wrong e-mail or password")]
    return render_template("web/auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
def logout() -> Any:
    form = ButtonForm()
    if form.validate_on_submit():
        _log_out()
    return redirect(url_for("public.index"))


@bp.route("/register", methods=["GET", "POST"])
def register() -> Any:
    """The same answer whether the address is new or already has an account (the owner of a
    known address is told by e-mail instead): the person logs in afterwards."""
    if not current_app.config["TRACKER_ALLOW_REGISTRATION"]:
        abort(404)
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            locale = form.locale.data or "fr"
            with transaction() as db:
                user = accounts.register_candidate(
                    db, email=form.email.data or "", full_name=form.full_name.data or "",
                    password=form.password.data or "", locale=locale, clock=clock)
            if user is None:
                _tell_owner(form.email.data or "", locale)
            flash(_("Thank you. If this address had no account, it has one now: log in with "
                    "it. If it already had one, we have sent it an e-mail."), "ok")
            return redirect(url_for("auth.login"))
        except DomainError as exc:
            form_errors(form, exc)
    return render_template("web/auth/register.html", form=form,
                           **privacy_pages.notice_context(request.args.get("org")))


def _tell_owner(email: str, locale: str) -> None:
    """The e-mail to the owner of a known address, sent off the request: the answer takes
    the same time as for a new address."""
    settings = current_app.config["TRACKER_SETTINGS"]
    address = email.strip().lower()
    threading.Thread(target=accounts.tell_address_owner, args=(address,),
                     kwargs={"lang": locale, "settings": settings,
                             "clock": current_app.config["TRACKER_CLOCK"]},
                     daemon=True, name="tell-address-owner").start()


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account() -> Any:
    form = PreferencesForm(prefix="prefs")
    if form.validate_on_submit():
        try:
            with transaction() as db:
                accounts.set_preferences(
                    db, actor(db), full_name=form.full_name.data or "",
                    locale=form.locale.data or "fr", timezone=(form.timezone.data or "").strip(),
                    clock=clock)
            flash(_("Preferences saved."), "ok")
            return redirect(url_for("auth.account"))
        except DomainError as exc:
            form_errors(form, exc)
    elif not form.is_submitted():
        form.full_name.data = current_user.full_name
        form.locale.data = current_user.locale
        form.timezone.data = current_user.timezone or ""
    return keys.account_page(prefs=form)


@bp.route("/account/password", methods=["POST"])
@login_required
def change_password() -> Any:
    form = PasswordForm(prefix="pw")
    if form.validate_on_submit():
        try:
            with transaction() as db:
                user = accounts.change_password(
                    db, actor(db), current=form.current_password.data or "",
                    new=form.new_password.data or "", clock=clock)
                # Every session of the account ended with the old password, this one too:
                # this browser goes on in a new one, every other (or copied) cookie is out.
                _log_in(db, user)
            flash(_("Password changed."), "ok")
            return redirect(url_for("auth.account"))
        except DomainError as exc:
            form_errors(form, exc)
    return keys.account_page(password=form), 400


@bp.route("/account/delete", methods=["POST"])
@login_required
def delete_account() -> Any:
    form = DeleteAccountForm(prefix="del")
    if form.validate_on_submit():
        try:
            with transaction() as db:
                user = actor(db)
                if not accounts.authenticate(db, user.email, form.password.data or ""):
                    raise DomainError("password", _("is not your password"))
                erase.delete_account(db, user, actor=user, settings=settings(), clock=clock)
            logout_user()  # the account's sessions went with it
            session.clear()
            flash(_("Your account and all your data are deleted."), "ok")
            return redirect(url_for("public.index"))
        except DomainError as exc:
            form_errors(form, exc)
    return keys.account_page(delete=form), 400


@bp.route("/admin/accounts", methods=["GET", "POST"])
@roles_required("admin")
def admin_accounts() -> Any:
    form = AccountForm()
    with transaction() as db:
        form.organisation.choices = organisation_choices(db)
    status = 200
    if form.validate_on_submit():
        try:
            with transaction() as db:
                created = accounts.create_account(
                    db, actor(db), email=form.email.data or "",
                    full_name=form.full_name.data or "", role=form.role.data or "",
                    organisation=form.organisation.data or None,
                    locale=form.locale.data or "fr", password=form.password.data or "",
                    clock=clock)
                flash(_("Account %(email)s created.", email=created.email), "ok")
            return redirect(url_for("auth.admin_accounts"))
        except DomainError as exc:
            form_errors(form, exc)
            status = 400
    return accounts_page(form=form), status


def organisation_choices(db: Any) -> list[tuple[str, str]]:
    return [("", "—")] + [(o.slug, o.name) for o in organisations.list_organisations(db)]


def accounts_page(*, form: AccountForm | None = None,
                  invite: InviteStaffForm | None = None) -> str:
    """The admin's page of accounts, with the forms to create one and to invite staff."""
    if invite is None:
        invite = InviteStaffForm(prefix="invite", formdata=None)
    with transaction() as db:
        choices = organisation_choices(db)
        if form is None:
            form = AccountForm(formdata=None)
        form.organisation.choices = choices
        invite.organisation.choices = choices
        people = [{"email": u.email, "name": u.full_name, "role": u.role.value,
                   "organisation": u.organisation.name if u.organisation else None}
                  for u in accounts.list_accounts(db, actor(db))]
    return render_template("web/auth/accounts.html", form=form, people=people, invite=invite,
                           invitation_days=settings().invitation_days,
                           everywhere_form=ButtonForm(prefix="everywhere", formdata=None))


@bp.post("/account/sessions/<int:session_id>/end")
@login_required
def end_session(session_id: int) -> Any:
    """End one of one's sessions (another device's, or this one: then it is a log-out)."""
    if ButtonForm(prefix="session").validate_on_submit():
        with transaction() as db:
            user = actor(db)
            login_sessions.end_session(db, user, session_id, actor=user, clock=clock)
        if session_id == current_user.session_id:
            logout_user()
            session.clear()
            return redirect(url_for("auth.login"))
        flash(_("That session is ended: its device is logged out."), "ok")
    return redirect(url_for("auth.account") + "#sessions")


@bp.post("/admin/accounts/logout")
@roles_required("admin")
def admin_logout_everywhere() -> Any:
    """An admin logs an account out everywhere: every session of it ends at once."""
    if ButtonForm(prefix="everywhere").validate_on_submit():
        try:
            with transaction() as db:
                target = login_sessions.log_out_everywhere(
                    db, request.form.get("email", ""), actor=actor(db), clock=clock)
            flash(_("%(email)s is logged out everywhere.", email=target.email), "ok")
        except DomainError as exc:
            flash(f"{exc.field}: {error_text(exc)}", "error")
    return redirect(url_for("auth.admin_accounts"))


@bp.route("/password/forgot", methods=["GET", "POST"])
def forgot_password() -> Any:
    """"Forgot your password?": the same answer whether or not the address has an account
    (the same work on the request; the e-mail, if any, leaves off it)."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        try:
            with transaction() as db:
                message = resets.request_reset(db, email=form.email.data or "", actor=OPERATOR,
                                               settings=settings(), now=clock())
            send_later(message)
            flash(_("If an account has this address, we have sent it an e-mail with a link to "
                    "set a new password. The link works once, for %(hours)s hours.",
                    hours=settings().reset_link_hours), "ok")
            return redirect(url_for("auth.login"))
        except DomainError as exc:
            form_errors(form, exc)
    return render_template("web/auth/forgot.html", form=form), 400 if form.errors else 200


def send_later(message: Any) -> None:
    """Send an e-mail (or nothing, for None) off the request: the answer never waits on it,
    and takes as long whether there is one or not."""
    threading.Thread(target=links.deliver if message is not None else _nothing,
                     args=(message,), kwargs={"settings": settings()}, daemon=True,
                     name="account-mail").start()


def _nothing(_message: Any, *, settings: Any) -> None:
    return None


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str) -> Any:
    """The page a reset link opens: a new password, once, while the link is valid."""
    form = ResetPasswordForm()
    problem = None
    try:
        if form.validate_on_submit():
            try:
                with transaction() as db:
                    resets.complete_reset(db, token, password=form.password.data or "",
                                          actor=OPERATOR, settings=settings(), now=clock())
                # Whoever this browser was logged in as logs in again, with the new password.
                if current_user.is_authenticated:
                    logout_user()
                    session.clear()
                flash(_("Your new password is set and every session of the account is "
                        "ended: log in with it."), "ok")
                return redirect(url_for("auth.login"))
            except DomainError as exc:
                if exc.field == "link":
                    raise
                form_errors(form, exc)
        else:
            with transaction(write=False) as db:
                resets.check_reset(db, token, actor=OPERATOR, settings=settings(), now=clock())
    except DomainError as exc:
        problem = error_text(exc)
        problem = problem[:1].upper() + problem[1:]
    status = 400 if problem or form.errors else 200
    return render_template("web/auth/reset.html", form=form, problem=problem), status
