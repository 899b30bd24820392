"""`tracker message ...`: an organisation's message templates (issue #14), as on the pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from tracker.cli.context import AppContext, UserError, pass_app, read_text_file
from tracker.cli.output import FORMAT_OPTION, emit_json, print_tables, table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.models import Organisation

KINDS = ("acknowledgement", "interview_invitation", "rejection_after_review",
         "rejection_after_interview", "offer")
ORG_OPTION = click.option("--org", "slug", metavar="SLUG",
                          help="The organisation (default: the --as hr user's).")


@click.group("message")
def message_group() -> None:
    """List, show and edit the messages an organisation sends candidates (templates in French
    and English; the shipped default until the organisation saves its own)."""


def _organisation(app: AppContext, session: Session, slug: str | None) -> Organisation:
    from tracker.models import User
    from tracker.services.accounts import organisations

    if slug:
        return organisations.get_organisation(session, slug, "--org")
    actor = app.actor(session)
    if isinstance(actor, User) and actor.organisation is not None:
        return actor.organisation
    raise UserError("error: --org: name the organisation (--org SLUG)")


@message_group.command("list")
@ORG_OPTION
@FORMAT_OPTION
@pass_app
def message_list(app: AppContext, slug: str | None, fmt: str) -> None:
    """Each kind of message in French and English, the organisation's own text or the
    default, and whether the acknowledgement of receipt is on."""
    from tracker.services import messages

    with app.transaction() as session:
        organisation = _organisation(app, session, slug)
        rows = messages.list_templates(session, organisation, actor=app.actor(session))
        name, acknowledge = organisation.slug, organisation.acknowledge_applications
    if fmt == "json":
        emit_json({"organisation": name, "acknowledge_applications": acknowledge,
                   "templates": [{"kind": t.kind.value, "language": t.language,
                                  "is_default": t.is_default, "subject": t.subject}
                                 for t in rows]})
        return
    print_tables(table(f"Message templates of {name}", ["Kind", "Lang", "Text", "Subject"],
                       [(t.kind.value, t.language, "default" if t.is_default else "own",
                         t.subject) for t in rows]))
    click.echo(f"acknowledgement of receipt on submission: {'on' if acknowledge else 'off'}")


@message_group.command("show")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("lang", type=click.Choice(("fr", "en")))
@ORG_OPTION
@FORMAT_OPTION
@pass_app
def message_show(app: AppContext, kind: str, lang: str, slug: str | None, fmt: str) -> None:
    """The subject and text of KIND in LANG (fr or en), with the variables it may use."""
    from tracker.services import messages

    with app.transaction() as session:
        organisation = _organisation(app, session, slug)
        found = messages.get_template(session, organisation, kind, lang,
                                      actor=app.actor(session))
    if fmt == "json":
        emit_json({"kind": kind, "language": lang, "is_default": found.is_default,
                   "subject": found.subject, "body": found.body,
                   "variables": list(messages.VARIABLES)})
        return
    click.echo(f"{kind} ({lang}, {'default text' if found.is_default else 'own text'})")
    click.echo(f"Subject: {found.subject}\n\n{found.body}\n")
    click.echo("Variables: " + ", ".join(messages.VARIABLES))


@message_group.command("edit")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("lang", type=click.Choice(("fr", "en")))
@click.option("--subject", help="The new subject (default: the current one).")
@click.option("--body-file", metavar="FILE", help="The new text, from FILE ('-': stdin).")
@click.option("--reset", is_flag=True, help="Go back to the default text.")
@click.option("--acknowledge/--no-acknowledge", default=None,
              help="Switch the acknowledgement of receipt on submission on or off.")
@ORG_OPTION
@pass_app
def message_edit(app: AppContext, kind: str, lang: str, subject: str | None,
                 body_file: str | None, reset: bool, acknowledge: bool | None,
                 slug: str | None) -> None:
    """Save the organisation's own text of KIND in LANG (checked: only the listed variables),
    or --reset it to the default."""
    from tracker.services import messages

    body = read_text_file(body_file, "--body-file") if body_file else None
    with app.transaction() as session:
        organisation = _organisation(app, session, slug)
        actor = app.actor(session)
        if acknowledge is not None:
            messages.set_acknowledgement(session, organisation, acknowledge, actor=actor,
                                         clock=app.clock)
            click.echo(f"acknowledgement of receipt: {'on' if acknowledge else 'off'}")
        if reset:
            messages.reset_template(session, organisation, kind, lang, actor=actor,
                                    clock=app.clock)
            click.echo(f"{kind} ({lang}): back to the default text")
        elif subject is not None or body is not None:
            current = messages.get_template(session, organisation, kind, lang, actor=actor)
            messages.save_template(session, organisation, kind, lang,
                                   subject=subject if subject is not None else current.subject,
                                   body=body if body is not None else current.body,
                                   actor=actor, clock=app.clock)
            click.echo(f"{kind} ({lang}): saved")
        elif acknowledge is None:
            raise UserError("error: give --subject, --body-file, --reset or --acknowledge")
