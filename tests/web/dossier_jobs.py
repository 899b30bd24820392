"""Fetching a dossier as a browser does since dossiers are jobs (issue #16): the link answers
with the job's page, which reloads itself; a worker makes the job (here, in this process on the
test's transaction); the page then sends the browser to the download."""

from __future__ import annotations

import re

from werkzeug.test import TestResponse

from tests.web.conftest import Web
from tracker.services.jobs import run_here

REFRESH = '<meta http-equiv="refresh" content="2">'


def run_jobs(web: Web, job_id: int) -> None:
    config = web.client.application.config
    run_here(config["TRACKER_SESSION_FACTORY"], job_id, settings=config["TRACKER_SETTINGS"],
             worker="test", clock=config["TRACKER_CLOCK"])


def fetch_dossier(web: Web, url: str) -> tuple[TestResponse, str]:
    """The download of the dossier at `url`, and the job's page as it was first shown."""
    asked = web.get(url)
    assert asked.status_code == 303, (url, asked.status_code)
    page_url = asked.headers["Location"]
    assert re.fullmatch(r"/jobs/\d+", page_url), page_url
    waiting = web.get(page_url)
    assert waiting.status_code == 200
    first = waiting.get_data(as_text=True)
    assert REFRESH in first  # reloads itself, without JavaScript
    run_jobs(web, int(page_url.rsplit("/", 1)[1]))
    ready = web.get(page_url).get_data(as_text=True)
    assert f'<meta http-equiv="refresh" content="0; url={page_url}/file">' in ready
    download = web.get(page_url + "/file")
    assert download.status_code == 200
    assert download.headers["Content-Disposition"].startswith("attachment; filename=")
    return download, first
