"""A refused command says why in one line naming the field, exits with 1, and writes nothing."""

import json
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from tests.cli.helpers import assert_refused, row_counts
from tests.conftest import SAMPLES
from tracker.domain.access import OPERATOR
from tracker.models import Application, ApplicationStatus, Interview
from tracker.services.hiring import applications

SAMPLE_YAML = SAMPLES / "posting-ujm-charge-cooperation-internationale.yaml"


@pytest.fixture
def hired(session, posting, candidate, hr, clock):
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    for status in ("submitted", "under_review", "offer", "hired"):
        applications.move(session, app, status, actor=hr, clock=clock)
    session.flush()
    return app


@pytest.fixture
def submitted(session, posting, candidate, clock):
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    applications.move(session, app, "submitted", actor=candidate, clock=clock)
    session.flush()
    return app


# (arguments, field, words in the message)
REFUSED = [
    (["posting", "add", "--title", "T", "--org", "ujm", "--employment-type", "permanent",
      "--deadline", "31/02/2024"], "--deadline", ["'31/02/2024' is not a valid date"]),
    (["posting", "add", "--title", "T", "--org", "ujm", "--employment-type", "permanent",
      "--deadline", "2024-05-13 25:00"], "--deadline", ["is not a time"]),
    (["posting", "add", "--title", "T", "--org", "nope", "--employment-type", "permanent"],
     "organisation", ["no organisation with slug 'nope'"]),
    (["posting", "add", "--title", "T", "--org", "ujm", "--employment-type", "permanent",
      "--tz", "Europe/Pariss"], "--tz", ["unknown IANA time zone"]),
    (["posting", "add", "--title", "T", "--org", "ujm", "--employment-type", "permanent",
      "--reference", "UJM-TEST-1"], "reference", ["exists"]),
    (["posting", "add", "--title", "T", "--org", "ujm", "--employment-type", "permanent",
      "--deadline", "2024-03-31 02:30"], "--deadline", ["does not exist"]),
    (["posting", "add", "--title", "T", "--org", "ujm", "--employment-type", "permanent",
      "--apply-email", "nope"], "--apply-email", ["not a valid e-mail"]),
    (["posting", "add", "--org", "ujm", "--employment-type", "permanent"], "title",
     ["Field required"]),
    (["posting", "show", "NOPE"], "posting", ["no posting with reference 'NOPE'"]),
    (["posting", "open", "NOPE"], "posting", ["no posting with reference 'NOPE'"]),
    (["posting", "open", "UJM-TEST-1"], "status", ["posting cannot go from open to open"]),
    (["posting", "add", "--file", "/nonexistent/posting.yaml"], "--file",
     ["cannot read /nonexistent/posting.yaml"]),
    (["user", "add", "--email", "nope", "--name", "X", "--role", "candidate",
      "--no-password"], "email", ["'nope' is not a valid e-mail address"]),
    (["user", "add", "--email", "Camille@Example.org", "--name", "X", "--role", "candidate",
      "--no-password"], "email", ["a user with e-mail camille@example.org already exists"]),
    (["user", "add", "--email", "x@example.org", "--name", "X", "--role", "hr",
      "--no-password"], "organisation", ["an hr user must belong to an organisation"]),
    (["user", "add", "--email", "x@example.org", "--name", "X", "--role", "hr", "--org",
      "nope", "--no-password"], "organisation", ["no organisation with slug 'nope'"]),
    (["user", "add", "--email", "x@example.org", "--name", "X", "--role", "candidate",
      "--timezone", "Mars/Olympus", "--no-password"], "timezone", ["unknown IANA time zone"]),
    (["user", "add", "--email", "x@example.org", "--name", "X", "--role", "candidate"],
     "password", ["not a terminal; use --password-stdin or --no-password"]),
    (["org", "add", "--slug", "ujm", "--name", "Again"], "slug", ["already exists"]),
    (["org", "add", "--slug", "Not A Slug", "--name", "X"], "slug", ["not a valid slug"]),
    (["apply", "--posting", "NOPE", "--candidate", "camille@example.org"], "--posting",
     ["no posting with reference 'NOPE'"]),
    (["apply", "--posting", "UJM-TEST-1", "--candidate", "nobody@example.org"], "--candidate",
     ["no user with e-mail nobody@example.org"]),
    (["apply", "--posting", "UJM-TEST-1", "--candidate", "rh@univ-st-etienne.fr"], "candidate",
     ["is not a candidate"]),
    (["application", "show", "999999"], "application", ["no application #999999"]),
    (["application", "list", "--posting", "NOPE"], "posting", ["no posting"]),
    (["--as", "nobody@example.org", "posting", "open", "UJM-TEST-1"], "--as",
     ["no user with e-mail nobody@example.org"]),
    (["interview", "schedule", "--posting", "UJM-TEST-1", "--at", "2024-04-14"], "--at",
     ["the interview would start in the past"]),
    (["interview", "schedule", "--posting", "UJM-TEST-1", "--at", "2024-04-15 09:00"], "--at",
     ["the interview would start in the past"]),
    (["interview", "schedule", "--posting", "UJM-TEST-1", "--at", "2025-03-30 02:30"], "--at",
     ["2025-03-30 02:30 does not exist in Europe/Paris"]),
    (["interview", "schedule", "--posting", "UJM-TEST-1", "--at", "2024-05-22 10:00", "--tz",
      "Paris"], "timezone", ["unknown IANA time zone 'Paris'"]),
    (["interview", "schedule", "--posting", "UJM-TEST-1", "--at", "2024-05-22 10:00",
      "--panel", "A <a@example.org>", "--panel", "B <A@EXAMPLE.org>"], "panel[1].email",
     ["a@example.org is on the panel twice"]),
    (["interview", "schedule", "--posting", "UJM-TEST-1", "--at", "2024-05-22 10:00",
      "--panel", "no address"], "--panel", ["'no address' is not 'Name <email>'"]),
    (["interview", "schedule", "--posting", "UJM-TEST-1", "--at", "2024-05-22 10:00",
      "--video-url", "meet.example.org/x"], "video_url", ["is not an http(s) URL"]),
]


@pytest.mark.parametrize(("args", "field", "words"), REFUSED,
                         ids=[f"{' '.join(a[:2])}:{f}" for a, f, _ in REFUSED])
def test_refused_with_one_line_naming_the_field(cli, session, posting, candidate, args, field,
                                                words):
    before = row_counts(session)
    assert_refused(cli(args), field, *words)
    assert row_counts(session) == before


def test_transition_hired_to_draft(cli, session, hired):
    before = row_counts(session)
    line = assert_refused(cli(f"application move {hired.id} draft"), "status")
    assert line == "error: status: cannot move from Hired to Draft (allowed: none (final))"
    assert row_counts(session) == before
    session.expire_all()
    assert session.get(Application, hired.id).status is ApplicationStatus.HIRED


def test_submission_after_the_deadline_leaves_no_draft_behind(cli, session, posting,
                                                             candidate, clock):
    # `apply --submit` starts the application then submits it: both or neither
    clock.now = datetime(2024, 5, 13, 22, 0, tzinfo=UTC)  # 00:00 on the 14th in Paris
    before = row_counts(session)
    assert_refused(cli("apply --posting UJM-TEST-1 --candidate camille@example.org --submit"),
                   "submitted_at", "the deadline (2024-05-13 Europe/Paris) has passed")
    assert row_counts(session) == before
    assert before["application"] == 0


def test_posting_opened_after_its_deadline_is_not_added(cli, session, clock):
    cli("org add --slug ujm --name 'Université Jean Monnet'")
    clock.now = datetime(2024, 5, 14, 8, 0, tzinfo=UTC)
    before = row_counts(session)
    # created (with its requirements, documents and audit rows) then refused at --open
    result = cli(f"posting add --file {SAMPLE_YAML} --reference LATE --deadline 2024-05-13 "
                 "--open")
    assert_refused(result, "valid_through", "the deadline has passed")
    assert row_counts(session) == before


def test_posting_with_an_interview_in_the_past_is_not_added(cli, session, clock):
    cli("org add --slug ujm --name 'Université Jean Monnet'")
    clock.now = datetime(2024, 5, 23, 8, 0, tzinfo=UTC)  # the interview was on the 22nd
    before = row_counts(session)
    result = cli(f"posting add --file {SAMPLE_YAML}")
    assert_refused(result, "interviews[0]", "the interview would start in the past")
    assert row_counts(session) == before


def test_interview_for_a_draft_application_is_not_added(cli, session, posting, candidate,
                                                        clock):
    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    session.flush()
    before = row_counts(session)
    result = cli(f"interview schedule --posting UJM-TEST-1 --application {app.id} "
                 "--at '2024-05-22 10:00' --panel 'A <a@example.org>'")
    assert_refused(result, "application", "an application in status “Draft” cannot get an interview")
    assert row_counts(session) == before


def test_interview_for_an_application_of_another_posting(cli, session, submitted):
    cli("posting add --title Other --org ujm --reference OTHER --employment-type permanent")
    before = row_counts(session)
    result = cli(f"interview schedule --posting OTHER --application {submitted.id} "
                 "--at '2024-05-22 10:00'")
    assert_refused(result, "application", "the application is for another posting")
    assert row_counts(session) == before
    assert session.scalar(sa.select(sa.func.count()).select_from(Interview)) == 0


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("bad.yaml", "title: Chargé\nemployment_type: [fixed_term\norganisation: ujm\n",
         "invalid YAML at line 3, column 13"),
        ("bad.yml", "title: Chargé\n  reference: X\n", "invalid YAML at line 2, column 12"),
        ("bad.json", '{\n  "title": "Chargé",\n  "organisation": ujm\n}\n',
         "invalid JSON at line 3, column 19: Expecting value"),
        ("bad.json", '{"title": "Chargé",}', "invalid JSON at line 1, column 20"),
    ],
)
def test_invalid_file_names_line_and_column(cli, session, tmp_path, name, text, where):
    cli("org add --slug ujm --name UJM")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    before = row_counts(session)
    assert_refused(cli(f"posting add --file {path}"), "--file", where)
    assert row_counts(session) == before


@pytest.mark.parametrize("text", ["- a list\n- of things\n", "just text\n", "[1, 2]", ""])
def test_file_that_is_not_a_mapping(cli, session, tmp_path, text):
    path = tmp_path / "posting.yaml"
    path.write_text(text, encoding="utf-8")
    assert_refused(cli(f"posting add --file {path}"), "--file",
                   "expected a mapping of field names to values")


def test_invalid_fields_in_a_file_are_all_named_on_one_line(cli, session, tmp_path):
    cli("org add --slug ujm --name UJM")
    path = tmp_path / "posting.json"
    path.write_text(json.dumps({
        "title": "T", "organisation": "ujm", "employment_type": "gig",
        "working_time_percent": 120, "valid_through_date": "31/02/2024", "colour": "red",
    }), encoding="utf-8")
    before = row_counts(session)
    line = assert_refused(cli(f"posting add --file {path}"), "employment_type")
    for field in ("working_time_percent: ", "valid_through_date: ", "colour: unknown field"):
        assert field in line
    assert row_counts(session) == before


def test_password_rules_checked_before_anything_is_written(cli, session):
    before = row_counts(session)
    result = cli("user add --email x@example.org --name X --role candidate --password-stdin",
                 input="short\n")
    assert_refused(result, "password", "must be at least 12 characters long")
    result = cli("user add --email x@example.org --name X --role candidate --password-stdin",
                 input="")
    assert_refused(result, "password", "nothing read from standard input")
    assert row_counts(session) == before


def test_exclusive_flags(cli, session, posting, candidate):
    before = row_counts(session)
    result = cli("user add --email x@example.org --name X --role candidate --password-stdin "
                 "--no-password", input="secret-password-1\n")
    assert result.exit_code == 1
    assert result.stderr == "error: --password-stdin and --no-password exclude each other\n"
    result = cli("apply --posting UJM-TEST-1 --candidate camille@example.org --late")
    assert result.exit_code == 1 and result.stderr == "error: --late only goes with --submit\n"
    result = cli("interview schedule --posting UJM-TEST-1 --at 2024-05-22 --place P "
                 "--video-url https://meet.example.org/x")
    assert result.exit_code == 1
    assert result.stderr == "error: --place and --video-url exclude each other\n"
    assert row_counts(session) == before


def test_unreachable_database_is_one_line():
    from click.testing import CliRunner

    from tracker.cli import main
    from tracker.cli.context import AppContext
    from tracker.db import create_engine, make_session_factory

    engine = create_engine("postgresql+psycopg://postgres@127.0.0.1:9/nowhere")
    app = AppContext(session_factory=make_session_factory(engine))
    result = CliRunner().invoke(main, ["posting", "list"], obj=app)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: database: connection failed")


def test_empty_list_says_so(cli):
    result = cli("posting list")
    assert result.exit_code == 0 and result.output == "No postings.\n"
