"""Dossiers as jobs (issue #16): POST /postings/{reference}/dossiers (panel, posting sheet)
and POST /applications/{id}/dossier ask for one and answer at once (200 with the stored copy's
job when nothing it shows changed, else 202 with the job queued or under way);
GET /dossiers/{id} says how far it is (applicants done of N) or why it failed; GET
/dossiers/{id}/file is the PDF once done. A worker makes it (`tracker worker`, or the pool of
`tracker serve`)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from flask import Response as FlaskResponse
from flask import url_for
from flask.typing import ResponseReturnValue
from pydantic import BaseModel, Field
from spectree import Response

from tracker.api.applications import APPLICATION
from tracker.api.core import BINARY_ANSWERS, ApiError, body, bp, call, operation, responses
from tracker.api.schemas import ErrorBody, Strict
from tracker.models import Job, JobKind, JobStatus
from tracker.services.jobs import make, queue

TAG = "dossiers"
JOB = "<int(min=1, max=2147483647):job_id>"
BINARY_ANSWERS["dossier_file"] = "application/pdf"


class PostingDossierRequest(Strict):
    kind: Literal["panel", "posting_sheet"] = Field(
        description="panel: the hiring panel's dossier; posting_sheet: the job description.")
    language: Literal["fr", "en"] = "fr"
    pdfa: bool = Field(default=False, description="Archival PDF/A-3b.")


class ApplicationDossierRequest(Strict):
    language: Literal["fr", "en"] = "fr"
    pdfa: bool = Field(default=False, description="Archival PDF/A-3b.")


class Progress(BaseModel):
    done: int
    total: int


class JobError(BaseModel):
    code: Literal["gone", "document", "timeout", "memory", "crashed", "error"]
    message: str


class DossierJob(BaseModel):
    id: int
    kind: Literal["panel", "application", "posting_sheet", "batch"]
    status: Literal["queued", "running", "done", "failed"]
    language: str
    progress: Progress
    file: str | None = Field(description="Where to download the dossier, once done.")
    filename: str | None
    error: JobError | None
    created_at: datetime
    finished_at: datetime | None


def _record(job: Job, ready: bool) -> dict[str, object]:
    return {
        "id": job.id, "kind": job.kind.value, "status": job.status.value,
        "language": job.language,
        "progress": {"done": job.progress_done, "total": job.progress_total},
        "file": url_for("api_v1.dossier_file", job_id=job.id) if ready else None,
        "filename": job.filename if ready else None,
        "error": {"code": job.error_code or "error", "message": make.failure_text(job)}
        if job.status is JobStatus.FAILED else None,
        "created_at": job.created_at.isoformat(),
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
    }


def _asked(kind: JobKind, params: dict[str, object], language: str,
           pdfa: bool) -> ResponseReturnValue:
    with call() as c:
        job = queue.request(c.session, kind, {**params, "pdfa": pdfa}, c.actor, lang=language,
                            settings=c.settings, clock=c.clock)
        ready = queue.result_file(job, c.settings) is not None
        return _record(job, ready), 200 if ready else 202


ASKED = Response(HTTP_200=DossierJob, HTTP_202=DossierJob, HTTP_400=ErrorBody,
                 HTTP_401=ErrorBody, HTTP_403=ErrorBody, HTTP_404=ErrorBody, HTTP_422=ErrorBody)


@bp.post("/postings/<path:reference>/dossiers")
@operation(json=PostingDossierRequest, resp=ASKED, tags=[TAG])
def request_posting_dossier(reference: str) -> ResponseReturnValue:
    """Ask for the panel dossier or the posting sheet. 200: it is made and nothing it shows
    changed since (download `file`); 202: queued or under way (the same job for everyone who
    asks for the same): ask GET /dossiers/{job_id} until it is done."""
    data = body(PostingDossierRequest)
    return _asked(JobKind(data.kind), {"reference": reference}, data.language, data.pdfa)


@bp.post(f"/applications/{APPLICATION}/dossier")
@operation(json=ApplicationDossierRequest, resp=ASKED, tags=[TAG])
def request_application_dossier(application_id: int) -> ResponseReturnValue:
    """Ask for the application's dossier: the employer's copy for its staff, the candidate's
    own (without the employer's ratings) for the candidate. 200 or 202 as for a posting's."""
    data = body(ApplicationDossierRequest)
    return _asked(JobKind.APPLICATION, {"application_id": application_id}, data.language,
                  data.pdfa)


@bp.get(f"/dossiers/{JOB}")
@operation(resp=responses(200, DossierJob, 404), tags=[TAG])
def get_dossier(job_id: int) -> ResponseReturnValue:
    """How far the dossier is: queued, running (applicants done of N), done (with `file`),
    or failed (with the reason)."""
    with call() as c:
        job = queue.get_job(c.session, job_id, c.actor, clock=c.clock)
        return _record(job, queue.result_file(job, c.settings) is not None)


@bp.get(f"/dossiers/{JOB}/file")
@operation(resp=responses(200, None, 404, 409), tags=[TAG])
def dossier_file(job_id: int) -> FlaskResponse:
    """The dossier's PDF, once its job is done; 409 before."""
    with call() as c:
        job = queue.get_job(c.session, job_id, c.actor, clock=c.clock)
        path, filename = queue.result_file(job, c.settings), job.filename
    if path is None or not filename:
        raise ApiError(409, f"dossier job #{job_id} is {job.status.value}: no file yet"
                       if job.status is not JobStatus.DONE
                       else f"dossier job #{job_id}: its file is no longer stored; ask again")
    shown = "".join(ch if ch.isascii() and ch.isprintable() and ch not in '"\\;' else "_"
                    for ch in filename)
    # the bytes, not send_file: the API's response validation reads the body
    response = FlaskResponse(path.read_bytes(), mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{shown}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
