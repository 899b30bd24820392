"""The leak matrix: the employer side's own judgement never reaches a candidate.

Marker values go into every hr-only field of candidate A's application (the reviewer's ratings
and the fit they weigh, hr notes, the comments of hr's status moves, a panel's comment on
another applicant's interview) and into another applicant (B: their name, address, answers,
interview and panel). Then every output A can get is read as A gets it: each candidate page,
each API answer, the application dossier PDF (text read back), the e-mails the dispatcher sends
A through a real SMTP server, the calendar (download and feed) and the exports of the command
line. None may hold a marker.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import date, time

import pytest
from flask import Flask
from pypdf import PdfReader

from tests.reminders.conftest import run, settings, smtp  # noqa: F401 (fixtures)
from tests.web.conftest import Web, web_settings
from tests.web.dossier_jobs import fetch_dossier
from tests.web.test_authorization import RULES
from tracker.app import create_app
from tracker.domain.access import OPERATOR
from tracker.i18n import Formatter
from tracker.services.accounts import tokens, users
from tracker.services.exports import calendar
from tracker.services.hiring import applications, evidence, interviews
from tracker.services.jobs import run_here

NOTE = "LEAKNOTE7731"
COMMENT = "LEAKCOMMENT9931"
OUTCOME = "LEAKOUTCOME5520"
OTHER_NAME = "Zoé Autrecandidate"
OTHER_EMAIL = "zoe.autrecandidate@example.org"
OTHER_ANSWER = "LEAKOTHERANSWER"
PANEL_B = "Pierre Panelleakb"
MARKERS = [NOTE, COMMENT, OUTCOME, "Autrecandidate", "zoe.autrecandidate", OTHER_ANSWER,
           "Panelleakb", "panel.leakb"]
# The words that introduce the employer's judgement in a dossier, in both languages.
JUDGEMENT_WORDS = [Formatter(lang)(key) for lang in ("fr", "en")
                   for key in ("reviewer_rating", "fit_score_is")]


@pytest.fixture
def world(session, posting, hr, candidate, clock):  # noqa: ANN001, ANN201
    other = users.create_user(session, email=OTHER_EMAIL, full_name=OTHER_NAME,
                              role="candidate", clock=clock, actor=OPERATOR)
    first = posting.requirements[0]
    apps = {}
    for who, shown in ((candidate, "TOEIC 945"), (other, OTHER_ANSWER)):
        app = applications.start(session, posting, who, actor=who, clock=clock)
        evidence.give_evidence(session, app, first, evidence=shown, self_rating=2, actor=who,
                               clock=clock)
        applications.move(session, app, "submitted", actor=who, clock=clock)
        apps[who.id] = app
    mine, theirs = apps[candidate.id], apps[other.id]
    for app in (mine, theirs):
        for requirement in posting.requirements:
            evidence.rate_evidence(session, app, requirement, rating=4, actor=hr, clock=clock)
        evidence.add_note(session, app, f"{NOTE} weak English", actor=hr, clock=clock)
        applications.move(session, app, "under_review", actor=hr, comment=COMMENT, clock=clock)
    interviews.schedule(session, posting, day=date(2024, 4, 22), at=time(10, 0),
                        application=mine, actor=hr, clock=clock)
    theirs_interview = interviews.schedule(
        session, posting, day=date(2024, 4, 22), at=time(11, 0), application=theirs,
        panel=[interviews.Panelist(PANEL_B, "panel.leakb@outside.example")], actor=hr,
        clock=clock)
    interviews.cancel(session, theirs_interview, actor=hr, reason=OUTCOME, clock=clock)
    session.flush()
    return mine


def assert_clean(where: str, text: str) -> None:
    found = [m for m in MARKERS if m.lower() in text.lower()]
    assert not found, f"{where} shows {found}"


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def zip_text(content: bytes) -> str:
    """The text of an export of one's data: data.json, the README, the dossiers' text (the
    documents are the candidate's own uploads)."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        parts = [archive.read("data.json").decode(), archive.read("README.txt").decode()]
        for name in archive.namelist():
            if name.startswith("dossiers/"):
                text = pdf_text(archive.read(name))
                for words in JUDGEMENT_WORDS:
                    assert words not in text, f"the exported dossier shows {words!r}"
                parts.append(text)
    assert "TOEIC 945" in "\n".join(parts)  # the candidate's own answer is there
    return "\n".join(parts)


@pytest.fixture
def candidate_app(session_factory, clock, tmp_path) -> Flask:  # noqa: ANN001
    app = create_app(web_settings(tmp_path), session_factory=session_factory, clock=clock)
    app.config.update(TESTING=True)
    return app


# Every page candidate A opens (by endpoint), with the data it shows.
PAGES = {
    "candidate.applications": "/me/",
    "candidate.profile": "/me/profile",
    "candidate.application": "/me/applications/{a}",
    "candidate.dossier": "/me/applications/{a}/dossier.pdf",
    "candidate.confirm_withdraw": "/me/applications/{a}/withdraw",
    "candidate.posting_import": "/me/postings/import",
    "candidate.posting_new": "/me/postings/new",
    "public.index": "/",
    "public.posting": "/postings/{p}",
    "inbox.index": "/inbox/",
    "auth.account": "/account",
    "keys.calendar_download": "/account/calendar.ics",
    "keys.calendar_feed": "/calendar/{feed}.ics",
    "privacy.export_mine": "/account/export.zip",
    "privacy.notice": "/privacy",
}
NOT_READ = {
    "candidate.posting",  # A's own private posting: nobody applies to it but A
    "public.document",  # A's own upload, served as A sent it
    "candidate.confirm_remove_document",  # names A's own upload, asks to confirm its removal
    "inbox.follow",  # a redirect to the notification's link
    "links.application", "links.interview",  # redirects to the page of the reader's side
    "auth.login", "auth.register",  # forms without data
    "auth.forgot_password", "auth.reset_password", "invitations.accept",  # forms without data
    "health.healthz", "health.readyz",  # the installation's health, no one's data
    "jobs.status", "jobs.file",  # the dossier's job page and file: read with candidate.dossier
}


def test_every_candidate_page_is_in_the_matrix() -> None:
    """A new page a candidate may open joins the matrix (the rules of the authorization
    test: every GET candidate A may reach)."""
    reachable = {endpoint for endpoint, cases in RULES.items() for c in cases
                 if c.method == "GET" and "cand_a" in c.allowed}
    assert reachable <= set(PAGES) | NOT_READ, reachable - set(PAGES) - NOT_READ


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_candidate_pages_and_dossier_hold_no_hr_only_value(
        world, posting, session, candidate, clock, candidate_app, lang) -> None:  # noqa: ANN001
    candidate.locale = lang
    session.flush()
    web = Web(candidate_app.test_client()).as_user(candidate)
    feed = calendar.feed_token(session, candidate, clock)
    for endpoint, page in PAGES.items():
        url = page.format(a=world.id, p=posting.reference, feed=feed)
        if endpoint == "candidate.dossier":  # a job (#16): its page, then its file
            response, job_page = fetch_dossier(web, url)
            assert_clean(f"{endpoint} {url} (the job's page)", job_page)
        else:
            response = web.get(url)
        assert response.status_code == 200, (endpoint, url, response.status_code)
        if response.mimetype == "application/zip":
            text = zip_text(response.data)
        elif response.mimetype == "application/pdf":
            text = pdf_text(response.data)
            assert "TOEIC 945" in text  # the candidate's own answer is there
            for words in JUDGEMENT_WORDS:
                assert words not in text, f"the candidate's dossier shows {words!r}"
        else:
            text = response.get_data(as_text=True)
        assert_clean(f"{endpoint} {url}", text)


def test_candidate_api_answers_hold_no_hr_only_value(
        world, posting, session, candidate, clock, candidate_app) -> None:  # noqa: ANN001
    plain, _ = tokens.create_token(session, candidate, "leaks", clock)
    session.flush()
    headers = {"Authorization": f"Bearer {plain}"}
    client = candidate_app.test_client()
    mine = [i.id for i in posting.interviews if i.application_id == world.id]
    urls = ["/api/v1/me", "/api/v1/applications", f"/api/v1/applications/{world.id}",
            f"/api/v1/applications/{world.id}/evidence", "/api/v1/interviews",
            f"/api/v1/interviews/{mine[0]}", "/api/v1/notifications", "/api/v1/postings",
            f"/api/v1/postings/{posting.reference}",
            f"/api/v1/postings/{posting.reference}/requirements"]
    exports = ["/api/v1/me/export", f"/api/v1/candidates/{candidate.id}/export"]
    get_rules = {rule.rule for rule in candidate_app.url_map.iter_rules()
                 if rule.rule.startswith("/api/v1/") and "GET" in (rule.methods or ())}
    # issue #16: the candidate's own dossier, asked for through the API: its job, its PDF
    asked = client.post(f"/api/v1/applications/{world.id}/dossier", headers=headers,
                        json={"language": "en"})
    assert asked.status_code == 202, asked.get_json()
    job_id = asked.get_json()["id"]
    config = candidate_app.config
    run_here(config["TRACKER_SESSION_FACTORY"], job_id, settings=config["TRACKER_SETTINGS"],
             worker="test", clock=config["TRACKER_CLOCK"])
    urls.append(f"/api/v1/dossiers/{job_id}")
    dossier_file = f"/api/v1/dossiers/{job_id}/file"
    # + openapi, fit, an organisation's message templates (#14, refused below) and the
    # dossier's file:
    assert len(get_rules) == len(urls) + len(exports) + 4, sorted(get_rules)
    response = client.get(dossier_file, headers=headers)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = pdf_text(response.data)
    assert "TOEIC 945" in text
    for words in JUDGEMENT_WORDS:
        assert words not in text, f"the candidate's dossier shows {words!r}"
    assert_clean(dossier_file, text)
    for url in exports:
        response = client.get(url, headers=headers)
        assert response.status_code == 200, (url, response.status_code)
        assert_clean(url, zip_text(response.data))
        assert not re.search(r'"reviewer_rating": [1-4]', zip_text(response.data)), url
    for url in urls:
        response = client.get(url, headers=headers)
        assert response.status_code == 200, (url, response.status_code)
        body = response.get_json()
        assert_clean(url, json.dumps(body, ensure_ascii=False))
        assert not re.search(r'"reviewer_rating": [1-4]', json.dumps(body)), url
    fit = client.get(f"/api/v1/applications/{world.id}/fit", headers=headers)
    assert fit.status_code in (403, 404)
    template = client.get("/api/v1/orgs/ujm/message-templates/offer/fr", headers=headers)
    assert template.status_code == 403


def test_candidate_emails_hold_no_hr_only_value(world, session_factory, clock, smtp,  # noqa: F811
                                                settings, candidate) -> None:  # noqa: ANN001, F811
    clock.advance(days=6, hours=10)  # the day before the interview: everything due is sent
    run(session_factory, clock, settings)
    mine = [m for m, to in zip(smtp.inbox.messages, smtp.inbox.recipients, strict=True)
            if candidate.email in to]
    assert mine, "the candidate got no e-mail"
    for message in mine:
        body = "\n".join(part.get_content() for part in message.walk()
                         if part.get_content_type().startswith("text/"))
        assert_clean(f"e-mail {message['Subject']}", f"{message['Subject']}\n{body}")


def test_candidate_exports_hold_no_hr_only_value(world, posting, cli, candidate) -> None:  # noqa: ANN001
    commands = [
        f"--as {candidate.email} application list --format csv",
        f"--as {candidate.email} application list --format json",
        f"--as {candidate.email} application show {world.id} --format json",
        f"export ics --user {candidate.email}",
        f"--as {candidate.email} posting export {posting.reference}",
    ]
    for command in commands:
        result = cli(command)
        assert result.exit_code == 0, (command, result.output)
        assert_clean(command, result.output)
