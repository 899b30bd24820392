"""Delivery: exactly once in-app, e-mail at most once more after a crash, retries, downtime."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from tests.reminders.conftest import notifications, rows, run
from tracker.domain.access import OPERATOR
from tracker.domain.errors import InvalidTransition, NotFound
from tracker.mail import Mailer, message_id
from tracker.models import ReminderChannel, ReminderKind, ReminderStatus
from tracker.services.hiring import applications, interviews
from tracker.services.reminders import dispatch
from tracker.services.reminders import notifications as inbox
from tracker.services.reminders import planner as reminders

K, S = ReminderKind, ReminderStatus
SEVEN_DAYS_BEFORE = datetime(2024, 5, 6, 7, tzinfo=UTC)  # 09:00 CEST, 7 days before 13 May


class Crash(BaseException):
    """The process dies (not an error the dispatcher would handle)."""


class CrashAfterAcceptance(Mailer):
    """A real SMTP delivery, then the process dies before it can mark the row sent."""

    def send(self, message):  # noqa: ANN001, ANN201
        super().send(message)
        raise Crash


def test_in_app_reminder_is_delivered_once_however_often_the_dispatcher_runs(
    session, session_factory, application, candidate, clock, settings, smtp
):
    clock.now = SEVEN_DAYS_BEFORE
    first = run(session_factory, clock)
    assert sorted(s["channel"] for s in first.sent) == ["email", "in_app"]
    for _ in range(3):
        assert run(session_factory, clock).sent == []
    [note] = notifications(session, candidate.id)
    assert note.title.startswith("Date limite dans 7 jours")  # the candidate reads French
    assert note.link == f"/applications/{application.id}"
    assert len(smtp.inbox.messages) == 1
    # the inbox service the web face and the API use
    assert inbox.unread_count(session, candidate) == 1
    page = inbox.list_notifications(session, candidate, unread_only=True)
    assert [n.id for n in page.rows] == [note.id]
    inbox.mark_read(session, candidate, note.id, clock)
    assert inbox.unread_count(session, candidate) == 0
    assert inbox.list_notifications(session, candidate, unread_only=True).rows == []
    assert inbox.mark_all_read(session, candidate, clock) == 0


def test_nobody_reads_or_marks_someone_elses_notification(
    session, session_factory, application, candidate, hr, clock
):
    clock.now = SEVEN_DAYS_BEFORE
    run(session_factory, clock, mail=False)
    [note] = notifications(session, candidate.id)
    with pytest.raises(NotFound) as caught:
        inbox.mark_read(session, hr, note.id, clock)
    assert caught.value.field == "notification"
    assert inbox.list_notifications(session, hr).rows == []


def test_crash_between_claim_and_send_is_delivered_once_after_the_lease(
    session, session_factory, application, candidate, clock, settings
):
    clock.now = SEVEN_DAYS_BEFORE
    claimed = dispatch.claim(session_factory, token="dead-process", now=clock(), batch_size=10,
                             lease=timedelta(minutes=10), channels=[ReminderChannel.IN_APP])
    assert len(claimed) == 1  # ... and the process dies here
    assert run(session_factory, clock, mail=False).sent == []  # the lease still holds
    assert rows(session, id=claimed[0])[0].status is S.SENDING
    clock.advance(minutes=11)
    report = run(session_factory, clock, mail=False)
    assert report.released == 1 and [s["id"] for s in report.sent] == claimed
    assert run(session_factory, clock, mail=False).sent == []
    assert len(notifications(session, candidate.id)) == 1
    [row] = rows(session, id=claimed[0])
    assert (row.status, row.attempts) == (S.SENT, 2)


def test_crash_between_claim_and_send_of_an_email_is_sent_once_after_the_lease(
    session, session_factory, application, clock, settings, smtp
):
    """A dispatcher claims the e-mail reminder and dies before sending it: nothing goes out
    while its lease holds; after it, the next dispatcher sends it once, with the Message-ID the
    row was always going to have."""
    clock.now = SEVEN_DAYS_BEFORE
    claimed = dispatch.claim(session_factory, token="dead-process", now=clock(), batch_size=10,
                             lease=timedelta(seconds=settings.reminder_lease_s),
                             channels=[ReminderChannel.EMAIL])
    assert len(claimed) == 1  # ... and the process dies here
    [row] = rows(session, id=claimed[0])
    assert row.channel is ReminderChannel.EMAIL and row.status is S.SENDING
    expected_id = message_id(row.id, dispatch.unique_key(row), settings.smtp_sender)
    clock.advance(seconds=settings.reminder_lease_s - 1)
    assert [s["channel"] for s in run(session_factory, clock).sent] == ["in_app"]
    assert smtp.inbox.messages == [] and rows(session, id=row.id)[0].status is S.SENDING
    clock.advance(seconds=2)
    report = run(session_factory, clock)
    assert report.released == 1 and [s["id"] for s in report.sent] == [row.id]
    for _ in range(2):
        assert run(session_factory, clock).sent == []
    [message] = smtp.inbox.messages
    [row] = rows(session, id=row.id)
    assert (row.status, row.attempts) == (S.SENT, 2)
    assert message["Message-ID"] == row.message_id == expected_id


def test_crash_between_smtp_acceptance_and_sent_mark_resends_once_with_the_same_message_id(
    session, session_factory, application, clock, settings, smtp
):
    clock.now = SEVEN_DAYS_BEFORE
    with pytest.raises(Crash):
        dispatch.run_once(session_factory, clock=clock, mailer=CrashAfterAcceptance(settings),
                          settings=settings)
    assert len(smtp.inbox.messages) == 1
    [email_row] = rows(session, kind=K.DEADLINE_DRAFT, channel=ReminderChannel.EMAIL,
                       offset_spec="-7d@09:00")
    assert email_row.status is S.SENDING
    assert run(session_factory, clock).sent == []  # not before the lease ends
    clock.advance(seconds=settings.reminder_lease_s + 1)
    report = run(session_factory, clock)
    assert [s["id"] for s in report.sent] == [email_row.id]
    for _ in range(2):
        assert run(session_factory, clock).sent == []
    first, second = smtp.inbox.messages
    assert first["Message-ID"] == second["Message-ID"] == rows(session, id=email_row.id)[0].message_id
    assert first["Message-ID"].startswith(f"<reminder.{email_row.id}.")


class SlowServer(Mailer):
    """Each e-mail takes the SMTP server longer than a lease to accept; while the second one is
    on its way, `meanwhile` runs (another dispatcher)."""

    def __init__(self, settings, clock, meanwhile) -> None:  # noqa: ANN001
        super().__init__(settings)
        self.clock, self.meanwhile, self.calls = clock, meanwhile, 0

    def send(self, message):  # noqa: ANN001, ANN201
        self.calls += 1
        if self.calls == 2:
            self.meanwhile()
        super().send(message)
        self.clock.advance(seconds=self.settings.reminder_lease_s + 1)


def test_a_slow_smtp_server_does_not_make_another_dispatcher_send_twice(
    session, session_factory, posting, application, clock, settings, smtp, monkeypatch
):
    """The lease of a batch of three e-mails runs out while they are sent one by one (the
    settings refuse such a lease; a paused process gets there all the same): another
    dispatcher takes back the rows not sent yet. Each e-mail renews its own lease first, and
    one whose claim was lost is left to the dispatcher that holds it: every e-mail goes out
    once."""
    from tracker.services.accounts import users

    monkeypatch.setattr(settings, "reminder_email_batch_size", 3)

    for n in (1, 2):
        other = users.create_user(session, email=f"c{n}@example.org", full_name=f"C {n}",
                                  role="candidate", clock=clock, actor=OPERATOR)
        applications.start(session, posting, other, actor=other, clock=clock)
    session.commit()
    clock.now = SEVEN_DAYS_BEFORE
    others = []
    mailer = SlowServer(settings, clock, lambda: others.append(run(session_factory, clock)))
    try:
        first = dispatch.run_once(session_factory, clock=clock, mailer=mailer, settings=settings)
    finally:
        mailer.close()
    [second] = others
    first_mail = [s["id"] for s in first.sent if s["channel"] == "email"]
    second_mail = [s["id"] for s in second.sent if s["channel"] == "email"]
    assert len(first_mail) == 2 and len(second_mail) == 1  # the third was taken back
    assert [lost["id"] for lost in first.lost] == second_mail
    ids = [m["Message-ID"] for m in smtp.inbox.messages]
    assert len(ids) == 3 and len(set(ids)) == 3
    assert sorted(r[0] for r in smtp.inbox.recipients) == [
        "c1@example.org", "c2@example.org", "camille@example.org"]
    assert {r.status for r in rows(session, channel=ReminderChannel.EMAIL,
                                   offset_spec="-7d@09:00")} == {S.SENT}


def test_smtp_server_down_then_back(session, session_factory, application, clock, settings, smtp):
    """Refused connections: the e-mail is retried with a growing wait (1, 2, 4... minutes, at
    most 30) for TRACKER_REMINDER_RETRY_HOURS from its first failure, then failed, saying so;
    an operator may retry it."""
    smtp.stop()
    clock.now = SEVEN_DAYS_BEFORE
    report = run(session_factory, clock)
    assert [s["channel"] for s in report.sent] == ["in_app"]  # in-app does not wait for mail
    [retry] = report.retrying
    [row] = rows(session, id=retry["id"])
    assert row.status is S.PENDING and row.attempts == 1
    assert "ConnectionRefusedError" in row.last_error
    assert row.next_attempt_at == clock() + timedelta(minutes=1)
    first_failure = clock()
    assert row.retry_until == first_failure + timedelta(hours=settings.reminder_retry_hours)
    # down for a while: each attempt waits longer, up to 30 minutes
    for attempt in range(2, 9):
        clock.now = rows(session, id=row.id)[0].next_attempt_at
        report = run(session_factory, clock)
        assert report.sent == [] and report.failed == []
        [row] = rows(session, id=row.id)
        assert (row.status, row.attempts) == (S.PENDING, attempt)
        assert row.next_attempt_at - clock() == timedelta(minutes=min(2 ** (attempt - 1), 30))
        assert row.retry_until == first_failure + timedelta(hours=72)  # the period holds
    # still down near the end of the period: the last attempt is at its end, then failed
    clock.now = row.retry_until - timedelta(minutes=10)
    run(session_factory, clock)
    [row] = rows(session, id=row.id)
    assert row.status is S.PENDING and row.next_attempt_at == row.retry_until
    clock.now = row.retry_until
    [failed] = run(session_factory, clock).failed
    [row] = rows(session, id=row.id)
    assert row.status is S.FAILED and failed["id"] == row.id
    assert "ConnectionRefusedError" in row.last_error
    assert row.reason.startswith("not sent: the retry period ran out at 2024-05-09 07:00Z "
                                 "(72 h from the first failure, TRACKER_REMINDER_RETRY_HOURS) "
                                 "after 10 attempts; last error: ConnectionRefusedError")
    # the server is back; the operator retries it; it goes out once
    smtp.start()
    assert run(session_factory, clock).sent == []  # failed rows wait for the operator
    reminders.retry(session, row.id, clock=clock)
    session.commit()
    [row] = rows(session, id=row.id)
    assert (row.reason, row.retry_until, row.attempts) == (None, None, 0)
    report = run(session_factory, clock)
    assert [s["id"] for s in report.sent] == [row.id]
    assert len(smtp.inbox.messages) == 1
    assert rows(session, id=row.id)[0].status is S.SENT
    with pytest.raises(InvalidTransition):
        reminders.retry(session, row.id, clock=clock)


def test_a_temporary_refusal_is_retried_after_the_back_off(
    session, session_factory, application, clock, settings, smtp
):
    smtp.inbox.refuse_with = "451 4.3.0 Mailbox temporarily unavailable"
    clock.now = SEVEN_DAYS_BEFORE
    [retry] = run(session_factory, clock).retrying
    assert "451" in retry["error"]
    smtp.inbox.refuse_with = None
    assert run(session_factory, clock).sent == []  # back-off: not yet
    clock.advance(minutes=1)
    assert [s["id"] for s in run(session_factory, clock).sent] == [retry["id"]]
    assert len(smtp.inbox.messages) == 1


def test_scheduler_down_for_three_days(session, session_factory, posting, candidate, hr, clock,
                                       settings, smtp):
    from tracker.services.accounts import users

    other = users.create_user(session, email="jordan@example.org", full_name="Jordan Smith",
                              role="candidate", locale="en", clock=clock, actor=OPERATOR)
    waiting = users.create_user(session, email="sam@example.org", full_name="Sam Durand",
                                role="candidate", clock=clock, actor=OPERATOR)
    interviewed = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    applications.move(session, interviewed, "submitted", actor=candidate, clock=clock)
    interviews.schedule(session, posting, application=interviewed, day=date(2024, 5, 8),
                        at=time(10), actor=hr, clock=clock)
    applications.start(session, posting, other, actor=other, clock=clock)
    unanswered = applications.start(session, posting, waiting, clock=clock, actor=OPERATOR)
    applications.move(session, unanswered, "submitted", actor=waiting, clock=clock)
    session.commit()
    # Everything was delivered up to Sunday 5 May; nothing runs from then until Thursday 9 May,
    # 08:00 UTC: the 7-day deadline reminder (6 May), the interview reminders (7 May 09:00,
    # 8 May 08:00) and the no-answer reminder (6 May) all came due meanwhile.
    clock.now = datetime(2024, 5, 5, 12, tzinfo=UTC)
    run(session_factory, clock)
    sent_before = len(smtp.inbox.messages)
    clock.now = datetime(2024, 5, 9, 8, tzinfo=UTC)
    report = run(session_factory, clock)
    late = {(r.kind, r.channel, r.offset_spec): r for r in rows(session)
            if r.due_at <= clock() and r.due_at > datetime(2024, 5, 5, 12, tzinfo=UTC)
            and r.status is not S.CANCELLED}
    # still meaningful: the deadline (13 May) is ahead, the application still unanswered
    for key in [(K.DEADLINE_DRAFT, ReminderChannel.IN_APP, "-7d@09:00"),
                (K.DEADLINE_DRAFT, ReminderChannel.EMAIL, "-7d@09:00"),
                (K.NO_ANSWER, ReminderChannel.IN_APP, "+21d@09:00"),
                (K.NO_ANSWER, ReminderChannel.EMAIL, "+21d@09:00")]:
        assert late[key].status is S.SENT, key
    # no longer meaningful: the interview took place on 8 May
    for offset in ("-1d@09:00", "-2h"):
        for channel in ReminderChannel:
            row = late[(K.INTERVIEW_SOON, channel, offset)]
            assert row.status is S.EXPIRED
            assert row.reason.startswith("the interview has started (08/05/2024 10:00 (Europe/Paris)")
    assert not [r for r in rows(session, status=S.PENDING) if r.due_at <= clock()]
    assert len(report.sent) == 4 and len(report.expired) == 4
    assert len(smtp.inbox.messages) == sent_before + 2
    subjects = sorted(m["Subject"] for m in smtp.inbox.messages[sent_before:])
    assert subjects[0].startswith("Deadline in 4 days")  # Jordan reads English; said at send time
    assert subjects[1].startswith("Pas de réponse depuis 24 jours")
    assert run(session_factory, clock).sent == []  # once


def test_reminders_planned_after_their_time_expire_and_late_is_said_of_those_that_waited(
    session, session_factory, posting, candidate, clock, settings, smtp
):
    """A draft started on 12 May at 20:00 (Paris): its 7-day and 2-day reminders are planned
    after their time, were never meant to go out, and expire with the reason; the one of the
    deadline's morning existed when it came due, and said late when it goes out late."""
    clock.now = datetime(2024, 5, 12, 18, tzinfo=UTC)
    applications.start(session, posting, candidate, actor=candidate, clock=clock)
    session.commit()
    report = run(session_factory, clock)
    assert [s for s in report.sent if s["kind"] == "deadline_draft"] == []
    expired = {rows(session, id=e["id"])[0].offset_spec: e["reason"] for e in report.expired
               if e["kind"] == "deadline_draft"}
    assert expired == {
        "-7d@09:00": "planned after its time: due 2024-05-06 07:00Z, planned 2024-05-12 18:00Z",
        "-2d@09:00": "planned after its time: due 2024-05-11 07:00Z, planned 2024-05-12 18:00Z",
    }
    assert ["camille@example.org"] not in smtp.inbox.recipients
    assert notifications(session, candidate.id) == []
    clock.now = datetime(2024, 5, 13, 9, tzinfo=UTC)  # 11:00, two hours after the 0d one
    report = run(session_factory, clock)
    assert sorted(s["channel"] for s in report.sent) == ["email", "in_app"]
    [message] = [m for m, to in zip(smtp.inbox.messages, smtp.inbox.recipients, strict=True)
                 if to == ["camille@example.org"]]
    assert message["Subject"].startswith("Date limite aujourd’hui")
    assert "(Ce rappel part en retard.)" in message.get_body(("plain",)).get_content()


def test_after_a_pause_only_the_latest_reminder_of_a_series_goes_out(
    session, session_factory, application, candidate, clock
):
    clock.now = datetime(2024, 5, 12, 7, tzinfo=UTC)  # the 7-day and 2-day ones are both due
    report = run(session_factory, clock, mail=False)
    assert [s["id"] for s in report.sent if s["kind"] == "deadline_draft"] == [
        r.id for r in rows(session, kind=K.DEADLINE_DRAFT, offset_spec="-2d@09:00",
                           channel=ReminderChannel.IN_APP)]
    [expired] = [e for e in report.expired if e["kind"] == "deadline_draft"]
    assert expired["reason"] == "superseded by the reminder due at 2024-05-11 07:00Z"
    assert len(notifications(session, candidate.id)) == 1


def test_hr_hear_of_applications_waiting_for_review_the_morning_after_the_deadline(
    session, session_factory, posting, candidate, hr, clock
):
    from tracker.services.accounts import users

    other = users.create_user(session, email="sam@example.org", full_name="Sam Durand",
                              role="candidate", clock=clock, actor=OPERATOR)
    for person in (candidate, other):
        app = applications.start(session, posting, person, clock=clock, actor=OPERATOR)
        applications.move(session, app, "submitted", actor=person, clock=clock)
    session.commit()
    clock.now = datetime(2024, 5, 14, 7, tzinfo=UTC)  # 09:00 CEST, the day after 13 May
    report = run(session_factory, clock, mail=False)
    assert [s["recipient"] for s in report.sent if s["kind"] == "review_waiting"] == [hr.email]
    [note] = [n for n in notifications(session, hr.id)  # (not the news of each submission)
              if not n.title.startswith("Nouvelle candidature")]
    assert note.title == "2 candidatures à examiner : Chargé de coopération internationale"
    assert note.body.startswith("La date limite du 13/05/2024 23:59 (Europe/Paris) est passée")
    assert note.link == "/postings/UJM-TEST-1"


def test_the_no_answer_reminder_can_be_switched_off(session, posting, candidate, clock):
    from tracker.services.reminders import settings as reminder_settings

    reminder_settings.set_switch(session, candidate, kind="no_answer", enabled=False,
                                 clock=clock)
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    applications.move(session, app, "submitted", actor=candidate, clock=clock)
    assert rows(session, kind=K.NO_ANSWER) == []
    reminder_settings.set_switch(session, candidate, kind="no_answer", enabled=True, clock=clock)
    assert {r.status for r in rows(session, kind=K.NO_ANSWER)} == {S.PENDING}
