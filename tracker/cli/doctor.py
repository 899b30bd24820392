"""`tracker doctor`: the configuration checked, one line per finding and what to change."""

from __future__ import annotations

import click
import pydantic
from pydantic_core import ErrorDetails

from tracker.cli.context import AppContext, pass_app
from tracker.cli.output import FORMAT_OPTION, emit_json
from tracker.db import unit_of_work
from tracker.domain.access import OPERATOR, Actor
from tracker.services.accounts.users import get_user
from tracker.services.operations import doctor

COLOURS = {"ok": "green", "warning": "yellow", "error": "red"}


@click.command("doctor")
@FORMAT_OPTION
@click.option("--smtp-timeout", default=5.0, show_default=True, type=click.FloatRange(0.1, 60),
              help="Seconds to wait for the SMTP server at each step.")
@pass_app
def doctor_command(app: AppContext, fmt: str, smtp_timeout: float) -> None:
    """Check the configuration a person would get wrong and say what to change: the secret
    key, the public URL and cookies, the data and reports folders, the database and its
    schema, the scheduler, the SMTP server and its TLS mode. Changes nothing.

    Exit status 1 when there is an error (a warning alone exits 0)."""
    try:
        settings = app.settings
    except pydantic.ValidationError as exc:
        findings = [doctor.Finding("error", "settings", _setting_error(error))
                    for error in exc.errors()]
    else:
        actor: Actor = OPERATOR
        if app.acting_as:
            with unit_of_work(app.factory()) as session:
                actor = get_user(session, app.acting_as, "--as")
        findings = doctor.diagnose(app.factory, actor=actor, settings=settings, now=app.clock(),
                                   smtp_timeout_s=smtp_timeout)
    worst = doctor.worst(findings)
    if fmt == "json":
        emit_json({"status": worst, "findings": [f.as_dict() for f in findings]})
    else:
        for finding in findings:
            level = click.style(f"{finding.level:<7}", fg=COLOURS[finding.level])
            click.echo(f"{level} {finding.check}: {finding.message}")
        counts = {level: sum(f.level == level for f in findings) for level in COLOURS}
        click.echo(f"{counts['error']} error(s), {counts['warning']} warning(s), "
                   f"{counts['ok']} ok")
    if worst == "error":
        click.get_current_context().exit(1)


def _setting_error(error: ErrorDetails) -> str:
    names = [str(part) for part in error["loc"] if part != "__root__"]
    name = "TRACKER_" + "_".join(names).upper() if names else "settings"
    return f"{name}: {error['msg']}: correct it in the environment"
