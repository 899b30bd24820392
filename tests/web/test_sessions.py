"""Login sessions are server-side records (issue #12): a cookie copied from a browser stops
working when its session ends, whatever ended it (log-out, a password change made elsewhere, the
account's deletion, an admin's "log out everywhere", the idle time, the absolute lifetime), and
a new account never gets a deleted account's id, nor its session."""

from __future__ import annotations

import re

import sqlalchemy as sa
from flask.testing import FlaskClient
from flask_login.utils import encode_cookie

from tests.web.conftest import PASSWORD, Web, text, web_settings
from tracker.app import create_app
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.models import LoginSession, User
from tracker.services.accounts import sessions as login_sessions
from tracker.services.accounts import users
from tracker.services.privacy import erase

COOKIE = "session"


def stolen(web: Web) -> Web:
    """Another browser with a copy of `web`'s session cookie (what an attacker would keep)."""
    cookie = web.client.get_cookie(COOKIE)
    assert cookie is not None, "no session cookie to copy"
    thief = Web(web.client.application.test_client())
    thief.client.set_cookie(COOKIE, cookie.value)
    return thief


def is_login_page(response) -> bool:  # noqa: ANN001
    return response.status_code == 302 and response.headers["Location"].startswith("/login")


def with_password(session, user: User) -> User:  # noqa: ANN001
    user.password_hash = users.hash_password(PASSWORD)
    session.flush()
    return user


def register(web: Web, email: str = "nour@example.org") -> None:
    done = web.post("/register", {"full_name": "Nour Haddad", "email": email,
                                  "password": PASSWORD, "confirm": PASSWORD, "locale": "en"},
                    token_from="/register")
    assert done.status_code == 302, text(done)
    # registration answers the same whether the address is new or known: one logs in after
    assert web.login(email).status_code == 302


def test_a_copied_cookie_is_logged_out_with_its_browser(web: Web, session, candidate) -> None:  # noqa: ANN001
    with_password(session, candidate)
    web.login("camille@example.org")
    thief = stolen(web)
    assert "camille@example.org" in text(thief.get("/account"))  # a copy works while it lasts
    assert web.post("/logout", token_from="/account").status_code == 302
    assert is_login_page(thief.get("/account"))
    assert is_login_page(thief.get("/me/"))
    assert is_login_page(web.get("/account"))


def test_a_password_change_elsewhere_ends_every_other_session(
        web: Web, app, session, candidate) -> None:  # noqa: ANN001
    with_password(session, candidate)
    web.login("camille@example.org")
    thief = stolen(web)
    other = Web(app.test_client())
    other.login("camille@example.org")
    changed = other.post("/account/password", {
        "pw-current_password": PASSWORD, "pw-new_password": "a new long password",
        "pw-confirm": "a new long password"}, token_from="/account")
    assert changed.status_code == 302
    assert is_login_page(thief.get("/account"))
    assert is_login_page(web.get("/account"))  # the first browser too: it had the old one
    page = other.get("/account")  # the browser that changed it goes on, in a new session
    assert page.status_code == 200 and "camille@example.org" in text(page)
    assert "Password changed." in text(page)


def test_a_deleted_accounts_cookie_opens_nothing_of_the_next_accounts(
        web: Web, session, cli, ujm) -> None:  # noqa: ANN001
    """The attack as reported: register, keep the cookie, delete the account, then an admin
    creates an hr user (who, on SQLite without AUTOINCREMENT, got the deleted id)."""
    register(web)
    deleted_id = users.get_user(session, "nour@example.org").id
    thief = stolen(web)
    done = web.post("/account/delete", {"del-password": PASSWORD}, token_from="/account")
    assert done.status_code == 302
    added = cli("user add --email rh2@univ-st-etienne.fr --name 'RH Deux' --role hr --org ujm "
                "--locale en --password-stdin", input=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    hr = users.get_user(session, "rh2@univ-st-etienne.fr")
    assert hr.id != deleted_id
    assert is_login_page(thief.get("/hr/"))
    assert is_login_page(thief.get("/account"))
    # nor the next self-registered candidate's
    register(Web(web.client.application.test_client()), "next@example.org")
    assert users.get_user(session, "next@example.org").id not in (deleted_id, hr.id)
    assert is_login_page(thief.get("/me/"))


def test_ids_of_deleted_accounts_are_never_given_again(session, clock, tmp_path) -> None:  # noqa: ANN001
    first = users.create_user(session, email="a@example.org", full_name="A", role="candidate",
                              clock=clock, actor=OPERATOR)
    first_id = first.id
    erase.delete_account(session, first, actor=OPERATOR, settings=web_settings(tmp_path),
                         clock=clock)
    second = users.create_user(session, email="b@example.org", full_name="B", role="candidate",
                               clock=clock, actor=OPERATOR)
    assert second.id > first_id


def test_admin_logs_an_account_out_everywhere(web: Web, app, session, candidate, admin) -> None:  # noqa: ANN001
    with_password(session, candidate)
    web.login("camille@example.org")
    thief = stolen(web)
    boss = Web(app.test_client()).as_user(admin)
    page = boss.get("/admin/accounts")
    assert "Déconnecter partout" in text(page)  # the admin reads French
    done = boss.post("/admin/accounts/logout", {"email": "camille@example.org"},
                     token_from="/admin/accounts")
    assert done.status_code == 302
    assert "camille@example.org est déconnecté·e partout." in text(boss.get("/admin/accounts"))
    assert is_login_page(thief.get("/account"))
    assert is_login_page(web.get("/account"))
    assert boss.get("/account").status_code == 200  # the admin's own session goes on


def test_only_an_admin_logs_others_out(web: Web, session, candidate, candidate_b) -> None:  # noqa: ANN001
    victim = Web(web.client.application.test_client()).as_user(candidate_b)
    web.as_user(candidate)
    refused = web.post("/admin/accounts/logout", {"email": "bob@example.org"},
                       token_from="/account")
    assert refused.status_code == 403
    assert victim.get("/account").status_code == 200


def test_the_command_line_logs_an_account_out_everywhere(web: Web, session, candidate, cli) -> None:  # noqa: ANN001
    with_password(session, candidate)
    web.login("camille@example.org")
    thief = stolen(web)
    result = cli("user logout camille@example.org")
    assert result.exit_code == 0 and "logged out everywhere" in result.output
    assert is_login_page(thief.get("/account"))
    unknown = cli("user logout nobody@example.org")
    assert unknown.exit_code == 1 and "email" in unknown.output


def test_a_session_ends_after_the_idle_time(web: Web, session, candidate, clock) -> None:  # noqa: ANN001
    with_password(session, candidate)
    web.login("camille@example.org")
    thief = stolen(web)
    idle = get_settings().session_idle_minutes
    assert idle == 120
    for _ in range(3):  # each request within the idle time keeps it alive
        clock.advance(minutes=idle - 10)
        assert web.get("/account").status_code == 200
    clock.advance(minutes=idle + 1)
    assert is_login_page(thief.get("/account"))
    assert is_login_page(web.get("/account"))  # ended: coming back does not revive it
    clock.advance(minutes=-(idle + 1))
    assert is_login_page(web.get("/account"))


def test_a_session_ends_after_its_lifetime_however_busy(
        session_factory, session, clock, tmp_path, candidate) -> None:  # noqa: ANN001
    with_password(session, candidate)
    app = create_app(web_settings(tmp_path, session_lifetime_hours=1),
                     session_factory=session_factory, clock=clock)
    web = Web(app.test_client())
    web.login("camille@example.org")
    for _ in range(2):
        clock.advance(minutes=25)
        assert web.get("/account").status_code == 200
    clock.advance(minutes=11)
    assert is_login_page(web.get("/account"))


def test_a_cookie_naming_a_user_id_opens_nothing(web: Web, app, session, candidate) -> None:  # noqa: ANN001
    """What the cookies held before: a user id, in the session or Flask-Login's remember-me
    cookie. Signed with the right key, they still open no session."""
    with web.client.session_transaction() as flask_session:
        flask_session["_user_id"] = str(candidate.id)
        flask_session["_fresh"] = True
    assert is_login_page(web.get("/account"))
    with app.test_request_context():
        remember = encode_cookie(str(candidate.id))
    other: FlaskClient = app.test_client()
    other.set_cookie("remember_token", remember)
    assert is_login_page(other.get("/account"))


def test_the_account_page_lists_my_sessions_and_ends_one(
        web: Web, app, session, candidate, candidate_b) -> None:  # noqa: ANN001
    with_password(session, candidate)
    web.client.environ_base["HTTP_USER_AGENT"] = "Firefox on my laptop"
    web.login("camille@example.org")
    phone = Web(app.test_client())
    phone.client.environ_base["HTTP_USER_AGENT"] = "Safari on my phone"
    phone.login("camille@example.org")
    Web(app.test_client()).as_user(candidate_b)  # someone else's session: not listed
    page = text(web.get("/account"))
    assert "Where you are logged in" in page
    assert "Firefox on my laptop <strong>(this one)</strong>" in page
    assert "Safari on my phone" in page and "Safari on my phone <strong>" not in page
    assert page.count("End this session") == 1 and "test client" not in page
    ids = [int(n) for n in re.findall(r"/account/sessions/(\d+)/end", page)]
    assert len(ids) == 2
    [other_id] = [number for number in ids if "Safari" in
                  page.split(f"/account/sessions/{number}/end")[0].rsplit("<tr>", 1)[1]]
    ended = web.post(f"/account/sessions/{other_id}/end", {}, token_from="/account")
    assert ended.status_code == 302
    assert is_login_page(phone.get("/account"))
    after = text(web.get("/account"))
    assert "That session is ended" in after and "Safari on my phone" not in after
    # ending someone else's session: not found, nothing ended
    assert web.post("/account/sessions/999999/end", {}, token_from="/account").status_code == 404
    # ending this one is logging out
    mine = [int(n) for n in re.findall(r"/account/sessions/(\d+)/end", after)]
    assert is_login_page(web.post(f"/account/sessions/{mine[0]}/end", {},
                                  token_from="/account"))
    assert is_login_page(web.get("/account"))


def test_the_session_list_in_french(web: Web, session, candidate) -> None:  # noqa: ANN001
    candidate.locale = "fr"
    with_password(session, candidate)
    web.login("camille@example.org")
    page = text(web.get("/account"))
    assert "Où vous êtes connecté·e" in page and "celui-ci" in page


def test_the_log_in_check_reads_the_account_without_holding_its_rows(
        session, candidate, clock) -> None:  # noqa: ANN001
    """Every page pays the log-in check (#16): it reads the columns a page needs of the
    account, and holds no object of the session or the account (nor loads their other columns)."""
    key, _row = login_sessions.start_session(session, candidate, actor=OPERATOR, device=None,
                                             ip=None, clock=clock)
    session.flush()
    session.expunge_all()
    clock.advance(minutes=5)  # its last-seen instant is written too
    live = login_sessions.resolve(session, key, settings=get_settings(), clock=clock)
    assert live is not None
    assert (live.user.email, live.user.role.value, live.user.locale.value) == (
        "camille@example.org", "candidate", candidate.locale.value)
    assert len(session.identity_map) == 0
    seen = session.scalar(sa.select(LoginSession.last_seen_at).where(
        LoginSession.id == live.session_id))
    assert seen == clock()
