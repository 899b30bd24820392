"""The panel dossier rendered in parts (#16): read back, the assembled PDF numbers its pages
"X / Y" right across the parts, its contents and links point at the right pages, its outline
has each applicant, and it says what the one-document version says; no part holds every
applicant."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from tests.conftest import Clock
from tests.pdf.conftest import NOW, outline_titles, text_of
from tests.pdf.test_dossier_layout import submit_jordan
from tracker import pdf
from tracker.domain.access import OPERATOR
from tracker.services.dossiers import panel
from tracker.services.dossiers import render as dossiers


def page_texts(data: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages]


def one_document(session, posting) -> bytes:  # noqa: ANN001
    """The panel dossier as it was made before the parts: one WeasyPrint document."""
    context, appendices = dossiers.panel_context(session, posting, lang="fr", now=NOW)
    return pdf.render_pdf("pdf/panel.html", context,
                          appendices=[a for files in appendices for a in files])


@pytest.fixture
def two(session, demo):  # noqa: ANN001, ANN201
    submit_jordan(session, demo)
    return dossiers.panel_dossier(session, "UJM-DRI-2024-CCI", clock=Clock(NOW),
                                  actor=OPERATOR).content


def test_pages_are_numbered_right_across_the_parts(two):  # noqa: ANN001
    texts = page_texts(two)
    total = len(texts)
    assert total > 8
    assert not re.search(r"page \d+ / \d+", texts[0])  # the cover has none
    for number, text in enumerate(texts[1:], 2):
        # the footer, last on the page (an appended page's caption may say "page 2 / 2" too)
        assert re.findall(r"page (\d+) / (\d+)", text)[-1] == (str(number), str(total)), number
        assert "UJM-DRI-2024-CCI" in text  # the running header, on each part's first page too
        assert "Dossier du jury" in text


def test_the_contents_and_the_links_point_at_the_pages_of_other_parts(two):  # noqa: ANN001
    reader = PdfReader(io.BytesIO(two))
    texts = page_texts(two)
    outline = {item.title: reader.get_destination_page_number(item) + 1
               for item in reader.outline if not isinstance(item, list)}
    contents = texts[1]
    for title in ("Synthèse", "Grille de comparaison", "Camille Martin", "Jordan Smith",
                  "Annexe – Description du poste par l’employeur"):
        page = outline[title]
        assert re.search(rf"{re.escape(title)}[ .]+{page}\b", contents), (title, page)
        assert title.split(" – ")[-1] in texts[page - 1]
    # the contents' entries and the names in the list of applicants are links to those pages
    targets = {}
    for index, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                destination = annotation["/Dest"]
                if not isinstance(destination, list):
                    continue
                targets.setdefault(index + 1, []).append(
                    reader.get_page_number(destination[0].get_object()) + 1)
    assert outline["Jordan Smith"] in targets[2]  # from the contents
    summary = outline["Candidatures"]
    assert {outline["Camille Martin"], outline["Jordan Smith"]} <= set(targets[summary])


def test_the_outline_has_one_entry_per_applicant(two):  # noqa: ANN001
    reader = PdfReader(io.BytesIO(two))
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top.count("Camille Martin") == 1 and top.count("Jordan Smith") == 1
    assert top.index("Synthèse") < top.index("Camille Martin") < top.index("Jordan Smith") \
        < top.index("Annexe – Description du poste par l’employeur")
    titles = outline_titles(two)
    assert "Grille d’évaluation – Jordan Smith" in titles


def test_it_says_what_the_one_document_version_says(session, demo, two):  # noqa: ANN001
    whole = one_document(session, demo["posting"])
    assert len(PdfReader(io.BytesIO(whole)).pages) == len(PdfReader(io.BytesIO(two)).pages)
    # the same text, page for page, but for where the footer's number sits on the line
    strip = re.compile(r"\s*page \d+ / \d+\s*")
    assert [strip.sub(" ", t).strip() for t in page_texts(two)] == \
        [strip.sub(" ", t).strip() for t in page_texts(whole)]
    assert outline_titles(two) == outline_titles(whole)
    assert sorted(PdfReader(io.BytesIO(two)).attachments) == \
        sorted(PdfReader(io.BytesIO(whole)).attachments)


def test_the_uploads_wait_in_files_and_are_attached_as_uploaded(session, demo, tmp_path,  # noqa: ANN001
                                                                 monkeypatch):  # noqa: ANN001
    """The job's process reads each upload once, into a file of the parts' folder, not onto
    the document rows its session holds to the end (a panel of 300 would hold every upload);
    the assembly embeds them from those files: the whole carries each upload byte for byte,
    with the description, in the order, the one-document version gives it."""
    from tracker import pdfparts
    from tracker.models import Document

    submit_jordan(session, demo)
    session.expire_all()
    handed: list[pdf.Appendix] = []
    real = pdfparts.assemble

    def spy(parts, out, **kwargs):  # noqa: ANN001, ANN003, ANN202
        handed.extend(kwargs["attachments"])
        assert all(a.path is not None and a.path.is_file() for a in handed)
        return real(parts, out, **kwargs)

    monkeypatch.setattr(pdfparts, "assemble", spy)
    out = tmp_path / "panel.pdf"
    dossiers.write_panel(session, demo["posting"], out, lang="fr", pdfa=False, now=NOW)
    uploads = sorted((d for d in session.scalars(sa.select(Document)) if d.application_id
                      == demo["camille"].id), key=lambda d: d.id)
    assert [a.filename for a in handed] == ["CV-Camille-Martin.pdf", "Lettre-Camille-Martin.pdf"]
    assert all(a.data == b"" and not a.path.exists() for a in handed)  # the folder is gone
    loaded = [d for d in session.identity_map.values() if isinstance(d, Document)
              and "content" in sa.inspect(d).dict]
    assert loaded == []
    made = PdfReader(out)
    assert made.attachments == {d.filename: [d.content] for d in uploads}
    whole = PdfReader(io.BytesIO(one_document(session, demo["posting"])))

    def specs(reader: PdfReader) -> list[tuple[str, str, str]]:
        names = reader.trailer["/Root"]["/Names"]["/EmbeddedFiles"]["/Names"]
        return [(str(key), str(spec.get_object()["/UF"]), str(spec.get_object()["/Desc"]))
                for key, spec in zip(names[::2], names[1::2], strict=True)]

    assert specs(made) == specs(whole)


def test_no_part_holds_every_applicant(session, demo, monkeypatch):  # noqa: ANN001
    submit_jordan(session, demo)
    seen = []
    real = panel.render_task

    def spy(task: panel.Task) -> object:
        seen.append((task.key, [a["name"] for a in task.context["applicants"]],
                     [a.filename for a in task.appendices]))
        return real(task)

    monkeypatch.setattr(panel, "render_task", spy)
    # the grid in tables of one applicant, every row of every table in a part of its own
    monkeypatch.setattr(dossiers, "MATRIX_COLUMNS", 1)
    monkeypatch.setattr(panel, "CELLS_PER_PART", 1)
    made = dossiers.panel_dossier(session, "UJM-DRI-2024-CCI", clock=Clock(NOW),
                                  actor=OPERATOR).content
    parts = {key: (names, files) for key, names, files in seen}
    tables = 2 + len(demo["posting"].interviews) + 2  # the applicants, the interviews, the grid
    assert list(parts) == ["head", *(f"tables-{n}" for n in range(2, tables + 1)),
                           "applicant-" + str(demo["camille"].id),
                           "applicant-" + str(demo["jordan"].id), "annex", "cover"]
    assert all(parts[f"tables-{n}"] == ([], []) for n in range(2, tables + 1))
    texts = page_texts(made)
    grid = [i for i, text in enumerate(texts) if "Exigence" in text and "à évaluer" in text]
    assert len(grid) == 2 and "Camille Martin" in texts[grid[0]] \
        and "Jordan Smith" in texts[grid[1]]
    assert " ".join(texts).count("● atteint · ◐ en partie") == 1  # the legend, under the last
    applicant_parts = [v for k, v in parts.items() if k.startswith("applicant-")]
    assert [names for names, _ in applicant_parts] == [["Camille Martin"], ["Jordan Smith"]]
    assert applicant_parts[0][1] == ["CV-Camille-Martin.pdf", "Lettre-Camille-Martin.pdf"]
    assert applicant_parts[1][1] == []
    assert all(not files for key, (_, files) in parts.items() if not key.startswith("applicant"))


@pytest.mark.slow
def test_parts_made_by_two_children_move_the_progress(session, demo, tmp_path):  # noqa: ANN001
    """Two child processes render the parts; the progress hears of each applicant as their
    part is made, and the dossier is the one made in this process."""
    submit_jordan(session, demo)
    heard: list[tuple[int, int]] = []
    made = dossiers.render_panel(session, demo["posting"], lang="fr", pdfa=False, now=NOW,
                                 workers=2, progress=lambda done, total: heard.append(
                                     (done, total)))
    assert heard == [(1, 3), (2, 3), (3, 3)]
    here = dossiers.render_panel(session, demo["posting"], lang="fr", pdfa=False, now=NOW)
    assert page_texts(made.content) == page_texts(here.content)
    assert text_of(made.content).count("Grille d’évaluation – ") == 2
    if os.environ.get("TRACKER_KEEP_PANEL"):  # to look at it: pdftoppm -png -r 60 ...
        (tmp_path / "panel.pdf").write_bytes(made.content)



def test_the_contents_are_numbered_again_when_they_fill_more_pages_than_guessed() -> None:
    """A long list of applicants fills several contents pages: the entries are renumbered with
    the cover's real page count, and rendered again until it settles."""
    from tracker.pdfparts import Part

    body = [Part(Path("head.pdf"), 3, {"summary": (0, 0.0, 0.0), "matrix": (2, 0.0, 0.0)}),
            Part(Path("applicant-7.pdf"), 5, {"applicant-7": (0, 0.0, 0.0)}),
            Part(Path("applicant-9.pdf"), 4, {"applicant-9": (0, 0.0, 0.0)})]
    toc = [{"id": "summary", "title": "Synthèse", "sub": False},
           {"id": "matrix", "title": "Grille", "sub": False},
           {"id": "applicant-7", "title": "A", "sub": True},
           {"id": "applicant-9", "title": "B", "sub": True}]
    context = {"toc": toc, "applicants": [{"id": 7, "name": "A"}, {"id": 9, "name": "B"}]}
    rendered = []

    def render(task: panel.Task) -> Part:
        rendered.append([entry["page"] for entry in task.context["toc"]])
        return Part(Path("cover.pdf"), 4)  # the cover and three pages of contents

    cover = panel.render_cover(context, body, lang="fr", pdfa=False, render=render,
                               folder="parts")
    assert cover.pages == 4
    assert rendered == [[3, 5, 6, 11], [5, 7, 8, 13]]  # guessed 2 pages, then 4: settled


def test_a_pdfa_panel_names_its_attachments_as_weasyprint_does(session, demo,  # noqa: ANN001
                                                               tmp_path):  # noqa: ANN001
    """PDF/A-3: the attachments the assembly embeds carry their relationship and are named in
    the catalog's /AF, as WeasyPrint names them (each specification twice); qpdf reads the
    whole clean."""
    import pikepdf

    out = tmp_path / "panel.pdf"
    dossiers.write_panel(session, demo["posting"], out, lang="fr", pdfa=True, now=NOW)
    with pikepdf.open(out, attempt_recovery=False) as whole:
        assert whole.check_pdf_syntax() == []
        assert "/OutputIntents" in whole.Root
        names = ["CV-Camille-Martin.pdf", "Lettre-Camille-Martin.pdf"]
        assert [str(spec.UF) for spec in whole.Root.AF] == names * 2
        assert {str(spec.AFRelationship) for spec in whole.Root.AF} == {"/Unspecified"}
        assert sorted(whole.attachments) == names


def test_the_applicants_views_wait_in_files_too(session, demo, tmp_path):  # noqa: ANN001
    """With a folder to spool into, the context keeps of each applicant what the summary, the
    contents and the cover print; their whole view waits in a file, read back by the part
    that prints it, and the grid is the one made from the whole views."""
    submit_jordan(session, demo)
    whole, _ = dossiers.panel_context(session, demo["posting"], lang="fr", now=NOW)
    kept, files = dossiers.panel_context(session, demo["posting"], lang="fr", now=NOW,
                                         spool=tmp_path)
    assert [len(f) for f in files] == [2, 0]
    for light, view in zip(kept["applicants"], whole["applicants"], strict=True):
        assert set(light) == {*panel.SUMMARY, "appendices", "view_file"}
        assert light["fit"] == {"coverage": view["fit"]["coverage"]}
        assert panel._whole(light) == view
    assert kept["matrix"] == whole["matrix"] and kept["toc"] == whole["toc"]
    assert len(whole["matrix"][0]["rows"]) > 5


def test_the_rows_are_read_a_few_at_a_time_in_the_panels_order(session, demo,  # noqa: ANN001
                                                                 monkeypatch):  # noqa: ANN001
    """The job's process reads the applications CHUNK at a time (here one), in the order and
    with the statuses the panel shows, so that it never holds every row at once."""
    submit_jordan(session, demo)
    shown = [a.id for a in dossiers.panel_applications(session, demo["posting"], NOW)]
    assert len(shown) == 2  # the draft of the demo is not shown
    monkeypatch.setattr(dossiers, "CHUNK", 1)
    statements: list[str] = []
    engine = session.get_bind()

    def heard(conn, cursor, statement, *args):  # noqa: ANN001, ANN002, ANN202
        if "FROM application" in statement and "application.id IN" in statement:
            statements.append(statement)

    sa.event.listen(engine, "before_cursor_execute", heard)
    try:
        context, _ = dossiers.panel_context(session, demo["posting"], lang="fr", now=NOW)
    finally:
        sa.event.remove(engine, "before_cursor_execute", heard)
    assert [a["id"] for a in context["applicants"]] == shown
    assert len(statements) == 2  # one chunk of one application each
