"""The scheduler runs retention once a day: its job, and its tick driven by a clock on the
test's database (SQLite, or PostgreSQL with TRACKER_TEST_DATABASE_URL)."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from tests.conftest import Clock
from tests.reminders.conftest import smtp  # noqa: F401 (the fixture)
from tracker.config import get_settings
from tracker.db import unit_of_work
from tracker.models import Application, Notification, User
from tracker.scheduler import build_scheduler, retention_tick
from tracker.services.accounts import users
from tracker.services.hiring import applications, postings


def test_the_scheduler_has_a_daily_retention_job(session_factory) -> None:  # noqa: ANN001
    scheduler = build_scheduler(session_factory, get_settings())
    job = scheduler.get_job("retention")
    assert job is not None and job.trigger.interval.total_seconds() == 24 * 3600
    assert build_scheduler(session_factory, get_settings().model_copy(
        update={"retention_interval_h": 6})).get_job("retention").trigger.interval \
        .total_seconds() == 6 * 3600


def test_the_daily_tick_anonymises_warns_and_deletes(session_factory, posting, hr, candidate,
                                                     session, smtp):  # noqa: ANN001, F811
    settings = get_settings().model_copy(update={
        "smtp_host": "127.0.0.1", "smtp_port": smtp.port, "smtp_tls": "none"})
    application = applications.start(session, posting, candidate, actor=candidate,
                                     clock=lambda: datetime(2024, 4, 16, tzinfo=UTC))
    closed = datetime(2024, 5, 20, 8, 0, tzinfo=UTC)
    postings.set_status(session, posting, "closed", actor=hr, clock=lambda: closed)
    session.commit()
    clock = Clock(datetime(2026, 5, 19, 3, 0, tzinfo=UTC))
    # each day at 03:00 the tick runs, as the scheduler would
    retention_tick(session_factory, settings, clock)
    with unit_of_work(session_factory) as db:
        assert db.get(Application, application.id).candidate_id == candidate.id
    clock.advance(days=1)  # 20 May 2026 03:00: not yet 08:00, when 24 months are up
    retention_tick(session_factory, settings, clock)
    with unit_of_work(session_factory) as db:
        assert db.get(Application, application.id).anonymised_at is None
    clock.advance(days=1)
    retention_tick(session_factory, settings, clock)
    with unit_of_work(session_factory) as db:
        kept = db.get(Application, application.id)
        assert (kept.candidate_id, kept.anonymised_at) == (None, clock.now)
        assert kept.status.value == "draft"
    # Camille (created 15 April 2024 08:00, never logged in) is warned 30 days before 36
    # months are up, on 16 March 2027 08:00 ...
    clock.now = datetime(2027, 3, 16, 7, 0, tzinfo=UTC)
    retention_tick(session_factory, settings, clock)
    assert smtp.inbox.messages == []
    clock.advance(hours=2)
    retention_tick(session_factory, settings, clock)
    [message] = smtp.inbox.messages
    assert message["To"] == "camille@example.org"
    assert message["Subject"] == "Votre compte sera supprimé le 15 avril 2027"
    with unit_of_work(session_factory) as db:
        assert db.scalar(sa.select(sa.func.count()).select_from(Notification).where(
            Notification.user_id == candidate.id)) == 1
    clock.advance(days=1)
    retention_tick(session_factory, settings, clock)
    assert len(smtp.inbox.messages) == 1  # warned once
    # ... and deleted on 15 April 2027 08:00, not before
    clock.now = datetime(2027, 4, 15, 7, 0, tzinfo=UTC)
    retention_tick(session_factory, settings, clock)
    with unit_of_work(session_factory) as db:
        assert db.get(User, candidate.id) is not None
    clock.advance(hours=2)
    retention_tick(session_factory, settings, clock)
    with unit_of_work(session_factory) as db:
        assert users.find_user(db, "camille@example.org") is None
        assert users.find_user(db, "rh@univ-st-etienne.fr") is not None
        assert db.get(Application, application.id).status.value == "draft"  # the statistics
