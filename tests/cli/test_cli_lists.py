"""`tracker user list`, `tracker interview list` and `tracker export ics --feed-token` (issue
#14, item 10), with the rights of --as applied by the services."""

import json
import re
import shlex

import pytest
from click.testing import CliRunner

from tests.cli.helpers import assert_refused
from tests.web.conftest import web_settings
from tracker.app import create_app
from tracker.cli import main
from tracker.cli.context import AppContext
from tracker.config import Settings
from tracker.domain.access import OPERATOR
from tracker.models import User
from tracker.services.accounts import organisations, sessions, users

REFERENCE = "UJM-DRI-2024-CCI"
HR = "drh.recrutement@demo.univ-st-etienne.fr"
CAMILLE = "camille.martin@example.org"
JORDAN = "jordan.smith@example.org"


@pytest.fixture(autouse=True)
def eighty_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


@pytest.fixture
def demo(cli, session, clock) -> dict:
    """The demo as published (deadline 13 May 2024, interviews on 22 May), and another
    organisation with its own hr user."""
    assert cli("demo --no-dossiers --as-published").exit_code == 0
    organisations.create_organisation(session, slug="lyon2", name="Université Lumière Lyon 2",
                                      clock=clock, actor=OPERATOR)
    users.create_user(session, email="rh@univ-lyon2.fr", full_name="Paul Girard", role="hr",
                      organisation="lyon2", clock=clock, actor=OPERATOR)
    session.flush()
    listed = json.loads(cli("application list --format json").output)["applications"]
    return {a["candidate"]: a["id"] for a in listed}


def as_json(cli, args: str):
    result = cli(args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


# -- user list ---------------------------------------------------------------------------------


def test_user_list_everyone_for_the_operator(cli, session, demo, clock):
    hr = session.query(User).filter_by(email=HR).one()
    sessions.start_session(session, hr, actor=OPERATOR, device="test", ip=None, clock=clock)
    jordan = session.query(User).filter_by(email=JORDAN).one()
    jordan.is_active = False
    session.flush()
    listed = as_json(cli, "user list --format json")
    assert [(u["role"], u["organisation"], u["email"]) for u in listed] == [
        ("candidate", None, CAMILLE), ("candidate", None, JORDAN),
        ("hr", "lyon2", "rh@univ-lyon2.fr"), ("hr", "ujm", HR)]
    by_email = {u["email"]: u for u in listed}
    assert by_email[HR]["last_login"] == "2024-04-15T08:00:00Z"
    assert by_email[CAMILLE]["last_login"] is None
    assert by_email[HR]["full_name"] == "Claire Dubois"
    assert (by_email[JORDAN]["active"], by_email[CAMILLE]["active"]) == (False, True)

    table = cli("user list")
    assert table.exit_code == 0, table.output
    text = " ".join(table.output.split())
    assert "Users (4)" in text
    assert re.search(r" hr +ujm +Claire Dubois +2024-04-15 08:00", table.output)
    assert re.search(r" candidate +- +Jordan Smith +never", table.output)
    assert "inactive" in table.output and HR in table.output.split()


def test_user_list_filters(cli, demo):
    assert [u["email"] for u in as_json(cli, "user list --role hr --format json")] == [
        "rh@univ-lyon2.fr", HR]
    assert [u["email"] for u in as_json(cli, "user list --org ujm --format json")] == [HR]
    assert [u["email"] for u in as_json(cli, "user list --org ujm --role candidate "
                                             "--format json")] == []
    assert cli("user list --org ujm --role candidate").output == "No users.\n"
    assert_refused(cli("user list --org nowhere"), "--org", "nowhere")
    assert cli("user list --role boss").exit_code == 2  # click names the choices


def test_user_list_rights(cli, demo):
    # hr see their own organisation's people only
    assert [u["email"] for u in as_json(cli, f"--as {HR} user list --format json")] == [HR]
    assert [u["email"] for u in as_json(cli, "--as rh@univ-lyon2.fr user list --format json")
            ] == ["rh@univ-lyon2.fr"]
    assert_refused(cli(f"--as {HR} user list --org lyon2"), "--org", "own organisation")
    # a candidate sees nobody
    assert_refused(cli(f"--as {CAMILLE} user list"), "--as", "admins and hr")


# -- interview list ----------------------------------------------------------------------------


def test_interview_list_times_in_the_organisations_zone(cli, demo):
    camille = demo[CAMILLE]
    # hr schedules one more in place of hers, given in New York time: 10:00 EDT is 16:00 in
    # Saint-Étienne (the one it replaces is listed, cancelled)
    scheduled = cli(["--as", HR, "interview", "schedule", "--posting", REFERENCE,
                     "--application", str(camille), "--at", "2024-05-23 10:00",
                     "--tz", "America/New_York", "--duration", "30", "--replace"])
    assert scheduled.exit_code == 0, scheduled.output
    listed = as_json(cli, "interview list --format json")["interviews"]
    assert [(i["date"], i["time"], i["candidate"]) for i in listed] == [
        ("2024-05-22", None, None), ("2024-05-22", "10:00", "Camille Martin"),
        ("2024-05-23", "10:00", "Camille Martin")]
    assert [i["starts_at_organisation"] for i in listed] == [
        "2024-05-22 00:00 CEST", "2024-05-22 10:00 CEST", "2024-05-23 16:00 CEST"]
    assert {i["organisation_timezone"] for i in listed} == {"Europe/Paris"}

    table = cli("interview list")
    assert table.exit_code == 0, table.output
    day, _, third = (i["id"] for i in listed)
    assert re.search(rf"#{day} +all\b.* 2024-05-22 .* scheduled", table.output)
    third_row = re.search(rf"#{third} +Camille\b.* 2024-05-23 .*\n.*\n", table.output)
    assert third_row and "16:00 CEST" in third_row.group()  # the time in Saint-Étienne
    assert "30 min" in table.output and "(all day)" in table.output
    assert "Direction de" in table.output


def test_interview_list_filters(cli, demo):
    camille = demo[CAMILLE]
    ids = lambda args: [i["id"] for i in as_json(cli, f"interview list {args} --format json")[  # noqa: E731
        "interviews"]]
    day, slot = ids("")
    assert ids(f"--posting {REFERENCE}") == [day, slot]
    assert ids(f"--application {camille}") == [slot]
    assert ids(f"--application {demo[JORDAN]}") == []
    assert ids("--from 2024-05-22 --to 2024-05-22") == [day, slot]
    assert ids("--from 23/05/2024") == []
    assert ids("--to 2024-05-21") == []
    assert cli("interview list --to 2024-05-21").output == "No interviews.\n"
    assert_refused(cli("interview list --from 2024-05-23 --to 2024-05-22"), "--to", "before")
    assert_refused(cli("interview list --from tomorrow"), "--from")
    assert_refused(cli("interview list --posting NOPE"), "--posting", "NOPE")


def test_interview_list_rights(cli, demo):
    def seen(who: str) -> list[tuple]:
        listed = as_json(cli, f"--as {who} interview list --format json")["interviews"]
        return [(i["id"], i["candidate"]) for i in listed]

    day, slot = (i["id"] for i in as_json(cli, "interview list --format json")["interviews"])
    assert seen(HR) == [(day, None), (slot, "Camille Martin")]
    assert seen(CAMILLE) == [(day, None), (slot, "Camille Martin")]
    # another candidate sees the posting's interview day, not Camille's interview
    assert seen(JORDAN) == [(day, None)]
    # hr of another organisation: the public posting's day only
    assert seen("rh@univ-lyon2.fr") == [(day, None)]
    assert_refused(cli(f"--as {JORDAN} interview list --application {demo[CAMILLE]}"),
                   "application")


# -- export ics --feed-token -------------------------------------------------------------------


def invoke(cli, args: str, settings: Settings | None = None):
    app = AppContext(session_factory=cli.factory, clock=cli.clock, _schema_checked=True,
                     given_settings=settings)
    return CliRunner().invoke(main, shlex.split(args), obj=app, catch_exceptions=False)


def test_feed_token_prints_the_url_of_the_feed(cli, demo, tmp_path):
    settings = web_settings(tmp_path, public_url="https://recrutement.example.org/")
    result = invoke(cli, f"export ics --user {CAMILLE} --feed-token", settings)
    assert result.exit_code == 0, result.output
    url = result.stdout.strip()
    assert re.fullmatch(r"https://recrutement\.example\.org/calendar/[\w-]{40,}\.ics", url)
    assert "secret" in result.stderr
    # the same address each time, until revoked
    assert invoke(cli, f"export ics --user {CAMILLE} --feed-token", settings).stdout.strip() == url
    # and the web face serves the calendar there
    web = create_app(settings, session_factory=cli.factory, clock=cli.clock)
    answer = web.test_client().get(url.removeprefix("https://recrutement.example.org"))
    assert answer.status_code == 200
    assert answer.content_type.startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" in answer.data


def test_feed_token_without_a_public_url_prints_the_path_and_how_to_set_it(cli, demo,
                                                                           tmp_path):
    result = invoke(cli, f"export ics --user {CAMILLE} --feed-token", web_settings(tmp_path))
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"/calendar/[\w-]{40,}\.ics\n", result.stdout)
    assert "TRACKER_PUBLIC_URL" in result.stderr
    revoked = invoke(cli, f"export ics --user {CAMILLE} --revoke", web_settings(tmp_path))
    assert revoked.stdout == f"calendar feed token of {CAMILLE} revoked\n"
    again = invoke(cli, f"export ics --user {CAMILLE} --feed-token", web_settings(tmp_path))
    assert again.stdout != result.stdout
