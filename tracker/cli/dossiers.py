"""`tracker dossier ...`: printable PDF dossiers."""

from __future__ import annotations

from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from tracker.cli.context import AppContext, pass_app
from tracker.services.dossiers import render as dossiers
from tracker.services.dossiers.batch import application_ids, run_batch
from tracker.services.dossiers.render import Dossier

LANG = click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True,
                    help="Language of the dossier.")
PDFA = click.option("--pdfa", is_flag=True, help="Archival PDF/A-3b (attachments kept).")
OUTPUT = click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                      help="Where to write it. Default: reports/<organisation>/<posting>/.")


@click.group("dossier")
def dossier_group() -> None:
    """Print PDF dossiers: an application's, the hiring panel's, the posting sheet."""


def _write(app: AppContext, dossier: Dossier, output: Path | None) -> None:
    click.echo(str(dossier.save(output or dossier.default_path(app.settings.reports_dir))))


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
    with app.transaction() as session:
        dossier = dossiers.application_dossier(session, application_id, lang=lang, pdfa=pdfa,
                                               actor=app.actor(session), clock=app.clock)
    _write(app, dossier, output)


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
    with app.transaction() as session:
        dossier = dossiers.panel_dossier(session, reference, lang=lang, pdfa=pdfa,
                                         actor=app.actor(session), clock=app.clock)
    _write(app, dossier, output)


@dossier_group.command("posting")
@click.argument("reference")
@OUTPUT
@LANG
@PDFA
@pass_app
def dossier_posting(app: AppContext, reference: str, output: Path | None, lang: str,
                    pdfa: bool) -> None:
    """The job description (fiche de poste) of posting REFERENCE."""
    with app.transaction() as session:
        dossier = dossiers.posting_sheet(session, reference, lang=lang, pdfa=pdfa,
                                         actor=app.actor(session), clock=app.clock)
    _write(app, dossier, output)


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
