"""`tracker interview reschedule` and `tracker interview cancel` (issue #14, item 4): what they
say, what they refuse, and that the change reaches the candidate's calendar export (same UID,
SEQUENCE raised, STATUS:CANCELLED) and survives a second `tracker demo`."""

from datetime import datetime
from zoneinfo import ZoneInfo

import icalendar

from tests.cli.helpers import assert_refused
from tests.cli.test_cli_lists import CAMILLE, HR, JORDAN, REFERENCE, as_json, demo  # noqa: F401
from tracker.models import InterviewStatus

PARIS = ZoneInfo("Europe/Paris")


def camille_slot(cli, demo) -> dict:  # noqa: F811
    [slot] = as_json(cli, f"interview list --application {demo[CAMILLE]} --format json")[
        "interviews"]
    return slot


def exported(cli) -> dict[str, icalendar.Event]:
    """Camille's calendar as `tracker export ics` prints it, by UID."""
    result = cli(f"export ics --user {CAMILLE}")
    assert result.exit_code == 0, result.output
    calendar = icalendar.Calendar.from_ical(result.output.encode())
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_reschedule_reaches_the_candidates_calendar_export(cli, demo):  # noqa: F811
    slot = camille_slot(cli, demo)
    uid = f"interview-{slot['id']}@posting-tracker"
    before = exported(cli)
    assert before[uid]["SEQUENCE"] == 0
    assert str(before[uid]["SUMMARY"]).startswith("Entretien : ")  # Camille reads French
    # the posting's interview day is not a second interview beside her own slot
    assert [u for u in before if u.startswith("interview-")] == [uid]

    moved = cli(["--as", HR, "interview", "reschedule", str(slot["id"]),
                 "--at", "2024-05-23 14:30", "--duration", "60", "--place", "Salle B"])
    assert moved.exit_code == 0, moved.output
    assert moved.output.splitlines() == [
        f"interview #{slot['id']} moved from 2024-05-22 10:00 CEST (Europe/Paris) to "
        "2024-05-23 14:30 CEST (Europe/Paris), 60 min",
        "told by e-mail with the updated invitation: Camille Martin"]
    after = exported(cli)[uid]
    assert after.decoded("DTSTART") == datetime(2024, 5, 23, 14, 30, tzinfo=PARIS)
    assert after.decoded("DTEND") == datetime(2024, 5, 23, 15, 30, tzinfo=PARIS)
    assert str(after["LOCATION"]) == "Salle B"
    assert after["SEQUENCE"] == 1 and str(after["STATUS"]) == "CONFIRMED"

    # a second `tracker demo` leaves the interview a user moved as it is
    again = cli("demo --no-dossiers --as-published")
    assert again.exit_code == 0, again.output
    assert camille_slot(cli, demo)["starts_at_local"] == "2024-05-23T14:30:00+02:00"


def test_cancel_asks_first_then_reaches_the_calendar_export(cli, demo, session):  # noqa: F811
    slot = camille_slot(cli, demo)
    uid = f"interview-{slot['id']}@posting-tracker"
    exported(cli)
    asked = cli(["--as", HR, "interview", "cancel", str(slot["id"]), "--reason", "Jury absent"])
    assert asked.exit_code == 1 and asked.stdout == ""
    assert asked.stderr.strip() == (
        f"interview #{slot['id']} of {REFERENCE} (Camille Martin): 2024-05-22 10:00 CEST "
        "(Europe/Paris) would be cancelled and Camille Martin told by e-mail; nothing done: "
        "run again with --yes to cancel it")
    assert camille_slot(cli, demo)["status"] == InterviewStatus.SCHEDULED.value

    done = cli(["--as", HR, "interview", "cancel", str(slot["id"]), "--reason", "Jury absent",
                "--yes"])
    assert done.exit_code == 0, done.output
    assert done.output.splitlines()[1] == "told by e-mail: Camille Martin"
    listed = camille_slot(cli, demo)
    assert (listed["status"], listed["outcome"]) == ("cancelled", "Jury absent")
    event = exported(cli)[uid]  # the same event, marked cancelled
    assert str(event["STATUS"]) == "CANCELLED" and event["SEQUENCE"] == 1
    assert not event.walk("VALARM")

    again = cli(["--as", HR, "interview", "cancel", str(slot["id"]), "--yes"])
    assert_refused(again, "status", "cancelled interview cannot be cancelled")
    moved = cli(["--as", HR, "interview", "reschedule", str(slot["id"]), "--at", "2024-06-01"])
    assert_refused(moved, "status", "cancelled interview cannot move")


def test_refusals_name_the_option(cli, demo):  # noqa: F811
    slot = camille_slot(cli, demo)
    assert_refused(cli(["--as", HR, "interview", "reschedule", str(slot["id"]),
                        "--at", "2024-04-01 10:00"]), "--at", "in the past")
    assert_refused(cli(["--as", HR, "interview", "reschedule", str(slot["id"]),
                        "--at", "2024-05-30 10:00", "--zone", "Mars/Olympus"]), "timezone")
    assert_refused(cli(["--as", HR, "interview", "reschedule", str(slot["id"]),
                        "--at", "someday"]), "--at")
    # a candidate moves or cancels no interview, not even their own
    assert_refused(cli(["--as", CAMILLE, "interview", "cancel", str(slot["id"]), "--yes"]),
                   "interview", "may not")
    assert_refused(cli(["--as", JORDAN, "interview", "reschedule", str(slot["id"]),
                        "--at", "2024-05-30 10:00"]), "interview")
    assert_refused(cli(["--as", HR, "interview", "cancel", "999999", "--yes"]), "interview",
                   "no interview #999999")
    # scheduling a second slot says to move the first one, and changes nothing
    refused = cli(["--as", HR, "interview", "schedule", "--posting", REFERENCE,
                   "--application", str(demo[CAMILLE]), "--at", "2024-05-30 10:00"])
    line = assert_refused(refused, "--application", f"interview #{slot['id']}",
                          f"tracker interview reschedule {slot['id']}", "--replace")
    assert "already has" in line
    assert camille_slot(cli, demo)["date"] == "2024-05-22"
