"""`tracker serve`: the web pages on a production WSGI server (waitress in one process, or gunicorn
with `--workers N`), with the reminder dispatcher and the dossier workers beside them on the
embedded SQLite database (in the same process, or as processes of their own with `--workers`)."""

from __future__ import annotations

import logging
import os
import signal
from typing import Any

import click

from tracker.cli.context import AppContext, declare_every_model, pass_app


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes serving the pages. 1: one waitress process; more: gunicorn "
                   "forks them (about one per core; docs/operations.md says how to size).")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64),
              help="Requests served at the same time by each process.")
@click.option("--trusted-proxy", metavar="ADDRESS", default=None,
              help="Behind a reverse proxy at ADDRESS (e.g. 127.0.0.1): take the client's "
                   "address and scheme from its X-Forwarded-For and X-Forwarded-Proto, so the "
                   "log-in throttle counts per visitor, not per proxy.")
@click.option("--scheduler/--no-scheduler", default=None,
              help="Run the reminder dispatcher in this process. Default: on with the "
                   "embedded SQLite database, off with PostgreSQL (run `tracker scheduler` "
                   "beside the web instances there).")
@click.option("--jobs/--no-jobs", "run_jobs", default=None,
              help="Make the dossiers people ask for in this process's pool "
                   "(TRACKER_JOB_WORKERS at a time, each in a bounded child process). Default: "
                   "on with the embedded SQLite database, off with PostgreSQL (run `tracker "
                   "worker` there, on any machines).")
@pass_app
def serve_command(app: AppContext, host: str, port: int, workers: int, threads: int,
                  trusted_proxy: str | None, scheduler: bool | None,
                  run_jobs: bool | None) -> None:
    """Serve the web pages for HR staff and candidates with waitress.

    The embedded SQLite database is created and migrated first; a PostgreSQL database must be
    at the code's revision (`tracker db upgrade`), since other instances may share it. Several
    instances may serve the same PostgreSQL database behind a load balancer.
    """
    settings = app.settings
    declare_every_model()
    app.ensure_schema()
    if workers > 1:
        _serve_workers(app, host, port, workers, threads, trusted_proxy, scheduler, run_jobs)
        return

    import waitress

    from tracker.app import create_app
    from tracker.scheduler import start_in_process

    factory = app.factory()
    web = create_app(settings, session_factory=factory, clock=app.clock)
    embedded = factory.kw["bind"].dialect.name == "sqlite"
    run_scheduler = embedded if scheduler is None else scheduler
    shown = f"[{host}]" if ":" in host else host
    previous = signal.signal(signal.SIGTERM, _stop)
    ticking = None
    if run_scheduler:
        logging.basicConfig(level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s %(message)s")
        logging.getLogger("apscheduler").setLevel(logging.WARNING)  # a line per job run: noise
        # one per process, whatever calls it (tracker.scheduler guards against a second start)
        ticking = start_in_process(factory, settings, app.clock)
        click.echo(f"Reminders: dispatched in this process every "
                   f"{settings.scheduler_interval_s:g} s", err=False)
    else:
        click.echo("Reminders: not dispatched here (run `tracker scheduler`)", err=False)
    pool = None
    if (embedded if run_jobs is None else run_jobs) and settings.job_workers > 0:
        from tracker.services.jobs.workers import Pool

        pool = Pool(factory, settings, threads=settings.job_workers, clock=app.clock).start()
        click.echo(f"Dossiers: made in this process's pool, {settings.job_workers} at a time",
                   err=False)
    else:
        click.echo("Dossiers: not made here (run `tracker worker`)", err=False)
    click.echo(f"Web UI: http://{shown}:{port}/  (Ctrl+C stops it)", err=False)
    try:
        proxy: dict[str, Any] = {} if trusted_proxy is None else {
            "trusted_proxy": trusted_proxy, "trusted_proxy_count": 1,
            "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto"},
            "clear_untrusted_proxy_headers": True}
        waitress.serve(web, host=host, port=port, threads=threads, ident="tracker", **proxy)
    finally:
        signal.signal(signal.SIGTERM, previous)
        if pool is not None:
            pool.stop(timeout=5)  # nothing new starts; a dossier under way is finished by its
            # child process, or taken again after its lease
            click.echo("Dossiers: pool stopped", err=False)
        if ticking is not None:
            ticking.shutdown(wait=True)  # the tick in progress finishes, nothing new starts
            click.echo("Reminders: dispatcher stopped", err=False)


def _serve_workers(app: AppContext, host: str, port: int, workers: int, threads: int,
                   trusted_proxy: str | None, scheduler: bool | None,
                   run_jobs: bool | None) -> None:
    """gunicorn's master forks the web processes; the dispatcher and the dossier workers run
    beside them as `tracker scheduler` and `tracker worker`."""
    from tracker.cli import serve_workers

    settings = app.settings
    embedded = app.engine().dialect.name == "sqlite"
    app.engine().dispose()  # the master keeps no connection across the fork
    run_scheduler = embedded if scheduler is None else scheduler
    shown = f"[{host}]" if ":" in host else host

    def build() -> Any:
        from tracker.app import create_app

        return create_app(settings, clock=app.clock)

    dispatcher = serve_workers.start_beside("scheduler") if run_scheduler else None
    make_jobs = (embedded if run_jobs is None else run_jobs) and settings.job_workers > 0
    dossiers = serve_workers.start_beside(
        "worker", "--threads", str(settings.job_workers)) if make_jobs else None
    master = os.getpid()  # gunicorn's workers are forks of this process: they leave through here
    click.echo("Reminders: dispatched by a `tracker scheduler` process beside the web processes"
               if dispatcher else "Reminders: not dispatched here (run `tracker scheduler`)")
    click.echo(f"Dossiers: made by a `tracker worker` process beside them, "
               f"{settings.job_workers} at a time"
               if dossiers else "Dossiers: not made here (run `tracker worker`)")
    click.echo(f"Web UI: http://{shown}:{port}/  ({workers} processes of {threads} threads; "
               f"Ctrl+C stops it)")
    try:
        serve_workers.serve(build, host=host, port=port, workers=workers, threads=threads,
                            trusted_proxy=trusted_proxy)
    finally:
        if os.getpid() == master:
            if dossiers is not None:
                dossiers.terminate()  # a dossier under way is taken again after its lease
                dossiers.wait(timeout=30)
                click.echo("Dossiers: worker stopped")
            if dispatcher is not None:
                dispatcher.terminate()
                dispatcher.wait(timeout=30)
                click.echo("Reminders: dispatcher stopped")


def _stop(signum: int, _frame: Any) -> None:
    """SIGTERM ends waitress's loop like Ctrl+C does, so the dispatcher stops cleanly."""
    raise KeyboardInterrupt
