"""Import from a web address (#15): a server of our own on loopback, which the guard lets through
for these tests only (the settings' test loopback port), and the guard's refusals."""

from __future__ import annotations

import gzip
import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from weasyprint import HTML

from tracker.config import Settings, get_settings
from tracker.importers.fetch import (
    FetchLimits,
    FetchRefused,
    blocked_kind,
    check_url,
    fetch,
    resolve,
)
from tracker.services import imports

POSTING_JSONLD = {
    "@context": "https://schema.org", "@type": "JobPosting",
    "title": "Chargée de projets européens", "datePosted": "2024-04-02",
    "validThrough": "2024-05-20T23:59:00+02:00", "employmentType": "FULL_TIME",
    "hiringOrganization": {"@type": "Organization", "name": "Université Jean Monnet"},
    "description": "<p>Monter et suivre les projets européens du service.</p>",
}
PAGE_WITH_JSONLD = (
    "<!doctype html><html><head><title>Offre</title><script type='application/ld+json'>"
    + json.dumps(POSTING_JSONLD) + "</script></head><body><p>Offre</p></body></html>")
PAGE_WITHOUT_JSONLD = """<!doctype html><html><head><style>body{color:red}</style>
<script>var tracking = "Poste : espion";</script></head><body>
<header><a href='/'>Accueil du portail emploi</a></header>
<nav><a>Connexion</a> <a>Toutes les offres</a></nav>
<main><h1>Gestionnaire administratif et financier (H/F)</h1>
<p>Employeur : Mairie de Roanne</p>
<p>Type de contrat : CDD de 12 mois</p>
<p>Date limite de candidature : 30/05/2024</p>
<h2>Compétences techniques</h2><ul><li>Maîtrise des marchés publics</li>
<li>Comptabilité publique M57</li></ul></main>
<footer>Mentions légales · Plan du site</footer></body></html>"""


class Handler(BaseHTTPRequestHandler):
    routes: dict[str, Any] = {}
    seen_hosts: list[str] = []

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        Handler.seen_hosts.append(self.headers.get("Host", ""))
        route = self.routes.get(self.path.split("?")[0])
        if route is None:
            self.send_error(404)
            return
        route(self)


def send(handler: BaseHTTPRequestHandler, body: bytes, media_type: str, *,
         length: bool = True, headers: dict[str, str] | None = None) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", media_type)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    if length:
        handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def redirect(to: str) -> Any:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", to)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
    return route


def slow(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.end_headers()
    try:
        for _ in range(40):  # one byte every 0.1 s: each read is quick, the whole is not
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(0.1)
    except OSError:
        pass


def unlimited(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.end_headers()  # no length: the client has to stop reading itself
    try:
        for _ in range(200):
            handler.wfile.write(b"y" * 10_000)
    except OSError:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    pdf = HTML(string="<h1>Technicien de laboratoire</h1><p>Employeur : CNRS</p>"
                      "<p>Date limite de candidature : 15/06/2024</p>").write_pdf()
    bomb = gzip.compress(b"<html>" + b" " * 3_000_000 + b"</html>")
    Handler.routes = {
        "/offre.html": lambda h: send(h, PAGE_WITH_JSONLD.encode(), "text/html; charset=utf-8"),
        "/page": lambda h: send(h, PAGE_WITHOUT_JSONLD.encode(), "text/html"),
        "/fiche.pdf": lambda h: send(h, pdf, "application/pdf"),
        "/gz": lambda h: send(h, gzip.compress(PAGE_WITHOUT_JSONLD.encode()), "text/html",
                              headers={"Content-Encoding": "gzip"}),
        "/bomb": lambda h: send(h, bomb, "text/html", headers={"Content-Encoding": "gzip"}),
        "/big": lambda h: send(h, b"z" * 2_000_001, "text/plain"),
        "/unlimited": unlimited,
        "/slow": slow,
        "/image": lambda h: send(h, b"\x89PNG\r\n\x1a\n....", "image/png"),
        "/gone": lambda h: h.send_error(410),
        "/hop": redirect("/offre.html"),
        "/loop": redirect("/loop"),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    port = httpd.server_address[1]
    Handler.routes["/to-other-port"] = redirect(f"http://127.0.0.1:{port + 1}/offre.html")
    Handler.routes["/to-private"] = redirect("http://10.1.2.3/offre.html")
    Handler.routes["/to-file"] = redirect("file:///etc/passwd")
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    httpd.shutdown()
    httpd.server_close()


def limits(server: str, **changes: Any) -> FetchLimits:
    values: dict[str, Any] = {"max_bytes": 1_000_000, "timeout_s": 3, "max_redirects": 3,
                              "test_loopback_port": int(server.rsplit(":", 1)[1])}
    values.update(changes)
    return FetchLimits(**values)


def refused(url: str, limit: FetchLimits) -> FetchRefused:
    with pytest.raises(FetchRefused) as error:
        fetch(url, limit)
    assert error.value.field == "url"
    return error.value


# -- the guard -------------------------------------------------------------------------------


@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("10.0.0.1", "private"), ("172.16.5.4", "private"), ("192.168.1.20", "private"),
    ("fc00::1", "private"), ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("224.0.0.251", "multicast"), ("ff02::1", "multicast"), ("0.0.0.0", "unspecified"),
    ("::", "unspecified"), ("240.0.0.1", "reserved"), ("100.64.0.1", "reserved"),
    ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.0.0.1", "private"),
    ("::ffff:169.254.169.254", "link-local"), ("192.0.2.10", "private"),
])
def test_addresses_that_are_not_public_are_refused(address, kind):
    assert blocked_kind(address) == kind


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700:4700::1111", "8.8.8.8"])
def test_public_addresses_pass(address):
    assert blocked_kind(address) is None


@pytest.mark.parametrize(("url", "code"), [
    ("ftp://example.org/offre.pdf", "scheme"), ("file:///etc/passwd", "scheme"),
    ("javascript:alert(1)", "scheme"), ("https://jean:secret@example.org/offre", "credentials"),
    ("https://jean@example.org/offre", "credentials"), ("http://", "invalid"),
    ("https://example.org:99999/", "invalid"), ("https://exa mple.org/", "invalid"),
])
def test_addresses_other_than_plain_http_are_refused(url, code):
    with pytest.raises(FetchRefused) as error:
        check_url(url)
    assert error.value.problem == code


def test_names_are_checked_after_resolution():
    no_test_port = FetchLimits(1000, 1, 1)
    with pytest.raises(FetchRefused, match="localhost leads to .*a loopback address") as error:
        resolve("localhost", 80, no_test_port)
    assert error.value.problem == "blocked"
    with pytest.raises(FetchRefused, match="could not be found"):
        resolve("no-such-host.invalid", 80, no_test_port)


def test_without_the_test_port_our_own_server_is_refused(server):
    error = refused(f"{server}/offre.html", limits(server, test_loopback_port=None))
    assert (error.problem, error.details["kind"]) == ("blocked", "loopback")


def test_a_redirect_to_another_loopback_port_or_a_private_address_is_refused(server):
    error = refused(f"{server}/to-other-port", limits(server))
    assert (error.problem, error.details["address"]) == ("blocked", "127.0.0.1")
    error = refused(f"{server}/to-private", limits(server))
    assert (error.problem, error.details["address"]) == ("blocked", "10.1.2.3")
    assert refused(f"{server}/to-file", limits(server)).problem == "scheme"


def test_too_many_redirects_are_refused(server):
    error = refused(f"{server}/loop", limits(server, max_redirects=3))
    assert error.problem == "redirects" and "more than 3 times" in error.message


@pytest.mark.parametrize("path", ["/big", "/unlimited", "/bomb"])
def test_a_page_too_large_is_stopped(server, path):
    started = time.monotonic()
    error = refused(f"{server}{path}", limits(server, max_bytes=1_000_000))
    assert error.problem == "too_big" and "larger than the limit of 1 MB" in error.message
    assert time.monotonic() - started < 3


def test_a_page_too_slow_is_stopped_at_the_time_limit(server):
    started = time.monotonic()
    error = refused(f"{server}/slow", limits(server, timeout_s=1))
    assert error.problem == "timeout" and "within 1 s" in error.message
    assert time.monotonic() - started < 2


def test_other_types_and_errors_are_refused(server):
    error = refused(f"{server}/image", limits(server))
    assert error.problem == "type" and "image/png" in error.message
    error = refused(f"{server}/gone", limits(server))
    assert error.problem == "status" and "410" in error.message


def test_the_connection_goes_to_the_address_that_was_checked(server, monkeypatch):
    """DNS rebinding: the name answers our loopback server once, then a private address; the
    fetch connects to the address it checked, with the name in the Host header."""
    port = int(server.rsplit(":", 1)[1])
    real = socket.getaddrinfo
    answers = iter(["127.0.0.1"])

    def getaddrinfo(host, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if host == "jobs.example.test":
            address = next(answers, "10.9.9.9")
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    Handler.seen_hosts.clear()
    fetched = fetch(f"http://jobs.example.test:{port}/offre.html", limits(server))
    assert fetched.kind == "html" and b"JobPosting" in fetched.data
    assert Handler.seen_hosts == [f"jobs.example.test:{port}"]
    # A second fetch gets the private answer: refused before connecting.
    error = refused(f"http://jobs.example.test:{port}/offre.html", limits(server))
    assert error.params["address"] == "10.9.9.9"


# -- what is fetched, read -------------------------------------------------------------------


def settings_for(server: str) -> Settings:
    return get_settings().model_copy(update={
        "import_url_test_loopback_port": int(server.rsplit(":", 1)[1]),
        "import_url_timeout_s": 5})


def test_a_page_with_jsonld_is_read_by_the_jsonld_importer(server):
    report = imports.analyse_url(f"{server}/hop", default_zone="Europe/Paris",
                                 settings=settings_for(server))
    assert report.url == f"{server}/hop" and report.format == "html"
    data = report.postings[0].data()
    assert data["title"] == "Chargée de projets européens"
    assert data["hiring_organization_name"] == "Université Jean Monnet"


@pytest.mark.parametrize("path", ["/page", "/gz"])
def test_a_page_without_jsonld_is_read_as_its_readable_text(server, path):
    report = imports.analyse_url(f"{server}{path}", default_zone="Europe/Paris",
                                 settings=settings_for(server))
    assert "Gestionnaire administratif et financier" in report.text
    for chrome in ("Accueil du portail", "Connexion", "Mentions légales", "espion", "color"):
        assert chrome not in report.text
    data = report.postings[0].data()
    assert data["title"] == "Gestionnaire administratif et financier"
    assert data["employment_type"].value == "fixed_term"
    assert [item["label"] for item in data["requirements"]] == [
        "Maîtrise des marchés publics", "Comptabilité publique M57"]


def test_a_pdf_is_read_as_a_pdf(server):
    report = imports.analyse_url(f"{server}/fiche.pdf", default_zone="Europe/Paris",
                                 settings=settings_for(server))
    assert report.format == "pdf" and report.filename == "fiche.pdf"
    assert report.postings[0].data()["title"] == "Technicien de laboratoire"
