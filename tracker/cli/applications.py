"""`tracker apply`, `tracker application ...` and `tracker interview ...`"""

from __future__ import annotations

import textwrap
from dataclasses import asdict

import click

from tracker.cli.context import AppContext, UserError, pass_app, read_text_file
from tracker.cli.lazy import LazyGroup
from tracker.cli.output import (
    FORMAT_OPTION,
    days_left_text,
    emit_json,
    fields_table,
    print_tables,
    table,
    when_text,
    word,
)
from tracker.domain.timeutil import days_left, parse_local_datetime
from tracker.models import ApplicationStatus, DocumentKind, RequirementKind
from tracker.services.exports import formats
from tracker.services.fit import scores as fit
from tracker.services.fit.words import coverage_text
from tracker.services.hiring import applications, interviews, postings
from tracker.services.hiring.interviews import Panelist
from tracker.services.views.records import application_record_for, interview_record, iso

STATUS_CHOICE = click.Choice([s.value for s in ApplicationStatus])

@click.command("apply")
@click.option("--posting", "reference", required=True, metavar="REF")
@click.option("--candidate", required=True, metavar="EMAIL",
              help="The candidate's account (operator); with --as an employer, the address "
                   "the applicant gave.")
@click.option("--name", "candidate_name", metavar="NAME",
              help="With --as an employer: the applicant's name as they gave it (the "
                   "application received is recorded, linked to no account).")
@click.option("--cover-letter", "cover_letter_path", metavar="FILE",
              help="A text file with the cover letter ('-' for stdin).")
@click.option("--submit", is_flag=True, help="Submit at once (otherwise a tracked draft).")
@click.option("--late", is_flag=True, help="Record a submission after the deadline (employer).")
@pass_app
def apply_command(app: AppContext, reference: str, candidate: str, candidate_name: str | None,
                  cover_letter_path: str | None, submit: bool, late: bool) -> None:
    """Start an application of a candidate to a posting (a draft), or --submit it."""
    if late and not submit:
        raise UserError("error: --late only goes with --submit")
    letter = read_text_file(cover_letter_path, "--cover-letter") if cover_letter_path else None
    with app.transaction() as session:
        actor = app.actor(session)
        posting = postings.get_posting(session, reference, "--posting", actor=actor)
        application = applications.start_for(
            session, posting, candidate=candidate, candidate_name=candidate_name,
            cover_letter=letter, submit=submit, late=late, actor=actor, clock=app.clock,
            field="--candidate")
        click.echo(f"application #{application.id} of {application.person_email} to "
                   f"{posting.reference}: {word(ApplicationStatus, application.status).lower()}"
                   + (" (late)" if application.is_late else ""))


@click.group("application")
def application_group() -> None:
    """List, show and move applications."""


@application_group.command("list")
@click.option("--posting", metavar="REF")
@click.option("--candidate", metavar="EMAIL")
@click.option("--status", type=STATUS_CHOICE)
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--per-page", type=click.IntRange(1, 500), default=50, show_default=True)
@click.option("--sort", type=click.Choice(applications.SORTS), default="newest",
              show_default=True, help="fit: best fit to the posting's requirements first "
                                      "(with --posting).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="table for people, json for scripts, csv (every page, "
              "UTF-8 with BOM) for a spreadsheet")
@pass_app
def application_list(app: AppContext, posting: str | None, candidate: str | None,
                     status: str | None, page: int, per_page: int, sort: str, fmt: str) -> None:
    """Applications, newest first (or best fit first with --sort fit)."""
    if sort == "fit" and posting is None:
        raise UserError("error: --sort: sorting by fit needs --posting")
    if fmt == "csv":
        with app.transaction() as session:
            text = formats.applications_csv(session, posting=posting, candidate=candidate,
                                            status=status, actor=app.actor(session))
        click.echo(text, nl=False)
        return
    with app.transaction() as session:
        result = applications.list_applications(
            session, posting=posting, candidate=candidate, status=status, page=page,
            per_page=per_page, actor=app.actor(session), sort=sort,
        )
    if fmt == "json":
        emit_json({
            "page": result.page, "per_page": result.per_page, "has_next": result.has_next,
            "applications": [
                {"id": r.id, "posting": r.posting_reference, "candidate": r.candidate_email,
                 "name": r.candidate_name, "status": r.status.value,
                 "submitted_at": iso(r.submitted_at),
                 "is_late": r.is_late, **({"fit": r.fit, "fit_assessed": r.fit_assessed,
                                        "fit_requirements": r.fit_requirements}
                                       if sort == "fit" else {})}
                for r in result.rows
            ],
        })
        return
    rows = [
        [r.id, r.posting_reference, f"{r.candidate_name}\n{r.candidate_email}",
         word(ApplicationStatus, r.status).lower() + (" (late)" if r.is_late else ""),
         when_text(r.submitted_at.isoformat(), r.timezone) if r.submitted_at else "-"]
        + ([coverage_text("en", f"{r.fit or 0:.1f}".removesuffix(".0"), r.fit_assessed or 0,
                           r.fit_requirements or 0)] if sort == "fit" else [])
        for r in result.rows
    ]
    title = f"Applications (page {result.page}" + (
        f", more: --page {page + 1})" if result.has_next else ")")
    columns = ["#", "Posting", "Candidate", "Status", "Submitted"] + (
        ["Fit"] if sort == "fit" else [])
    print_tables(table(title, columns, rows, no_wrap=["#", "Posting"]))


@application_group.command("show")
@click.argument("application_id", type=int)
@FORMAT_OPTION
@pass_app
def application_show(app: AppContext, application_id: int, fmt: str) -> None:
    """An application: status, evidence per requirement, documents, notes and history."""
    with app.transaction() as session:
        actor = app.actor(session)
        application = applications.get_application(session, application_id, actor=actor)
        record = application_record_for(application, actor)
        missing = fit.missing_evidence(session, application)
        record["missing_evidence"] = [asdict(item) for item in missing]
        posting = application.posting
        record["deadline_days_left"] = days_left(posting.valid_through_date, app.clock(),
                                                 posting.timezone)
        tz = posting.timezone
    if fmt == "json":
        emit_json(record)
        return
    left = record["deadline_days_left"]
    if left is None:
        still = "Still to show (required, no evidence yet)"
    elif left >= 0:
        still = f"Still to show before the deadline ({days_left_text(left)} left)"
    else:
        still = f"Not shown by the deadline ({days_left_text(left)})"
    print_tables(
        fields_table(f"Application #{record['id']} to {record['posting']}", [
            ("Posting", record["posting_title"]),
            ("Candidate", f"{record['candidate']['name']} <{record['candidate']['email']}>"),
            ("Status", word(ApplicationStatus, record["status"])
             + (" (late)" if record["is_late"] else "")),
            ("Submitted", when_text(record["submitted_at"], tz)),
            ("Cover letter", record["cover_letter"]),
        ]),
        table("Requirements", ["Requirement", "Evidence", "Self", "Reviewer"], [
            [r["label"], r["evidence"] or "(none)", r["self_rating"], r["reviewer_rating"]]
            for r in record["requirements"] if r["evidence"] or r["reviewer_rating"]
        ]),
        table(still, ["Kind", "Requirement", "Level"], [
            [word(RequirementKind, m["kind"]), m["label"], m["level"]]
            for m in record["missing_evidence"]
        ]) if record["missing_evidence"] else "All required requirements have evidence.",
        table("Documents", ["#", "Kind", "File", "Pages"], [
            [d["id"], word(DocumentKind, d["kind"]), d["filename"], d["page_count"] or "-"]
            for d in record["documents"]
        ], no_wrap=["#"]),
        table(f"History ({tz})", ["When", "From", "To", "By", "Comment"], [
            [when_text(h["at"], tz), h["from"], h["to"], h["by_name"] or "(operator)",
             h["comment"]]
            for h in record["history"]
        ], no_wrap=["When", "From", "To"]),
        table("Notes", ["When", "Author", "Note"],
              [[when_text(n["at"], tz), n["author"], n["body"]] for n in record["notes"]],
              no_wrap=["When"]),
    )


@application_group.command("fit")
@click.argument("application_id", type=int)
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True,
              help="Language of the reasons.")
@FORMAT_OPTION
@pass_app
def application_fit(app: AppContext, application_id: int, lang: str, fmt: str) -> None:
    """How the application meets each requirement of its posting (met, partly met, not shown,
    unknown, to assess), why, with the weight and points of each line, and the score out of 100
    over the requirements assessed, with its coverage."""
    with app.transaction() as session:
        actor = app.actor(session)
        application = applications.get_application(session, application_id, actor=actor)
        result = fit.application_fit(session, application, lang=lang, actor=actor)
    if fmt == "json":
        emit_json(result.as_dict(lang))
        return
    rows = [
        [line.status.text, line.label + ("" if line.required else " (preferred)"),
         f"{line.weight:g}", f"{line.points:g}", line.reason]
        for line in result.lines
    ]
    counts = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in result.counts.items() if n)
    print_tables(
        table(f"Fit of application #{result.application_id} ({result.candidate_name}) to "
              f"{result.posting_reference}", ["Status", "Requirement", "Weight", "Points",
                                             "Reason"], rows,
              no_wrap=["Status", "Weight", "Points"]),
    )
    click.echo(textwrap.fill(f"Score: {result.coverage_text(lang)} ({result.points:g} of "
                             f"{result.max_points:g} points; {counts})", width=80,
                             break_long_words=False))


@application_group.command("move")
@click.argument("application_id", type=int)
@click.argument("status", type=STATUS_CHOICE)
@click.option("--comment", help="Why (kept in the history).")
@click.option("--late", is_flag=True, help="Record a submission after the deadline (employer).")
@pass_app
def application_move(app: AppContext, application_id: int, status: str, comment: str | None,
                     late: bool) -> None:
    """Move an application to STATUS, if the workflow allows it."""
    with app.transaction() as session:
        actor = app.actor(session)
        application = applications.get_application(session, application_id, actor=actor)
        before = application.status.value
        applications.move(session, application, status, actor=actor, comment=comment,
                          late=late, clock=app.clock)
        click.echo(f"application #{application_id}: {before} -> {status}")


@click.group("interview", cls=LazyGroup, lazy={
    "list": "tracker.cli.listings:interview_list",
    "reschedule": "tracker.cli.interviews:interview_reschedule",
    "cancel": "tracker.cli.interviews:interview_cancel"})
def interview_group() -> None:
    """Schedule, move and cancel interviews."""


@interview_group.command("schedule")
@click.option("--posting", "reference", required=True, metavar="REF")
@click.option("--application", "application_id", type=int,
              help="The application's id; without it, a date for the whole posting.")
@click.option("--at", "when", required=True, metavar="DATE [TIME]",
              help="Local date and time, e.g. '2024-05-22 10:00' (a date alone: all day).")
@click.option("--tz", "timezone", metavar="ZONE", help="IANA zone; default the posting's.")
@click.option("--duration", type=click.IntRange(1, 1440), default=45, show_default=True,
              help="Minutes.")
@click.option("--place")
@click.option("--video-url")
@click.option("--panel", "panel", multiple=True, metavar="'NAME <EMAIL>'",
              help="A panel member (repeat for each).")
@click.option("--replace", is_flag=True,
              help="The application has a slot to come already: cancel it for this one "
                   "(without: refused; `interview reschedule` moves it).")
@FORMAT_OPTION
@pass_app
def interview_schedule(app: AppContext, reference: str, application_id: int | None, when: str,
                       timezone: str | None, duration: int, place: str | None,
                       video_url: str | None, panel: tuple[str, ...], replace: bool,
                       fmt: str) -> None:
    """Schedule an interview for a posting, or for one of its applications."""
    if place and video_url:
        raise UserError("error: --place and --video-url exclude each other")
    day, at = parse_local_datetime(when, "--at")
    members = []
    for text in panel:
        member = Panelist.parse(text)
        if member is None:
            raise UserError(f"error: --panel: {text!r} is not 'Name <email>'")
        members.append(member)
    with app.transaction() as session:
        actor = app.actor(session)
        posting = postings.get_posting(session, reference, "--posting", actor=actor)
        application = (applications.get_application(session, application_id, actor=actor)
                       if application_id is not None else None)
        try:
            interview = interviews.schedule(
                session, posting, day=day, at=at, timezone=timezone, duration_minutes=duration,
                place=place, video_url=video_url, application=application, panel=members,
                actor=actor, clock=app.clock, field="--at", replace=replace,
            )
        except interviews.ScheduledAlready as exc:
            earlier = interview_record(exc.interview)
            raise UserError(
                f"error: --application: application #{application_id} already has interview "
                f"#{earlier['id']} on {earlier['starts_at_local']} ({earlier['timezone']}): "
                f"move it with `tracker interview reschedule {earlier['id']} --at ...`, or "
                "add --replace to cancel it for this one") from exc
        record = interview_record(interview)
    if fmt == "json":
        emit_json(record)
    else:
        click.echo(f"interview #{record['id']} for {reference}: {record['starts_at_local']} "
                   f"({record['timezone']}), {record['duration_minutes']} min")
