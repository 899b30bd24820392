"""Reminder fixtures: a real SMTP server on loopback (aiosmtpd), settings pointing at it, and
helpers to run the dispatcher and read the outbox."""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
import sqlalchemy as sa
from aiosmtpd.controller import Controller

from tracker.config import Settings, get_settings
from tracker.mail import Mailer
from tracker.models import Notification, Reminder
from tracker.services.reminders import dispatch


class Inbox:
    """What the SMTP server accepted, parsed."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []
        self.refuse_with: str | None = None  # e.g. "451 4.3.0 try again later"

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, ANN201
        if self.refuse_with:
            return self.refuse_with
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"


class SmtpServer:
    def __init__(self, port: int) -> None:
        self.port = port
        self.inbox = Inbox()
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer(free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def settings(smtp: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The process settings, pointed at the loopback SMTP server (also for the CLI)."""
    current = get_settings()
    for name, value in {"smtp_host": "127.0.0.1", "smtp_port": smtp.port, "smtp_tls": "none",
                        "smtp_sender": "Suivi des candidatures <rappels@univ.example>",
                        "smtp_timeout_s": 5, "public_url": "https://tracker.example"}.items():
        monkeypatch.setattr(current, name, value)
    return current


def run(session_factory, clock, settings: Settings | None = None, *, mail: bool = True,
        **kwargs) -> dispatch.DispatchReport:
    """One pass of the dispatcher, with a fresh SMTP connection like the scheduler's tick."""
    settings = settings or get_settings()
    mailer = Mailer(settings) if mail and settings.smtp_host else None
    try:
        return dispatch.run_once(session_factory, clock=clock, mailer=mailer, settings=settings,
                                 **kwargs)
    finally:
        if mailer is not None:
            mailer.close()


def rows(session, **where) -> list[Reminder]:
    session.expire_all()
    query = sa.select(Reminder).order_by(Reminder.due_at, Reminder.id)
    for name, value in where.items():
        query = query.where(getattr(Reminder, name) == value)
    return list(session.scalars(query))


def notifications(session, user_id: int | None = None) -> list[Notification]:
    session.expire_all()
    query = sa.select(Notification).order_by(Notification.id)
    if user_id is not None:
        query = query.where(Notification.user_id == user_id)
    return list(session.scalars(query))
