"""Dossier jobs name people (issue #16, DESIGN §11): erasing a person deletes the jobs that show
them and their stored dossiers, keeps the others; the export lists the jobs they asked for;
the retention policy's anonymising of an application deletes the dossiers that show it."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

import sqlalchemy as sa

from tests.conftest import Clock
from tests.jobs.conftest import NOW
from tracker.domain.access import OPERATOR
from tracker.models import Job, JobKind
from tracker.services.jobs import queue
from tracker.services.privacy import erase, export, retention


def stored(session, session_factory, settings, kind, params, actor=OPERATOR):  # noqa: ANN001, ANN201
    """A done job of `kind` with its file stored, as a worker leaves it."""
    job = queue.request(session, kind, params, actor, lang="fr", settings=settings,
                        clock=Clock(NOW))
    session.commit()
    claimed = queue.claim(session_factory, worker="w", now=NOW, lease=timedelta(seconds=960),
                          job_id=job.id)
    assert claimed is not None
    folder = queue.result_folder(job, settings)
    folder.mkdir(parents=True)
    (folder / f"{kind}.pdf").write_bytes(b"%PDF-1.7 stored dossier")
    assert queue.finish(session_factory, claimed, result_path=f"jobs/{job.id}/{kind}.pdf",
                        filename=f"{kind}.pdf", now=NOW)
    session.expire_all()
    path = queue.result_file(job, settings)
    assert path is not None
    return job.id, path


def test_erasure_deletes_the_jobs_and_files_that_show_the_person(
        session, session_factory, demo, job_settings) -> None:  # noqa: ANN001
    camille = demo["camille"]
    reference = {"reference": demo["posting"].reference}
    panel, panel_file = stored(session, session_factory, job_settings, JobKind.PANEL, reference)
    mine, mine_file = stored(session, session_factory, job_settings, JobKind.APPLICATION,
                             {"application_id": camille.id}, actor=camille.candidate)
    sheet, sheet_file = stored(session, session_factory, job_settings, JobKind.POSTING_SHEET,
                               reference)
    # the export lists the jobs the person asked for
    made = export.export_person(session, camille.candidate, actor=OPERATOR,
                                settings=job_settings, now=NOW, dossiers=False)
    with zipfile.ZipFile(io.BytesIO(made.content)) as archive:
        data = json.loads(archive.read("data.json"))
    assert [(j["id"], j["kind"]) for j in data["dossier_jobs"]] == [(mine, "application")]
    plan = erase.erasure_plan(session, camille.candidate, actor=OPERATOR, settings=job_settings)
    assert plan.counts["dossier_jobs"] == 2
    assert {panel_file, mine_file} <= set(plan.files) and sheet_file not in plan.files
    session.expire_all()  # as in a face's own transaction: nothing loaded before
    erase.erase_person(session, camille.candidate, actor=OPERATOR, settings=job_settings,
                       now=NOW)
    session.commit()
    left = set(session.scalars(sa.select(Job.id)))
    assert panel not in left and mine not in left and sheet in left
    assert not panel_file.exists() and not mine_file.exists() and sheet_file.exists()
    assert not panel_file.parent.exists()  # the job's folder went with its file


def test_anonymising_an_application_deletes_the_dossiers_that_show_it(
        session, session_factory, demo, job_settings) -> None:  # noqa: ANN001
    camille = demo["camille"]
    reference = {"reference": demo["posting"].reference}
    panel, panel_file = stored(session, session_factory, job_settings, JobKind.PANEL, reference)
    sheet, sheet_file = stored(session, session_factory, job_settings, JobKind.POSTING_SHEET,
                               reference)
    retention.anonymise(session, camille, reason="retention", actor=OPERATOR,
                        settings=job_settings, now=NOW)
    session.commit()
    left = set(session.scalars(sa.select(Job.id)))
    assert panel not in left and sheet in left
    assert not panel_file.exists() and sheet_file.exists()
