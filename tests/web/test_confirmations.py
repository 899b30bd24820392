"""Permanent actions are confirmed first (issue #14): cancelling a posting, withdrawing an
application, removing a document (bulk moves: tests/web/test_board.py). The page says what will
happen and its button POSTs with `confirm`; the action refuses a POST without it (400, the
page again) and does nothing. No JavaScript needed."""

from __future__ import annotations

from tests.uploads import make_pdf
from tests.web.conftest import Web, text
from tracker.config import get_settings
from tracker.models import ApplicationStatus, Document, PostingStatus
from tracker.services.hiring import documents


def test_cancelling_a_posting(web: Web, hr, posting, session) -> None:  # noqa: ANN001
    web.as_user(hr)
    page = text(web.get(f"/hr/postings/{posting.reference}"))
    assert f'href="/hr/postings/{posting.reference}/cancel">Cancel the posting</a>' in page
    confirm = web.get(f"/hr/postings/{posting.reference}/cancel")
    shown = text(confirm)
    assert confirm.status_code == 200 and "Cancel the posting?" in shown
    assert "cannot be opened again. This cannot be undone." in shown
    assert 'name="status" value="cancelled"' in shown and 'name="confirm" value="1"' in shown
    refused = web.post(f"/hr/postings/{posting.reference}/status", {"status": "cancelled"},
                       token_from=f"/hr/postings/{posting.reference}/cancel")
    assert refused.status_code == 400
    assert "Nothing was done: confirm on this page first." in text(refused)
    session.expire_all()
    assert posting.status is PostingStatus.OPEN
    done = web.post(f"/hr/postings/{posting.reference}/status",
                    {"status": "cancelled", "confirm": "1"},
                    token_from=f"/hr/postings/{posting.reference}/cancel")
    assert done.status_code == 302
    session.expire_all()
    assert posting.status is PostingStatus.CANCELLED


def test_cancelling_a_posting_in_french(web: Web, hr, posting, session) -> None:  # noqa: ANN001
    hr.locale = "fr"
    session.flush()
    web.as_user(hr)
    shown = text(web.get(f"/hr/postings/{posting.reference}/cancel"))
    assert "Annuler l’offre ?" in shown and "Oui, annuler l’offre" in shown
    assert "Non, revenir" in shown and "Cancel" not in shown


def test_withdrawing_an_application(web: Web, application, candidate, session) -> None:  # noqa: ANN001
    web.as_user(candidate)
    url = f"/me/applications/{application.id}"
    confirm = text(web.get(f"{url}/withdraw"))
    assert "Withdraw your application?" in confirm
    assert "A withdrawn application cannot be submitted again." in confirm
    assert f'action="{url}/withdrawn"' in confirm
    refused = web.post(f"{url}/withdrawn", token_from=url)
    assert refused.status_code == 400 and "Nothing was done" in text(refused)
    session.expire_all()
    assert application.status is ApplicationStatus.DRAFT
    web.post(f"{url}/withdrawn", {"confirm": "1"}, token_from=url)
    session.expire_all()
    assert application.status is ApplicationStatus.WITHDRAWN
    # nothing left to withdraw: the confirmation page sends back to the application
    assert web.get(f"{url}/withdraw").status_code == 302


def test_removing_a_document(web: Web, application, candidate, session, clock) -> None:  # noqa: ANN001
    document = documents.add_document(session, application, kind="cv", filename="CV.pdf",
                                      content=make_pdf("Camille CV"), actor=candidate,
                                      clock=clock, settings=get_settings())
    session.flush()
    document_id = document.id
    web.as_user(candidate)
    url = f"/me/applications/{application.id}"
    delete = f"{url}/documents/{document_id}/delete"
    assert f'href="{delete}">Remove</a>' in text(web.get(url))
    confirm = text(web.get(delete))
    assert "Remove this document?" in confirm and "CV.pdf" in confirm
    assert "The file is deleted for good." in confirm
    refused = web.post(delete, token_from=url)
    assert refused.status_code == 400 and "Nothing was done" in text(refused)
    assert session.get(Document, document_id) is not None
    done = web.post(delete, {"confirm": "1"}, token_from=url)
    assert done.status_code == 302
    session.expunge_all()
    assert session.get(Document, document_id) is None

