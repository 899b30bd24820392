"""The Université Jean Monnet posting, read from its text, equals its hand transcription
(samples/*.yaml) field by field, and is saved as a draft through the same path as posting add."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from tests.conftest import SAMPLES
from tracker.config import get_settings
from tracker.importers.text import parse_text
from tracker.services import imports
from tracker.services.hiring.postings import input_of

TEXT = SAMPLES / "posting-ujm-charge-cooperation-internationale.txt"
TRANSCRIPTION = yaml.safe_load(
    (SAMPLES / "posting-ujm-charge-cooperation-internationale.yaml").read_text("utf-8"))

# Every field the source states and the transcription records as stated. Not compared: the
# reference and the organisation slug (ours, not the source's), and the prose fields (context,
# missions, department, location, application_contact), which the transcriber edited.
FIELDS = ["title", "category", "employment_type", "duration_months", "working_time_percent",
          "job_start_date", "valid_through_date", "valid_through_time", "timezone",
          "apply_method", "apply_email"]


@pytest.fixture(scope="module")
def parsed():
    return parse_text(TEXT.read_text("utf-8"))


def _normal(value):
    return value.isoformat() if isinstance(value, date) else value


@pytest.mark.parametrize("name", FIELDS)
def test_each_field_equals_the_transcription(parsed, name):
    data = parsed.data()
    data.setdefault("apply_method", "email" if data.get("apply_email") else None)
    assert _normal(data.get(name)) == _normal(TRANSCRIPTION[name]), name


def test_interview_date(parsed):
    assert [(i["date"], i.get("time")) for i in parsed.data()["interviews"]] == [
        (i["date"], None) for i in TRANSCRIPTION["interviews"]]


def test_documents_asked_for(parsed):
    assert parsed.data()["required_documents"] == TRANSCRIPTION["required_documents"]


@pytest.mark.parametrize("kind", sorted({r["kind"] for r in TRANSCRIPTION["requirements"]}))
def test_every_requirement_group(parsed, kind):
    def group(items):
        return [(r["label"], r.get("level"), r.get("required", True))
                for r in items if r["kind"] == kind]

    assert group(parsed.data()["requirements"]) == group(TRANSCRIPTION["requirements"])


def test_nothing_flagged_for_review(parsed):
    assert [f for f in parsed.findings if f.review] == []


def test_saved_draft_equals_the_transcription(session, hr, clock):
    report = imports.analyse(TEXT.name, TEXT.read_bytes(), default_zone=get_settings().timezone)
    posting = imports.save_import(session, report, organisation="ujm", actor=hr, clock=clock, settings=get_settings())
    assert posting.status.value == "draft"
    saved = input_of(posting)
    for name in FIELDS:
        assert _normal(saved[name]) == _normal(TRANSCRIPTION[name]), name
    expected = [{"level": None, "required": True, "occupation_skill": None, **r}
                for r in TRANSCRIPTION["requirements"]]
    assert saved["requirements"] == expected
    assert [(i.start_date, i.start_time) for i in posting.interviews] == [(date(2024, 5, 22), None)]
    # The raw source is stored with the posting, byte for byte, with what was read in it.
    from tracker.models import PostingSource

    source = session.query(PostingSource).filter_by(posting_id=posting.id).one()
    assert source.content == TEXT.read_bytes() and source.format == "text"
    assert source.language == "fr"
    assert any(f["field"] == "valid_through_date" for f in source.report["findings"])
    assert posting.source_text == TEXT.read_text("utf-8").strip()
