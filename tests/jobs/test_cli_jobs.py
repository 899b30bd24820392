"""The command line and dossier jobs: `tracker dossier panel` shows a progress bar on a
terminal's stderr and keeps stdout to the path; asked again with nothing changed it copies the
stored dossier; `tracker worker --once` makes the jobs waiting in bounded child processes."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from click.testing import CliRunner

from tests.conftest import Clock
from tests.jobs.test_workers import NOW, ask, demo_file, load  # noqa: F401  (fixture)
from tests.pdf.conftest import text_of
from tracker.cli import main
from tracker.cli.context import AppContext
from tracker.config import Settings
from tracker.models import Job, JobStatus


def test_the_panel_dossier_shows_a_bar_then_is_served_from_its_copy(
        cli, demo, session, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    cli.clock.now = NOW
    monkeypatch.setenv("FORCE_COLOR", "1")  # stderr is a terminal, as for a person
    monkeypatch.setenv("COLUMNS", "100")
    first = cli(["dossier", "panel", "UJM-DRI-2024-CCI", "-o", str(tmp_path / "a.pdf")])
    assert first.exit_code == 0, first.output
    assert first.stdout == f"{tmp_path / 'a.pdf'}\n"
    assert "panel dossier: applicants" in first.stderr and "2/2" in first.stderr
    assert "Camille Martin" in text_of((tmp_path / "a.pdf").read_bytes())
    monkeypatch.delenv("FORCE_COLOR")
    again = cli(["dossier", "panel", "UJM-DRI-2024-CCI", "-o", str(tmp_path / "b.pdf")])
    assert again.exit_code == 0 and again.stdout == f"{tmp_path / 'b.pdf'}\n"
    assert again.stderr == ""  # no terminal: no bar
    assert (tmp_path / "b.pdf").read_bytes() == (tmp_path / "a.pdf").read_bytes()
    assert session.scalar(sa.select(sa.func.count()).select_from(Job)) == 1


def test_a_failed_dossier_says_why(cli, demo, session, tmp_path: Path) -> None:  # noqa: ANN001
    from tests.pdf.conftest import attach

    cli.clock.now = NOW
    attach(session, demo["camille"], "other", "Abime.pdf", b"%PDF-1.4 not a PDF")
    session.commit()
    result = cli(["dossier", "panel", "UJM-DRI-2024-CCI", "-o", str(tmp_path / "a.pdf")])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: panel: an upload could not be added to the "
                                    "dossier: 'Abime.pdf' cannot be appended")
    assert not (tmp_path / "a.pdf").exists()


def test_worker_once_makes_the_jobs_waiting(demo_file, tmp_path: Path) -> None:  # noqa: ANN001, F811
    settings = Settings(reports_dir=tmp_path / "reports", job_timeout_s=120)
    job_id = ask(demo_file, settings, "en")
    app = AppContext(session_factory=demo_file, clock=Clock(NOW), given_settings=settings,
                     _schema_checked=True)
    result = CliRunner().invoke(main, ["worker", "--once"], obj=app, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "1 dossier job taken"
    job = load(demo_file, job_id)
    assert job.status is JobStatus.DONE
    assert job.result_path and (settings.reports_dir / job.result_path).is_file()
