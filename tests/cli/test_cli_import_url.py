"""`tracker posting import https://...` (#15): the page fetched from a server of our own on
loopback (let through by the test-only setting), saved with its address as the source; a
refused address is one error line naming the problem, and nothing is written."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.cli.helpers import assert_refused, row_counts
from tests.importers.test_fetch import server  # noqa: F401 -- the fixture, shared
from tracker.config import get_settings


@pytest.fixture
def loopback_allowed(server, monkeypatch) -> Iterator[str]:  # noqa: ANN001, F811
    monkeypatch.setenv("TRACKER_IMPORT_URL_TEST_LOOPBACK_PORT", server.rsplit(":", 1)[1])
    get_settings.cache_clear()
    yield server
    monkeypatch.delenv("TRACKER_IMPORT_URL_TEST_LOOPBACK_PORT")
    get_settings.cache_clear()


def test_a_page_is_imported_from_its_address_and_keeps_it(cli, hr, loopback_allowed):
    address = f"{loopback_allowed}/hop"  # a redirect to the page with JSON-LD
    shown = cli(["posting", "import", address, "--format", "json"])
    assert shown.exit_code == 0, shown.output
    document = json.loads(shown.stdout)
    assert document["url"] == address and document["format"] == "html"
    assert document["postings"][0]["data"]["title"] == "Chargée de projets européens"
    saved = cli(["posting", "import", address, "--org", "ujm", "--yes"])
    assert saved.exit_code == 0, saved.output
    assert address in saved.output  # the table is titled with the address
    reference = saved.output.strip().splitlines()[-1].split()[1]
    posting = json.loads(cli(f"posting show {reference} --format json").stdout)
    assert posting["source_url"] == address
    assert posting["title"] == "Chargée de projets européens"


def test_a_pdf_at_an_address_is_read_by_its_layout(cli, hr, loopback_allowed):
    result = cli(["posting", "import", f"{loopback_allowed}/fiche.pdf", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)["postings"][0]["data"]
    assert data["title"] == "Technicien de laboratoire"
    assert data["valid_through_date"] == "2024-06-15"


@pytest.mark.parametrize(("path", "words"), [
    ("/to-private", ["10.1.2.3 leads to 10.1.2.3, a private address"]),
    ("/to-other-port", ["a loopback address"]),
    ("/loop", ["redirects more than 5 times"]),
    ("/image", ["image/png, not an HTML page, a PDF, JSON-LD or plain text"]),
])
def test_a_refused_address_writes_nothing(cli, session, hr, loopback_allowed, path, words):
    before = row_counts(session)
    assert_refused(cli(["posting", "import", f"{loopback_allowed}{path}", "--yes"]), "url",
                   *words)
    assert row_counts(session) == before


def test_without_the_test_setting_loopback_is_refused(cli, hr, server):  # noqa: F811
    get_settings.cache_clear()
    assert_refused(cli(["posting", "import", f"{server}/offre.html"]), "url",
                   "127.0.0.1 leads to 127.0.0.1, a loopback address")
    assert_refused(cli(["posting", "import", "ftp://example.org/offre.pdf"]), "url",
                   "must start with http:// or https://")
