"""The tracker's own posting sheet, printed then imported, gives back the same posting (#15): the
title (not the running header), the 37 requirements in their groups (not one per wrapped line),
the dates; nothing of the page header or footer read as a value."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tracker.importers.base import SURE

REFERENCE = "UJM-DRI-2024-CCI"


@pytest.fixture
def demo(cli):  # noqa: ANN001, ANN201
    result = cli("demo --no-dossiers")
    assert result.exit_code == 0, result.output
    shown = cli(f"posting show {REFERENCE} --format json")
    assert shown.exit_code == 0, shown.output
    return json.loads(shown.stdout)


def _sheet(cli, tmp_path: Path, lang: str) -> Path:  # noqa: ANN001
    path = tmp_path / f"fiche-{lang}.pdf"
    result = cli(["dossier", "posting", REFERENCE, "--lang", lang, "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _requirements(source: dict) -> list[tuple[str, str, bool, str | None]]:
    return [(kind, row["label"], row["required"], row["level"])
            for kind, rows in source["requirements"].items() for row in rows]


def test_the_posting_sheet_imports_as_the_same_posting(cli, demo, tmp_path):
    pdf = _sheet(cli, tmp_path, "fr")
    result = cli(["posting", "import", str(pdf), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["format"] == "pdf"
    [posting] = report["postings"]
    data, findings = posting["data"], posting["findings"]

    assert data["title"] == demo["title"] == "Chargé de coopération internationale"
    assert data["hiring_organization_name"] == demo["hiring_organization_name"]
    assert data["valid_through_date"] == demo["deadline"]["date"]
    assert data["job_start_date"] == demo["job_start_date"]
    assert [item["date"] for item in data["interviews"]] == [
        item["date"] for item in demo["interviews"] if item["application_id"] is None]
    assert (data["employment_type"], data["duration_months"], data["working_time_percent"]) \
        == (demo["employment_type"], demo["duration_months"], demo["working_time_percent"])
    assert data["apply_email"] == demo["apply"]["email"]

    imported = [(item["kind"], item["label"], item["required"], item["level"])
                for item in data["requirements"]]
    assert len(imported) == 37
    assert imported == _requirements(demo)  # same items, same groups, same order
    # Nothing of the running header or the footer ("page 2 / 3", "Document établi le...").
    text = json.dumps(findings, ensure_ascii=False)
    assert "page 2 / 3" not in text and "Document établi" not in text
    assert "FICHE DE POSTE" not in data["title"]
    # Confidences say something: requirements under their heading are sure, the title read
    # from the first heading line is a guess to check, not everything at one value.
    assert all(f["confidence"] >= SURE for f in findings if f["field"] == "requirements")
    title = next(f for f in findings if f["field"] == "title")
    assert title["confidence"] < SURE
    assert len(Counter(f["confidence"] for f in findings)) >= 5


def test_the_saved_import_shows_the_same_requirements(cli, demo, tmp_path):
    pdf = _sheet(cli, tmp_path, "fr")
    result = cli(["posting", "import", str(pdf), "--org", "ujm", "--yes"])
    assert result.exit_code == 0, result.output
    saved = result.output.strip().splitlines()[-1]
    assert saved.endswith(": Chargé de coopération internationale"), saved
    reference = saved.split()[1]
    shown = json.loads(cli(f"posting show {reference} --format json").stdout)
    assert shown["title"] == demo["title"]
    assert _requirements(shown) == _requirements(demo)
    assert shown["deadline"]["date"] == demo["deadline"]["date"]
    assert shown["job_start_date"] == demo["job_start_date"]
    # The table for people shows the groups and no footer either.
    table = cli(["posting", "import", str(pdf)]).output
    assert "Requirements" in table and "page 3 / 3" not in table


def test_the_english_sheet_gives_back_the_title_requirements_and_dates(cli, demo, tmp_path):
    pdf = _sheet(cli, tmp_path, "en")
    result = cli(["posting", "import", str(pdf), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)["postings"][0]["data"]
    assert data["title"] == demo["title"]
    assert [(item["kind"], item["label"], item["required"], item["level"])
            for item in data["requirements"]] == _requirements(demo)
    # English labels and dates around a French text: "Start date : 4 January 2027"
    assert data["valid_through_date"] == demo["deadline"]["date"]
    assert data["job_start_date"] == demo["job_start_date"]
    assert data["working_time_percent"] == 100
    assert [item["date"] for item in data["interviews"]] == [
        item["date"] for item in demo["interviews"] if item["application_id"] is None]
    assert "JOB DESCRIPTION" not in data.get("missions", "")
