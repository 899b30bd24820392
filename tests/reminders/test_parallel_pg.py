"""PostgreSQL: two dispatcher processes over 5,000 due reminders deliver each exactly once."""

from __future__ import annotations

import multiprocessing

import pytest
import sqlalchemy as sa

from tests.conftest import PG_URL, scratch_postgresql
from tests.reminders.bulk import fill_due_reminders
from tests.reminders.parallel_worker import dispatch_all
from tracker import schema

pytestmark = [pytest.mark.postgresql, pytest.mark.slow]
COUNT = 5_000


def test_two_dispatcher_processes_deliver_every_in_app_reminder_exactly_once():
    # committed data in a database of its own: the processes cannot see a test transaction
    with scratch_postgresql(PG_URL, prefix="tracker_parallel") as engine:
        schema.upgrade(engine)
        fill_due_reminders(engine, COUNT)
        url = engine.url.render_as_string(hide_password=False)
        context = multiprocessing.get_context("spawn")
        barrier, results = context.Barrier(2), context.Queue()
        workers = [context.Process(target=dispatch_all, args=(url, barrier, results))
                   for _ in range(2)]
        for worker in workers:
            worker.start()
        sent = sorted(results.get(timeout=300) for _ in workers)
        for worker in workers:
            worker.join(timeout=60)
            assert worker.exitcode == 0
        print(f"sent per process: {sent}")
        with engine.connect() as connection:
            notes, distinct, users = connection.execute(sa.text(
                "SELECT count(*), count(DISTINCT reminder_id), count(DISTINCT user_id) "
                "FROM notification")).one()
            statuses = dict(connection.execute(sa.text(
                "SELECT status, count(*) FROM reminder GROUP BY status")).all())
            missing = connection.scalar(sa.text(
                "SELECT count(*) FROM reminder r WHERE NOT EXISTS "
                "(SELECT 1 FROM notification n WHERE n.reminder_id = r.id)"))
    assert sum(sent) == COUNT  # every claim delivered by exactly one of them
    assert (notes, distinct, users) == (COUNT, COUNT, COUNT)  # no duplicate
    assert missing == 0  # none missing
    assert statuses == {"sent": COUNT}
