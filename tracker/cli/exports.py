"""`tracker export ics` (and the feed token of a user's calendar)."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.context import AppContext, pass_app
from tracker.services.accounts import users
from tracker.services.exports import calendar


@click.group("export")
def export_group() -> None:
    """Calendars out of the tracker."""


@export_group.command("ics")
@click.option("--user", "email", required=True, metavar="EMAIL",
              help="Whose calendar: deadlines and interviews of the postings they track or own.")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of stdout.")
@click.option("--feed-token", is_flag=True,
              help="Print the address of the user's secret calendar feed instead (a calendar "
                   "application subscribes to it); TRACKER_PUBLIC_URL makes it a full URL.")
@click.option("--revoke", is_flag=True, help="Revoke the user's feed token (the URL stops working).")
@pass_app
def export_ics(app: AppContext, email: str, output: str | None, feed_token: bool,
               revoke: bool) -> None:
    """The user's calendar as an iCalendar (.ics) file."""
    with app.transaction() as session:
        user = users.get_user(session, email, "--user")
        if revoke:
            calendar.revoke_feed_token(session, user, app.clock)
            click.echo(f"calendar feed token of {user.email} revoked")
            return
        if feed_token:
            token = calendar.feed_token(session, user, app.clock)
            url = calendar.feed_url(token, public_url=app.settings.public_url)
            click.echo(url or calendar.feed_path(token))
            if url is None:
                click.echo("the web face's address is not set: this is the feed's path on it; "
                           "set TRACKER_PUBLIC_URL (e.g. https://tracker.example.org) to print "
                           "the full URL", err=True)
            click.echo(f"calendar feed of {user.email}: secret, anyone with the address reads "
                       "the calendar; --revoke stops it", err=True)
            return
        data = calendar.user_calendar(session, user, app.clock)
    if output:
        Path(output).write_bytes(data)
        click.echo(f"calendar of {email} written to {output}")
    else:
        click.echo(data.decode("utf-8"), nl=False)
