"""`tracker worker`: make the dossiers people asked for (issue #16), on any machine that
reaches the database."""

from __future__ import annotations

import logging

import click

from tracker.cli.context import AppContext, declare_every_model, pass_app


@click.command("worker")
@click.option("--threads", default=1, show_default=True, type=click.IntRange(1, 16),
              help="Dossiers made at once by this worker, each in its own bounded process.")
@click.option("--once", is_flag=True,
              help="Make the dossiers waiting now, then stop (instead of running until "
                   "SIGTERM or Ctrl-C).")
@pass_app
def worker_command(app: AppContext, threads: int, once: bool) -> None:
    """Make the dossiers people asked for, each in a process bounded in time and memory.

    Claims dossier jobs with a lease (TRACKER_JOB_LEASE_S) and makes each in a child process
    limited by TRACKER_JOB_TIMEOUT_S and TRACKER_JOB_MEMORY_MB, until SIGTERM or Ctrl-C. Any
    number of workers, on any machines, may share a PostgreSQL database; `tracker serve` runs
    its own on the embedded SQLite database.
    """
    from tracker.services.jobs import workers

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    declare_every_model()
    app.ensure_schema()
    factory = app.factory()
    if once:
        made = 0
        name = workers.worker_name()
        while workers.work_once(factory, settings=app.settings, worker=name, clock=app.clock):
            made += 1
        click.echo(f"{made} dossier job{'s' if made != 1 else ''} taken")
        return
    click.echo(f"Worker {workers.worker_name()}: making dossiers, {threads} at a time "
               "(Ctrl+C stops it)")
    workers.run_forever(factory, app.settings, threads=threads, clock=app.clock)
    click.echo("Worker stopped")
