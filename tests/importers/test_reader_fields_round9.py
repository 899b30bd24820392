"""The text importer's fields other than the title and the employer, ninth round (#15): the
currencies of the Maghreb as boards write them (DA, DH, dinars by country), a board's period
of publication (its first day the posting's, its last the deadline, neither the work's), and
an expiry date. Each text is short and written for the test."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tracker.importers.text import parse_text


def _data(text: str, language: str | None = None) -> dict:
    return parse_text(text, language=language).data()


# The Algerian dinar written 'DA' after the sum; a Moroccan dirham 'DH' on a line with no
# word of pay; 'dinars' are Algeria's where the text names Algeria, else Tunisia's.
def test_maghreb_currencies_as_written() -> None:
    data = _data("Magasinier\nEntreprise de négoce\nSalaire : 45 000 – 52 000 DA net par mois\n",
                 "fr")
    assert (data["salary_min"], data["salary_max"], data["salary_currency"],
            data["salary_period"]) == (Decimal(45000), Decimal(52000), "DZD", "month")
    data = _data("Technicien\nNous offrons :\n- 6 200 DH net / mois + transport\n", "fr")
    assert (data["salary_min"], data["salary_currency"], data["salary_period"]) == (
        Decimal(6200), "MAD", "month")
    assert _data("Chauffeur\nPoste basé à Constantine (Algérie)\nSalaire : 38 000 dinars par "
                 "mois\n", "fr")["salary_currency"] == "DZD"
    assert _data("Chauffeur\nPoste basé à Sfax\nSalaire : 1 400 dinars par mois\n",
                 "fr")["salary_currency"] == "TND"


# 'Publication : du ... au ...': the board shows the posting between those days; the first is
# the day it was posted, the last the day applications close, and no period of work.
def test_a_period_of_publication_gives_posted_and_deadline() -> None:
    data = _data("Acheteur (H/F)\nSociété industrielle\nPublication : du 12/05/2028 au "
                 "11/06/2028 | Postes : 1\nCDI\n", "fr")
    assert data.get("date_posted") == date(2028, 5, 12)
    assert data.get("valid_through_date") == date(2028, 6, 11)
    assert "job_start_date" not in data and "duration_months" not in data
    data = _data("Acheteur (H/F)\nPériode de parution : du 2 mai 2028 au 30 mai 2028\nCDI\n",
                 "fr")
    assert "job_start_date" not in data and "duration_months" not in data
    assert data.get("valid_through_date") == date(2028, 5, 30)


# 'Date d'expiration' is when the posting expires: its deadline.
def test_an_expiry_date_is_the_deadline() -> None:
    data = _data("Comptable\nSociété X\nPubliée le 03.05.2028\nDate d'expiration : "
                 "24.05.2028\n", "fr")
    assert data.get("valid_through_date") == date(2028, 5, 24)
    assert data.get("date_posted") == date(2028, 5, 3)


# The US contractor's terms name the contract: 'C2C', 'Corp-to-Corp', 'on 1099' (a
# contractor's), not when refused ('no C2C'); '6+ months' is six months.
def test_us_contractor_terms_and_a_plus_duration() -> None:
    data = _data("QA Analyst || Remote || C2C\nDuration: 9+ months\nRate: $55/hr\n", "en")
    assert (data.get("employment_type"), data.get("duration_months")) == ("freelance", 9)
    data = _data("Network Engineer\nEngagement: Corp-to-Corp, 18+ months\nRate: $70/hr\n", "en")
    assert (data.get("employment_type"), data.get("duration_months")) == ("freelance", 18)
    assert _data("Designer\nPaid on 1099, remote\nBudget: $40/hr\n",
                 "en").get("employment_type") == "freelance"
    data = _data("Data Analyst\nFixed-term, 12 months\nPay: $48/hr on W2 (no C2C, no 1099)\n",
                 "en")
    assert (data.get("employment_type"), data.get("duration_months")) == ("fixed_term", 12)


# A funded PhD (a studentship, a PhD scholarship) is a student's stipend, no contract: other,
# for the years the text gives it ('3.5 years', 'a four-year PhD').
def test_a_phd_studentship_is_other_for_its_years() -> None:
    data = _data("Studentship in Soil Ecology – 3.5 years\nThe award pays fees and a stipend.\n",
                 "en")
    assert (data.get("employment_type"), data.get("duration_months")) == ("other", 42)
    data = _data("PhD Scholarship in Coastal Law\nWe offer a three-year PhD in maritime law, "
                 "with a stipend paid monthly.\n", "en")
    assert (data.get("employment_type"), data.get("duration_months")) == ("other", 36)


# A casual's status (called in as needed, no guaranteed hours, no term) is neither a fixed term
# nor a temp's assignment: other; a casual dress code is no contract.
def test_a_casual_status_is_other() -> None:
    assert _data("Care Aide\nStatus: Casual (relief, hours as needed)\n",
                 "en").get("employment_type") == "other"
    assert _data("Barista\nCasual dress code and a friendly team\n",
                 "en").get("employment_type") is None
