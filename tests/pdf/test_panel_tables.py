"""The panel dossier's long tables (the applicants, the interview schedule, the grid) cut into
parts of a bounded size (#16): read back, the parts read as one table each, its header on
every page, its rows all there and in order, the pages numbered right across the parts, one
heading and one outline entry per table."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.pdf.conftest import NOW, outline_titles
from tests.pdf.test_panel_parts import page_texts
from tracker import pdfparts
from tracker.services.dossiers import panel
from tracker.services.dossiers import render as dossiers

APPLICANTS, INTERVIEWS = 130, 70
APPLICANTS_HEADER = "Nom Statut"
SCHEDULE_HEADER = "Date et heure Candidat·e"


def rows(chunks: list[dict], table: str) -> list:
    return [item for chunk in chunks for item in chunk[table]]


def test_chunks_keep_every_row_in_order_and_bound_each_part(monkeypatch):  # noqa: ANN001
    monkeypatch.setattr(panel, "CELLS_PER_PART", 120)
    summary = [{"id": n} for n in range(25)]  # 12 cells a row: 10 to a part
    schedule = [{"who": n} for n in range(7)]  # 4 cells a row
    matrix = [{"names": ["a", "b"], "rows": [{}] * 9}] * 3  # (9 + 1) x (2 + 1) = 30 cells
    chunks = panel.table_chunks(summary, schedule, matrix)
    assert rows(chunks, "rows") == summary and rows(chunks, "schedule") == schedule
    assert rows(chunks, "matrix") == matrix
    for chunk in chunks:
        assert 12 * len(chunk["rows"]) + 4 * len(chunk["schedule"]) + \
            30 * len(chunk["matrix"]) <= 120
    # a part is filled with the next tables' rows where they fit (the schedule and the grid's
    # first table after the last applicants); each table's heading once, in the part of its
    # first row
    assert [len(c["rows"]) for c in chunks] == [10, 10, 5, 0]
    assert [len(c["schedule"]) for c in chunks] == [0, 0, 7, 0]
    assert [len(c["matrix"]) for c in chunks] == [0, 0, 1, 2]
    assert [chunk["opens"] for chunk in chunks] == [["applicants"], [], ["schedule", "matrix"],
                                                    []]
    # the grid's legend goes under its last table only
    assert [c["matrix_continues"] for c in chunks] == [True, True, True, False]


def test_empty_tables_keep_their_heading_in_the_first_part():
    chunks = panel.table_chunks([], [], [])
    assert len(chunks) == 1
    assert chunks[0]["opens"] == ["applicants", "schedule", "matrix"]
    assert not chunks[0]["matrix_continues"]


@pytest.fixture
def long_tables(session, demo, tmp_path: Path, monkeypatch) -> tuple[bytes, int]:  # noqa: ANN001
    """The head and table parts of a panel of APPLICANTS applicants and INTERVIEWS interviews
    (the demo's rows copied), cut small, assembled; the PDF and how many parts it had."""
    context, _ = dossiers.panel_context(session, demo["posting"], lang="fr", now=NOW)
    one = context["applicants"][0]
    applicants = [dict(one, id=10_000 + n, name=f"Postulant {n:03d}") for n in range(APPLICANTS)]
    slot = context["schedule"][0]
    context.update(applicants=applicants,
                   schedule=[dict(slot, who=f"Personne {n:03d}") for n in range(INTERVIEWS)])
    monkeypatch.setattr(panel, "CELLS_PER_PART", 600)  # 50 applicants' rows to a part
    tasks = [task for task in panel.body_tasks(context, applicants, [[]] * APPLICANTS,
                                               lang="fr", pdfa=False, folder=str(tmp_path))
             if task.key == "head" or task.key.startswith("tables-")]
    parts = [panel.render_task(task) for task in tasks]
    pdfparts.assemble(parts, tmp_path / "whole.pdf", page_word="page")
    if os.environ.get("TRACKER_KEEP_PANEL"):  # to look at it: pdftoppm -png -r 60 ...
        Path(os.environ["TRACKER_KEEP_PANEL"]).write_bytes((tmp_path / "whole.pdf").read_bytes())
    return (tmp_path / "whole.pdf").read_bytes(), len(parts)


def test_long_tables_read_as_one_across_parts(long_tables):  # noqa: ANN001
    made, parts = long_tables
    assert parts >= 4  # 130 rows of 12 cells and 70 of 4 in parts of 600 cells
    texts = page_texts(made)
    whole = " ".join(texts)
    # every row, once, in order, across the parts
    assert re.findall(r"Postulant (\d{3})", whole) == [f"{n:03d}" for n in range(APPLICANTS)]
    assert re.findall(r"Personne (\d{3})", whole) == [f"{n:03d}" for n in range(INTERVIEWS)]
    # the header on every page that holds rows of its table, before the first of them
    for text in texts:
        if "Postulant" in text:
            assert APPLICANTS_HEADER in text and \
                text.index(APPLICANTS_HEADER) < text.index("Postulant")
        if "Personne" in text:
            assert SCHEDULE_HEADER in text and \
                text.index(SCHEDULE_HEADER) < text.index("Personne")
    # one heading per table, one outline entry each
    for heading in ("Candidatures", "Calendrier des entretiens", "Grille de comparaison"):
        assert outline_titles(made).count(heading) == 1, heading
    assert whole.count("Calendrier des entretiens") == whole.count("Grille de comparaison") == 1
    # numbered right across the parts: page X / Y on every page but the first
    total = len(texts)
    for number, text in enumerate(texts[1:], 2):
        assert re.findall(r"page (\d+) / (\d+)", text)[-1] == (str(number), str(total))
    # the outline's entries point at the pages that hold their headings
    reader = PdfReader(io.BytesIO(made))
    for item in reader.outline:
        if not isinstance(item, list) and item.title in ("Calendrier des entretiens",
                                                         "Grille de comparaison"):
            page = reader.get_destination_page_number(item)
            assert item.title in texts[page]
