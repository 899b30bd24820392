"""`tracker user token ...`: personal tokens of the JSON API."""

from __future__ import annotations

import click

from tracker.cli.context import AppContext, pass_app
from tracker.cli.output import FORMAT_OPTION, emit_json, print_tables, table
from tracker.services.accounts import tokens, users


@click.group("token")
def token_group() -> None:
    """Create, list and revoke a user's personal API tokens."""


@token_group.command("create")
@click.argument("email")
@click.option("--name", required=True, help="What the token is for, e.g. 'laptop script'.")
@pass_app
def token_create(app: AppContext, email: str, name: str) -> None:
    """Create a token for EMAIL and print it (shown this once only: keep it safe)."""
    with app.transaction() as session:
        user = users.get_user(session, email, "EMAIL")
        tokens.check_may_manage(app.actor(session), user)
        plain, token = tokens.create_token(session, user, name, app.clock)
        number, owner = token.id, user.email
    click.echo(plain)
    click.echo(f"token #{number} ({name}) for {owner}: shown this once only, "
               "use it as 'Authorization: Bearer <token>'", err=True)


@token_group.command("list")
@click.argument("email")
@FORMAT_OPTION
@pass_app
def token_list(app: AppContext, email: str, fmt: str) -> None:
    """The tokens of EMAIL, newest first (their prefix only, never the secret)."""
    with app.transaction() as session:
        user = users.get_user(session, email, "EMAIL")
        tokens.check_may_manage(app.actor(session), user)
        records = [tokens.token_record(t) for t in tokens.list_tokens(session, user)]
    if fmt == "json":
        emit_json(records)
        return
    if not records:
        click.echo(f"No tokens for {email}.")
        return
    print_tables(table(f"API tokens of {email}", ["#", "Name", "Starts with", "Created (UTC)",
                                                  "Last used (UTC)", "Status"], [
        [r["id"], r["name"], r["prefix"] + "…", _utc(r["created_at"]), _utc(r["last_used_at"]),
         "active" if r["active"] else f"revoked {_utc(r['revoked_at'])}"]
        for r in records
    ], no_wrap=["#", "Starts with"]))


@token_group.command("revoke")
@click.argument("email")
@click.argument("token_id", metavar="ID", type=int)
@pass_app
def token_revoke(app: AppContext, email: str, token_id: int) -> None:
    """Revoke the token ID of EMAIL: it stops working at once."""
    with app.transaction() as session:
        user = users.get_user(session, email, "EMAIL")
        tokens.check_may_manage(app.actor(session), user)
        tokens.revoke_token(session, user, token_id, app.clock)
    click.echo(f"token #{token_id} of {email} revoked")


def _utc(value: object) -> str:
    return "-" if not value else str(value).replace("T", " ").removesuffix("Z")[:16]
