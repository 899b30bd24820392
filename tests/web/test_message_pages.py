"""The pages of messages to candidates (issue #14), in English and in French: the templates of
an organisation (edit, preview with a real application, an unknown variable refused, back to
the default, the acknowledgement switch) and "write to the candidate" from an application's
page, whose e-mail reaches the loopback SMTP server in the candidate's language."""

from __future__ import annotations

import re

import pytest

from tests.reminders.conftest import run
from tests.web.conftest import text
from tests.web.mailbox import browser, mail_app, smtp_server
from tracker.models import Locale
from tracker.services import messages
from tracker.services.hiring import applications


@pytest.fixture
def smtp():  # noqa: ANN201
    yield from smtp_server()


@pytest.fixture
def site(session_factory, clock, tmp_path, smtp):  # noqa: ANN001, ANN201
    return mail_app(session_factory, clock, tmp_path, smtp)


@pytest.fixture
def submitted(session, posting, candidate, clock):  # noqa: ANN001, ANN201
    app = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    applications.move(session, app, "submitted", actor=candidate, clock=clock)
    session.commit()
    return app


def plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_templates_page_in_english_edit_preview_refuse_save_reset(site, hr, submitted, session):
    web = browser(site).as_user(hr)
    page = plain(text(web.get("/hr/messages")))
    assert "Messages to candidates" in page
    for label in ("Acknowledgement of receipt", "Invitation to an interview",
                  "Rejection after review", "Rejection after an interview", "Job offer"):
        assert label in page
    assert page.count("· default text") == 10
    editor = "/hr/messages/rejection_after_review/fr"
    page = text(web.get(editor))
    assert "Bonjour {{ candidate_name }}" in page  # the French default, to edit
    assert "the candidate&#39;s full name" in page and "{{&nbsp;posting_reference&nbsp;}}" in page
    # preview with one of the organisation's real applications
    answer = web.post(editor, {"subject": "Réponse — {{ posting_title }}",
                               "body": "Bonjour {{ candidate_name }},\n\nNon.",
                               "sample": str(submitted.id), "preview": "1"}, token_from=editor)
    assert answer.status_code == 200
    shown = plain(text(answer))
    assert "Preview" in shown and "Bonjour Camille Martin, Non." in shown
    assert "Réponse — Chargé de coopération internationale" in shown
    # an unknown variable is refused, named, next to the text
    answer = web.post(editor, {"subject": "Réponse", "body": "Bonjour {{ candidat }}",
                               "save": "1"}, token_from=editor)
    assert answer.status_code == 400
    assert ("unknown variable “candidat”: use one of the variables listed beside the form"
            in plain(text(answer)))
    answer = web.post(editor, {"subject": "Réponse", "body": "{{ ''.__class__ }}",
                               "save": "1"}, token_from=editor)
    assert answer.status_code == 400
    assert "only the listed variables, {% if %} tests and filters may be used" in plain(
        text(answer)).replace("&#34;", '"')
    answer = web.post(editor, {"subject": "Réponse — {{ posting_reference }}",
                               "body": "Bonjour {{ candidate_name }},\n\nNon.", "save": "1"},
                      token_from=editor)
    assert answer.status_code == 302
    assert "Template saved." in plain(text(web.get(editor)))
    page = plain(text(web.get("/hr/messages")))
    assert page.count("· default text") == 9 and "your text" in page
    answer = web.post(editor, {"reset": "1", "subject": "x", "body": "y"}, token_from=editor)
    assert answer.status_code == 302
    assert plain(text(web.get("/hr/messages"))).count("· default text") == 10


def test_templates_page_in_french_and_the_acknowledgement_switch(site, hr, session, ujm):
    hr.locale = Locale.FR
    session.commit()
    web = browser(site).as_user(hr)
    page = plain(text(web.get("/hr/messages")))
    assert "Messages aux candidats" in page and "Accusé de réception" in page
    assert "Refus après un entretien" in page and "texte par défaut" in page
    editor = "/hr/messages/offer/en"
    page = plain(text(web.get(editor)))
    assert "Proposition d’embauche (anglais)" in page and "Variables" in page
    assert "le nom complet du candidat" in page
    answer = web.post(editor, {"subject": "Offer", "body": "Hello {{ nom }}", "save": "1"},
                      token_from=editor)
    assert answer.status_code == 400
    assert "variable inconnue « nom »" in plain(text(answer))
    answer = web.post(editor, {"subject": "Offer", "body": "Hello\n{% if interview %}",
                               "save": "1"}, token_from=editor)
    assert answer.status_code == 400
    assert ("le texte est illisible à la ligne 2 : vérifiez ses marques {{ }} et {% %}"
            in plain(text(answer)))
    answer = web.post("/hr/messages", {"submit": "1"}, token_from="/hr/messages")
    assert answer.status_code == 302
    session.expire_all()
    assert ujm.acknowledge_applications is False


def test_write_to_a_french_candidate_preview_send_and_the_email_arrives_in_french(
        site, hr, submitted, candidate, session, session_factory, clock, smtp):
    candidate.locale = Locale.FR
    session.commit()
    web = browser(site).as_user(hr)
    page = plain(text(web.get(f"/hr/applications/{submitted.id}")))
    assert "Messages sent" in page and "No message sent." in page
    write = f"/hr/applications/{submitted.id}/message?kind=rejection_after_review"
    page = text(web.get(write))
    assert "Bonjour {{ candidate_name }}" in page  # the French template: she reads French
    assert "The candidate reads in French" in plain(page)
    subject = "Votre candidature — {{ posting_title }}"
    body = "Bonjour {{ candidate_name }},\n\nNous ne retenons pas votre candidature."
    answer = web.post(write, {"subject": subject, "body": body, "preview": "1"},
                      token_from=write)
    assert answer.status_code == 200
    assert "Bonjour Camille Martin, Nous ne retenons pas" in plain(text(answer))
    answer = web.post(write, {"subject": subject, "body": body, "send": "1"}, token_from=write)
    assert answer.status_code == 302
    page = plain(text(web.get(f"/hr/applications/{submitted.id}")))
    assert "Message sent to the candidate." in page
    assert "Votre candidature — Chargé de coopération internationale" in page
    assert "Claire Dubois · camille@example.org" in page
    assert "Message sent to the candidate" in page  # the audit trail's sentence
    report = run(session_factory, clock, site.config["TRACKER_SETTINGS"])
    assert sorted(s["channel"] for s in report.sent
                  if s["kind"] != "application_received") == ["email", "in_app"]  # (hr news: #14)
    [mail] = smtp.inbox.messages
    assert mail["Subject"] == "Votre candidature — Chargé de coopération internationale"
    assert mail["Content-Language"] == "fr"
    body_text = mail.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "Bonjour Camille Martin,\n\nNous ne retenons pas votre candidature." in body_text
    assert f"https://tracker.example/applications/{submitted.id}" in body_text
    assert [m.subject for m in messages.list_messages(session, submitted, actor=hr)] == [
        "Votre candidature — Chargé de coopération internationale"]
    # the candidate reads it on their application's page, in French
    mine = plain(text(browser(site).as_user(candidate).get(f"/me/applications/{submitted.id}")))
    assert "Messages de l’employeur" in mine
    assert "Votre candidature — Chargé de coopération internationale" in mine
    assert "Nous ne retenons pas votre candidature." in mine


def test_write_page_in_french_and_an_empty_text_refused(site, hr, submitted, session):
    hr.locale = Locale.FR
    session.commit()
    web = browser(site).as_user(hr)
    write = f"/hr/applications/{submitted.id}/message"
    page = plain(text(web.get(write)))
    assert "Écrire au candidat" in page and "Une page blanche" in page
    answer = web.post(write, {"subject": "Bonjour", "body": " ", "send": "1"}, token_from=write)
    assert answer.status_code == 400
    assert "ne doit pas être vide" in plain(text(answer))
