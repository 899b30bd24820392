"""`tracker privacy ...`: a person's data exported or erased, and the retention policy run."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from tracker.cli.context import AppContext, UserError, pass_app
from tracker.cli.output import FORMAT_OPTION, emit_json, print_tables, table
from tracker.services.accounts import users
from tracker.services.privacy import erase, export, retention


@click.group("privacy")
def privacy_group() -> None:
    """Candidates' data rights: export, erasure, retention."""


@privacy_group.command("export")
@click.argument("email")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The zip archive to write (data.json, documents/, dossiers/, README.txt).")
@pass_app
def export_command(app: AppContext, email: str, output: str) -> None:
    """Export everything the tracker holds about EMAIL as one zip archive (with --as an hr
    user: what their organisation holds, the applications to its postings)."""
    with app.transaction() as session:
        actor = app.actor(session)
        made = export.export_named(session, email=email, actor=actor, settings=app.settings,
                                   now=app.clock())
    try:
        Path(output).write_bytes(made.content)
    except OSError as exc:
        raise UserError(f"error: --output: cannot write {output}: {exc.strerror}") from exc
    click.echo(f"{output}: the data of {email.strip().lower()}: "
               f"{made.counts['applications']} application(s), "
               f"{made.counts['documents']} document(s), {made.counts['dossiers']} dossier(s)")


@privacy_group.command("erase")
@click.argument("email")
@click.option("--yes", is_flag=True, help="Erase for real (without it, say what would go).")
@FORMAT_OPTION
@pass_app
def erase_command(app: AppContext, email: str, yes: bool, fmt: str) -> None:
    """Erase EMAIL (a candidate) and every trace of them: rows, documents, dossiers and exports
    under the reports folder that name them, pending imports; the audit trail keeps what
    happened with a pseudonym in their place. An address without an account: what employers
    recorded under it. Without --yes, only says what would be erased."""
    with app.transaction() as session:
        actor = app.actor(session)
        user = users.find_user(session, email)
        if not yes:
            plan = (erase.erasure_plan(session, user, actor=actor, settings=app.settings)
                    if user is not None else
                    erase.address_plan(session, email, actor=actor, settings=app.settings))
            counts, files = dict(plan.counts), [str(p) for p in plan.files]
        else:
            record = (erase.erase_person(session, user, actor=actor, settings=app.settings,
                                         now=app.clock())
                      if user is not None else
                      erase.erase_address(session, email, actor=actor, settings=app.settings,
                                          now=app.clock()))
            counts, files, label = dict(record.counts), [], record.subject_label
    if not yes:
        if fmt == "json":
            emit_json({"erased": False, "email": email, "would_erase": counts, "files": files})
        else:
            click.echo(f"{email} would be erased:")
            for name, number in counts.items():
                if name != "audit_entries":
                    click.echo(f"  {name.replace('_', ' ')}: {number}")
            click.echo(f"  audit entries kept, the person replaced by a pseudonym: "
                       f"{counts.get('audit_entries', 0)}")
            for path in files:
                click.echo(f"  file: {path}")
        raise UserError("error: --yes: nothing was erased; run again with --yes to erase")
    if fmt == "json":
        emit_json({"erased": True, "pseudonym": label, "counts": counts})
        return
    click.echo(f"{email} is erased:")
    for name, number in counts.items():
        if name != "audit_entries":
            click.echo(f"  {name.replace('_', ' ')}: {number}")
    click.echo(f"the audit trail keeps {counts.get('audit_entries', 0)} entries, now naming "
               f"{label}")


@privacy_group.command("requests")
@FORMAT_OPTION
@pass_app
def requests_command(app: AppContext, fmt: str) -> None:
    """Erasure requests waiting (carry one out with `tracker privacy erase EMAIL --yes`), then
    the erasures done (no personal data: the person's pseudonym, when, by whom)."""
    with app.transaction() as session:
        rows = erase.list_erasures(session, actor=app.actor(session))
    if fmt == "json":
        emit_json([{"id": r.id, "status": r.status, "email": r.email, "subject": r.subject,
                    "requested_at": r.requested_at, "done_at": r.done_at, "done_by": r.done_by,
                    "source": r.source, "counts": r.counts} for r in rows])
        return
    print_tables(table("Erasure requests and erasures", [
        "#", "status", "person", "asked", "done", "by", "how"], [
        (r.id, r.status, r.email or r.subject, _day(r.requested_at), _day(r.done_at),
         r.done_by, r.source) for r in rows]))


def _day(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else ""


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
