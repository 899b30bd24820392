"""Hostile posting files are read in the bounded child (tracker.importers.reading) under the
upload limits: each gives one clear error naming `file` in reasonable time, never a stuck
worker or a 500; a normal import still reads the same (issue #12, finding 5)."""

from __future__ import annotations

import json
import subprocess
import time

import pytest

from tracker.config import get_settings
from tracker.domain.errors import DomainError
from tracker.services import imports

POSTING = {"@context": "https://schema.org", "@type": "JobPosting",
           "title": "Chargé de coopération internationale", "datePosted": "2024-04-15",
           "validThrough": "2024-05-13", "employmentType": "TEMPORARY",
           "hiringOrganization": {"@type": "Organization", "name": "Université Jean Monnet"}}


@pytest.fixture
def children(monkeypatch):  # noqa: ANN201
    """The commands of the child processes started."""
    seen: list[list[str]] = []
    real_run = subprocess.run

    def run(command, **kwargs):  # noqa: ANN001, ANN003, ANN202
        seen.append(list(command))
        return real_run(command, **kwargs)

    monkeypatch.setattr(subprocess, "run", run)
    return seen


def refused(name: str, data: bytes, settings=None, within: float = 15) -> DomainError:  # noqa: ANN001
    started = time.perf_counter()
    with pytest.raises(DomainError) as caught:
        imports.analyse(name, data, default_zone="Europe/Paris",
                        settings=settings or get_settings())
    assert time.perf_counter() - started < within
    assert caught.value.field == "file"
    return caught.value


def test_a_normal_import_is_read_in_the_child(children):
    report = imports.analyse("offre.jsonld", json.dumps(POSTING).encode(),
                             default_zone="Europe/Paris", settings=get_settings())
    assert report.postings[0].value("title") == "Chargé de coopération internationale"
    assert any(c[1:3] == ["-m", "tracker.importers.reading"] for c in children)


def test_json_nested_100000_deep(children):
    error = refused("deep.json", b"[" * 100_000 + b"]" * 100_000)
    assert error.message == "'deep.json': JSON nested more than 64 levels deep is not a posting"
    assert any(c[1:3] == ["-m", "tracker.importers.reading"] for c in children)


def test_html_nested_50000_deep(children):
    page = b"<!doctype html><html><body>" + b"<div>" * 50_000 + b"x" + b"</div>" * 50_000
    error = refused("deep.html", page)  # the parser stops at its depth limit: nothing is left
    assert error.message == "'deep.html' has neither a JobPosting nor text"
    assert any(c[1:3] == ["-m", "tracker.importers.reading"] for c in children)


def test_html_of_20_mb_is_refused_by_the_upload_limit(children):
    page = b"<!doctype html><html><body><p>" + b"texte " * 3_500_000 + b"</p></body></html>"
    error = refused("huge.html", page)
    assert error.message == "'huge.html' is 21 MB, the limit is 10 MB"
    assert children == []  # refused before any parse


def test_a_slow_text_is_stopped_at_the_time_limit(children):
    settings = get_settings().model_copy(update={"pdf_check_timeout_s": 0.5})
    text = ("Missions : coordonner les projets, suivre les budgets, rédiger les rapports\n"
            * 120_000).encode()
    error = refused("offre.txt", text, settings, within=5)
    assert error.message == "'offre.txt' could not be read within 0.5 s"


def test_a_page_over_the_memory_limit(children):
    settings = get_settings().model_copy(update={"pdf_check_memory_mb": 64})
    page = b"<!doctype html><html><body>" + b"<p>mot</p>" * 900_000 + b"</body></html>"
    error = refused("big.html", page, settings)
    assert error.message == "'big.html' could not be read within the memory limit (64 MB)"
