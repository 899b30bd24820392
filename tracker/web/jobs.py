"""Dossiers made off the request path (issue #16): a dossier link asks for its job and answers
at once, with the stored copy when nothing it shows has changed, else with the job's page. That
page shows the progress (applicants done of N) and reloads itself without JavaScript until the
dossier is ready (then the download starts) or failed (then it says why)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, redirect, render_template, send_file, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from tracker.models import Job, JobKind, JobStatus
from tracker.services.jobs import queue as dossier_jobs
from tracker.web.common import actor, clock, roles_required, settings, transaction

bp = Blueprint("jobs", __name__, url_prefix="/jobs")
EVERYONE = ("candidate", "hr", "admin")
REFRESH_S = 2
MEDIA = {".pdf": "application/pdf", ".zip": "application/zip"}


def start(kind: JobKind, params: dict[str, Any]) -> Any:
    """Ask for a dossier: its stored copy at once if it is still what would be made, else the
    page of its job (queued, or already being made for someone who asked the same)."""
    with transaction(write=True) as db:
        job = dossier_jobs.request(db, kind, params, actor(db), lang=str(get_locale() or "fr"),
                                   settings=settings(), clock=clock)
        job_id, path, filename = job.id, dossier_jobs.result_file(job, settings()), job.filename
    if path is not None and filename:
        return _download(path, filename)
    return redirect(url_for("jobs.status", job_id=job_id), code=303)


def _download(path: Any, filename: str) -> Any:
    shown = "".join(ch if ch.isascii() and ch.isprintable() and ch not in '"\\;' else "_"
                    for ch in filename)
    response = send_file(path, mimetype=MEDIA.get(path.suffix, "application/octet-stream"),
                         as_attachment=True, download_name=shown, max_age=0)
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _titles() -> dict[JobKind, str]:
    return {JobKind.PANEL: _("Panel dossier"), JobKind.APPLICATION: _("Application dossier"),
            JobKind.POSTING_SHEET: _("Posting sheet"),
            JobKind.BATCH: _("Every application dossier (ZIP)")}


def reason(job: Job) -> str:
    """Why a job failed, in the reader's language."""
    params = dict(job.error_params or {})
    detail = _(str(params.get("detail", ""))) if params.get("detail") else ""
    if job.error_code == "gone":
        return _("The posting or the application was deleted meanwhile.")
    if job.error_code == "document":
        return _("An uploaded document could not be added to the dossier: %(detail)s",
                 detail=detail)
    if job.error_code == "timeout":
        return _("Making it took longer than the limit of %(seconds)s seconds.",
                 seconds=params.get("seconds", "?"))
    if job.error_code == "memory":
        return _("Making it needed more memory than the limit of %(mb)s MB.",
                 mb=params.get("mb", "?"))
    if job.error_code == "crashed":
        return _("The worker making it stopped before the end, %(attempts)s times.",
                 attempts=params.get("attempts", 1))
    return _("An error stopped it: %(detail)s", detail=detail)


def _progress_text(job: Job) -> str:
    if job.status is JobStatus.QUEUED:
        return _("Waiting for a worker to start it…")
    if job.kind is JobKind.PANEL:
        applicants = max(job.progress_total - 1, 0)
        if job.progress_done >= applicants:
            return _("All %(total)s applicants prepared; laying out the pages…",
                     total=applicants)
        return _("%(done)s of %(total)s applicants prepared", done=job.progress_done,
                 total=applicants)
    if job.kind is JobKind.BATCH:
        return _("%(done)s of %(total)s dossiers made", done=job.progress_done,
                 total=job.progress_total)
    return _("Being made…")


def _again(job: Job) -> str | None:
    """The link that asks for the same dossier anew (after a failure)."""
    if job.kind is JobKind.APPLICATION and job.application_id is not None:
        endpoint = ("candidate.dossier" if job.params.get("audience") == "candidate"
                    else "hr.application_dossier")
        return url_for(endpoint, application_id=job.application_id)
    if job.posting is None:
        return None
    if job.kind is JobKind.PANEL:
        return url_for("hr.panel_dossier", reference=job.posting.reference)
    if job.kind is JobKind.POSTING_SHEET:
        return url_for("hr.posting_sheet", reference=job.posting.reference)
    return None


@bp.route("/<int:job_id>")
@roles_required(*EVERYONE)
def status(job_id: int) -> Any:
    with transaction() as db:
        job = dossier_jobs.get_job(db, job_id, actor(db), clock=clock)
        view = {
            "id": job.id, "status": job.status.value, "title": _titles()[job.kind],
            "subject": job.posting.title if job.posting else "",
            "progress": _progress_text(job), "done": job.progress_done,
            "total": job.progress_total,
            "reason": reason(job) if job.status is JobStatus.FAILED else None,
            "again": _again(job) if job.status is JobStatus.FAILED else None,
            "ready": dossier_jobs.result_file(job, settings()) is not None,
        }
    return render_template("web/job.html", job=view, refresh_s=REFRESH_S)


@bp.route("/<int:job_id>/file")
@roles_required(*EVERYONE)
def file(job_id: int) -> Any:
    with transaction() as db:
        job = dossier_jobs.get_job(db, job_id, actor(db), clock=clock)
        path, filename = dossier_jobs.result_file(job, settings()), job.filename
    if path is None or not filename:
        return redirect(url_for("jobs.status", job_id=job_id))
    return _download(path, filename)
