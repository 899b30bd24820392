"""`tracker user list` and `tracker interview list`: who has an account, and the interviews
one may see, each through its service (the rights of --as apply there)."""

from __future__ import annotations

from typing import Any

import click

from tracker.cli.context import AppContext, pass_app
from tracker.cli.output import FORMAT_OPTION, emit_json, print_tables, table, when_text, word
from tracker.domain.timeutil import iso, parse_date
from tracker.models import Interview, InterviewStatus, Role
from tracker.services.accounts import directory
from tracker.services.hiring import applications, interviews, postings
from tracker.services.views.records import interview_record


@click.command("list")
@click.option("--role", type=click.Choice([r.value for r in Role]), help="Only this role.")
@click.option("--org", "organisation", metavar="SLUG", help="Only this organisation's people.")
@FORMAT_OPTION
@pass_app
def user_list(app: AppContext, role: str | None, organisation: str | None, fmt: str) -> None:
    """The accounts: role, organisation, e-mail, name, last log-in on the web and whether the
    account is active. An admin (or the operator) sees everyone; an hr user (--as) the people
    of their own organisation."""
    with app.transaction() as session:
        rows = directory.list_users(session, role=role, organisation=organisation,
                                    actor=app.actor(session))
    if fmt == "json":
        emit_json([{"id": r.id, "role": r.role, "organisation": r.organisation,
                    "email": r.email, "full_name": r.full_name,
                    "last_login": iso(r.last_login), "active": r.active} for r in rows])
        return
    if not rows:
        click.echo("No users.")
        return
    # the name above the e-mail and "inactive" under the role: an 80-column terminal holds a
    # long address whole
    print_tables(table(f"Users ({len(rows)})", ["Role", "Org", "Person", "Last log-in (UTC)"],
                       [[r.role + ("" if r.active else "\ninactive"), r.organisation or "-",
                         f"{r.full_name}\n{r.email}",
                         f"{r.last_login:%Y-%m-%d %H:%M}" if r.last_login else "never"]
                        for r in rows]))


@click.command("list")
@click.option("--posting", "reference", metavar="REF", help="Only this posting's interviews.")
@click.option("--application", "application_id", type=int, metavar="ID",
              help="Only this application's interviews.")
@click.option("--from", "first", metavar="DATE", help="From this local date, e.g. 2024-05-22.")
@click.option("--to", "last", metavar="DATE", help="Up to this local date, included.")
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--per-page", type=click.IntRange(1, 500), default=50, show_default=True)
@FORMAT_OPTION
@pass_app
def interview_list(app: AppContext, reference: str | None, application_id: int | None,
                   first: str | None, last: str | None, page: int, per_page: int,
                   fmt: str) -> None:
    """The interviews you may see, soonest first: interview days of a posting (for all its
    applicants) and interviews of one application, with the times in the organisation's zone."""
    first_day = parse_date(first, "--from") if first else None
    last_day = parse_date(last, "--to") if last else None
    with app.transaction() as session:
        actor = app.actor(session)
        posting = postings.get_posting(session, reference, "--posting", actor=actor) \
            if reference else None
        application = applications.get_application(session, application_id, actor=actor) \
            if application_id is not None else None
        result = interviews.list_interviews(
            session, posting=posting, application=application, first_day=first_day,
            last_day=last_day, page=page, per_page=per_page, actor=actor)
        records = [_record(i) for i in result.rows]
    if fmt == "json":
        emit_json({"page": result.page, "per_page": result.per_page,
                   "has_next": result.has_next, "interviews": records})
        return
    if not records:
        click.echo("No interviews." if page == 1 else f"No interviews on page {page}.")
        return
    more = f", more: --page {page + 1}" if result.has_next else ""
    print_tables(table(f"Interviews (page {result.page}{more})",
                       ["Interview", "For", "When", "Where", "Status"], [
        [f"#{r['id']}\n{r['posting']}", r["candidate"] or "all applicants",
         (f"{r['starts_at_organisation']}\n{r['duration_minutes']} min" if r["time"]
          else f"{r['date']} (all day)"),
         "\n".join(filter(None, [r["place"], r["video_url"]]
                          + [f"{m['name']} <{m['email']}>" for m in r["panel"]])),
         word(InterviewStatus, r["status"]) + (f": {r['outcome']}" if r["outcome"] else "")]
        for r in records
    ]))


def _record(interview: Interview) -> dict[str, Any]:
    """The interview's record, with the candidate's name and the time in the zone of the
    posting's organisation (the posting's own zone for a posting of no organisation here)."""
    posting = interview.posting
    tz = posting.organisation.timezone if posting.organisation else posting.timezone
    record = interview_record(interview)
    record["candidate"] = (interview.application.person_name
                           if interview.application is not None else None)
    record["organisation_timezone"] = tz
    record["starts_at_organisation"] = when_text(record["starts_at_utc"], tz)
    return record
