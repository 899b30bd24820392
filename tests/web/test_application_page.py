"""A candidate's application page: its forms while a draft, what was sent once submitted;
what a submission needs; every error next to its field, with a summary at the top that links
to it; an upload over the request size limit."""

from __future__ import annotations

import io
import re

from tests.uploads import make_pdf
from tests.web.conftest import Web, text
from tracker.config import get_settings
from tracker.models import ApplicationStatus
from tracker.services.hiring import applications, documents, evidence, postings


def cv(session, application, candidate, clock):  # noqa: ANN001, ANN201
    return documents.add_document(session, application, kind="cv", filename="CV.pdf",
                                  content=make_pdf("Camille CV"), actor=candidate, clock=clock, settings=get_settings())


def error_of(page: str, field_id: str) -> str:
    found = re.search(rf'<p class="error" id="{field_id}-error">([^<]*)</p>', page)
    assert found, f"no error next to {field_id}"
    return found.group(1).replace("&#39;", "'")


def test_once_submitted_the_page_shows_what_was_sent_and_changes_are_refused(
        web: Web, application, candidate, posting, session, clock) -> None:  # noqa: ANN001
    document = cv(session, application, candidate, clock)
    evidence.give_evidence(session, application, posting.requirements[0], evidence="TOEIC 945",
                           self_rating=3, actor=candidate, clock=clock)
    evidence.set_cover_letter(session, application, "Madame, Monsieur", actor=candidate,
                              clock=clock)
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    session.flush()
    web.as_user(candidate)
    url = f"/me/applications/{application.id}"
    page = text(web.get(url))
    for control in ("/answers", "/documents\"", "/letter", f"/documents/{document.id}/delete",
                    'name="file"', "<textarea"):
        assert control not in page, control
    answers = page[page.index('id="answers"'):page.index('id="documents"')]
    assert "TOEIC 945" in answers and "3/4" in answers and "no answer" in answers  # Bac + 5
    assert "CV.pdf" in page and "Madame, Monsieur" in page
    assert "it can no longer be changed" in page and f'/me/applications/{application.id}/withdraw">Withdraw</a>' in page
    # and a form sent anyway is refused by the service, saying why
    final = "application: submitted on 2024-04-15: it can no longer be changed"
    refused = web.post(f"{url}/answers", {
        "rows-0-requirement_id": str(posting.requirements[0].id), "rows-0-evidence": "C2",
        "rows-1-requirement_id": str(posting.requirements[1].id), "rows-1-evidence": ""},
        token_from=url)
    assert refused.status_code == 400 and final in text(refused)
    refused = web.post(f"{url}/letter", {"cover_letter": "Autre"}, token_from=url)
    assert refused.status_code == 400 and final in text(refused)
    removed = web.post(f"{url}/documents/{document.id}/delete", {"confirm": "1"},
                       token_from=url)
    assert removed.status_code == 302
    assert final in text(web.get(removed.headers["Location"]))
    session.expire_all()
    assert [e.evidence for e in application.evidence] == ["TOEIC 945"]
    assert [d.filename for d in application.documents] == ["CV.pdf"]
    assert application.cover_letter == "Madame, Monsieur"


def test_submitting_needs_the_documents_and_a_tick_for_unanswered_requirements(
        web: Web, application, candidate, posting, hr, session, clock) -> None:  # noqa: ANN001
    postings.update_posting(session, posting, {
        "apply_method": "in_app", "apply_email": None,
        "required_documents": [{"kind": "cv", "label": "Curriculum vitae"}]},
        actor=hr, clock=clock, settings=get_settings())
    session.flush()
    web.as_user(candidate)
    url = f"/me/applications/{application.id}"
    page = text(web.get(url))
    assert 'action="' + f'{url}/submitted#submit"' in page
    assert "Submit without answering 2 required requirements" in page
    # the box is not ticked: nothing is sent, the box says why
    refused = web.post(f"{url}/submitted", token_from=url)
    assert refused.status_code == 400
    assert "tick this box" in error_of(text(refused), "confirm")
    assert 'href="#submit"' in text(refused)  # the summary at the top links to the form
    # ticked, but the CV the posting asks for is missing
    refused = web.post(f"{url}/submitted", {"confirm": "y"}, token_from=url)
    assert refused.status_code == 400
    assert "documents: required by the posting and missing: Curriculum vitae" in text(refused)
    session.expire_all()
    assert application.status is ApplicationStatus.DRAFT
    cv(session, application, candidate, clock)
    session.flush()
    done = web.post(f"{url}/submitted", {"confirm": "y"}, token_from=url)
    assert done.status_code == 302
    session.expire_all()
    assert application.status is ApplicationStatus.SUBMITTED


def test_a_tampered_rating_shows_next_to_its_row(web: Web, application, candidate, posting,
                                                 session) -> None:  # noqa: ANN001
    web.as_user(candidate)
    url = f"/me/applications/{application.id}"
    refused = web.post(f"{url}/answers", {
        "rows-0-requirement_id": str(posting.requirements[0].id), "rows-0-evidence": "IELTS",
        "rows-0-self_rating": "7",
        "rows-1-requirement_id": str(posting.requirements[1].id), "rows-1-evidence": "Master",
        "rows-1-self_rating": "x"}, token_from=url)
    page = text(refused)
    assert refused.status_code == 400
    assert error_of(page, "rows-0-self_rating") == "must be between 1 and 4"
    assert error_of(page, "rows-1-self_rating") == "not a number"
    assert "self_rating:" not in page  # not the raw message at the top
    assert "IELTS</textarea>" in page  # nothing typed is lost
    session.expire_all()
    assert application.evidence == []


def test_a_failed_upload_opens_at_the_form_with_a_summary_at_the_top(
        web: Web, application, candidate) -> None:  # noqa: ANN001
    web.as_user(candidate)
    url = f"/me/applications/{application.id}"
    assert f'action="{url}/documents#documents"' in text(web.get(url))
    refused = web.post(f"{url}/documents", {"kind": "cv", "file": (io.BytesIO(b"hello"),
                                                                   "cv.pdf")},
                       token_from=url, content_type="multipart/form-data")
    page = text(refused)
    assert refused.status_code == 400 and "is not a PDF" in error_of(page, "file")
    summary = page[page.index('class="alert error summary"'):page.index('id="submit"')]
    assert 'href="#documents">My documents</a>' in summary


def test_an_upload_over_the_request_limit_comes_back_to_the_page(
        web: Web, application, candidate, session) -> None:  # noqa: ANN001
    web.as_user(candidate)
    url = f"/me/applications/{application.id}"
    huge = b"%PDF-1.7\n" + b"0" * 5_000_000  # the test app takes 1 MB files, 2 MB requests
    refused = web.post(f"{url}/documents", {"kind": "cv", "file": (io.BytesIO(huge), "cv.pdf")},
                       token_from=url, content_type="multipart/form-data")
    page = text(refused)
    assert refused.status_code == 413
    assert error_of(page, "file") == "the file is larger than the upload limit of 1 MB"
    assert "My answers to the requirements" in page and 'href="#documents"' in page
    session.expire_all()
    assert application.documents == []
    # someone else's application: the plain page, nothing of it
    web.as_user(None)
    assert web.client.post(f"{url}/documents", data={"file": (io.BytesIO(huge), "cv.pdf")},
                           content_type="multipart/form-data").status_code in (302, 413)


def test_a_long_requirement_heading_stays_inside_its_box(web: Web) -> None:  # noqa: ANN001
    css = text(web.get("/static/style.css"))
    assert re.search(r"fieldset\.answer > legend \{[^}]*float: left; width: 100%", css)


def test_a_posting_taken_by_email_says_what_to_send_where(
        web: Web, application, candidate, posting, hr, session, clock) -> None:  # noqa: ANN001
    """#14: for a posting that takes applications by e-mail the page said the application
    "was sent", though nothing was. It says where to send it with which documents, and keeps
    the candidate's own record of it."""
    from tracker.models import Locale

    postings.update_posting(session, posting, {"required_documents": [
        {"kind": "cv", "label": "Curriculum vitae"},
        {"kind": "cover_letter", "label": "Lettre de motivation"},
        {"kind": "diploma", "label": "Diplôme", "required": False}]},
        actor=hr, clock=clock, settings=get_settings())
    session.flush()
    web.as_user(candidate)
    url = f"/me/applications/{application.id}"
    page = text(web.get(url))
    notice = page[page.index('class="notice apply-outside"'):page.index('id="answers"')]
    assert "This posting takes applications by e-mail: nothing is sent to the employer from " \
           "this page." in notice
    assert 'Send your application yourself to <a href="mailto:recrutementsujm@univ-st-' \
           'etienne.fr">recrutementsujm@univ-st-etienne.fr</a>, with these documents:' in notice
    assert re.search(r"<li>Curriculum vitae</li><li>Lettre de motivation</li><li>Diplôme "
                     r'<span class="muted">\(optional\)</span></li>', notice)
    assert "I sent it: record my application as sent</button>" in page
    assert "Submit my application" not in page

    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    session.flush()
    page = text(web.get(url))
    assert "Recorded as sent:" in page
    assert "You recorded this application as sent: your record is kept below as it was " \
           "then, and it can no longer be changed." in page
    assert "was sent" not in page and "Submitted:" not in page
    assert "This posting takes applications by e-mail" in page  # still where to send it

    candidate.locale = Locale.FR
    session.flush()
    page = text(web.get(url))
    assert "Ce poste se candidate par courriel : rien n’est envoyé à l’employeur depuis " \
           "cette page." in page
    assert "Envoyez vous-même votre candidature à" in page and "avec ces pièces :" in page
    assert "Indiquée comme envoyée : " in page
    assert "Vous avez indiqué cette candidature comme envoyée" in page
    assert "a été déposée" not in page


def test_a_posting_taken_here_still_submits_and_says_it_was_sent(
        web: Web, application, candidate, posting, hr, session, clock) -> None:  # noqa: ANN001
    postings.update_posting(session, posting, {"apply_method": "in_app", "apply_email": None},
                            actor=hr, clock=clock, settings=get_settings())
    session.flush()
    web.as_user(candidate)
    url = f"/me/applications/{application.id}"
    page = text(web.get(url))
    assert "apply-outside" not in page and "Submit my application</button>" in page
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    session.flush()
    page = text(web.get(url))
    assert "Your application was sent as it is shown below" in page and "Submitted:" in page
