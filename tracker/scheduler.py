"""The scheduler: APScheduler 3.11 only ticks; the database holds the truth.

Six interval jobs in an in-memory job store, each coalesced and never run twice at once:
`dispatch` (deliver the in-app reminders due) and `email` (the e-mail ones, through SMTP), every
TRACKER_SCHEDULER_INTERVAL_S seconds, apart so that a slow or absent SMTP server never delays an
in-app reminder; `reconcile` (repair the reminder rows a hook missed, every
TRACKER_RECONCILE_INTERVAL_S seconds); `digest` (plan the hr users' daily e-mail digest of
new applications, idempotent, at the reconcile's pace); `heartbeat` (this process's sign of life for /readyz);
and `retention` (the retention policy of candidates' data, every TRACKER_RETENTION_INTERVAL_H
hours: once a day). All but retention run once at start, so reminders that came due while
nothing ran go out (or expire) at once. Several scheduler processes may share one PostgreSQL
database: claims use FOR UPDATE SKIP LOCKED.

- `tracker scheduler` runs `run_forever` until SIGTERM or SIGINT, then stops cleanly: the tick
  in progress finishes, nothing new starts.
- `start_in_process(session_factory, settings)` runs the same jobs in a background thread of a
  web process (`tracker serve` with the embedded SQLite database).
- The heartbeat is taken away on a clean stop; each e-mail tick that tried e-mail records the
  SMTP result (#13, tracker.services.operations.health).
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from apscheduler.events import EVENT_SCHEDULER_SHUTDOWN
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.orm import Session, sessionmaker

from tracker.config import Settings
from tracker.db import unit_of_work, utcnow
from tracker.domain.access import OPERATOR
from tracker.models import ReminderChannel
from tracker.services.operations import health
from tracker.services.privacy import retention
from tracker.services.reminders import digest, dispatch
from tracker.services.reminders import planner as reminders

log = logging.getLogger("tracker.scheduler")
Clock = Callable[[], datetime]

_in_process: BackgroundScheduler | None = None
_in_process_lock = threading.Lock()


def dispatch_tick(factory: sessionmaker[Session], settings: Settings, clock: Clock) -> None:
    """The in-app reminders due (never waiting on an SMTP server)."""
    report = dispatch.deliver_due(factory, settings=settings, clock=clock,
                                  channels=[ReminderChannel.IN_APP])
    _log_report("dispatch", report)


def email_tick(factory: sessionmaker[Session], settings: Settings, clock: Clock,
               circuit: dispatch.Circuit) -> None:
    """The e-mail reminders due; `circuit` carries an SMTP outage from one tick to the next."""
    report = dispatch.deliver_due(factory, settings=settings, clock=clock,
                                  channels=[ReminderChannel.EMAIL], circuit=circuit)
    _record_smtp(factory, report, settings, clock)  # #13: the last SMTP result, for /readyz
    _log_report("e-mail", report)
    if report.smtp_error and report.circuit_open_until:
        log.warning("e-mail: SMTP server unreachable (%s); next try at %s, %d e-mail(s) put "
                    "back untried", report.smtp_error, report.circuit_open_until.isoformat(),
                    report.deferred)
    if report.email_waiting:
        log.warning("e-mail: %d e-mail reminder(s) wait: TRACKER_SMTP_HOST is not set",
                    report.email_waiting)


def _log_report(job: str, report: dispatch.DispatchReport) -> None:
    if report.done or report.retrying or report.released:
        log.info("%s: %d sent, %d expired or cancelled, %d to retry, %d failed, "
                 "%d lease(s) released", job, len(report.sent), len(report.expired),
                 len(report.retrying), len(report.failed), report.released)


def reconcile_tick(factory: sessionmaker[Session], clock: Clock) -> None:
    with unit_of_work(factory, write=True) as session:
        result = reminders.reconcile(session, clock=clock)
    if result.created or result.retimed or result.cancelled or result.revived:
        log.info("reconcile: %d created, %d re-timed, %d cancelled, %d revived",
                 result.created, result.retimed, result.cancelled, result.revived)


def digest_tick(factory: sessionmaker[Session], clock: Clock) -> None:
    """Plan the hr users' daily digests now due (idempotent; the e-mail job sends them)."""
    with unit_of_work(factory, write=True) as session:
        added = digest.plan_digests(session, clock=clock)
    if added:
        log.info("digest: %d daily digest(s) planned", added)


def heartbeat_tick(factory: sessionmaker[Session], settings: Settings, clock: Clock) -> None:
    """This process's sign of life for /readyz and `tracker doctor` (#13), in a job of its own
    so that a long dispatch does not make the scheduler look dead."""
    try:
        with unit_of_work(factory, write=True) as session:
            health.beat(session, now=clock(), settings=settings)
    except sa.exc.SQLAlchemyError as exc:
        log.warning("heartbeat: not written: %s", " ".join(str(exc).split())[:300])


def _record_smtp(factory: sessionmaker[Session], report: dispatch.DispatchReport,
                 settings: Settings, clock: Clock) -> None:
    try:
        with unit_of_work(factory, write=True) as session:
            health.record_dispatch(session, report=report, settings=settings, now=clock())
    except sa.exc.SQLAlchemyError as exc:
        log.warning("health: SMTP result not recorded: %s", " ".join(str(exc).split())[:300])


def _forget_heartbeat(factory: sessionmaker[Session]) -> None:
    """A clean stop takes this process's heartbeat away: nobody should wait for it."""
    try:
        with unit_of_work(factory, write=True) as session:
            health.forget(session)
    except sa.exc.SQLAlchemyError as exc:
        log.warning("heartbeat: not removed: %s", " ".join(str(exc).split())[:300])
def retention_tick(factory: sessionmaker[Session], settings: Settings, clock: Clock) -> None:
    """The retention policy, as `tracker privacy retention` runs it; the warnings' e-mails go
    after the transaction committed."""
    now = clock()
    with unit_of_work(factory, write=True) as session:
        report = retention.run(session, actor=OPERATOR, settings=settings, now=now)
    if report.skipped:
        log.info("retention: another scheduler runs it now; skipped")
        return
    mailed = retention.send_warnings(report.warnings, settings=settings, now=now)
    if report.actions:
        log.info("retention: %d application(s) anonymised, %d account(s) warned (%d e-mailed), "
                 "%d deleted", report.count("anonymise"), report.count("warn"), mailed,
                 report.count("delete"))


def build_scheduler(
    factory: sessionmaker[Session], settings: Settings, clock: Clock | None = None
) -> BackgroundScheduler:
    """A BackgroundScheduler (in-memory job store) with its jobs (dispatch, e-mail,
    reconcile, digest, heartbeat, retention), not started. The retention job first runs an hour
    after the start (then every retention_interval_h), so that restarts do not run it
    again and again."""
    clock = clock or utcnow
    scheduler = BackgroundScheduler(
        timezone=UTC,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
    )
    now = datetime.now(UTC)
    scheduler.add_job(dispatch_tick, IntervalTrigger(seconds=settings.scheduler_interval_s),
                      args=(factory, settings, clock), id="dispatch", name="dispatch",
                      next_run_time=now)
    scheduler.add_job(email_tick, IntervalTrigger(seconds=settings.scheduler_interval_s),
                      args=(factory, settings, clock, dispatch.Circuit()), id="email",
                      name="email", next_run_time=now)
    scheduler.add_job(reconcile_tick, IntervalTrigger(seconds=settings.reconcile_interval_s),
                      args=(factory, clock), id="reconcile", name="reconcile",
                      next_run_time=now)
    scheduler.add_job(digest_tick, IntervalTrigger(seconds=settings.reconcile_interval_s),
                      args=(factory, clock), id="digest", name="digest", next_run_time=now)
    scheduler.add_job(heartbeat_tick, IntervalTrigger(seconds=settings.scheduler_interval_s),
                      args=(factory, settings, clock), id="heartbeat", name="heartbeat",
                      next_run_time=now)
    scheduler.add_listener(lambda _event: _forget_heartbeat(factory), EVENT_SCHEDULER_SHUTDOWN)
    scheduler.add_job(retention_tick, IntervalTrigger(hours=settings.retention_interval_h),
                      args=(factory, settings, clock), id="retention", name="retention",
                      next_run_time=now + timedelta(hours=min(1.0, settings.retention_interval_h)))
    return scheduler


def run_forever(
    factory: sessionmaker[Session], settings: Settings, clock: Clock | None = None
) -> None:
    """Run the scheduler until SIGTERM or SIGINT; then let the running tick finish and return."""
    stop = threading.Event()

    def _stop(signum: int, _frame: object) -> None:
        log.info("scheduler: %s received, stopping", signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    scheduler = build_scheduler(factory, settings, clock)
    scheduler.start()
    log.info("scheduler: started (dispatch every %gs, reconcile every %gs, SMTP %s)",
             settings.scheduler_interval_s, settings.reconcile_interval_s,
             f"{settings.smtp_host}:{settings.smtp_effective_port}" if settings.smtp_host
             else "not configured")
    try:
        while not stop.wait(1.0):
            pass
    finally:
        scheduler.shutdown(wait=True)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        log.info("scheduler: stopped")


def start_in_process(
    session_factory: sessionmaker[Session], settings: Settings, clock: Clock | None = None,
    *, reloader: bool = False,
) -> BackgroundScheduler | None:
    """Run the dispatcher and the reconcile in a background thread of this process (for
    `tracker serve` with the embedded SQLite database) and return the started scheduler.

    At most one per process: a second call returns the first. Under Werkzeug's reloader
    (`reloader=True`), only the serving child (WERKZEUG_RUN_MAIN=true) starts it, never the
    watching parent; returns None there. Call `.shutdown()` on the result to stop it."""
    global _in_process
    if reloader and os.environ.get("WERKZEUG_RUN_MAIN") != "true":
        return None
    with _in_process_lock:
        if _in_process is None or not _in_process.running:
            scheduler = build_scheduler(session_factory, settings, clock)
            scheduler.start()
            log.info("scheduler: started in process %d", os.getpid())
            _in_process = scheduler
        return _in_process
