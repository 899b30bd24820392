"""`tracker backup create|verify|restore`: the database and the data folder in one archive."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.context import AppContext, UserError, pass_app
from tracker.db import unit_of_work
from tracker.domain.access import OPERATOR, Actor
from tracker.services.operations.backup import (
    BackupReport,
    create_backup,
    restore_backup,
    verify_backup,
)

SCHEMA_NOTES = {
    "current": "this code's",
    "older": "older than this code's: a restore migrates it",
    "newer": "NEWER than this code's: restore it with a newer tracker",
}


@click.group("backup")
def backup_group() -> None:
    """Back up, check and restore the database and the data folder (documents, pending imports,
    everything under TRACKER_DATA_DIR) as one .tar.gz archive with a manifest of checksums.
    Backups are the operator's (no --as) or an admin's."""


def _actor(app: AppContext) -> Actor:
    """The operator, or the user --as names (who must be an admin), looked up without migrating
    anything: a database behind the code can still be backed up."""
    if not app.acting_as:
        return OPERATOR
    with unit_of_work(app.factory()) as session:
        return app.actor(session)


def _describe(report: BackupReport) -> str:
    manifest = report.manifest
    data = [name for name in manifest.members if name.startswith("data/")]
    return (f"{manifest.database_kind} database at schema {manifest.schema_revision} "
            f"({SCHEMA_NOTES[report.schema_status]}), {len(data)} data folder file(s)"
            f"{', secret key included' if manifest.includes_secrets else ''}; "
            f"{manifest.total_size / 1_000_000:.1f} MB before compression; made "
            f"{manifest.created_at} by tracker {manifest.tracker_version}")


@backup_group.command("create")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--include-secrets", is_flag=True,
              help="Also keep the secret key (data_dir/secret_key): the archive then lets its "
                   "holder sign sessions; keep it as safe as the key.")
@pass_app
def backup_create(app: AppContext, file: Path, include_secrets: bool) -> None:
    """Write one archive FILE (.tar.gz) of the database and the data folder while the tracker
    keeps running: SQLite through its online backup API, PostgreSQL with pg_dump (Debian
    package postgresql-client). The secret key is left out unless --include-secrets."""
    report = create_backup(app.engine(), file, actor=_actor(app), settings=app.settings,
                           clock=app.clock, include_secrets=include_secrets)
    click.echo(f"backup written: {report.path}")
    click.echo(_describe(report))
    for name in report.skipped:
        click.echo(f"warning: left out {name} (not a regular file)", err=True)


@backup_group.command("verify")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_app
def backup_verify(app: AppContext, file: Path) -> None:
    """Check archive FILE without restoring it: its manifest, every member's checksum, and that
    the database dump reads. Exits non-zero naming the first broken member."""
    report = verify_backup(file, actor=_actor(app))
    click.echo(f"{file}: OK, {len(report.manifest.members)} member(s) match their checksums")
    click.echo(_describe(report))


@backup_group.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True,
              help="Restore over a database or data folder that is not empty (its tables and "
                   "the archive's files are replaced; other files are left).")
@pass_app
def backup_restore(app: AppContext, file: Path, force: bool) -> None:
    """Restore archive FILE into the configured database and data folder, which must be empty
    (or --force). Stop the tracker first. Every checksum is checked before anything is written;
    a backup older than the code is migrated, a newer one refused."""
    if app.acting_as:
        raise UserError("error: --as: a restore is the operator's: run it without --as (the "
                        "database it fills has no users yet)")
    report = restore_backup(app.engine(), file, actor=OPERATOR, settings=app.settings,
                            force=force)
    manifest = report.manifest
    migrated = (f", migrated from {manifest.schema_revision}"
                if report.revision != manifest.schema_revision else "")
    click.echo(f"restored {file} (made {manifest.created_at}): {manifest.database_kind} database "
               f"at schema {report.revision}{migrated}; {report.files} data folder file(s) in "
               f"{app.settings.data_dir}")
    if not manifest.includes_secrets:
        click.echo("note: the backup holds no secret key: set TRACKER_SECRET_KEY as before, or "
                   "a new key is made (everyone logs in again)")
