"""`tracker privacy ...`: a person's data exported or erased, and the retention policy run."""

from __future__ import annotations

import click

from tracker.cli.context import AppContext, UserError, pass_app
from tracker.cli.output import FORMAT_OPTION, emit_json, print_tables, table
from tracker.services.privacy import retention


@click.group("privacy")
def privacy_group() -> None:
    """Candidates' data rights: export, erasure, retention."""


# retention commands below


@privacy_group.command("retention")
@click.option("--dry-run", is_flag=True, help="List what the policy would do; change nothing.")
@FORMAT_OPTION
@pass_app
def retention_command(app: AppContext, dry_run: bool, fmt: str) -> None:
    """Run the retention policy now (the scheduler runs it once a day): anonymise applications
    kept past their organisation's period, warn then delete candidates' unused accounts. With
    --dry-run, only list what it would do, with the reasons and dates."""
    now = app.clock()
    with app.transaction() as session:
        report = retention.run(session, actor=app.actor(session), settings=app.settings,
                               now=now, dry_run=dry_run)
    mailed = retention.send_warnings(report.warnings, settings=app.settings, now=now)
    if report.skipped:
        raise UserError("error: retention: another run is in progress; try again later")
    if fmt == "json":
        emit_json(report.as_dict() | ({} if dry_run else {"warnings_emailed": mailed}))
        return
    done = {"anonymise": "anonymised", "warn": "warned", "delete": "deleted"}
    rows = [(a.action if dry_run else done[a.action],
             f"{a.subject} #{a.id}", a.organisation or "", a.posting or a.email or "",
             a.reason, a.due.date().isoformat(),
             a.deletion_at.date().isoformat() if a.deletion_at else "")
            for a in report.actions]
    title = ("Retention: what it would do" if dry_run else "Retention: done") + \
        f" on {now.date().isoformat()}"
    if rows:
        print_tables(table(title, ["Action", "What", "Org", "Posting or account", "Reason",
                                   "Due", "Deletion"], rows))
    click.echo(f"{report.count('anonymise')} application(s) "
               f"{'to anonymise' if dry_run else 'anonymised'}, "
               f"{report.count('warn')} account(s) {'to warn' if dry_run else 'warned'}, "
               f"{report.count('delete')} account(s) {'to delete' if dry_run else 'deleted'}"
               + ("" if dry_run or not report.warnings
                  else f"; {mailed} warning(s) e-mailed"))
