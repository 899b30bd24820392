"""`tracker db ...` and `tracker demo`."""

from __future__ import annotations

import click

from tracker import schema
from tracker.cli.context import AppContext, UserError, pass_app
from tracker.cli.output import FORMAT_OPTION
from tracker.cli.postings import show_posting_list
from tracker.domain.access import OPERATOR
from tracker.services.dossiers import render as dossier_service
from tracker.services.operations.demo import DEMO_PASSWORD, load_demo, prepare_documents


@click.group("db")
def db_group() -> None:
    """Create, upgrade and check the database schema."""


@db_group.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Target revision.")
@pass_app
def db_upgrade(app: AppContext, revision: str) -> None:
    """Create the schema or bring it up to REVISION with the Alembic migrations."""
    engine = app.engine()
    before = schema.current_revision(engine)
    schema.upgrade(engine, revision)
    after = schema.current_revision(engine)
    click.echo(f"database {engine.url.render_as_string()}: {before or 'empty'} -> {after}")


@db_group.command("check")
@pass_app
def db_check(app: AppContext) -> None:
    """Check that the schema is at the head revision and matches the models (no drift)."""
    found = schema.problems(app.engine())
    for problem in found[1:]:
        click.echo(problem, err=True)
    if found:
        raise UserError(f"error: database: {found[0]}"
                        + (f" (and {len(found) - 1} more above)" if len(found) > 1 else ""))
    click.echo(f"database at {schema.head_revision()}, no drift between models and schema")


@click.command("demo")
@click.option("--as-published", is_flag=True,
              help="Keep the posting's real dates (2024) instead of moving them near today.")
@click.option("--dossiers/--no-dossiers", default=True, show_default=True,
              help="Also print the first candidate's application dossier and the panel dossier.")
@FORMAT_OPTION
@pass_app
def demo_command(app: AppContext, as_published: bool, dossiers: bool, fmt: str) -> None:
    """Load the demo (the Université Jean Monnet posting from samples/, its HR user and two
    candidates with their CVs), show the postings, and write the demo's application dossier and
    panel dossier under reports/.

    By default every date of the posting moves by a whole number of weeks, so the deadline falls
    7 to 13 days from today on the same weekday. The demo changes only what it makes: once
    loaded, running it again (on any day) writes nothing, and leaves its dates and whatever
    users did (interviews scheduled, postings edited) as they are.
    """
    files = prepare_documents(settings=app.settings)  # rendered and checked before the transaction
    with app.transaction() as session:
        result = load_demo(session, as_published=as_published, clock=app.clock,
                           settings=app.settings, documents=files)
        summary = result.summary
    if fmt == "table":
        click.echo(summary)
    show_posting_list(app, fmt=fmt, status=None, organisation=None, page=1, per_page=50)
    if fmt == "table":
        click.echo(f"Details: tracker posting show {result.posting.reference}")
        click.echo(f"Web logins (password {DEMO_PASSWORD!r}; start the web UI with "
                   "`tracker serve`):")
        for role, email in result.logins:
            click.echo(f"  {role:<9} {email}")
    if not dossiers:
        return
    with app.transaction() as session:
        made = [
            dossier_service.application_dossier(session, number, clock=app.clock, actor=OPERATOR)
            for number in result.application_ids[:1]
        ]
        made.append(dossier_service.panel_dossier(session, result.posting.reference,
                                                  clock=app.clock, actor=OPERATOR))
    for dossier in made:
        path = dossier.save(dossier.default_path(app.settings.reports_dir))
        if fmt == "table":
            click.echo(f"{'Application' if dossier.kind == 'application' else 'Panel'} "
                       f"dossier: {path}")
