"""`tracker dossier ...`: printable PDF dossiers, made as jobs (tracker.services.jobs) and
copied where asked."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from tracker.cli.context import AppContext, UserError, pass_app
from tracker.models import Posting
from tracker.services.dossiers.batch import application_ids, run_batch
from tracker.services.dossiers.render import Dossier
from tracker.services.jobs.workers import worker_name

POLL_S = 0.5  # how often the command looks at a job another worker is making
LANG = click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True,
                    help="Language of the dossier.")
PDFA = click.option("--pdfa", is_flag=True, help="Archival PDF/A-3b (attachments kept).")
OUTPUT = click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                      help="Where to write it. Default: reports/<organisation>/<posting>/.")


@click.group("dossier")
def dossier_group() -> None:
    """Print PDF dossiers: an application's, the hiring panel's, the posting sheet."""


def _make(app: AppContext, kind: str, params: dict[str, Any], label: str, *, lang: str,
          pdfa: bool, output: Path | None) -> None:
    """Ask for the dossier's job (issue #16) and, unless its stored copy is still what would be
    made, make it here with a progress bar on stderr (or wait for the worker that has it);
    then copy the file to `output` or its place under the reports folder and print the path."""
    from tracker.models import JobStatus
    from tracker.services.jobs import make, queue

    with app.transaction() as session:
        job = queue.request(session, kind, {**params, "pdfa": pdfa}, app.actor(session),
                            lang=lang, settings=app.settings, clock=app.clock)
        job_id, total = job.id, job.progress_total
    factory = app.factory()
    console = Console(stderr=True)  # the bar only on a terminal: scripts read stdout alone
    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task(label, total=total)

        def advance(done: int, of: int) -> None:
            progress.update(task, completed=done, total=of)

        made = make.run_here(factory, job_id, settings=app.settings, worker=worker_name(),
                             clock=app.clock, on_progress=advance)
        while made.status in (JobStatus.QUEUED, JobStatus.RUNNING):  # another worker has it
            time.sleep(POLL_S)
            made = make.load(factory, job_id)
            advance(made.progress_done, made.progress_total)
    if made.status is JobStatus.FAILED:
        raise UserError(f"error: {kind}: {make.failure_text(made)}")
    stored = queue.result_file(made, app.settings)
    if stored is None or made.filename is None:
        raise UserError(f"error: {kind}: the dossier's file is no longer stored; ask again")
    with app.transaction() as session:
        posting = session.get(Posting, made.posting_id)
        assert posting is not None
        place = Dossier(kind, posting.organisation.slug if posting.organisation else "private",
                        posting.reference, made.filename, b"")
    target = output or place.default_path(app.settings.reports_dir)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(stored, target)
    except OSError as exc:
        raise UserError(f"error: output: cannot write {target}: {exc.strerror}") from exc
    click.echo(str(target))


@dossier_group.command("application")
@click.argument("application_id", type=int)
@OUTPUT
@LANG
@PDFA
@pass_app
def dossier_application(app: AppContext, application_id: int, output: Path | None, lang: str,
                        pdfa: bool) -> None:
    """The dossier of application APPLICATION_ID: cover, contents, key dates, the posting, the
    answers to each requirement, the documents checklist, the letter and the uploaded PDFs."""
    _make(app, "application", {"application_id": application_id}, "application dossier",
          lang=lang, pdfa=pdfa, output=output)


@dossier_group.command("panel")
@click.argument("reference")
@OUTPUT
@LANG
@PDFA
@pass_app
def dossier_panel(app: AppContext, reference: str, output: Path | None, lang: str,
                  pdfa: bool) -> None:
    """The hiring panel's dossier of posting REFERENCE: applicants, comparison matrix, interview
    schedule, each applicant's file and a blank evaluation grid."""
    _make(app, "panel", {"reference": reference}, "panel dossier: applicants", lang=lang,
          pdfa=pdfa, output=output)


@dossier_group.command("posting")
@click.argument("reference")
@OUTPUT
@LANG
@PDFA
@pass_app
def dossier_posting(app: AppContext, reference: str, output: Path | None, lang: str,
                    pdfa: bool) -> None:
    """The job description (fiche de poste) of posting REFERENCE."""
    _make(app, "posting_sheet", {"reference": reference}, "posting sheet", lang=lang,
          pdfa=pdfa, output=output)


@dossier_group.command("batch")
@click.option("--posting", "reference", required=True, metavar="REF")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Worker processes.")
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the files. Default: reports/<organisation>/<posting>/.")
@LANG
@PDFA
@pass_app
def dossier_batch(app: AppContext, reference: str, workers: int, output_dir: Path | None,
                  lang: str, pdfa: bool) -> None:
    """The dossier of every application to posting REF, made by a pool of processes."""
    with app.transaction() as session:
        ids = application_ids(session, reference, actor=app.actor(session))
    if not ids:
        click.echo(f"posting {reference} has no application: nothing to make")
        return
    url = app.engine().url.render_as_string(hide_password=False)
    with Progress(TextColumn("dossiers"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  transient=True) as progress:
        task = progress.add_task("dossiers", total=len(ids))
        results = run_batch(url, ids, lang=lang, pdfa=pdfa, workers=workers, out_dir=output_dir,
                            reports_dir=app.settings.reports_dir, now=app.clock(), on_done=lambda item: progress.advance(task))
    failed = [r for r in results if r.error]
    for result in results:
        if result.error:
            click.echo(f"failed: application #{result.application_id}: {result.error}", err=True)
        else:
            click.echo(f"made: application #{result.application_id}: {result.path}")
    click.echo(f"{len(results) - len(failed)} made, {len(failed)} failed")
    if failed:
        raise SystemExit(1)
