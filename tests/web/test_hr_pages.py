"""HR pages through the test client on the real database: dashboard, posting form with its
requirements editor, status changes, applicants, moves, ratings, notes, interviews, PDFs."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from tests.web.conftest import Web, text
from tests.web.dossier_jobs import fetch_dossier
from tracker.domain.access import OPERATOR
from tracker.models import ApplicationStatus, PostingStatus
from tracker.services.hiring import applications, evidence, interviews, postings

BASE_FORM = {
    "title": "Ingénieur·e réseau", "employment_type": "permanent", "apply_method": "in_app",
    "valid_through_date": "2024-05-31", "valid_through_time": "12:00",
    "timezone": "America/Montreal", "location": "Saint-Étienne", "working_time_percent": "80",
    "salary_period": "", "required_documents-0-kind": "cv", "required_documents-0-label": "CV",
    "required_documents-0-required": "1",
    "requirements-0-kind": "technical_skill", "requirements-0-label": "Cisco IOS",
    "requirements-0-level": "", "requirements-0-required": "1", "requirements-0-position": "2",
    "requirements-1-kind": "language", "requirements-1-label": "Anglais",
    "requirements-1-level": "B2", "requirements-1-required": "0", "requirements-1-position": "1",
    "requirements-2-kind": "", "requirements-2-label": "", "requirements-2-required": "1",
    "interviews-0-date": "2024-06-10", "interviews-0-time": "09:30",
    "interviews-0-place": "Salle B", "submit": "1",
}


def submitted_application(session, posting, candidate, clock):  # noqa: ANN001, ANN201
    application = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    evidence.give_evidence(session, application, posting.requirements[0],
                           evidence="IELTS 7.5 <b>bold</b>", self_rating=3, actor=candidate,
                           clock=clock)
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    session.flush()
    return application


def test_create_a_posting_with_requirements_documents_and_interview(web: Web, hr, session) -> None:  # noqa: ANN001
    web.as_user(hr)
    blank = text(web.get("/hr/postings/new"))
    assert blank.count('name="requirements-') >= 5 * 5  # five blank rows of five fields
    assert 'for="requirements-0-label"' in blank  # every field has its label
    done = web.post("/hr/postings/new", BASE_FORM, token_from="/hr/postings/new")
    assert done.status_code == 302, text(done)
    reference = done.headers["Location"].rsplit("/", 1)[-1]
    created = postings.get_posting(session, reference, actor=OPERATOR)
    assert created.status is PostingStatus.DRAFT and created.organisation.slug == "ujm"
    assert [(r.label, r.is_required) for r in created.requirements] == [
        ("Anglais", False), ("Cisco IOS", True)]  # in the order of the Order column
    assert created.requirements[0].level == "B2"
    assert [d.label for d in created.required_documents] == ["CV"]
    assert created.timezone == "America/Montreal" and created.working_time_percent == 80
    assert created.valid_through.isoformat() == "2024-05-31T16:00:00+00:00"
    assert [(i.start_date.isoformat(), i.place) for i in created.interviews] == [
        ("2024-06-10", "Salle B")]
    page = text(web.get(f"/hr/postings/{reference}"))
    assert "Ingénieur·e réseau" in page and "Open for applications" in page


def test_add_more_rows_keeps_what_was_typed_and_saves_nothing(web: Web, hr, session) -> None:  # noqa: ANN001
    web.as_user(hr)
    form = {**BASE_FORM, "add_rows": "1"}
    form.pop("submit")
    shown = web.post("/hr/postings/new", form, token_from="/hr/postings/new")
    assert shown.status_code == 200
    page = text(shown)
    assert 'value="Cisco IOS"' in page and 'name="requirements-7-label"' in page
    assert postings.list_postings(session, actor=OPERATOR).rows == []


def test_posting_errors_show_next_to_their_field(web: Web, hr, session) -> None:  # noqa: ANN001
    web.as_user(hr)
    form = {**BASE_FORM, "address_country": "France",
            "requirements-1-kind": "", "requirements-1-label": "Sans type"}
    refused = web.post("/hr/postings/new", form, token_from="/hr/postings/new")
    assert refused.status_code == 400
    page = text(refused)
    assert re.search(r'id="address_country-error">[^<]*should match pattern', page)
    # the row typed second shows the error, though blank rows were skipped before it
    assert re.search(r'id="requirements-1-kind-error">[^<]*technical_skill', page)
    assert 'value="Sans type"' in page  # nothing typed is lost
    form = {**BASE_FORM, "timezone": "Nowhere/City", "salary_min": "3000"}
    page = text(web.post("/hr/postings/new", form, token_from="/hr/postings/new"))
    assert re.search(r'id="timezone-error">[^<]*unknown IANA time zone', page)
    assert re.search(r'id="salary_currency-error">[^<]*needs a currency', page)
    assert postings.list_postings(session, actor=OPERATOR).rows == []


def test_edit_open_close_and_cancel(web: Web, hr, posting, session) -> None:  # noqa: ANN001
    web.as_user(hr)
    form = text(web.get(f"/hr/postings/{posting.reference}/edit"))
    assert 'value="Anglais"' in form and 'value="Bac + 5"' in form
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form))
    fields.update(re.findall(r'<select[^>]*name="([^"]+)"[^>]*>\s*(?:<option[^>]*>[^<]*</option>\s*)*?'
                             r'<option selected value="([^"]*)"', form))
    fields.update({"title": "Chargé·e de coopération", "employment_type": "fixed_term",
                   "apply_method": "email", "salary_period": "", "submit": "1",
                   "requirements-0-required": "1", "requirements-1-required": "0"})
    fields.pop("csrf_token", None)
    saved = web.post(f"/hr/postings/{posting.reference}/edit", fields,
                     token_from=f"/hr/postings/{posting.reference}/edit")
    assert saved.status_code == 302, text(saved)
    session.expire_all()
    assert posting.title == "Chargé·e de coopération"
    assert [r.is_required for r in posting.requirements] == [True, False]
    closed = web.post(f"/hr/postings/{posting.reference}/status", {"status": "closed"})
    assert closed.status_code == 302
    session.expire_all()
    assert posting.status is PostingStatus.CLOSED
    # cancelling is permanent: without its confirmation nothing is done
    unconfirmed = web.post(f"/hr/postings/{posting.reference}/status", {"status": "cancelled"})
    assert unconfirmed.status_code == 400 and "Cancel the posting?" in text(unconfirmed)
    session.expire_all()
    assert posting.status is PostingStatus.CLOSED
    web.post(f"/hr/postings/{posting.reference}/status", {"status": "cancelled", "confirm": "1"})
    session.expire_all()
    assert posting.status is PostingStatus.CANCELLED
    refused = web.post(f"/hr/postings/{posting.reference}/status", {"status": "open"})
    assert "cannot go from cancelled to open" in text(web.get(refused.headers["Location"]))


def test_dashboard(web: Web, hr, posting, candidate, session, clock) -> None:  # noqa: ANN001
    application = submitted_application(session, posting, candidate, clock)
    clock.advance(days=1)
    interviews.schedule(session, posting, application=application, day=clock().date().replace(
        day=20), at=None, actor=hr, clock=clock)
    session.flush()
    web.as_user(hr)
    page = text(web.get("/hr/"))
    assert "Chargé de coopération internationale" in page
    assert "27 days left" in page  # 16 April to 13 May, in Paris
    assert re.search(r"status-interview\">Interview</span> <strong>1</strong>", page)
    assert "Camille Martin" in page  # interview on the 20th: within 14 days
    assert 'id="notifications"' in page


def test_applicants_grouped_sorted_and_moved(web: Web, hr, posting, candidate, candidate_b,
                                              session, clock) -> None:  # noqa: ANN001
    first = submitted_application(session, posting, candidate, clock)
    clock.advance(hours=1)
    second = submitted_application(session, posting, candidate_b, clock)
    web.as_user(hr)
    by_date = text(web.get(f"/hr/postings/{posting.reference}"))
    assert by_date.index("Camille Martin") < by_date.index("Bob Brun")
    by_name = text(web.get(f"/hr/postings/{posting.reference}?sort=name"))
    assert by_name.index("Bob Brun") < by_name.index("Camille Martin")
    moved = web.post(f"/hr/applications/{second.id}/move",
                     {"status": "under_review", "back": "posting", "comment": "looks good"})
    assert moved.headers["Location"] == (
        f"/hr/postings/{posting.reference}#application-{second.id}")
    assert "Bob Brun moved to “Under review”." in text(web.get(f"/hr/postings/{posting.reference}"))
    page = text(web.get(f"/hr/postings/{posting.reference}"))  # (the message said once)
    review, submitted = (page.index(f'<h3><span class="status status-{s}">')
                         for s in ("under_review", "submitted"))
    assert submitted < page.index("Camille Martin") < review < page.index("Bob Brun")
    wrong = web.post(f"/hr/applications/{first.id}/move", {"status": "hired"})
    assert wrong.status_code == 400 and (
        "Camille Martin cannot move from “Submitted” to “Hired”. Allowed: Under review, "
        "Interview, Rejected, Withdrawn.") in text(wrong)
    session.expire_all()
    assert first.status is ApplicationStatus.SUBMITTED


def test_application_page_ratings_notes_and_html_shown_as_text(web: Web, hr, posting, candidate,
                                                                session, clock) -> None:  # noqa: ANN001
    application = submitted_application(session, posting, candidate, clock)
    web.as_user(hr)
    url = f"/hr/applications/{application.id}"
    page = text(web.get(url))
    assert "IELTS 7.5 &lt;b&gt;bold&lt;/b&gt;" in page and "<b>bold</b>" not in page
    rated = web.post(f"{url}/ratings", {
        "rows-0-requirement_id": str(posting.requirements[0].id), "rows-0-rating": "4",
        "rows-1-requirement_id": str(posting.requirements[1].id), "rows-1-rating": ""})
    assert rated.status_code == 302
    session.expire_all()
    assert application.evidence[0].reviewer_rating == 4
    noted = web.post(f"{url}/notes", {"body": "<script>alert(1)</script> strong English"})
    assert noted.status_code == 302
    page = text(web.get(url))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; strong English" in page
    assert "<script>alert" not in page
    assert "Submitted" in page and "Draft" in page  # the history


def test_schedule_an_interview_moves_the_application(web: Web, hr, posting, candidate, session,
                                                     clock) -> None:  # noqa: ANN001
    application = submitted_application(session, posting, candidate, clock)
    web.as_user(hr)
    url = f"/hr/postings/{posting.reference}/interviews/new"
    form = text(web.get(f"{url}?application={application.id}"))
    assert f'<option selected value="{application.id}">Camille Martin' in form
    past = web.post(url, {"application": str(application.id), "day": "2024-04-01",
                          "at": "10:00", "duration_minutes": "45"}, token_from=url)
    assert past.status_code == 400 and re.search(r'id="at-error">[^<]*in the past', text(past))
    done = web.post(url, {"application": str(application.id), "day": "2024-05-22",
                          "at": "10:00", "duration_minutes": "30", "place": "Salle 2",
                          "panel": "Claire Dubois <drh@example.org>"}, token_from=url)
    assert done.status_code == 302, text(done)
    session.expire_all()
    assert application.status is ApplicationStatus.INTERVIEW
    page = text(web.get(f"/hr/applications/{application.id}"))
    assert "Salle 2" in page and "(30 min)" in page


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_downloads_of_the_three_dossiers(web: Web, hr, posting, candidate, session, clock) -> None:  # noqa: ANN001
    application = submitted_application(session, posting, candidate, clock)
    web.as_user(hr)
    for url, words in [
        (f"/hr/postings/{posting.reference}/sheet.pdf", "Chargé de coopération internationale"),
        (f"/hr/postings/{posting.reference}/panel.pdf", "Camille Martin"),
        (f"/hr/applications/{application.id}/dossier.pdf", "IELTS 7.5"),
    ]:
        response, page = fetch_dossier(web, url)
        assert response.mimetype == "application/pdf"
        assert words in pdf_text(response.data)
        assert "this page reloads itself until it is ready" in page
        # asked again with nothing changed: the stored copy, at once
        again = web.get(url)
        assert again.status_code == 200 and again.mimetype == "application/pdf"
        assert again.data == response.data


def test_applicants_come_a_page_at_a_time(web: Web, hr, posting, candidate, candidate_b,
                                          session, clock, monkeypatch) -> None:  # noqa: ANN001
    from tracker.services.accounts import users
    from tracker.web import hr as hr_views

    third = users.create_user(session, email="zoe@example.org", full_name="Zoé Zola",
                              role="candidate", clock=clock, actor=OPERATOR)
    for person in (candidate, candidate_b, third):
        clock.advance(minutes=5)
        submitted_application(session, posting, person, clock)
    monkeypatch.setattr(hr_views, "APPLICANTS_PER_PAGE", 2)
    web.as_user(hr)
    first = text(web.get(f"/hr/postings/{posting.reference}?sort=name"))
    assert "Applicants <span class=\"muted\">(3)</span>" in first
    assert "Bob Brun" in first and "Camille Martin" in first and "Zoé Zola" not in first
    assert f'href="/hr/postings/{posting.reference}?page=2&amp;sort=name"' in first
    second = text(web.get(f"/hr/postings/{posting.reference}?sort=name&page=2"))
    assert "Zoé Zola" in second and "Bob Brun" not in second


def test_an_admin_posts_for_the_organisation_chosen(web: Web, admin, ujm, other_org,
                                                    session) -> None:  # noqa: ANN001
    web.as_user(admin)
    assert '<select id="organisation" name="organisation">' in text(web.get("/hr/postings/new"))
    done = web.post("/hr/postings/new", {**BASE_FORM, "organisation": "acme"},
                    token_from="/hr/postings/new")
    assert done.status_code == 302, text(done)
    reference = done.headers["Location"].rsplit("/", 1)[-1]
    assert postings.get_posting(session, reference, actor=OPERATOR).organisation.slug == "acme"
