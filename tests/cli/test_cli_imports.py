"""`tracker posting import|export` and `tracker application list --format csv`: what a user
sees, and the errors of files that cannot be read (nothing written then)."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime

from tests.cli.helpers import assert_refused, row_counts
from tests.conftest import SAMPLES
from tracker.domain.access import OPERATOR
from tracker.services.hiring import applications, postings

SAMPLE = SAMPLES / "posting-ujm-charge-cooperation-internationale.txt"


def test_import_shows_every_field_and_saves_nothing_without_yes(cli, session, hr):
    before = row_counts(session)
    result = cli(["posting", "import", str(SAMPLE), "--org", "ujm"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    for expected in ("valid_through_date", "2024-05-13", "working_time_percent", "Quotité : 100",
                     "recrutementsujm@univ-st-etienne.fr", "Requirements", "Bac+5",
                     "2024-05-22", "Nothing saved"):
        assert expected in out, expected
    assert row_counts(session) == before


def test_import_as_json_for_scripts(cli, hr):
    result = cli(["posting", "import", str(SAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["format"] == "text" and document["language"] == "fr"
    [posting] = document["postings"]
    assert posting["data"]["valid_through_date"] == "2024-05-13"
    finding = next(f for f in posting["findings"] if f["field"] == "job_start_date")
    assert finding["snippet"] == "Prise de poste : 3 juin 2024" and finding["confidence"] > 0.8
    assert document["saved"] is None


def test_import_with_yes_saves_a_draft_with_its_source(cli, session, hr):
    result = cli(["--as", hr.email, "posting", "import", str(SAMPLE), "--yes"])
    assert result.exit_code == 0, result.output
    line = result.stdout.splitlines()[-1]
    assert line.startswith("posting UJM-") and "saved (draft)" in line
    reference = line.split()[1]
    shown = json.loads(cli(["posting", "show", reference, "--format", "json"]).stdout)
    assert shown["deadline"]["date"] == "2024-05-13"
    assert shown["status"] == "draft"
    from tracker.models import PostingSource

    assert session.query(PostingSource).one().content == SAMPLE.read_bytes()


def test_an_old_posting_imports_as_a_draft_without_its_past_interview(cli, session, hr,
                                                                      clock):
    clock.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # the sample's interview is long past
    shown = cli(["posting", "import", str(SAMPLE), "--org", "ujm"])
    assert shown.exit_code == 0, shown.output
    row = next(line for line in shown.stdout.splitlines() if "2024-05-22" in line)
    assert "REVIEW: in the past" in " ".join(shown.stdout.split())  # warned before --yes
    assert "interviews" in row
    assert "1 value to review is left out of the draft" in shown.stdout
    saved = cli(["posting", "import", str(SAMPLE), "--org", "ujm", "--yes"])
    assert saved.exit_code == 0, saved.output
    reference = saved.stdout.splitlines()[-1].split()[1]
    posting = postings.get_posting(session, reference, actor=OPERATOR)
    assert posting.interviews == [] and posting.valid_through_date == date(2024, 5, 13)
    from tracker.models import PostingSource

    report = session.query(PostingSource).one().report
    [flagged] = [f for f in report["findings"] if f["field"] == "interviews"]
    assert flagged["value"]["date"] == "2024-05-22" and "in the past" in flagged["review"]


def test_a_candidate_imports_a_private_posting(cli, candidate):
    result = cli(["--as", candidate.email, "posting", "import", str(SAMPLE), "--yes"])
    assert result.exit_code == 0, result.output
    reference = result.stdout.splitlines()[-1].split()[1]
    shown = json.loads(cli(["--as", candidate.email, "posting", "show", reference,
                            "--format", "json"]).stdout)
    assert shown["visibility"] == "private"


def test_bad_json_is_refused_with_line_and_column(cli, session, hr, tmp_path):
    path = tmp_path / "posting.json"
    path.write_text('{"@type": "JobPosting",\n "title": }\n')
    before = row_counts(session)
    line = assert_refused(cli(["posting", "import", str(path), "--yes"]), "file",
                          "invalid JSON at line 2, column 11")
    assert "Expecting value" in line
    assert row_counts(session) == before


def test_a_broken_block_of_a_page_is_a_warning_and_deep_json_an_error(cli, hr, tmp_path):
    page = tmp_path / "jobs.html"
    page.write_text('<!doctype html>\n<html><head>\n<script type="application/ld+json">'
                    '{"@type": }</script>\n<script type="application/ld+json">'
                    '{"@type": "JobPosting", "title": "Data Steward"}</script></head></html>')
    result = cli(["posting", "import", str(page)])
    assert result.exit_code == 0, result.output
    assert "warning: the JSON-LD block at line 3 of the page is not valid JSON (line 3, " \
           "column 11: Expecting value): it was left out" in result.stdout
    assert "Data Steward" in result.stdout
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000)
    assert_refused(cli(["posting", "import", str(deep)]), "file",
                   "'deep.json': JSON nested more than 64 levels deep")


def test_unknown_type_empty_and_missing_files(cli, hr, tmp_path):
    odd = tmp_path / "posting.odt"
    odd.write_bytes(b"PK\x03\x04")
    assert_refused(cli(["posting", "import", str(odd)]), "file", "unknown file type .odt")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert_refused(cli(["posting", "import", str(empty)]), "file", "'empty.txt' is empty")
    assert_refused(cli(["posting", "import", str(tmp_path / "nope.txt")]), "file",
                   "cannot read")


def test_a_posting_without_a_title_is_refused_naming_the_field(cli, session, hr, tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"@type": "JobPosting", "validThrough": "2024-05-13"}))
    before = row_counts(session)
    assert_refused(cli(["posting", "import", str(path), "--org", "ujm", "--yes"]), "title")
    assert row_counts(session) == before


def test_export_jsonld_then_import_it_again(cli, session, posting, tmp_path):
    target = tmp_path / "posting.jsonld"
    result = cli(["posting", "export", posting.reference, "--format", "jsonld", "-o",
                  str(target)])
    assert result.exit_code == 0, result.output
    document = json.loads(target.read_text("utf-8"))
    assert document["title"] == posting.title and document["validThrough"].endswith("+02:00")
    printed = json.loads(cli(["posting", "export", posting.reference]).stdout)
    assert printed == document
    # Imported again as it is, it names the same reference: refused, nothing written.
    before = row_counts(session)
    assert_refused(cli(["posting", "import", str(target), "--yes"]), "reference", "exists")
    assert row_counts(session) == before


def test_applications_as_csv_for_a_spreadsheet(cli, session, posting, application, candidate,
                                               clock):
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    result = cli(["application", "list", "--posting", posting.reference, "--format", "csv"])
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes
    assert raw.startswith("\ufeff".encode())  # Excel reads the accents as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows == [{
        "id": str(application.id), "posting": posting.reference,
        "posting_title": "Chargé de coopération internationale",
        "candidate_name": "Camille Martin", "candidate_email": "camille@example.org",
        "status": "submitted", "late": "no", "submitted_at_utc": "2024-04-15T08:00:00+00:00",
        "submitted_at_local": "2024-04-15 10:00", "timezone": "Europe/Paris",
    }]
    assert b"\r\n" in raw


def test_csv_cells_never_run_as_formulas(session, posting, clock):
    from tracker.exporters.csv import applications_csv
    from tracker.models import ApplicationStatus
    from tracker.services.hiring.applications import ApplicationRow

    row = ApplicationRow(id=1, posting_reference="P", posting_title="=HYPERLINK(\"x\")",
                         timezone="Europe/Paris", candidate_name="+33 6", candidate_email="a@b",
                         status=ApplicationStatus.DRAFT, submitted_at=None, is_late=False,
                         updated_at=clock())
    [parsed] = list(csv.DictReader(io.StringIO(applications_csv([row]).lstrip("\ufeff"))))
    assert parsed["posting_title"] == "'=HYPERLINK(\"x\")"
    assert parsed["candidate_name"] == "'+33 6"
