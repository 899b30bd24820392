"""Dossier jobs: asked for, claimed with a lease, advanced, finished or failed.

- `request` checks the actor's right to the dossier, computes the digest of what it would show
  and returns, in this order: a done job of that digest whose file is still there (served at
  once), a queued or running one (the same work is never queued twice), else a new queued job.
- `claim` takes the oldest queued job for a worker and commits: PostgreSQL picks it with FOR
  UPDATE SKIP LOCKED, so concurrent workers never take the same job; SQLite with a conditional
  UPDATE (writers are serialised there). The claim gets a token and a lease
  (TRACKER_JOB_LEASE_S); `progress` renews it. A job whose worker died (its lease ran out) goes
  back to the queue (`release_expired`), or fails after TRACKER_JOB_MAX_ATTEMPTS claims.
- `progress`, `finish`, `fail` apply only while the claim holds (a conditional UPDATE on the
  token): a worker whose job was taken back cannot overwrite the new worker's result.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session, sessionmaker

from tracker.config import Settings
from tracker.db import unit_of_work, utcnow
from tracker.domain.access import Actor, can_manage, submitted_only
from tracker.domain.errors import DomainError, NotFound
from tracker.models import Application, Job, JobKind, JobStatus, Posting, User
from tracker.services.jobs.digest import dossier_digest

S = JobStatus
LANGS = ("fr", "en")


@dataclass(frozen=True)
class Subject:
    """What a dossier is about, as the actor may see it."""

    posting: Posting
    applications: list[Application]
    application: Application | None
    audience: str  # employer, candidate


def _subject(session: Session, kind: JobKind, params: dict[str, Any], actor: Actor,
             now: datetime, *, shown: bool = True) -> Subject:
    """The posting and applications the dossier shows, once the actor's right is checked (the
    same checks the dossiers' own services make); without them unless `shown`."""
    from tracker.services.dossiers import render
    from tracker.services.hiring.applications import get_application
    from tracker.services.hiring.lookup import get_posting

    if kind is JobKind.APPLICATION:
        application = get_application(session, int(params["application_id"]), actor=actor)
        employer = can_manage(actor, application.posting)
        return Subject(application.posting, [application], application,
                       "employer" if employer else "candidate")
    reference = params.get("reference")
    if not isinstance(reference, str) or not reference:
        raise DomainError("reference", "name the posting (its reference)")
    posting = get_posting(session, reference, actor=actor)
    if kind is JobKind.POSTING_SHEET:
        return Subject(posting, [], None, "employer" if can_manage(actor, posting) else "reader")
    render.check_manager(actor, posting)
    if not shown:
        return Subject(posting, [], None, "employer")
    if kind is JobKind.PANEL:
        return Subject(posting, render.panel_applications(session, posting, now), None,
                       "employer")
    applications = list(session.scalars(
        sa.select(Application).where(Application.posting_id == posting.id,
                                     Application.deleted_at.is_(None), submitted_only(actor))
        .order_by(Application.id)))
    return Subject(posting, applications, None, "employer")


def request(session: Session, kind: JobKind | str, params: dict[str, Any], actor: Actor, *,
            lang: str = "fr", settings: Settings, clock: Any = utcnow) -> Job:
    """The job that makes this dossier: a done one still valid, a queued or running one, or a
    new queued one. Raises NotFound/PermissionDenied as the dossier itself would."""
    kind = JobKind(kind)
    if lang not in LANGS:
        raise DomainError("lang", "unknown language %(lang)r (fr or en)", lang=lang)
    now = clock()
    subject = _subject(session, kind, params, actor, now)
    pdfa = bool(params.get("pdfa"))
    # the status history is dated in the reader's own zone: another zone is another dossier
    reader_tz = getattr(actor, "timezone", None) or None
    digest = dossier_digest(subject.posting, subject.applications, kind=kind.value,
                            audience=subject.audience, lang=lang, pdfa=pdfa, now=now,
                            reader_tz=reader_tz)
    for job in session.scalars(
        sa.select(Job).where(Job.digest == digest,
                             Job.status.in_([S.DONE, S.QUEUED, S.RUNNING]))
        .order_by(Job.id.desc())
    ):
        if job.status is not S.DONE or result_file(job, settings) is not None:
            return job
    stored: dict[str, Any] = {"audience": subject.audience, "pdfa": pdfa}
    if reader_tz:
        stored["reader_tz"] = reader_tz
    if subject.application is not None:
        stored["application_id"] = subject.application.id
    else:
        stored["posting_id"] = subject.posting.id
    if kind is JobKind.BATCH:
        stored["application_ids"] = [a.id for a in subject.applications]
    total = len(subject.applications) + (1 if kind is JobKind.PANEL else 0)
    job = Job(kind=kind, params=stored, language=lang, digest=digest,
              posting_id=subject.posting.id,
              application_id=subject.application.id if subject.application else None,
              status=S.QUEUED, progress_total=max(total, 1), progress_done=0,
              requested_by=actor.id if isinstance(actor, User) else None,
              created_at=now, updated_at=now)
    session.add(job)
    session.flush()
    return job


def get_job(session: Session, job_id: int, actor: Actor, *, clock: Any = utcnow) -> Job:
    """Job `job_id`, if the actor may have the dossier it makes (the same right as asking for it
    now, for the same copy); else NotFound."""
    job = session.get(Job, job_id)
    if job is None:
        raise NotFound("job", "no job #%(job_id)s", job_id=str(job_id))
    params: dict[str, Any] = {}
    if job.kind is JobKind.APPLICATION:
        params["application_id"] = job.application_id
    else:
        posting = session.get(Posting, job.posting_id) if job.posting_id else None
        if posting is None:
            raise NotFound("job", "no job #%(job_id)s", job_id=str(job_id))
        params["reference"] = posting.reference
    try:
        subject = _subject(session, job.kind, params, actor, clock(), shown=False)
    except DomainError as exc:
        raise NotFound("job", "no job #%(job_id)s", job_id=str(job_id)) from exc
    if subject.audience != job.params.get("audience") or (
            job.posting_id is not None and subject.posting.id != job.posting_id):
        raise NotFound("job", "no job #%(job_id)s", job_id=str(job_id))
    return job


def result_file(job: Job, settings: Settings) -> Path | None:
    """The stored dossier of a done job, if it is still there."""
    if job.status is not S.DONE or not job.result_path:
        return None
    path = (settings.reports_dir / job.result_path)
    return path if path.is_file() else None


def result_folder(job: Job, settings: Settings) -> Path:
    """Where a job's file goes: <reports>/jobs/<id>/ (removed with the job)."""
    return settings.reports_dir / "jobs" / str(job.id)


# -- the worker's side ----------------------------------------------------------------------


def release_expired(factory: sessionmaker[Session], *, now: datetime,
                    max_attempts: int) -> int:
    """Jobs left running past their lease (their worker died) go back to the queue, or fail
    once they were claimed `max_attempts` times; how many there were."""
    stuck = sa.and_(Job.status == S.RUNNING, Job.lease_until <= now)
    with unit_of_work(factory, write=True) as session:
        failed = _count(session.execute(
            sa.update(Job).where(stuck, Job.attempts >= max_attempts).values(
                status=S.FAILED, error_code="crashed", error_params={"attempts": max_attempts},
                claim_token=None, lease_until=None, claimed_by=None, finished_at=now,
                updated_at=now),
            execution_options={"synchronize_session": False}))
        back = _count(session.execute(
            sa.update(Job).where(stuck).values(
                status=S.QUEUED, claim_token=None, lease_until=None, claimed_by=None,
                updated_at=now),
            execution_options={"synchronize_session": False}))
    return failed + back


@dataclass(frozen=True)
class Claim:
    job_id: int
    token: str


def claim(factory: sessionmaker[Session], *, worker: str, now: datetime, lease: timedelta,
          max_attempts: int = 3, job_id: int | None = None) -> Claim | None:
    """Claim the oldest queued job (or job `job_id`, if queued) for `worker` and commit."""
    release_expired(factory, now=now, max_attempts=max_attempts)
    token = str(uuid.uuid4())
    with unit_of_work(factory, write=True) as session:
        pick = sa.select(Job.id).where(Job.status == S.QUEUED).order_by(Job.id).limit(1)
        if job_id is not None:
            pick = pick.where(Job.id == job_id)
        values = dict(status=S.RUNNING, claim_token=token, claimed_by=worker[:120],
                      lease_until=now + lease, attempts=Job.attempts + 1, started_at=now,
                      updated_at=now)
        if session.get_bind().dialect.name == "postgresql":
            picked = pick.with_for_update(skip_locked=True).cte("picked")
            statement = sa.update(Job).where(Job.id == picked.c.id)
        else:
            statement = sa.update(Job).where(Job.id.in_(pick.scalar_subquery()),
                                             Job.status == S.QUEUED)
        found = session.execute(statement.values(**values).returning(Job.id),
                                execution_options={"synchronize_session": False}).scalar()
    return Claim(found, token) if found is not None else None


def _count(result: Any) -> int:
    """The rows an UPDATE matched."""
    return int(cast(CursorResult[Any], result).rowcount or 0)


def _ours(claimed: Claim) -> sa.ColumnElement[bool]:
    return sa.and_(Job.id == claimed.job_id, Job.claim_token == claimed.token,
                   Job.status == S.RUNNING)


def progress(factory: sessionmaker[Session], claimed: Claim, done: int, total: int, *,
             now: datetime, lease: timedelta) -> bool:
    """Record `done` of `total` and renew the lease; False if the claim no longer holds."""
    with unit_of_work(factory, write=True) as session:
        count = _count(session.execute(
            sa.update(Job).where(_ours(claimed)).values(
                progress_done=max(0, min(done, total)), progress_total=max(total, 1),
                lease_until=now + lease, updated_at=now),
            execution_options={"synchronize_session": False}))
    return bool(count)


def finish(factory: sessionmaker[Session], claimed: Claim, *, result_path: str, filename: str,
           now: datetime) -> bool:
    with unit_of_work(factory, write=True) as session:
        count = _count(session.execute(
            sa.update(Job).where(_ours(claimed)).values(
                status=S.DONE, result_path=result_path, filename=filename,
                progress_done=Job.progress_total, claim_token=None, lease_until=None,
                error_code=None, error_params=None, finished_at=now, updated_at=now),
            execution_options={"synchronize_session": False}))
    return bool(count)


def fail(factory: sessionmaker[Session], claimed: Claim, *, code: str,
         params: dict[str, Any] | None = None, now: datetime) -> bool:
    with unit_of_work(factory, write=True) as session:
        count = _count(session.execute(
            sa.update(Job).where(_ours(claimed)).values(
                status=S.FAILED, error_code=code[:60], error_params=params or {},
                claim_token=None, lease_until=None, finished_at=now, updated_at=now),
            execution_options={"synchronize_session": False}))
    return bool(count)
