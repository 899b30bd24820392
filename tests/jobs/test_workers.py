"""Workers: a job made in a bounded child process from a real database file, the progress and
the file written by the child; a child over its time limit fails the job with the reason; on
PostgreSQL, two workers claiming at once never take the same job."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from tests.conftest import PG_URL, Clock, scratch_postgresql
from tests.pdf.conftest import NOW, text_of
from tracker import schema
from tracker.config import Settings, get_settings
from tracker.db import create_engine, make_session_factory, unit_of_work
from tracker.domain.access import OPERATOR
from tracker.models import Job, JobKind, JobStatus
from tracker.services.jobs import queue, work_once
from tracker.services.operations.demo import load_demo, prepare_documents


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sessionmaker[Session]]:
    """The demo in an SQLite file, committed: what a worker's child process reads."""
    path = tmp_path_factory.mktemp("jobs") / "tracker.db"
    engine = create_engine(f"sqlite:///{path}")
    schema.upgrade(engine)
    factory = make_session_factory(engine)
    with unit_of_work(factory, write=True) as session:
        load_demo(session, as_published=True, clock=Clock(NOW), settings=get_settings(),
                  documents=prepare_documents(settings=get_settings()))
    yield factory
    engine.dispose()


def ask(factory: sessionmaker[Session], settings: Settings, lang: str) -> int:
    with unit_of_work(factory, write=True) as session:
        job = queue.request(session, JobKind.PANEL, {"reference": "UJM-DRI-2024-CCI"}, OPERATOR,
                            lang=lang, settings=settings, clock=Clock(NOW))
        return job.id


def load(factory: sessionmaker[Session], job_id: int) -> Job:
    with factory() as session:
        job = session.get(Job, job_id)
        assert job is not None
        session.expunge(job)
        return job


def test_a_worker_makes_the_job_in_a_bounded_child(demo_file, tmp_path: Path) -> None:  # noqa: ANN001
    settings = Settings(reports_dir=tmp_path / "reports", job_timeout_s=120)
    job_id = ask(demo_file, settings, "fr")
    assert work_once(demo_file, settings=settings, worker="test-worker", clock=Clock(NOW))
    job = load(demo_file, job_id)
    assert job.status is JobStatus.DONE, (job.error_code, job.error_params)
    assert job.claimed_by == "test-worker" and job.progress_done == job.progress_total
    path = queue.result_file(job, settings)
    assert path is not None
    text = text_of(path.read_bytes())
    assert "Dossier du jury" in text and "Camille Martin" in text
    assert not work_once(demo_file, settings=settings, worker="test-worker", clock=Clock(NOW))


def test_a_child_over_its_time_fails_the_job_with_the_limit(demo_file, tmp_path: Path) -> None:  # noqa: ANN001
    settings = Settings(reports_dir=tmp_path / "reports", job_timeout_s=0.3)
    job_id = ask(demo_file, settings, "en")
    assert work_once(demo_file, settings=settings, worker="test-worker", clock=Clock(NOW))
    job = load(demo_file, job_id)
    assert job.status is JobStatus.FAILED
    assert (job.error_code, job.error_params) == ("timeout", {"seconds": 1})
    assert queue.result_file(job, settings) is None


@pytest.mark.postgresql
def test_two_workers_never_take_one_job_on_postgresql() -> None:
    assert PG_URL
    with scratch_postgresql(PG_URL, prefix="tracker_jobs") as engine:
        schema.upgrade(engine)
        factory = make_session_factory(engine)
        now = datetime(2024, 5, 21, 8, 0, tzinfo=UTC)
        with unit_of_work(factory, write=True) as session:
            session.execute(sa.insert(Job), [
                {"kind": JobKind.PANEL, "params": {}, "language": "fr", "digest": f"{i:064d}",
                 "status": JobStatus.QUEUED, "attempts": 0, "progress_done": 0,
                 "progress_total": 1, "created_at": now, "updated_at": now}
                for i in range(200)])
        taken: dict[str, list[int]] = {"a": [], "b": []}
        start = threading.Barrier(2)

        def worker(name: str) -> None:
            start.wait()
            while (claimed := queue.claim(factory, worker=name, now=now,
                                          lease=timedelta(seconds=960))) is not None:
                taken[name].append(claimed.job_id)

        threads = [threading.Thread(target=worker, args=(name,)) for name in taken]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert taken["a"] and taken["b"], taken  # both worked
        assert not set(taken["a"]) & set(taken["b"])
        assert len(taken["a"]) + len(taken["b"]) == 200
