"""The `tracker` command. Thin: parse, call one service, present the result."""

from __future__ import annotations

from typing import Any

import click
import pydantic
import sqlalchemy as sa

from tracker import __version__
from tracker.cli.applications import application_group, apply_command, interview_group
from tracker.cli.audit import audit_group
from tracker.cli.backup import backup_group
from tracker.cli.context import AppContext, UserError
from tracker.cli.db import db_group, demo_command
from tracker.cli.doctor import doctor_command
from tracker.cli.documents import document_group
from tracker.cli.dossiers import dossier_group
from tracker.cli.exports import export_group
from tracker.cli.imports import export_command, import_command
from tracker.cli.listings import interview_list, user_list
from tracker.cli.people import org_group, user_group
from tracker.cli.postings import posting_group
from tracker.cli.privacy import privacy_group
from tracker.cli.reference import reference_group
from tracker.cli.reminders import notifications_group, reminders_group, scheduler_command
from tracker.cli.serve import serve_command
from tracker.cli.tokens import token_group
from tracker.domain.errors import DomainError


class TrackerGroup(click.Group):
    """Turns a user's mistake (a broken domain rule, an unreachable database) into one line on
    stderr and a non-zero exit. The transaction has been rolled back by then."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DomainError as exc:
            raise UserError(f"error: {exc}") from exc
        except sa.exc.OperationalError as exc:
            raise UserError(f"error: database: {' '.join(str(exc.orig).split())}") from exc
        except pydantic.ValidationError as exc:  # the TRACKER_* settings (tracker/config.py)
            raise UserError("error: settings: " + "; ".join(
                (f"TRACKER_{'_'.join(map(str, e['loc'])).upper()}: " if e["loc"] else "")
                + e["msg"].removeprefix("Value error, ") for e in exc.errors())) from exc


@click.group(cls=TrackerGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="tracker")
@click.option("--as", "acting_as", metavar="EMAIL", envvar="TRACKER_AS",
              help="Act as this user (their rights apply). Default: the operator, with every right.")
@click.pass_context
def main(ctx: click.Context, acting_as: str | None) -> None:
    """Recruitment job-posting tracker: postings, applications, interviews and deadlines.

    The database is TRACKER_DATABASE_URL, or by default an SQLite file in TRACKER_DATA_DIR,
    created and migrated on first use. Every command that lists or shows takes
    --format table|json.
    """
    app = ctx.ensure_object(AppContext)
    app.acting_as = acting_as or app.acting_as


main.add_command(db_group)
main.add_command(demo_command)
main.add_command(org_group)
user_group.add_command(token_group)
main.add_command(user_group)
posting_group.add_command(import_command)
posting_group.add_command(export_command)
main.add_command(posting_group)
main.add_command(apply_command)
main.add_command(application_group)
main.add_command(interview_group)
main.add_command(document_group)
main.add_command(dossier_group)
main.add_command(reference_group)
main.add_command(export_group)
main.add_command(reminders_group)
main.add_command(notifications_group)
main.add_command(scheduler_command)
main.add_command(serve_command)
main.add_command(privacy_group)
main.add_command(backup_group)
main.add_command(audit_group)
main.add_command(doctor_command)
user_group.add_command(user_list)
interview_group.add_command(interview_list)
