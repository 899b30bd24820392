"""`tracker audit list`: the log filtered by record, actor, action and day, as a table or
JSON; an admin with --as may read it, hr and candidates may not."""

from __future__ import annotations

import json

import pytest

from tests.cli.helpers import assert_refused
from tracker.domain.access import OPERATOR
from tracker.services.accounts import users
from tracker.services.hiring import applications, evidence


@pytest.fixture
def reviewed(session, posting, candidate, hr, clock):
    app = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    clock.advance(minutes=1)
    applications.move(session, app, "submitted", actor=candidate, clock=clock)
    clock.advance(minutes=1)
    evidence.add_note(session, app, "Très bon dossier", actor=hr, clock=clock)
    session.flush()
    return app


def test_the_trail_of_a_posting_by_its_reference_as_json(cli, posting):
    result = cli(["audit", "list", "--entity", f"posting:{posting.reference}",
                  "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["action"], r["who"], r["entity"]) for r in rows] == [
        ("posting.open", "Claire Dubois <rh@univ-st-etienne.fr>", f"posting:{posting.id}"),
        ("posting.create", "Claire Dubois <rh@univ-st-etienne.fr>", f"posting:{posting.id}")]
    assert rows[0]["at"] == "2024-04-15T08:00:00+00:00" and rows[0]["details"] == {
        "from": "draft"}


def test_filters_by_actor_action_and_day_as_a_table(cli, reviewed):
    result = cli("audit list --actor rh@univ-st-etienne.fr --action note --since 2024-04-15 "
                 "--until 2024-04-15")
    assert result.exit_code == 0, result.output
    # the name may wrap in its column (how wide the ids are differs between databases)
    assert "note.add" in result.output and {"Claire", "Dubois"} <= set(result.output.split())
    assert "application.move" not in result.output
    assert "Très bon dossier" not in result.output
    application = cli(["audit", "list", "--entity", f"application:{reviewed.id}",
                       "--format", "json"])
    assert [r["action"] for r in json.loads(application.output)] == [
        "note.add", "application.move", "application.start"]
    later = cli("audit list --since 2024-04-16")
    assert later.exit_code == 0 and "No audit entries match." in later.output


@pytest.mark.parametrize(("args", "field", "words"), [
    ("audit list --since 15/04/2024", "--since", ["is not a date"]),
    ("audit list --actor nobody@example.org", "actor", ["no account has this e-mail address"]),
    ("audit list --entity spaceship:1", "entity", ["unknown entity type"]),
    ("audit list --since 2024-05-02 --until 2024-05-01", "until", ["must not be before"]),
])
def test_mistakes_are_named(cli, posting, args, field, words):
    assert_refused(cli(args), field, *words)


def test_an_admin_may_read_it_hr_and_candidates_may_not(cli, session, posting, hr, candidate,
                                                        clock):
    users.create_user(session, email="admin@example.org", full_name="Ada Admin", role="admin",
                      clock=clock, actor=OPERATOR)
    session.flush()
    assert cli("--as admin@example.org audit list --action posting").exit_code == 0
    for email in (hr.email, candidate.email):
        refused = cli(f"--as {email} audit list")
        assert refused.exit_code == 1 and "only an admin reads the whole audit log" in (
            refused.output)
