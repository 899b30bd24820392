"""HR hear of new applications (issue #14): an in-app notice to each hr user of the posting's
organisation per submission, and a daily e-mail digest per hr user, planned by the scheduler's
job, idempotent, in the user's language and zone, through the outbox to a real SMTP server."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.reminders.conftest import notifications, rows, run
from tracker.domain.access import OPERATOR
from tracker.models import ReminderKind, ReminderStatus
from tracker.scheduler import build_scheduler, digest_tick
from tracker.services.accounts import users
from tracker.services.hiring import applications
from tracker.services.reminders import settings as reminder_settings


def _apply(session, posting, email: str, name: str, clock):  # noqa: ANN001, ANN202
    person = users.create_user(session, email=email, full_name=name, role="candidate",
                               clock=clock, actor=OPERATOR)
    app = applications.start(session, posting, person, actor=person, clock=clock)
    applications.move(session, app, "submitted", actor=person, clock=clock)
    return app


def test_each_submission_is_told_in_app_to_the_organisations_hr(
        session, session_factory, posting, hr, clock) -> None:  # noqa: ANN001
    colleague = users.create_user(session, email="rh2@univ-st-etienne.fr", full_name="Léa Roux",
                                  role="hr", organisation="ujm", locale="en", clock=clock,
                                  actor=OPERATOR)
    _apply(session, posting, "anna@example.org", "Anna Petit", clock)
    _apply(session, posting, "bruno@example.org", "Bruno Blanc", clock)
    session.commit()
    run(session_factory, clock, mail=False)
    assert [n.title for n in notifications(session, hr.id)] == [
        "Nouvelle candidature : Anna Petit — Chargé de coopération internationale",
        "Nouvelle candidature : Bruno Blanc — Chargé de coopération internationale"]
    [first, _second] = notifications(session, colleague.id)
    assert first.title == "New application: Anna Petit — Chargé de coopération internationale"
    assert "(ref. UJM-TEST-1) on 15/04/2024" in first.body or "UJM-TEST-1" in first.body
    assert first.link and first.link.startswith("/applications/")
    # in-app only: hr get their e-mail once a day, in the digest
    assert rows(session, kind=ReminderKind.APPLICATION_RECEIVED, channel="email") == []


def test_the_hr_who_records_an_application_is_not_told_of_it(session, session_factory, posting,
                                                            hr, clock) -> None:  # noqa: ANN001
    applications.record_received(session, posting, name="Par Courrier",
                                 email="courrier@example.org", actor=hr, clock=clock)
    session.commit()
    run(session_factory, clock, mail=False)
    assert notifications(session, hr.id) == []


def test_switched_off_no_notice(session, session_factory, posting, hr, clock) -> None:  # noqa: ANN001
    reminder_settings.set_switch(session, hr, enabled=False, kind="application_received",
                                 channel="in_app", clock=clock)
    _apply(session, posting, "anna@example.org", "Anna Petit", clock)
    session.commit()
    run(session_factory, clock, mail=False)
    assert notifications(session, hr.id) == []


def test_daily_digest_by_email_in_the_users_language_and_zone(
        session, session_factory, posting, hr, clock, settings, smtp) -> None:  # noqa: ANN001
    montreal = users.create_user(session, email="rh-qc@univ-st-etienne.fr", full_name="Jo Tremblay",
                                 role="hr", organisation="ujm", locale="en",
                                 timezone="America/Montreal", clock=clock, actor=OPERATOR)
    off = users.create_user(session, email="rh-off@univ-st-etienne.fr", full_name="Off",
                            role="hr", organisation="ujm", clock=clock, actor=OPERATOR)
    reminder_settings.set_switch(session, off, enabled=False, kind="hr_digest", channel="email",
                                 clock=clock)
    _apply(session, posting, "anna@example.org", "Anna Petit", clock)  # 15/04 10:00 Paris
    clock.advance(hours=5)
    _apply(session, posting, "bruno@example.org", "Bruno Blanc", clock)  # 15:00 Paris, 09:00 QC
    session.commit()
    clock.now = datetime(2024, 4, 16, 6, 30, tzinfo=UTC)  # 08:30 in Paris, 02:30 in Montreal
    digest_tick(session_factory, clock)
    digest_tick(session_factory, clock)  # again: nothing more (one a day and user)
    planned = rows(session, kind=ReminderKind.HR_DIGEST)
    assert sorted((r.recipient_email, r.offset_spec) for r in planned) == [
        ("rh-qc@univ-st-etienne.fr", "d:2024-04-15"),  # Montreal's morning digest of the 15th
        ("rh@univ-st-etienne.fr", "d:2024-04-16")]
    run(session_factory, clock)
    by_recipient = {tuple(r): m for r, m in zip(smtp.inbox.recipients, smtp.inbox.messages,
                                                strict=True)}
    assert set(by_recipient) == {("rh@univ-st-etienne.fr",), ("rh-qc@univ-st-etienne.fr",)}
    french = by_recipient[("rh@univ-st-etienne.fr",)]
    assert french["Subject"] == "2 nouvelles candidatures — Université Jean Monnet"
    text = french.get_body(preferencelist=("plain",)).get_content()
    assert "entre le 15/04/2024 08:00 (Europe/Paris) et le 16/04/2024 08:00 (Europe/Paris)" in text
    assert "- Anna Petit, « Chargé de coopération internationale » (réf. UJM-TEST-1), le 15/04/2024 10:00 (Europe/Paris)" in text
    assert "Bruno Blanc" in text and "https://tracker.example/hr/" in text
    english = by_recipient[("rh-qc@univ-st-etienne.fr",)]
    # Montreal's digest of the 15th covers 14/04 08:00 to 15/04 08:00 there: Anna (04:00)
    # only; Bruno (09:00 there) is in its digest of the 16th
    assert english["Subject"] == "1 new application — Université Jean Monnet"
    body = english.get_body(preferencelist=("plain",)).get_content()
    assert "Anna Petit" in body and "(America/Montreal)" in body and "Bruno" not in body
    # sent once: the next ticks of the same morning add and send nothing
    smtp.inbox.messages.clear()
    digest_tick(session_factory, clock)
    run(session_factory, clock)
    assert smtp.inbox.messages == []
    assert {r.status for r in rows(session, kind=ReminderKind.HR_DIGEST)} == {ReminderStatus.SENT}
    assert montreal.id  # (the user exists: its digest went above)


def test_a_day_without_news_sends_no_digest(session, session_factory, posting, hr, clock,
                                            settings, smtp) -> None:  # noqa: ANN001
    clock.now = datetime(2024, 4, 20, 7, 0, tzinfo=UTC)
    digest_tick(session_factory, clock)
    run(session_factory, clock)
    assert smtp.inbox.messages == []
    [row] = rows(session, kind=ReminderKind.HR_DIGEST)
    assert (row.status, row.reason) == (ReminderStatus.EXPIRED, "no new application that day")


def test_the_scheduler_has_the_digest_job(session_factory, clock) -> None:  # noqa: ANN001
    from tracker.config import get_settings

    built = build_scheduler(session_factory, get_settings(), clock)
    assert "digest" in {job.id for job in built.get_jobs()}
