"""The `tracker` command as a user runs it: what it prints, what it writes."""

import json
import re
from datetime import UTC, datetime

import click
import pytest
import sqlalchemy as sa
import yaml

from tests.cli.helpers import assert_refused
from tests.conftest import POSTING, SAMPLES
from tracker.cli import main
from tracker.domain.access import OPERATOR
from tracker.models import Posting, PostingStatus
from tracker.services.accounts import users
from tracker.services.hiring import applications

SAMPLE_YAML = SAMPLES / "posting-ujm-charge-cooperation-internationale.yaml"


def subcommands(group: click.Group) -> dict[str, click.Command]:
    """Every subcommand, imported (the groups load their commands lazily: tracker/cli/lazy.py)."""
    context = click.Context(group)
    return {name: command for name in group.list_commands(context)
            if (command := group.get_command(context, name)) is not None}


def commands(group: click.Group = main, path: tuple[str, ...] = ()):
    for name, command in sorted(subcommands(group).items()):
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))


COMMANDS = dict(commands())


def words(text: str) -> str:
    return " ".join(text.split())


def test_every_command_is_known():
    assert sorted(" ".join(path) for path in COMMANDS) == [
        "application", "application fit", "application list", "application move", "application show", "apply",
        "audit", "audit list", "backup", "backup create", "backup restore", "backup verify",
        "db", "db check", "db upgrade", "demo", "doctor", "document", "document add", "document list",
        "document remove", "dossier", "dossier application", "dossier batch", "dossier panel",
        "dossier posting", "export", "export ics", "interview", "interview cancel", "interview list", "interview reschedule", "interview schedule",
        "message", "message edit", "message list", "message show",
        "notifications", "notifications list",
        "org", "org add", "org list", "org privacy-notice", "org retention", "org usage",
        "posting", "posting add", "posting cancel",
        "posting close", "posting export", "posting fill", "posting import", "posting list",
        "posting open", "posting show",
        "posting update",
        "privacy", "privacy erase", "privacy export", "privacy requests", "privacy retention",  # #13
        "reference", "reference list", "reference load", "reference requirements",
        "reference show",
        "reminders", "reminders due", "reminders list", "reminders offsets", "reminders retry",
        "reminders run", "reminders switch", "scheduler",
        "serve", "user", "user add", "user invite", "user list", "user logout", "user token", "user token create", "user token list",
        "user token revoke", "worker",
    ]


def test_main_help(cli):
    result = cli("--help")
    assert result.exit_code == 0 and result.stderr == ""
    assert re.match(r"Usage: (tracker|main) \[OPTIONS\] COMMAND \[ARGS\]\.\.\.", result.output)
    text = words(result.output)
    assert "Recruitment job-posting tracker: postings, applications, interviews and deadlines." in text
    assert "TRACKER_DATABASE_URL" in text and "--as EMAIL" in text
    for name in subcommands(main):
        assert f" {name} " in text
    assert cli("-h").output == result.output


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
def test_every_command_has_help(cli, path):
    command = COMMANDS[path]
    result = cli([*path, "--help"])
    assert result.exit_code == 0, result.output
    # (the runner names the program after the function, a shell after the script: tracker)
    assert re.match(rf"Usage: (tracker|main) {re.escape(' '.join(path))} ", result.output)
    first_sentence = words(command.help).split(". ")[0]
    assert len(first_sentence.split()) >= 2 and first_sentence in words(result.output)
    for param in command.params:
        for opt in param.opts if isinstance(param, click.Option) else ():
            assert opt in result.output
    if isinstance(command, click.Group):
        for name in subcommands(command):
            assert f" {name} " in words(result.output)


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0 and result.output.startswith("tracker, version ")


# -- organisations and users ------------------------------------------------------------------


def test_org_add_and_list(cli, session):
    result = cli(["org", "add", "--slug", "ujm", "--name", "Université Jean Monnet",
                  "--country", "fr", "--locality", "Saint-Étienne"])
    assert result.exit_code == 0
    assert result.output == "organisation ujm added: Université Jean Monnet (Europe/Paris)\n"
    cli("org add --slug npr --name 'New Paris Research' --timezone America/New_York")
    listed = json.loads(cli("org list --format json").output)
    retention = {"applications_months": 24, "accounts_months": 36, "talent_pool_months": 24,
                 "own_privacy_notice": []}
    assert listed == [
        {"slug": "npr", "name": "New Paris Research", "timezone": "America/New_York",
         "retention": retention},
        {"slug": "ujm", "name": "Université Jean Monnet", "timezone": "Europe/Paris",
         "retention": retention},
    ]
    table = cli("org list").output
    assert "ujm" in table and "Université Jean Monnet" in table


def test_user_add_with_password_from_stdin(cli, session):
    cli("org add --slug ujm --name UJM")
    result = cli("user add --email RH@Univ-St-Etienne.fr --name 'Claire Dubois' --role hr "
                 "--org ujm --password-stdin", input="secret-password-1\n")
    assert result.exit_code == 0, result.output
    assert result.output == "user rh@univ-st-etienne.fr added (HR)\n"
    user = users.get_user(session, "rh@univ-st-etienne.fr")
    assert user.full_name == "Claire Dubois" and user.organisation.slug == "ujm"
    assert user.password_hash.startswith("$argon2")
    assert users.verify_password(user, "secret-password-1")
    assert not users.verify_password(user, "secret-password-1\n")


def test_user_add_without_password(cli, session):
    result = cli("user add --email camille@example.org --name 'Camille Martin' "
                 "--role candidate --locale en --timezone America/Montreal --no-password")
    assert result.exit_code == 0 and result.output == "user camille@example.org added (Candidate)\n"
    user = users.get_user(session, "camille@example.org")
    assert (user.locale.value, user.timezone, user.password_hash) == (
        "en", "America/Montreal", None)


# -- postings -----------------------------------------------------------------------------------


def add_sample(cli, *extra: str):
    assert cli("org add --slug ujm --name 'Université Jean Monnet'").exit_code == 0
    result = cli(["posting", "add", "--file", str(SAMPLE_YAML), "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_posting_add_from_the_sample_yaml(cli, session):
    record = add_sample(cli)
    assert record["reference"] == "UJM-DRI-2024-CCI"
    assert record["status"] == "draft" and record["organisation"] == "ujm"
    assert record["deadline"] == {
        "date": "2024-05-13", "time": None, "timezone": "Europe/Paris",
        "utc": "2024-05-13T21:59:59Z", "local": "2024-05-13T23:59:59+02:00", "days_left": 28,
    }
    assert [(i["date"], i["time"], i["starts_at_utc"]) for i in record["interviews"]] == [
        ("2024-05-22", None, "2024-05-21T22:00:00Z")]
    assert sum(len(items) for items in record["requirements"].values()) == 37
    assert record["required_documents"] == [
        {"kind": "cv", "label": "CV", "required": True},
        {"kind": "cover_letter", "label": "Lettre de motivation", "required": True},
    ]
    posting = session.scalars(sa.select(Posting)).one()
    assert posting.valid_through == datetime(2024, 5, 13, 21, 59, 59, tzinfo=UTC)


def test_posting_update_refuses_a_level_that_cannot_be_read(cli, posting):
    requirements = [{"kind": "knowledge", "label": "Erasmus+"},
                    {"kind": "education", "label": "Bac + 5", "level": "Bac+5"},
                    {"kind": "language", "label": "Anglais", "level": "B7"}]
    refused = cli(f"posting update {posting.reference} --file -",
                  input=yaml.safe_dump({"requirements": requirements}))
    assert_refused(refused, "requirements[2].level", "a CEFR level: A1, A2, B1, B2, C1 or C2",
                   "(got 'B7')")
    shown = json.loads(cli(f"posting show {posting.reference} --format json").output)
    assert shown["requirements"]["language"][0]["level"] == "B2"  # nothing saved
    requirements[2]["level"] = "C1"
    saved = cli(f"posting update {posting.reference} --file -",
                input=yaml.safe_dump({"requirements": requirements}))
    assert saved.exit_code == 0, saved.output


def test_posting_add_flags_override_the_file(cli):
    record = add_sample(cli, "--reference", "UJM-2", "--deadline", "20/05/2024 12:00", "--open")
    assert (record["reference"], record["status"]) == ("UJM-2", "open")
    assert record["deadline"]["date"] == "2024-05-20" and record["deadline"]["time"] == "12:00"
    assert record["deadline"]["utc"] == "2024-05-20T10:00:00Z"
    assert record["title"] == "Chargé de coopération internationale"  # from the file


def test_posting_add_from_a_json_file(cli, session, tmp_path):
    cli("org add --slug ujm --name 'Université Jean Monnet'")
    path = tmp_path / "posting.json"
    data = {**POSTING, "reference": "UJM-JSON-1", "valid_through_time": "16:30",
            "timezone": "America/New_York", "salary_min": "2400", "salary_max": 2800.5,
            "salary_currency": "eur", "salary_period": "month",
            "interviews": [{"date": "22/05/2024", "time": "10:00", "place": "Salle 2"}]}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = cli(f"posting add --file {path} --format json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["reference"] == "UJM-JSON-1"
    assert record["deadline"]["utc"] == "2024-05-13T20:30:00Z"  # 16:30 EDT
    assert record["salary"] == {"min": "2400.00", "max": "2800.50", "currency": "EUR",
                                "period": "month"}
    assert record["requirements"] == {
        "language": [{"label": "Anglais", "level": "B2", "required": True}],
        "education": [{"label": "Bac + 5", "level": "Bac+5", "required": True}],
    }
    [interview] = record["interviews"]
    assert (interview["starts_at_utc"], interview["place"]) == ("2024-05-22T14:00:00Z", "Salle 2")


def test_posting_add_from_flags(cli):
    cli("org add --slug ujm --name 'Université Jean Monnet'")
    result = cli(["posting", "add", "--title", "Chargé de mission Europe", "--org", "ujm",
                  "--employment-type", "permanent", "--deadline", "13/05/2024 12:00",
                  "--date-posted", "2024-04-15", "--start-date", "03/06/2024",
                  "--working-time", "80", "--category", "A", "--apply-email",
                  "RH@Univ-St-Etienne.fr", "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["reference"] == "UJM-2024-001"  # generated
    assert (record["title"], record["employment_type"], record["working_time_percent"]) == (
        "Chargé de mission Europe", "permanent", 80)
    assert (record["date_posted"], record["job_start_date"]) == ("2024-04-15", "2024-06-03")
    assert record["deadline"] == {
        "date": "2024-05-13", "time": "12:00", "timezone": "Europe/Paris",
        "utc": "2024-05-13T10:00:00Z", "local": "2024-05-13T12:00:00+02:00", "days_left": 28,
    }
    assert record["apply"]["method"] == "email"
    assert record["apply"]["email"] == "rh@univ-st-etienne.fr"
    text = cli(["posting", "add", "--title", "Second", "--org", "ujm", "--employment-type",
                "internship"]).output
    assert text == "posting UJM-2024-002 added (draft): Second\n"


def test_posting_list_table(cli, posting):
    result = cli("posting list")
    assert result.exit_code == 0
    [row] = [line for line in result.output.splitlines() if "UJM-TEST-1" in line]
    assert "2024-05-13" in row and "28 d" in row and "open" in row
    assert "Europe/Paris" in result.output
    # the days left follow the clock, in the posting's zone
    cli.clock.now = datetime(2024, 5, 12, 22, 30, tzinfo=UTC)  # 00:30 on the 13th in Paris
    assert "today" in cli("posting list").output
    cli.clock.now = datetime(2024, 5, 13, 21, 0, tzinfo=UTC)
    assert "today" in cli("posting list").output
    cli.clock.now = datetime(2024, 5, 15, 9, 0, tzinfo=UTC)
    assert "2 d ago" in cli("posting list").output


def test_posting_list_json_sorted_by_deadline_with_counts(cli, session, posting, candidate,
                                                          clock):
    for reference, deadline in (("LATER", "2024-06-01"), ("SOONER", "01/05/2024 09:00"),
                                ("NONE", None)):
        args = ["posting", "add", "--title", reference, "--org", "ujm", "--reference",
                reference, "--employment-type", "permanent", "--open"]
        assert cli([*args, *(["--deadline", deadline] if deadline else [])]).exit_code == 0
    applications.move(session, applications.start(session, posting, candidate, clock=clock, actor=OPERATOR),
                      "submitted", actor=candidate, clock=clock)
    for n in range(2):
        other = users.create_user(session, email=f"c{n}@example.org", full_name=f"C {n}",
                                  role="candidate", clock=clock, actor=OPERATOR)
        applications.start(session, posting, other, clock=clock, actor=OPERATOR)
    session.flush()
    data = json.loads(cli("posting list --format json").output)
    assert (data["page"], data["per_page"], data["has_next"]) == (1, 50, False)
    assert [p["reference"] for p in data["postings"]] == ["SOONER", "UJM-TEST-1", "LATER", "NONE"]
    assert [p["deadline"]["days_left"] for p in data["postings"]] == [16, 28, 47, None]
    assert [p["applications"] for p in data["postings"]] == [
        {}, {"submitted": 1, "draft": 2}, {}, {}]
    assert data["postings"][0]["deadline"]["utc"] == "2024-05-01T07:00:00Z"
    page = json.loads(cli("posting list --format json --per-page 3").output)
    assert page["has_next"] and len(page["postings"]) == 3
    page = json.loads(cli("posting list --format json --per-page 3 --page 2").output)
    assert [p["reference"] for p in page["postings"]] == ["NONE"] and not page["has_next"]
    only = json.loads(cli("posting list --format json --status draft").output)
    assert only["postings"] == []



def test_posting_list_reads_the_same_statements_for_two_postings_or_ten(
        cli, connection, posting, candidate):
    """The listing shows each posting's summary: none of their requirements, documents,
    occupation or interviews is read, one posting at a time."""
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    def listing() -> tuple[int, list[str]]:
        statements.clear()
        sa.event.listen(connection, "before_cursor_execute", count)
        try:
            shown = json.loads(cli("posting list --format json").output)["postings"]
        finally:
            sa.event.remove(connection, "before_cursor_execute", count)
        return len(shown), list(statements)

    args = ["posting", "add", "--org", "ujm", "--employment-type", "permanent", "--open"]
    assert cli([*args, "--title", "Second", "--reference", "R-2"]).exit_code == 0
    two = listing()
    for n in range(3, 11):
        assert cli([*args, "--title", f"Posting {n}", "--reference", f"R-{n}"]).exit_code == 0
    ten = listing()
    assert (two[0], ten[0]) == (2, 10)
    assert len(ten[1]) == len(two[1]), ten[1]


POSTING_FIELDS = {
    "reference", "title", "status", "visibility", "organisation", "hiring_organization_name",
    "department", "location", "address_locality", "address_country", "category",
    "employment_type", "duration_months", "working_time_percent", "job_start_date",
    "date_posted", "deadline", "apply", "salary", "context", "missions", "working_conditions",
    "benefits", "requirements", "required_documents", "interviews", "source_url",
    "has_source_text", "created_at", "updated_at",
    "occupation", "certification", "salary_check",  # issue #7
}


def test_posting_show_json(cli, posting):
    result = cli("posting show UJM-TEST-1 --format json")
    assert result.exit_code == 0
    record = json.loads(result.output)
    assert set(record) == POSTING_FIELDS
    assert record["deadline"] == {
        "date": "2024-05-13", "time": None, "timezone": "Europe/Paris",
        "utc": "2024-05-13T21:59:59Z", "local": "2024-05-13T23:59:59+02:00", "days_left": 28,
    }
    assert (record["status"], record["visibility"], record["organisation"]) == (
        "open", "public", "ujm")
    assert record["apply"] == {"method": "email", "email": "recrutementsujm@univ-st-etienne.fr",
                               "url": None, "contact": None}
    assert (record["duration_months"], record["working_time_percent"], record["job_start_date"],
            record["date_posted"]) == (6, 100, "2024-06-03", "2024-04-15")
    assert record["created_at"] == "2024-04-15T08:00:00Z"


def test_posting_show_table(cli, posting):
    result = cli("posting show UJM-TEST-1")
    assert result.exit_code == 0
    text = words(result.output)
    assert "UJM-TEST-1: Chargé de coopération internationale" in text
    assert "2024-05-13T23:59:59+02:00 (Europe/Paris), UTC 2024-05-13T21:59:59Z, 28 d" in text
    assert "Fixed-term, 6 months" in text and "Anglais" in text and "B2" in text


def test_posting_open_close_cancel(cli, session, hr):
    cli("posting add --title T --org ujm --reference R1 --employment-type permanent")

    def status():
        session.expire_all()
        return session.scalars(sa.select(Posting.status).where(Posting.reference == "R1")).one()

    assert status() is PostingStatus.DRAFT
    for command, expected in (("open", "open"), ("close", "closed"), ("open", "open"),
                              ("cancel", "cancelled")):
        result = cli(f"posting {command} R1")
        assert result.exit_code == 0 and result.output == f"posting R1 is now {expected}\n"
        assert status() == expected
    result = cli("posting open R1")
    assert result.exit_code == 1
    assert result.stderr == "error: status: a posting cannot go from cancelled to open\n"
    assert status() is PostingStatus.CANCELLED
    cli("posting add --title T --org ujm --reference R2 --employment-type permanent --open")
    assert cli("posting fill R2").output == "posting R2 is now filled\n"
