"""A dispatcher process of the PostgreSQL concurrency test (importable by spawned children)."""

from __future__ import annotations

from tracker.config import get_settings
from tracker.db import create_engine, make_session_factory
from tracker.services.reminders import dispatch


def dispatch_all(url: str, barrier, results) -> None:  # noqa: ANN001
    engine = create_engine(url)
    factory = make_session_factory(engine)
    barrier.wait()
    sent = 0
    while True:
        report = dispatch.run_once(factory, batch_size=100, mailer=None, settings=get_settings())
        sent += len(report.sent)
        if not report.sent and not report.expired:
            break
    engine.dispose()
    results.put(sent)
