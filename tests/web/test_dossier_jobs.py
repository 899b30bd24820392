"""Dossiers as jobs on the pages (issue #16): the link answers at once with the job's page,
which shows the applicants done of N and reloads itself, in French and in English; then the
download (the PDF read back); a failed job says why in the reader's language."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from pypdf import PdfReader

from tests.web.conftest import Web, text
from tests.web.dossier_jobs import REFRESH
from tests.web.test_hr_pages import submitted_application
from tracker.models import Job, JobStatus
from tracker.services.jobs import queue, run

WORDS = {
    "en": {"title": "<h1>Panel dossier</h1>", "waiting": "Waiting for a worker to start it…",
           "progress": "1 of 2 applicants prepared",
           "ready": "The dossier is ready; its download starts by itself.",
           "pdf": "Panel dossier – ",
           "failed": "The dossier could not be made. Making it took longer than the limit of "
                     "900 seconds.", "again": "Try again"},
    "fr": {"title": "<h1>Dossier du jury</h1>",
           "waiting": "En attente d’un processus pour le préparer…",
           "progress": "1 candidat(e)s prêt(e)s sur 2",
           "ready": "Le dossier est prêt ; son téléchargement commence de lui-même.",
           "pdf": "Dossier du jury – ",
           "failed": "Le dossier n’a pas pu être préparé. Sa préparation a dépassé la limite "
                     "de 900 secondes.", "again": "Réessayer"},
}


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(content)).pages)
                    .split())


@pytest.fixture
def two_applicants(session, posting, candidate, candidate_b, clock):  # noqa: ANN001, ANN201
    submitted_application(session, posting, candidate, clock)
    clock.advance(minutes=5)
    submitted_application(session, posting, candidate_b, clock)
    return posting


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_panel_dossier_page_shows_progress_then_the_download(
        web: Web, hr, two_applicants, session, session_factory, clock, lang) -> None:  # noqa: ANN001
    words = WORDS[lang]
    hr.locale = lang
    session.flush()
    web.as_user(hr)
    posting_page = text(web.get(f"/hr/postings/{two_applicants.reference}"))
    link = f"/hr/postings/{two_applicants.reference}/panel.pdf"
    assert f'href="{link}"' in posting_page
    asked = web.get(link)
    assert asked.status_code == 303
    job_url = asked.headers["Location"]
    job_id = int(re.fullmatch(r"/jobs/(\d+)", job_url).group(1))
    page = text(web.get(job_url))
    assert REFRESH in page and words["title"] in page and words["waiting"] in page
    assert '<progress max="3" value="0">' in page
    # a second click while it waits: the same job, not another
    assert web.get(link).headers["Location"] == job_url
    # a worker takes it and has prepared the first applicant
    settings = web.client.application.config["TRACKER_SETTINGS"]
    lease = timedelta(seconds=settings.job_lease_s)
    claimed = queue.claim(session_factory, worker="w", now=clock(), lease=lease)
    assert claimed is not None and claimed.job_id == job_id
    queue.progress(session_factory, claimed, 1, 3, now=clock(), lease=lease)
    page = text(web.get(job_url))
    assert REFRESH in page and words["progress"] in page
    assert '<progress max="3" value="1">' in page
    # then it is made
    assert run(session_factory, claimed, settings=settings, clock=clock)
    page = text(web.get(job_url))
    assert REFRESH not in page and words["ready"] in page
    assert f'<meta http-equiv="refresh" content="0; url={job_url}/file">' in page
    download = web.get(job_url + "/file")
    assert download.mimetype == "application/pdf"
    content = pdf_text(download.data)
    assert words["pdf"] in content and "Camille Martin" in content
    assert two_applicants.title in content


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_failed_dossier_says_why_in_the_readers_language(
        web: Web, hr, two_applicants, session, session_factory, clock, lang) -> None:  # noqa: ANN001
    words = WORDS[lang]
    hr.locale = lang
    session.flush()
    web.as_user(hr)
    link = f"/hr/postings/{two_applicants.reference}/panel.pdf"
    job_url = web.get(link).headers["Location"]
    claimed = queue.claim(session_factory, worker="w", now=clock(),
                          lease=timedelta(seconds=960))
    assert claimed is not None
    queue.fail(session_factory, claimed, code="timeout", params={"seconds": 900}, now=clock())
    page = text(web.get(job_url))
    assert REFRESH not in page
    assert words["failed"] in " ".join(page.split())
    assert f'<a class="buttonlike" href="{link}">{words["again"]}</a>' in page
    # the file is not there: its address leads back to the page
    assert web.get(job_url + "/file").headers["Location"] == job_url
    # asking again queues a new try
    assert web.get(link).headers["Location"] != job_url
    session.expire_all()
    assert session.get(Job, int(job_url.rsplit("/", 1)[1])).status is JobStatus.FAILED
