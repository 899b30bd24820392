"""Issue #14's acceptance: a whole recruitment campaign, in French, in a real browser.

Debian's Chromium driven by Playwright against a real `tracker serve` (its own SQLite file, its
in-process dispatcher ticking every second) whose e-mails go to a real SMTP server on loopback.
An hr user creates and opens a posting that asks for a cover letter; three candidates apply
through the pages (one types her letter, the others upload one); hr hears of the applications
(dashboard and inbox), moves two to review on the pipeline board, rejects the third in bulk
with the organisation's rejection template (her e-mail arrives, in French), schedules
interviews for the two, moves one (the candidate's updated .ics: same UID, SEQUENCE raised) and
cancels the other (METHOD:CANCEL), rates, makes an offer and marks the posting filled. Each
person's view is checked in French. Screenshots of every step go to
test-artifacts/campaign/ (TRACKER_TEST_ARTIFACTS to change it): look at them.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.reminders.conftest import SmtpServer, free_port
from tests.uploads import make_pdf
from tests.web.campaign_mail import calendar_of, mail_to, text_of, the_event
from tests.web.test_browser import (  # noqa: F401  (browser: a fixture, on this server)
    ROOT,
    _chromium_or_skip,
    browser,
    serving,
    tracker_cli,
    tracker_env,
)

pytestmark = pytest.mark.browser

ARTIFACTS = Path(os.environ.get("TRACKER_TEST_ARTIFACTS", ROOT / "test-artifacts")) / "campaign"
HR_EMAIL, HR_PASSWORD = "rh@ujm.example", "hr password 2024"
PASSWORD = "candidate password"
TITLE = "Chargé·e de coopération internationale"
# Léa types her letter; Karim and Camille upload theirs
LEA, KARIM, CAMILLE = "Léa Moreau", "Karim Benali", "Camille Roux"
EMAILS = {LEA: "lea.moreau@example.org", KARIM: "karim.benali@example.org",
          CAMILLE: "camille.roux@example.org"}
SLUG = {LEA: "lea", KARIM: "karim", CAMILLE: "camille"}  # screenshot names
TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer(free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, smtp: SmtpServer) -> Iterator[str]:
    """`tracker serve` on a fresh SQLite file: one organisation, its hr user (in French) and
    three candidate accounts (in French; their applications go through the pages)."""
    _chromium_or_skip()
    data = tmp_path_factory.mktemp("campaign")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = tracker_env(data, TRACKER_SMTP_HOST="127.0.0.1",
                      TRACKER_SMTP_PORT=str(smtp.port), TRACKER_SMTP_TLS="none",
                      TRACKER_SMTP_TIMEOUT_S="5", TRACKER_PUBLIC_URL=base,
                      TRACKER_SMTP_SENDER="Recrutement UJM <rh@ujm.example>")
    run = tracker_cli(env)
    run("org", "add", "--slug", "ujm", "--name", "Université Jean Monnet")
    run("user", "add", "--email", HR_EMAIL, "--name", "Claire Dubois", "--role", "hr",
        "--org", "ujm", "--locale", "fr", "--password-stdin", stdin=HR_PASSWORD + "\n")
    for name, email in EMAILS.items():
        run("user", "add", "--email", email, "--name", name, "--role", "candidate",
            "--locale", "fr", "--password-stdin", stdin=PASSWORD + "\n")
    with serving(env, data, port) as served:
        yield served


@pytest.fixture(scope="module")
def shots() -> Path:
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS


class Steps:
    """Numbered full-page screenshots, in the order of the story."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.number = folder, 0

    def snap(self, page: Any, name: str) -> None:
        self.number += 1
        page.screenshot(path=str(self.folder / f"{self.number:02d}-{name}.png"), full_page=True)


def shows(page: Any, words: str) -> None:
    from playwright.sync_api import expect

    expect(page.locator("main")).to_contain_text(words)


def log_in(context: Any, base: str, email: str, password: str) -> Any:
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(base + "/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    page.locator("main").get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()
    return page


def wait_for_text(page: Any, url: str, words: list[str], tries: int = 60) -> None:
    """Reload `url` (bounded) until the main part holds all the words (news is delivered by
    the dispatcher a moment after the action that made it)."""
    page.goto(url)
    for _attempt in range(tries):
        if all(w in page.locator("main").inner_text() for w in words):
            return
        page.wait_for_timeout(500)
        page.reload()
    for w in words:
        shows(page, w)


def card(page: Any, name: str) -> Any:
    return page.locator("article.board-card", has_text=name)


def move_on_board(page: Any, name: str, status_label: str) -> None:
    """One click per move on the board: open the card's moves, press the target status."""
    found = card(page, name)
    found.get_by_text("Déplacer…").click()
    found.get_by_role("group", name=f"Faire passer {name} à").get_by_role(
        "button", name=status_label, exact=True).click()
    shows(page, f"{name} : candidature passée à « {status_label} ».")


def test_a_whole_campaign_in_french(server: str, browser: Any, shots: Path, smtp: SmtpServer,  # noqa: F811
                                    tmp_path: Path) -> None:
    from playwright.sync_api import expect

    steps = Steps(shots)
    deadline = date.today() + timedelta(days=20)
    first_day = date.today() + timedelta(days=9)
    moved_day = date.today() + timedelta(days=11)

    def context() -> Any:
        return browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR",
                                   timezone_id="Europe/Paris")

    # ---- hr creates a posting asking for a cover letter, and opens it ----------------------
    hr = context()
    hr_page = log_in(hr, server, HR_EMAIL, HR_PASSWORD)
    expect(hr_page).to_have_url(server + "/hr/")
    hr_page.get_by_role("link", name="Nouvelle offre").first.click()
    hr_page.get_by_label("Intitulé", exact=True).fill(TITLE)
    hr_page.get_by_label("Type de contrat").select_option("fixed_term")
    hr_page.get_by_label("Durée (mois)").fill("12")
    hr_page.get_by_label("Date limite (jour)").fill(deadline.isoformat())
    hr_page.get_by_label("Missions").fill("Coordonner les projets européens du service.")
    hr_page.locator("#requirements-0-kind").select_option("language")
    hr_page.locator("#requirements-0-label").fill("Anglais courant")
    hr_page.locator("#requirements-0-level").fill("B2")
    hr_page.locator("#required_documents-0-kind").select_option("cover_letter")
    hr_page.locator("#required_documents-0-label").fill("Lettre de motivation")
    hr_page.locator("#required_documents-0-required").select_option("1")
    steps.snap(hr_page, "hr-posting-form")
    hr_page.get_by_label("Intitulé", exact=True).press("Enter")
    shows(hr_page, "enregistrée en brouillon")
    hr_page.get_by_role("button", name="Ouvrir aux candidatures").click()
    shows(hr_page, "Statut modifié.")
    posting_url = hr_page.url
    reference = posting_url.rsplit("/", 1)[-1]
    steps.snap(hr_page, "hr-posting-open")

    # ---- three candidates apply through the pages ---------------------------------------
    candidates: dict[str, Any] = {}
    application_urls: dict[str, str] = {}
    for name in (LEA, KARIM, CAMILLE):
        cand = context()
        page = log_in(cand, server, EMAILS[name], PASSWORD)
        expect(page).to_have_url(server + "/me/")
        page.goto(f"{server}/postings/{reference}")
        shows(page, TITLE)
        page.get_by_role("button", name="Candidater / suivre").click()
        expect(page).to_have_url(re.compile(r".*/me/applications/\d+$"))
        application_urls[name] = page.url
        if name == LEA:
            # the letter typed in the letter box counts as the required cover letter
            page.locator("textarea[name=cover_letter]").fill(
                "Madame, Monsieur,\n\nJe souhaite rejoindre la direction des relations "
                "internationales de l’Université Jean Monnet.")
            page.get_by_role("button", name="Enregistrer la lettre").click()
            shows(page, "Lettre enregistrée.")
            expect(page.locator("main")).not_to_contain_text("Still to show")
        else:
            letter = tmp_path / f"Lettre {name}.pdf"
            letter.write_bytes(make_pdf(f"{name} — lettre de motivation"))
            page.get_by_label("Type de pièce").select_option("cover_letter")
            page.get_by_label("Fichier PDF").set_input_files(str(letter))
            page.get_by_role("button", name="Envoyer", exact=True).click()
            shows(page, f"Lettre {name}.pdf")
        page.locator("#rows-0-evidence").fill("Séjour Erasmus à Dublin, IELTS 7,5")
        page.locator("#rows-0-self_rating").select_option("3")
        page.get_by_role("button", name="Enregistrer mes réponses").click()
        shows(page, "Réponses enregistrées.")
        steps.snap(page, f"candidate-{SLUG[name]}-application-draft")
        page.get_by_role("button", name="Déposer ma candidature").click()
        shows(page, "Candidature déposée.")
        shows(page, "Déposée")
        candidates[name] = page
    steps.snap(candidates[LEA], "candidate-lea-submitted")

    # ---- hr hears of the three applications: dashboard count and inbox notices -----------
    hr_page.goto(server + "/hr/")
    shows(hr_page, "3 nouvelles candidatures depuis votre dernière visite")
    steps.snap(hr_page, "hr-dashboard-news")
    wait_for_text(hr_page, server + "/inbox/",
                  [f"Nouvelle candidature : {name}" for name in (LEA, KARIM, CAMILLE)])
    steps.snap(hr_page, "hr-inbox-news")

    # ---- the pipeline board: two to review, one click per move --------------------------
    hr_page.goto(posting_url)
    hr_page.get_by_role("link", name="Tableau de suivi").first.click()
    shows(hr_page, "Tableau de suivi")
    submitted = hr_page.locator('section.column[data-status="submitted"]')
    for name in (LEA, KARIM, CAMILLE):
        expect(submitted).to_contain_text(name)
    # a letter typed or uploaded: each card reads its documents complete
    expect(card(hr_page, LEA)).to_contain_text("Complètes")
    steps.snap(hr_page, "hr-board-submitted")
    move_on_board(hr_page, LEA, "En cours d’examen")
    move_on_board(hr_page, KARIM, "En cours d’examen")
    review = hr_page.locator('section.column[data-status="under_review"]')
    expect(review).to_contain_text(LEA)
    expect(review).to_contain_text(KARIM)
    steps.snap(hr_page, "hr-board-review")

    # ---- Camille rejected in bulk, with the organisation's template ----------------------
    hr_page.get_by_label(f"Sélectionner {CAMILLE}").check()
    hr_page.get_by_label("Passer la sélection à").select_option("rejected")
    hr_page.get_by_label("Message à chaque candidat·e").select_option(
        label="Refus après examen")
    hr_page.get_by_role("button", name="Vérifier et confirmer…").click()
    # the confirmation page: who moves, and the message as she will read it
    shows(hr_page, "Passer cette candidature à « Non retenue » ?")
    shows(hr_page, f"Bonjour {CAMILLE}")
    steps.snap(hr_page, "hr-bulk-confirm")
    hr_page.get_by_role("button", name="Oui, la déplacer").click()
    shows(hr_page, f"Passée(s) à « Non retenue » : {CAMILLE}")
    expect(hr_page.locator('section.column[data-status="rejected"]')).to_contain_text(CAMILLE)
    steps.snap(hr_page, "hr-board-rejected")
    [rejection] = mail_to(smtp, EMAILS[CAMILLE], lambda s: s == f"Votre candidature — {TITLE}")
    body = text_of(rejection)
    assert f"Bonjour {CAMILLE}" in body
    assert "nous ne sommes pas en mesure de donner une suite favorable" in body
    assert "Université Jean Monnet" in body
    # ...and she reads it on her application's page, with her status
    camille = candidates[CAMILLE]
    camille.goto(application_urls[CAMILLE])
    shows(camille, "Non retenue")
    shows(camille, "nous ne sommes pas en mesure de donner une suite favorable")
    steps.snap(camille, "candidate-camille-rejected")

    # ---- interviews for Léa and Karim ---------------------------------------------------
    for name, at in ((LEA, "10:00"), (KARIM, "14:30")):
        hr_page.goto(posting_url)
        hr_page.get_by_role("link", name="Planifier un entretien").first.click()
        hr_page.get_by_label("Candidat·e (vide : la date commune de l’offre)").select_option(
            label=name)
        hr_page.get_by_label("Date", exact=True).fill(first_day.isoformat())
        hr_page.get_by_label("Heure (vide : toute la journée)").fill(at)
        hr_page.get_by_label("Lieu").fill("Salle du conseil, bâtiment A")
        steps.snap(hr_page, f"hr-interview-form-{SLUG[name]}")
        hr_page.get_by_role("button", name="Planifier l’entretien").click()
        shows(hr_page, "Entretien planifié.")
    invitations = {name: mail_to(smtp, EMAILS[name], lambda s: s.startswith("Entretien fixé"))[0]
                   for name in (LEA, KARIM)}
    first = {name: the_event(calendar_of(m)) for name, m in invitations.items()}
    hr_page.goto(posting_url)
    interviews = hr_page.locator("section#interviews")
    expect(interviews).to_contain_text(LEA)
    expect(interviews).to_contain_text(KARIM)
    steps.snap(hr_page, "hr-posting-interviews")

    # Léa's interview moves two days later: her calendar's event is updated, not doubled
    interviews.locator("tr", has_text=LEA).get_by_role("link", name="Déplacer").click()
    shows(hr_page, "Déplacer l’entretien")
    hr_page.get_by_label("Date", exact=True).fill(moved_day.isoformat())
    hr_page.get_by_label("Heure (vide : toute la journée)").fill("11:00")
    steps.snap(hr_page, "hr-interview-move")
    hr_page.get_by_role("button", name="Déplacer l’entretien").click()
    shows(hr_page, "Entretien déplacé")
    [moved] = mail_to(smtp, EMAILS[LEA], lambda s: s.startswith("Entretien déplacé"))
    assert TITLE in str(moved["Subject"])
    moved_calendar = calendar_of(moved)
    moved_event = the_event(moved_calendar)
    assert str(moved_event["UID"]) == str(first[LEA]["UID"])
    assert int(moved_event["SEQUENCE"]) > int(first[LEA].get("SEQUENCE", 0))
    assert moved_event.decoded("DTSTART").date() == moved_day
    assert str(moved_calendar.get("METHOD")) == "REQUEST"
    assert "déplacé" in text_of(moved)

    # Karim's interview is cancelled, after a confirmation step
    interviews = hr_page.locator("section#interviews")
    interviews.locator("tr", has_text=KARIM).get_by_role("link", name="Annuler…").click()
    shows(hr_page, "Annuler l’entretien ?")
    hr_page.locator("textarea[name=reason]").fill("Le jury ne peut pas se réunir ce jour-là.")
    steps.snap(hr_page, "hr-interview-cancel-confirm")
    hr_page.get_by_role("button", name="Annuler l’entretien").click()
    shows(hr_page, "Entretien annulé")
    [cancelled] = mail_to(smtp, EMAILS[KARIM], lambda s: s.startswith("Entretien annulé"))
    cancelled_calendar = calendar_of(cancelled)
    assert str(cancelled_calendar.get("METHOD")) == "CANCEL"
    cancelled_event = the_event(cancelled_calendar)
    assert str(cancelled_event["UID"]) == str(first[KARIM]["UID"])
    assert int(cancelled_event["SEQUENCE"]) > int(first[KARIM].get("SEQUENCE", 0))
    assert "annulé" in text_of(cancelled)
    hr_page.goto(posting_url)
    steps.snap(hr_page, "hr-posting-interviews-changed")

    # what the two candidates see: Léa the new time only, Karim the cancellation
    lea = candidates[LEA]
    lea.goto(application_urls[LEA])
    shows(lea, "Entretien")
    shows(lea, "11:00")
    expect(lea.locator("main")).not_to_contain_text("10:00")
    steps.snap(lea, "candidate-lea-interview-moved")
    karim = candidates[KARIM]
    karim.goto(application_urls[KARIM])
    expect(karim.locator("main")).not_to_contain_text("14:30")  # no stale slot left
    wait_for_text(karim, server + "/inbox/", [f"Entretien annulé : {TITLE}"])
    steps.snap(karim, "candidate-karim-interview-cancelled")

    # ---- hr rates Léa, makes her an offer, and marks the posting filled -------------------
    hr_page.goto(posting_url)
    hr_page.get_by_role("link", name=LEA).first.click()
    hr_page.locator("#rows-0-rating").select_option("4")
    hr_page.get_by_role("button", name="Enregistrer les notes").click()
    shows(hr_page, "Notes enregistrées.")
    shows(hr_page, "noté 4/4 par le jury")  # the panel's rating now drives her fit
    steps.snap(hr_page, "hr-application-rated")
    hr_page.goto(posting_url)
    hr_page.get_by_role("link", name="Tableau de suivi").first.click()
    move_on_board(hr_page, LEA, "Proposition")
    expect(hr_page.locator('section.column[data-status="offer"]')).to_contain_text(LEA)
    steps.snap(hr_page, "hr-board-offer")
    wait_for_text(lea, server + "/me/", ["Proposition"])
    steps.snap(lea, "candidate-lea-offer")
    hr_page.goto(posting_url)
    hr_page.get_by_role("button", name="Marquer pourvue").click()
    shows(hr_page, "Statut modifié.")
    shows(hr_page, "Pourvu")
    steps.snap(hr_page, "hr-posting-filled")

    # every page anyone saw was French: no stray English of the steps above
    for page in (hr_page, lea, karim, camille):
        main = page.locator("main").inner_text()
        for english in ("Submitted", "Under review", "Interview scheduled", "Still to show",
                        "Move to", "Rejected"):
            assert english not in main, f"{english!r} on {page.url}"
    for ctx in {page.context for page in (hr_page, *candidates.values())}:
        ctx.close()
