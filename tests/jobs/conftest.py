"""Job fixtures: the dossier fixtures of tests/pdf (the demo as published, with uploads), and
settings whose reports folder is the test's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pdf.conftest import NOW, demo, text_of  # noqa: F401  (fixtures shared)
from tracker.config import Settings


@pytest.fixture
def job_settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", reports_dir=tmp_path / "reports")
