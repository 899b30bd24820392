"""Dossier jobs (issue #16): every dossier is made off the request path. `queue` asks for one
(served from its stored copy while the digest of what it shows is unchanged), claims it with a
lease, records progress and the outcome; `digest` keys it; `make` makes a claimed job;
`workers` runs jobs in bounded child processes (the pool of `tracker serve`, `tracker worker`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.lazy import lazy

if TYPE_CHECKING:
    from tracker.services.jobs.digest import dossier_digest, template_version
    from tracker.services.jobs.make import failure_text, load, run, run_here
    from tracker.services.jobs.queue import (
        Claim,
        claim,
        fail,
        finish,
        get_job,
        progress,
        release_expired,
        request,
        result_file,
    )
    from tracker.services.jobs.workers import Pool, run_bounded, run_forever, work_once

_MODULES: dict[str, tuple[str, ...]] = {
    "digest": ("dossier_digest", "template_version"),
    "queue": ("Claim", "claim", "fail", "finish", "get_job", "progress", "release_expired",
              "request", "result_file"),
    "make": ("failure_text", "load", "run", "run_here"),
    "workers": ("Pool", "run_bounded", "run_forever", "work_once"),
}
__all__ = sorted(name for names in _MODULES.values() for name in names)
__getattr__ = lazy(__name__, _MODULES)
