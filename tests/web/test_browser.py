"""The whole story in a real browser: Debian's Chromium driven by Playwright against a real
`tracker serve` (waitress) on a free port with its own SQLite file.

An hr user creates a posting with requirements and opens it; a candidate registers, applies,
uploads a CV, answers two requirements and submits; the hr user moves the application to
interview and schedules it; the candidate sees both on their applications page and in their
inbox (delivered by the dispatcher `tracker serve` runs in-process); both download
their dossier. Screenshots of the main pages, at 1280 px and at phone width, go to
test-artifacts/screenshots/ (TRACKER_TEST_ARTIFACTS to change it): look at them.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.uploads import make_pdf

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("TRACKER_TEST_ARTIFACTS", ROOT / "test-artifacts")) / "screenshots"
HR_EMAIL, HR_PASSWORD = "rh@ujm.example", "hr password 2024"
CANDIDATE_EMAIL, CANDIDATE_PASSWORD = "nour.haddad@example.org", "candidate password"


def _chromium_or_skip() -> None:
    if Path(CHROMIUM).exists():
        return
    message = f"{CHROMIUM} is missing: run .ci/setup (it installs Debian's chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tracker_env(data: Path, **extra: str) -> dict[str, str]:
    """The environment of a served tracker with its own data folder (the dispatcher ticks every
    second), none of the caller's TRACKER_ settings but where the artefacts go."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("TRACKER_") or k == "TRACKER_TEST_ARTIFACTS"}
    env.update(TRACKER_DATA_DIR=str(data), TRACKER_REPORTS_DIR=str(data / "reports"),
               TRACKER_SCHEDULER_INTERVAL_S="1", **extra)
    return env


def tracker_cli(env: dict[str, str]) -> Callable[..., None]:
    """`run("user", "add", ..., stdin=...)`: a `tracker` command in that environment."""
    tracker = str(Path(sys.executable).with_name("tracker"))

    def run(*args: str, stdin: str | None = None) -> None:
        subprocess.run([tracker, *args], env=env, input=stdin, text=True, check=True,
                       capture_output=True, timeout=120)

    return run


@contextmanager
def serving(env: dict[str, str], data: Path, port: int) -> Iterator[str]:
    """`tracker serve` on `port` until the block ends; yields its base URL once it answers.
    The server's log goes to a file (a pipe nobody reads would fill up and block it); its end
    is printed, so a failing test shows it."""
    tracker = str(Path(sys.executable).with_name("tracker"))
    log = data / "serve.log"
    process = subprocess.Popen([tracker, "serve", "--port", str(port)], env=env,
                               stdout=log.open("w"), stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/", timeout=2):
                    break
            except OSError as exc:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"tracker serve did not start: {log.read_text()}") from exc
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
        print("tracker serve log (end):", log.read_text()[-6000:], sep="\n")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`tracker serve` on a fresh embedded database holding one organisation and its hr user."""
    _chromium_or_skip()
    data = tmp_path_factory.mktemp("served")
    env = tracker_env(data)
    run = tracker_cli(env)
    run("org", "add", "--slug", "ujm", "--name", "Université Jean Monnet")
    run("user", "add", "--email", HR_EMAIL, "--name", "Claire Dubois", "--role", "hr",
        "--org", "ujm", "--locale", "en", "--password-stdin", stdin=HR_PASSWORD + "\n")
    with serving(env, data, _free_port()) as base:
        yield base


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots() -> Path:
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS


def snap(page: Any, folder: Path, name: str) -> None:
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def pdf_text(path: str) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def shows(page: Any, words: str) -> None:
    """The page (once the navigation a click started is over) shows these words."""
    from playwright.sync_api import expect

    expect(page.locator("body")).to_contain_text(words)


def log_in(page: Any, base: str, email: str, password: str) -> None:
    page.goto(base + "/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.locator("main").get_by_role("button", name="Log in").click()


def test_the_whole_story_in_chromium(server: str, browser: Any, shots: Path,
                                      tmp_path: Path) -> None:
    from playwright.sync_api import expect

    deadline = date.today() + timedelta(days=20)
    interview_day = date.today() + timedelta(days=10)
    hr = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB",
                             accept_downloads=True)
    hr_page = hr.new_page()
    log_in(hr_page, server, HR_EMAIL, HR_PASSWORD)
    expect(hr_page).to_have_url(server + "/hr/")

    # hr creates a posting with two requirements and a required CV, then opens it
    hr_page.get_by_role("link", name="New posting").first.click()
    hr_page.get_by_label("Title", exact=True).fill("Chargé·e de coopération internationale")
    hr_page.get_by_label("Employment type").select_option("fixed_term")
    hr_page.get_by_label("Duration (months)").fill("6")
    hr_page.get_by_label("Deadline (date)").fill(deadline.isoformat())
    hr_page.get_by_label("Missions").fill("Coordonner les projets européens.")
    hr_page.locator("#requirements-0-kind").select_option("language")
    hr_page.locator("#requirements-0-label").fill("Anglais courant")
    hr_page.locator("#requirements-0-level").fill("B2")
    hr_page.locator("#requirements-1-kind").select_option("technical_skill")
    hr_page.locator("#requirements-1-label").fill("Gestion de projet")
    hr_page.locator("#required_documents-0-kind").select_option("cv")
    hr_page.locator("#required_documents-0-label").fill("Curriculum vitae")
    snap(hr_page, shots, "hr-posting-form")
    # Enter in a text field saves (the form's default button), not the occupation button
    hr_page.get_by_label("Title", exact=True).press("Enter")
    shows(hr_page, "saved as a draft")
    hr_page.get_by_role("button", name="Open for applications").click()
    shows(hr_page, "Status changed.")
    reference = hr_page.url.rsplit("/", 1)[-1]

    # a candidate registers, finds the posting and applies
    cand = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB",
                               accept_downloads=True)
    page = cand.new_page()
    page.goto(server + "/")
    snap(page, shots, "phone-public-postings")
    page.get_by_role("link", name="Create an account").click()
    page.get_by_label("Full name").fill("Nour Haddad")
    page.get_by_label("E-mail").fill(CANDIDATE_EMAIL)
    page.get_by_label("Password", exact=True).fill(CANDIDATE_PASSWORD)
    page.get_by_label("Password again").fill(CANDIDATE_PASSWORD)
    page.get_by_label("Language").select_option("en")
    page.get_by_role("button", name="Create my account").click()
    # the same answer whether the address was known or not: the person then logs in
    expect(page).to_have_url(server + "/login")
    log_in(page, server, CANDIDATE_EMAIL, CANDIDATE_PASSWORD)
    expect(page).to_have_url(server + "/me/")
    page.get_by_role("link", name="Find a posting").click()
    page.get_by_label("Search").fill("coopération")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Chargé·e de coopération internationale").click()
    snap(page, shots, "phone-public-posting")
    expect(page.locator('script[type="application/ld+json"]')).to_have_count(1)
    assert '"@type": "JobPosting"' in page.content()
    page.get_by_role("button", name="Apply / start tracking").click()
    expect(page).to_have_url(re.compile(r".*/me/applications/\d+$"))
    application_url = page.url

    # uploads a CV, answers both requirements, submits
    cv = tmp_path / "CV Nour Haddad.pdf"
    cv.write_bytes(make_pdf("Nour Haddad — Curriculum vitae"))
    page.get_by_label("Kind of document").select_option("cv")
    page.get_by_label("PDF file").set_input_files(str(cv))
    page.get_by_role("button", name="Upload").click()
    shows(page, "CV Nour Haddad.pdf uploaded.")
    page.locator("#rows-0-evidence").fill("IELTS 7.5, two years in Dublin")
    page.locator("#rows-0-self_rating").select_option("3")
    page.locator("#rows-1-evidence").fill("Erasmus+ KA2 project lead")
    page.get_by_role("button", name="Save my answers").click()
    shows(page, "Answers saved.")
    snap(page, shots, "phone-candidate-application")
    page.get_by_role("button", name="Submit my application").click()
    shows(page, "Application submitted.")

    # hr moves the application to interview from the posting page, then schedules it
    hr_page.goto(f"{server}/hr/postings/{reference}")
    # one button per move the workflow allows (#14), no move chosen in advance
    moves = hr_page.get_by_role("group", name="Move Nour Haddad to")
    moves.get_by_role("button", name="Interview", exact=True).click()
    shows(hr_page, "Nour Haddad moved to “Interview”.")
    hr_page.get_by_role("link", name="Schedule an interview").click()
    hr_page.get_by_label("Applicant").select_option(label="Nour Haddad")
    hr_page.get_by_label("Date", exact=True).fill(interview_day.isoformat())
    hr_page.get_by_label("Time (empty: the whole day)").fill("10:30")
    hr_page.get_by_label("Place").fill("Salle du conseil")
    hr_page.get_by_role("button", name="Schedule interview").click()
    shows(hr_page, "Interview scheduled.")
    snap(hr_page, shots, "hr-posting-applicants")
    hr_page.locator("#applicants").get_by_role("link", name="Nour Haddad").click()
    snap(hr_page, shots, "hr-application")
    # a job (#16): its page reloads itself until the worker of `tracker serve` made it
    with hr_page.expect_download(timeout=180_000) as hr_download:
        hr_page.get_by_role("link", name="Application dossier (PDF)").click()
    hr_pdf = tmp_path / "hr-dossier.pdf"
    hr_download.value.save_as(hr_pdf)
    assert hr_pdf.read_bytes().startswith(b"%PDF-")
    hr_text = pdf_text(str(hr_pdf))
    assert "Nour Haddad" in hr_text and "IELTS 7.5" in hr_text
    hr_page.goto(server + "/hr/")
    shows(hr_page, "Nour Haddad")  # the interview is within 14 days
    snap(hr_page, shots, "hr-dashboard")
    hr_page.goto(server + "/account")
    shows(hr_page, "When my organisation's reminders go out")
    snap(hr_page, shots, "hr-account")

    # the candidate sees the status and the interview on their applications page
    page.goto(server + "/me/")
    mine = page.content()
    assert 'status-interview">Interview' in mine and "Salle du conseil" in mine
    assert "10:30" in mine
    snap(page, shots, "phone-candidate-applications")

    # the in-process dispatcher of `tracker serve` put the three pieces of news in the inbox
    # (the employer's acknowledgement of receipt, #14): the candidate reloads it a few times
    # (bounded) until they are there
    title = "Chargé·e de coopération internationale"
    news = [f"Application moved to “Interview”: {title}", f"Interview scheduled: {title}",
            f"We have received your application — {title}"]
    page.goto(server + "/inbox/")
    for _attempt in range(40):
        if all(words in page.locator("main").inner_text() for words in news):
            break
        page.wait_for_timeout(500)
        page.reload()
    for words in news:
        shows(page, words)
    expect(page.locator(".note.unread")).to_have_count(3)
    expect(page.locator("nav.main .count")).to_contain_text("3")
    shows(page, "10:30")
    snap(page, shots, "phone-candidate-inbox")
    page.get_by_role("link", name=news[1]).click()  # read now, and it opens the application
    expect(page).to_have_url(application_url)
    page.goto(server + "/inbox/")
    expect(page.locator(".note.unread")).to_have_count(2)
    expect(page.locator(".note.read")).to_have_count(1)
    page.goto(application_url)
    with page.expect_download(timeout=180_000) as download:  # a job, as above
        page.get_by_role("link", name="Download my dossier (PDF)").click()
    mine_pdf = tmp_path / "my-dossier.pdf"
    download.value.save_as(mine_pdf)
    assert mine_pdf.read_bytes().startswith(b"%PDF-")
    text = pdf_text(str(mine_pdf))
    assert "Nour Haddad" in text and "Erasmus+ KA2 project lead" in text
    assert "Curriculum vitae" in text  # the uploaded CV is appended

    # the same pages at 1280 px
    wide = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    wide_page = wide.new_page()
    log_in(wide_page, server, CANDIDATE_EMAIL, CANDIDATE_PASSWORD)
    snap(wide_page, shots, "candidate-applications")
    wide_page.goto(application_url)
    snap(wide_page, shots, "candidate-application")
    wide_page.goto(f"{server}/postings/{reference}")
    snap(wide_page, shots, "public-posting")
    wide_page.goto(f"{server}/inbox/")
    snap(wide_page, shots, "candidate-inbox")
    wide_page.goto(f"{server}/account")
    snap(wide_page, shots, "candidate-account")
    for context in (hr, cand, wide):
        context.close()
