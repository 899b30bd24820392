"""HR "Import a posting" page (issue #6 item 3): a file is read and shown field by field with
its confidence and snippet (values to review flagged and kept out of the form), the posting
form comes pre-filled, and saving creates a draft with the edited values and the raw file."""

from __future__ import annotations

import html
import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from tests.conftest import SAMPLES
from tests.uploads import make_pdf
from tests.web.conftest import Web, text
from tracker.domain.access import OPERATOR
from tracker.models import PostingSource, PostingStatus
from tracker.services.hiring import postings

URL = "/hr/postings/import"
UJM = SAMPLES / "posting-ujm-charge-cooperation-internationale.txt"


def upload(web: Web, name: str, data: bytes):  # noqa: ANN201
    return web.post(URL, {"upload": "1", "file": (io.BytesIO(data), name)}, token_from=URL,
                    content_type="multipart/form-data")


def hidden(page: str, name: str) -> str:
    found = re.search(rf'name="{name}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="{name}"',
                      page)
    assert found, name
    return found.group(1) or found.group(2)


def field_value(page: str, name: str) -> str:
    found = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*value="([^"]*)"', page)
    return found.group(1) if found else ""


def sent_back(page: str) -> dict[str, str]:
    """What a browser sends back of the review form (the last form of the page)."""
    page = page[page.rindex("<form"):]
    form = {name: html.unescape(value) for name, value in re.findall(
        r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page)}
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option selected value="([^"]*)"', body) or re.search(
            r'<option value="([^"]*)"', body)  # a browser sends the first option
        form[name] = html.unescape(chosen.group(1)) if chosen else ""
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', page,
                                 re.S):
        form[name] = html.unescape(body.strip())
    form.pop("csrf_token")
    return form


def test_import_shows_findings_prefills_the_form_and_saves_a_draft_with_its_source(
        web: Web, hr, session, tmp_path: Path) -> None:  # noqa: ANN001
    web.as_user(hr)
    page = text(web.get(URL))
    assert 'for="file"' in page and 'enctype="multipart/form-data"' in page
    data = UJM.read_bytes()
    read = upload(web, "offre ujm.txt", data)
    page = text(read)
    assert read.status_code == 200, page
    findings = page[page.index('id="findings"'):page.index("</section>", page.index(
        'id="findings"'))]
    rows = {re.sub(r"<[^>]+>", "", r.split("</td>")[0]).strip(): r
            for r in re.findall(r"<tr[^>]*>(.*?)</tr>", findings, re.S)[1:]}
    row = rows["Deadline (date)"]  # each finding under the form's own label
    assert "2024-05-13" in row and "85 %" in row and "13/05/2024" in row  # value, confidence, snippet
    assert {"Title", "Employer", "Requirements", "Interview dates"} <= set(rows)
    assert not {"valid_through_date", "hiring_organization_name", "requirements"} & set(rows)
    assert "REVIEW" not in findings  # nothing to review in the sample
    # the posting form, pre-filled
    assert field_value(page, "title") == "Chargé de coopération internationale"
    assert field_value(page, "valid_through_date") == "2024-05-13"
    assert field_value(page, "interviews-0-date") == "2024-05-22"
    assert "Management de projet" in page
    form = sent_back(page)
    form["title"] = "Chargé·e de coopération internationale"  # hr edits before saving
    form["submit"] = "1"
    saved = web.post(URL, form, token_from=URL)
    assert saved.status_code == 302, text(saved)
    reference = saved.headers["Location"].rsplit("/", 1)[-1]
    created = postings.get_posting(session, reference, actor=OPERATOR)
    assert created.status is PostingStatus.DRAFT and created.organisation.slug == "ujm"
    assert created.title == "Chargé·e de coopération internationale"
    assert created.valid_through_date.isoformat() == "2024-05-13"
    assert created.duration_months == 6 and created.apply_method.value == "email"
    assert created.apply_email == "recrutementsujm@univ-st-etienne.fr"
    assert len(created.requirements) > 10
    source = session.scalar(sa.select(PostingSource).where(
        PostingSource.posting_id == created.id))
    assert source.content == data and source.filename == "offre ujm.txt"
    assert "imported as a draft" in text(web.get(f"/hr/postings/{reference}"))
    # the kept file is gone once saved: sending the form again saves nothing more
    again = web.post(URL, form, token_from=URL)
    assert again.status_code == 302 and again.headers["Location"] == URL


def test_an_old_posting_imports_as_a_draft_without_its_past_interview(
        web: Web, hr, session, clock) -> None:  # noqa: ANN001
    clock.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # the sample's interview is past
    web.as_user(hr)
    page = text(upload(web, "offre ujm.txt", UJM.read_bytes()))
    row = next(r for r in re.findall(r"<tr[^>]*>(.*?)</tr>", page, re.S)
               if "in the past" in r)
    assert "REVIEW" in row and "in the past (2024-05-22)" in row and "Interview" in row
    assert field_value(page, "interviews-0-date") == ""
    form = sent_back(page)
    form["submit"] = "1"
    saved = web.post(URL, form, token_from=URL)
    assert saved.status_code == 302, text(saved)
    created = postings.get_posting(session, saved.headers["Location"].rsplit("/", 1)[-1], actor=OPERATOR)
    assert created.interviews == [] and created.valid_through_date.isoformat() == "2024-05-13"


def test_values_to_review_are_flagged_and_kept_out_of_the_form(web: Web, hr) -> None:  # noqa: ANN001
    web.as_user(hr)
    posting_text = ("Chargé de mission (H/F)\nUniversité Test\n"
                    "Date de publication : 01/03/2024\n"
                    "Date limite de candidature : 13/05/2031\n").encode()
    page = text(upload(web, "offre.txt", posting_text))
    assert "1 value to review: it is shown but not put in the form." in page
    row = next(r for r in re.findall(r"<tr[^>]*>(.*?)</tr>", page, re.S)
               if "<td>Deadline (date)" in r)
    assert "REVIEW" in row and "implausible" in row and "2031-05-13" in row
    assert field_value(page, "valid_through_date") == ""
    assert field_value(page, "title") == "Chargé de mission"


def test_bad_files_are_refused_next_to_the_file_field(web: Web, hr) -> None:  # noqa: ANN001
    web.as_user(hr)
    cases = {
        ("empty.txt", b"  \n"): "'empty.txt' is empty",
        ("offer.docx", b"PK\x03\x04 binary"): "unknown file type .docx",
        ("offer.json", b'{\n  "@type": "JobPosting",\n  "title": }'):
            "invalid JSON at line 3, column 12",
        ("fake.pdf", b"not a pdf at all"): "'fake.pdf' is named .pdf but is not a PDF",
        ("../../etc/offer.txt", b"Charge de mission"): "is a path: send the file name alone",
        ("nothing.json", b'{"@type": "Person", "name": "x"}'): "holds no schema.org JobPosting",
        ("deep.json", b"[" * 100_000): "'deep.json': JSON nested more than 64 levels deep",
    }
    for (name, data), message in cases.items():
        refused = upload(web, name, data)
        page = text(refused)
        assert refused.status_code == 400, (name, page)
        error = re.search(r'<p class="error" id="file-error">(.*?)</p>', page, re.S)
        assert error and message in error.group(1).replace("&#39;", "'"), (name, page)
    missing = web.post(URL, {"upload": "1"}, token_from=URL, content_type="multipart/form-data")
    assert missing.status_code == 400 and "choose a file" in text(missing)
    big = upload(web, "big.txt", b"x" * 1_000_001)  # the test app's limit is 1 MB
    assert big.status_code == 400 and "larger than 1 MB" in text(big)


def test_a_broken_json_ld_block_of_a_page_is_named_and_the_others_read(web: Web, hr) -> None:  # noqa: ANN001
    web.as_user(hr)
    posting = {"@type": "JobPosting", "title": "Data Steward", "datePosted": "2024-04-01",
               "hiringOrganization": {"@id": "#org"}}
    page = ('<!doctype html>\n<html><head>\n<script type="application/ld+json">{"@type": }'
            '</script>\n<script type="application/ld+json">'
            + json.dumps({"@graph": [posting, {"@type": "Organization", "@id": "#org",
                                               "name": "UJM"}]})
            + "</script></head><body></body></html>")
    read = upload(web, "jobs.html", page.encode())
    shown = text(read)
    assert read.status_code == 200, shown
    assert "Not read from the file: the JSON-LD block at line 3 of the page is not valid" \
        in shown
    assert field_value(shown, "title") == "Data Steward"
    row = next(r for r in re.findall(r"<tr[^>]*>(.*?)</tr>", shown, re.S)
               if "<td>Employer" in r)  # read through its @id
    assert "<td>UJM" in row


def test_a_pdf_and_a_json_ld_file_with_two_postings(web: Web, hr, session) -> None:  # noqa: ANN001
    web.as_user(hr)
    pdf = make_pdf("Chargé de projets européens (H/F)\nUniversité Jean Monnet\n"
                   "Date limite de candidature : 13/05/2024")
    page = text(upload(web, "offre.pdf", pdf))
    assert "offre.pdf · pdf" in page and "<td>Title" in page
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "JobPosting", "title": "First job", "description": "One",
         "datePosted": "2024-04-01", "validThrough": "2024-05-01T12:00:00+02:00",
         "hiringOrganization": {"@type": "Organization", "name": "UJM"}},
        {"@type": "JobPosting", "title": "Second job", "description": "Two",
         "datePosted": "2024-04-01", "validThrough": "2024-05-02",
         "hiringOrganization": "UJM"}]}
    page = text(upload(web, "two.jsonld", json.dumps(graph).encode()))
    assert "The file holds 2 postings:" in page and field_value(page, "title") == "First job"
    second = web.post(URL, {"source": hidden(page, "source"), "source_name": "two.jsonld",
                            "index": "0", "pick": "1"}, token_from=URL)
    page = text(second)
    assert field_value(page, "title") == "Second job"
    assert hidden(page, "index") == "1"
    saved = web.post(URL, {"source": hidden(page, "source"), "source_name": "two.jsonld",
                           "index": "1", "title": "Second job", "employment_type": "permanent",
                           "apply_method": "in_app", "valid_through_date": "2024-05-02",
                           "submit": "1"}, token_from=URL)
    assert saved.status_code == 302, text(saved)
    created = postings.get_posting(session, saved.headers["Location"].rsplit("/", 1)[-1], actor=OPERATOR)
    assert created.title == "Second job" and created.valid_through_date.isoformat() == "2024-05-02"
    source = session.scalar(sa.select(PostingSource).where(
        PostingSource.posting_id == created.id))
    assert source.format == "jsonld" and json.loads(source.content) == graph


def test_another_persons_kept_file_cannot_be_used(web: Web, hr, hr_other, session) -> None:  # noqa: ANN001
    web.as_user(hr)
    page = text(upload(web, "offre.txt", UJM.read_bytes()))
    token = hidden(page, "source")
    web.as_user(hr_other)
    stolen = web.post(URL, {"source": token, "source_name": "offre.txt", "index": "0",
                            "title": "x", "submit": "1"}, token_from=URL)
    assert stolen.status_code == 302 and stolen.headers["Location"] == URL
    assert postings.list_postings(session, organisation="acme", actor=OPERATOR).rows == []


def test_a_candidate_logs_a_posting_from_a_file_private_to_them(
        web: Web, candidate, candidate_b, session) -> None:  # noqa: ANN001
    web.as_user(candidate)
    assert "Or import it from a file" in text(web.get("/me/postings/new"))
    url = "/me/postings/import"
    read = web.post(url, {"upload": "1", "file": (io.BytesIO(UJM.read_bytes()), "ujm.txt")},
                    token_from=url, content_type="multipart/form-data")
    page = text(read)
    assert read.status_code == 200, page
    assert "<td>Deadline (date)" in page and "<td>Employer" in page and "Only you will see it." in page
    assert field_value(page, "hiring_organization_name") == "Université Jean Monnet"
    assert 'name="requirements-0-label"' not in page  # the short form of a private posting
    form = sent_back(page)
    form["submit"] = "1"
    saved = web.post(url, form, token_from=url)
    assert saved.status_code == 302, text(saved)
    reference = saved.headers["Location"].rsplit("/", 1)[-1]
    created = postings.get_posting(session, reference, actor=OPERATOR)
    assert created.visibility.value == "private" and created.owner_id == candidate.id
    assert created.title == "Chargé de coopération internationale"
    assert created.valid_through_date.isoformat() == "2024-05-13"
    assert session.scalar(sa.select(PostingSource.filename).where(
        PostingSource.posting_id == created.id)) == "ujm.txt"
    assert web.get(f"/me/postings/{reference}").status_code == 200
    web.as_user(candidate_b)
    assert web.get(f"/postings/{reference}").status_code == 404
    bad = web.post(url, {"upload": "1", "file": (io.BytesIO(b""), "empty.txt")},
                   token_from=url, content_type="multipart/form-data")
    assert bad.status_code == 400 and 'id="file-error"' in text(bad)


def test_a_file_over_the_request_limit_comes_back_to_the_import_form(web: Web, hr,
                                                                     candidate) -> None:  # noqa: ANN001
    for who, url in ((hr, URL), (candidate, "/me/postings/import")):
        web.as_user(who)
        refused = web.post(url, {"upload": "1", "file": (io.BytesIO(b"x" * 5_000_000),
                                                         "offre.txt")},
                           token_from=url, content_type="multipart/form-data")
        page = text(refused)
        assert refused.status_code == 413
        assert re.search(r'id="file-error">the file is larger than the upload limit of 1 MB<',
                         page), page


def test_a_number_too_large_in_a_jsonld_import_is_a_finding_to_review_not_a_500(
        web: Web, hr) -> None:  # noqa: ANN001
    """Issue #12, finding 12: every number read from an import is bounded. A salary of
    100,000 digits (Python refuses to read it) and a duration of 1e999 (an infinity) are
    flagged under their field and left out of the form; the rest of the posting is read."""
    web.as_user(hr)
    huge = "9" * 100_000
    document = ('{"@context": "https://schema.org", "@type": "JobPosting", "title": "Data '
                'Steward", "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR", '
                '"value": {"value": ' + huge + ', "unitText": "YEAR"}}, '
                '"tracker:durationMonths": 1e999}')
    read = upload(web, "posting.jsonld", document.encode())
    page = text(read)
    assert read.status_code == 200, page[:500]
    findings = page[page.index('id="findings"'):page.index("</section>", page.index(
        'id="findings"'))]
    assert "too large a number to be read" in findings and "100000 digits" in findings
    assert "(1e999)" in findings
    assert field_value(page, "title") == "Data Steward"
    assert field_value(page, "salary_min") == "" and field_value(page, "duration_months") == ""


def test_pending_imports_are_capped_per_account(session_factory, clock, tmp_path, hr) -> None:  # noqa: ANN001
    """Issue #12, finding 10: 20 uploads of 9.9 MB were each kept a day. Now an account keeps
    at most `import_pending_max_files` files of `import_pending_max_mb` MB in all: past that
    the upload is refused next to its field."""
    from tests.web.conftest import web_settings
    from tracker.app import create_app

    app = create_app(web_settings(tmp_path, import_pending_max_files=2),
                     session_factory=session_factory, clock=clock)
    web = Web(app.test_client()).as_user(hr)
    data = UJM.read_bytes()
    assert upload(web, "one.txt", data).status_code == 200
    assert upload(web, "two.txt", data).status_code == 200
    third = upload(web, "three.txt", data)
    page = text(third)
    assert third.status_code == 400
    assert "you already have 2 imports waiting for review, the most an account may" in page
    assert len(list((tmp_path / "data" / "imports").iterdir())) == 2
    app = create_app(web_settings(tmp_path / "b", import_pending_max_mb=1),
                     session_factory=session_factory, clock=clock)
    web = Web(app.test_client()).as_user(hr)
    big = data + b"\n" * 600_000
    assert upload(web, "big.txt", big).status_code == 200
    refused = text(upload(web, "big2.txt", big))
    assert "would take more than 1 MB, the most an account may keep" in refused
