"""The demo's dossiers read back page by page (#14): no nearly empty page, one mark style in
the panel's grid, the employer's description at the end of the panel dossier, the status
history in the application dossier, a typed letter counted as the letter."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from tests.conftest import Clock
from tests.pdf.conftest import NOW, text_of
from tracker.domain.access import OPERATOR
from tracker.models import Application, ApplicationStatusChange, DocumentKind
from tracker.services.dossiers import render as dossiers
from tracker.services.hiring import applications

# Running header and footer lines, which every page has whatever its body holds.
RUNNING = re.compile(r"^(page \d+ / \d+|Document établi le .*|Generated on .*|UJM-DRI-2024-CCI"
                     r"|(Dossier|Application dossier|Panel dossier|Fiche de poste"
                     r"|Job description) .*)$")
FULL = 20  # a page in the middle of a chapter is full: at least this many lines
FEW = 8  # the page a chapter ends on, when it spills over from the one before


def body_lines(page) -> list[str]:  # noqa: ANN001
    lines = (" ".join(line.split()) for line in (page.extract_text() or "").splitlines())
    return [line for line in lines if line and not RUNNING.match(line)]


def chapter_starts(reader: PdfReader) -> dict[int, str]:
    """Page index -> title of what starts there on a new page: chapters (the outline's top
    level), appended uploads and evaluation grids."""
    starts: dict[int, str] = {}

    def walk(items, depth: int) -> None:  # noqa: ANN001
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            elif depth == 0 or item.title.startswith(("Annexe", "Appendix", "Grille d’évaluation",
                                                      "Evaluation grid")):
                starts.setdefault(reader.get_destination_page_number(item), item.title)

    walk(reader.outline, 0)
    return starts


def thin_pages(pdf: bytes) -> list[str]:
    """Pages that hold too little: one inside a chapter that is not full, or the last page of a
    chapter that spills over holding a few stray lines. The cover and the pages of appended
    uploads are not the dossier's to fill."""
    reader = PdfReader(io.BytesIO(pdf))
    starts = chapter_starts(reader)
    uploads = {index for index, title in starts.items()
               if re.match(r"(Annexe|Appendix) \d", title)}
    problems, current = [], None
    for index, page in enumerate(reader.pages):
        if index in starts:
            current = index
        if index == 0 or current in uploads or current is None:
            continue
        last = index + 1 in starts or index + 1 == len(reader.pages)
        lines = len(body_lines(page))
        if not last and lines < FULL:
            problems.append(f"page {index + 1} holds {lines} lines mid-chapter")
        if last and index != current and lines < FEW:
            problems.append(f"page {index + 1} ends {starts[current]!r} with {lines} lines")
    return problems


def submit_jordan(session, demo) -> None:  # noqa: ANN001
    """Jordan Smith's application recorded by the employer after the deadline, then under
    review with a comment: the panel has two applicants."""
    jordan = demo["jordan"]
    applications.move(session, jordan, "submitted", late=True, actor=OPERATOR,
                      clock=Clock(NOW), comment="Reçue par courriel le 14/05")
    applications.move(session, jordan, "under_review", actor=OPERATOR, clock=Clock(NOW),
                      comment="Profil à examiner en jury")
    session.flush()


def test_thin_pages_are_found() -> None:
    """The check itself: a thin page inside a chapter, and a chapter's spill-over page with
    two stray bullets (a line each for the mark and the text), are reported; a short chapter on its own page is not."""
    from weasyprint import HTML

    filler = "<p>" + "<br>".join(f"Ligne {n} du chapitre" for n in range(30)) + "</p>"
    new_page = "style='break-before: page'"
    html = (f"<p>Couverture</p><h1 {new_page}>Le poste</h1>{filler}"
            f"<p {new_page}>Une ligne seule</p><div {new_page}>{filler}</div>"
            f"<ul {new_page}><li>Premier point égaré</li><li>Second</li></ul>"
            f"<h1 {new_page}>Candidatures</h1><p>Une seule ligne</p>")
    pdf = HTML(string=html).write_pdf()
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 6
    assert thin_pages(pdf) == ["page 3 holds 1 lines mid-chapter",
                               "page 5 ends 'Le poste' with 4 lines"]  # bullet and text


def test_panel_dossier_pages_grid_and_annex(session, demo):
    submit_jordan(session, demo)
    pdf = dossiers.panel_dossier(session, "UJM-DRI-2024-CCI", clock=Clock(NOW),
                                 actor=OPERATOR).content
    assert thin_pages(pdf) == []
    text = text_of(pdf)
    # both applicants, then the employer's description in an annex at the very end
    body = text.split("Synthèse", 2)[2]  # after the contents and the cover
    assert body.index("Camille Martin") < body.index("Jordan Smith") \
        < body.index("Annexe – Description du poste par l’employeur")
    annex = body.rsplit("Annexe – Description du poste par l’employeur", 1)[1]
    assert "Environnement et contexte" in annex and "Missions" in annex
    summary = body.split("Candidatures", 1)[0]
    assert "Environnement et contexte" not in summary
    assert "La description complète du poste figure en annexe" in summary
    # the grid: one mark per cell, "à évaluer" where nothing was given, a legend
    grid = text.rsplit("Grille de comparaison", 1)[1].split("● atteint")[0]
    assert "Camille Martin Jordan Smith" in grid
    assert "à évaluer" in grid and "●" in grid
    assert not re.search(r"\d/4|✓|—", grid)
    assert "● atteint · ◐ en partie · ○ non démontré" in text


def test_application_dossier_pages_and_history(session, demo):
    camille = demo["camille"]
    session.add(ApplicationStatusChange(
        application_id=camille.id, from_status=camille.status, to_status=camille.status,
        changed_by_id=None, changed_at=NOW, comment="Relu par le jury"))
    session.flush()
    session.expire(camille, ["history"])
    pdf = dossiers.application_dossier(session, camille.id, clock=Clock(NOW),
                                       actor=OPERATOR).content
    assert thin_pages(pdf) == []
    text = text_of(pdf)
    history = text.rsplit("Historique de la candidature", 1)[1].split("Document établi")[0]
    assert "Date et heure De À Par Commentaire" in history
    assert "brouillon déposée Camille Martin" in history  # who moved it, from and to
    assert "21/05/2024 10:00 (Europe/Paris)" in history  # when, in the reader's zone
    assert "automatiquement Relu par le jury" in history

    english = text_of(dossiers.application_dossier(session, camille.id, lang="en",
                                                   clock=Clock(NOW), actor=OPERATOR).content)
    assert "Application history Date and time From To By Comment" in english
    assert "automatically Relu par le jury" in english


def test_history_is_dated_in_the_readers_zone(session, demo):
    hr = demo["posting"].organisation.members[0]
    hr.timezone = "America/Montreal"
    session.flush()
    camille = demo["camille"]
    text = text_of(dossiers.render_application(camille, lang="fr", pdfa=False, now=NOW,
                                               for_employer=True,
                                               reader_tz=dossiers.reader_zone(hr)).content)
    history = text.rsplit("Historique de la candidature", 1)[1].split("Document établi")[0]
    # submitted at 09:00 in Paris, 03:00 in Montreal
    assert re.search(r"21/04/2024 03:00 \(America/ ?Montreal\) brouillon déposée", history)
    assert "21/04/2024 09:00 (Europe/Paris) brouillon" not in history


def test_a_typed_letter_is_counted_as_the_letter(session, demo):
    jordan: Application = demo["jordan"]  # no document (the fixture removed them)
    jordan.cover_letter = "Madame, Monsieur,\n\nJe souhaite rejoindre votre équipe."
    session.flush()
    assert applications.missing_documents(session, jordan) == ["CV"]
    text = text_of(dossiers.application_dossier(session, jordan.id, clock=Clock(NOW),
                                                actor=OPERATOR).content)
    documents = text.rsplit("Pièces demandées", 1)[1]
    assert "CV ⚠ manquante" in documents and "CV (CV)" not in documents
    assert "Lettre de motivation ✓ saisie dans l’application" in documents
    assert "Je souhaite rejoindre votre équipe." in documents
    assert not any(d.kind is DocumentKind.COVER_LETTER for d in jordan.documents)


def test_posting_sheet_has_no_thin_page(session, demo):
    for lang in ("fr", "en"):
        pdf = dossiers.posting_sheet(session, "UJM-DRI-2024-CCI", lang=lang, clock=Clock(NOW),
                                     actor=OPERATOR).content
        assert thin_pages(pdf) == [], lang


def test_the_candidates_copy_has_the_history_without_the_employers_comments(session, demo):
    camille = demo["camille"]
    text = text_of(dossiers.application_dossier(session, camille.id, clock=Clock(NOW),
                                                actor=camille.candidate).content)
    history = text.rsplit("Historique de la candidature", 1)[1].split("Document établi")[0]
    assert "Date et heure De À Par" in history and "Commentaire" not in history
    assert "brouillon déposée Camille Martin" in history  # her own move, by name
    assert "déposée en cours d’examen Employeur" in history  # the employer's, unnamed
    assert "Claire Dubois" not in text
    assert "Dossier complet, profil très proche du poste." not in text
