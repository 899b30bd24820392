"""Every application dossier of a posting, made by a pool of worker processes.

Each worker opens its own database connection and keeps one FontConfiguration (tracker.pdf
caches it per process); workers are replaced after `RECYCLE_AFTER` dossiers so that memory
stays bounded over long batches. One dossier failing (e.g. an upload that cannot be appended)
is reported with its reason; the others are made.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db import create_engine, make_session_factory
from tracker.domain.access import OPERATOR, Actor, submitted_only
from tracker.domain.errors import DomainError
from tracker.models import Application
from tracker.pdfparts import peak_mb
from tracker.services.dossiers import render as dossiers
from tracker.services.dossiers.render import check_manager
from tracker.services.hiring.lookup import get_posting

RECYCLE_AFTER = 50


@dataclass(frozen=True)
class BatchItem:
    application_id: int
    path: Path | None
    error: str | None = None
    worker_peak_mb: float = 0.0  # the worker's peak resident memory so far


def application_ids(session: Session, reference: str, actor: Actor) -> list[int]:
    posting = get_posting(session, reference, actor=actor)
    check_manager(actor, posting)
    return list(session.scalars(
        sa.select(Application.id)
        .where(Application.posting_id == posting.id, Application.deleted_at.is_(None),
               submitted_only(actor))
        .order_by(Application.id)
    ))


_worker_sessions = None


def _init_worker(database_url: str) -> None:
    global _worker_sessions
    _worker_sessions = make_session_factory(create_engine(database_url))


def _make_one(application_id: int, lang: str, pdfa: bool, out_dir: str | None,
              reports_dir: str, now: datetime) -> BatchItem:
    assert _worker_sessions is not None
    try:
        with _worker_sessions() as session:
            dossier = dossiers.application_dossier(session, application_id, lang=lang, pdfa=pdfa,
                                          clock=lambda: now, actor=OPERATOR)
        path = dossier.save(Path(out_dir) / dossier.filename if out_dir
                            else dossier.default_path(Path(reports_dir)))
        return BatchItem(application_id, path, worker_peak_mb=peak_mb())
    except DomainError as exc:
        return BatchItem(application_id, None, str(exc), peak_mb())
    except Exception as exc:  # one broken dossier must not stop the batch
        return BatchItem(application_id, None, f"{type(exc).__name__}: {exc}", peak_mb())


def run_batch(
    database_url: str,
    ids: list[int],
    *,
    lang: str = "fr",
    pdfa: bool = False,
    workers: int = 2,
    out_dir: Path | None = None,
    reports_dir: Path,
    now: datetime,
    on_done: Callable[[BatchItem], None] = lambda item: None,
) -> list[BatchItem]:
    """Make the dossiers of `ids` with `workers` processes; `on_done` hears of each one. Each
    goes to `out_dir` if given, else to its place under `reports_dir`."""
    if workers < 1:
        raise DomainError("workers", "must be 1 or more")
    results: list[BatchItem] = []
    # multiprocessing.Pool rather than ProcessPoolExecutor: the latter's max_tasks_per_child
    # stalls on Python 3.11 once a worker retires (the batch never ends); Pool replaces them.
    context = multiprocessing.get_context("spawn")
    tasks = [(i, lang, pdfa, str(out_dir) if out_dir else None, str(reports_dir), now)
             for i in ids]
    with context.Pool(workers, _init_worker, (database_url,),
                      maxtasksperchild=RECYCLE_AFTER) as pool:
        for item in pool.imap_unordered(_make_task, tasks):
            results.append(item)
            on_done(item)
    return sorted(results, key=lambda item: item.application_id)


def _make_task(task: tuple[int, str, bool, str | None, str, datetime]) -> BatchItem:
    return _make_one(*task)
