"""Where a posting's salary falls against its occupation's and certification's figures."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import POSTING, SAMPLES
from tracker.config import get_settings
from tracker.services.hiring import postings
from tracker.services.reference.load import load_reference
from tracker.services.reference.salary import salary_check


@pytest.fixture
def loaded(session, clock):
    return load_reference(session, SAMPLES / "reference", clock=clock)


def posting_with(session, hr, clock, **fields):
    return postings.create_posting(session, {**POSTING, **fields}, actor=hr, clock=clock, settings=get_settings())


OCCUPATION = {"occupation": "charge-cooperation-internationale"}


@pytest.mark.parametrize(("low", "high", "period", "verdict", "words"), [
    (28000, 30000, "year", "within", "the posting's 28 000–30 000 EUR per year is within "
                                      "the range"),
    (1800, 2100, "month", "below", "the posting's 1 800–2 100 EUR per month is below the "
                                   "range"),
    (2500, 3000, "month", "straddles", "is partly within the range"),
    (40000, 42000, "year", "above", "is above the range"),
])
def test_against_the_occupation_entry_range(session, hr, clock, loaded, low, high, period,
                                            verdict, words):
    posting = posting_with(session, hr, clock, **OCCUPATION, salary_min=low, salary_max=high,
                           salary_currency="EUR", salary_period=period)
    check = salary_check(posting, clock=clock)
    junior = check.comparisons[0]
    assert check.verdict == "checked"
    assert junior.source == "occupation charge-cooperation-internationale, DÉBUTANT (- de 3ans)"
    assert junior.verdict == verdict and words in junior.text
    # the figures are brought to the posting's period
    expected = (26000, 32000) if period == "year" else (26000 / 12, 32000 / 12)
    assert (float(junior.reference_min), float(junior.reference_max)) == pytest.approx(
        expected, abs=0.01)
    assert "(undated)" in junior.text and "gross" in junior.text


def test_part_time_is_compared_full_time(session, hr, clock, loaded):
    posting = posting_with(session, hr, clock, **OCCUPATION, working_time_percent=50,
                           salary_min=14000, salary_max=15000, salary_currency="EUR",
                           salary_period="year")
    junior = salary_check(posting, clock=clock).comparisons[0]
    assert junior.verdict == "within"
    assert "28 000–30 000 EUR per year (full-time equivalent of 50 %) is within" in junior.text


def test_certification_figures_too_old_or_recent(session, hr, clock, loaded):
    fields = {"certification": "RNCP39853", "salary_min": 2000, "salary_max": 2500,
              "salary_currency": "EUR", "salary_period": "month"}
    recent = posting_with(session, hr, clock, **fields, date_posted="2025-06-01",
                          valid_through_date="2025-07-01")
    [offers] = salary_check(recent, clock=clock).comparisons
    assert offers.source == "RNCP39853 ROME K1704, 55% of job offers"
    assert offers.verdict == "within" and offers.period_label == "1er trimestre 2025"
    assert "(1er trimestre 2025): 1 833–3 000 EUR per month gross" in offers.text
    old = posting_with(session, hr, clock, **fields, reference="UJM-TEST-2",
                       date_posted="2027-06-01", valid_through_date="2027-07-01")
    [offers] = salary_check(old, clock=clock).comparisons
    assert offers.verdict == "too_old"
    assert offers.text.endswith("too old to judge by (more than 24 months before 2027-06-01)")


def test_yearly_posting_against_monthly_offers(session, hr, clock, loaded):
    posting = posting_with(session, hr, clock, certification="RNCP39853", salary_min=40000,
                           salary_currency="EUR", salary_period="year",
                           date_posted=date(2025, 5, 2).isoformat(),
                           valid_through_date="2025-06-01")
    [offers] = salary_check(posting, clock=clock).comparisons
    assert (offers.reference_min, offers.reference_max) == (21996, 36000)
    assert offers.verdict == "above" and "the posting's 40 000 EUR per year is above" in \
        offers.text


@pytest.mark.parametrize(("fields", "verdict", "text"), [
    ({}, "no_salary", "the posting states no salary"),
    ({"salary_min": 30000, "salary_currency": "EUR", "salary_period": "year"}, "no_reference",
     "the posting names no occupation or certification to compare its salary with"),
])
def test_nothing_to_compare(session, hr, clock, loaded, fields, verdict, text):
    check = salary_check(posting_with(session, hr, clock, **fields), clock=clock)
    assert (check.verdict, check.text, check.comparisons) == (verdict, text, [])


def test_other_currency_or_hourly_pay_does_not_apply(session, hr, clock, loaded):
    dollars = posting_with(session, hr, clock, **OCCUPATION, salary_min=30000,
                           salary_currency="USD", salary_period="year")
    check = salary_check(dollars, clock=clock)
    assert {c.verdict for c in check.comparisons} == {"not_applicable"}
    assert "figures in EUR, the posting in USD: not compared" in check.comparisons[0].text
    hourly = posting_with(session, hr, clock, **OCCUPATION, reference="UJM-TEST-2",
                          salary_min=15, salary_currency="EUR", salary_period="hour")
    first = salary_check(hourly, clock=clock).comparisons[0]
    assert first.verdict == "not_applicable"
    assert first.text.endswith("pay per year and per hour cannot be compared without working "
                               "hours")


def test_english_profile_states_no_period(session, hr, clock, loaded):
    posting = posting_with(session, hr, clock, occupation="international-project-officer",
                           salary_min=30000, salary_currency="EUR", salary_period="year")
    [first_job] = salary_check(posting, clock=clock).comparisons
    assert first_job.verdict == "not_applicable"
    assert first_job.text.endswith("the figures state no period: not compared")


def test_posting_show_says_where_the_salary_falls(cli, session, hr, clock, loaded):
    posting_with(session, hr, clock, **OCCUPATION, salary_min=1800, salary_max=2100,
                 salary_currency="EUR", salary_period="month")
    text = " ".join(cli("posting show UJM-TEST-1").output.split())
    assert "Salary check below the range (occupation charge-cooperation-internationale, " \
        "DÉBUTANT (- de 3ans))" in text
    assert "is below the range" in text and "1800–2100 EUR per month" in text
    record = json.loads(cli("posting show UJM-TEST-1 --format json").output)
    assert [c["verdict"] for c in record["salary_check"]["comparisons"]] == ["below", "below"]
    assert record["salary_check"]["comparisons"][0]["reference_min"] == "2166.67"


def test_the_check_in_french(session, hr, clock, loaded):
    posting = posting_with(session, hr, clock, **OCCUPATION, working_time_percent=50,
                           salary_min=14000, salary_max=15000, salary_currency="EUR",
                           salary_period="year")
    check = salary_check(posting, clock=clock, lang="fr")
    junior = check.comparisons[0]
    assert junior.verdict == "within"  # the verdicts are the same in both languages
    assert junior.source == "métier charge-cooperation-internationale, DÉBUTANT (- de 3ans)"
    assert "(non daté) : 26 000–32 000 EUR par an brut" in junior.text
    assert ("le salaire de l'offre, 28 000–30 000 EUR par an (équivalent temps plein de 50 %), "
            "est dans la fourchette") in junior.text
    bare = posting_with(session, hr, clock, reference="UJM-TEST-2")
    assert salary_check(bare, clock=clock, lang="fr").text == "l'offre n'indique pas de salaire"
