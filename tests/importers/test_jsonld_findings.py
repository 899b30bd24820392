"""JSON-LD as other sites write it: references by @id, lists where one value was expected,
amounts in the writer's own notation, values that cannot be read (flagged with the reason,
never dropped in silence or proposed for a save that would fail), and hostile documents
refused with a clear error naming the file."""

from __future__ import annotations

import json
import time
from decimal import Decimal

import pytest

from tests.importers.test_jsonld import POSTING
from tracker.config import get_settings
from tracker.importers.base import SURE, ImportFailed
from tracker.models import EmploymentType
from tracker.services.imports import analyse, save_import, warnings


def _parsed(document, name="posting.jsonld"):
    return analyse(name, json.dumps(document).encode(), default_zone=get_settings().timezone).postings[0]


def test_references_by_id_within_the_document_are_resolved():
    document = {"@context": "https://schema.org", "@graph": [
        {"@type": "Organization", "@id": "#org", "name": "Université Jean Monnet"},
        {"@type": "Place", "@id": "#site", "address": {"@id": "#address"}},
        {"@type": "PostalAddress", "@id": "#address", "addressLocality": "Saint-Étienne",
         "addressCountry": "FR"},
        {"@type": "JobPosting", "@id": "#job", "title": "Data Steward",
         "hiringOrganization": {"@id": "#org"}, "jobLocation": [{"@id": "#site"}],
         "mainEntityOfPage": {"@id": "#job"}, "sameAs": {"@id": "#nowhere"}},
    ]}
    data = _parsed(document).data()
    assert data["hiring_organization_name"] == "Université Jean Monnet"
    assert (data["address_locality"], data["address_country"]) == ("Saint-Étienne", "FR")
    assert data["timezone"] == "Europe/Paris"


def test_a_cycle_of_references_is_no_crash():
    document = {"@graph": [
        {"@type": "Organization", "@id": "#a", "name": "A", "parentOrganization": {"@id": "#b"}},
        {"@type": "Organization", "@id": "#b", "name": "B", "subOrganization": {"@id": "#a"}},
        {"@type": "JobPosting", "title": "x", "hiringOrganization": {"@id": "#a"}}]}
    assert _parsed(document).data()["hiring_organization_name"] == "A"


def test_telecommute_given_as_a_list():
    document = {**POSTING, "jobLocationType": ["TELECOMMUTE"]}
    assert _parsed(document).data()["location"].endswith("(remote possible)")


@pytest.mark.parametrize(("salary", "low", "high"), [
    ("€50.000", "50000", "50000"),
    ("$100K", "100000", "100000"),
    ("£30,000 - £35,000", "30000", "35000"),
    ("45-55k EUR", "45000", "55000"),
    ("1.234,56 €", "1234.56", "1234.56"),
    ("$1,250.50", "1250.50", "1250.50"),
    ("50 000 €", "50000", "50000"),
    ({"@type": "MonetaryAmount", "currency": "EUR",
      "value": {"minValue": "2.400", "maxValue": "2.900,50", "unitText": "MONTH"}},
     "2400", "2900.50"),
])
def test_amounts_in_the_writers_notation(salary, low, high):
    parsed = _parsed({**POSTING, "baseSalary": salary})
    assert (parsed.get("salary_min").value, parsed.get("salary_max").value) == (
        Decimal(low).quantize(Decimal("0.01")), Decimal(high).quantize(Decimal("0.01")))


@pytest.mark.parametrize("salary", [
    "$100,000", 52000, {"@type": "MonetaryAmount", "currency": "EUR", "value": 52000},
    {"@type": "MonetaryAmount", "currency": "EUR",
     "value": {"@type": "QuantitativeValue", "value": 52000}},
])
def test_a_salary_without_a_period_is_flagged_and_the_draft_still_saves(
        salary, session, hr, clock):
    report = analyse("posting.jsonld", json.dumps({**POSTING, "baseSalary": salary,
                                                   "salaryCurrency": "USD"}).encode(), default_zone=get_settings().timezone)
    parsed = report.postings[0]
    assert "no period stated" in str(parsed.get("salary_min").review)
    assert "salary_period" in str(parsed.get("salary_min").review)
    assert not {"salary_min", "salary_max", "salary_currency"} & set(parsed.data())
    posting = save_import(session, report, organisation="ujm", actor=hr, clock=clock, settings=get_settings())
    assert posting.salary_min is None and posting.title == POSTING["title"]


def test_a_salary_without_a_currency_is_flagged():
    parsed = _parsed({**POSTING, "baseSalary": {"@type": "MonetaryAmount", "value": {
        "value": 30000, "unitText": "YEAR"}}})
    assert "no currency stated" in str(parsed.get("salary_min").review)
    assert "salary_min" not in parsed.data()


@pytest.mark.parametrize(("prop", "value", "field", "reason"), [
    ("validThrough", "2024-13-45", "valid_through_date", "month must be in 1..12"),
    ("validThrough", "2024-02-30T12:00:00+01:00", "valid_through_date", "day is out of range"),
    ("validThrough", "next Friday", "valid_through_date", "expected YYYY-MM-DD"),
    ("datePosted", "2024-00-10", "date_posted", "month must be in 1..12"),
    ("jobStartDate", "soon", "job_start_date", "expected YYYY-MM-DD"),
])
def test_a_date_that_cannot_be_read_is_flagged_with_the_reason(prop, value, field, reason):
    parsed = _parsed({**POSTING, prop: value})
    finding = parsed.get(field)
    assert finding.value == value and reason in str(finding.review)
    assert field not in parsed.data()


def test_full_time_alone_says_the_working_time_not_the_contract():
    parsed = _parsed({**POSTING, "employmentType": "FULL_TIME"})
    kind = parsed.get("employment_type")
    assert kind.value is EmploymentType.OTHER and kind.confidence < SURE
    assert "not a contract" in kind.snippet
    assert parsed.data()["working_time_percent"] == 100


@pytest.mark.parametrize("content", [
    "[" * 100_000,
    '{"a": ' * 50_000 + "1" + "}" * 50_000,
    json.dumps({**POSTING, "skills": json.loads("[" * 500 + "]" * 500)}),
])
def test_deeply_nested_json_is_refused_naming_the_file(content):
    with pytest.raises(ImportFailed) as error:
        analyse("deep.json", content.encode(), default_zone=get_settings().timezone)
    assert error.value.field == "file"
    assert "'deep.json'" in error.value.message and "nested" in error.value.message


def test_deeply_nested_json_ld_in_a_page_is_refused_naming_the_file():
    page = ('<!doctype html><html><head><script type="application/ld+json">'
            + "[" * 100_000 + "</script></head><body>x</body></html>")
    with pytest.raises(ImportFailed, match="'deep.html'.*nested"):
        analyse("deep.html", page.encode(), default_zone=get_settings().timezone)


_PAGE = """<!doctype html>
<html><head><title>Jobs</title>
<script type="application/ld+json">
{{"@type": "JobPosting",
  "title": }}
</script>
<script type="application/ld+json">{posting}</script>
</head><body><h1>Jobs</h1></body></html>"""


def test_a_broken_block_of_a_page_is_reported_at_its_line_and_the_others_read():
    report = analyse("jobs.html", _PAGE.format(posting=json.dumps(POSTING)).encode(), default_zone=get_settings().timezone)
    assert [p.data()["title"] for p in report.postings] == ["Research Software Engineer"]
    [warning] = warnings(report, "en")
    assert "line 3 of the page" in warning and "line 5, column 12" in warning
    assert report.as_dict()["warnings"] == [warning]


def test_a_page_whose_only_block_is_broken_is_refused_with_the_line():
    page = _PAGE.format(posting='{"@type": "WebSite", "name": "Jobs"}')
    with pytest.raises(ImportFailed, match=r"'jobs.html': the JSON-LD block at line 3 of the "
                                           r"page is not valid JSON \(line 5, column 12"):
        analyse("jobs.html", page.encode(), default_zone=get_settings().timezone)


@pytest.mark.parametrize("piece", ["<", "< ", "<li", "<br", "< li", "<p>"])
def test_a_long_html_description_is_read_in_bounded_time(piece):
    # '<li' * 40000 took 15 s: each '<' was scanned to the end of the text for its '>'.
    document = {**POSTING, "description": piece * (120_000 // len(piece)),
                "responsibilities": piece * (120_000 // len(piece))}
    start = time.process_time()
    _parsed(document)
    assert time.process_time() - start < 2.0
