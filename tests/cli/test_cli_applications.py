"""`tracker apply`, `application ...`, `interview schedule`, and acting as a user (--as)."""

import json
from datetime import UTC, date, datetime

import sqlalchemy as sa

from tests.cli.helpers import row_counts
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.models import Application, ApplicationStatus, Interview
from tracker.services.accounts import users


def words(text: str) -> str:
    return " ".join(text.split())


# -- applications and interviews --------------------------------------------------------------


def test_apply_then_submit_and_move(cli, session, posting, candidate, hr, tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text("Madame, Monsieur,\nje postule.", encoding="utf-8")
    result = cli(f"apply --posting UJM-TEST-1 --candidate Camille@Example.org "
                 f"--cover-letter {letter}")
    assert result.exit_code == 0
    app_id = session.scalars(sa.select(Application.id)).one()
    assert result.output == f"application #{app_id} of camille@example.org to UJM-TEST-1: draft\n"
    cli.clock.advance(days=1)
    result = cli(f"application move {app_id} submitted")
    assert result.output == f"application #{app_id}: draft -> submitted\n"
    result = cli(["application", "move", str(app_id), "under_review", "--comment",
                  "Dossier complet"])
    assert result.exit_code == 0
    record = json.loads(cli(f"application show {app_id} --format json").output)
    assert record["status"] == "under_review"
    assert record["cover_letter"] == "Madame, Monsieur,\nje postule."
    assert record["submitted_at"] == "2024-04-16T08:00:00Z" and record["is_late"] is False
    assert record["candidate"] == {"name": "Camille Martin", "email": "camille@example.org"}
    assert [(h["from"], h["to"], h["by"], h["at"], h["comment"]) for h in record["history"]] == [
        (None, "draft", "camille@example.org", "2024-04-15T08:00:00Z", None),
        ("draft", "submitted", None, "2024-04-16T08:00:00Z", None),
        ("submitted", "under_review", None, "2024-04-16T08:00:00Z", "Dossier complet"),
    ]
    assert [r["label"] for r in record["requirements"]] == ["Anglais", "Bac + 5"]
    table = words(cli(f"application show {app_id}").output)
    assert f"Application #{app_id} to UJM-TEST-1" in table
    assert "Submitted 2024-04-16 10:00 CEST" in table and "Dossier complet" in table


def test_apply_and_submit_at_once(cli, session, posting, candidate):
    result = cli("apply --posting UJM-TEST-1 --candidate camille@example.org --submit")
    assert result.exit_code == 0 and result.output.endswith(": submitted\n")
    app = session.scalars(sa.select(Application)).one()
    assert app.status is ApplicationStatus.SUBMITTED
    # the submission is the candidate's own
    assert [h.changed_by_id for h in app.history] == [candidate.id, candidate.id]


def test_operator_records_a_late_submission(cli, session, posting, candidate, clock):
    clock.now = datetime(2024, 5, 14, 8, 0, tzinfo=UTC)
    result = cli("apply --posting UJM-TEST-1 --candidate camille@example.org --submit --late")
    assert result.exit_code == 0, result.output
    assert result.output.endswith(": submitted (late)\n")
    app = session.scalars(sa.select(Application)).one()
    assert app.is_late and app.submitted_at == clock.now


def test_application_list(cli, session, posting, candidate, clock):
    cli("apply --posting UJM-TEST-1 --candidate camille@example.org --submit")
    for n in range(3):
        users.create_user(session, email=f"c{n}@example.org", full_name=f"Cand {n}",
                          role="candidate", clock=clock, actor=OPERATOR)
        session.flush()
        assert cli(f"apply --posting UJM-TEST-1 --candidate c{n}@example.org").exit_code == 0
    data = json.loads(cli("application list --format json").output)
    assert [a["candidate"] for a in data["applications"]] == [
        "c2@example.org", "c1@example.org", "c0@example.org", "camille@example.org"]
    first = data["applications"][-1]
    assert (first["posting"], first["name"], first["status"], first["is_late"]) == (
        "UJM-TEST-1", "Camille Martin", "submitted", False)
    assert datetime.fromisoformat(first["submitted_at"]) == clock.now
    submitted = json.loads(cli("application list --status submitted --format json").output)
    assert [a["candidate"] for a in submitted["applications"]] == ["camille@example.org"]
    mine = json.loads(cli("application list --candidate c1@example.org --format json").output)
    assert [a["candidate"] for a in mine["applications"]] == ["c1@example.org"]
    page = json.loads(cli("application list --per-page 3 --page 1 --format json").output)
    assert len(page["applications"]) == 3 and page["has_next"]
    table = cli("application list --posting UJM-TEST-1 --per-page 3").output
    assert "more: --page 2" in table and "Cand 2" in table and "Camille Martin" not in table
    table = cli("application list --status submitted").output
    assert "Camille Martin" in table and "2024-04-15 10:00" in table


def test_interview_schedule(cli, session, posting, candidate, hr):
    cli("apply --posting UJM-TEST-1 --candidate camille@example.org --submit")
    app_id = session.scalars(sa.select(Application.id)).one()
    result = cli(["interview", "schedule", "--posting", "UJM-TEST-1", "--application",
                  str(app_id), "--at", "22/05/2024 10:00", "--duration", "30", "--place",
                  "Salle 2", "--panel", "Claire Dubois <RH@univ-st-etienne.fr>", "--panel",
                  "Directrice RI <dri@univ-st-etienne.fr>", "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert (record["date"], record["time"], record["timezone"]) == (
        "2024-05-22", "10:00", "Europe/Paris")
    assert record["starts_at_utc"] == "2024-05-22T08:00:00Z"
    assert record["starts_at_local"] == "2024-05-22T10:00:00+02:00"
    assert (record["duration_minutes"], record["place"], record["application_id"]) == (
        30, "Salle 2", app_id)
    assert record["panel"] == [
        {"name": "Claire Dubois", "email": "rh@univ-st-etienne.fr"},
        {"name": "Directrice RI", "email": "dri@univ-st-etienne.fr"},
    ]
    shown = json.loads(cli(f"application show {app_id} --format json").output)
    assert shown["status"] == "interview"
    assert shown["history"][-1]["comment"] == "interview on 2024-05-22 10:00 (Europe/Paris)"
    result = cli("interview schedule --posting UJM-TEST-1 --at 2024-05-23")
    assert result.exit_code == 0
    assert result.output.startswith("interview #")
    assert result.output.endswith("for UJM-TEST-1: 2024-05-23T00:00:00+02:00 (Europe/Paris), "
                                  "45 min\n")
    assert session.scalar(sa.select(sa.func.count()).select_from(Interview)) == 2


# -- acting as a user (--as) -----------------------------------------------------------------


def test_hr_of_another_organisation_may_not_open_the_posting(cli, session, hr):
    cli("posting add --title T --org ujm --reference R1 --employment-type permanent")
    cli("org add --slug other --name Other")
    cli("user add --email rh@other.example --name 'R H' --role hr --org other --no-password")
    before = row_counts(session)
    # another organisation's draft is not even visible to them
    result = cli("--as rh@other.example posting open R1")
    assert result.exit_code == 1
    assert result.stderr == "error: posting: no posting with reference 'R1'\n"
    assert row_counts(session) == before
    result = cli("--as rh@univ-st-etienne.fr posting open R1")
    assert result.exit_code == 0 and result.output == "posting R1 is now open\n"
    # once open they see it, and still may not change it
    before = row_counts(session)
    result = cli("--as rh@other.example posting close R1")
    assert result.exit_code == 1
    assert result.stderr == "error: posting: you may not change this posting\n"
    assert row_counts(session) == before


def test_what_each_user_may_see(cli, session, posting, candidate, clock):
    other = users.create_user(session, email="jordan@example.org", full_name="Jordan Smith",
                              role="candidate", clock=clock, actor=OPERATOR)
    session.flush()
    assert cli("apply --posting UJM-TEST-1 --candidate camille@example.org").exit_code == 0
    assert cli("apply --posting UJM-TEST-1 --candidate jordan@example.org").exit_code == 0
    cli("--as jordan@example.org posting add --title Mine --employer NGO "
        "--employment-type permanent --private")
    listed = json.loads(cli("--as camille@example.org application list --format json").output)
    assert [a["candidate"] for a in listed["applications"]] == ["camille@example.org"]
    hr = "--as rh@univ-st-etienne.fr application list --format json"
    assert json.loads(cli(hr).output)["applications"] == []  # drafts: the candidates' own
    assert cli("--as camille@example.org application move "
               f"{listed['applications'][0]['id']} submitted").exit_code == 0
    assert [a["candidate"] for a in json.loads(cli(hr).output)["applications"]] == [
        "camille@example.org"]
    mine = json.loads(cli("--as jordan@example.org posting list --format json").output)
    theirs = json.loads(cli("--as camille@example.org posting list --format json").output)
    assert sorted(p["title"] for p in mine["postings"]) == ["Chargé de coopération internationale", "Mine"]
    assert [p["title"] for p in theirs["postings"]] == ["Chargé de coopération internationale"]
    jordans = [a for a in json.loads(cli("application list --format json").output)["applications"]
               if a["candidate"] == "jordan@example.org"][0]
    result = cli(f"--as camille@example.org application show {jordans['id']}")
    assert result.exit_code == 1
    assert result.stderr == f"error: application: no application #{jordans['id']}\n"
    assert other.id


def test_candidate_acting_as_themself(cli, session, posting, candidate, clock):
    other = users.create_user(session, email="jordan@example.org", full_name="Jordan Smith",
                              role="candidate", clock=clock, actor=OPERATOR)
    session.flush()
    result = cli("--as jordan@example.org apply --posting UJM-TEST-1 "
                 "--candidate camille@example.org")
    assert result.exit_code == 1
    assert result.stderr == "error: candidate: candidates apply for themselves only\n"

    result = cli("--as camille@example.org apply --posting UJM-TEST-1 "
                 "--candidate camille@example.org --submit")
    assert result.exit_code == 0 and result.output.endswith(": submitted\n")
    app = session.scalars(sa.select(Application)).one()
    assert [h.changed_by_id for h in app.history] == [candidate.id, candidate.id]
    assert other.id not in {h.changed_by_id for h in app.history}

    result = cli(f"--as camille@example.org application move {app.id} under_review")
    assert result.exit_code == 1
    assert result.stderr == "error: status: you may not move this application to Under review\n"
    result = cli(f"--as jordan@example.org application move {app.id} withdrawn")
    assert result.exit_code == 1
    result = cli(f"--as camille@example.org application move {app.id} withdrawn")
    assert result.exit_code == 0
    session.expire_all()
    assert session.get(Application, app.id).status is ApplicationStatus.WITHDRAWN


def test_candidate_may_not_record_a_late_submission(cli, session, posting, candidate, clock):
    clock.now = datetime(2024, 5, 14, tzinfo=UTC)
    result = cli("--as camille@example.org apply --posting UJM-TEST-1 "
                 "--candidate camille@example.org --submit --late")
    assert result.exit_code == 1
    assert result.stderr == "error: late: only the employer may record a late submission\n"
    assert session.scalar(sa.select(sa.func.count()).select_from(Application)) == 0
    result = cli("--as rh@univ-st-etienne.fr apply --posting UJM-TEST-1 "
                 "--candidate camille@example.org --name 'Camille Martin' --submit --late")
    assert result.exit_code == 0 and result.output.endswith(": submitted (late)\n")


def test_as_environment_variable(cli, session, posting, candidate, monkeypatch):
    monkeypatch.setenv("TRACKER_AS", "camille@example.org")
    result = cli("apply --posting UJM-TEST-1 --candidate camille@example.org")
    assert result.exit_code == 0
    app = session.scalars(sa.select(Application)).one()
    assert app.history[0].changed_by_id == candidate.id
    assert app.created_at.date() == date(2024, 4, 15)


def test_hr_of_another_organisation_may_not_apply_for_a_candidate(cli, session, posting,
                                                                  candidate):
    cli("org add --slug other --name Other")
    cli("user add --email rh@other.example --name 'R H' --role hr --org other --no-password")
    before = row_counts(session)
    result = cli("--as rh@other.example apply --posting UJM-TEST-1 "
                 "--candidate camille@example.org")
    assert result.exit_code == 1
    assert result.stderr == "error: posting: you may not start applications to this posting\n"
    assert row_counts(session) == before
    # the posting's own HR may record one it received (submitted, linked to no account)
    result = cli("--as rh@univ-st-etienne.fr apply --posting UJM-TEST-1 "
                 "--candidate camille@example.org --name 'Camille Martin'")
    assert result.exit_code == 0 and result.output.endswith(": submitted\n")


def test_posting_show_hides_another_candidates_interview(cli, session, posting, candidate, hr,
                                                         clock):
    from tracker.services.hiring import applications as apps
    from tracker.services.hiring import interviews

    other = users.create_user(session, email="jordan@example.org", full_name="Jordan Smith",
                              role="candidate", clock=clock, actor=OPERATOR)
    mine = apps.start(session, posting, candidate, actor=candidate, clock=clock)
    apps.move(session, mine, "submitted", actor=candidate, clock=clock)
    interviews.schedule(session, posting, day=date(2024, 5, 22), application=mine, actor=hr,
                        clock=clock)
    session.flush()

    def shown(who: str) -> int:
        result = cli(f"--as {who} posting show UJM-TEST-1 --format json")
        assert result.exit_code == 0, result.output
        return len(json.loads(result.output)["interviews"])

    assert (shown("camille@example.org"), shown("jordan@example.org"),
            shown("rh@univ-st-etienne.fr")) == (1, 0, 1)
    assert other.id


def test_application_fit_table_keeps_every_word_of_every_reason(cli, session, clock):
    """At 80 columns (the CliRunner's width) no reason loses a character to cropping: each
    word of each reason is in the table whole ("the B asked" was "the B2 asked")."""
    from tracker.services.operations.demo import load_demo, prepare_documents

    demo = load_demo(session, as_published=True, clock=clock, settings=get_settings(),
              documents=prepare_documents(settings=get_settings()))
    for application_id in demo.application_ids:
        for lang in ("en", "fr"):
            table = cli(f"application fit {application_id} --lang {lang}")
            assert table.exit_code == 0, table.output
            assert max(len(line) for line in table.output.splitlines()) <= 80
            shown = set(table.output.split())
            data = json.loads(cli(f"application fit {application_id} --lang {lang} "
                                  "--format json").output)
            for line in data["lines"]:
                missing = [w for w in line["reason"].split() if w not in shown]
                assert not missing, (line["reason"], missing)
