"""`tracker org ...` and `tracker user ...`"""

from __future__ import annotations

import sys

import click

from tracker.cli.context import AppContext, UserError, pass_app, read_text_file
from tracker.cli.lazy import LazyGroup
from tracker.cli.output import FORMAT_OPTION, emit_json, print_tables, table, word
from tracker.models import Locale, Role
from tracker.services.accounts import invitations, links, organisations, users
from tracker.services.accounts import sessions as login_sessions
from tracker.services.privacy import policy


@click.group("org")
def org_group() -> None:
    """Add and list organisations (employers)."""


@org_group.command("add")
@click.option("--slug", required=True, help="Short unique name, e.g. ujm.")
@click.option("--name", required=True)
@click.option("--timezone", default="Europe/Paris", show_default=True, metavar="ZONE",
              help="IANA zone of the organisation's deadlines and interviews.")
@click.option("--website")
@click.option("--locality", "address_locality")
@click.option("--country", "address_country", metavar="CC", help="ISO 3166 code, e.g. FR.")
@pass_app
def org_add(app: AppContext, **fields: str | None) -> None:
    """Add an organisation."""
    with app.transaction() as session:
        org = organisations.create_organisation(
            session, **fields, actor=app.actor(session), clock=app.clock  # type: ignore[arg-type]
        )
        click.echo(f"organisation {org.slug} added: {org.name} ({org.timezone})")


@org_group.command("list")
@FORMAT_OPTION
@pass_app
def org_list(app: AppContext, fmt: str) -> None:
    """All organisations, with their retention periods in months (applications after their
    posting closed, accounts without log-in, consent to the talent pool)."""
    with app.transaction() as session:
        rows = [(o.slug, o.name, o.timezone, policy.policy_of(o))
                for o in organisations.list_organisations(session)]
    if fmt == "json":
        emit_json([{"slug": s, "name": n, "timezone": t, "retention": _policy_json(p)}
                   for s, n, t, p in rows])
    else:
        print_tables(table("Organisations", ["Slug", "Name", "Time zone", "Retention"],
                           [(s, n, t, _policy_line(p)) for s, n, t, p in rows]))


def _policy_json(p: policy.Policy) -> dict[str, object]:
    return {"applications_months": p.applications_months, "accounts_months": p.accounts_months,
            "talent_pool_months": p.talent_pool_months,
            "own_privacy_notice": [lang for lang, own in (("fr", p.notice_fr),
                                                          ("en", p.notice_en)) if own]}


def _policy_line(p: policy.Policy) -> str:
    return (f"applications {p.applications_months} mo, accounts {p.accounts_months} mo, "
            f"talent pool {p.talent_pool_months} mo")


@org_group.command("retention")
@click.argument("slug")
@click.option("--applications-months", type=int, metavar="N",
              help="Anonymise applications not hired N months after their posting closed.")
@click.option("--accounts-months", type=int, metavar="N",
              help="Delete candidates who applied here after N months without log-in.")
@click.option("--talent-pool-months", type=int, metavar="N",
              help="A candidate's consent to the talent pool holds N months.")
@FORMAT_OPTION
@pass_app
def org_retention(app: AppContext, slug: str, applications_months: int | None,
                  accounts_months: int | None, talent_pool_months: int | None,
                  fmt: str) -> None:
    """Show, or with options change, the retention periods of organisation SLUG."""
    with app.transaction() as session:
        actor = app.actor(session)
        if applications_months is None and accounts_months is None and \
                talent_pool_months is None:
            found = [p for p in policy.list_policies(session, actor=actor) if p.slug == slug]
            if not found:
                organisations.get_organisation(session, slug)  # the error naming the slug
            result = found[0]
        else:
            result = policy.set_retention(
                session, slug, applications_months=applications_months,
                accounts_months=accounts_months, talent_pool_months=talent_pool_months,
                actor=actor, now=app.clock())
    if fmt == "json":
        emit_json({"slug": result.slug} | _policy_json(result))
    else:
        click.echo(f"{result.slug}: {_policy_line(result)}")


@org_group.command("privacy-notice")
@click.argument("slug")
@click.option("--lang", type=click.Choice(["fr", "en"]), required=True)
@click.option("--file", "path", metavar="FILE",
              help="The notice as plain text (UTF-8); '-' reads standard input.")
@click.option("--clear", is_flag=True, help="Back to the default notice in this language.")
@pass_app
def org_privacy_notice(app: AppContext, slug: str, lang: str, path: str | None,
                       clear: bool) -> None:
    """Set the privacy notice candidates of SLUG read on registration and on /privacy."""
    if clear == (path is not None):
        raise UserError("error: give either --file FILE or --clear")
    text = None
    if path is not None:
        text = read_text_file(path, "file")
    with app.transaction() as session:
        result = policy.set_privacy_notice(session, slug, lang=lang, text=text,
                                           actor=app.actor(session), now=app.clock())
    own = result.notice_fr if lang == "fr" else result.notice_en
    click.echo(f"{result.slug}: privacy notice ({lang}) "
               + ("set" if own else "back to the default"))


@click.group("user", cls=LazyGroup, lazy={
    "token": "tracker.cli.tokens:token_group", "list": "tracker.cli.listings:user_list"})
def user_group() -> None:
    """Add or invite users (admin, hr, candidate); log a user out everywhere."""


@org_group.command("usage")
@FORMAT_OPTION
@pass_app
def org_usage(app: AppContext, fmt: str) -> None:
    """What each organisation keeps on the server: postings, documents of their applications
    and imported files, in MB (for admins)."""
    with app.transaction() as session:
        rows = organisations.storage_usage(session, actor=app.actor(session))
    if fmt == "json":
        emit_json([{"slug": u.slug, "name": u.name, "postings": u.postings,
                    "documents": u.documents, "document_bytes": u.document_bytes,
                    "source_bytes": u.source_bytes, "total_bytes": u.total_bytes}
                   for u in rows])
    else:
        print_tables(table("Storage per organisation",
                           ["Slug", "Name", "Postings", "Documents", "MB"],
                           [(u.slug, u.name, u.postings, u.documents,
                             f"{u.total_bytes / 1_000_000:.1f}") for u in rows]))


@user_group.command("add")
@click.option("--email", required=True)
@click.option("--name", "full_name", required=True)
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--org", "organisation", metavar="SLUG", help="Required for hr users.")
@click.option("--locale", type=click.Choice([loc.value for loc in Locale]), default="fr",
              show_default=True)
@click.option("--timezone", metavar="ZONE", help="The user's own IANA zone.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.option("--no-password", is_flag=True, help="No password (the user cannot log in yet).")
@pass_app
def user_add(app: AppContext, password_stdin: bool, no_password: bool, **fields: str) -> None:
    """Add a user. The password is asked for without echo, or read from --password-stdin."""
    if password_stdin and no_password:
        raise UserError("error: --password-stdin and --no-password exclude each other")
    password: str | None = None
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise UserError("error: password: nothing read from standard input")
    elif not no_password:
        if not sys.stdin.isatty():
            raise UserError("error: password: not a terminal; use --password-stdin or "
                            "--no-password")
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if password is not None:
        # checks the rules before anything is written
        users.hash_password(password, email=fields.get("email"))
    with app.transaction() as session:
        user = users.create_user(session, **fields, password=password,
                                 actor=app.actor(session), clock=app.clock)
        click.echo(f"user {user.email} added ({word(Role, user.role)})")


@user_group.command("logout")
@click.argument("email")
@pass_app
def user_logout(app: AppContext, email: str) -> None:
    """Log EMAIL out everywhere: every web session of the account ends at once."""
    with app.transaction() as session:
        user = login_sessions.log_out_everywhere(session, email, actor=app.actor(session),
                                                 clock=app.clock)
        click.echo(f"user {user.email} logged out everywhere")


@user_group.command("invite")
@click.argument("email")
@click.option("--role", type=click.Choice(["hr", "admin", "candidate"]), required=True,
              help="hr or admin: an account of that role; candidate: an invitation to apply "
                   "to --posting.")
@click.option("--org", "organisation", metavar="SLUG", help="The organisation (hr).")
@click.option("--posting", metavar="REFERENCE", help="The posting to apply to (candidate).")
@click.option("--name", "full_name", default="", help="The person's name, if known (staff).")
@click.option("--locale", type=click.Choice([loc.value for loc in Locale]), default=None,
              help="Language of the e-mail (default: the inviter's, else fr).")
@pass_app
def user_invite(app: AppContext, email: str, role: str, organisation: str | None,
                posting: str | None, full_name: str, locale: str | None) -> None:
    """Invite EMAIL by e-mail: staff choose their password from a link that works once
    (TRACKER_INVITATION_DAYS); a candidate is invited to apply to a posting. An address that
    already has an account is told so by e-mail; the answer here is the same."""
    settings = app.settings
    with app.transaction() as session:
        if role == "candidate":
            if not posting:
                raise UserError("error: --posting: required to invite a candidate")
            message = invitations.invite_candidate(
                session, actor=app.actor(session), email=email, posting=posting,
                locale=locale, settings=settings, now=app.clock())
        else:
            if posting:
                raise UserError("error: --posting: only for --role candidate")
            message = invitations.invite_staff(
                session, actor=app.actor(session), email=email, role=role,
                organisation=organisation, full_name=full_name, locale=locale,
                settings=settings, now=app.clock())
    if not links.deliver(message, settings=settings):
        raise UserError(f"error: the invitation to {message['To']} could not be sent: "
                        "check the SMTP settings (TRACKER_SMTP_*) and the log")
    click.echo(f"invitation sent to {message['To']}")
