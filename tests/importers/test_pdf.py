"""A posting as a PDF: its text is read (pypdf, after the same bounded check as uploads) and
imported like plain text."""

from __future__ import annotations

import html
from datetime import date

import pytest
from weasyprint import HTML

from tests.conftest import SAMPLES
from tracker.config import get_settings
from tracker.importers.base import ImportFailed
from tracker.services.imports import analyse

SAMPLE = SAMPLES / "posting-ujm-charge-cooperation-internationale.txt"


@pytest.fixture(scope="module")
def posting_pdf() -> bytes:
    text = SAMPLE.read_text("utf-8")
    page = f"<html><body><pre style='font-size:8pt'>{html.escape(text)}</pre></body></html>"
    return HTML(string=page).write_pdf()


def test_pdf_posting_reads_like_its_text(posting_pdf):
    report = analyse("fiche-de-poste.pdf", posting_pdf, default_zone=get_settings().timezone)
    assert report.format == "pdf" and report.language == "fr"
    data = report.postings[0].data()
    assert data["valid_through_date"] == date(2024, 5, 13)
    assert data["job_start_date"] == date(2024, 6, 3)
    assert (data["duration_months"], data["working_time_percent"], data["category"]) == (6, 100,
                                                                                        "A")
    assert data["apply_email"] == "recrutementsujm@univ-st-etienne.fr"
    kinds = {r["kind"] for r in data["requirements"]}
    assert {"technical_skill", "knowledge", "know_how", "soft_skill", "education",
            "experience", "language"} <= kinds


def test_a_damaged_pdf_is_refused(posting_pdf):
    with pytest.raises(Exception) as error:
        analyse("broken.pdf", posting_pdf[: len(posting_pdf) // 3], default_zone=get_settings().timezone)
    assert getattr(error.value, "field", None) == "file"


def test_a_pdf_without_text_is_refused():
    blank = HTML(string="<html><body></body></html>").write_pdf()
    with pytest.raises(ImportFailed, match="no text layer"):
        analyse("scan.pdf", blank, default_zone=get_settings().timezone)
