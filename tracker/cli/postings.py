"""`tracker posting ...`"""

from __future__ import annotations

import re
from typing import Any

import click

from tracker.cli.context import AppContext, parse_data_file, pass_app
from tracker.cli.lazy import LazyGroup
from tracker.cli.output import (
    FORMAT_OPTION,
    cli_lang,
    days_left_text,
    emit_json,
    fields_table,
    print_tables,
    t,
    table,
    word,
)
from tracker.domain.errors import DomainError, ValidationFailed
from tracker.domain.timeutil import parse_local_datetime
from tracker.i18n import label
from tracker.models import (
    ApplicationStatus,
    ApplyMethod,
    DocumentKind,
    EmploymentType,
    InterviewStatus,
    PostingStatus,
    RequirementKind,
    SalaryPeriod,
    Visibility,
)
from tracker.services.hiring import postings
from tracker.services.views.records import posting_record, posting_record_for, posting_summary

STATUS_CHOICE = click.Choice([s.value for s in PostingStatus])


@click.group("posting", cls=LazyGroup, lazy={
    "import": "tracker.cli.imports:import_command", "export": "tracker.cli.imports:export_command"})
def posting_group() -> None:
    """Add, list, show, open, close and cancel postings."""


@posting_group.command("add")
@click.option("--file", "path", metavar="FILE",
              help="A posting as YAML or JSON (field names as in samples/*.yaml); '-' for stdin.")
@click.option("--title")
@click.option("--org", "organisation", metavar="SLUG", help="The organisation's slug.")
@click.option("--reference", help="Default: ORG-YEAR-NNN.")
@click.option("--employer", "hiring_organization_name", metavar="NAME",
              help="The employer's name, for a posting of an organisation not registered here.")
@click.option("--private", "private", is_flag=True,
              help="A posting a candidate found elsewhere, visible to them only (use with --as).")
@click.option("--employment-type", type=click.Choice([e.value for e in EmploymentType]))
@click.option("--deadline", metavar="DATE [TIME]",
              help="Local deadline, e.g. '2024-05-13' or '13/05/2024 12:00'.")
@click.option("--tz", "timezone", metavar="ZONE", help="IANA zone; default the organisation's.")
@click.option("--date-posted", metavar="DATE")
@click.option("--start-date", "job_start_date", metavar="DATE")
@click.option("--duration-months", type=int)
@click.option("--working-time", "working_time_percent", type=int, metavar="PERCENT")
@click.option("--category")
@click.option("--department")
@click.option("--location")
@click.option("--apply-email")
@click.option("--apply-url")
@click.option("--salary-min")
@click.option("--salary-max")
@click.option("--salary-currency", metavar="ISO4217")
@click.option("--salary-period", type=click.Choice([p.value for p in SalaryPeriod]))
@click.option("--occupation", metavar="SLUG", help="The occupation profile (tracker reference list).")
@click.option("--certification", metavar="CODE", help="The certification, e.g. RNCP39853.")
@click.option("--open", "open_now", is_flag=True, help="Open the posting at once.")
@FORMAT_OPTION
@pass_app
def posting_add(app: AppContext, path: str | None, open_now: bool, fmt: str,
                deadline: str | None, private: bool, **flags: Any) -> None:
    """Add a posting (a draft unless --open), from a file or from flags (flags override)."""
    data: dict[str, Any] = parse_data_file(path) if path else {}
    data.update({name: value for name, value in flags.items() if value is not None})
    if private:
        data["visibility"] = "private"
    if deadline:
        day, at = parse_local_datetime(deadline, "--deadline")
        data["valid_through_date"], data["valid_through_time"] = day, at
    given = {name for name, value in flags.items() if value is not None}
    if deadline:
        given |= {"valid_through_date", "valid_through_time"}
    with app.transaction() as session:
        actor = app.actor(session)
        try:
            posting = postings.create_posting(session, data, actor=actor, clock=app.clock, settings=app.settings)
        except ValidationFailed as exc:
            raise ValidationFailed([_as_flag(error, given) for error in exc.errors]) from exc
        if open_now:
            postings.set_status(session, posting, PostingStatus.OPEN, actor=actor, clock=app.clock)
        record = posting_record(posting, app.clock())
    if fmt == "json":
        emit_json(record)
    else:
        click.echo(f"posting {record['reference']} added ({record['status']}): {record['title']}")


# The option that sets each field, where it differs from the field's name.
_FLAGS = {
    "valid_through_date": "--deadline", "valid_through_time": "--deadline",
    "timezone": "--tz", "organisation": "--org", "hiring_organization_name": "--employer",
    "job_start_date": "--start-date", "working_time_percent": "--working-time",
}


def _as_flag(error: DomainError, given: set[str]) -> DomainError:
    """Name the option the user typed rather than the field behind it."""
    if error.field in given:
        flag = _FLAGS.get(error.field, "--" + error.field.replace("_", "-"))
        return DomainError(flag, error.code, **error.params)
    return error


@posting_group.command("list")
@click.option("--status", type=STATUS_CHOICE, help="Only postings in this status.")
@click.option("--org", "organisation", metavar="SLUG", help="Only this organisation's postings.")
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--per-page", type=click.IntRange(1, 500), default=50, show_default=True)
@FORMAT_OPTION
@pass_app
def posting_list(app: AppContext, status: str | None, organisation: str | None, page: int,
                 per_page: int, fmt: str) -> None:
    """Postings sorted by deadline, with the days left in each posting's time zone and the
    number of applications per status."""
    show_posting_list(app, fmt=fmt, status=status, organisation=organisation, page=page,
                      per_page=per_page)


def show_posting_list(app: AppContext, *, fmt: str, status: str | None,
                      organisation: str | None, page: int, per_page: int) -> None:
    with app.transaction() as session:
        result = postings.list_postings(session, status=status, organisation=organisation,
                                        page=page, per_page=per_page, actor=app.actor(session))
        now = app.clock()
        # each posting's summary: its requirements, documents and interviews are not read
        records = [(posting_summary(row.posting, now), row.counts) for row in result.rows]
    if fmt == "json":
        emit_json({
            "page": result.page, "per_page": result.per_page, "has_next": result.has_next,
            "postings": [
                {**_summary(record), "applications": {s.value: n for s, n in counts.items()}}
                for record, counts in records
            ],
        })
        return
    if not records:
        click.echo(t("No postings.") if page == 1 else t("No postings on page %(page)s.",
                                                          page=str(page)))
        return
    rows = []
    for record, counts in records:
        deadline = record["deadline"]
        when = " ".join(filter(None, [deadline["date"], deadline["time"]])) or "-"
        apps = "\n".join(f"{n} {word(ApplicationStatus, s).lower()}"
                         for s, n in sorted(counts.items()))
        rows.append([
            record["reference"],
            f"{record['title']}\n[dim]{record['hiring_organization_name']}[/dim]",
            f"{when}\n{deadline['timezone']}", days_left_text(deadline["days_left"]),
            word(PostingStatus, record["status"]), apps or "0",
        ])
    title = t("Postings (page %(page)s, more: --page %(next)s)", page=str(result.page),
              next=str(page + 1)) if result.has_next else t("Postings (page %(page)s)",
                                                            page=str(result.page))
    headers = [t("Reference"), t("Title"), t("Deadline"), t("Left"), t("Status"), t("Apps")]
    print_tables(table(title, headers, rows, no_wrap=[headers[i] for i in (0, 2, 3, 4)]))


def _summary(record: dict[str, Any]) -> dict[str, Any]:
    keys = ("reference", "title", "status", "organisation", "hiring_organization_name",
            "employment_type", "deadline")
    return {key: record[key] for key in keys}


@posting_group.command("show")
@click.argument("reference")
@FORMAT_OPTION
@pass_app
def posting_show(app: AppContext, reference: str, fmt: str) -> None:
    """Every field of the posting REFERENCE, its requirements and interviews (in TRACKER_LANG)."""
    from tracker.services.reference.salary import salary_check

    lang = cli_lang()
    with app.transaction() as session:
        actor = app.actor(session)
        posting = postings.get_posting(session, reference, actor=actor)
        record = posting_record_for(posting, app.clock(), actor)
        record["salary_check"] = salary_check(posting, clock=app.clock, lang=lang).as_dict()
    if fmt == "json":
        emit_json(record)
        return
    deadline, apply, salary = record["deadline"], record["apply"], record["salary"]
    check = record["salary_check"]
    place = ", ".join(filter(None, [record["address_locality"], record["address_country"]]))
    employment = word(EmploymentType, record["employment_type"])
    if record["duration_months"]:
        employment += ", " + t("%(months)s months", months=str(record["duration_months"]))
    general = fields_table(f"{record['reference']}: {record['title']}", [
        (t("Organisation"), record["hiring_organization_name"]
         + (f" ({record['organisation']})" if record["organisation"] else "")),
        (t("Department"), record["department"]),
        (t("Location"), record["location"]),
        (t("Address"), place),
        (t("Status"), f"{word(PostingStatus, record['status'])} "
                      f"({word(Visibility, record['visibility'])})"),
        (t("Category"), record["category"]),
        (t("Employment"), employment),
        (t("Working time"), f"{record['working_time_percent']} %"
         if record["working_time_percent"] else None),
        (t("Start"), record["job_start_date"]),
        (t("Posted"), record["date_posted"]),
        (t("Deadline"), f"{deadline['local']} ({deadline['timezone']}), UTC {deadline['utc']}, "
         f"{days_left_text(deadline['days_left'])}" if deadline["date"] else None),
        (t("Apply"), " ".join(filter(None, [word(ApplyMethod, apply["method"]), apply["email"],
                                             apply["url"]]))),
        (t("Contact"), apply["contact"]),
        (t("Salary"), f"{salary['min'] or ''}-{salary['max'] or ''} {salary['currency']} "
         f"{word(SalaryPeriod, salary['period'])}" if salary["currency"] else None),
        (t("Salary check"), check["text"] if not check["comparisons"] else
         ", ".join(f"{t(_VERDICTS.get(c['verdict'], c['verdict']))} ({c['source']})"
                   for c in check["comparisons"])),
        (t("Occupation"), f"{record['occupation']['title']} ({record['occupation']['slug']})"
         if record["occupation"] else None),
        (t("Certification"), f"{record['certification']['code']}: "
         f"{record['certification']['title']}" if record["certification"] else None),
        (t("Source"), ", ".join(filter(None, [record["source_url"], t("source text kept")
                                              if record["has_source_text"] else None]))),
        (t("Created"), _utc(record["created_at"])),
        (t("Updated"), _utc(record["updated_at"])),
    ])
    sections = [fields_table(None, [(label(name, lang), record[name])])
                for name in ("context", "missions", "working_conditions", "benefits")]
    # the amounts without their thousands separators: a line never breaks inside a number
    comparisons = [[t(_VERDICTS.get(c["verdict"], c["verdict"])),
                    re.sub(r"(?<=\d) (?=\d{3}\b)", "", c["text"])]
                   for c in check["comparisons"]]
    reqs = [
        [word(RequirementKind, kind), item["label"]
         + (f"\n[dim]{t('from %(skill)s', skill=item['occupation_skill'])}[/dim]"
            if item.get("occupation_skill") else ""),
         item["level"], label("required" if item["required"] else "preferred", lang)]
        for kind, items in record["requirements"].items() for item in items
    ]
    interviews = [
        [i["id"], f"{i['date']} {i['time'] or '(' + label('all_day', lang) + ')'}"
                  f"\n{i['timezone']}",
         f"{i['duration_minutes']} min" if i["time"] else "",
         f"#{i['application_id']}" if i["application_id"] else t("all"),
         "\n".join(filter(None, [i["place"], i["video_url"]]
                          + [f"{m['name']} <{m['email']}>" for m in i["panel"]])),
         word(InterviewStatus, i["status"]) + (f": {i['outcome']}" if i["outcome"] else "")]
        for i in record["interviews"]
    ]
    print_tables(
        general, *sections,
        *([table(t("Salary against the market"), [t("Verdict"), t("Comparison")], comparisons)]
          if comparisons else []),
        table(t("Requirements (%(count)s)", count=len(reqs)),
              [t("Kind"), t("Requirement"), t("Level"), ""], reqs)
        if reqs else t("Requirements: none"),
        table(t("Documents asked for"), [t("Kind"), t("Label"), ""],
              [[word(DocumentKind, d["kind"]), d["label"],
                label("required" if d["required"] else "optional", lang)]
               for d in record["required_documents"]])
        if record["required_documents"] else t("Documents asked for: none"),
        table(t("Interviews (interview days and scheduled interviews)"),
              ["#", t("When"), t("Length"), t("For"), t("Where and panel"), t("Status")],
              interviews, no_wrap=["#"])
        if interviews else t("Interviews: none"),
    )


# The salary check's verdicts, as the command line says them.
_VERDICTS = {"below": "below the range", "within": "within the range",
             "above": "above the range", "straddles": "across the range",
             "not_applicable": "not comparable", "too_old": "reference too old"}


def _utc(value: str | None) -> str | None:
    return value.replace("T", " ").replace("Z", " UTC") if value else None


@posting_group.command("update")
@click.argument("reference")
@click.option("--file", "path", required=True, metavar="FILE",
              help="The fields to change, as YAML or JSON ('-' for stdin); requirements, when "
                   "given, replace the list (tracker reference requirements proposes one).")
@FORMAT_OPTION
@pass_app
def posting_update(app: AppContext, reference: str, path: str, fmt: str) -> None:
    """Change fields of the posting REFERENCE from a file; the whole posting is checked again."""
    changes = parse_data_file(path)
    with app.transaction() as session:
        actor = app.actor(session)
        posting = postings.get_posting(session, reference, actor=actor)
        postings.update_posting(session, posting, changes, actor=actor, clock=app.clock, settings=app.settings)
        record = posting_record(posting, app.clock())
    if fmt == "json":
        emit_json(record)
    else:
        click.echo(f"posting {reference} updated: {', '.join(sorted(changes))}")


def _status_command(name: str, target: PostingStatus, help_text: str) -> click.Command:
    @posting_group.command(name, help=help_text)
    @click.argument("reference")
    @pass_app
    def command(app: AppContext, reference: str) -> None:
        with app.transaction() as session:
            actor = app.actor(session)
            posting = postings.get_posting(session, reference, actor=actor)
            postings.set_status(session, posting, target, actor=actor, clock=app.clock)
        click.echo(t("posting %(reference)s is now %(status)s", reference=reference,
                     status=target))

    return command


_status_command("open", PostingStatus.OPEN, "Open the posting REFERENCE to applications.")
_status_command("close", PostingStatus.CLOSED, "Close the posting REFERENCE to applications.")
_status_command("cancel", PostingStatus.CANCELLED, "Cancel the posting REFERENCE (final).")
_status_command("fill", PostingStatus.FILLED, "Mark the posting REFERENCE as filled (final).")
