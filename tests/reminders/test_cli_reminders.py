"""`tracker reminders ...` and `tracker notifications list`, as a user sees them."""

import json
from datetime import UTC, datetime

import pytest

from tests.cli.helpers import assert_refused, row_counts
from tests.reminders.conftest import rows
from tracker.config import get_settings
from tracker.domain.access import OPERATOR

AT = "2024-05-06T09:00+02:00"  # 7 days before the 13/05/2024 deadline, 09:00 in Paris


def test_demo_as_published_reminds_the_draft_candidate_once(cli, session, settings, smtp):
    assert cli("demo --as-published").exit_code == 0
    result = cli(f"reminders due --at {AT} --format json")
    assert result.exit_code == 0, result.output
    due = json.loads(result.output)
    assert due["at"] == "2024-05-06T09:00:00+02:00"
    assert [(d["recipient"], d["kind"], d["offset"], d["channel"], d["action"])
            for d in due["due"]] == [
        ("jordan.smith@example.org", "deadline_draft", "-7d@09:00", "in_app", "send"),
        ("jordan.smith@example.org", "deadline_draft", "-7d@09:00", "email", "send"),
    ]
    assert {d["due_at_local"] for d in due["due"]} == {"2024-05-06T09:00:00+02:00"}
    assert due["due"][0]["title"].startswith("Deadline in 7 days")  # Jordan reads English
    for _ in range(3):
        result = cli(f"reminders run --once --at {AT}")
        assert result.exit_code == 0, result.output
    assert len(smtp.inbox.messages) == 1
    [message] = smtp.inbox.messages
    assert smtp.inbox.recipients == [["jordan.smith@example.org"]]
    assert "13 May 2024 23:59 (Europe/Paris), in 7 days" in (
        message.get_body(("plain",)).get_content())
    result = cli("notifications list --user jordan.smith@example.org --format json")
    inbox = json.loads(result.output)
    assert inbox["unread"] == 1 and len(inbox["notifications"]) == 1
    assert inbox["notifications"][0]["title"] == message["Subject"]
    assert json.loads(cli(f"reminders due --at {AT} --format json").output)["due"] == []
    # the 12 May replay shows the deadline reminders for 13/05/2024: the 2-day one goes out
    later = json.loads(cli("reminders due --at 2024-05-12T09:00+02:00 --format json").output)
    actions = {(d["offset"], d["channel"]): d["action"] for d in later["due"]
               if d["kind"] == "deadline_draft"}
    assert actions == {("-2d@09:00", "in_app"): "send", ("-2d@09:00", "email"): "send"}


def test_run_prints_what_it_sent_and_the_list_shows_it(cli, session, application, clock,
                                                      settings, smtp):
    result = cli(f"reminders run --once --at {AT}")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1] == "2 sent, 0 expired or cancelled, 0 to retry, 0 failed"
    assert any(line.startswith("sent #") and "in_app to camille@example.org: Date limite dans 7 jours"
               in line for line in lines)
    listed = json.loads(cli("reminders list --status sent --format json").output)["reminders"]
    assert {(r["channel"], r["status"], r["offset"]) for r in listed} == {
        ("in_app", "sent", "-7d@09:00"), ("email", "sent", "-7d@09:00")}
    email_row = next(r for r in listed if r["channel"] == "email")
    assert email_row["message_id"] == smtp.inbox.messages[0]["Message-ID"]
    assert email_row["sent_at"] == "2024-05-06T07:00:00Z"
    table = cli("reminders list --status sent").output
    assert "2024-05-06 09:00 CEST" in table and "camille@example.o" in table
    assert cli("reminders list --status failed").output.strip() == "no reminders with status failed"
    table = cli("notifications list --user camille@example.org").output
    assert "camille@example.org: 1 unread" in table and "Date limite dans 7 jours" in table


def test_dry_run_and_due_change_nothing(cli, session, application, settings, smtp):
    before = row_counts(session)
    statuses = [r.status for r in rows(session)]
    result = cli(f"reminders run --once --at {AT} --dry-run")
    assert result.exit_code == 0, result.output
    assert "send" in result.output and "Date limite dans 7 jours" in result.output
    assert cli(f"reminders due --at {AT}").exit_code == 0
    assert row_counts(session) == before and [r.status for r in rows(session)] == statuses
    assert smtp.inbox.messages == []


@pytest.mark.parametrize(("value", "words"), [
    ("tomorrow", ["'tomorrow' is not an ISO date and time"]),
    ("2024-05-06T09:00", ["has no UTC offset"]),
    ("2024-13-06T09:00+02:00", ["is not an ISO date and time"]),
])
def test_bad_at_values_are_refused(cli, session, application, value, words):
    before = row_counts(session)
    for command in (f"reminders due --at {value}", f"reminders run --once --at {value}"):
        assert_refused(cli(command), "--at", *words)
    assert row_counts(session) == before


def test_retry_and_other_mistakes(cli, session, application, clock):
    assert_refused(cli("reminders retry 999999"), "ID 999999", "no reminder #999999")
    pending = rows(session, status="pending")[0]
    assert_refused(cli(f"reminders retry {pending.id}"), f"ID {pending.id}", "is pending")
    assert_refused(cli("reminders retry"), "ID", "give reminder IDs or --failed")
    assert_refused(cli("reminders run"), "--once", "tracker scheduler")
    assert_refused(cli("notifications list --user nobody@example.org"), "--user")


def test_switches_and_offsets_from_the_command_line(cli, session, application, candidate, clock):
    result = cli("reminders switch --user camille@example.org --channel email off")
    assert result.exit_code == 0, result.output
    assert {r.channel.value for r in rows(session, status="pending",
                                          recipient_user_id=candidate.id)} == {"in_app"}
    result = cli("reminders offsets --org ujm --kind deadline_draft -- -3d@08:00")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "deadline_draft for ujm: -3d@08:00"
    assert [(r.offset_spec, r.due_at) for r in rows(session, status="pending",
                                                    recipient_user_id=candidate.id)] == [
        ("-3d@08:00", datetime(2024, 5, 10, 6, tzinfo=UTC))]
    assert_refused(cli("reminders offsets --org ujm --kind deadline_draft -- soon"), "offsets",
                   "'soon' is not an offset")
    assert_refused(cli("reminders offsets --org ujm --kind later -- -1d"), "kind",
                   "'later' is not a reminder kind")
    # without --, an offset reads as an option: the error says what to do, as the help does
    assert_refused(cli("reminders offsets --org ujm --kind deadline_draft -10d@09:00 -2d@09:00"),
                   "offsets", "'-10d@09:00' starts with '-'", "put -- before the offsets")
    assert "--kind deadline_draft -- -10d@09:00 -3d@09:00" in cli(
        "reminders offsets --help").output
    assert cli("reminders offsets --org ujm --kind deadline_draft --bogus").exit_code == 2


def test_the_outbox_is_the_operators_and_an_inbox_its_owners(cli, session, application, hr,
                                                           clock):
    assert_refused(cli("--as camille@example.org reminders list"), "--as", "operator")
    assert_refused(cli(f"--as {hr.email} reminders run --once --at {AT}"), "--as", "operator")
    assert_refused(cli(f"--as {hr.email} notifications list --user camille@example.org"),
                   "--user", "your own")
    result = cli("--as camille@example.org notifications list --user camille@example.org")
    assert result.exit_code == 0 and result.output.strip() == "no notifications for camille@example.org"
    result = cli("--as camille@example.org reminders switch --user camille@example.org off")
    assert result.exit_code == 0, result.output
    assert rows(session, status="pending", recipient_user_id=application.candidate_id) == []


def test_after_an_smtp_outage_every_failed_reminder_is_retried_at_once(
    cli, session, session_factory, posting, application, clock, settings, smtp, monkeypatch
):
    """The SMTP server is down for longer than the retry period (one hour here): the e-mails
    end failed, and the list says why. The operator retries some by ID, then every failed
    one."""
    from tests.reminders.conftest import run
    from tracker.services.accounts import users
    from tracker.services.hiring import applications

    for n in (1, 2):
        other = users.create_user(session, email=f"c{n}@example.org", full_name=f"C {n}",
                                  role="candidate", clock=clock, actor=OPERATOR)
        applications.start(session, posting, other, actor=other, clock=clock)
    session.commit()
    monkeypatch.setattr(settings, "reminder_retry_hours", 1)
    smtp.stop()
    clock.now = datetime(2024, 5, 6, 7, tzinfo=UTC)
    for _ in range(30):  # each run at the next attempt due, until none is left pending
        run(session_factory, clock)
        waiting = [r.next_attempt_at for r in rows(session, status="pending")
                   if r.channel.value == "email" and r.kind.value == "deadline_draft"
                   and r.offset_spec == "-7d@09:00"]
        if not waiting:
            break
        clock.now = max(clock(), min(waiting))
    failed = [r.id for r in rows(session, status="failed")]
    assert len(failed) == 3
    listed = cli("reminders list --status failed").output
    assert "retry period ran out" in listed and "ConnectionRefusedError" in listed
    smtp.start()
    line = assert_refused(cli(f"reminders retry {failed[0]} 999999 abc"), "ID 999999",
                          "no reminder #999999", "ID abc: not a reminder ID")
    assert str(failed[0]) not in line
    assert [r.id for r in rows(session, status="failed")] == failed  # all or nothing
    result = cli(f"reminders retry {failed[0]} {failed[1]}")
    assert result.exit_code == 0, result.output
    assert result.output == (f"2 reminders pending again (next run): #{failed[0]}, "
                             f"#{failed[1]}\n")
    result = cli("reminders retry --failed")
    assert result.output == f"1 reminder pending again (next run): #{failed[2]}\n"
    assert cli("reminders retry --failed").output == "no failed reminders to retry\n"
    assert len(run(session_factory, clock).sent) == 3
    assert sorted(to for [to] in smtp.inbox.recipients) == [
        "c1@example.org", "c2@example.org", "camille@example.org"]
    assert_refused(cli(f"reminders retry {failed[0]}"), f"ID {failed[0]}", "is sent")


def test_the_list_fits_80_columns_with_reasons_and_statuses_whole(cli, session, posting,
                                                                   application, hr, clock):
    from tracker.services.hiring import applications, postings

    clock.now = datetime(2024, 5, 5, 10, tzinfo=UTC)  # the deadline moves from 13 to 10 May
    postings.update_posting(session, posting, {"valid_through_date": "2024-05-10"}, actor=hr,
                            clock=clock, settings=get_settings())
    applications.move(session, application, "submitted", actor=application.candidate,
                      clock=clock)
    session.commit()
    reasons = {r.reason for r in rows(session) if r.reason}
    assert "planned after its time: due 2024-05-03 07:00Z, planned 2024-05-05 10:00Z" in reasons
    output = cli("reminders list").output
    lines = output.splitlines()
    assert max(len(line) for line in lines) <= 80, output
    header = next(line for line in lines if line.split()[:1] == ["id"])
    assert header.split() == ["id", "due", "(local)", "status", "what"]
    what = " ".join(line[header.index("what"):].strip() for line in lines)
    for reason in reasons:
        assert reason in what, (reason, output)
    status = [line[header.index("status"):header.index("what")].strip() for line in lines]
    assert {"cancelled", "expired", "pending"} <= set(status)
    assert "deadline_draft (email) to camille@example.org" in what
