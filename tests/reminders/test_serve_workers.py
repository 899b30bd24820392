"""`tracker serve --workers 2` (#16 item 5): gunicorn forks two web processes, each with its own
engine, and `tracker scheduler` and `tracker worker` run beside them on the embedded SQLite
database: pages are served, a due reminder is delivered, and SIGTERM stops every process."""

from __future__ import annotations

import signal
import time
import urllib.request
from pathlib import Path

import sqlalchemy as sa

from tests.reminders.test_serve import _env, _free_port, _status_change_waiting
from tracker.db import create_engine
from tracker.models import Notification

TRACKER = str(Path(__import__("sys").executable).with_name("tracker"))


def _children(pid: int) -> set[int]:
    """The live processes whose parent is `pid` (read from /proc)."""
    found = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines()
                          if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid) and fields.get("State", "")[:1] != "Z":
            found.add(int(status.parent.name))
    return found


def test_two_web_processes_and_the_dispatcher_beside_them(tmp_path: Path) -> None:
    import subprocess

    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    camille = _status_change_waiting(url)
    engine = create_engine(url)
    port = _free_port()
    process = subprocess.Popen([TRACKER, "serve", "--port", str(port), "--workers", "2",
                                "--threads", "2"], env=_env(tmp_path),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    served, titles, family = 0, [], set()
    try:
        give_up = time.monotonic() + 90  # a bound, not a timing assertion
        while time.monotonic() < give_up and process.poll() is None:
            time.sleep(0.3)
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
                    served += r.status == 200
            except OSError:
                continue
            with engine.connect() as conn:
                titles = list(conn.scalars(sa.select(Notification.title).where(
                    Notification.user_id == camille)))
            family = _children(process.pid)
            if served and titles and len(family) >= 4:
                break
        # gunicorn's master runs under the CLI process: its workers are its children
        processes = family | {p for child in family for p in _children(child)}
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=60)
    assert served, output
    assert titles == [
        "Application moved to “Under review”: Chargé de coopération internationale"], output
    # two gunicorn workers, the dispatcher and the dossier worker: four processes beside this one
    assert len(processes) >= 4, (processes, output)
    assert "Web UI: http://127.0.0.1:" in output and "2 processes of 2 threads" in output
    assert "Reminders: dispatched by a `tracker scheduler` process" in output
    assert "Dossiers: made by a `tracker worker` process beside them, 1 at a time" in output
    assert output.count("Dossiers: worker stopped") == 1, output
    # said once, by the master: the forked workers leave through the same code and must not
    # stop (or claim to stop) the dispatcher
    assert output.count("Reminders: dispatcher stopped") == 1, output
    assert process.returncode == 0, output
    assert not any(Path(f"/proc/{pid}").exists() and _alive(pid) for pid in processes)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in state
