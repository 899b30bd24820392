"""`tracker audit list`: the audit log, filtered, newest first (the admin's log, for the
operator or an admin with --as)."""

from __future__ import annotations

from datetime import date

import click

from tracker.cli.context import AppContext, UserError, pass_app
from tracker.cli.output import FORMAT_OPTION, emit_json, print_tables, table
from tracker.services import audit


@click.group("audit")
def audit_group() -> None:
    """Read the audit log: who did what, and when."""


def _day(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UserError(f"error: {option}: {value!r} is not a date (YYYY-MM-DD)") from None


@audit_group.command("list")
@click.option("--entity", metavar="TYPE[:ID]",
              help="Rows about one record: posting:ID or posting:REFERENCE, application:ID "
                   "(with its documents, ratings, notes, interviews), or any TYPE:ID.")
@click.option("--actor", "actor_email", metavar="EMAIL", help="Rows of what this account did.")
@click.option("--action", metavar="A", help="One action (posting.open) or a family (posting).")
@click.option("--since", metavar="DATE", help="From this day on (YYYY-MM-DD, UTC).")
@click.option("--until", metavar="DATE", help="Up to this day, included (YYYY-MM-DD, UTC).")
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--per-page", type=click.IntRange(1, 500), default=50, show_default=True)
@FORMAT_OPTION
@pass_app
def audit_list(app: AppContext, entity: str | None, actor_email: str | None,
               action: str | None, since: str | None, until: str | None, page: int,
               per_page: int, fmt: str) -> None:
    """The audit log, newest first, one page of it (instants in UTC)."""
    filters = audit.Filters(actor_email=actor_email, action=action, entity=entity,
                            since=_day(since, "--since"), until=_day(until, "--until"))
    with app.transaction() as session:
        found = audit.search(session, filters, actor=app.actor(session), page=page,
                             per_page=per_page)
        records = [e.as_dict() for e in found.rows]
    if fmt == "json":
        emit_json(records)
        return
    if not records:
        click.echo("No audit entries match.")
        return
    print_tables(table("Audit log", ["#", "At (UTC)", "Who", "Action", "Record", "Details"], [
        [r["id"], r["at"][:19].replace("T", " "), r["who"] or "the system", r["action"],
         r["entity"], ", ".join(f"{k}={v}" for k, v in r["details"].items())]
        for r in records
    ], no_wrap=["#", "At (UTC)"]))
    if found.has_next:
        click.echo(f"More on --page {page + 1}.", err=True)
