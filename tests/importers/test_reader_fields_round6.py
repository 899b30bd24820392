"""The text importer's fields other than the title and the employer, read by the role a line
plays on the page (#15 item 3, sixth round): references under qualified labels and letters'
file numbers, notices' dates, currencies named by the country, degrees of other countries,
contracts and working times in more words. Each text is short and written for the test."""

from __future__ import annotations

from datetime import date

from tracker.importers.text import parse_text


def _data(text: str, language: str | None = None) -> dict:
    return parse_text(text, language=language).data()


# A reference word qualified by whose reference it is, a posting noun with its number word.
def test_a_qualified_reference_label_gives_the_reference() -> None:
    cases = {
        "Soudeur (H/F)\nRéf. interne : SOU-27-09 | CDI\n": "SOU-27-09",
        "Cariste (H/F)\nRéf. agence : LYO-27-0441\n": "LYO-27-0441",
        "Chargé d'affaires (H/F)\nMerci d'indiquer la référence à rappeler : CAF-302.\n":
            "CAF-302",
        "OFFRE D'EMPLOI — Affichage no 2027-31\nMécanicien\n": "2027-31",
        "Préposé à l'entretien\nAffichage no : ENT-2027-12\n": "ENT-2027-12",
        "RECRUITMENT NOTICE\nAdvt. No. KRL/HR/2027/06        Dated: 03.02.2027\n":
            "KRL/HR/2027/06",
        "Employment Notice No. 11/2027\nTechnician Grade II\n": "11/2027",
    }
    for text, reference in cases.items():
        assert _data(text)["reference"] == reference, text


def test_a_date_beside_a_posting_noun_is_no_reference() -> None:
    text = "Pharmacien adjoint (H/F)\nDate de l'annonce : 18 janvier 2027\nCDI temps plein.\n"
    assert _data(text).get("reference") is None


def test_a_letters_file_number_or_a_bracketed_number_under_the_heading_is_the_reference(
        ) -> None:
    letter = ("No. A-22/2027-Admn.\nGovernment of Somewhere\nDirectorate of Fisheries\n\n"
              "VACANCY CIRCULAR\nSubject: filling up of one post of Research Officer.\n")
    assert _data(letter)["reference"] == "A-22/2027-Admn"
    bracketed = ("UNITED NATIONS BODY\n\nProgramme Officer (Nutrition)\n( 2710033 )\n\n"
                 "Grade: P3\nContract Duration: 2 years\n")
    assert _data(bracketed)["reference"] == "2710033"


# The day a notice is dated: a column of its header, or 'Dated the 10th December, 2026'.
def test_a_notices_dated_column_or_dated_the_gives_the_date_posted() -> None:
    cases = {
        "NOTIFICATION\nAdvt. No. 07/2027                        Dated: 14.03.2027\n"
        "Engineer Trainee posts.\n": date(2027, 3, 14),
        "No. 5-1/2027-Estt.\nGovernment of India\n\nDated the 4th February, 2027\n\n"
        "VACANCY CIRCULAR\n": date(2027, 2, 4),
        "Junior Assistant recruitment\nPost Date : 26 December 2026 | Short Info : the "
        "notification is out.\n": date(2026, 12, 26),
    }
    for text, posted in cases.items():
        assert _data(text, "en")["date_posted"] == posted, text


# A period counted from a publication in another medium: its day is not the posting's.
def test_days_counted_from_a_publication_elsewhere_give_no_deadline() -> None:
    text = ("No. 3-9/2027-Estt.\nDated the 2nd March, 2027\n\nVACANCY CIRCULAR\n"
            "Applications should reach us within 60 days from the date of publication of this "
            "circular in the Employment News.\n")
    data = _data(text, "en")
    assert data["date_posted"] == date(2027, 3, 2)
    assert data.get("valid_through_date") is None
    here = ("Avis de recrutement\nPublié le 2 mars 2027\nLes candidatures sont reçues dans un "
            "délai de 15 jours à compter de la publication du présent avis.\n")
    assert _data(here, "fr")["valid_through_date"] == date(2027, 3, 17)
