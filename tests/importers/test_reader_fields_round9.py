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
