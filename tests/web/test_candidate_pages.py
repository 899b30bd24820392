"""Candidate and public pages through the test client on the real database: search, the public
posting page with its JSON-LD, profile, logged postings, applying, answers, uploads (and the
hostile ones), submission around the deadline, my applications, my dossier."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime

import sqlalchemy as sa
from pypdf import PdfReader

from tests.uploads import make_pdf, zip_archive
from tests.web.conftest import Web, text
from tests.web.dossier_jobs import fetch_dossier
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.models import ApplicationStatus, Locale
from tracker.services.accounts import users
from tracker.services.accounts.organisations import create_organisation
from tracker.services.hiring import applications, interviews, postings


def new_posting(session, hr, clock, **fields):  # noqa: ANN001, ANN003, ANN201
    data = {"title": "Posting", "organisation": "ujm", "employment_type": "permanent",
            "valid_through_date": "2024-06-30", **fields}
    created = postings.create_posting(session, data, actor=hr, clock=clock, settings=get_settings())
    postings.set_status(session, created, "open", actor=hr, clock=clock)
    return created


def test_search_filters_and_pages(web: Web, session, hr, hr_other, clock) -> None:  # noqa: ANN001
    for number in range(23):
        new_posting(session, hr, clock, title=f"Poste numéro {number:02d}",
                    location="Lyon" if number % 2 else "Saint-Étienne")
    data = {"title": "Data engineer", "organisation": "acme", "employment_type": "internship"}
    postings.set_status(session, postings.create_posting(session, data, actor=hr_other,
                                                         clock=clock, settings=get_settings()), "open", actor=hr_other,
                        clock=clock)
    draft = {"title": "Secret draft", "organisation": "ujm", "employment_type": "permanent"}
    postings.create_posting(session, draft, actor=hr, clock=clock, settings=get_settings())
    session.flush()
    first = text(web.get("/"))
    assert first.count('class="card posting"') == 20 and "Secret draft" not in first
    assert 'href="/?page=2"' in first
    second = text(web.get("/?page=2"))
    assert second.count('class="card posting"') == 4
    assert "Data engineer" in second  # no deadline: last
    found = text(web.get("/?q=ENGINEER"))
    assert found.count('class="card posting"') == 1
    assert text(web.get("/?organisation=acme")).count('class="card posting"') == 1
    assert text(web.get("/?employment_type=internship")).count('class="card posting"') == 1
    lyon = text(web.get("/?location=lyon&q=poste"))
    assert lyon.count('class="card posting"') == 11
    assert 'href="/?page=2' not in lyon
    assert "No open posting matches" in text(web.get("/?q=%25_nothing"))


def test_public_posting_page_with_json_ld(web: Web, posting, session) -> None:  # noqa: ANN001
    posting.missions = "Coordonner </script><script>alert(1)</script> les projets"
    session.flush()
    page = text(web.get(f"/postings/{posting.reference}"))
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert block, page
    data = json.loads(block.group(1))
    assert "https://schema.org" in data["@context"] and data["@type"] == "JobPosting"
    assert data["title"] == "Chargé de coopération internationale"
    assert data["hiringOrganization"]["name"] == "Université Jean Monnet"
    assert data["validThrough"] == "2024-05-13T23:59:59+02:00"
    assert data["datePosted"] == "2024-04-15" and "TEMPORARY" in data["employmentType"]
    assert "alert(1)" in data["description"]
    assert "<script>alert" not in page  # neither in the JSON-LD nor in the page
    assert "Log in to apply" in page
    assert "Anglais" in page and "B2" in page


def test_drafts_private_and_closed_postings_have_no_public_page(web: Web, session, hr, candidate,
                                                                clock) -> None:  # noqa: ANN001
    draft = postings.create_posting(session, {"title": "Draft", "organisation": "ujm",
                                              "employment_type": "permanent"}, actor=hr,
                                    clock=clock, settings=get_settings())
    private = postings.create_posting(session, {
        "title": "Mine", "employment_type": "permanent", "visibility": "private",
        "hiring_organization_name": "Elsewhere"}, actor=candidate, clock=clock, settings=get_settings())
    closed = new_posting(session, hr, clock)
    postings.set_status(session, closed, "closed", actor=hr, clock=clock)
    session.flush()
    for reference in (draft.reference, private.reference, closed.reference, "NOPE"):
        assert web.get(f"/postings/{reference}").status_code == 404


def education_choices(page: str) -> list[tuple[str, str]]:
    select = page[page.index('name="education_level"'):].split("</select>")[0]
    return re.findall(r'<option value="([^"]*)">([^<]*)</option>', select)


def test_profile_with_languages_and_html_as_text(web: Web, candidate, session) -> None:  # noqa: ANN001
    web.as_user(candidate)
    form = text(web.get("/me/profile"))
    assert 'for="languages-0-language"' in form and 'name="languages-2-level"' in form
    assert education_choices(form) == [
        ("", "—"), ("none", "No diploma"), ("cap_bep", "CAP/BEP"), ("bac", "Bac"),
        ("bac+2", "Bac+2"), ("bac+3", "Bac+3"), ("bac+4", "Bac+4"), ("bac+5", "Bac+5"),
        ("bac+8", "Bac+8")]
    candidate.locale = Locale.FR
    session.flush()
    assert education_choices(text(web.get("/me/profile")))[1] == ("none", "Sans diplôme")
    candidate.locale = Locale.EN
    session.flush()
    bad = web.post("/me/profile", {"headline": "x", "languages-0-language": "English",
                                   "languages-0-level": "B2"}, token_from="/me/profile")
    assert bad.status_code == 400
    assert re.search(r'id="languages-0-language-error">[^<]*not an ISO 639 code', text(bad))
    saved = web.post("/me/profile", {
        "headline": "<i>Chargée</i> de projets", "education_level": "bac+5",
        "experience_years": "6", "skills": "Gestion de projet\nErasmus+\n",
        "languages-0-language": "en", "languages-0-level": "C1",
        "languages-1-language": "fr", "languages-1-is_native": "y",
        "submit": "1"}, token_from="/me/profile")
    assert saved.status_code == 302, text(saved)
    session.expire_all()
    profile = candidate.profile
    assert [s.label for s in profile.skills] == ["Gestion de projet", "Erasmus+"]
    assert [(lang.language, lang.level and lang.level.value, lang.is_native)
            for lang in profile.languages] == [("en", "C1", False), ("fr", None, True)]
    page = text(web.get("/me/profile"))
    assert 'value="&lt;i&gt;Chargée&lt;/i&gt; de projets"' in page


def test_log_a_posting_found_elsewhere_and_track_it(web: Web, candidate, candidate_b,
                                                    session) -> None:  # noqa: ANN001
    web.as_user(candidate)
    missing = web.post("/me/postings/new", {"title": "", "hiring_organization_name": "X",
                                            "employment_type": "permanent"},
                       token_from="/me/postings/new")
    assert missing.status_code == 400 and 'id="title-error"' in text(missing)
    done = web.post("/me/postings/new", {
        "title": "Chargée de mission Europe", "hiring_organization_name": "Région AURA",
        "employment_type": "fixed_term", "valid_through_date": "2024-05-20",
        "timezone": "Europe/Paris", "source_url": "https://example.org/offre"},
        token_from="/me/postings/new")
    assert done.status_code == 302, text(done)
    reference = done.headers["Location"].rsplit("/", 1)[-1]
    page = text(web.get(f"/me/postings/{reference}"))
    assert "visible to you only" in page and "Région AURA" in page
    assert reference in text(web.get("/me/"))
    started = web.post(f"/me/apply/{reference}")
    assert started.headers["Location"].startswith("/me/applications/")
    assert web.get(f"/postings/{reference}").status_code == 404  # not public
    web.as_user(candidate_b)
    assert web.get(f"/me/postings/{reference}").status_code == 404
    assert web.post(f"/me/apply/{reference}").status_code == 404


def test_apply_answer_upload_submit(web: Web, candidate, posting, session, clock) -> None:  # noqa: ANN001
    web.as_user(candidate)
    started = web.post(f"/me/apply/{posting.reference}", token_from=f"/postings/{posting.reference}")
    url = started.headers["Location"]
    public = text(web.get(f"/postings/{posting.reference}"))
    assert f'href="{url}">My application' in public and "Apply / start tracking" not in public
    page = text(web.get(url))
    # the deadline in the posting's zone, and in the candidate's own once it differs
    assert "May 13, 2024, 11:59\u202fPM (Europe/Paris)" in page
    assert "(your time)" not in page
    missing = page[page.index("Still to show before the deadline:"):]
    missing = missing[:missing.index("</ul>")]
    assert "Anglais" in missing and "Bac + 5" in missing  # fit.missing_evidence, by name
    answered = web.post(f"{url}/answers", {
        "rows-0-requirement_id": str(posting.requirements[0].id),
        "rows-0-evidence": "IELTS 7.5 <script>x</script>", "rows-0-self_rating": "3",
        "rows-1-requirement_id": str(posting.requirements[1].id),
        "rows-1-evidence": "Master LEA", "rows-1-self_rating": ""}, token_from=url)
    assert answered.status_code == 302
    uploaded = web.post(f"{url}/documents", {
        "kind": "cv", "file": (io.BytesIO(make_pdf("Camille CV")), "Mon CV.pdf")},
        token_from=url, content_type="multipart/form-data")
    assert uploaded.status_code == 302, text(uploaded)
    page = text(web.get(url))
    assert "Mon CV.pdf" in page and "IELTS 7.5 &lt;script&gt;x&lt;/script&gt;" in page
    assert "Still to show before the deadline" not in page
    web.post("/account", {"prefs-full_name": "Camille Martin", "prefs-locale": "en",
                          "prefs-timezone": "Asia/Tokyo"}, token_from="/account")
    page = text(web.get(url))
    assert "May 14, 2024, 6:59\u202fAM (Asia/Tokyo) (your time)" in page
    done = web.post(f"{url}/submitted", token_from=url)
    assert done.status_code == 302
    session.expire_all()
    application = applications.list_applications(session, posting=posting.reference, actor=OPERATOR).rows[0]
    assert application.status is ApplicationStatus.SUBMITTED
    assert "Application submitted." in text(web.get(url))


def test_submitting_after_the_deadline_is_refused(web: Web, application, candidate, clock,
                                                   session) -> None:  # noqa: ANN001
    clock.now = datetime(2024, 5, 14, 8, 0, tzinfo=UTC)
    web.as_user(candidate)  # logged in that day: a session a month old has ended
    url = f"/me/applications/{application.id}"
    page = text(web.get(url))
    assert "Submit my application" not in page and "closed 1 days ago" in page
    refused = web.post(f"{url}/submitted", token_from=url)
    assert refused.status_code == 400
    assert "the deadline (2024-05-13 Europe/Paris) has passed" in text(refused)
    session.expire_all()
    assert application.status is ApplicationStatus.DRAFT


def upload(web: Web, url: str, content: bytes, name: str):  # noqa: ANN201
    return web.post(f"{url}/documents", {"kind": "cv", "file": (io.BytesIO(content), name)},
                    token_from=url, content_type="multipart/form-data")


def test_hostile_uploads_are_refused_next_to_the_field(web: Web, application, candidate,
                                                       session, monkeypatch) -> None:  # noqa: ANN001
    from tracker.config import get_settings

    monkeypatch.setattr(get_settings(), "max_upload_mb", 1)  # as the app's settings say
    web.as_user(candidate)
    url = f"/me/applications/{application.id}"
    cases = [
        (zip_archive("word/document.xml"), "cv.pdf", "is not a PDF"),
        (b"%PDF-1.7\n" + b"0" * 1_100_000, "big.pdf", "the limit is 1 MB"),
        (make_pdf("CV"), "../../etc/cv.pdf", "is a path"),
        (make_pdf("CV"), "..\\..\\cv.pdf", "is a path"),
        (make_pdf("CV"), "cv.exe", "must end in .pdf"),
    ]
    for content, name, message in cases:
        refused = upload(web, url, content, name)
        assert refused.status_code == 400, name
        error = re.search(r'<p class="error" id="file-error">([^<]*)</p>', text(refused))
        assert error and message in error.group(1).replace("&#39;", "'"), (name, text(refused))
    assert 'id="file-error"' in text(upload(web, url, b"", "cv.pdf"))  # no file chosen
    session.expire_all()
    assert application.documents == []


def test_my_applications_show_status_next_dates_and_what_is_missing(
        web: Web, application, candidate, hr, posting, session, clock) -> None:  # noqa: ANN001
    posting.required_documents  # noqa: B018
    postings.update_posting(session, posting, {"required_documents": [
        {"kind": "cv", "label": "Curriculum vitae"}]}, actor=hr, clock=clock, settings=get_settings())
    session.flush()
    web.as_user(candidate)
    page = text(web.get("/me/"))
    assert 'status-draft">Draft' in page and "Curriculum vitae" in page
    assert "2 required requirements without an answer" in page and "27 days left" not in page
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    interviews.schedule(session, posting, application=application,
                        day=datetime(2024, 5, 22).date(), at=datetime(2024, 1, 1, 10).time(),
                        place="Salle 2", actor=hr, clock=clock)
    session.flush()
    assert "Salle 2" not in text(web.get(f"/postings/{posting.reference}"))  # not public
    page = text(web.get("/me/"))
    assert 'status-interview">Interview' in page
    assert "May 22, 2024, 10:00\u202fAM (Europe/Paris), Salle 2" in page


def test_download_my_dossier(web: Web, application, candidate) -> None:  # noqa: ANN001
    web.as_user(candidate)
    response, _page = fetch_dossier(web, f"/me/applications/{application.id}/dossier.pdf")
    assert response.mimetype == "application/pdf"
    content = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.data)).pages)
    assert "Camille Martin" in content and "Application dossier" in content


def test_withdraw_and_letter(web: Web, application, candidate, session) -> None:  # noqa: ANN001
    web.as_user(candidate)
    url = f"/me/applications/{application.id}"
    web.post(f"{url}/letter", {"cover_letter": "Madame, Monsieur,\n<b>motivée</b>"}, token_from=url)
    assert "Madame, Monsieur,\n&lt;b&gt;motivée&lt;/b&gt;</textarea>" in text(web.get(url))
    assert f'href="{url}/withdraw">Withdraw</a>' in text(web.get(url))
    web.post(f"{url}/withdrawn", {"confirm": "1"}, token_from=url)
    session.expire_all()
    assert application.status is ApplicationStatus.WITHDRAWN
    assert "Withdraw</a>" not in text(web.get(url))


def test_the_public_list_costs_the_same_statements_however_many_employers(
        web: Web, session, connection, clock) -> None:  # noqa: ANN001
    """No query per row: a page of postings from 12 employers costs what one from 2 does."""
    def add_employers(first: int, count: int) -> None:
        for number in range(first, first + count):
            slug = f"org{number}"
            create_organisation(session, slug=slug, name=f"Employer {number}", clock=clock, actor=OPERATOR)
            hr = users.create_user(session, email=f"hr{number}@example.org", full_name="HR",
                                   role="hr", organisation=slug, clock=clock, actor=OPERATOR)
            new_posting(session, hr, clock, organisation=slug, title=f"Job {number}")
        session.flush()

    def statements_of_the_list() -> int:
        seen: list[str] = []

        def count(*args) -> None:  # noqa: ANN002
            seen.append(args[2])

        sa.event.listen(connection, "before_cursor_execute", count)
        try:
            page = text(web.get("/"))
        finally:
            sa.event.remove(connection, "before_cursor_execute", count)
        assert "Job 0" in page
        return len(seen)

    add_employers(0, 2)
    few = statements_of_the_list()
    add_employers(2, 10)
    assert statements_of_the_list() == few
