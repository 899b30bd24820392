"""What the tests of e-mailed links share: a real SMTP server on loopback, the web app pointed
at it, and waiting for the e-mails the pages send off the request's thread."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from flask import Flask

from tests.reminders.conftest import SmtpServer, free_port
from tests.web.conftest import Web, web_settings
from tracker.app import create_app
from tracker.config import Settings

PUBLIC_URL = "https://tracker.example"
LINK = re.compile(re.escape(PUBLIC_URL) + r"(/(?:password/reset|invitations)/[A-Za-z0-9_.\-]+)")


def smtp_server() -> Iterator[SmtpServer]:
    """For a fixture of the test module: the server, stopped afterwards."""
    server = SmtpServer(free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


def mail_settings(tmp_path: Path, smtp: SmtpServer, **changes: Any) -> Settings:
    return web_settings(tmp_path, smtp_host="127.0.0.1", smtp_port=smtp.port, smtp_tls="none",
                        smtp_timeout_s=5, public_url=PUBLIC_URL,
                        smtp_sender="Suivi des candidatures <rh@univ.example>", **changes)


def mail_app(session_factory, clock, tmp_path: Path, smtp: SmtpServer,  # noqa: ANN001
             **changes: Any) -> Flask:
    """The web app on the test's database, its e-mails to `smtp`, links to PUBLIC_URL."""
    app = create_app(mail_settings(tmp_path, smtp, **changes),
                     session_factory=session_factory, clock=clock)
    app.config["TESTING"] = True
    return app


def browser(app: Flask) -> Web:
    return Web(app.test_client())


def sent_mail(smtp: SmtpServer, count: int = 1) -> list[EmailMessage]:
    """The e-mails the server accepted, once the pages' mail threads are done (and at least
    `count` arrived, or 10 s passed)."""
    for thread in threading.enumerate():
        if thread.name == "account-mail":
            thread.join(10)
    deadline = time.monotonic() + 10
    while len(smtp.inbox.messages) < count and time.monotonic() < deadline:
        time.sleep(0.02)
    return list(smtp.inbox.messages)


def link_in(message: EmailMessage) -> str:
    """The path of the one link of this site that acts on an account, in the e-mail's body."""
    found = LINK.findall(message.get_content())
    assert len(found) == 1, message.get_content()
    return found[0]
