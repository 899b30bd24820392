""""Forgot your password?" (issue #13, item 5): the e-mail arrives at a real SMTP server on
loopback, in the account's language; its link works once, expires, is refused when altered,
and dies when the password changes another way; the answer is the same for an unknown
address; the new password follows the rule and ends the account's other sessions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from tests.reminders.conftest import SmtpServer
from tests.web.conftest import Web, text
from tests.web.mailbox import browser, link_in, mail_app, sent_mail, smtp_server
from tracker.domain.access import OPERATOR
from tracker.models import AuditLog, Locale
from tracker.services.accounts import account, users

NEW_PASSWORD = "lanterne verte sur le quai"


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    yield from smtp_server()


@pytest.fixture
def app(session_factory, clock, tmp_path: Path, smtp: SmtpServer) -> Flask:  # noqa: ANN001
    return mail_app(session_factory, clock, tmp_path, smtp)


@pytest.fixture
def web(app: Flask) -> Web:
    return browser(app)


def _ask(web: Web, email: str):  # noqa: ANN202
    return web.post("/password/forgot", {"email": email}, token_from="/password/forgot")


def _reset_link(web: Web, smtp: SmtpServer, email: str) -> str:
    _ask(web, email)
    [message] = sent_mail(smtp)
    assert message["To"] == email
    return link_in(message)


def test_the_login_page_offers_it_in_english_and_french(web: Web) -> None:
    page = text(web.get("/login"))
    assert 'href="/password/forgot"' in page and "Forgot your password?" in page
    assert "Send me a link" in text(web.get("/password/forgot"))
    web.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "fr"
    assert "Mot de passe oublié ?" in text(web.get("/login"))
    assert "Envoyez-moi un lien" in text(web.get("/password/forgot"))


def test_the_link_arrives_and_sets_a_new_password_once(web: Web, app: Flask, smtp: SmtpServer,
                                                       session, candidate) -> None:  # noqa: ANN001
    elsewhere = browser(app).as_user(candidate)  # a session on another device
    assert elsewhere.get("/me/").status_code == 200
    answer = _ask(web, "camille@example.org")
    assert answer.status_code == 302 and answer.headers["Location"] == "/login"
    [message] = sent_mail(smtp)
    assert message["To"] == "camille@example.org"
    assert message["Subject"] == "Set a new password for the posting tracker"
    body = message.get_content()
    assert "Hello Camille Martin" in body and "within 2 hours" in body
    path = link_in(message)

    page = web.get(path)
    assert page.status_code == 200 and "Choose a new password" in text(page)
    done = web.post(path, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}, token_from=path)
    assert done.status_code == 302 and done.headers["Location"] == "/login"
    assert "Your new password is set" in text(web.get("/login"))
    session.expire_all()
    assert users.verify_password(users.find_user(session, "camille@example.org"), NEW_PASSWORD)
    # the other device's session ended with the old password
    assert elsewhere.get("/me/").headers["Location"].startswith("/login")
    assert web.login("camille@example.org", NEW_PASSWORD).headers["Location"] == "/me/"
    web.post("/logout")

    again = web.get(path)
    assert again.status_code == 400 and "already used" in text(again)
    second = web.post(path, {"password": "une autre phrase assez longue",
                             "confirm": "une autre phrase assez longue"}, token_from="/login")
    assert second.status_code == 400 and "already used" in text(second)
    session.expire_all()
    assert users.verify_password(users.find_user(session, "camille@example.org"), NEW_PASSWORD)
    actions = set(session.scalars(sa.select(AuditLog.action).where(
        AuditLog.entity_type == "user_account", AuditLog.entity_id == candidate.id)))
    assert {"user.password_reset_requested", "user.password_reset", "user.password"} <= actions


def test_the_same_answer_for_an_unknown_address(web: Web, smtp: SmtpServer, candidate) -> None:  # noqa: ANN001
    unknown = _ask(web, "nobody@example.org")
    unknown_page = text(web.get("/login"))
    known = _ask(web, "camille@example.org")
    known_page = text(web.get("/login"))
    assert (unknown.status_code, unknown.headers["Location"]) == (
        known.status_code, known.headers["Location"])
    said = "If an account has this address, we have sent it an e-mail"
    assert said in unknown_page and said in known_page
    messages = sent_mail(smtp)
    assert [m["To"] for m in messages] == ["camille@example.org"]


def test_the_email_is_in_the_accounts_language(web: Web, smtp: SmtpServer, session,
                                               candidate) -> None:  # noqa: ANN001
    candidate.locale = Locale.FR
    session.flush()
    _ask(web, "camille@example.org")
    [message] = sent_mail(smtp)
    assert message["Subject"] == "Choisir un nouveau mot de passe pour le suivi des offres"
    assert message["Content-Language"] == "fr"
    assert "Bonjour Camille Martin" in message.get_content()
    assert "dans les 2 heures" in message.get_content()


def test_an_expired_link_is_refused(web: Web, smtp: SmtpServer, clock, candidate) -> None:  # noqa: ANN001
    path = _reset_link(web, smtp, "camille@example.org")
    clock.advance(hours=1, minutes=59)
    assert web.get(path).status_code == 200
    clock.advance(minutes=2)
    page = web.get(path)
    assert page.status_code == 400 and "This link has expired: ask for a new one" in text(page)
    web.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "fr"
    assert "Ce lien a expiré : demandez-en un nouveau" in text(web.get(path))
    # a valid token (from a page with a form): the refusal is the link's, not the token's
    sent = web.post(path, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
                    token_from="/password/forgot")
    assert sent.status_code == 400 and "Ce lien a expiré" in text(sent)


def test_an_altered_link_is_refused(web: Web, smtp: SmtpServer, candidate) -> None:  # noqa: ANN001
    path = _reset_link(web, smtp, "camille@example.org")
    payload, signature = path.rsplit(".", 1)
    forged = f"{payload}.{signature[:-2]}{'AA' if signature[-2:] != 'AA' else 'BB'}"
    page = web.get(forged)
    assert page.status_code == 400 and "This link is not valid" in text(page)
    assert "This link is not valid" in text(web.get("/password/reset/hello"))
    web.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "fr"
    assert "Ce lien n’est pas valide" in text(web.get(forged))


def test_the_link_dies_when_the_password_changes_another_way(web: Web, smtp: SmtpServer,
                                                             session, clock, candidate) -> None:  # noqa: ANN001
    path = _reset_link(web, smtp, "camille@example.org")
    account.set_password(session, candidate, "un autre mot de passe choisi", actor=OPERATOR,
                         clock=clock)
    session.flush()
    assert "already used" in text(web.get(path))


def test_the_new_password_follows_the_rule(web: Web, smtp: SmtpServer, session, candidate) -> None:  # noqa: ANN001
    path = _reset_link(web, smtp, "camille@example.org")
    page = web.post(path, {"password": "password1234", "confirm": "password1234"},
                    token_from=path)
    assert page.status_code == 400
    assert 'id="password-error"' in text(page) and "most common passwords" in text(page)
    assert web.get(path).status_code == 200  # the link still works for a good password
    web.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "fr"
    page = web.post(path, {"password": "aaaaaaaaaaaa", "confirm": "aaaaaaaaaaaa"},
                    token_from=path)
    assert "trop facile à deviner" in text(page)


def test_requests_are_rate_limited_per_address(session_factory, clock, tmp_path: Path,
                                               smtp: SmtpServer) -> None:  # noqa: ANN001
    app = mail_app(session_factory, clock, tmp_path, smtp,
                   reset_address_rate_limit="2 per hour", reset_rate_limit="100 per hour")
    web = browser(app)
    assert [_ask(web, "someone@example.org").status_code for _ in range(3)] == [302, 302, 429]
    assert _ask(web, "another@example.org").status_code == 302


def test_requests_are_rate_limited_per_client(session_factory, clock, tmp_path: Path,
                                              smtp: SmtpServer) -> None:  # noqa: ANN001
    app = mail_app(session_factory, clock, tmp_path, smtp, reset_rate_limit="2 per hour")
    web = browser(app)
    codes = [_ask(web, f"person{n}@example.org").status_code for n in range(3)]
    assert codes == [302, 302, 429]
