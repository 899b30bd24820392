"""`tracker serve` on the embedded SQLite database runs the reminder dispatcher in-process: a
real server subprocess delivers a due reminder to the in-app inbox while it runs, and stops
the dispatcher cleanly on SIGTERM. With `--no-scheduler` it says it leaves that to
`tracker scheduler`."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

from tracker.config import get_settings
from tracker.db import create_engine, make_session_factory, unit_of_work
from tracker.domain.access import OPERATOR
from tracker.models import (
    Notification,
    Reminder,
    ReminderChannel,
    ReminderKind,
    ReminderStatus,
)
from tracker.schema import ensure_ready
from tracker.services.accounts import organisations, users
from tracker.services.hiring import applications, postings

TRACKER = str(Path(sys.executable).with_name("tracker"))


def _env(data: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env.update(TRACKER_DATA_DIR=str(data), TRACKER_REPORTS_DIR=str(data / "reports"),
               TRACKER_SCHEDULER_INTERVAL_S="1", **extra)
    return env


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _status_change_waiting(url: str) -> int:
    """hr moved Camille's application: a status_changed reminder is due now. Returns her id."""
    engine = create_engine(url)
    ensure_ready(engine, embedded=True)
    factory = make_session_factory(engine)
    with unit_of_work(factory) as session:
        org = organisations.create_organisation(session, slug="ujm", name="UJM", actor=OPERATOR)
        org.acknowledge_applications = False  # the one notice here: the status change (#14)
        hr = users.create_user(session, email="rh@ujm.example", full_name="Claire Dubois",
                               role="hr", organisation="ujm", actor=OPERATOR)
        camille = users.create_user(session, email="camille@example.org",
                                    full_name="Camille Martin", role="candidate", locale="en", actor=OPERATOR)
        posting = postings.create_posting(session, {
            "title": "Chargé de coopération internationale", "organisation": "ujm",
            "employment_type": "fixed_term",
            "valid_through_date": (date.today() + timedelta(days=20)).isoformat()}, actor=hr, settings=get_settings())
        postings.set_status(session, posting, "open", actor=hr)
        app = applications.start(session, posting, camille, actor=camille)
        applications.move(session, app, "submitted", actor=camille)
        applications.move(session, app, "under_review", actor=hr)
        camille_id = camille.id
    engine.dispose()
    return camille_id


def _serve(data: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    port = _free_port()
    process = subprocess.Popen([TRACKER, "serve", "--port", str(port), *args], env=_env(data),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return process, f"http://127.0.0.1:{port}"


def test_serve_delivers_due_reminders_in_process_and_stops_cleanly(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    camille = _status_change_waiting(url)
    engine = create_engine(url)
    process, _base = _serve(tmp_path)
    try:
        titles: list[str] = []
        give_up = time.monotonic() + 60  # a bound, not a timing assertion
        while not titles and time.monotonic() < give_up and process.poll() is None:
            time.sleep(0.3)
            with engine.connect() as conn:
                titles = list(conn.scalars(sa.select(Notification.title).where(
                    Notification.user_id == camille)))
        assert titles == [
            "Application moved to “Under review”: Chargé de coopération internationale"]
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    assert "Reminders: dispatched in this process every 1 s" in output
    assert "sent in-app to camille@example.org" in output
    assert "Reminders: dispatcher stopped" in output
    with engine.connect() as conn:  # e-mail waits for an SMTP server; in-app went out once
        statuses = dict(conn.execute(sa.select(Reminder.channel, Reminder.status).where(
            Reminder.kind == ReminderKind.STATUS_CHANGED)).all())
    assert statuses == {ReminderChannel.IN_APP: ReminderStatus.SENT,
                        ReminderChannel.EMAIL: ReminderStatus.PENDING}


def test_serve_without_the_scheduler_leaves_reminders_to_tracker_scheduler(
        tmp_path: Path) -> None:
    process, base = _serve(tmp_path, "--no-scheduler")
    try:
        give_up = time.monotonic() + 60
        while time.monotonic() < give_up and process.poll() is None:
            try:
                with urllib.request.urlopen(base + "/", timeout=2):
                    break
            except OSError:
                time.sleep(0.2)
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    assert "Reminders: not dispatched here (run `tracker scheduler`)" in output
    assert "dispatcher stopped" not in output
