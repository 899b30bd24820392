"""`tracker interview reschedule` and `tracker interview cancel`: the candidate and the panel
are told by e-mail with the updated invitation (tracker.services.hiring.interviews)."""

from __future__ import annotations

import click

from tracker.cli.context import AppContext, UserError, pass_app
from tracker.cli.output import FORMAT_OPTION, emit_json, when_text
from tracker.domain.timeutil import parse_local_datetime
from tracker.models import Interview
from tracker.services.hiring import interviews
from tracker.services.views.records import interview_record


def _told(interview: Interview) -> str:
    """Who hears of a change: the candidate and each panel member."""
    people = []
    if interview.application is not None:
        people.append(interview.application.person_name)
    people += [member.name or member.email for member in interview.panel]
    return ", ".join(people) if people else "nobody (no candidate, no panel)"


def _when(record: dict) -> str:
    """'2024-05-22 10:00 CEST (Europe/Paris)', or '2024-05-22 (all day, Europe/Paris)'."""
    if record["time"] is None:
        return f"{record['date']} (all day, {record['timezone']})"
    return f"{when_text(record['starts_at_utc'], record['timezone'])} ({record['timezone']})"


def _what(interview: Interview) -> str:
    who = interview.application.person_name if interview.application else "all applicants"
    return (f"interview #{interview.id} of {interview.posting.reference} ({who}): "
            f"{_when(interview_record(interview))}")


@click.command("reschedule")
@click.argument("interview_id", type=int, metavar="ID")
@click.option("--at", "when", required=True, metavar="'YYYY-MM-DD HH:MM'",
              help="The new local date and time (a date alone: all day).")
@click.option("--zone", "--tz", "timezone", metavar="ZONE",
              help="IANA zone; default the interview's.")
@click.option("--duration", type=click.IntRange(1, 1440), help="Minutes; default unchanged.")
@click.option("--place", help="The new place (default unchanged).")
@click.option("--video-url", help="The new video link (default unchanged).")
@FORMAT_OPTION
@pass_app
def interview_reschedule(app: AppContext, interview_id: int, when: str, timezone: str | None,
                         duration: int | None, place: str | None, video_url: str | None,
                         fmt: str) -> None:
    """Move an interview; its candidate and panel get the updated invitation."""
    day, at = parse_local_datetime(when, "--at")
    with app.transaction() as session:
        actor = app.actor(session)
        interview = interviews.get_interview(session, interview_id, actor=actor)
        before = interview_record(interview)
        interviews.reschedule(
            session, interview, day=day, at=at, timezone=timezone, duration_minutes=duration,
            place=place if place is not None else interviews.KEEP,
            video_url=video_url if video_url is not None else interviews.KEEP,
            actor=actor, clock=app.clock, field="--at")
        record, told = interview_record(interview), _told(interview)
    if fmt == "json":
        emit_json(record)
        return
    click.echo(f"interview #{interview_id} moved from {_when(before)} to {_when(record)}, "
               f"{record['duration_minutes']} min")
    click.echo(f"told by e-mail with the updated invitation: {told}")


@click.command("cancel")
@click.argument("interview_id", type=int, metavar="ID")
@click.option("--reason", help="Told to the candidate and the panel.")
@click.option("--yes", is_flag=True, help="Cancel it (without: say what would happen).")
@pass_app
def interview_cancel(app: AppContext, interview_id: int, reason: str | None, yes: bool) -> None:
    """Cancel an interview; its candidate and panel are told (METHOD:CANCEL)."""
    with app.transaction() as session:
        actor = app.actor(session)
        interview = interviews.get_interview(session, interview_id, actor=actor)
        what, told = _what(interview), _told(interview)
        if not yes:
            interviews.check_cancel(interview, actor=actor)
        else:
            interviews.cancel(session, interview, actor=actor, clock=app.clock, reason=reason)
    if not yes:
        raise UserError(f"{what} would be cancelled and {told} told by e-mail; "
                        "nothing done: run again with --yes to cancel it")
    click.echo(f"cancelled {what}")
    click.echo(f"told by e-mail: {told}")
