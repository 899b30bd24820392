"""Batches run in worker processes that open the database themselves: these tests use a
database of their own, committed (SQLite; the worker pool is the same on PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from sqlalchemy.orm import Session

from tests.pdf.conftest import attach, make_pdf, text_of
from tracker import schema
from tracker.cli import main
from tracker.cli.context import AppContext
from tracker.config import get_settings
from tracker.db import create_engine, make_session_factory
from tracker.domain.access import OPERATOR
from tracker.models import Application
from tracker.services.dossiers.batch import application_ids, run_batch
from tracker.services.operations.demo import load_demo, prepare_documents

NOW = datetime(2024, 5, 21, 8, 0, tzinfo=UTC)


@pytest.fixture
def committed_demo(tmp_path):
    url = f"sqlite:///{tmp_path / 'batch.db'}"
    engine = create_engine(url)
    schema.upgrade(engine)
    with Session(engine) as session:
        posting = load_demo(session, as_published=True, settings=get_settings(),
              documents=prepare_documents(settings=get_settings())).posting
        camille, jordan = sorted(session.query(Application).filter_by(posting_id=posting.id),
                                 key=lambda a: a.id)
        attach(session, camille, "cv", "CV.pdf", make_pdf("CV one", "CV two"))
        session.commit()
        ids = {"camille": camille.id, "jordan": jordan.id}
    yield engine, url, ids
    engine.dispose()


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_one_bad_upload_fails_its_dossier_only(committed_demo, tmp_path, workers):
    engine, url, ids = committed_demo
    with Session(engine) as session:
        jordan = session.get(Application, ids["jordan"])
        attach(session, jordan, "cv", "broken.pdf", b"%PDF-1.4\ntruncated")
        session.commit()
        all_ids = application_ids(session, "UJM-DRI-2024-CCI", actor=OPERATOR)
    seen = []
    results = run_batch(url, all_ids, workers=workers, out_dir=tmp_path / "out",
                        reports_dir=tmp_path / "reports", now=NOW,
                        on_done=seen.append)
    assert len(seen) == 2
    good, bad = results
    assert good.application_id == ids["camille"] and good.error is None
    assert good.path == tmp_path / "out" / "dossier-de-candidature-camille-martin-fr.pdf"
    assert "CV two" in text_of(good.path.read_bytes())
    assert bad.application_id == ids["jordan"] and bad.path is None
    assert bad.error.startswith("document: 'broken.pdf' cannot be appended")


@pytest.mark.slow
def test_cli_batch_reports_each_dossier(committed_demo, tmp_path):
    engine, _, ids = committed_demo
    app = AppContext(session_factory=make_session_factory(engine), clock=lambda: NOW)
    result = CliRunner().invoke(main, ["dossier", "batch", "--posting", "UJM-DRI-2024-CCI",
                                       "--workers", "2", "-o", str(tmp_path / "out")], obj=app)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "2 made, 0 failed"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "dossier-de-candidature-camille-martin-fr.pdf", "dossier-de-candidature-jordan-smith-fr.pdf"]


@pytest.mark.slow
def test_workers_are_recycled_without_stalling(committed_demo, tmp_path, monkeypatch):
    import signal

    from tracker.services.dossiers import batch as dossier_batch

    engine, url, ids = committed_demo
    monkeypatch.setattr(dossier_batch, "RECYCLE_AFTER", 1)  # a new worker for every dossier

    def stalled(*_):
        raise TimeoutError("the batch stalled")

    signal.signal(signal.SIGALRM, stalled)
    signal.alarm(180)
    try:
        results = run_batch(url, [ids["camille"], ids["jordan"]] * 2, workers=1,
                            out_dir=tmp_path / "out",
                        reports_dir=tmp_path / "reports", now=NOW)
    finally:
        signal.alarm(0)
    assert len(results) == 4 and not [r for r in results if r.error]
