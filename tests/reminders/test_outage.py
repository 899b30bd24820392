"""Reminders through a mail outage (issue #13): a real SMTP server on loopback stopped for two
hours of the test clock, a server that accepts and never answers, a claim lost during a send,
and the settings that refuse a lease shorter than a send."""

from __future__ import annotations

import json
import socket
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from pydantic import ValidationError

from tests.reminders.conftest import notifications, rows, run
from tracker import scheduler
from tracker.config import Settings
from tracker.domain.access import OPERATOR
from tracker.mail import Mailer
from tracker.models import Notification, ReminderChannel, ReminderKind, ReminderStatus
from tracker.services.accounts import users
from tracker.services.hiring import applications
from tracker.services.reminders import dispatch

K, S, EMAIL, IN_APP = ReminderKind, ReminderStatus, ReminderChannel.EMAIL, ReminderChannel.IN_APP
SEVEN_DAYS_BEFORE = datetime(2024, 5, 6, 7, tzinfo=UTC)  # 09:00 CEST, 7 days before 13 May


def drafts(session, posting, clock, count: int = 2) -> list:
    """Candidates besides Camille with a draft application each: one more e-mail reminder
    and one more in-app reminder each, due 7 days before the deadline."""
    made = []
    for n in range(1, count + 1):
        person = users.create_user(session, email=f"c{n}@example.org", full_name=f"C {n}",
                                   role="candidate", clock=clock, actor=OPERATOR)
        made.append(applications.start(session, posting, person, actor=person, clock=clock))
    return made


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[datetime | None]:
    """Every SMTP connection the dispatcher tries (counted at the client: a stopped server
    cannot count them)."""
    tried: list[datetime | None] = []
    connect = Mailer._connect

    def counted(self):  # noqa: ANN001, ANN202
        tried.append(None)
        return connect(self)

    monkeypatch.setattr(Mailer, "_connect", counted)
    return tried


def tick(session_factory, settings, clock, circuit: dispatch.Circuit) -> None:
    """What the scheduler runs every TRACKER_SCHEDULER_INTERVAL_S: the in-app job and the
    e-mail job (in one thread here, the in-app one first as when both are due)."""
    scheduler.dispatch_tick(session_factory, settings, clock)
    scheduler.email_tick(session_factory, settings, clock, circuit)


def test_two_hours_without_smtp_then_back_every_email_goes_out_once_with_no_command(
    session, session_factory, posting, application, hr, clock, settings, smtp, connections
):
    """The server is down from 09:00 to 11:00 (Paris); the scheduler ticks every 30 s all
    along. In-app reminders go out on time, the e-mails wait (none failed, a connection tried
    only when the circuit's wait is over), and once the server is back every e-mail due goes
    out exactly once, without anyone typing a command."""
    drafts(session, posting, clock)
    sam = users.create_user(session, email="sam@example.org", full_name="Sam Durand",
                            role="candidate", clock=clock, actor=OPERATOR)
    submitted = applications.start(session, posting, sam, actor=sam, clock=clock)
    applications.move(session, submitted, "submitted", actor=sam, clock=clock)
    session.commit()
    circuit = dispatch.Circuit()
    smtp.stop()
    clock.now = SEVEN_DAYS_BEFORE
    back_at = clock() + timedelta(hours=2)
    ticks, moved_at = 0, None
    while clock() < back_at:
        if moved_at is None and clock() >= SEVEN_DAYS_BEFORE + timedelta(hours=1):
            # HR move Sam's application in the middle of the outage: Sam is told at once
            applications.move(session, submitted, "under_review", actor=hr, clock=clock)
            session.commit()
            moved_at = clock()
        tick(session_factory, settings, clock, circuit)
        ticks += 1
        if ticks == 1:  # the draft reminders, Sam's "no answer for 21 days" and hr's news of
            # Sam's application (#14), in-app
            assert sorted(n.title[:20] for n in notifications(session)) == [
                "Date limite dans 7 j"] * 3 + ["Nouvelle candidature", "Pas de réponse depui"]
        if clock() == moved_at:
            told = notifications(session, sam.id)[-1]
            assert told.created_at == moved_at and "en cours d’examen" in told.title
        clock.advance(seconds=30)
    assert ticks == 240
    assert smtp.inbox.messages == []
    waiting = [r for r in rows(session, channel=EMAIL) if r.due_at <= clock()
               and r.status is not S.CANCELLED]
    assert sorted(r.kind for r in waiting) == [K.DEADLINE_DRAFT] * 3 + [K.STATUS_CHANGED]
    # Sam's "no answer" e-mail waited for the server, and no longer holds once HR moved him
    [no_answer] = rows(session, channel=EMAIL, kind=K.NO_ANSWER)
    assert (no_answer.status, no_answer.reason) == (
        S.CANCELLED, f"application #{submitted.id} is under_review")
    assert {r.status for r in waiting} == {S.PENDING}  # none failed
    assert all("ConnectionRefusedError" in r.last_error for r in waiting)
    # one connection per wait of the circuit (1, 2, 4, 8, 16, 30, 30... minutes), not one
    # per e-mail and tick (4 e-mails x 240 ticks)
    assert 5 <= len(connections) <= 9, len(connections)
    assert not [r for r in rows(session, channel=IN_APP) if r.due_at <= clock()
                and r.status not in (S.SENT, S.CANCELLED)]
    # the server is back; the scheduler goes on ticking
    smtp.start()
    for _ in range(2 * 35):  # the circuit waits 30 minutes at most
        tick(session_factory, settings, clock, circuit)
        clock.advance(seconds=30)
    due = [r for r in rows(session, channel=EMAIL) if r.due_at <= clock()
           and r.status is not S.CANCELLED]
    assert len(due) == 4 and {r.status for r in due} == {S.SENT}
    received = Counter(m["Message-ID"] for m in smtp.inbox.messages)
    assert set(received.values()) == {1}  # none twice
    assert set(received) == {r.message_id for r in due}
    assert sorted(to for [to] in smtp.inbox.recipients) == [
        "c1@example.org", "c2@example.org", "camille@example.org", "sam@example.org"]
    for _ in range(2 * 30):  # and nothing more afterwards
        tick(session_factory, settings, clock, circuit)
        clock.advance(seconds=30)
    assert len(smtp.inbox.messages) == 4


class SilentServer:
    """A socket that accepts connections and never says a word (no SMTP greeting)."""

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.accepted.append(connection)

    def close(self) -> None:
        self.listener.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture
def silent(settings, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN001, ANN201
    server = SilentServer()
    monkeypatch.setattr(settings, "smtp_port", server.port)
    monkeypatch.setattr(settings, "smtp_timeout_s", 0.2)
    yield server
    server.close()


def test_a_server_that_never_answers_costs_one_timeout_per_tick_and_in_app_does_not_wait(
    session, session_factory, posting, application, clock, settings, silent, connections
):
    drafts(session, posting, clock)
    session.commit()
    circuit = dispatch.Circuit()
    clock.now = SEVEN_DAYS_BEFORE
    scheduler.dispatch_tick(session_factory, settings, clock)  # the in-app job
    assert connections == [] and len(notifications(session)) == 3
    scheduler.email_tick(session_factory, settings, clock, circuit)
    assert len(connections) == 1  # one timeout for the three e-mails
    emails = rows(session, channel=EMAIL, offset_spec="-7d@09:00")
    assert {r.status for r in emails} == {S.PENDING}
    assert sorted(r.attempts for r in emails) == [0, 0, 1]  # the others were not tried
    tried = next(r for r in emails if r.attempts == 1)
    assert tried.last_error.startswith(("TimeoutError", "SMTPServerDisconnected"))
    assert all(r.last_error.startswith("not tried, the SMTP server was unreachable: ")
               for r in emails if r is not tried)
    assert {r.next_attempt_at for r in emails} == {clock() + timedelta(minutes=1)}
    assert {r.retry_until for r in emails} == {clock() + timedelta(hours=72)}
    clock.advance(seconds=30)
    scheduler.email_tick(session_factory, settings, clock, circuit)
    assert len(connections) == 1  # the circuit is open: nothing tried
    clock.advance(seconds=31)
    scheduler.email_tick(session_factory, settings, clock, circuit)
    assert len(connections) == 2
    clock.advance(seconds=61)  # 2 minutes now
    scheduler.email_tick(session_factory, settings, clock, circuit)
    assert len(connections) == 2
    assert {r.status for r in rows(session, channel=EMAIL, offset_spec="-7d@09:00")} == {
        S.PENDING}


def test_one_pass_delivers_in_app_before_it_tries_smtp(
    session, session_factory, posting, application, clock, settings, silent, monkeypatch
):
    """`tracker reminders run --once` (both channels in one pass): the in-app reminders are
    delivered and committed before the first connection to the silent server."""
    drafts(session, posting, clock)
    session.commit()
    seen: list[int] = []
    connect = Mailer._connect

    def noting(self):  # noqa: ANN001, ANN202
        with session_factory() as other:
            seen.append(other.scalar(sa.select(sa.func.count()).select_from(Notification)))
        return connect(self)

    monkeypatch.setattr(Mailer, "_connect", noting)
    clock.now = SEVEN_DAYS_BEFORE
    report = dispatch.deliver_due(session_factory, settings=settings, clock=clock)
    assert seen == [3]
    assert [s["channel"] for s in report.sent] == ["in_app"] * 3
    assert len(report.retrying) == 1 and report.deferred == 2
    assert report.circuit_open_until == clock() + timedelta(minutes=1)


class SlowMailer(Mailer):
    """While this dispatcher connects (`on_connect`) or transfers its message (`on_send`), its
    lease runs out and `meanwhile` runs: another dispatcher."""

    def __init__(self, settings, clock, meanwhile, *, on: str) -> None:  # noqa: ANN001
        super().__init__(settings)
        self.clock, self.meanwhile, self.on = clock, meanwhile, on

    def _pause(self) -> None:
        self.clock.advance(seconds=self.settings.reminder_lease_s + 1)
        self.meanwhile()

    def _connect(self):  # noqa: ANN202
        if self.on == "connect":
            self._pause()
        return super()._connect()

    def send(self, message):  # noqa: ANN001, ANN201
        if self.on == "send":
            self._pause()
        super().send(message)


def test_a_claim_lost_while_connecting_is_not_sent_twice(
    session, session_factory, application, clock, settings, smtp
):
    """The connection is the slow part (a slow greeting, TLS): the claim is checked after it,
    just before the message goes; the other dispatcher, which took the row back, sends it."""
    clock.now = SEVEN_DAYS_BEFORE
    others: list[dispatch.DispatchReport] = []
    mailer = SlowMailer(settings, clock, lambda: others.append(run(session_factory, clock)),
                        on="connect")
    try:
        first = dispatch.run_once(session_factory, clock=clock, mailer=mailer,
                                  settings=settings, channels=[EMAIL])
    finally:
        mailer.close()
    [second] = others
    [row] = rows(session, channel=EMAIL, offset_spec="-7d@09:00")
    assert [s["id"] for s in second.sent if s["channel"] == "email"] == [row.id]
    assert first.sent == [] and [lost["id"] for lost in first.lost] == [row.id]
    [message] = smtp.inbox.messages  # once
    assert message["Message-ID"] == row.message_id and row.status is S.SENT


def test_a_claim_lost_during_the_transfer_is_not_marked_by_the_dispatcher_that_lost_it(
    session, session_factory, application, clock, settings, smtp, caplog
):
    """The lease runs out while the message itself is on its way (the settings refuse a lease
    that allows it; a process paused by the machine gets there anyway): another dispatcher
    takes the row back and sends it. The first one's `sent` mark finds no row with its claim
    (row count 0): it marks nothing, says so, and leaves the row to the other; both copies
    carry the row's one Message-ID, which lets mail servers and clients see the duplicate."""
    clock.now = SEVEN_DAYS_BEFORE
    others: list[dispatch.DispatchReport] = []
    mailer = SlowMailer(settings, clock, lambda: others.append(run(session_factory, clock)),
                        on="send")
    try:
        first = dispatch.run_once(session_factory, clock=clock, mailer=mailer,
                                  settings=settings, channels=[EMAIL])
    finally:
        mailer.close()
    [second] = others
    [row] = rows(session, channel=EMAIL, offset_spec="-7d@09:00")
    [sent] = [s for s in second.sent if s["channel"] == "email"]
    assert first.sent == [] and first.lost == [dict(id=row.id, kind="deadline_draft",
                                                     message_id=row.message_id)]
    assert row.status is S.SENT and row.sent_at == clock() and sent["id"] == row.id
    assert "its claim was taken back meanwhile: not marked sent here" in caplog.text
    assert [m["Message-ID"] for m in smtp.inbox.messages] == [row.message_id] * 2


def test_a_lease_shorter_than_a_claims_worst_case_is_refused(monkeypatch):
    for name in ("TRACKER_SMTP_TIMEOUT_S", "TRACKER_REMINDER_LEASE_S",
                 "TRACKER_REMINDER_EMAIL_BATCH_SIZE"):
        monkeypatch.delenv(name, raising=False)
    defaults = Settings()  # the defaults hold together
    assert defaults.reminder_lease_s >= defaults.email_claim_worst_case_s
    monkeypatch.setenv("TRACKER_REMINDER_LEASE_S", "300")
    with pytest.raises(ValidationError) as caught:
        Settings()
    message = str(caught.value)
    assert "TRACKER_REMINDER_LEASE_S=300 is shorter than" in message
    assert "TRACKER_SMTP_TIMEOUT_S=30 x 11 SMTP exchanges per e-mail" in message
    assert "set TRACKER_REMINDER_LEASE_S to at least 390" in message
    monkeypatch.setenv("TRACKER_SMTP_TIMEOUT_S", "10")  # 10 x 11 + 60 = 170 s
    assert Settings().reminder_lease_s == 300
    monkeypatch.setenv("TRACKER_REMINDER_EMAIL_BATCH_SIZE", "5")  # 10 x 11 x 5 + 60 = 610 s
    with pytest.raises(ValidationError, match="TRACKER_REMINDER_EMAIL_BATCH_SIZE=5"):
        Settings()


def test_the_command_line_names_the_settings_that_do_not_hold_together(cli, monkeypatch):
    monkeypatch.setenv("TRACKER_REMINDER_LEASE_S", "100")
    monkeypatch.setenv("TRACKER_SMTP_TIMEOUT_S", "30")
    from tracker.config import get_settings

    get_settings.cache_clear()
    try:
        result = cli("reminders run --once")
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1
    assert result.output.startswith("error: settings: TRACKER_REMINDER_LEASE_S=100 is shorter")
    assert "TRACKER_SMTP_TIMEOUT_S=30" in result.output and "Traceback" not in result.output


def test_a_temporary_refusal_does_not_open_the_circuit(
    session, session_factory, posting, application, clock, settings, smtp, connections
):
    """A 451 answer is about one message: the others of the tick still go out, over the same
    connection."""
    drafts(session, posting, clock)
    session.commit()
    refused = {"camille@example.org"}
    handle = smtp.inbox.handle_DATA

    async def some_refused(server, session_, envelope):  # noqa: ANN001, ANN202
        if set(envelope.rcpt_tos) & refused:
            return "451 4.3.0 Mailbox temporarily unavailable"
        return await handle(server, session_, envelope)

    smtp.inbox.handle_DATA = some_refused
    clock.now = SEVEN_DAYS_BEFORE
    circuit = dispatch.Circuit()
    scheduler.email_tick(session_factory, settings, clock, circuit)
    assert len(smtp.inbox.messages) == 2 and len(connections) == 1
    assert not circuit.is_open(clock())
    [waiting] = rows(session, channel=EMAIL, status=S.PENDING, offset_spec="-7d@09:00")
    assert waiting.recipient_email == "camille@example.org" and "451" in waiting.last_error
    assert waiting.next_attempt_at == clock() + timedelta(minutes=1)


def test_the_outbox_says_what_waits_and_why_during_an_outage(
    cli, session, posting, application, clock, settings, smtp
):
    drafts(session, posting, clock, count=1)
    session.commit()
    smtp.stop()
    clock.now = SEVEN_DAYS_BEFORE
    result = cli("reminders run --once")
    assert result.exit_code == 0, result.output
    assert "SMTP server unreachable (ConnectionRefusedError" in result.output
    assert "1 more e-mail(s) wait, next try 2024-05-06T07:01:00Z" in result.output
    assert "2 sent, 0 expired or cancelled, 1 to retry, 0 failed" in result.output
    listed = cli("reminders list --status pending").output
    lines = listed.splitlines()
    assert max(len(line) for line in lines) <= 80, listed
    text = " ".join(" ".join(line.split()) for line in lines)
    assert "retried until 2024-05-09 09:00 CEST" in text
    assert "not tried, the SMTP server was unreachable: ConnectionRefusedError" in text
    records = json.loads(cli("reminders list --status pending --format json").output)
    waiting = [r for r in records["reminders"] if r["channel"] == "email"
               and r["offset"] == "-7d@09:00"]
    assert len(waiting) == 2
    assert {r["retry_until"] for r in waiting} == {"2024-05-09T07:00:00Z"}
    assert {r["next_attempt_at"] for r in waiting} == {"2024-05-06T07:01:00Z"}
