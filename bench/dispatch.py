"""Dispatch benchmark: in-app reminders per second at 10,000 and 1,000,000 outbox rows, on
SQLite and on PostgreSQL, and does the rate stay flat as the outbox grows? (issue #16 item 3)

For each backend and each size, a fresh database (built by the real migrations) holds the same
N due in-app reminders (each for its own draft application, so each is meaningful:
tests/reminders/bulk.py) and enough other rows to make up the size: what an outbox holds after
months (sent, expired, cancelled, failed, pending later; every kind; subjects shared with the
due rows, earlier occurrences of their series). The filler is one `INSERT ... SELECT` (a
recursive CTE on SQLite, generate_series on PostgreSQL). Then `dispatch.run_once` delivers the
due rows on the in-app channel, batch after batch, with the production engine (WAL on SQLite,
psycopg's prepared statements on PostgreSQL), `--rounds` times per size alternating (the due
rows made due again in between), and the median rate is printed with the ratio of the time per
reminder at the large size to the small one. Beside each rate it prints the CPU time of the
dispatching process per reminder (`time.process_time`, median of the rounds): on a loaded
machine the wall-clock rate moves with what else runs, the CPU time much less. On SQLite it
is nearly all the work (the database runs in the process); on PostgreSQL it is the client's
share (SQLAlchemy, psycopg, the decisions, the rendering), the server's being apart.

    .venv/bin/python bench/dispatch.py                       # SQLite only
    .venv/bin/python bench/dispatch.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/postgres

With --pg (a maintenance database, never `test`), scratch databases
`tracker_bench_dispatch_warmup`, `_small` and `_large` are made on that server and dropped at
the end. A first run on a small warm-up database pays for imports, templates and catalogs.
Targets: >= 5,000/s on SQLite, >= 3,000/s on PostgreSQL, ratio <= 1.3. Prints PASS/FAIL and
exits 0 unless it crashes: a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from time import perf_counter, process_time
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.reminders import scratch  # noqa: E402  (the same scratch databases)
from tests.reminders.bulk import fill_due_reminders  # noqa: E402
from tracker.config import get_settings  # noqa: E402
from tracker.db import create_engine, make_session_factory  # noqa: E402
from tracker.models import ReminderChannel  # noqa: E402
from tracker.schema import upgrade  # noqa: E402
from tracker.services.reminders import dispatch  # noqa: E402

TARGET = {"sqlite": 5_000, "postgresql": 3_000}
MAX_RATIO = 1.3

# The filler rows: row i (1..n) has kind KINDS[i % 5], subject i // 5 among max(4 x due,
# n / 5) subjects (about one row per kind and subject: an outbox grows with the number of
# postings, applications and interviews over the months, each with a few reminders; the due
# rows' subjects are among them, so they have history), status by i % 100 (80 % sent, 5 expired,
# 7 cancelled, 1 failed, 7 pending later), an anchor 30 to 395 days back (another occurrence
# than the due rows', so it supersedes none of them) or ahead for the pending ones.
_SQLITE_FILL = """
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :rows)
INSERT INTO reminder (kind, subject_type, subject_id, recipient_key, recipient_user_id,
    recipient_email, channel, offset_spec, anchor_at, due_at, next_attempt_at, timezone, status,
    attempts, sent_at, created_at, updated_at)
SELECT kind, CASE WHEN kind IN ('review_waiting', 'closing_empty') THEN 'posting'
                  WHEN kind = 'interview_soon' THEN 'interview' ELSE 'application' END,
    (i / 5) % :subjects + 1, 'e:f' || i || '@bench.example', NULL, 'f' || i || '@bench.example',
    CASE WHEN i % 2 THEN 'email' ELSE 'in_app' END, '-7d@09:00', anchor,
    datetime(anchor, '-7 days'), datetime(anchor, '-7 days'), 'Europe/Paris', status,
    CASE WHEN status = 'pending' THEN 0 ELSE 1 END,
    CASE WHEN status = 'sent' THEN datetime(anchor, '-7 days') END, :now, :now
FROM (SELECT i,
    CASE i % 5 WHEN 0 THEN 'deadline_draft' WHEN 1 THEN 'interview_soon'
        WHEN 2 THEN 'review_waiting' WHEN 3 THEN 'closing_empty' ELSE 'no_answer' END AS kind,
    CASE WHEN i % 100 < 80 THEN 'sent' WHEN i % 100 < 85 THEN 'expired'
        WHEN i % 100 < 92 THEN 'cancelled' WHEN i % 100 < 93 THEN 'failed'
        ELSE 'pending' END AS status,
    CASE WHEN i % 100 >= 93 THEN datetime(:now, '+' || (10 + i % 60) || ' days')
        ELSE datetime(:now, '-' || (30 + i % 365) || ' days') END AS anchor
    FROM n)
"""
_PG_FILL = """
INSERT INTO reminder (kind, subject_type, subject_id, recipient_key, recipient_user_id,
    recipient_email, channel, offset_spec, anchor_at, due_at, next_attempt_at, timezone, status,
    attempts, sent_at, created_at, updated_at)
SELECT kind, CASE WHEN kind IN ('review_waiting', 'closing_empty') THEN 'posting'
                  WHEN kind = 'interview_soon' THEN 'interview' ELSE 'application' END,
    (i / 5) % :subjects + 1, 'e:f' || i || '@bench.example', NULL, 'f' || i || '@bench.example',
    CASE WHEN i % 2 = 1 THEN 'email' ELSE 'in_app' END, '-7d@09:00', anchor,
    anchor - interval '7 days', anchor - interval '7 days', 'Europe/Paris', status,
    CASE WHEN status = 'pending' THEN 0 ELSE 1 END,
    CASE WHEN status = 'sent' THEN anchor - interval '7 days' END, :now, :now
FROM (SELECT i,
    CASE i % 5 WHEN 0 THEN 'deadline_draft' WHEN 1 THEN 'interview_soon'
        WHEN 2 THEN 'review_waiting' WHEN 3 THEN 'closing_empty' ELSE 'no_answer' END AS kind,
    CASE WHEN i % 100 < 80 THEN 'sent' WHEN i % 100 < 85 THEN 'expired'
        WHEN i % 100 < 92 THEN 'cancelled' WHEN i % 100 < 93 THEN 'failed'
        ELSE 'pending' END AS status,
    CASE WHEN i % 100 >= 93 THEN CAST(:now AS timestamptz) + (10 + i % 60) * interval '1 day'
        ELSE CAST(:now AS timestamptz) - (30 + i % 365) * interval '1 day' END AS anchor
    FROM generate_series(1, :rows) AS i) AS filler
"""




def fill(url: str, total: int, due: int, now: datetime) -> float:
    """The due rows and the filler up to `total` rows; returns the filler's rows per second."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":  # for the fill only
        @event.listens_for(engine, "connect")
        def _fast(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute("PRAGMA synchronous = OFF")
    upgrade(engine)
    fill_due_reminders(engine, due, now=now)
    rows = max(0, total - due)
    subjects = max(4 * due, rows // 5)
    started = perf_counter()
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            stamp: Any = now.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S")
            connection.execute(sa.text(_SQLITE_FILL),
                               dict(rows=rows, subjects=subjects, now=stamp))
        else:
            connection.execute(sa.text(_PG_FILL), dict(rows=rows, subjects=subjects, now=now))
    rate = rows / max(perf_counter() - started, 1e-9)
    if engine.dialect.name == "postgresql":  # what autovacuum would have done by then
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    engine.dispose()
    return rate


def reset(url: str) -> None:
    """The due rows due again, their notifications gone: the same run can be timed again."""
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM notification"))
        connection.execute(sa.text(
            "UPDATE reminder SET status = 'pending', attempts = 0, sent_at = NULL, "
            "claim_token = NULL, lease_until = NULL WHERE recipient_user_id IS NOT NULL"))
    engine.dispose()


def deliver(url: str, due: int, batch_size: int) -> tuple[float, float]:
    """Reminders per second delivered by `dispatch.run_once` on the in-app channel, and the
    dispatching process's CPU time per reminder (microseconds)."""
    engine = create_engine(url)  # the production settings
    factory = make_session_factory(engine)
    started, cpu = perf_counter(), process_time()
    report = dispatch.run_once(factory, settings=get_settings(), batch_size=batch_size,
                               channels=[ReminderChannel.IN_APP])
    elapsed, cpu = perf_counter() - started, process_time() - cpu
    assert len(report.sent) == due and not report.expired, (len(report.sent), report.expired)
    with engine.connect() as connection:
        assert connection.scalar(sa.text("SELECT count(*) FROM notification")) == due
    engine.dispose()
    return due / elapsed, cpu / due * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pg", help="a PostgreSQL maintenance database URL: also run there")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--due", type=int, default=5_000,
                        help="due in-app reminders delivered at each size (5,000)")
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3,
                        help="timed runs per size, alternating; the median is reported (3)")
    args = parser.parse_args()
    now = datetime.now(UTC) - timedelta(seconds=1)
    backends = ([] if args.no_sqlite else [None]) + ([args.pg] if args.pg else [])
    load = os.getloadavg()
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M}Z, load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, "
          f"{os.cpu_count()} cores; {args.due:,} due in-app reminders, batches of "
          f"{args.batch_size}")
    for pg in backends:
        name = "postgresql" if pg else "sqlite"
        with scratch(pg, ["warmup", "small", "large"], bench="dispatch", option="--pg") as urls:
            # a first run pays for imports, templates and catalogs: not in either figure
            fill(urls["warmup"], args.due, args.due, now)
            deliver(urls["warmup"], args.due, args.batch_size)
            fills = {label: fill(urls[label], size, args.due, now)
                     for label, size in (("small", args.small), ("large", args.large))}
            runs: dict[str, list[float]] = {"small": [], "large": []}
            cpus: dict[str, list[float]] = {"small": [], "large": []}
            for round_ in range(args.rounds):  # alternating: what else runs hits both alike
                for label in ("small", "large") if round_ % 2 == 0 else ("large", "small"):
                    if round_:
                        reset(urls[label])
                    rate, cpu = deliver(urls[label], args.due, args.batch_size)
                    runs[label].append(rate)
                    cpus[label].append(cpu)
            rates = {label: statistics.median(values) for label, values in runs.items()}
            cpu_us = {label: statistics.median(values) for label, values in cpus.items()}
        ratio = rates["small"] / rates["large"]  # time per reminder, large / small
        target = TARGET[name]
        worst = min(rates.values())
        print(f"{name}: {args.small:,} outbox rows {rates['small']:,.0f}/s "
              f"(CPU {cpu_us['small']:.0f} µs/reminder), "
              f"{args.large:,} rows {rates['large']:,.0f}/s "
              f"(CPU {cpu_us['large']:.0f} µs/reminder) "
              f"(target >= {target:,}/s: {'PASS' if worst >= target else 'FAIL'}); "
              f"ratio {args.large:,}/{args.small:,} {ratio:.2f} "
              f"(target <= {MAX_RATIO}: {'PASS' if ratio <= MAX_RATIO else 'FAIL'}); "
              f"filler {fills['large']:,.0f} rows/s")


if __name__ == "__main__":
    main()
