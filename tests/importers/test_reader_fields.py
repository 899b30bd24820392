"""The text importer reads every field but the title and the employer the way a reader does, on
layouts and conventions of publishers it was not written on (#15 item 3, third round): dates
both ways and without their year, contracts stated or only implied, pay written abroad, levels
of study named by their country, references and grades after the words boards use."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from tracker.importers.base import SURE
from tracker.importers.text import parse_text
from tracker.models.enums import EmploymentType as E


def _data(text: str, language: str | None = None) -> dict:
    return parse_text(text, language=language).data()


# Dates ---------------------------------------------------------------------------------------

def test_the_publication_date_after_its_phrase_or_on_a_dateline():
    assert _data("Gardener\nCDI · Angers · Publiée le 06/05/2027\n")["date_posted"] == \
        date(2027, 5, 6)
    assert _data("Warden\nDate published: 06-Apr-2027\nApply now.\n")["date_posted"] == \
        date(2027, 4, 6)
    assert _data("The Northern Echo — Situations Vacant\nTuesday 4 May 2027\n\nCOOK wanted "
                 "for a busy kitchen. Apply by email.\n")["date_posted"] == date(2027, 5, 4)
    letter = parse_text("Grenoble, le 12 mars 2027\n\nObjet : poste de jardinier\n")
    assert letter.value("date_posted") == date(2027, 3, 12)
    assert letter.get("date_posted").confidence < SURE  # a dateline is a guess to check
    # the results' date is no publication date
    assert "date_posted" not in _data("Analyst\nThe shortlist will be published on 3 May "
                                      "2027.\n")


def test_a_deadline_without_its_year_takes_the_year_after_the_publication():
    parsed = parse_text("Baker\nOffre publiée le 20 décembre 2027\nCandidatures avant le "
                        "8 janvier, par courriel à four@exemple.fr.\n")
    assert parsed.value("valid_through_date") == date(2028, 1, 8)
    assert parsed.get("valid_through_date").confidence < SURE
    # nothing to deduce it from: no year is guessed
    assert "valid_through_date" not in _data("Baker\nCandidatures avant le 8 janvier, par "
                                             "courriel à four@exemple.fr.\n")
    # without a publication date, the last such day before the start of the work
    assert _data("Guide\nSaison du 15 mai au 15 septembre 2027.\nEnvoyez votre CV avant le "
                 "10 avril à guide@exemple.fr.\n")["valid_through_date"] == date(2027, 4, 10)


def test_month_first_texts_and_dates_written_abroad():
    data = _data("Senior Accountant\nPosted: 06/03/2027 · Apply by: 06/30/2027\n", "en")
    assert (data["date_posted"], data["valid_through_date"]) == (date(2027, 6, 3),
                                                                  date(2027, 6, 30))
    # dotted dates are day first wherever they are written
    assert _data("Data Scientist\nDeadline for applications: 01.03.2027\n", "en")[
        "valid_through_date"] == date(2027, 3, 1)
    data = _data("Evaluator\nDeadline: 19-Jan-27 @ 05:00 PM (New York time)\n", "en")
    assert (data["valid_through_date"], data["valid_through_time"], data["timezone"]) == (
        date(2027, 1, 19), time(17, 0), "America/New_York")
    data = _data("Educator\nPosted February 10, 2027\nApplications are accepted through "
                 "11:59 p.m. ET on March 3rd. Send a resume to jobs@example.org.\n", "en")
    assert (data["valid_through_date"], data["valid_through_time"], data["timezone"]) == (
        date(2027, 3, 3), time(23, 59), "America/New_York")


def test_deadline_words_of_other_countries_and_an_application_period():
    assert _data("Bibliothécaire\nDélai de postulation : 31.10.2027\n")[
        "valid_through_date"] == date(2027, 10, 31)
    data = _data("Analyste\nPériode d'inscription : du 1er au 15 mars 2027, jusqu'à 23 h 59\n")
    assert (data["valid_through_date"], data["valid_through_time"]) == (date(2027, 3, 15),
                                                                        time(23, 59))
    assert _data("Clerk\nOpen Date: 04/12/2027\nClose Date: 05/14/2027\n", "en")[
        "valid_through_date"] == date(2027, 5, 14)


def test_a_deadline_and_an_interview_in_one_sentence_are_told_apart():
    data = _data("Animateur\nMis en ligne le 2 mars 2027\nLes candidatures sont étudiées "
                 "jusqu'au samedi 10 avril, entretiens par visio la semaine suivante.\n")
    assert data["valid_through_date"] == date(2027, 4, 10)
    assert "interviews" not in data
    data = _data("Coach\nPosted 1 August 2027\nClosing date: 9 August. Interviews will be "
                 "held w/c 16 August.\n", "en")
    assert data["valid_through_date"] == date(2027, 8, 9) and "interviews" not in data
    data = _data("Objet : poste d'animateur\nMerci de renvoyer votre CV avant le 10 mars 2027 ; "
                 "nous pourrions nous rencontrer le mercredi 17 mars à 14 h.\n")
    assert data["valid_through_date"] == date(2027, 3, 10)
    assert data["interviews"] == [{"date": date(2027, 3, 17), "time": time(14, 0)}]


def test_start_words_of_other_countries():
    data = _data("Juriste\nEntrée en fonction : 01.03.2027 ou à convenir\n")
    assert data["job_start_date"] == date(2027, 3, 1)
    data = _data("Commis\nDate de début d'affichage : 2027-01-26\n")
    assert "job_start_date" not in data and data["date_posted"] == date(2027, 1, 26)


# Contracts -----------------------------------------------------------------------------------

def _contract(text: str, language: str | None = None) -> tuple[E | None, int | None]:
    parsed = parse_text(text, language=language)
    return parsed.value("employment_type"), parsed.value("duration_months")


def test_contract_words_of_other_countries():
    assert _contract("Policy Analyst\nIndeterminate\nFull-time\n", "en")[0] is E.PERMANENT
    assert _contract("Senior Accountant\nBoise · Direct Hire · Full-time\n", "en")[0] \
        is E.PERMANENT
    assert _contract("Secrétaire\nEngagement de durée indéterminée.\n")[0] is E.PERMANENT
    assert _contract("Analyste\nEmploi occasionnel d'une durée de 12 mois, à temps complet.\n") \
        == (E.FIXED_TERM, 12)
    assert _contract("Lift Operator\nWinter Seasonal Jobs\nSeason dates: December 10, 2027 – "
                     "April 9, 2028\n", "en") == (E.FIXED_TERM, 4)


def test_a_holder_of_a_diploma_or_a_permanent_resident_states_no_contract():
    assert _contract("Surveillant\nÊtre titulaire du baccalauréat.\n")[0] is None
    assert _contract("Fellow\nApplicants must be citizens or permanent residents.\n", "en")[0] \
        is None


def test_contract_as_a_boards_job_type_is_a_contractor():
    assert _contract("Technical Writer (6-month contract)\nNorthwind · Remote · Contract\n",
                     "en")[0] is E.FREELANCE
    assert _contract("Finance Partner\nJob type: Contract, 6 months\n", "en") == (E.FREELANCE, 6)
    assert _contract("Contract Manager\nWe manage supplier contracts.\n", "en")[0] is None
    # 'Contract' alone on its line is a label, its value on the next
    assert _contract("Analyst\nContract\nFull-time\n", "en")[0] is None


def test_a_stated_contract_beats_words_that_name_the_post():
    assert _contract("Associate Consultant\nLondon | Permanent | Full-time\n", "en")[0] \
        is E.PERMANENT
    kind, months = _contract("Postdoctoral Fellow\nThe appointment is for one year. Trainees "
                             "must attend the seminar.\n", "en")
    assert (kind, months) == (E.FIXED_TERM, 12)
    assert _contract("Stage - Assistant marketing (6 mois)\nContrat : stage de 6 mois\n") == (
        E.INTERNSHIP, 6)


def test_terms_of_a_stated_length_and_a_stated_end():
    assert _contract("Dean\nThe Dean is appointed for a five-year renewable term.\n", "en") == (
        E.FIXED_TERM, 60)
    assert _contract("Accompagnant\n- Contrat de droit public de 3 ans, renouvelable une fois, "
                     "puis CDI\n") == (E.FIXED_TERM, 36)
    assert _contract("Data Scientist\nThe position is limited to 31.12.2028. Start: 1 April "
                     "2027.\n", "en") == (E.FIXED_TERM, 21)
    # an academic year is no term
    assert _contract("Assistant Professor\nTenure-track, nine-month appointment\n", "en") == (
        E.PERMANENT, None)


def test_two_contracts_offered_are_other_and_none_stated_is_nothing():
    parsed = parse_text("Psychiatre\nSalarié (CDI) ou libéral\n")
    assert parsed.value("employment_type") is E.OTHER
    assert parsed.get("employment_type").confidence < SURE
    assert _contract("Agent\nPériode déterminée, Indéterminée\n")[0] is E.OTHER
    assert _contract("Agent technique\nRecrutement par voie contractuelle (contrat de 1 an) ou "
                     "statutaire.\n") == (E.OTHER, None)
    assert _contract("Avocat collaborateur\nNous recherchons un collaborateur libéral.\n")[0] \
        is E.FREELANCE
    assert _contract("Data Engineer\nWe build pipelines.\n", "en")[0] is None
    # shifts 'en alternance' are no work-study
    assert _contract("Cariste\nHoraires : 5h-12h / 13h-20h en alternance\n")[0] is None


# Pay -----------------------------------------------------------------------------------------

def _salary(text: str, language: str | None = None) -> tuple:
    data = _data(text, language)
    return tuple(data.get(name) for name in ("salary_min", "salary_max", "salary_currency",
                                             "salary_period"))


def test_thousands_marks_of_other_countries():
    assert _salary("Juriste\nSalaire annuel brut : CHF 70'512.– à CHF 97'464.–\n") == (
        Decimal(70512), Decimal(97464), "CHF", "year")
    assert _salary("Chargé de projet\nSalaire : de 4.012 € à 6.598 € brut par mois\n") == (
        Decimal(4012), Decimal(6598), "EUR", "month")
    assert _salary("Attaché\nSalaire minimum : 52.433,15 € brut annuel\n")[:1] == (
        Decimal("52433.15"),)
    assert _salary("Cariste\nSalaire brut : Horaire de 12,50 Euros sur 12 mois\n") == (
        Decimal("12.50"), None, "EUR", "hour")


def test_dollars_by_the_country_the_posting_names_and_weekly_pay():
    assert _salary("Program Advisor\nOntario Public Service, Toronto\nSalary: $1,677.38 - "
                   "$2,150.52 Per Week\n", "en") == (Decimal("1677.38"), Decimal("2150.52"),
                                                     "CAD", "week")
    assert _salary("Policy Officer\nCanberra ACT\nSalary: $98,000 - $108,000 plus "
                   "superannuation\n", "en")[2] == "AUD"
    assert _salary("Commis\nSalaire : de 28,45 $ à 34,12 $ l'heure\nVille de Montréal\n")[2:] \
        == ("CAD", "hour")
    assert _salary("Engineer\nSalary: $120,000 - $140,000 per year\nAustin, TX\n", "en")[2] \
        == "USD"
    assert _salary("Chargé de suivi\nYaoundé, Cameroun\nSalaire : 450 000 FCFA par mois\n")[
        2] == "XAF"


def test_a_range_whose_second_end_has_no_currency_and_actual_part_time_pay():
    assert _salary("Officer\nSalary: EUR 58,000 - 64,000 gross per year\n", "en")[:3] == (
        Decimal(58000), Decimal(64000), "EUR")
    assert _salary("Coach\nSalary: £19,800 - £21,600 per annum (actual, for 0.6 FTE)\n",
                   "en")[:2] == (Decimal(19800), Decimal(21600))
    # an annual leave is no annual pay
    assert _salary("Volunteer\nA monthly living allowance of XOF 850,000, annual leave.\n",
                   "en")[3] == "month"


# Levels of study ---------------------------------------------------------------------------

def _level(text: str, language: str | None = None) -> str | None:
    return next((r["level"] for r in _data(text, language).get("requirements", [])
                 if r["kind"] == "education"), None)


def test_levels_of_study_named_by_their_country():
    assert _level("Assistant social\n- Bachelier assistant social (diplôme requis)\n") == \
        "Bac+3"
    assert _level("Électricien\n- Être titulaire d'un diplôme de l'enseignement secondaire "
                  "supérieur (CESS)\n") == "Bac"
    assert _level("Front Desk Agent\nRequirements\n- High school diploma or equivalent\n",
                  "en") == "Bac"
    assert _level("Analyste\nÊtre titulaire d'un diplôme universitaire de premier cycle "
                  "(baccalauréat) en économie.\n") == "Bac+3"
    assert _level("Surveillant\nÊtre titulaire du baccalauréat.\n") == "Bac"
    assert _level("Agent technique\nProfil : CAP ou BEP dans un métier du bâtiment.\n") == \
        "cap_bep"


def test_a_diplomas_grade_the_lowest_of_alternatives_and_a_preferred_degree():
    assert _level("Infirmier\nTitulaire du Diplôme d'État d'infirmier (grade licence), vous "
                  "justifiez d'une expérience d'encadrement.\n") == "Bac+3"
    assert _level("Formateur\nProfil : master FLE ou licence avec mention FLE.\n") == "Bac+3"
    assert _level("Marketing Manager\nA degree in marketing or a related field is "
                  "preferred.\n", "en") is None
    assert _level("Juriste\n- Master en droit d'une université suisse, brevet d'avocat un "
                  "atout\n") == "Bac+5"
    # a PhD position asks for the degree before it
    assert _level("PhD Candidate in Hydrology\nWe ask:\n- A Master's degree in hydrology\n",
                  "en") == "Bac+5"


# References and grades ---------------------------------------------------------------------

def test_references_after_the_words_boards_use():
    def reference(line: str) -> str | None:
        return _data(f"Clerk\n{line}\n", "en").get("reference")

    assert reference("Position number: WTR/27/0419") == "WTR/27/0419"
    assert reference("Req #: 2027-118") == "2027-118"
    assert reference("Send your CV, quoting job ref KT-5521.") == "KT-5521"
    assert reference("Numéro d'affichage : MTL-27-0112") == "MTL-27-0112"
    assert reference("Ref. Apec : 176012944W") == "176012944W"
    assert reference("Requisition: 03/05/2027") is None  # a date
    assert reference("We offer 25 days of leave") is None
    assert reference("Selection process number: 27-XYZ-0415") is None


def test_grades_of_pay_scales():
    def grade(line: str) -> str | None:
        return _data(f"Officer\n{line}\n", "en").get("category")

    assert grade("Classification: APS Level 6") == "APS Level 6"
    assert grade("Salary: TV-L E13, depending on experience") == "E13"
    assert grade("Pay follows the TVöD Bund (E13).") == "E13"
    assert grade("Band 6 Rotational Physiotherapist") == "Band 6"
    assert grade("Salary: £39,355 to £45,413 per annum. Grade 7.") == "7"
    assert grade("Réf. 2027-0881 · Classe de fonction : 16") == "16"
    assert grade("- Barème B1 : 2.812,45 € brut/mois") == "B1"
    assert grade("EC-05") == "EC-05"
    assert grade("Grade and salary depend on experience") is None


def test_currencies_written_after_the_sum_and_in_other_scripts():
    assert _salary("Engineer\nSalary: $85,000 - $95,000 CAD per year\n", "en") == (
        Decimal(85000), Decimal(95000), "CAD", "year")
    assert _salary("Analyst\nSalary: INR 8,50,000 - 12,00,000 per annum\n", "en")[:3] == (
        Decimal(850000), Decimal(1200000), "INR")
    assert _salary("Comptable\nSalaire : 12 000 DH par mois, Casablanca\n")[2:] == (
        "MAD", "month")
    assert _salary("Analyst\nSalary: S$5,000 per month\n", "en")[2] == "SGD"


# Share of full time ----------------------------------------------------------------------------

def _share(text: str, language: str | None = None) -> int | None:
    return _data(text, language).get("working_time_percent")


def test_a_choice_of_shares_is_no_share():
    assert _share("Policy Advisor\nFlexible working, Full-time, Job share, Part-time\n",
                  "en") is None
    assert _share("Psychiatre\nTemps plein ou 4/5e, sans gardes.\n") is None
    assert _share("Data Scientist 80-100%\nBern\n", "en") is None
    assert _share("Engineer\nHours: 32-40 hours per week\n", "en") is None
    # a working day's hours are no choice
    assert _share("Électricien\nTemps plein, horaire de jour (7 h 30 – 15 h 48)\n") == 100


def test_days_a_week_hours_a_week_and_the_full_week_stated():
    assert _share("Bookkeeper\n3 days a week (Mon-Wed), 9am to 5pm.\n", "en") == 60
    assert _share("Médiateur\nTemps de travail : 28 heures hebdomadaires\n") == 80
    assert _share("Manager\n30 hours per week, term time (full time is 37 hours)\n", "en") == 81
    assert _share("Researcher\nThe position is limited to 36 months, with 65 % of the regular "
                  "working hours. Payment follows the pay scale TV-L E13.\n", "en") == 65


def test_the_dollar_of_the_country_named_first():
    assert _salary("Engineer\nAustin, TX\nWe have offices in the US and Canada.\nSalary: "
                   "$120,000 per year\n", "en")[2] == "USD"
    assert _salary("Analyst\nToronto, Ontario\nOur US parent company is in Boston.\nSalary: "
                   "$80,000 per year\n", "en")[2] == "CAD"


def test_a_contract_named_before_a_first_term_and_an_engagement_for_a_time():
    assert _contract("Delegate\nContract: open-ended, after an initial 12-month field "
                     "assignment.\n", "en") == (E.PERMANENT, None)
    assert _contract("Backend Engineer\nNorthwind · Contract · $70–$90/hour\nWe are hiring a "
                     "contractor for a 6-month engagement.\n", "en") == (E.FREELANCE, 6)


def test_notices_and_groups_of_other_administrations():
    data = _data("Chargé de suivi\nAVIS DE RECRUTEMENT N° 07/2027\nDakar\n")
    assert data["reference"] == "07/2027"
    assert _data("Juriste\nRecrutement sous le statut de l'employé de l'État, groupe "
                 "d'indemnité A1.\n")["category"] == "A1"


def test_more_words_for_deadlines_starts_and_publication():
    assert _data("Data Analyst\nLast date to apply: 30th September 2027\nBengaluru\n", "en")[
        "valid_through_date"] == date(2027, 9, 30)
    data = _data("Officer\nListed on 3 Sep 2027\nApplications close 20 Sep 2027\n", "en")
    assert (data["date_posted"], data["valid_through_date"]) == (date(2027, 9, 3),
                                                                  date(2027, 9, 20))
    assert _data("Ingénieur\nDate d'entrée en service : 1er octobre 2027\n")[
        "job_start_date"] == date(2027, 10, 1)
    assert _data("Teacher\nJoining date: 1 August 2027\n", "en")["job_start_date"] == \
        date(2027, 8, 1)


def test_a_post_for_a_time_takes_the_kind_its_words_name():
    assert _contract("Cariste\nNotre client recherche des caristes pour une mission d'intérim de "
                     "2 mois, renouvelable.\n") == (E.TEMPORARY, 2)
    assert _contract("Chargée d'études\nUn poste pour une durée de 9 mois.\n") == (
        E.FIXED_TERM, 9)


def test_a_french_posting_abroad_keeps_its_own_time_zone():
    def zone(text: str) -> str | None:
        return _data(text, "fr").get("timezone")

    assert zone("Commis\nVille de Montréal\nDate limite : 9 février 2027\n") == "America/Toronto"
    assert zone("Juriste\nÉtat de Vaud, Lausanne\nDélai de postulation : 10.01.2027\n") == \
        "Europe/Zurich"
    assert zone("Agent\nDate limite : 2027-09-20 - 23:59, heure du Pacifique\n") == \
        "America/Vancouver"
    # a place named later (a partner abroad) does not move a posting from France
    assert zone("Chargé de coopération\nSaint-Étienne (42)\nPartenariats avec le Québec.\n") \
        == "Europe/Paris"


def test_quebec_diplomas():
    assert _level("Technicien\nExigences : diplôme d'études collégiales (DEC) en techniques "
                  "administratives.\n") == "Bac+2"
    assert _level("Commis\nExigences\n- Diplôme d'études secondaires (DES)\n") == "Bac"
