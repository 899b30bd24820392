"""The import pages' web address (#15): hr and candidates give an address instead of a file;
the page is fetched (from a server of our own on loopback, let through for these tests only),
shown for review, and saved with the address as the posting's source. Refusals are said in
the reader's language."""

from __future__ import annotations

import io

import pytest
import sqlalchemy as sa
from flask import Flask

from tests.importers.test_fetch import server  # noqa: F401 -- the fixture, shared
from tests.web.conftest import Web, text, web_settings
from tests.web.test_import_pages import sent_back
from tracker.app import create_app
from tracker.models import Posting

HR_URL = "/hr/postings/import"
CANDIDATE_URL = "/me/postings/import"


@pytest.fixture
def app(session_factory, clock, tmp_path, server) -> Flask:  # noqa: ANN001, F811
    port = int(server.rsplit(":", 1)[1])
    app = create_app(web_settings(tmp_path, import_url_test_loopback_port=port,
                                  import_url_timeout_s=5),
                     session_factory=session_factory, clock=clock)
    app.config["TESTING"] = True
    return app


def read_address(web: Web, page: str, address: str):  # noqa: ANN201
    return web.post(page, {"upload": "1", "url": address, "file": (io.BytesIO(b""), "")},
                    token_from=page, content_type="multipart/form-data")


def test_hr_imports_a_page_by_its_address_and_keeps_it_as_the_source(web, hr, session,
                                                                       server):  # noqa: F811
    web.as_user(hr)
    form = text(web.get(HR_URL))
    assert 'name="url"' in form and "Or the posting&#39;s web address" in form
    address = f"{server}/page"
    read = read_address(web, HR_URL, address)
    page = text(read)
    assert read.status_code == 200, page
    assert f'href="{address}"' in page  # the page it came from, above what was found
    assert "Gestionnaire administratif et financier" in page
    assert "Maîtrise des marchés publics" in page
    form_data = sent_back(page)
    assert form_data["source_address"] == address
    form_data["save"] = "1"
    saved = web.post(HR_URL, form_data, token_from=HR_URL)
    assert saved.status_code == 302, text(saved)
    posting = session.scalars(sa.select(Posting).order_by(Posting.id.desc())).first()
    assert posting.title == "Gestionnaire administratif et financier"
    assert posting.source_url == address


def test_a_candidate_logs_a_posting_from_its_address(web, candidate, session,
                                                     server):  # noqa: F811
    web.as_user(candidate)
    address = f"{server}/offre.html"
    page = text(read_address(web, CANDIDATE_URL, address))
    form_data = sent_back(page)
    assert form_data["title"] == "Chargée de projets européens"
    assert form_data["source_url"] == address  # where they found it
    form_data["save"] = "1"
    saved = web.post(CANDIDATE_URL, form_data, token_from=CANDIDATE_URL)
    assert saved.status_code == 302, text(saved)
    posting = session.scalars(sa.select(Posting).order_by(Posting.id.desc())).first()
    assert (posting.title, posting.source_url) == ("Chargée de projets européens", address)


@pytest.mark.parametrize(("path", "english", "french"), [
    ("/to-private", "10.1.2.3 leads to 10.1.2.3, a private address: only public addresses "
                    "are fetched",
     "10.1.2.3 mène à 10.1.2.3, une adresse privée : seules les adresses publiques sont "
     "consultées"),
    ("/to-other-port", "127.0.0.1 leads to 127.0.0.1, a loopback address",
     "127.0.0.1 mène à 127.0.0.1, une adresse de bouclage (loopback)"),
    ("/image", "the address gives image/png, not an HTML page, a PDF, JSON-LD or plain text",
     "l’adresse renvoie image/png, ni une page HTML, ni un PDF, ni du JSON-LD, ni du texte "
     "brut"),
    ("/loop", "the address redirects more than 5 times",
     "l’adresse redirige plus de 5 fois"),
    ("/unlimited", "the page is larger than the limit of 1 MB",
     "la page dépasse la limite de 1 Mo"),
])
def test_refusals_name_the_problem_in_both_languages(
        web, hr, session, server, path, english, french):  # noqa: ANN001, F811
    web.as_user(hr)
    refused = read_address(web, HR_URL, f"{server}{path}")
    page = text(refused)
    assert refused.status_code == 400
    assert english.replace("'", "&#39;") in page, page[page.find('class="error"') - 200:][:600]
    hr.locale = "fr"  # the account's language
    session.flush()
    page = text(read_address(web, HR_URL, f"{server}{path}"))
    assert french.replace("'", "&#39;") in page


def test_an_address_that_is_no_web_address_or_nothing_at_all(web, hr):
    web.as_user(hr)
    page = text(read_address(web, HR_URL, "file:///etc/passwd"))
    assert "the address must start with http:// or https://" in page
    page = text(read_address(web, HR_URL, "https://jean:secret@example.org/offre"))
    assert "the address must not hold a user name or password" in page
    nothing = read_address(web, HR_URL, "")
    assert nothing.status_code == 400 and "choose a file" in text(nothing)
