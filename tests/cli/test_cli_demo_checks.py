"""`tracker demo` checks its PDFs in the bounded child before its transaction opens: while each
check runs, another connection can write to the database at once (issue #12, finding 4)."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

from click.testing import CliRunner

from tracker import schema
from tracker.cli import main
from tracker.cli.context import AppContext
from tracker.db import create_engine, make_session_factory


def test_the_demo_holds_no_write_lock_while_its_pdfs_are_checked(tmp_path: Path, monkeypatch,
                                                                 clock):
    path = tmp_path / "demo.db"
    engine = create_engine(f"sqlite:///{path}")
    schema.upgrade(engine)
    writes: list[str] = []
    real_run = subprocess.run

    def run(command, **kwargs):  # noqa: ANN001, ANN003, ANN202
        if "tracker.pdfcheck" in command:  # a check starts: may someone else write now?
            other = sqlite3.connect(path, timeout=0, isolation_level=None)
            try:
                other.execute("BEGIN IMMEDIATE")
                other.execute("ROLLBACK")
                writes.append("ok")
            except sqlite3.OperationalError as exc:
                writes.append(str(exc))
            finally:
                other.close()
        return real_run(command, **kwargs)

    monkeypatch.setattr(subprocess, "run", run)
    app = AppContext(session_factory=make_session_factory(engine), clock=clock,
                     _schema_checked=True)
    result = CliRunner().invoke(main, ["demo", "--no-dossiers"], obj=app,
                                catch_exceptions=False)
    engine.dispose()
    assert result.exit_code == 0, result.output
    assert "demo: added document CV-Camille-Martin.pdf" in result.output
    assert writes and set(writes) == {"ok"}, writes
