"""Reminder benchmark: in-app dispatch throughput, and does the due query stay flat?

1. Throughput: N due in-app reminders (each for its own draft application, so that each is
   meaningful) are delivered by `dispatch.run_once`: claim, decide, notification rows and the
   sent mark, batch after batch. Reminders per second, SQLite and (with --url) PostgreSQL.
2. The due query (what each claim selects: pending rows due now, oldest first, one batch) on
   10,000 and 1,000,000 reminder rows holding the same 200 due rows, the rest sent, expired,
   cancelled or pending later, as an outbox looks after months. Ratio of median times.

Prints the figures and the plans; exits 0 unless it crashes (a benchmark, not a test).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from time import perf_counter
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.reminders.bulk import fill_due_reminders  # noqa: E402
from tracker.config import get_settings  # noqa: E402
from tracker.db import create_engine, make_session_factory  # noqa: E402
from tracker.models import Reminder  # noqa: E402
from tracker.schema import upgrade  # noqa: E402
from tracker.services.reminders import dispatch

SEED, BATCH, DUE_ROWS = 20261125, 10_000, 200
KINDS = ["deadline_draft", "interview_soon", "review_waiting", "closing_empty", "no_answer"]
# status of the rows that are not due now (weights)
OTHERS = {"sent": 80, "expired": 5, "cancelled": 7, "failed": 1, "pending": 7}


@contextmanager
def scratch(url: str | None, names: list[str], *, bench: str = "reminders",
            option: str = "--url") -> Iterator[dict[str, str]]:
    """Fresh databases: SQLite files in a temporary folder, or scratch PostgreSQL databases on
    the server of `url` (a maintenance database such as `postgres`), dropped at the end. `bench`
    names them; `option` is the command-line option that gave `url` (for the refusal)."""
    if url is None:
        with tempfile.TemporaryDirectory(prefix=f"tracker-bench-{bench}-") as tmp:
            yield {name: f"sqlite:///{tmp}/{name}.db" for name in names}
        return
    base = make_url(url)
    if base.get_backend_name() != "postgresql" or base.database == "test":
        raise SystemExit(f"{option} must be a PostgreSQL URL to a maintenance database "
                         "(not `test`)")
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    full = {name: f"tracker_bench_{bench}_{name}" for name in names}

    def drop(create: bool = False) -> None:
        with admin.connect() as connection:
            for db in full.values():
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
                if create:
                    connection.exec_driver_sql(f'CREATE DATABASE "{db}"')

    drop(create=True)
    try:
        yield {name: base.set(database=db).render_as_string(hide_password=False)
               for name, db in full.items()}
    finally:
        drop()
        admin.dispose()


def fast_fill(engine: sa.Engine) -> None:
    if engine.dialect.name == "sqlite":  # for the fill only
        @event.listens_for(engine, "connect")
        def _fast(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute("PRAGMA synchronous = OFF")


def throughput(url: str, count: int, batch_size: int) -> float:
    fill_engine = create_engine(url)
    fast_fill(fill_engine)
    upgrade(fill_engine)
    fill_due_reminders(fill_engine, count)
    fill_engine.dispose()
    engine = create_engine(url)  # the production settings (WAL, synchronous NORMAL)
    factory = make_session_factory(engine)
    settings = get_settings()
    started = perf_counter()
    report = dispatch.run_once(factory, settings=settings, batch_size=batch_size)
    elapsed = perf_counter() - started
    assert len(report.sent) == count, (len(report.sent), count)
    with engine.connect() as connection:
        notes = connection.scalar(sa.text("SELECT count(DISTINCT reminder_id) FROM notification"))
    assert notes == count
    engine.dispose()
    return count / elapsed


def outbox_rows(total: int, now: datetime, rng: random.Random) -> Iterator[dict[str, Any]]:
    statuses = rng.choices(list(OTHERS), list(OTHERS.values()), k=total - DUE_ROWS)
    for i in range(1, total + 1):
        if i <= DUE_ROWS:  # the same due rows in both sets, due within the last hour
            status, due = "pending", now - timedelta(minutes=rng.uniform(1, 60))
        else:
            status = statuses[i - DUE_ROWS - 1]
            ahead = status == "pending"
            due = now + timedelta(days=rng.uniform(0.1, 60)) if ahead else (
                now - timedelta(days=rng.uniform(0.1, 365)))
        yield dict(kind=KINDS[i % len(KINDS)], subject_type="application", subject_id=i,
                   recipient_key=f"e:r{i}@bench.example", recipient_email=f"r{i}@bench.example",
                   channel="email" if i % 2 else "in_app", offset_spec="-7d@09:00",
                   anchor_at=due + timedelta(days=7), due_at=due, next_attempt_at=due, timezone="Europe/Paris", status=status,
                   attempts=1 if status != "pending" else 0,
                   sent_at=due if status == "sent" else None, created_at=now, updated_at=now)


def fill_outbox(url: str, total: int, now: datetime) -> float:
    engine = create_engine(url)
    fast_fill(engine)
    upgrade(engine)
    rng = random.Random(SEED)
    rows = outbox_rows(total, now, rng)
    started = perf_counter()
    with engine.begin() as connection:
        while chunk := [row for _, row in zip(range(BATCH), rows, strict=False)]:
            connection.execute(sa.insert(Reminder), chunk)
    rate = total / (perf_counter() - started)
    if engine.dialect.name == "postgresql":  # what autovacuum would have done by then
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE reminder")
    engine.dispose()
    return rate


def due_query(now: datetime, limit: int) -> sa.Select:
    """The selection of `dispatch.claim` (without its lock clause)."""
    return (sa.select(Reminder.id)
            .where(Reminder.status == "pending", Reminder.next_attempt_at <= now)
            .order_by(Reminder.next_attempt_at, Reminder.id).limit(limit))


def time_due(url: str, now: datetime, repeat: int, limit: int) -> tuple[float, int, list[str]]:
    engine = create_engine(url)
    query = due_query(now, limit)
    times = []
    with engine.connect() as connection:
        found = len(connection.execute(query).all())  # warm-up
        for _ in range(repeat):
            started = perf_counter()
            connection.execute(query).all()
            times.append(perf_counter() - started)
        compiled = query.compile(engine, compile_kwargs={"literal_binds": False})
        params = compiled.params
        sql = str(compiled)
        if engine.dialect.name == "sqlite":
            plan = [row[3] for row in connection.exec_driver_sql(
                f"EXPLAIN QUERY PLAN {sql}", tuple(params[k] for k in compiled.positiontup))]
        else:
            plan = [row[0] for row in connection.exec_driver_sql(f"EXPLAIN {sql}", params)]
    engine.dispose()
    return statistics.median(times), found, plan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a PostgreSQL maintenance database URL (default: SQLite)")
    parser.add_argument("--reminders", type=int, default=20_000,
                        help="due in-app reminders for the throughput (20,000)")
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=31)
    args = parser.parse_args()
    backend = "PostgreSQL" if args.url else "SQLite"
    now = datetime.now(UTC)
    with scratch(args.url, ["throughput", "small", "large"]) as urls:
        rate = throughput(urls["throughput"], args.reminders, args.batch_size)
        print(f"{backend}: in-app dispatch of {args.reminders:,} due reminders "
              f"(batches of {args.batch_size}): {rate:,.0f} reminders/s "
              + (f"(target >= 2,000/s: {'PASS' if rate >= 2000 else 'FAIL'})"
                 if backend == "SQLite" else ""))
        fill_rates = {label: fill_outbox(urls[label], size, now)
                      for label, size in (("small", args.small), ("large", args.large))}
        medians, plans = {}, {}
        for label in ("small", "large"):
            medians[label], found, plans[label] = time_due(urls[label], now, args.repeat,
                                                           args.batch_size)
            assert found == DUE_ROWS, found
        ratio = medians["large"] / medians["small"]
        print(f"{backend}: due query ({DUE_ROWS} due rows, batch {args.batch_size}), median of "
              f"{args.repeat}: {args.small:,} rows {medians['small'] * 1e3:.3f} ms, "
              f"{args.large:,} rows {medians['large'] * 1e3:.3f} ms, ratio {ratio:.2f} "
              f"(target <= 2: {'PASS' if ratio <= 2 else 'FAIL'})")
        print(f"{backend}: fill {fill_rates['large']:,.0f} rows/s")
        print(f"plan of the due query on {args.large:,} rows:")
        for line in plans["large"]:
            print(f"  {line}")


if __name__ == "__main__":
    main()
