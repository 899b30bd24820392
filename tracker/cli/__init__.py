"""The `tracker` command. Thin: parse, call one service, present the result."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from typing import Any

import click

from tracker import __version__
from tracker.cli.context import AppContext, UserError
from tracker.cli.lazy import LazyGroup

# Each command's module is imported only when the command is used (`tracker --help` imports
# none): name -> ("module:attribute", the short help `tracker --help` shows, the command's own,
# checked by tests/cli/test_cli_startup.py).
COMMANDS: dict[str, tuple[str, str]] = {
    "db": ("tracker.cli.db:db_group",
        'Create, upgrade and check the database schema.'),
    "demo": ("tracker.cli.db:demo_command",
        'Load the demo (the Université Jean Monnet posting from samples/, its HR user and two'
        " candidates with their CVs), show the postings, and write the demo's application "
        'dossier and panel dossier under reports/.'),
    "org": ("tracker.cli.people:org_group",
        'Add and list organisations (employers).'),
    "user": ("tracker.cli.people:user_group",
        'Add or invite users (admin, hr, candidate); log a user out everywhere.'),
    "posting": ("tracker.cli.postings:posting_group",
        'Add, list, show, open, close and cancel postings.'),
    "apply": ("tracker.cli.applications:apply_command",
        'Start an application of a candidate to a posting (a draft), or --submit it.'),
    "application": ("tracker.cli.applications:application_group",
        'List, show and move applications.'),
    "interview": ("tracker.cli.applications:interview_group",
        'Schedule, move and cancel interviews.'),
    "message": ("tracker.cli.messages:message_group",
        'List, show and edit the messages an organisation sends candidates (templates in '
        'French and English; the shipped default until the organisation saves its own).'),
    "document": ("tracker.cli.documents:document_group",
        'Upload, list and remove the PDF documents (CV, letters, ...) of applications.'),
    "dossier": ("tracker.cli.dossiers:dossier_group",
        "Print PDF dossiers: an application's, the hiring panel's, the posting sheet."),
    "reference": ("tracker.cli.reference:reference_group",
        'Occupation profiles and certifications: load, list, show, propose requirements.'),
    "export": ("tracker.cli.exports:export_group",
        'Calendars out of the tracker.'),
    "reminders": ("tracker.cli.reminders:reminders_group",
        'The reminder outbox: list, what is due, deliver, retry.'),
    "notifications": ("tracker.cli.reminders:notifications_group",
        'In-app notifications.'),
    "scheduler": ("tracker.cli.reminders:scheduler_command",
        'Run the reminder dispatcher and the reconcile until SIGTERM or Ctrl-C '
        '(TRACKER_SCHEDULER_INTERVAL_S, TRACKER_RECONCILE_INTERVAL_S).'),
    "worker": ("tracker.cli.worker:worker_command",
        'Make the dossiers people asked for, each in a process bounded in time and memory.'),
    "serve": ("tracker.cli.serve:serve_command",
        'Serve the web pages for HR staff and candidates with waitress.'),
    "privacy": ("tracker.cli.privacy:privacy_group",
        "Candidates' data rights: export, erasure, retention."),
    "backup": ("tracker.cli.backup:backup_group",
        'Back up, check and restore the database and the data folder (documents, pending '
        'imports, everything under TRACKER_DATA_DIR) as one .tar.gz archive with a manifest '
        'of checksums.'),
    "audit": ("tracker.cli.audit:audit_group",
        'Read the audit log: who did what, and when.'),
    "doctor": ("tracker.cli.doctor:doctor_command",
        'Check the configuration a person would get wrong and say what to change: the secret '
        'key, the public URL and cookies, the data and reports folders, the database and its '
        'schema, the scheduler, the SMTP server and its TLS mode.'),
}


# The collector paused by TrackerGroup.main for the process's start, until `main` resumes it.
_start_paused = False


class TrackerGroup(LazyGroup):
    """Turns a user's mistake (a broken domain rule, an unreachable database) into one line on
    stderr and a non-zero exit. The transaction has been rolled back by then.

    Run as the process's own command (no `args` given: the `tracker` script, `python -m
    tracker`), it keeps Python's cyclic garbage collector out of the start and of the exit
    (issue #16 item 6: a third of `tracker posting list`'s processor time). Importing SQLAlchemy,
    the models and the services makes objects that live as long as the process, and each
    collection on the way walks all of them again, to find nothing to free; at exit, the
    interpreter's last collections walk them once more to free memory the system takes back
    anyway. So the collector is paused until the command's module is imported (`main` below
    resumes it, so that long-running commands collect as usual), what the start made is frozen
    out of later collections (`gc.freeze`), and at the end one collection frees the command's own
    garbage (closing what it left open) before what remains is frozen for the exit. Code that
    calls `main([...])` (the tests) keeps the collector as it is."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        if args is not None:
            return super().main(args, *rest, **kwargs)
        global _start_paused
        _start_paused = gc.isenabled()
        gc.disable()
        try:
            return super().main(None, *rest, **kwargs)
        finally:
            gc.collect()
            gc.freeze()

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as exc:
            # The domain (with the catalog), SQLAlchemy and pydantic are not imported to start
            # (a command that raised one of their errors has imported them)
            errors = sys.modules.get("tracker.domain.errors")
            if errors is not None and isinstance(exc, errors.DomainError):
                from tracker.cli.output import error_line

                raise UserError(error_line(exc)) from exc
            sa_exc, pydantic = sys.modules.get("sqlalchemy.exc"), sys.modules.get("pydantic")
            if sa_exc is not None and isinstance(exc, sa_exc.OperationalError):
                raise UserError(f"error: database: {' '.join(str(exc.orig).split())}") from exc
            if pydantic is not None and isinstance(exc, pydantic.ValidationError):
                # the TRACKER_* settings (tracker/config.py)
                raise UserError("error: settings: " + "; ".join(
                    (f"TRACKER_{'_'.join(map(str, e['loc'])).upper()}: " if e["loc"] else "")
                    + e["msg"].removeprefix("Value error, ") for e in exc.errors())) from exc
            raise


@click.group(cls=TrackerGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
    ctx.call_on_close(app.close)
    global _start_paused
    if _start_paused:  # the process's start is over (TrackerGroup.main)
        _start_paused = False
        gc.freeze()
        gc.enable()


