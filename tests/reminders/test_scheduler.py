"""The scheduler: a real `tracker scheduler` process that delivers and stops on a signal, and
the in-process start the web face uses."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time as wall
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.conftest import POSTING
from tracker import schema
from tracker.config import get_settings
from tracker.db import create_engine, make_session_factory, unit_of_work
from tracker.domain.access import OPERATOR
from tracker.domain.timeutil import local_today
from tracker.models import Notification, Reminder
from tracker.scheduler import start_in_process
from tracker.services.accounts import organisations, users
from tracker.services.hiring import applications, postings

TRACKER = Path(sys.executable).parent / "tracker"


def seed(url: str) -> sa.Engine:
    """A database whose draft application's 7-day reminder is already due (real time): the
    deadline is five days from today, and the draft was started three days ago (before that
    reminder's time: one planned after its time would expire, not go out)."""
    engine = create_engine(url)
    schema.upgrade(engine)
    with unit_of_work(make_session_factory(engine)) as session:
        organisations.create_organisation(session, slug="ujm", name="Université Jean Monnet", actor=OPERATOR)
        hr = users.create_user(session, email="rh@univ-st-etienne.fr", full_name="Claire Dubois",
                               role="hr", organisation="ujm", actor=OPERATOR)
        deadline = local_today(datetime.now(UTC), "Europe/Paris") + timedelta(days=5)
        posting = postings.create_posting(
            session, dict(POSTING, valid_through_date=deadline.isoformat(), date_posted=None,
                          job_start_date=None), actor=hr, settings=get_settings())
        postings.set_status(session, posting, "open", actor=hr)
        candidate = users.create_user(session, email="camille@example.org",
                                      full_name="Camille Martin", role="candidate", actor=OPERATOR)
        three_days_ago = datetime.now(UTC) - timedelta(days=3)
        applications.start(session, posting, candidate, actor=candidate,
                           clock=lambda: three_days_ago)
    return engine


def wait_for(predicate, timeout: float = 60.0) -> None:
    """Wait (not a timing assertion: a generous bound) until `predicate()` holds."""
    end = wall.monotonic() + timeout
    while not predicate():
        if wall.monotonic() > end:
            raise AssertionError("gave up waiting")
        wall.sleep(0.2)


def count(engine: sa.Engine, model, **where) -> int:
    with engine.connect() as connection:
        query = sa.select(sa.func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return connection.scalar(query)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_scheduler_process_delivers_and_stops_cleanly(tmp_path, smtp, signum):
    engine = seed(f"sqlite:///{tmp_path / 'tracker.db'}")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env.update(TRACKER_DATA_DIR=str(tmp_path), TRACKER_SCHEDULER_INTERVAL_S="0.5",
               TRACKER_RECONCILE_INTERVAL_S="1", TRACKER_SMTP_HOST="127.0.0.1",
               TRACKER_SMTP_PORT=str(smtp.port), TRACKER_SMTP_TLS="none")
    process = subprocess.Popen([str(TRACKER), "scheduler"], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: count(engine, Notification) == 1 and len(smtp.inbox.messages) == 1)
        process.send_signal(signum)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert f"scheduler: {signal.Signals(signum).name} received, stopping" in err
    assert err.rstrip().endswith("scheduler: stopped")
    assert "sent in-app to camille@example.org: Date limite dans " in err
    assert "e-mailed to camille@example.org" in err
    assert count(engine, Reminder, status="sent") == 2
    assert count(engine, Notification) == 1 and len(smtp.inbox.messages) == 1
    engine.dispose()


def test_in_process_start_runs_once_per_process_and_not_in_the_reloader_parent(
    tmp_path, monkeypatch
):
    engine = seed(f"sqlite:///{tmp_path / 'tracker.db'}")
    factory = make_session_factory(engine)
    settings = get_settings().model_copy(update={"scheduler_interval_s": 0.5,
                                                 "smtp_host": None})
    monkeypatch.delenv("WERKZEUG_RUN_MAIN", raising=False)
    assert start_in_process(factory, settings, reloader=True) is None  # the watcher process
    monkeypatch.setenv("WERKZEUG_RUN_MAIN", "true")
    scheduler = start_in_process(factory, settings, reloader=True)
    try:
        assert scheduler is not None and scheduler.running
        assert start_in_process(factory, settings) is scheduler
        job = scheduler.get_job("dispatch")
        assert (job.coalesce, job.max_instances) == (True, 1)
        wait_for(lambda: count(engine, Notification) == 1)
    finally:
        scheduler.shutdown(wait=True)
    assert not scheduler.running
    assert count(engine, Notification) == 1
    engine.dispose()
