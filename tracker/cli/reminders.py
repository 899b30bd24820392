"""`tracker reminders ...`, `tracker notifications list` and `tracker scheduler`."""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Any

import click
from sqlalchemy.orm import Session

from tracker.cli.context import AppContext, UserError, declare_every_model, pass_app
from tracker.cli.output import FORMAT_OPTION, emit_json, print_tables, table, when_text
from tracker.domain.access import check_outbox, check_self_or_admin
from tracker.models import Reminder, ReminderStatus, User
from tracker.services.accounts import users
from tracker.services.accounts.organisations import get_organisation
from tracker.services.reminders import (
    dispatch,
    notifications,
)
from tracker.services.reminders import (
    planner as reminders,
)
from tracker.services.reminders import (
    settings as reminder_settings,
)
from tracker.services.views.records import iso, local_instant

STATUS_CHOICE = click.Choice([s.value for s in ReminderStatus])


def _operator_only(app: AppContext, session: Session) -> None:
    check_outbox(app.actor(session))


def _self_or_operator(app: AppContext, session: Session, user: User) -> None:
    check_self_or_admin(app.actor(session), user, "--user")


def parse_at(value: str | None) -> datetime | None:
    """An ISO 8601 date and time with its offset (2024-05-06T09:00+02:00, ...Z)."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("z", "Z"))
    except ValueError as exc:
        raise UserError(f"error: --at: {value!r} is not an ISO date and time "
                        "(e.g. 2024-05-06T09:00+02:00)") from exc
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise UserError(f"error: --at: {value!r} has no UTC offset; add one, "
                        "e.g. 2024-05-06T09:00+02:00 or 2024-05-06T07:00Z")
    return parsed


def reminder_record(r: Reminder) -> dict[str, Any]:
    return {
        "id": r.id, "kind": r.kind.value, "subject": f"{r.subject_type.value}:{r.subject_id}",
        "recipient": r.recipient_email, "channel": r.channel.value, "offset": r.offset_spec,
        "due_at_utc": iso(r.due_at), "due_at_local": local_instant(r.due_at, r.timezone),
        "timezone": r.timezone, "status": r.status.value, "attempts": r.attempts,
        "next_attempt_at": iso(r.next_attempt_at) if r.status is ReminderStatus.PENDING else None,
        "last_error": r.last_error, "reason": r.reason, "sent_at": iso(r.sent_at),
        "message_id": r.message_id,
        "retry_until": iso(r.retry_until) if r.status is ReminderStatus.PENDING else None,
    }


def _why(r: dict[str, Any]) -> str:
    """What the list says of a row beside what it is: why it ended (the reason, which for a
    failed e-mail names the last error), or for one being retried, the error and until when."""
    if r["reason"]:
        return f"\n{r['reason']}"
    if r["last_error"] and r["retry_until"]:
        return (f"\n{r['last_error']} (next attempt {when_text(r['next_attempt_at'], r['timezone'])}; "
                f"retried until {when_text(r['retry_until'], r['timezone'])})")
    return f"\n{r['last_error']}" if r["last_error"] else ""


@click.group("reminders")
def reminders_group() -> None:
    """The reminder outbox: list, what is due, deliver, retry."""


@reminders_group.command("list")
@click.option("--status", type=STATUS_CHOICE)
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--per-page", type=click.IntRange(1, 500), default=50, show_default=True)
@FORMAT_OPTION
@pass_app
def reminders_list(app: AppContext, status: str | None, page: int, per_page: int,
                   fmt: str) -> None:
    """Reminders, latest due first."""
    with app.transaction() as session:
        _operator_only(app, session)
        found = reminders.list_reminders(session, status=status, page=page, per_page=per_page)
        records = [reminder_record(r) for r in found.rows]
    if fmt == "json":
        emit_json({"reminders": records, "page": page, "has_next": found.has_next})
        return
    if not records:
        click.echo("no reminders" + (f" with status {status}" if status else ""))
        return
    # Four columns fit 80 characters: what a reminder is and why it ended so share the last one,
    # which wraps (between words) rather than crop the reason or the error.
    print_tables(table(None, ["id", "due (local)", "status", "what"],
                       [(r["id"], when_text(r["due_at_utc"], r["timezone"]), r["status"],
                         f"{r['kind']} ({r['channel']}) to {r['recipient']}" + _why(r))
                        for r in records],
                       no_wrap=["id", "due (local)", "status"]))


def _due_records(items: list[dispatch.DueItem]) -> list[dict[str, Any]]:
    return [{**reminder_record(i.reminder), "action": i.action, "action_reason": i.reason,
             "title": i.title} for i in items]


def _print_due(records: list[dict[str, Any]], at: datetime) -> None:
    """One line each: long subjects read better whole than wrapped in a table."""
    if not records:
        click.echo(f"nothing due at {at.isoformat()}")
        return
    click.echo(f"due at {at.isoformat()}:")
    for r in records:
        what = f"send: {r['title']}" if r["action"] == "send" else (
            f"{r['action']}: {r['action_reason']}")
        click.echo(f"#{r['id']} {r['kind']} {r['channel']} to {r['recipient']}, due "
                   f"{when_text(r['due_at_utc'], r['timezone'])} ({r['offset']}) -> {what}")


@reminders_group.command("due")
@click.option("--at", "at_text", metavar="ISO-DATETIME",
              help="The instant to look at, with its offset (default: now).")
@FORMAT_OPTION
@pass_app
def reminders_due(app: AppContext, at_text: str | None, fmt: str) -> None:
    """What the dispatcher would send (or expire, and why) at that instant. Changes nothing."""
    at = parse_at(at_text) or app.clock()
    with app.transaction() as session:
        _operator_only(app, session)
        records = _due_records(dispatch.due(session, at=at))
    if fmt == "json":
        emit_json({"at": at.isoformat(), "due": records})
    else:
        _print_due(records, at)


@reminders_group.command("run")
@click.option("--once", is_flag=True, help="One pass: reconcile, then deliver what is due.")
@click.option("--at", "at_text", metavar="ISO-DATETIME",
              help="Act as if it were this instant (to replay a day), with its offset.")
@click.option("--dry-run", is_flag=True, help="Show what would be done; change nothing.")
@FORMAT_OPTION
@pass_app
def reminders_run(app: AppContext, once: bool, at_text: str | None, dry_run: bool,
                  fmt: str) -> None:
    """Deliver the reminders due now (or --at): in-app, and by e-mail when TRACKER_SMTP_HOST
    is set. Running it again sends nothing twice."""
    if not once:
        raise UserError("error: --once: required (the running dispatcher is `tracker scheduler`)")
    at = parse_at(at_text)
    clock = (lambda: at) if at is not None else app.clock
    with app.transaction() as session:
        _operator_only(app, session)
    if dry_run:
        with app.transaction() as session:
            records = _due_records(dispatch.due(session, at=clock()))
        if fmt == "json":
            emit_json({"at": clock().isoformat(), "dry_run": True, "due": records})
        else:
            _print_due(records, clock())
        return
    with app.transaction() as session:
        reminders.reconcile(session, clock=clock)
    report = dispatch.deliver_due(app.factory(), settings=app.settings, clock=clock)
    if fmt == "json":
        emit_json({"at": clock().isoformat(), "sent": report.sent, "expired": report.expired,
                   "retrying": report.retrying, "failed": report.failed,
                   "released": report.released, "email_waiting": report.email_waiting,
                   "lost": report.lost, "deferred": report.deferred,
                   "smtp_error": report.smtp_error,
                   "circuit_open_until": iso(report.circuit_open_until)})
        return
    for item in report.sent:
        click.echo(f"sent #{item['id']} {item['kind']} {item['channel']} to {item['recipient']}: "
                   f"{item['subject']}")
    for item in report.expired:
        click.echo(f"{'expired' if item['action'] == 'expire' else 'cancelled'} #{item['id']} "
                   f"{item['kind']}: {item['reason']}")
    for item in report.retrying:
        click.echo(f"retry #{item['id']} {item['kind']}: {item['error']} "
                   f"(next attempt {iso(item['next_attempt_at'])})")
    for item in report.failed:
        click.echo(f"failed #{item['id']} {item['kind']}: {item.get('reason') or item['error']}")
    if report.smtp_error and report.circuit_open_until:
        click.echo(f"SMTP server unreachable ({report.smtp_error}): {report.deferred} more "
                   f"e-mail(s) wait, next try {iso(report.circuit_open_until)}", err=True)
    if report.email_waiting:
        click.echo(f"{report.email_waiting} e-mail reminder(s) wait: TRACKER_SMTP_HOST is not set",
                   err=True)
    click.echo(f"{len(report.sent)} sent, {len(report.expired)} expired or cancelled, "
               f"{len(report.retrying)} to retry, {len(report.failed)} failed")


@reminders_group.command("retry")
@click.argument("reminder_ids", metavar="[ID]...", nargs=-1)
@click.option("--failed", "every_failed", is_flag=True, help="Every failed reminder too.")
@pass_app
def reminders_retry(app: AppContext, reminder_ids: tuple[str, ...], every_failed: bool) -> None:
    """Put failed or expired reminders back in the queue: the IDs given, and with --failed
    every failed one (e.g. after an SMTP outage). All or nothing."""
    with app.transaction() as session:
        _operator_only(app, session)
        done = reminders.retry_many(session, reminder_ids, every_failed=every_failed,
                                    clock=app.clock)
        ids = [row.id for row in done]
    if not ids:
        click.echo("no failed reminders to retry")
        return
    click.echo(f"{len(ids)} reminder{'s' if len(ids) > 1 else ''} pending again (next run): "
               + ", ".join(f"#{i}" for i in ids))


@reminders_group.command("switch")
@click.option("--user", "email", required=True, metavar="EMAIL")
@click.option("--kind", help="A reminder kind (default: every kind).")
@click.option("--channel", type=click.Choice(["in_app", "email"]),
              help="default: every channel")
@click.argument("state", type=click.Choice(["on", "off"]))
@pass_app
def reminders_switch(app: AppContext, email: str, kind: str | None, channel: str | None,
                     state: str) -> None:
    """Switch a kind of reminder, or a channel, on or off for a user."""
    with app.transaction() as session:
        user = users.get_user(session, email, "--user")
        _self_or_operator(app, session, user)
        reminder_settings.set_switch(session, user, enabled=state == "on", kind=kind, channel=channel,
                             clock=app.clock)
    click.echo(f"{kind or 'every kind'} on {channel or 'every channel'}: {state} for {email}")


OFFSETS_EXAMPLE = "tracker reminders offsets --org ujm --kind deadline_draft -- -10d@09:00 -3d@09:00"


class OffsetsCommand(click.Command):
    """An offset such as -10d@09:00 reads as an unknown option unless `--` comes before it: say
    so, rather than "No such option: -1"."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        given = list(args)  # the parser consumes `args`
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as exc:
            offset = next((a for a in given if re.match(r"^-\d", a)), None)
            if offset is None:
                raise
            raise UserError(f"error: offsets: {offset!r} starts with '-', which reads as an "
                            f"option: put -- before the offsets, e.g. {OFFSETS_EXAMPLE}") from exc


@reminders_group.command("offsets", cls=OffsetsCommand)
@click.option("--org", "slug", required=True, metavar="SLUG")
@click.option("--kind", required=True)
@click.argument("offsets", nargs=-1)
@click.option("--reset", is_flag=True, help="Back to the defaults.")
@pass_app
def reminders_offsets(app: AppContext, slug: str, kind: str, offsets: tuple[str, ...],
                      reset: bool) -> None:
    """Set an organisation's offsets for a kind (or --reset to the defaults).

    An offset is -7d@09:00 (7 days before, at 09:00 local time), 0d@08:30, +1d@09:00, -1d or -2h.
    Those that start with '-' must come after --:

    \b
        tracker reminders offsets --org ujm --kind deadline_draft -- -10d@09:00 -3d@09:00 0d@08:30
    """
    if not offsets and not reset:
        raise UserError("error: offsets: give offsets (e.g. -7d@09:00 -2h) or --reset")
    with app.transaction() as session:
        _operator_only(app, session)
        org = get_organisation(session, slug, "--org")
        now = reminder_settings.set_offsets(session, org, kind, None if reset else list(offsets),
                                    clock=app.clock)
    click.echo(f"{kind} for {slug}: {' '.join(now)}")


@click.group("notifications")
def notifications_group() -> None:
    """In-app notifications."""


@notifications_group.command("list")
@click.option("--user", "email", required=True, metavar="EMAIL")
@click.option("--unread", is_flag=True)
@FORMAT_OPTION
@pass_app
def notifications_list(app: AppContext, email: str, unread: bool, fmt: str) -> None:
    """A user's notifications, newest first."""
    with app.transaction() as session:
        user = users.get_user(session, email, "--user")
        _self_or_operator(app, session, user)
        page = notifications.list_notifications(session, user, unread_only=unread)
        count = notifications.unread_count(session, user)
        records = [{"id": n.id, "title": n.title, "body": n.body, "link": n.link,
                    "created_at": iso(n.created_at), "read_at": iso(n.read_at),
                    "reminder_id": n.reminder_id} for n in page.rows]
    if fmt == "json":
        emit_json({"user": email, "unread": count, "notifications": records})
        return
    if not records:
        click.echo(f"no notifications for {email}")
        return
    print_tables(table(f"{email}: {count} unread", ["id", "when", "title", "read"],
                       [(r["id"], r["created_at"], r["title"], "yes" if r["read_at"] else "")
                        for r in records]))


@click.command("scheduler")
@pass_app
def scheduler_command(app: AppContext) -> None:
    """Run the reminder dispatcher and the reconcile until SIGTERM or Ctrl-C
    (TRACKER_SCHEDULER_INTERVAL_S, TRACKER_RECONCILE_INTERVAL_S)."""
    from tracker.scheduler import run_forever

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    # what the tracker sends is logged by tracker.scheduler; APScheduler's line per job run is noise
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    declare_every_model()
    app.ensure_schema()
    run_forever(app.factory(), app.settings)
