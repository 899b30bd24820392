"""The dossiers, read back: pages, outline, attachments, text, languages, safety."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from tests.conftest import SAMPLES, Clock
from tests.pdf.conftest import NOW, attach, outline_titles, text_of
from tracker.domain.access import OPERATOR
from tracker.domain.errors import DomainError, PermissionDenied
from tracker.models import EducationLevel
from tracker.services.dossiers import render as dossiers
from tracker.services.hiring import evidence

SAMPLE = yaml.safe_load((SAMPLES / "posting-ujm-charge-cooperation-internationale.yaml")
                        .read_text(encoding="utf-8"))
LABELS = [" ".join(r["label"].split()) for r in SAMPLE["requirements"]]
REQUIRED = [" ".join(r["label"].split()) for r in SAMPLE["requirements"]
            if r.get("required", True)]


def application_pdf(session, demo, **options) -> bytes:
    return dossiers.application_dossier(session, demo["camille"].id, clock=Clock(NOW),
                                        **options, actor=OPERATOR).content


def test_application_dossier_in_french(session, demo):
    pdf = application_pdf(session, demo, lang="fr")
    reader = PdfReader(io.BytesIO(pdf))
    text = text_of(pdf)
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=0.5)  # A4
    # cover
    for expected in ("DOSSIER DE CANDIDATURE", "Chargé de coopération internationale",
                     "Camille Martin", "UJM-DRI-2024-CCI", "Université Jean Monnet",
                     "13/05/2024 (Europe/Paris)", "entretien", "Document établi le 21/05/2024"):
        assert expected in text, expected
    # every requirement of the sample, and the missing evidence marked
    for label in LABELS:
        assert label in text, label
    assert "Aucun élément fourni" in text
    assert "Coordination de deux projets Erasmus+ KA2 (2021-2024), 9 partenaires." in text
    # key dates in order, the documents checklist, the letter
    dates = text.rsplit("Dates clés", 1)[1].split("Le poste")[0]  # the chapter, not the contents
    dates = dates[dates.index("Candidature déposée"):]  # the dates themselves, after the history's
    assert dates.index("21/04/2024") < dates.index("13/05/2024") < dates.index("22/05/2024") \
        < dates.index("03/06/2024")
    assert "CV ✓ fournie" in text and "CV (CV)" not in text
    assert "Chargée de projets européens depuis quatre ans" in text
    # footer "page X / Y" on every page but the cover, header with the reference
    total = len(reader.pages)
    for number in range(2, total + 1):
        page_text = " ".join(reader.pages[number - 1].extract_text().split())
        assert f"page {number} / {total}" in page_text
        assert page_text.startswith("UJM-DRI-2024-CCI") or "UJM-DRI-2024-CCI" in page_text


def test_outline_contents_and_appended_uploads(session, demo):
    pdf = application_pdf(session, demo, lang="fr")
    reader = PdfReader(io.BytesIO(pdf))
    titles = outline_titles(pdf)
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top[:7] == ["Dates clés", "Historique de la candidature", "Le poste",
                       "Exigences du poste et réponses", "Adéquation au poste",
                       "Pièces demandées", "Lettre de motivation"]
    assert "Annexe 1 – CV – CV-Camille-Martin.pdf" in titles
    assert "Annexe 2 – Lettre de motivation – Lettre-Camille-Martin.pdf" in titles
    # the table of contents gives the page each chapter starts on
    contents = " ".join(reader.pages[1].extract_text().split())
    outline_pages = {item.title: reader.get_destination_page_number(item) + 1
                     for item in reader.outline if not isinstance(item, list)}
    assert re.search(rf"Pièces demandées[ .]+{outline_pages['Pièces demandées']}\b", contents)
    # the uploaded pages, page for page, at the end, counted in "page X / Y"
    last_three = [" ".join(p.extract_text().split()) for p in reader.pages[-3:]]
    assert "CURRICULUM VITAE page one" in last_three[0]
    assert "CURRICULUM VITAE page two" in last_three[1]
    assert "LETTRE DE MOTIVATION signée" in last_three[2]
    assert f"page {len(reader.pages)} / {len(reader.pages)}" in last_three[2]
    # and embedded as attachments, byte for byte
    assert sorted(reader.attachments) == ["CV-Camille-Martin.pdf", "Lettre-Camille-Martin.pdf"]
    cv = next(d for d in demo["camille"].documents if d.kind.value == "cv")
    assert reader.attachments["CV-Camille-Martin.pdf"][0] == cv.content


def test_application_dossier_in_english(session, demo):
    text = text_of(application_pdf(session, demo, lang="en"))
    for expected in ("APPLICATION DOSSIER", "13 May 2024 (Europe/Paris)", "Key dates",
                     "Requirements and answers", "No evidence given", "3 June 2024"):
        assert expected in text, expected
    assert "13/05/2024" not in text
    for label in LABELS:
        assert label in text


def test_panel_dossier_names_a_bac4(session, demo):
    demo["camille"].candidate.profile.education_level = EducationLevel.BAC4
    session.flush()
    text = " ".join(text_of(dossiers.panel_dossier(session, "UJM-DRI-2024-CCI",
                                                   clock=Clock(NOW), actor=OPERATOR).content).split())
    assert "Formation Bac+4 – Master Relations internationales" in text


def test_panel_dossier(session, demo):
    evidence.rate_evidence(session, demo["camille"], demo["posting"].requirements[0], rating=3,
                           clock=Clock(NOW), actor=OPERATOR)
    dossier = dossiers.panel_dossier(session, "UJM-DRI-2024-CCI", clock=Clock(NOW), actor=OPERATOR)
    assert dossier.filename == "dossier-du-jury-ujm-dri-2024-cci-fr.pdf"
    text = text_of(dossier.content)
    titles = outline_titles(dossier.content)
    assert {"Synthèse", "Candidatures", "Grille de comparaison", "Calendrier des entretiens",
            "Camille Martin", "Annexe – Description du poste par l’employeur"} <= set(titles)
    matrix = text.rsplit("Grille de comparaison", 1)[1].split("● atteint")[0]
    for label in REQUIRED:
        assert label in matrix, label
    # one mark style: the fit's judgement (the rated one is met), "à évaluer" where nothing
    # was given; no rating "3/4", tick or dash beside them
    assert "●" in matrix and "à évaluer" in matrix
    assert "3/4" not in matrix and "✓" not in matrix and "—" not in matrix
    assert "Jordan Smith" not in text  # a draft is not the panel's business
    assert "22/05/2024 10:00 (Europe/Paris)" in text  # the schedule
    assert "Grille d’évaluation – Camille Martin" in text
    assert "Membre du jury Date Signature" in text
    assert "CURRICULUM VITAE page two" in text
    assert sorted(PdfReader(io.BytesIO(dossier.content)).attachments) == [
        "CV-Camille-Martin.pdf", "Lettre-Camille-Martin.pdf"]


def test_panel_dossier_is_for_the_employer_only(session, demo):
    with pytest.raises(PermissionDenied):
        dossiers.panel_dossier(session, "UJM-DRI-2024-CCI", actor=demo["camille"].candidate,
                               clock=Clock(NOW))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_posting_sheet_is_one_to_three_pages(session, demo, lang):
    dossier = dossiers.posting_sheet(session, "UJM-DRI-2024-CCI", lang=lang, clock=Clock(NOW), actor=OPERATOR)
    assert 1 <= len(PdfReader(io.BytesIO(dossier.content)).pages) <= 3
    text = text_of(dossier.content)
    for label in LABELS:
        assert label in text
    assert ("13/05/2024" if lang == "fr" else "13 May 2024") in text


def test_pdfa_variant_keeps_the_attachments(session, demo):
    pdf = application_pdf(session, demo, pdfa=True)
    reader = PdfReader(io.BytesIO(pdf))
    metadata = reader.xmp_metadata
    xml = metadata.rdf_root.toxml() if metadata else ""
    assert 'pdfaid:part="3"' in xml or "<pdfaid:part>3</pdfaid:part>" in xml
    assert "/OutputIntents" in reader.trailer["/Root"]
    assert sorted(reader.attachments) == ["CV-Camille-Martin.pdf", "Lettre-Camille-Martin.pdf"]
    assert len(reader.pages) == len(PdfReader(io.BytesIO(application_pdf(session, demo))).pages)


def test_fonts_are_embedded(session, demo):
    reader = PdfReader(io.BytesIO(application_pdf(session, demo)))
    for page in reader.pages[:3]:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for part in font.get("/DescendantFonts", [font]):
                descriptor = part.get_object()["/FontDescriptor"]
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


@pytest.mark.parametrize("hostile", [
    '<img src="file:///etc/passwd">',
    "<style>body { display: none }</style>",
    '<link rel="stylesheet" href="http://example.org/x.css">',
])
def test_user_text_prints_as_text(session, demo, hostile):
    demo["camille"].cover_letter = f"Madame, {hostile} Monsieur"
    demo["posting"].context = f"Contexte {hostile}"
    session.flush()
    text = text_of(application_pdf(session, demo))
    assert f"Madame, {hostile} Monsieur" in text
    assert f"Contexte {hostile}" in text
    assert "root:x:0:0" not in text


def test_url_fetcher_serves_the_pdf_assets_only():
    from tracker.pdf import PDF_ASSETS, BlockedResource, url_fetcher

    fetcher = url_fetcher()
    for url in ("file:///etc/passwd", "http://example.org/style.css",
                (PDF_ASSETS / ".." / ".." / "pyproject.toml").as_uri(),
                "data:text/css,body{}"):
        with pytest.raises((BlockedResource, ValueError)):
            fetcher.fetch(url)
    response = fetcher.fetch((PDF_ASSETS / "dossier.css").as_uri())
    assert b"@page" in response.read()
    response.close()


def test_an_upload_that_cannot_be_appended_is_named(session, demo):
    attach(session, demo["camille"], "diploma", "Diplome.pdf", b"%PDF-1.7\nnot really a pdf")
    with pytest.raises(DomainError, match="document: 'Diplome.pdf' cannot be appended"):
        application_pdf(session, demo)


def test_cli_writes_the_dossiers(cli, session, demo, tmp_path):
    target = tmp_path / "dossier.pdf"
    result = cli(["dossier", "application", str(demo["camille"].id), "-o", str(target),
                  "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.output == f"{target}\n"
    assert "APPLICATION DOSSIER" in text_of(target.read_bytes())
    result = cli(["dossier", "panel", "UJM-DRI-2024-CCI", "-o", str(tmp_path / "panel.pdf")])
    assert result.exit_code == 0 and (tmp_path / "panel.pdf").stat().st_size > 10_000
    result = cli(["dossier", "application", "999"])
    assert result.exit_code == 1 and result.stderr == "error: application: no application #999\n"


def test_default_path_is_readable(session, demo, monkeypatch, tmp_path):
    from tracker.config import get_settings

    monkeypatch.setattr(get_settings(), "reports_dir", tmp_path)
    dossier = dossiers.application_dossier(session, demo["camille"].id, clock=Clock(NOW), actor=OPERATOR)
    assert dossier.default_path(get_settings().reports_dir) == (
        tmp_path / "ujm" / "UJM-DRI-2024-CCI" / "dossier-de-candidature-camille-martin-fr.pdf")


def test_pages_turn_into_png(session, demo, tmp_path):
    pdf = tmp_path / "dossier.pdf"
    pdf.write_bytes(application_pdf(session, demo))
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "2", str(pdf),
                    str(tmp_path / "page")], check=True)
    pages = sorted(Path(tmp_path).glob("page-*.png"))
    assert len(pages) == 2 and all(p.stat().st_size > 2_000 for p in pages)


def test_the_fit_reads_as_a_score_with_its_coverage_and_to_assess(session, demo):
    """The demo's lead candidate: her dossier gives the fit as a score over what was assessed,
    with its coverage, and "à évaluer" (not "non démontré") where nothing was given; the same
    in English; the panel dossier's column too."""
    from tracker.services.fit.scores import application_fit

    fit = application_fit(session, demo["camille"], actor=OPERATOR)
    assert 0 < fit.assessed < fit.total == len(LABELS)
    score = f"{fit.score:g}".replace(".", ",")
    french = text_of(application_pdf(session, demo, lang="fr"))
    assert (f"Score d’adéquation : {score}/100 sur {fit.assessed} des {fit.total} exigences"
            in french)
    to_assess = [line for line in fit.lines if line.status.value == "to_assess"]
    assert to_assess and french.count("à évaluer") >= len(to_assess)
    assert "non démontré" not in french
    english = text_of(application_pdf(session, demo, lang="en"))
    assert (f"Fit score: {fit.score:g}/100 over {fit.assessed} of {fit.total} requirements"
            in english)
    assert english.count("to assess") >= len(to_assess) and "not shown" not in english
    panel = text_of(dossiers.panel_dossier(session, "UJM-DRI-2024-CCI", clock=Clock(NOW),
                                           actor=OPERATOR).content)
    assert f"{score}/100 sur {fit.assessed} des {fit.total} exigences" in panel
