"""`tracker user invite` (issue #13, item 5): the invitation e-mail arrives at a real SMTP
server on loopback, and its link opens the web page that makes the account (the command line
and the pages sign with the same secret key)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.helpers import assert_refused
from tests.reminders.conftest import SmtpServer
from tests.web.mailbox import PUBLIC_URL, browser, link_in, mail_app, smtp_server
from tracker.config import get_settings
from tracker.models import Role
from tracker.services.accounts import users

PASSWORD = "une longue phrase de passe"


@pytest.fixture
def smtp(monkeypatch: pytest.MonkeyPatch) -> Iterator[SmtpServer]:
    for server in smtp_server():
        current = get_settings()
        for name, value in {"smtp_host": "127.0.0.1", "smtp_port": server.port,
                            "smtp_tls": "none", "smtp_timeout_s": 5, "public_url": PUBLIC_URL,
                            "secret_key": "test-secret-key"}.items():
            monkeypatch.setattr(current, name, value)
        yield server


def test_invite_hr_from_the_command_line(cli, smtp: SmtpServer, session, session_factory,
                                         clock, tmp_path: Path, ujm) -> None:  # noqa: ANN001
    result = cli("user invite Nouvelle.RH@univ-st-etienne.fr --role hr --org ujm --locale fr "
                 "--name 'Inès Roux'")
    assert result.exit_code == 0, result.output
    assert result.stdout == "invitation sent to nouvelle.rh@univ-st-etienne.fr\n"
    [message] = smtp.inbox.messages
    assert message["Subject"] == "L’administration du site vous invite dans le suivi des offres"
    assert "Bonjour Inès Roux" in message.get_content()
    assert users.find_user(session, "nouvelle.rh@univ-st-etienne.fr") is None

    web = browser(mail_app(session_factory, clock, tmp_path, smtp))
    path = link_in(message)
    done = web.post(path, {"full_name": "Inès Roux", "password": PASSWORD, "confirm": PASSWORD,
                           "locale": "fr"}, token_from=path)
    assert done.status_code == 302
    session.expire_all()
    user = users.get_user(session, "nouvelle.rh@univ-st-etienne.fr")
    assert (user.role, user.organisation.slug) == (Role.HR, "ujm")


def test_invite_a_candidate_to_apply(cli, smtp: SmtpServer, posting) -> None:  # noqa: ANN001
    result = cli("user invite lea.petit@example.org --role candidate --posting UJM-TEST-1 "
                 "--locale en")
    assert result.exit_code == 0, result.output
    [message] = smtp.inbox.messages
    assert f"{PUBLIC_URL}/postings/UJM-TEST-1" in message.get_content()


def test_an_address_with_an_account_gets_the_same_answer(cli, smtp: SmtpServer, ujm,
                                                         hr) -> None:  # noqa: ANN001
    result = cli("user invite rh@univ-st-etienne.fr --role hr --org ujm")
    assert result.exit_code == 0
    assert result.stdout == "invitation sent to rh@univ-st-etienne.fr\n"
    [message] = smtp.inbox.messages
    assert "/invitations/" not in message.get_content()


def test_refusals_name_the_option(cli, smtp: SmtpServer, ujm) -> None:  # noqa: ANN001
    assert_refused(cli("user invite x@example.org --role candidate"), "--posting", "required")
    assert_refused(cli("user invite x@example.org --role hr"), "organisation",
                   "must belong to an organisation")
    assert_refused(cli("user invite x@example.org --role hr --org nowhere"), "organisation",
                   "no organisation")
    assert_refused(cli("user invite 'not an address' --role admin"), "email",
                   "not a valid e-mail address")
    assert smtp.inbox.messages == []


def test_without_an_smtp_server_it_says_so(cli, ujm, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    current = get_settings()
    monkeypatch.setattr(current, "smtp_host", None)
    monkeypatch.setattr(current, "public_url", PUBLIC_URL)
    result = cli("user invite x@example.org --role admin")
    assert result.exit_code == 1
    assert "could not be sent: check the SMTP settings" in result.stderr
