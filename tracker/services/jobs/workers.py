"""Workers: claim dossier jobs and make each one in a child process bounded in wall-clock time
(TRACKER_JOB_TIMEOUT_S), address space (TRACKER_JOB_MEMORY_MB) and CPU time, so that a dossier
too big or a hostile upload fails its job, never the process that serves pages.

- `Pool` runs `threads` claiming threads in a process: `tracker serve` on the embedded SQLite
  database starts one (TRACKER_JOB_WORKERS threads, each running one child at a time).
- `run_forever` is `tracker worker`: the same loop on any machine that reaches the database;
  with PostgreSQL several workers share the queue (claims use FOR UPDATE SKIP LOCKED).

The child (`python -m tracker.services.jobs.workers`) reads its orders as one JSON line on
stdin (the database URL stays out of the process list), limits itself, makes the dossier with
tracker.services.jobs.make (progress and result are written by the child itself, on its claim)
and exits. The parent fails the job with the reason when the child is killed or crashes.
"""

from __future__ import annotations

import json
import logging
import math
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from tracker.config import Settings
from tracker.db import utcnow
from tracker.services.jobs import queue
from tracker.services.jobs.queue import Claim

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
_PROJECT_ROOT = Path(__file__).resolve().parents[3]


def worker_name(suffix: str = "") -> str:
    return f"{socket.gethostname()}:{os.getpid()}{suffix}"


def database_url(factory: sessionmaker[Session]) -> str:
    return str(factory.kw["bind"].url.render_as_string(hide_password=False))


def run_bounded(factory: sessionmaker[Session], claimed: Claim, *, settings: Settings,
                clock: Clock = utcnow) -> str:
    """Make the claimed job in a bounded child; 'done', 'failed' or the reason it was stopped."""
    from tracker import bounded

    orders = {"url": database_url(factory), "job_id": claimed.job_id, "token": claimed.token,
              "reports_dir": str(settings.reports_dir), "lease_s": settings.job_lease_s,
              "timeout_s": settings.job_timeout_s,
              "memory_mb": settings.job_memory_mb,
              "part_workers": settings.dossier_part_workers,
              "cpu_s": bounded.cpu_backstop(settings.job_timeout_s)}
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(_PROJECT_ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    try:
        done = subprocess.run([sys.executable, "-m", "tracker.services.jobs.workers"],
                              input=json.dumps(orders).encode(), capture_output=True,
                              timeout=settings.job_timeout_s, env=env, check=False)
    except subprocess.TimeoutExpired:
        queue.fail(factory, claimed, code="timeout",
                   params={"seconds": math.ceil(settings.job_timeout_s)}, now=clock())
        return "timeout"
    except OSError as exc:  # no process could start: leave the job to its lease
        log.error("job #%d: the dossier maker did not start: %s", claimed.job_id, exc)
        return "not started"
    stderr = done.stderr.decode("utf-8", "replace")
    answer = done.stdout.decode("utf-8", "replace").strip()
    if done.returncode == 0 and answer in ("done", "failed", "lost"):
        return answer
    if done.returncode == -signal.SIGXCPU:
        code, params = "timeout", {"seconds": math.ceil(settings.job_timeout_s)}
    elif "MemoryError" in stderr or "Cannot allocate memory" in stderr or \
            done.returncode == 3:
        code, params = "memory", {"mb": settings.job_memory_mb}
    else:
        code, params = "crashed", {"attempts": 1}
    log.error("job #%d failed (%s): exit %s %s", claimed.job_id, code, done.returncode,
              bounded.clip(stderr.strip().splitlines()[-1] if stderr.strip() else ""))
    queue.fail(factory, claimed, code=code, params=params, now=clock())
    return code


def work_once(factory: sessionmaker[Session], *, settings: Settings, worker: str,
              clock: Clock = utcnow) -> bool:
    """Claim one job and make it in a bounded child; False if none was queued."""
    claimed = queue.claim(factory, worker=worker, now=clock(),
                          lease=timedelta(seconds=settings.job_lease_s),
                          max_attempts=settings.job_max_attempts)
    if claimed is None:
        return False
    outcome = run_bounded(factory, claimed, settings=settings, clock=clock)
    log.info("job #%d: %s (%s)", claimed.job_id, outcome, worker)
    return True


class Pool:
    """`threads` threads that claim and make jobs until `stop()`."""

    def __init__(self, factory: sessionmaker[Session], settings: Settings, *, threads: int,
                 clock: Clock = utcnow) -> None:
        self.factory, self.settings, self.clock = factory, settings, clock
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._loop, args=(i,), daemon=True,
                                          name=f"tracker-jobs-{i}") for i in range(threads)]

    def start(self) -> Pool:
        for thread in self._threads:
            thread.start()
        return self

    def _loop(self, index: int) -> None:
        name = worker_name(f"/{index}")
        while not self._stop.is_set():
            try:
                busy = work_once(self.factory, settings=self.settings, worker=name,
                                 clock=self.clock)
            except Exception:  # noqa: BLE001  (a database outage: try again later)
                log.exception("jobs: claiming failed; trying again")
                busy = False
            if not busy:
                self._stop.wait(self.settings.job_poll_s)

    def stop(self, timeout: float | None = None) -> None:
        """No new job starts; the ones running finish (or are taken again after their lease)."""
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout)


def run_forever(factory: sessionmaker[Session], settings: Settings, *, threads: int,
                clock: Clock = utcnow) -> None:
    """`tracker worker`: a pool until SIGTERM or SIGINT."""
    pool = Pool(factory, settings, threads=threads, clock=clock).start()
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set())
                for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        stop.wait()
    finally:
        pool.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


# -- in the child ----------------------------------------------------------------------------


def _child_main() -> int:
    from tracker import bounded
    from tracker.db import create_engine, make_session_factory
    from tracker.services.jobs.make import run

    orders = json.loads(sys.stdin.buffer.readline())
    bounded.limit_child(int(orders["memory_mb"]), int(orders["cpu_s"]))
    logging.disable(logging.CRITICAL)
    settings = Settings(reports_dir=Path(orders["reports_dir"]), job_lease_s=orders["lease_s"],
                        job_timeout_s=orders["timeout_s"],
                        dossier_part_workers=orders.get("part_workers", 0))
    factory = make_session_factory(create_engine(orders["url"]))
    claimed = Claim(int(orders["job_id"]), str(orders["token"]))
    try:
        made = run(factory, claimed, settings=settings)
    except MemoryError:
        return 3
    if made:
        answer = "done"
    else:
        with factory() as session:
            from tracker.models import Job, JobStatus

            job = session.get(Job, claimed.job_id)
            answer = "failed" if job is not None and job.status is JobStatus.FAILED else "lost"
    sys.stdout.write(answer + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(_child_main())
