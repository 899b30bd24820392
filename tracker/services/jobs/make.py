"""Making a claimed job's dossier, in the process that calls `run` (a worker's bounded child,
the CLI, a test): the dossier is rendered from the rows as they are now, written under the
reports folder, and the job finished; or failed with an error code the faces translate.

Error codes: `gone` (the posting or application was deleted meanwhile), `document` (an upload
cannot be appended: `detail`), `timeout` (`seconds`), `memory` (`mb`), `crashed` (the worker
died, `attempts` times), `error` (anything else: `detail`).
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from tracker.config import Settings
from tracker.db import utcnow
from tracker.domain.errors import DomainError
from tracker.models import Application, Job, JobKind, Posting
from tracker.services.jobs import queue
from tracker.services.jobs.queue import Claim

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
Progress = Callable[[int, int], None]


class Gone(DomainError):
    """The posting or application of the job is no more."""


def run(factory: sessionmaker[Session], claimed: Claim, *, settings: Settings,
        clock: Clock = utcnow, on_progress: Progress = lambda done, total: None) -> bool:
    """Make the dossier of the claimed job; True if it was finished (False: it failed, or its
    claim was taken back meanwhile). `on_progress(done, total)` hears of each step too."""
    lease = timedelta(seconds=settings.job_lease_s)

    def step(done: int, total: int) -> None:
        queue.progress(factory, claimed, done, total, now=clock(), lease=lease)
        on_progress(done, total)

    try:
        with factory() as session:
            job = session.get(Job, claimed.job_id)
            if job is None:
                return False
            folder = queue.result_folder(job, settings)
            folder.mkdir(parents=True, exist_ok=True)
            path = _make(session, job, clock(), step, folder,
                         part_workers=settings.dossier_part_workers)
    except Gone as exc:
        return queue.fail(factory, claimed, code="gone", params={"detail": exc.message},
                          now=clock()) and False  # noqa: SIM222  (failed: not made)
    except DomainError as exc:
        code = "document" if exc.field in ("document", "file") else "error"
        return queue.fail(factory, claimed, code=code, params={"detail": exc.message},
                          now=clock()) and False  # noqa: SIM222  (failed: not made)
    except OSError as exc:
        return queue.fail(factory, claimed, code="error",
                          params={"detail": f"cannot write the dossier: {exc.strerror or exc}"},
                          now=clock()) and False  # noqa: SIM222  (failed: not made)
    except MemoryError:
        raise  # the worker's parent names the limit
    except Exception as exc:  # noqa: BLE001  (one broken dossier fails its job, not the worker)
        log.exception("job #%d failed", claimed.job_id)
        return queue.fail(factory, claimed, code="error",
                          params={"detail": f"{type(exc).__name__}: {exc}"[:500]},
                          now=clock()) and False  # noqa: SIM222  (failed: not made)
    relative = path.relative_to(settings.reports_dir).as_posix()
    return queue.finish(factory, claimed, result_path=relative, filename=path.name, now=clock())


def _make(session: Session, job: Job, now: datetime, step: Callable[[int, int], None],
          folder: Path, *, part_workers: int = 0) -> Path:
    """Make the job's dossier into `folder`; its path. The file is written under a passing
    name and renamed once whole, so that a crash leaves no half file under the real name; a
    panel dossier is written there as it is assembled, never held whole in memory."""
    from tracker.services.dossiers import render

    pdfa = bool(job.params.get("pdfa"))
    lang = job.language
    if job.kind is JobKind.APPLICATION:
        application = session.get(Application, job.application_id)
        if application is None or application.deleted_at is not None:
            raise Gone("application", "the application was deleted")
        made = render.render_application(
            application, lang=lang, pdfa=pdfa, now=now,
            for_employer=job.params.get("audience") == "employer",
            reader_tz=job.params.get("reader_tz"))
        step(1, 1)
        return _written(folder, made.filename, made.content)
    posting = session.get(Posting, job.posting_id)
    if posting is None or posting.deleted_at is not None:
        raise Gone("posting", "the posting was deleted")
    if job.kind is JobKind.POSTING_SHEET:
        made = render.render_sheet(posting, lang=lang, pdfa=pdfa, now=now)
        step(1, 1)
        return _written(folder, made.filename, made.content)
    if job.kind is JobKind.PANEL:
        passing = folder / f".job-{job.id}.part"
        try:
            filename = render.write_panel(session, posting, passing, lang=lang, pdfa=pdfa,
                                          now=now, progress=step,
                                          reader_tz=job.params.get("reader_tz"),
                                          workers=part_workers)
            return passing.replace(folder / filename)
        finally:
            passing.unlink(missing_ok=True)
    filename = render.slug(f"dossiers-{posting.reference}-{job.language}") + ".zip"
    passing = folder / f".{filename}.part"
    try:
        _batch(session, job, passing, now, step)
        return passing.replace(folder / filename)
    finally:
        passing.unlink(missing_ok=True)


def _written(folder: Path, filename: str, content: bytes) -> Path:
    passing = folder / f".{filename}.part"
    try:
        passing.write_bytes(content)
        return passing.replace(folder / filename)
    finally:
        passing.unlink(missing_ok=True)


def _batch(session: Session, job: Job, out: Path, now: datetime,
           step: Callable[[int, int], None]) -> None:
    """Every application dossier of the batch, one after the other, in one ZIP archive written
    into the file `out` as each is made (the archive is never held whole); one that cannot be
    made is listed in the archive's `failed.txt` with its reason."""
    from tracker.services.dossiers import render

    ids = [int(i) for i in job.params.get("application_ids", [])]
    failed = []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for done, application_id in enumerate(ids, 1):
            application = session.get(Application, application_id)
            if application is None or application.deleted_at is not None:
                failed.append(f"#{application_id}: the application was deleted")
            else:
                try:
                    made = render.render_application(application, lang=job.language,
                                                     pdfa=bool(job.params.get("pdfa")),
                                                     now=now, for_employer=True,
                                                     reader_tz=job.params.get("reader_tz"))
                    archive.writestr(f"{application_id}-{made.filename}", made.content)
                except DomainError as exc:
                    failed.append(f"#{application_id}: {exc.message}")
            step(done, len(ids))
        if failed:
            archive.writestr("failed.txt", "\n".join(failed) + "\n")


def run_here(factory: sessionmaker[Session], job_id: int, *, settings: Settings,
             worker: str, clock: Clock = utcnow,
             on_progress: Progress = lambda done, total: None) -> Job:
    """Claim job `job_id` if it is queued and make it in this process (the CLI waits for its
    own dossier this way); the job as it ends (done, failed, or made by another worker)."""
    claimed = queue.claim(factory, worker=worker, now=clock(),
                          lease=timedelta(seconds=settings.job_lease_s),
                          max_attempts=settings.job_max_attempts, job_id=job_id)
    if claimed is not None:
        run(factory, claimed, settings=settings, clock=clock, on_progress=on_progress)
    return load(factory, job_id)


def load(factory: sessionmaker[Session], job_id: int) -> Job:
    """Job `job_id` as it is now, detached."""
    with factory() as session:
        job = session.get(Job, job_id)
        assert job is not None
        session.expunge(job)
        return job


def failure_text(job: Job) -> str:
    """Why a job failed, in English (the command line's words; the pages translate the code)."""
    params = dict(job.error_params or {})
    return {
        "gone": "the posting or the application was deleted meanwhile",
        "document": f"an upload could not be added to the dossier: {params.get('detail')}",
        "timeout": f"making it took longer than the limit of {params.get('seconds')} s "
                   "(TRACKER_JOB_TIMEOUT_S)",
        "memory": f"making it needed more memory than the limit of {params.get('mb')} MB "
                  "(TRACKER_JOB_MEMORY_MB)",
        "crashed": f"the worker making it stopped before the end, {params.get('attempts')} "
                   "time(s)",
    }.get(job.error_code or "", f"an error stopped it: {params.get('detail')}")
