"""The text importer's fields other than the title and the employer on publishers the corpus
does not hold (#15 item 3, fourth round): US federal and county boards, Gulf, Indian, Malaysian
and African employers, French overseas territories, concours, seasonal work, holiday camps.
Each text is short and written for the test; each asks what a reader would read."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from tracker.importers.base import SURE
from tracker.importers.text import parse_text
from tracker.models.enums import EmploymentType as E


def _data(text: str, language: str | None = None) -> dict:
    return parse_text(text, language=language).data()


USAJOBS = """Supervisory Program Analyst
Department of Veterans Affairs

Open & closing dates
01/05/2027 to 01/19/2027
Salary
$86,962 - $113,047 per year
Pay scale & grade
GS 12
Location
Denver, CO
Remote job
No
Telework eligible
Yes
Appointment type
Permanent
Work schedule
Full-time
Announcement number
VHA-27-12345678

How to Apply
Your application must be received by 11:59 PM Eastern Time on 01/19/2027.
"""


def test_a_us_federal_posting_read_label_under_label():
    data = _data(USAJOBS)
    assert data["valid_through_date"] == date(2027, 1, 19)  # the closing one of the pair
    assert data["date_posted"] == date(2027, 1, 5)
    assert data["valid_through_time"] == time(23, 59)
    assert data["reference"] == "VHA-27-12345678"  # not 'Telework' after 'job' / 'No'
    assert data["category"] == "GS 12"
    assert data["employment_type"] is E.PERMANENT
    assert data["working_time_percent"] == 100
    assert (data["salary_min"], data["salary_max"], data["salary_currency"],
            data["salary_period"]) == (Decimal("86962"), Decimal("113047"), "USD", "year")


def test_a_county_board_posting():
    data = _data("Eligibility Technician II\nCounty of Sonoma\n\nSalary\n$28.50 - $36.10 Hourly\n"
                 "Job Type\nFull-Time\nJob Number\n2027-00145\nOpening Date\n12/18/2026\n"
                 "Closing Date\n1/15/2027 11:59 PM Pacific\n")
    assert (data["date_posted"], data["valid_through_date"], data["valid_through_time"]) == (
        date(2026, 12, 18), date(2027, 1, 15), time(23, 59))
    assert (data["salary_min"], data["salary_max"], data["salary_period"]) == (
        Decimal("28.50"), Decimal("36.10"), "hour")
    assert data["reference"] == "2027-00145"


def test_numeric_dates_read_by_the_habit_of_the_place_named_and_left_to_check():
    parsed = parse_text("Data Analyst\nHealth New Zealand, Wellington\nListed: 11/01/2027\n"
                        "Applications close: 5pm, 02/03/2027\n")
    assert parsed.value("date_posted") == date(2027, 1, 11)
    assert parsed.value("valid_through_date") == date(2027, 3, 2)
    assert parsed.get("valid_through_date").confidence < SURE  # the place's habit: a guess
    # a US place: month first
    assert _data("Clerk\nSpringfield, IL\nPosted: 03/04/2027\n")["date_posted"] == \
        date(2027, 3, 4)
    # a date written in words wins over one read by the habit
    data = _data("Officer\nAddis Ababa\n  • Deadline:\n    06/08/2025\n\nDeadline for "
                 "Applications\n\nAugust 5, 2025\n")
    assert data["valid_through_date"] == date(2025, 8, 5)


def test_a_notice_signed_at_its_foot_and_a_deadline_counted_from_publication():
    data = _data("AVIS DE RECRUTEMENT\nL'Agence recrute un comptable.\nLes dossiers sont à "
                 "déposer au plus tard le 15 mars 2027.\n\nYaoundé, le 22 février 2027\n")
    assert data["date_posted"] == date(2027, 2, 22)
    parsed = parse_text("Journal officiel — Vendredi 12 février 2027 — N° 8.832\n\nAvis de "
                        "recrutement d'un contrôleur.\nLes candidats devront faire parvenir, dans "
                        "un délai de dix jours à compter de la publication du présent avis, un "
                        "dossier complet.\n")
    assert parsed.value("date_posted") == date(2027, 2, 12)
    assert parsed.value("valid_through_date") == date(2027, 2, 22)
    assert parsed.get("valid_through_date").confidence < SURE


def test_a_posting_period_opens_and_closes():
    data = _data("Technicien\nNuméro d'affichage : FAS-2027-0143\nPériode d'affichage : du 11 "
                 "janvier 2027 au 22 janvier 2027 à 17 h\n")
    assert (data["date_posted"], data["valid_through_date"]) == (date(2027, 1, 11),
                                                                  date(2027, 1, 22))
    assert "job_start_date" not in data
    # a concours: the registrations are no period of work
    data = _data("Concours externe d'attaché\nPériode d'inscription : du 3 janvier 2027 au 10 "
                 "février 2027\nDate limite de dépôt des dossiers : 18 février 2027\nÉpreuves "
                 "écrites : 12 avril 2027\n")
    assert data["valid_through_date"] == date(2027, 2, 18)
    assert "job_start_date" not in data and "interviews" not in data


def test_pay_written_the_way_of_its_country():
    data = _data("Java Developer\nCTC: 18 - 24 LPA\n")
    assert (data["salary_min"], data["salary_max"], data["salary_currency"],
            data["salary_period"]) == (Decimal("1800000"), Decimal("2400000"), "INR", "year")
    data = _data("Product Manager\nCompensation: ₹35 – 45 lakh per annum fixed CTC\n")
    assert (data["salary_min"], data["salary_max"]) == (Decimal("3500000"), Decimal("4500000"))
    data = _data("Production Engineer\nPenang\nRM 5,500 – RM 7,500 per month\n")
    assert (data["salary_min"], data["salary_max"], data["salary_currency"],
            data["salary_period"]) == (Decimal("5500"), Decimal("7500"), "MYR", "month")
    data = _data("Finance Officer\nGross salary: KES 120,000 - 160,000 per month\n")
    assert (data["salary_min"], data["salary_currency"]) == (Decimal("120000"), "KES")
    assert _data("Trainee\nSalary: ₦350,000 per month\n")["salary_currency"] == "NGN"
    parsed = parse_text("Nurse\nRiyadh\nPackage: SAR 12,000 monthly, tax-free\n")
    assert (parsed.value("salary_min"), parsed.value("salary_currency")) == (Decimal("12000"),
                                                                             "SAR")
    assert parsed.get("salary_min").confidence >= SURE  # under its label
    data = _data("Engineer\nDubai\nSalary: AED 25,000 - 30,000 per month (tax-free)\n")
    assert (data["salary_min"], data["salary_currency"]) == (Decimal("25000"), "AED")
    assert _data("Technicien\nRémunération : 1 400 - 1 700 DT net par mois\n")[
        "salary_currency"] == "TND"
    data = _data("Technicien\nNouméa\nRémunération : 350 000 F CFP brut mensuel\n")
    assert (data["salary_min"], data["salary_currency"]) == (Decimal("350000"), "XPF")
    # 'IR35' is a tax rule, not 35 rand
    assert _data("Interim Partner\n£450 - £500 per day (Outside IR35)\n")["salary_min"] == \
        Decimal("450")


def test_a_price_on_a_board_is_no_pay():
    data = _data("Backend Engineer\nBrowse jobs · Post a job ($299) · Sign in\n\nRemote · "
                 "Full-time · $110,000 – $140,000 USD / year\n")
    assert (data["salary_min"], data["salary_max"], data["salary_period"]) == (
        Decimal("110000"), Decimal("140000"), "year")
    # an allowance's 'monthly' before it; 'annual leave' after it is no period
    assert _data("Volunteer\nA monthly Volunteer Living Allowance of XOF 850,000, medical "
                 "insurance, annual leave.\n")["salary_period"] == "month"


def test_interview_days_and_what_is_not_one():
    data = _data("Java Developer\n\nWalk-in Details\nDate: Saturday, 23rd January 2027\n"
                 "Time: 10:00 AM - 3:00 PM\n")
    assert [i["date"] for i in data["interviews"]] == [date(2027, 1, 23)]
    assert [i["date"] for i in _data("Technicien\nLes entrevues auront lieu le mercredi 17 "
                                     "février 2027.\n")["interviews"]] == [date(2027, 2, 17)]
    # a period is no day; a written test's day is not the interview's
    assert "interviews" not in _data("Professeur\nLes entretiens se tiendront en visioconférence "
                                     "entre le 15 et le 19 février 2027.\n")
    data = _data("Coordonnateur\nLes candidats seront convoqués à un test écrit le 24 février "
                 "2027 à Abidjan, puis à un entretien oral le vendredi 26 février 2027.\n")
    assert [i["date"] for i in data["interviews"]] == [date(2027, 2, 26)]
    assert "interviews" not in _data("Analyst\nInterviews are expected during the week starting "
                                     "8 March.\nListed: 11/01/2027\n")


def test_working_time_as_a_reader_states_it():
    assert _data("Ingénieur\nQuotité de travail : Complet\n")["working_time_percent"] == 100
    assert _data("Juriste\nTâche : 100 %\n")["working_time_percent"] == 100
    assert _data("Assistant\nTemps de travail : mi-temps (20 heures par semaine)\n")[
        "working_time_percent"] == 50
    assert _data("Caseworker\nHours: 22.5 hours per week (three days)\n")[
        "working_time_percent"] == 60
    assert _data("Éducateur\nVille de Luxembourg\ntâche partielle de 30 heures par semaine\n")[
        "working_time_percent"] == 75
    assert _data("Agent d'accueil\nContrat saisonnier 35h, payé au SMIC.\n")[
        "working_time_percent"] == 100
    # hours of a week whose length varies, or days at an office: no share
    assert "working_time_percent" not in _data("Museum Educator\nSchedule: 24 hours per week\n")
    assert "working_time_percent" not in _data("Analyst\nHybrid (2 days a week in our Leeds "
                                               "office)\n")
    assert "working_time_percent" not in _data("Technicien\nMontréal (Québec)\nHoraire : 28 "
                                               "heures par semaine\n")


def test_levels_of_study_as_written_abroad():
    def level(text: str) -> str | None:
        items = [r for r in parse_text(text).data().get("requirements", [])
                 if r["kind"] == "education"]
        return items[0]["level"] if items else None

    assert level("Developer\n\nEducation\nUG: B.Tech/B.E. in Computers or IT\n") == "Bac+4"
    assert level("Officer\nA full driving licence is essential.\n") is None
    assert level("GP\n\nRequirements\n• Full GMC registration with a licence to practise\n") \
        is None
    assert level("Contrôleur\n- être titulaire d'un diplôme sanctionnant deux années d'études "
                 "supérieures ;\n") == "Bac+2"
    assert level("Teacher\n\nRequirements\n- Qualified Teacher Status (QTS) or equivalent, with "
                 "a degree\n") == "Bac+3"
    assert level("Pharmacien\nProfil : diplôme d'État de docteur en pharmacie.\n") == "Bac+8"
    assert level("Agent\n- être détenteur d'un diplôme de fin d'études secondaires ;\n") == "Bac"
    assert level("Sales Executive\nQualification: Any Graduate\n") == "Bac+3"
    assert level("Trainee\nEligibility: B.E./B.Tech (2026 pass-outs)\n") == "Bac+4"


def test_references_and_grades_boards_write():
    assert _data("Case Manager\nReq #2027-118\n")["reference"] == "2027-118"
    assert _data("Research Assistant\nCompetition #: 2027-0211\n")["reference"] == "2027-0211"
    assert _data("Professeur\nConcours : FFGG-2027-03\n")["reference"] == "FFGG-2027-03"
    assert _data("Chargé de clientèle\nCV à envoyer en précisant en objet « CCE-DKR-2027 ».\n")[
        "reference"] == "CCE-DKR-2027"
    assert _data("AVIS DE RECRUTEMENT\nN° AR/AIDR/2027/004\n")["reference"] == "AR/AIDR/2027/004"
    assert _data("Officer\nRecruitment #: 27-01234\n")["reference"] == "27-01234"
    assert _data("Agent\nNuméro d'avis : 2027-45\n", "fr")["reference"] == "2027-45"
    assert _data("Juriste\nGroupe de traitement : A1\n")["category"] == "A1"
    assert _data("Data Scientist\nCareer group: A1\n")["category"] == "A1"
    assert _data("Finance Officer (Grade KWI 6)\n")["category"] == "KWI 6"
    assert _data("Officer\nSalary Grade: SG-24\n")["category"] == "SG-24"


def test_contracts_of_locums_and_holiday_camps():
    assert _data("Médecine générale\nType d'annonce : Remplacement\nRétrocession : 75 %\n")[
        "employment_type"] is E.FREELANCE
    assert _data("Journaliste\nStatut : pigiste\n")["employment_type"] is E.FREELANCE
    assert _data("Locum GP – 4 weeks of sessions\nWe are looking for a locum GP.\n")[
        "employment_type"] is E.FREELANCE
    assert _data("Animateurs BAFA\nContrat d'engagement éducatif, forfait journalier de 45 € "
                 "brut.\nBAFA ou stagiaire BAFA exigé.\n")["employment_type"] is E.FIXED_TERM


def test_starts_and_terms_as_written():
    assert _data("Support Agent\nThis cohort starts on Monday, March 1, 2027.\n")[
        "job_start_date"] == date(2027, 3, 1)
    assert _data("Agent technique\nPoste à temps complet à pourvoir le 1er juin 2027.\n")[
        "job_start_date"] == date(2027, 6, 1)
    data = _data("Research Assistant\nPosition type: Term (6 months)\n")
    assert (data["employment_type"], data["duration_months"]) == (E.FIXED_TERM, 6)
    assert _data("Assistant\nThe contract runs until the end of the current parliamentary term."
                 "\n")["employment_type"] is E.FIXED_TERM
    # a start read by the habit of the place (Dakar writes the day first): a guess
    parsed = parse_text("Youth Officer\nDakar, Senegal\nExpected Start Date: 01-02-2027\n")
    assert parsed.value("job_start_date") == date(2027, 2, 1)
    assert parsed.get("job_start_date").confidence < SURE


def test_deadlines_in_the_words_of_other_publishers():
    for text in ("Officer\nPosition open until 03/14/2027.\n",
                 "Officer\nThis posting will remain open until March 14, 2027.\n",
                 "Officer\nAdvert closes on 14 March 2027 at 23:59.\n",
                 "Officer\nApplications received after 14 March 2027 will not be considered.\n",
                 "Agent\nLes candidatures sont à adresser pour le 14 mars 2027 dernier délai.\n",
                 "Agent\nRetour des candidatures : 14 mars 2027\n"):
        assert _data(text)["valid_through_date"] == date(2027, 3, 14), text
    # a year-less deadline is not taken from the period of work on the next line
    data = _data("Animateur\nCandidatures jusqu'au 31 mai.\nSéjours du 10 juillet au 28 août "
                 "2027.\n")
    assert data["valid_through_date"] == date(2027, 5, 31)
    assert "valid_through_date" not in _data("Officer\nOpen until filled.\n")


def test_gulf_and_indian_shorthands():
    data = _data("Engineer\nSalary: ₹8L - ₹12L per annum\n")
    assert (data["salary_min"], data["salary_max"], data["salary_currency"]) == (
        Decimal("800000"), Decimal("1200000"), "INR")
    assert _data("Engineer\nSalary: QR 12,000 per month\nDoha\n")["salary_currency"] == "QAR"
    assert _data("Engineer\nSalary: SR 9,000 monthly\nRiyadh\n")["salary_currency"] == "SAR"
    # dirhams: the Emirates' where the posting is there, Morocco's otherwise
    assert _data("Engineer\nSalary: Dhs 20,000 per month\nDubai\n")["salary_currency"] == "AED"
    assert _data("Ingénieur\nSalaire : 12 000 DH net par mois\nCasablanca\n")[
        "salary_currency"] == "MAD"


def test_publication_dates_and_what_gives_none():
    assert "date_posted" not in _data("Officer\nPosted 3 days ago\nClosing date: 14 March "
                                      "2027\n")  # relative: no day can be named
    assert _data("Officer\nDate: 12 January 2027\nRef: ABC/12/2027\n")["date_posted"] == \
        date(2027, 1, 12)
    assert _data("Officer\nRelease date: 12 January 2027\n")["date_posted"] == date(2027, 1, 12)
    assert _data("Agent\nParu le 12 janvier 2027\n", "fr")["date_posted"] == date(2027, 1, 12)
    # a labelled period of work near the top is no dateline
    assert "date_posted" not in _data("Counselor\nDates: June 20 – August 15, 2027\n")


def test_interim_missions_and_hours_with_minutes():
    assert _data("Cariste\nContrat de mission (intérim) de 2 semaines\n", "fr")[
        "employment_type"] is E.TEMPORARY
    data = _data("Agent\nPoste permanent à temps non complet (17h30 hebdomadaires)\n", "fr")
    assert (data["employment_type"], data["working_time_percent"]) == (E.PERMANENT, 50)


def test_degrees_offered_two_ways_and_licences_that_are_permits():
    def level(text: str, language: str | None = None) -> str | None:
        items = [r for r in parse_text(text, language=language).data().get("requirements", [])
                 if r["kind"] == "education"]
        return items[0]["level"] if items else None

    assert level("Engineer\n\nRequirements\n- BS/MS in Computer Science or related field\n") == \
        "Bac+3"
    assert level("Agent\nFormation : BUT GEA ou licence professionnelle\n", "fr") == "Bac+2"
    assert level("Nurse\nRequirements: Registered Nurse (RN) licence; BSN preferred.\n") is None


def test_a_season_without_its_year_and_a_trial_period():
    data = _data("Agent d'accueil\nLe camping recrute pour la saison 2027, du 1er juin au 31 août. "
                 "Contrat saisonnier.\n", "fr")
    assert (data["job_start_date"], data["duration_months"]) == (date(2027, 6, 1), 3)
    data = _data("Contrôleur\nRecrutement d'un contrôleur pour une durée déterminée, la période "
                 "d'essai étant de trois mois.\n", "fr")
    assert data["employment_type"] is E.FIXED_TERM and "duration_months" not in data


def test_a_formal_french_hour_and_degrees_being_prepared():
    data = _data("Ingénieur\nLes dossiers devront être déposés au plus tard le 15 mars 2027 à 15 "
                 "heures 30 minutes, délai de rigueur.\n", "fr")
    assert (data["valid_through_date"], data["valid_through_time"]) == (date(2027, 3, 15),
                                                                        time(15, 30))
    items = [r for r in _data("Assistant comptable\nLe cabinet recherche un alternant préparant "
                              "le DCG.\n", "fr").get("requirements", [])
             if r["kind"] == "education"]
    assert items[0]["level"] == "Bac+3"


def test_a_posting_overseas_keeps_its_own_clock():
    data = _data("Technicien de maintenance (H/F)\nNouméa, Nouvelle-Calédonie\nDate limite de "
                 "candidature : 15 mars 2027 à 16h\n", "fr")
    assert (data["valid_through_time"], data["timezone"]) == (time(16, 0), "Pacific/Noumea")
