"""/healthz and /readyz as a load balancer sees them: JSON, no log-in, no cookie, no personal
data; the scheduler's heartbeat (a real `tracker scheduler` process) and the last SMTP result
(a real SMTP server on loopback, then stopped)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from pydantic import SecretStr

from tests.reminders.conftest import SmtpServer, free_port
from tests.reminders.test_scheduler import TRACKER, count, seed, wait_for
from tests.web.conftest import web_settings
from tracker import scheduler
from tracker.app import create_app
from tracker.config import get_settings
from tracker.db import create_engine, make_session_factory, utcnow
from tracker.models import ServiceHeartbeat
from tracker.services.operations import health
from tracker.services.reminders import dispatch
from tracker.services.reminders.dispatch import DispatchReport


def get(app, path: str) -> tuple[int, dict, dict]:  # noqa: ANN001
    response = app.test_client().get(path)
    assert response.mimetype == "application/json"
    assert "Set-Cookie" not in response.headers
    return response.status_code, response.get_json(), dict(response.headers)


@pytest.fixture
def app(session_factory, clock, tmp_path: Path):  # noqa: ANN001, ANN201
    return create_app(web_settings(tmp_path, scheduler_interval_s=30), session_factory=session_factory,
                      clock=clock)


def test_healthz_answers_without_log_in_or_database(tmp_path: Path) -> None:
    # a database nobody listens on: the process is alive all the same
    dead = make_session_factory(create_engine(f"postgresql+psycopg://tracker@127.0.0.1:{free_port()}/x"))
    app = create_app(web_settings(tmp_path), session_factory=dead)
    status, body, headers = get(app, "/healthz")
    assert (status, body) == (200, {"status": "alive"})
    assert headers["Cache-Control"] == "no-store"
    status, body, _ = get(app, "/readyz")
    assert status == 503
    assert body == {"status": "not ready",
                    "checks": {"database": {"ok": False, "error": "OperationalError"}}}


def test_readyz_with_the_schema_at_head_and_no_scheduler(app) -> None:  # noqa: ANN001
    status, body, _ = get(app, "/readyz")
    assert status == 200 and body["status"] == "ready"
    checks = body["checks"]
    assert checks["database"]["ok"] is True
    assert checks["schema"]["ok"] is True and checks["schema"]["revision"] == checks["schema"]["head"]
    assert checks["scheduler"] == {"ok": True, "running": False}
    assert checks["smtp"] == {"configured": False}


def test_readyz_is_503_when_the_schema_is_behind(app, session) -> None:  # noqa: ANN001
    session.execute(sa.text("UPDATE alembic_version SET version_num = '0015'"))
    session.commit()
    status, body, _ = get(app, "/readyz")
    assert status == 503
    assert body["checks"]["schema"] == {"ok": False, "revision": "0015",
                                        "head": body["checks"]["schema"]["head"]}
    assert body["checks"]["schema"]["head"] != "0015"


def test_a_stale_heartbeat_makes_readyz_503_and_a_clean_stop_clears_it(app, session, clock):  # noqa: ANN001
    settings = get_settings().model_copy(update={"scheduler_interval_s": 30})
    health.beat(session, now=clock(), settings=settings, instance="web-1:41")
    session.commit()
    clock.advance(seconds=100)
    status, body, _ = get(app, "/readyz")
    assert status == 200
    assert body["checks"]["scheduler"] == {
        "ok": True, "running": True, "in_this_process": False,
        "last_beat": "2024-04-15T08:00:00Z", "age_s": 100, "stale_after_s": 150, "instances": 1}
    clock.advance(seconds=51)  # three ticks and a minute without a beat
    status, body, _ = get(app, "/readyz")
    assert status == 503 and body["status"] == "not ready"
    assert body["checks"]["scheduler"]["ok"] is False
    # another instance beating is enough: a crashed one's row does not hold the others up
    health.beat(session, now=clock(), settings=settings, instance="web-2:7")
    session.commit()
    assert get(app, "/readyz")[0] == 200
    # ... unless the scheduler that died is this process's own
    health.beat(session, now=clock() - timedelta(seconds=200), settings=settings)
    session.commit()
    status, body, _ = get(app, "/readyz")
    assert status == 503 and body["checks"]["scheduler"]["in_this_process"] is True
    for instance in ("web-1:41", "web-2:7", None):
        health.forget(session, instance=instance)
    session.commit()
    status, body, _ = get(app, "/readyz")
    assert status == 200 and body["checks"]["scheduler"] == {"ok": True, "running": False}


def test_beats_of_crashed_instances_are_pruned_after_a_day(session, clock) -> None:  # noqa: ANN001
    settings = get_settings()
    health.beat(session, now=clock(), settings=settings, instance="old:1")
    clock.advance(hours=25)
    health.beat(session, now=clock(), settings=settings, instance="new:2")
    assert session.scalars(sa.select(ServiceHeartbeat.instance)).all() == ["new:2"]


def test_the_smtp_error_shown_has_no_address_nor_credential(app, session, clock) -> None:  # noqa: ANN001
    settings = get_settings().model_copy(update={
        "smtp_host": "mail.example.org", "smtp_user": "relay-user",
        "smtp_password": SecretStr("s3cret-pass")})
    report = DispatchReport(retrying=[{"id": 1, "error": (
        "SMTPRecipientsRefused: {'camille.martin@example.org': (550, b'5.1.1 "
        "<camille.martin@example.org>: unknown; auth relay-user/s3cret-pass')}")}])
    assert health.record_dispatch(session, report=report, settings=settings, now=clock())
    session.commit()
    status, body, _ = get(app, "/readyz")
    assert status == 200  # a mail outage never takes the web pages out of the load balancer
    last = body["checks"]["smtp"]["last"]
    assert last["ok"] is False and last["at"] == "2024-04-15T08:00:00Z"
    assert "550" in last["error"] and "<address>" in last["error"]
    text = json.dumps(body)
    for secret in ("camille", "example.org", "relay-user", "s3cret"):
        assert secret not in text
    # nothing tried: nothing recorded
    assert not health.record_dispatch(session, report=DispatchReport(), settings=settings,
                                      now=clock())


def test_the_scheduler_tick_records_the_smtp_result_then_the_outage(tmp_path: Path) -> None:
    """A due e-mail reminder, a real SMTP server: the tick records `ok`; the server stopped,
    the next due e-mail's tick records the refused connection; /readyz shows both in turn."""
    engine = seed(f"sqlite:///{tmp_path / 'tracker.db'}")
    factory = make_session_factory(engine)
    smtp = SmtpServer(free_port())
    smtp.start()
    settings = get_settings().model_copy(update={
        "smtp_host": "127.0.0.1", "smtp_port": smtp.port, "smtp_tls": "none",
        "smtp_timeout_s": 5, "data_dir": tmp_path, "secret_key": "x" * 40,
        "secure_cookies": False})
    app = create_app(settings, session_factory=factory)
    try:
        scheduler.email_tick(factory, settings, utcnow, dispatch.Circuit())
        assert len(smtp.inbox.messages) == 1
    finally:
        smtp.stop()
    status, body, _ = get(app, "/readyz")
    assert status == 200 and body["checks"]["smtp"]["configured"] is True
    assert body["checks"]["smtp"]["last"]["ok"] is True
    assert body["checks"]["smtp"]["last"]["error"] is None
    with engine.begin() as connection:  # the same reminder due again, the server now gone
        connection.execute(sa.text("UPDATE reminder SET status = 'pending', sent_at = NULL "
                                   "WHERE channel = 'email'"))
    scheduler.email_tick(factory, settings, utcnow, dispatch.Circuit())
    status, body, _ = get(app, "/readyz")
    assert status == 200
    last = body["checks"]["smtp"]["last"]
    assert last["ok"] is False and "ConnectionRefusedError" in last["error"]
    assert "camille" not in json.dumps(body)
    engine.dispose()


def test_a_scheduler_process_beats_and_takes_its_beat_away_when_stopped(tmp_path: Path) -> None:
    engine = seed(f"sqlite:///{tmp_path / 'tracker.db'}")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env.update(TRACKER_DATA_DIR=str(tmp_path), TRACKER_SCHEDULER_INTERVAL_S="0.5",
               TRACKER_RECONCILE_INTERVAL_S="60")
    process = subprocess.Popen([str(TRACKER), "scheduler"], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    settings = get_settings().model_copy(update={"data_dir": tmp_path, "secret_key": "x" * 40,
                                                 "scheduler_interval_s": 0.5})
    app = create_app(settings, session_factory=make_session_factory(engine))
    try:
        wait_for(lambda: count(engine, ServiceHeartbeat, name="scheduler") == 1)
        with engine.connect() as connection:
            instance = connection.scalar(sa.select(ServiceHeartbeat.instance))
        assert instance.endswith(f":{process.pid}")
        status, body, _ = get(app, "/readyz")
        assert status == 200 and body["checks"]["scheduler"]["running"] is True
        assert body["checks"]["scheduler"]["in_this_process"] is False
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert count(engine, ServiceHeartbeat, name="scheduler") == 0
    assert get(app, "/readyz")[1]["checks"]["scheduler"] == {"ok": True, "running": False}
    engine.dispose()


def test_the_in_process_scheduler_has_a_heartbeat_job(tmp_path: Path) -> None:
    engine = seed(f"sqlite:///{tmp_path / 'tracker.db'}")
    factory = make_session_factory(engine)
    settings = get_settings().model_copy(update={"scheduler_interval_s": 0.5, "smtp_host": None})
    built = scheduler.build_scheduler(factory, settings)
    assert {job.id for job in built.get_jobs()} == {"dispatch", "email", "reconcile", "digest", "heartbeat", "retention"}
    built.start()
    try:
        wait_for(lambda: count(engine, ServiceHeartbeat, instance=health.instance_name()) == 1)
    finally:
        built.shutdown(wait=True)
    assert count(engine, ServiceHeartbeat, name="scheduler") == 0
    engine.dispose()
