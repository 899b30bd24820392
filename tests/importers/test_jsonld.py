"""schema.org JobPosting import: every mapping of the issue, @graph and lists, HTML pages with
JSON-LD, unknown properties kept, broken input reported with its place."""

from __future__ import annotations

import json
from datetime import date, time
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.config import get_settings
from tracker.importers.base import ImportFailed
from tracker.importers.jsonld import parse_jsonld
from tracker.services.imports import analyse

POSTING = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    "title": "Research Software Engineer",
    "description": "<p>Join our <b>team</b>.</p><ul><li>Python</li><li>SQL</li></ul>",
    "datePosted": "2024-04-02",
    "validThrough": "2024-05-13T12:00:00+02:00",
    "employmentType": ["FULL_TIME", "TEMPORARY"],
    "hiringOrganization": {"@type": "Organization", "name": "Université Jean Monnet",
                           "sameAs": "https://www.univ-st-etienne.fr"},
    "jobLocation": {"@type": "Place", "address": {
        "@type": "PostalAddress", "streetAddress": "10 rue Tréfilerie",
        "addressLocality": "Saint-Étienne", "postalCode": "42023", "addressCountry": "FR"}},
    "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR", "value": {
        "@type": "QuantitativeValue", "minValue": 2400, "maxValue": 2900, "unitText": "MONTH"}},
    "jobStartDate": "2024-06-03",
    "qualifications": "Experience with research software",
    "skills": ["Python", {"@type": "DefinedTerm", "name": "PostgreSQL"}],
    "responsibilities": ["Maintain the platform", "Support researchers"],
    "educationRequirements": {"@type": "EducationalOccupationalCredential",
                              "credentialCategory": "master", "name": "Master's degree"},
    "experienceRequirements": {"@type": "OccupationalExperienceRequirements",
                               "monthsOfExperience": 24},
    "applicationContact": {"@type": "ContactPoint", "email": "rse@univ-st-etienne.fr"},
    "identifier": {"@type": "PropertyValue", "name": "UJM", "value": "UJM-RSE-2024"},
    "url": "https://jobs.example.org/rse",
    "occupationalCategory": "15-1252.00",
    "industry": "Higher education",
}


_PROPERTIES = set(POSTING) - {"@context", "@type"} | {"jobLocationType", "salaryCurrency",
                                                     "directApply", "name",
                                                     "tracker:timezone", "tracker:category",
                                                     "tracker:requirements"}


def _data(document, name="posting.jsonld"):
    report = analyse(name, json.dumps(document).encode(), default_zone=get_settings().timezone)
    return report, report.postings[0].data()


def test_every_mapped_property():
    report, data = _data(POSTING)
    assert report.format == "jsonld"
    assert data["title"] == "Research Software Engineer"
    assert data["context"] == "Join our team.\n\n- Python\n- SQL"
    assert data["date_posted"] == date(2024, 4, 2)
    # 12:00 at +02:00 in May is Paris summer time: the deadline stays in its zone.
    assert (data["valid_through_date"], data["valid_through_time"], data["timezone"]) == (
        date(2024, 5, 13), time(12, 0), "Europe/Paris")
    assert data["employment_type"].value == "fixed_term"
    assert data["working_time_percent"] == 100
    assert data["hiring_organization_name"] == "Université Jean Monnet"
    assert data["address_locality"] == "Saint-Étienne" and data["address_country"] == "FR"
    assert data["location"] == "10 rue Tréfilerie, 42023, Saint-Étienne"
    assert (data["salary_min"], data["salary_max"], data["salary_currency"],
            data["salary_period"]) == (Decimal("2400.00"), Decimal("2900.00"), "EUR", "month")
    assert data["job_start_date"] == date(2024, 6, 3)
    assert data["missions"] == "- Maintain the platform\n- Support researchers"
    assert [(r["kind"], r["label"], r["level"]) for r in data["requirements"]] == [
        ("technical_skill", "Python", None), ("technical_skill", "PostgreSQL", None),
        ("other", "Experience with research software", None),
        ("education", "Master's degree", "master"),
        ("experience", "24 months of experience", None)]
    assert data["apply_email"] == "rse@univ-st-etienne.fr"
    assert data["reference"] == "UJM-RSE-2024"
    assert data["source_url"] == "https://jobs.example.org/rse"
    # Properties without a field here are kept, not dropped.
    assert report.postings[0].unknown == {"occupationalCategory": "15-1252.00",
                                          "industry": "Higher education"}
    assert json.loads(report.text)["occupationalCategory"] == "15-1252.00"


def test_an_education_level_the_fit_cannot_read_is_left_out():
    document = {**POSTING, "educationRequirements": [
        {"@type": "EducationalOccupationalCredential", "credentialCategory": "high school",
         "name": "High school diploma"},
        {"@type": "EducationalOccupationalCredential", "educationalLevel": "Bac+7"},
        {"@type": "EducationalOccupationalCredential", "educationalLevel": "bachelor degree"}]}
    _report, data = _data(document)
    assert [(r["label"], r["level"]) for r in data["requirements"]
            if r["kind"] == "education"] == [
        ("High school diploma", None), ("Bac+7", None), ("bachelor degree", "bachelor degree")]


@pytest.mark.parametrize(("salary", "currency", "expected", "kept"), [
    (52000, "GBP", (Decimal("52000.00"), Decimal("52000.00"), "GBP", None), False),
    ("$100,000", None, (Decimal("100000.00"), Decimal("100000.00"), "USD", None), False),
    ({"@type": "MonetaryAmount", "currency": "EUR", "value": {"value": 15.5, "unitText": "HOUR"}},
     None, (Decimal("15.50"), Decimal("15.50"), "EUR", "hour"), True),
])
def test_base_salary_forms(salary, currency, expected, kept):
    document = {**POSTING, "baseSalary": salary}
    document.pop("salaryCurrency", None)
    if currency:
        document["salaryCurrency"] = currency
    report, data = _data(document)
    parsed = report.postings[0]
    assert tuple(parsed.get(name).value if parsed.get(name) else None for name in (
        "salary_min", "salary_max", "salary_currency", "salary_period")) == expected
    # Without a period it cannot be saved: shown for review, not put in the draft.
    assert ("salary_min" in data) is kept


def test_variants_of_dates_organisation_type_and_location():
    document = {**POSTING, "validThrough": "2024-05-13", "hiringOrganization": "ACME",
                "employmentType": "INTERN", "jobLocationType": "TELECOMMUTE",
                "educationRequirements": "Bachelor's degree"}
    del document["jobLocation"]
    _, data = _data(document)
    assert (data["valid_through_date"], data.get("valid_through_time")) == (date(2024, 5, 13),
                                                                            None)
    assert data["hiring_organization_name"] == "ACME"
    assert data["employment_type"].value == "internship"
    assert data["location"] == "Remote (telecommute)"


def test_an_offset_that_is_not_the_zones_keeps_the_instant():
    _, data = _data({**POSTING, "validThrough": "2024-05-13T23:59:00-05:00"})
    assert (data["valid_through_date"], data["valid_through_time"], data["timezone"]) == (
        date(2024, 5, 13), time(23, 59), "Etc/GMT+5")


def test_graph_wrappers_and_lists_of_postings():
    second = {**POSTING, "title": "Data Steward"}
    report = analyse("graph.json", json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": "Jobs"}, POSTING, second]}).encode(), default_zone=get_settings().timezone)
    assert [p.data()["title"] for p in report.postings] == ["Research Software Engineer",
                                                            "Data Steward"]
    report = analyse("list.jsonld", json.dumps([POSTING, second]).encode(), default_zone=get_settings().timezone)
    assert len(report.postings) == 2


def test_html_page_with_embedded_json_ld():
    page = f"""<!doctype html><html><head><title>Jobs</title>
<script type="application/ld+json">{json.dumps(POSTING)}</script></head>
<body><h1>Research Software Engineer</h1></body></html>"""
    report = analyse("job.html", page.encode(), default_zone=get_settings().timezone)
    assert report.format == "html"
    assert report.postings[0].data()["reference"] == "UJM-RSE-2024"


def test_invalid_json_says_line_and_column():
    with pytest.raises(ImportFailed) as error:
        analyse("broken.json", b'{\n  "@type": "JobPosting",\n  "title": "x",,\n}', default_zone=get_settings().timezone)
    assert error.value.field == "file"
    assert "line 3, column 16" in error.value.message


def test_json_without_a_posting_is_refused():
    with pytest.raises(ImportFailed, match="no schema.org JobPosting"):
        analyse("other.json", b'{"@type": "Event", "name": "x"}', default_zone=get_settings().timezone)


def test_an_identifier_that_cannot_be_a_reference_is_flagged():
    report, data = _data({**POSTING, "identifier": "ref with spaces"})
    assert "reference" not in data
    assert report.postings[0].get("reference").review


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"", "is empty"),
    ("blank.json", b"  \n ", "is empty"),
    ("posting.docx", b"PK\x03\x04binary", "unknown file type .docx"),
    ("fake.pdf", b"hello", "is named .pdf but is not a PDF"),
])
def test_files_that_cannot_be_read(name, content, message):
    with pytest.raises(ImportFailed, match=message):
        analyse(name, content, default_zone=get_settings().timezone)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40)
    | st.sampled_from(["2024-05-13", "2024-05-13T12:00:00+02:00", "FULL_TIME", "$1,000",
                       "<p>x</p>", "Z", "2024-13-45T99:00"]),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["@type", "name", "value", "minValue", "maxValue",
                                       "unitText", "currency", "address", "addressCountry",
                                       "addressLocality", "email", "url", "monthsOfExperience",
                                       "educationalLevel"]), children, max_size=5),
    max_leaves=20,
)


@settings(deadline=500, max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(sorted(_PROPERTIES)), _JSON, max_size=12))
def test_any_property_values_are_read_without_a_crash(properties):
    document = {"@type": "JobPosting", **properties}
    for parsed in parse_jsonld(document, "Europe/Paris"):
        parsed.data()
        parsed.as_dict()


def test_a_page_without_json_ld_is_read_as_text():
    page = """<!doctype html><html><head><title>Offre</title><style>p{}</style></head><body>
<h1>Gestionnaire financier (H/F)</h1><p>La Ville de Lyon recrute</p>
<p>Date limite de candidature : 15 mars 2024</p><p>Type de contrat : CDD de 12 mois</p>
<script>var x = "13/05/2099";</script></body></html>"""
    report = analyse("offre.html", page.encode(), default_zone=get_settings().timezone)
    assert report.format == "html" and report.language == "fr"
    data = report.postings[0].data()
    assert data["title"] == "Gestionnaire financier"
    assert data["hiring_organization_name"] == "Ville de Lyon"
    assert data["valid_through_date"] == date(2024, 3, 15)
    assert (data["employment_type"].value, data["duration_months"]) == ("fixed_term", 12)
