"""`tracker demo`: the Jean Monnet posting, its HR user and two candidates, moved near today."""

import hashlib
import io
import json
import re
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from tests.cli.helpers import row_counts
from tests.conftest import SAMPLES
from tracker.db import Base
from tracker.models import (
    Application,
    Document,
    Interview,
    Reminder,
    ReminderStatus,
    User,
)
from tracker.services.hiring import documents

REFERENCE = "UJM-DRI-2024-CCI"
PUBLISHED_DEADLINE = date(2024, 5, 13)  # a Monday
PUBLISHED_INTERVIEW = date(2024, 5, 22)  # a Wednesday
PUBLISHED_START = date(2024, 6, 3)


def show(cli) -> dict:
    result = cli(f"posting show {REFERENCE} --format json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def table_row(output: str) -> str:
    [row] = [line for line in output.splitlines() if line.lstrip().startswith(REFERENCE)]
    return row


def expected_deadline(today: date) -> date:
    """The one day 7 to 13 days after `today` on the weekday of the published deadline."""
    [day] = [today + timedelta(days=n) for n in range(7, 14)
             if (today + timedelta(days=n)).weekday() == PUBLISHED_DEADLINE.weekday()]
    return day


@pytest.mark.parametrize(
    ("now", "today"),
    [(datetime(2024, 4, 15 + n, 8, 0, tzinfo=UTC), date(2024, 4, 15 + n)) for n in range(7)]
    + [
        # 22:30 UTC on Monday is 00:30 on Tuesday in Paris: the posting's zone decides
        (datetime(2024, 4, 22, 22, 30, tzinfo=UTC), date(2024, 4, 23)),
        # and another year, across the change to winter time
        (datetime(2026, 10, 20, 12, 0, tzinfo=UTC), date(2026, 10, 20)),
    ],
    ids=lambda value: value.isoformat()[:16],
)
def test_deadline_moves_7_to_13_days_ahead_on_the_same_weekday(cli, session, clock, now, today):
    clock.now = now
    result = cli("demo --no-dossiers")
    assert result.exit_code == 0, result.output
    record = show(cli)
    deadline = date.fromisoformat(record["deadline"]["date"])
    assert deadline == expected_deadline(today)
    assert deadline.weekday() == PUBLISHED_DEADLINE.weekday()
    shift = deadline - PUBLISHED_DEADLINE
    assert shift.days % 7 == 0
    assert 7 <= record["deadline"]["days_left"] == (deadline - today).days <= 13
    assert record["deadline"]["time"] is None
    assert record["deadline"]["timezone"] == "Europe/Paris"
    # 23:59:59 local time that day, whatever the offset then
    utc = datetime.fromisoformat(record["deadline"]["utc"].replace("Z", "+00:00"))
    assert record["deadline"]["local"].startswith(f"{deadline.isoformat()}T23:59:59+0")
    assert utc.astimezone(UTC).date() == deadline
    # every date of the posting moves with it
    assert record["job_start_date"] == (PUBLISHED_START + shift).isoformat()
    assert [i["date"] for i in record["interviews"]] == [(PUBLISHED_INTERVIEW + shift).isoformat()] * 2
    slot = next(i for i in record["interviews"] if i["application_id"] is not None)
    assert slot["time"] == "10:00"
    # what the table shows
    row = table_row(result.output)
    assert deadline.isoformat() in row and f"{(deadline - today).days} d" in row


def test_as_published_keeps_the_real_dates(cli, session):
    result = cli("demo --no-dossiers --as-published")
    assert result.exit_code == 0, result.output
    record = show(cli)
    assert record["deadline"]["date"] == "2024-05-13"
    assert record["deadline"]["utc"] == "2024-05-13T21:59:59Z"
    assert record["job_start_date"] == "2024-06-03"
    assert {i["date"] for i in record["interviews"]} == {"2024-05-22"}
    row = table_row(result.output)
    assert "2024-05-13" in row and "28 d" in row and "open" in row


def test_output_shows_the_postings_table(cli):
    result = cli("demo --no-dossiers")
    assert result.exit_code == 0 and result.stderr == ""
    text = result.output
    assert "Reference" in text and "Deadline" in text and "Left" in text
    row = table_row(text)
    assert "2024-04-22" in row and "7 d" in row and "open" in row
    assert "1 draft" in text and "1 interview" in text
    assert f"tracker posting show {REFERENCE}" in text
    # the web logins, with the demo password they work with (tests/web check they do)
    assert "Web logins (password 'tracker-demo'; start the web UI with `tracker serve`)" in text
    assert "hr        drh.recrutement@demo.univ-st-etienne.fr" in text
    assert "candidate camille.martin@example.org" in text


def test_json_output(cli):
    result = cli("demo --no-dossiers --format json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    [posting] = data["postings"]
    assert posting["reference"] == REFERENCE
    assert posting["deadline"]["date"] == "2024-04-22" and posting["deadline"]["days_left"] == 7
    assert posting["applications"] == {"draft": 1, "interview": 1}


@pytest.mark.parametrize("args", ["demo --no-dossiers", "demo --no-dossiers --as-published"])
def test_running_twice_adds_nothing(cli, session, args):
    assert cli(args).exit_code == 0
    before = row_counts(session)
    assert before["posting"] == 1 and before["application"] == 2
    assert before["user_account"] == 3 and before["organisation"] == 1
    assert before["document"] == 3  # two CVs and a letter, attached once
    again = cli(args)
    assert again.exit_code == 0
    assert row_counts(session) == before
    assert REFERENCE in table_row(again.output)


def test_people_and_applications(cli, session):
    cli("demo --no-dossiers --as-published")
    emails = session.scalars(sa.select(User.email).order_by(User.email)).all()
    assert emails == ["camille.martin@example.org", "drh.recrutement@demo.univ-st-etienne.fr",
                      "jordan.smith@example.org"]
    listed = json.loads(cli("application list --format json").output)["applications"]
    assert {(a["candidate"], a["status"]) for a in listed} == {
        ("camille.martin@example.org", "interview"), ("jordan.smith@example.org", "draft")}
    camille = next(a for a in listed if a["candidate"] == "camille.martin@example.org")
    record = json.loads(cli(f"application show {camille['id']} --format json").output)
    assert [h["to"] for h in record["history"]] == ["draft", "submitted", "under_review",
                                                    "interview"]
    # every step of the candidate lies before the deadline, in order
    times = [h["at"] for h in record["history"]]
    assert times == sorted(times) and times[-1] < "2024-05-13T21:59:59Z"
    assert record["history"][-1]["comment"] == "interview on 2024-05-22 10:00 (Europe/Paris)"
    assert record["submitted_at"] < "2024-05-13" and record["is_late"] is False


def snapshot(session) -> dict[str, list[tuple]]:
    """Every row of every table, as the test's transaction sees them."""
    session.expire_all()
    return {table.name: sorted(map(tuple, session.execute(sa.select(table)).all()), key=repr)
            for table in Base.metadata.sorted_tables}


HR = "drh.recrutement@demo.univ-st-etienne.fr"


@pytest.mark.parametrize("later", [dict(days=7), dict(weeks=135)], ids=["a week", "135 weeks"])
@pytest.mark.parametrize("again", ["demo --no-dossiers", "demo --no-dossiers --as-published"])
def test_a_later_run_changes_nothing(cli, session, clock, later, again):
    """Once loaded, the demo is left alone: on another day, in either mode, a run writes
    nothing, and says so."""
    assert cli("demo --no-dossiers").exit_code == 0
    first = show(cli)
    assert first["deadline"]["date"] == "2024-04-22"
    before = snapshot(session)

    clock.advance(**later)
    result = cli(again)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("demo: already loaded, nothing added\n"
                                    "demo: nothing changed either: the posting keeps its dates "
                                    "(deadline 2024-04-22)")
    assert "demo: added" not in result.output
    assert snapshot(session) == before
    second = show(cli)
    assert second["deadline"]["date"] == "2024-04-22"
    assert second["interviews"] == first["interviews"]
    assert REFERENCE in table_row(result.output)


def test_rerun_leaves_an_interview_a_user_scheduled(cli, session, clock):
    """The report of #14: an interview hr scheduled on 16/12/2026 moved by 135 weeks when the
    demo, loaded as published, ran again."""
    clock.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert cli("demo --no-dossiers --as-published").exit_code == 0
    listed = json.loads(cli("application list --format json").output)["applications"]
    camille = next(a for a in listed if a["candidate"] == "camille.martin@example.org")
    scheduled = cli(["--as", HR, "interview", "schedule", "--posting", REFERENCE,
                     "--application", str(camille["id"]), "--at", "16/12/2026 10:00",
                     "--format", "json"])
    assert scheduled.exit_code == 0, scheduled.output
    mine = json.loads(scheduled.output)
    # and hr moved the deadline of the demo posting: a change of theirs, kept too
    assert cli(["--as", HR, "posting", "update", REFERENCE, "--file", "-"],
               input="valid_through_date: 2026-12-20\n").exit_code == 0
    before = snapshot(session)
    pending = session.scalars(sa.select(Reminder.id).where(
        Reminder.status == ReminderStatus.PENDING)).all()
    assert pending  # the candidate is still to hear of the interview hr scheduled

    for again in ("demo --no-dossiers", "demo --no-dossiers --as-published"):
        clock.advance(days=10)
        result = cli(again)
        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[0] == "demo: already loaded, nothing added"
        assert snapshot(session) == before, again

    session.expire_all()
    interview = session.get(Interview, mine["id"])
    assert (interview.start_date, interview.start_time.isoformat(timespec="minutes")) == (
        date(2026, 12, 16), "10:00")
    assert interview.starts_at == datetime(2026, 12, 16, 9, 0, tzinfo=UTC)
    record = show(cli)
    assert record["deadline"]["date"] == "2026-12-20"
    assert {i["date"] for i in record["interviews"]} == {"2024-05-22", "2026-12-16"}
    assert session.scalars(sa.select(Reminder.id).where(
        Reminder.status == ReminderStatus.PENDING)).all() == pending


def test_snapshot_sees_a_moved_interview(cli, session, clock):
    """The snapshot sees a moved interview: the check above can fail."""
    assert cli("demo --no-dossiers").exit_code == 0
    before = snapshot(session)
    slot = session.scalars(sa.select(Interview).where(Interview.application_id.is_not(None))).one()
    slot.start_date += timedelta(weeks=1)
    session.flush()
    assert snapshot(session) != before


def test_the_dossiers_of_a_rerun_are_of_the_demo_as_it_is(cli, session, reports_in_tmp):
    assert cli("demo --no-dossiers --as-published").exit_code == 0
    result = cli("demo --as-published")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "demo: already loaded, nothing added"
    assert result.output.splitlines()[-2].startswith("Application dossier: ")
    assert result.output.splitlines()[-1].startswith("Panel dossier: ")


# -- the candidates' documents: real PDFs, rendered from samples/ and checked on upload -------


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in
                             PdfReader(io.BytesIO(data)).pages).split())


def test_demo_attaches_the_candidates_pdfs(cli, session):
    cli("demo --no-dossiers --as-published")
    rows = session.execute(
        sa.select(User.email, Document).join(Document, Document.owner_id == User.id)
        .order_by(User.email, Document.id)
    ).all()
    assert [(email, d.kind.value, d.filename, d.page_count) for email, d in rows] == [
        ("camille.martin@example.org", "cv", "CV-Camille-Martin.pdf", 2),
        ("camille.martin@example.org", "cover_letter", "Lettre-Camille-Martin.pdf", 1),
        ("jordan.smith@example.org", "cv", "CV-Jordan-Smith.pdf", 1),
    ]
    texts = {}
    for _, document in rows:
        data = documents.document_content(session, document)
        assert len(PdfReader(io.BytesIO(data)).pages) == document.page_count
        assert document.sha256 == hashlib.sha256(data).hexdigest()
        assert document.size_bytes == len(data) and document.media_type == "application/pdf"
        texts[document.filename] = pdf_text(data)
    cv = texts["CV-Camille-Martin.pdf"]
    for words in ("Camille MARTIN", "Erasmus+", "Master Relations internationales", "TOEIC 945",
                  "Université Grenoble Alpes", "CV – 2 / 2"):
        assert words in cv, words
    assert "Madame, Monsieur," in texts["Lettre-Camille-Martin.pdf"]
    assert "Chargé de coopération internationale" in texts["Lettre-Camille-Martin.pdf"]
    assert "Jordan Smith" in texts["CV-Jordan-Smith.pdf"]
    assert "University of Kent" in texts["CV-Jordan-Smith.pdf"]
    # uploaded by the candidates on the day they started, before submitting
    camille = session.scalars(sa.select(Application).join(Application.candidate).where(
        User.email == "camille.martin@example.org")).one()
    uploads = [d.uploaded_at for email, d in rows if email.startswith("camille")]
    assert all(camille.created_at < at < camille.submitted_at for at in uploads)


def test_demo_documents_show_with_the_application(cli, session):
    cli("demo --no-dossiers --as-published")
    listed = json.loads(cli("application list --format json").output)["applications"]
    camille = next(a for a in listed if a["candidate"] == "camille.martin@example.org")
    result = cli(f"document list --application {camille['id']} --format json")
    assert [(d["kind"], d["page_count"]) for d in json.loads(result.output)["documents"]] == [
        ("cv", 2), ("cover_letter", 1)]


@pytest.mark.parametrize("name", ["cv-camille-martin.html", "cv-jordan-smith.html"])
def test_cv_samples_are_self_contained(name):
    """Rendered with no URL fetching at all: nothing may point outside the page."""
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert not re.search(r"\b(src|href)\s*=|url\(|@import|<link\b|<script\b", text, re.I)
    assert "size: A4" in text


# -- the published posting, field by field, against its source text ---------------------------

REQUIREMENT_COUNTS = {"technical_skill": 5, "knowledge": 7, "know_how": 13, "soft_skill": 7,
                      "language": 1, "education": 1, "experience": 3}


@pytest.fixture
def published(cli) -> dict:
    assert cli("demo --no-dossiers --as-published").exit_code == 0
    return show(cli)


def test_published_posting_has_every_field_of_the_sample(published):
    record = published
    assert (record["reference"], record["title"], record["status"], record["visibility"]) == (
        REFERENCE, "Chargé de coopération internationale", "open", "public")
    assert (record["organisation"], record["hiring_organization_name"]) == (
        "ujm", "Université Jean Monnet")
    assert record["department"].startswith("Direction de l’International")
    assert (record["location"], record["address_locality"], record["address_country"]) == (
        "Université Jean Monnet, Saint-Étienne", "Saint-Étienne", "FR")
    assert record["category"] == "A"
    assert record["working_time_percent"] == 100
    assert record["duration_months"] == 6
    assert record["employment_type"] == "fixed_term"
    assert record["job_start_date"] == "2024-06-03"
    assert record["date_posted"] is None
    assert record["deadline"]["date"] == "2024-05-13"
    assert record["deadline"]["time"] is None
    assert record["deadline"]["timezone"] == "Europe/Paris"
    assert record["deadline"]["utc"] == "2024-05-13T21:59:59Z"
    assert record["apply"]["method"] == "email"
    assert record["apply"]["email"] == "recrutementsujm@univ-st-etienne.fr"
    assert "13/05/2024" in record["apply"]["contact"]
    [posting_wide] = [i for i in record["interviews"] if i["application_id"] is None]
    assert (posting_wide["date"], posting_wide["time"], posting_wide["timezone"]) == (
        "2024-05-22", None, "Europe/Paris")
    assert "Lyon" in record["working_conditions"]
    assert "49 jours" in record["benefits"]
    assert "bilatérales" in record["missions"]
    assert record["context"].startswith("L’Université Jean Monnet est une université")
    assert record["required_documents"] == [
        {"kind": "cv", "label": "CV", "required": True},
        {"kind": "cover_letter", "label": "Lettre de motivation", "required": True},
    ]
    assert record["salary"] == {"min": None, "max": None, "currency": None, "period": None}


def test_published_requirements_by_group(published):
    groups = published["requirements"]
    assert {kind: len(items) for kind, items in groups.items()} == REQUIREMENT_COUNTS
    [language] = groups["language"]
    assert language["level"] == "B2" and language["required"] is True
    assert language["label"].startswith("Utilisation de l'anglais")
    [education] = groups["education"]
    assert (education["label"], education["level"]) == ("Bac + 5", "Bac+5")
    preferred = {item["label"] for items in groups.values() for item in items
                 if not item["required"]}
    assert preferred == {
        "Connaissance de la recherche universitaire et de ses pratiques",
        "Expérience souhaitée dans des rôles similaires, de préférence dans le secteur "
        "universitaire",
    }


def source_words() -> list[str]:
    text = (SAMPLES / "posting-ujm-charge-cooperation-internationale.txt").read_text(
        encoding="utf-8")
    return re.findall(r"\w+", " ".join(text.splitlines()))


def appears_in_order(label: str, words: list[str]) -> bool:
    """Every word of `label` appears in `words`, one after another (punctuation aside)."""
    wanted = re.findall(r"\w+", label)
    return any(words[i:i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1))


def test_appears_in_order_can_fail():
    words = re.findall(r"\w+", "Capacité à encadrer du personnel. Capacité analytique")
    assert appears_in_order("Capacité à encadrer du personnel", words)
    assert not appears_in_order("Capacité à encadrer le personnel", words)
    assert not appears_in_order("personnel du encadrer", words)


def test_every_requirement_label_is_in_the_source_text(published):
    words = source_words()
    labels = [item["label"] for items in published["requirements"].values() for item in items]
    assert len(labels) == sum(REQUIREMENT_COUNTS.values())
    missing = [label for label in labels if not appears_in_order(label, words)]
    assert missing == []


def test_demo_writes_the_application_and_panel_dossiers(cli, reports_in_tmp):
    result = cli("demo --as-published")
    assert result.exit_code == 0, result.output
    folder = reports_in_tmp / "ujm" / "UJM-DRI-2024-CCI"
    application = folder / "dossier-de-candidature-camille-martin-fr.pdf"
    panel = folder / "dossier-du-jury-ujm-dri-2024-cci-fr.pdf"
    assert result.output.splitlines()[-2:] == [f"Application dossier: {application}",
                                                f"Panel dossier: {panel}"]
    from pypdf import PdfReader

    reader = PdfReader(application)
    assert sorted(reader.attachments) == ["CV-Camille-Martin.pdf", "Lettre-Camille-Martin.pdf"]
    assert "13/05/2024" in reader.pages[0].extract_text()
    assert len(PdfReader(panel).pages) > 5
