"""JSON-LD export: Google's required and recommended properties, and an export imported again
gives back the same posting."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SAMPLES
from tracker.config import get_settings
from tracker.exporters.jsonld import posting_jsonld
from tracker.services import imports
from tracker.services.hiring import postings
from tracker.services.hiring.postings import input_of
from tracker.services.reference.load import load_reference

RICH = {
    "reference": "UJM-RT-1",
    "title": "Chargé de coopération internationale",
    "organisation": "ujm",
    "department": "Direction des relations internationales",
    "location": "Campus Tréfilerie",
    "address_locality": "Saint-Étienne",
    "address_country": "FR",
    "category": "A",
    "employment_type": "fixed_term",
    "duration_months": 6,
    "working_time_percent": 80,
    "date_posted": "2024-04-15",
    "job_start_date": "2024-06-03",
    "valid_through_date": "2024-05-13",
    "valid_through_time": "12:00",
    "apply_email": "recrutementsujm@univ-st-etienne.fr",
    "application_contact": "CV et lettre de motivation",
    "salary_min": "2100.00",
    "salary_max": "2600.50",
    "salary_currency": "EUR",
    "salary_period": "month",
    "context": "L'université.\n\nLa direction.",
    "missions": "Au sein du bureau :\n- Conseiller\n- Participer",
    "working_conditions": "Déplacements à Lyon.",
    "benefits": "49 jours de congés.",
    "requirements": [
        {"kind": "technical_skill", "label": "Management de projet"},
        {"kind": "language", "label": "Anglais", "level": "B2"},
        {"kind": "knowledge", "label": "Erasmus+", "required": False},
        {"kind": "know_how", "label": "Rédaction en anglais"},
        {"kind": "soft_skill", "label": "Travail en équipe"},
        {"kind": "education", "label": "Bac + 5", "level": "Bac+5"},
        {"kind": "experience", "label": "Projets européens", "required": False},
        {"kind": "other", "label": "Permis B"},
    ],
    "required_documents": [{"kind": "cv", "label": "CV"},
                           {"kind": "cover_letter", "label": "Lettre de motivation"}],
    "interviews": [{"date": "2024-05-22", "time": "10:00", "duration_minutes": 60,
                    "place": "Salle 2"}],
}


@pytest.fixture
def rich(session, hr, clock):
    return postings.create_posting(session, dict(RICH), actor=hr, clock=clock, settings=get_settings())


def test_google_required_and_recommended_properties(rich):
    document = posting_jsonld(rich, url="https://jobs.example.org/ujm-rt-1")
    assert document["@type"] == "JobPosting"
    assert "https://schema.org" in document["@context"]
    for name in ("title", "description", "datePosted", "hiringOrganization", "jobLocation",
                 "validThrough", "employmentType", "baseSalary", "identifier", "directApply"):
        assert document.get(name) not in (None, "", []), name
    assert document["validThrough"] == "2024-05-13T12:00:00+02:00"  # with its offset
    assert document["employmentType"] == ["PART_TIME", "TEMPORARY"]
    assert document["hiringOrganization"]["name"] == "Université Jean Monnet"
    assert document["jobLocation"]["address"] == {
        "@type": "PostalAddress", "addressLocality": "Saint-Étienne", "addressCountry": "FR"}
    assert document["baseSalary"] == {"@type": "MonetaryAmount", "currency": "EUR", "value": {
        "@type": "QuantitativeValue", "minValue": 2100.0, "maxValue": 2600.5,
        "unitText": "MONTH"}}
    assert document["identifier"]["value"] == "UJM-RT-1"
    assert document["directApply"] is False  # one applies by e-mail
    assert document["url"] == "https://jobs.example.org/ujm-rt-1"
    assert "<li>Conseiller</li>" in document["description"]
    json.dumps(document)  # serialisable as it is


def _comes_back_the_same(session, original, hr, clock):  # noqa: ANN001, ANN202
    data = json.dumps(posting_jsonld(original), ensure_ascii=False).encode()
    report = imports.analyse(f"{original.reference}.jsonld", data, default_zone=get_settings().timezone)
    assert [f for f in report.postings[0].findings if f.review] == []
    copy = imports.save_import(session, report, organisation="ujm", actor=hr, clock=clock,
                               changes={"reference": original.reference + "-COPY"}, settings=get_settings())
    before, after = input_of(original), input_of(copy)
    assert after.pop("reference") == before.pop("reference") + "-COPY"
    for name in ("source_text", "source_url"):
        before.pop(name), after.pop(name)
    assert after == before
    assert [(i.start_date, i.start_time, i.timezone, i.duration_minutes, i.place)
            for i in copy.interviews] == [(i.start_date, i.start_time, i.timezone,
                                           i.duration_minutes, i.place)
                                          for i in original.interviews]
    assert copy.valid_through == original.valid_through


def test_export_then_import_gives_back_the_same_posting(session, rich, hr, clock):
    _comes_back_the_same(session, rich, hr, clock)


# What schema.org cannot say exactly: each must still come back as it was.
VARIANTS = {
    "apprenticeship": {"employment_type": "apprenticeship", "duration_months": 24},
    "permanent, working time not stated": {"employment_type": "permanent",
                                           "duration_months": None,
                                           "working_time_percent": None},
    "in-app, with an e-mail to ask questions": {"apply_method": "in_app",
                                                "apply_url": "https://jobs.example.org/1"},
    "occupation and certification": {
        "occupation": "charge-cooperation-internationale", "certification": "RNCP39853",
        "requirements": [{"kind": "technical_skill", "label": "Gestion de projet",
                          "occupation_skill": "Gestion de projet"},
                         {"kind": "language", "label": "Anglais", "level": "B2"}]},
}


@pytest.mark.parametrize("changes", list(VARIANTS.values()), ids=list(VARIANTS))
def test_what_schema_org_cannot_say_comes_back_too(session, hr, clock, changes):
    load_reference(session, SAMPLES / "reference", clock=clock)
    original = postings.create_posting(session, {**RICH, **changes, "reference": "UJM-RT-3"},
                                       actor=hr, clock=clock, settings=get_settings())
    _comes_back_the_same(session, original, hr, clock)


def test_full_time_is_not_said_of_a_post_whose_working_time_is_not_known(session, hr, clock):
    original = postings.create_posting(session, {**RICH, "employment_type": "permanent",
                                                 "duration_months": None,
                                                 "working_time_percent": None},
                                       actor=hr, clock=clock, settings=get_settings())
    document = posting_jsonld(original)
    assert "employmentType" not in document
    assert (document["tracker:employmentType"], document["tracker:workingTimePercent"]) == (
        "permanent", None)


def test_a_minimal_posting_exports_and_comes_back(session, posting, hr, clock):
    report = imports.analyse("p.json", json.dumps(posting_jsonld(posting)).encode(), default_zone=get_settings().timezone)
    copy = imports.save_import(session, report, actor=hr, clock=clock,
                               changes={"reference": "UJM-TEST-COPY"}, settings=get_settings())
    before, after = input_of(posting), input_of(copy)
    for data in (before, after):
        for name in ("reference", "source_text", "source_url"):
            data.pop(name)
    assert after == before
