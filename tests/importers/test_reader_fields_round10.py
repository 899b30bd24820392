"""The text importer's fields other than the title and the employer, tenth round (#15): the
dollar or peso a '$' is by the country the text names (ISO 3166 and the CLDR's currencies, no
hand list), a dollar marked by letters, a pay scale's yearly step. Each text is short and
written for the test, in both languages."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from tracker.importers.text import parse_text
from tracker.importers.text_currency_place import dollar_of, iso_codes, marked_dollar


def _data(text: str, language: str | None = None) -> dict:
    return parse_text(text, language=language).data()


def _level(data: dict) -> str | None:
    """The education level read, as the bench scores it: the first education requirement's."""
    return next((r.get("level") for r in data.get("requirements", [])
                 if r["kind"] == "education"), None)


# A bare '$' is the currency of the one country the text names, when that country writes its
# money with a '$' (Jamaica, Guyana, Chile, Mexico, Fiji...), in English or French.
def test_a_bare_dollar_is_the_currency_of_the_country_named() -> None:
    assert dollar_of("Ministry of Works, Georgetown, Guyana") == "GYD"
    assert dollar_of("GOVERNMENT OF THE REPUBLIC OF FIJI") == "FJD"
    assert dollar_of("Poste basé à Valparaíso (Chili)") == "CLP"
    assert dollar_of("Oficina en Monterrey, Mexico") == "MXN"
    data = _data("Records Officer\nMinistry of Finance, Belmopan, Belize\n"
                 "Salary: $28,400 – $33,100 per annum\n")
    assert (data["salary_currency"], data["salary_min"], data["salary_max"]) == (
        "BZD", Decimal(28400), Decimal(33100))
    data = _data("Professeur de français\nAlliance française de Cali, Colombie\n"
                 "Salaire : 4 200 000 $ par mois\n", "fr")
    assert data["salary_currency"] == "COP"


# Only when the country is sure: several dollar countries named, or another place ('New
# Mexico' is a US state), leave the '$' as before (the US dollar, Canada's in French).
def test_no_country_or_several_leave_the_dollar_as_before() -> None:
    assert dollar_of("We serve clinics in Colombia, Peru and Chile.") is None
    assert dollar_of("Based in Santa Fe, New Mexico") is None
    assert dollar_of("a dish with green chile peppers") is None
    data = _data("Line Cook\nSanta Fe, New Mexico\nPay: $18.50 per hour\n")
    assert data["salary_currency"] == "USD"


# With no country named, the country domain of the text's own addresses says where it is
# ('.ca', '.com.au'), but not a domain used as a generic one ('.co' for company).
def test_the_addresses_country_domain_places_the_dollar() -> None:
    assert dollar_of("Send your CV to jobs@northbayclinic.ca") == "CAD"
    assert dollar_of("Apply at https://careers.redgumwater.com.au/123") == "AUD"
    assert dollar_of("Write to hello@brightpath.co") is None


# A dollar marked by letters: the currency a country writes so ('R$' is the real, 'RD$' the
# Dominican peso), else that of the country named when the first letter agrees ('B$' in the
# Bahamas, in Belize...), else the only dollar whose code starts with the letters ('TT$').
def test_a_dollar_marked_by_letters_is_read_by_its_letters_and_the_country() -> None:
    assert marked_dollar("R$", "") == "BRL"
    assert marked_dollar("RD$", "") == "DOP"
    assert marked_dollar("TT$", "") == "TTD"
    assert marked_dollar("J$", "") == "JMD"
    assert marked_dollar("B$", "Nassau, The Bahamas") == "BSD"
    assert marked_dollar("B$", "Belmopan, Belize") == "BZD"
    assert marked_dollar("B$", "") is None  # Barbados, Bermuda, Brunei...: no sure one
    data = _data("Gerente de produto\nSão Paulo\nSalário: R$ 9.500 – R$ 12.000 por mês\n")
    assert data["salary_currency"] == "BRL"


# 'B$24,750 x 500 – B$29,250': a scale from its first point by a yearly step to its last; the
# step is no end of the range.
def test_a_pay_scales_yearly_step_is_no_end_of_the_range() -> None:
    data = _data("Customs Officer\nGovernment of Saint Lucia\n"
                 "Salary Scale: $31,200 x 960 – $38,880 per annum\n")
    assert (data["salary_min"], data["salary_max"], data["salary_currency"]) == (
        Decimal(31200), Decimal(38880), "XCD")


# The words about applying and the deadline's phrase belong to one sentence, even wrapped over
# two lines: 'Les candidatures ... sont à adresser à X,⏎avant le vendredi 4 juin 2027.'
def test_a_deadline_sentence_is_read_across_the_wrap() -> None:
    data = _data("Animateur (H/F)\nLes candidatures (CV et lettre de motivation) sont à adresser "
                 "à la directrice,\navant le vendredi 4 juin 2027 à 12h00.\n", "fr")
    assert data.get("valid_through_date") == date(2027, 6, 4)
    assert data.get("valid_through_time") == time(12, 0)
    data = _data("Field Officer\nApplications with a CV and two referees should be sent to\n"
                 "jobs@example.org no later than Monday, 3rd May, 2027 at 3:00 p.m.\n")
    assert data.get("valid_through_date") == date(2027, 5, 3)
    assert data.get("valid_through_time") == time(15, 0)


# A board's own line gives the deadline with no word about applying: 'valid until: ...',
# 'Advertised until: ...', 'Closes in 9 days (Friday 2 July 2027)', 'This posting will close on'.
def test_a_boards_closing_line_gives_the_deadline() -> None:
    assert _data("Agent\nPublished: 02.06.2027 · valid until: 02.07.2027 23:59 CEST\n").get(
        "valid_through_date") == date(2027, 7, 2)
    assert _data("Picker\nAdvertised until: 2027/07/02\n").get("valid_through_date") == date(
        2027, 7, 2)
    assert _data("Apprentice\nCloses in 9 days (Friday 2 July 2027 at 11:59pm)\n").get(
        "valid_through_date") == date(2027, 7, 2)
    assert _data("Engineer\nThis posting will close on July 2, 2027.\n").get(
        "valid_through_date") == date(2027, 7, 2)
    # a line about something else that merely ends 'until' stays none
    assert _data("Nurse\nGraduate nurses are paid at the graduate rate until registration\n"
                 "on 2 July 2027.\n").get("valid_through_date") is None


# A date wrapped before its year ('au plus tard le vendredi 9 avril⏎2027'), a phrase wrapped
# in its middle ('au⏎plus tard le ...'): the deadline as if on one line.
def test_a_deadline_wrapped_inside_its_date_or_phrase() -> None:
    data = _data("Maître-nageur (H/F)\nCandidature par courriel à rh@example.fr, au plus tard "
                 "le vendredi 7 mai\n2027 à 17 h. Les entretiens auront lieu ensuite.\n", "fr")
    assert data.get("valid_through_date") == date(2027, 5, 7)
    data = _data("Chargé de mission (H/F)\nLes candidatures sont à adresser par retour de ce "
                 "courriel au\nplus tard le lundi 10 mai 2027.\n", "fr")
    assert data.get("valid_through_date") == date(2027, 5, 10)


# A deadline without its year takes the one year every date of the text is written in
# ('avant le 10 juin' beside 'entretiens le 12 juin 2027'); several years, no guess.
def test_a_yearless_deadline_takes_the_one_year_of_the_texts_dates() -> None:
    text = ("Technicien (H/F)\nEntretiens sur place le samedi 12 juin 2027.\n"
            "Envoyez votre CV avant le 10 juin à rh@example.ma\n")
    assert _data(text, "fr").get("valid_through_date") == date(2027, 6, 10)
    text = ("Technician\nFounded on 3 March 1998, we hold interviews on Saturday 12 June "
            "2027.\n"
            "Send your CV before 10 June to hr@example.com\n")
    assert _data(text).get("valid_through_date") is None


# 'Application Deadline: None (rolling)': a deadline said to be none is none, and the next
# line's date ('Listed on ...') is not it.
def test_a_deadline_said_to_be_none_is_none() -> None:
    text = "Coordinator\n  Application Deadline: None (rolling)\n  Listed on 01/11/2027\n"
    assert _data(text).get("valid_through_date") is None
    text = "Animateur\nDate limite : aucune (recrutement au fil de l'eau)\nPublié le 02/03/2027\n"
    assert _data(text, "fr").get("valid_through_date") is None


# A contract label's value 'Regular', 'Continuing' or 'Ongoing' is the open-ended contract
# (the words of North American and Australian employers), beside the working time or alone.
def test_regular_or_continuing_under_a_contract_label_is_permanent() -> None:
    for line in ("Status: Regular Full-Time", "Employee Type: Regular",
                 "Job Type:     Part-Time Regular", "Work type: Continuing, part-time",
                 "Position type: Ongoing"):
        data = _data(f"Payroll Officer\n{line}\nSalary: $61,000 per year\n")
        assert data.get("employment_type") == "permanent", line
    # the word in running text is no label's value
    data = _data("Payroll Officer\nYou will report on a regular schedule to the controller.\n")
    assert data.get("employment_type") is None


# A diploma named by the trade or profession it licenses gives its level: the brevet
# professionnel of a trade and the bac pro (level 4, Bac), the auxiliaire de puériculture's
# diplôme d'État (level 4 since 2021), the puéricultrice's (level 6), a skilled worker's
# certificate (a trade learnt in full).
def test_a_diploma_named_by_its_trade_gives_its_level() -> None:
    cases = [("Profil : BP coiffure exigé.", "fr", "Bac"),
             ("Profil : titulaire du Brevet professionnel boucher.", "fr", "Bac"),
             ("Profil : Diplôme d'État d'auxiliaire de puériculture exigé.", "fr", "Bac"),
             ("Profil : Diplôme d'État de puéricultrice exigé.", "fr", "Bac+3"),
             ("Requirements: a skilled worker's certificate as an electrician.", "en",
              "cap_bep")]
    for line, language, level in cases:
        data = _data(f"Technicien (H/F)\nUne entreprise de Nantes recrute.\n\n{line}\n", language)
        assert _level(data) == level, line
    # 'BP 1234' is a post-office box, no diploma
    assert _level(_data("Technicien (H/F)\nUne entreprise de Dakar recrute.\n\nÉcrire à BP "
                        "1234, Dakar.\n", "fr")) is None


# A sum written with its currency's ISO code is in that currency, for any code in use today
# (the CLDR's table), not only those a hand list knew; a code that is also a word is none.
def test_any_iso_code_in_use_names_the_currency() -> None:
    data = _data("Profesor de francés\nSalario: 1 250 000 CLP brutos mensuales\n")
    assert (data.get("salary_currency"), data.get("salary_min")) == ("CLP", Decimal(1250000))
    data = _data("Assistant(e)\nRémunération : 68 000 ETB par mois\n", "fr")
    assert data.get("salary_currency") == "ETB"
    assert "ALL" not in iso_codes() and "COP" in iso_codes() and "JMD" in iso_codes()


# 'Minimum Salary: $38.20 / Maximum Salary: $47.75 / Salary Basis: Hourly': the basis label
# under a scale gives its period.
def test_a_basis_label_gives_the_period_of_the_scale_above() -> None:
    data = _data("Respiratory Therapist\nCalgary, Alberta\nMinimum Salary: $38.20\n"
                 "Maximum Salary: $47.75\nSalary Basis: Hourly\n")
    assert (data.get("salary_min"), data.get("salary_max"), data.get("salary_period"),
            data.get("salary_currency")) == (Decimal("38.20"), Decimal("47.75"), "hour", "CAD")
