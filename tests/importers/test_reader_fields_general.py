"""The text importer's fields other than the title and the employer read the general way a
reader reads them (#15 item 3, fifth round), on kinds of publisher the corpus does not hold:
Québec and Swiss companies, Nordic firms writing in English, Australian boards, US hospitals,
game studios, Indian public notices, offshore rotations, French banks, factories and
insertion structures. Each text is short and written for the test."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from tracker.importers.base import SURE
from tracker.importers.text import parse_text


def _data(text: str, language: str | None = None) -> dict:
    return parse_text(text, language=language).data()


# A reference is the code beside any label a reader takes for one.
def test_a_code_beside_a_reference_like_label_is_the_reference() -> None:
    cases = {
        "Level Designer\nNorthlight Games Oy · Helsinki · Req ID: NG-2027-0412\n": "NG-2027-0412",
        "Registered Nurse, ICU\nMercy Valley Hospital\nJobID: 58213\nShift: nights\n": "58213",
        "Opérateur de production (H/F)\nUsine de Saint-Priest\nRéf. annonce : SP-PROD-771\n":
            "SP-PROD-771",
        "Deck Officer - offshore rotation 28/28\nVacancy code: OSV/DK/2027/033\n":
            "OSV/DK/2027/033",
        "NOTIFICATION\nAdvt. for Junior Engineer posts\nADVT NO: CRB 04/2027\nLast date: "
        "15.05.2027\n": "CRB 04/2027",
        "Conseiller clientèle (H/F)\nBanque Mutualiste du Centre\nOffre d'emploi n° "
        "BMC2027-118\n": "BMC2027-118",
    }
    for text, reference in cases.items():
        assert _data(text)["reference"] == reference, text


def test_a_phone_number_or_a_postcode_beside_no_label_is_no_reference() -> None:
    text = ("Agent de quai (H/F)\nPlateforme logistique de Vénissieux 69200\n"
            "Tél. 04 72 00 00 00\nCDI, temps plein.\n")
    assert "reference" not in _data(text)


# The deadline is the date of the sentence about applying or closing.
def test_an_offer_valid_until_a_day_closes_then() -> None:
    text = ("Soudeur TIG (H/F) - Atelier de chaudronnerie, Liège (Belgique)\n"
            "Annonce publiée le 2 mars 2027 – valable jusqu'au 2 avril 2027\nCDI, temps plein.\n")
    assert _data(text)["valid_through_date"] == date(2027, 4, 2)


def test_the_review_of_applications_of_a_post_open_until_filled_is_no_deadline() -> None:
    text = ("Clinical Nurse Educator\nSt. Aidan's Regional Hospital, Ohio\n"
            "Closing: Open until filled (first review of applications 05/14/2027)\n"
            "Applications will be reviewed as they arrive.\n")
    assert "valid_through_date" not in _data(text)


def test_an_announcement_open_from_one_day_to_another_closes_on_the_second() -> None:
    text = ("Harbor Pilot Trainee\nPort Authority of Gulfport\n"
            "This announcement is open from Monday, March 1, 2027 to Friday, March 19, 2027.\n"
            "Apply through the county portal.\n")
    data = _data(text)
    assert data["valid_through_date"] == date(2027, 3, 19)
    assert "job_start_date" not in data


def test_a_year_less_deadline_of_a_forwarded_e_mail_takes_the_year_it_was_sent() -> None:
    text = ("De : Atelier Chantier d'insertion Les Jardins du Lac\n"
            "Envoyé : lundi 11 janvier 2027 10:05\nObjet : TR: encadrant technique\n\n"
            "Bonjour, nous recrutons un encadrant technique d'insertion en CDD de 12 mois.\n"
            "Merci d'envoyer CV et lettre avant le 5 février à rh@jardinsdulac.org.\n")
    found = parse_text(text).get("valid_through_date")
    assert found is not None and found.value == date(2027, 2, 5) and found.confidence < SURE


def test_a_posting_published_by_someone_on_a_day_is_dated_that_day() -> None:
    text = ("Cariste (H/F) - entrepôt de Fos-sur-Mer\nCDD de 3 mois.\n"
            "Publié par le service recrutement le 3 mai 2027.\n"
            "Candidatures avant le vendredi 21 mai à emploi@logifos.fr.\n")
    data = _data(text)
    assert data["date_posted"] == date(2027, 5, 3)
    assert data["valid_through_date"] == date(2027, 5, 21)


# The start is the date a start verb or label governs, weekdays and all.
def test_a_period_of_work_with_its_weekdays_gives_the_start() -> None:
    text = ("Saisonniers conditionnement - usine de Cavaillon\n"
            "Contrat saisonnier du lundi 7 juin au vendredi 27 août 2027, 35 h par semaine.\n")
    data = _data(text)
    assert data["job_start_date"] == date(2027, 6, 7)
    assert data["duration_months"] == 3


def test_a_start_label_or_verb_of_other_boards_gives_the_start() -> None:
    cases = {
        "Staff Pharmacist\nDate Available:\n  09/13/2027\nClosing Date:\n  07/30/2027\n":
            date(2027, 9, 13),
        "Chargé de clientèle professionnels\nDate prévue du recrutement : 01/10/2027\n":
            date(2027, 10, 1),
        "ROV Pilot Technician\nWork pattern: 4 weeks on / 4 weeks off, beginning "
        "June 7, 2027\n": date(2027, 6, 7),
        "Environment Artist\nNew hires report on Monday, August 2, 2027 to our Montréal "
        "studio.\n": date(2027, 8, 2),
    }
    for text, start in cases.items():
        assert _data(text)["job_start_date"] == start, text


def test_the_dates_of_tests_are_not_a_period_of_work() -> None:
    text = ("Correctional Officer\nState of Nevada\nUpcoming testing dates: Saturday, "
            "January 9, 2027 and Saturday, February 6, 2027.\n")
    assert "job_start_date" not in _data(text)


def test_a_closing_time_read_beside_a_year_less_deadline() -> None:
    text = ("Cueilleurs de pommes\nPublié le 12 juillet 2027.\n"
            "Les candidatures sont à adresser avant le vendredi 20 août, 17h, à "
            "rh@vergers.fr.\n")
    data = _data(text)
    assert data["valid_through_date"] == date(2027, 8, 20)
    assert data["valid_through_time"] == time(17, 0)


# An education level is a degree named as required: not one preferred, pursued, or one that
# something else may stand in for.
def _level(text: str) -> str | None:
    levels = [item["level"] for item in _data(text).get("requirements", [])
              if item["kind"] == "education"]
    return levels[0] if levels else None


def test_the_basic_qualification_not_the_preferred_one_is_the_level() -> None:
    text = ("Gameplay Programmer\nFjordlight Studios AB, Stockholm\n\nBASIC QUALIFICATIONS\n"
            "- Bachelor's degree in computer science or equivalent\n- 3+ years of C++\n\n"
            "PREFERRED QUALIFICATIONS\n- Master's degree in computer graphics\n")
    assert _level(text) == "Bac+3"


def test_a_degree_whose_better_one_is_preferred_is_still_required() -> None:
    text = ("Registered Nurse - Cardiac Step-Down\nLakeshore Community Hospital\n"
            "You bring an associate or bachelor's degree in nursing (a master's degree is "
            "preferred) and an active RN license.\n")
    assert _level(text) == "Bac+3"
    text = ("Responsable d'agence bancaire (H/F)\nTitulaire d'un BTS banque au minimum (un "
            "master serait un plus), vous avez 3 ans d'expérience commerciale.\n")
    assert _level(text) == "Bac+2"


def test_a_degree_studied_for_or_standing_in_for_experience_is_no_level() -> None:
    text = ("Data Analyst Intern - Summer 2027\nMinimum qualifications\n"
            "- Currently pursuing a Bachelor's degree in statistics\n")
    assert _level(text) is None
    text = ("Maritime Enforcement Officer\nQualifications\nOne year of specialized experience "
            "in vessel inspection, OR a 4-year course of study leading to a bachelor's degree "
            "in marine science.\n")
    assert _level(text) is None
    text = ("Encadrant technique d'insertion (H/F)\nPas besoin de diplôme si vous avez "
            "l'expérience, sinon CAP espaces verts.\n")
    assert _level(text) is None


def test_trade_diplomas_and_degrees_as_written_abroad() -> None:
    cases = {
        "Conducteur de ligne (H/F) - usine agroalimentaire\nNous recherchons un CAP "
        "conducteur d'installations au minimum, avec 2 ans d'expérience.\n": "cap_bep",
        "Chauffagiste (H/F)\nFormation | CAP installateur thermique, ou BP, ou Bac pro\n":
            "cap_bep",
        "Field Officer\nRequirements\n- A B.Sc. in Agriculture or a related field.\n":
            "Bac+3",
        "Logistics Officer\nREQUIREMENTS : A National Diploma (NQF level 6) in Logistics.\n":
            "Bac+2",
        "Ground Staff - Muscat\n• Minimum education: high school certificate or "
        "equivalent\n": "Bac",
    }
    for text, level in cases.items():
        assert _level(text) == level, text


# Interviews: every day a sentence lists, a day that opens a period is no day set.
def _interviews(text: str) -> list[date]:
    return [item["date"] for item in _data(text).get("interviews", [])]


def test_every_day_of_a_list_of_interview_days_is_read() -> None:
    assert _interviews("Line Cook\nHarbourside Hotel, Sydney NSW\nTrial shifts and interviews: "
                       "March 23 and 24, 2027.\n") == [date(2027, 3, 23), date(2027, 3, 24)]
    assert _interviews("Opérateur de production (H/F)\nLes entretiens auront lieu les 18, 19 "
                       "et 20 mai 2027 à l'usine.\n") == [date(2027, 5, 18), date(2027, 5, 19),
                                                          date(2027, 5, 20)]
    assert _interviews("Conseiller bancaire (H/F)\nNous recevrons les candidats en entretien "
                       "le jeudi 6 ou le vendredi 7 mai 2027.\n") == [date(2027, 5, 6),
                                                                     date(2027, 5, 7)]


def test_an_open_day_under_its_heading_is_an_interview_day() -> None:
    text = ("Deckhand - Offshore Supply Vessels\nOPEN DAY\nSaturday 16th October 2027\n"
            "Venue: Port Hall, Aberdeen\nFinal interviews are held on the day.\n")
    assert _interviews(text) == [date(2027, 10, 16)]


def test_interviews_from_a_day_on_set_no_day() -> None:
    text = ("Agent de maîtrise (H/F)\nÉpreuve orale d'admission (entretien avec le jury) : à "
            "partir du 10 mai 2027.\n")
    assert _interviews(text) == []


def test_a_time_given_for_the_closing_date_is_the_deadline_s() -> None:
    text = ("Respiratory Therapist\nMercy Valley Hospital, Dayton, OH\nClosing date: April 9, "
            "2027\nApplications must be submitted by 11:59 pm ET on the closing date.\n")
    data = _data(text)
    assert data["valid_through_date"] == date(2027, 4, 9)
    assert data["valid_through_time"] == time(23, 59)
    text = ("Rigger\nApplications close at 11:59 p.m. Mountain Time on March 14, 2027.\n")
    assert _data(text)["valid_through_time"] == time(23, 59)


# The date posted: the first day of the period of applications, a notice's 'Dated:' line.
def test_the_day_applications_open_is_the_date_posted() -> None:
    cases = {
        "Marine Engineer\nOpen: Monday, February 1, 2027\nCloses: Friday, February 12, 2027\n":
            date(2027, 2, 1),
        "Biomedical Technician\nAnnouncement Number | VA-27-0099 | Open Period | 02/24/2027 - "
        "03/03/2027\n": date(2027, 2, 24),
        "Cueilleur de fraises\nDéposée le 03/04/2027 à 18:42\nSaison du 10 mai au 9 juillet "
        "2027.\n": date(2027, 4, 3),
    }
    for text, posted in cases.items():
        assert _data(text)["date_posted"] == posted, text


def test_a_notice_dated_at_its_foot_is_posted_that_day() -> None:
    text = ("VACANCY ANNOUNCEMENT\nKenya Ports Authority invites applications for the post of "
            "Marine Pilot.\nDuties include piloting vessels in and out of Mombasa harbour.\n"
            "Applicants must hold a Master Mariner certificate.\nSalary: negotiable.\n"
            "Applications to the address below.\nP.O. Box 95009, Mombasa\n\n"
            "Dated: 1st March, 2027\n")
    assert _data(text)["date_posted"] == date(2027, 3, 1)


# The category: a grade under a grade label or beside a salary, not a school's grade.
def test_grades_of_pay_scales_as_written_by_more_boards() -> None:
    cases = {
        "Physician Assistant\nSeries/Grade | GS-0603-11 | Salary | $80,000 per year\n":
            "GS-0603-11",
        "Claims Examiner\nPay scale & grade: GS 9 (promotion potential 12)\n": "GS 9",
        "Port Engineer\nSalary Grade / Equivalent: NC14\n": "NC14",
        "Harbour Master\nSALARY : R1 216 824 per annum (Level 12), all-inclusive\n": "Level 12",
        "Lab Analyst\nClassification: Laboratory Technician 2\n": "Laboratory Technician 2",
    }
    for text, grade in cases.items():
        assert _data(text)["category"] == grade, text


def test_a_school_grade_is_no_pay_grade() -> None:
    text = ("Elementary Teacher\nPosition Type:\n  Elementary School Teaching/Grade 3\n"
            "Qualifications: one year of specialized experience equivalent to the GS-11 "
            "level.\n")
    assert "category" not in _data(text)


# The contract and its duration: what the contract sentence states, never a probation or the
# years of experience asked.
def test_the_duration_is_the_contract_s_not_the_probation_or_the_experience() -> None:
    text = ("Site Safety Officer\nNorthern Offshore Services Ltd, Port Harcourt\n"
            "Contract: two (2) years, renewable, with a three-month probation\n")
    assert _data(text)["duration_months"] == 24
    text = ("HSE Officer\nPosted 2 days ago  •  Lagos  •  Contract  •  3 - 5 years' experience\n"
            "Duration: 12 months (renewable subject to performance)\n")
    data = _data(text)
    assert data["duration_months"] == 12
    assert data["employment_type"] == "fixed_term"


def test_a_stated_term_in_words_and_figures_or_with_words_between() -> None:
    text = ("Ingénieur process (H/F)\nMode de recrutement : contrat à durée déterminée de deux "
            "(2) ans, renouvelable.\n")
    assert _data(text)["duration_months"] == 24
    text = ("Cabin Crew\nWhat we offer\n• A three-year renewable employment contract\n"
            "• Tax-free salary\n")
    data = _data(text)
    assert data["employment_type"] == "fixed_term" and data["duration_months"] == 36
    text = ("Gameplay Intern\nDuring a 12-week internship in summer 2027 you will ship a "
            "feature.\n")
    assert _data(text)["duration_months"] == 3


def test_a_competitive_examination_recruits_to_a_tenured_post() -> None:
    text = ("AVIS DE CONCOURS\nConcours externe d'adjoint technique principal de 2e classe\n"
            "Le centre de gestion organise un concours externe pour 20 postes.\n")
    found = parse_text(text).get("employment_type")
    assert found is not None and found.value == "permanent" and found.confidence < SURE


def test_a_full_week_of_hours_as_trades_write_it() -> None:
    cases = ["Maçon (H/F)\nHoraires | 7 h 30 – 16 h 30 du lundi au jeudi, 7 h 30 – 12 h le "
             "vendredi (37 h 30, RTT)\n",
             "Carreleur\n15 € net de l'heure, 39 h payées, heures sup en plus.\n",
             "Pharmacy Technician\nFTE: 1.0 (260-day contract)\n"]
    for text in cases:
        assert _data(text)["working_time_percent"] == 100, text


# The salary: the first range the pay sentence states; a bonus, a stipend, another place's
# range, a grade's number or a price on the next line are not pay.
def _pay(text: str) -> tuple:
    data = _data(text)
    return (data.get("salary_min"), data.get("salary_max"), data.get("salary_currency"),
            data.get("salary_period"))


def test_the_pay_is_the_first_range_of_its_sentence() -> None:
    text = ("Registered Nurse - Night Shift\nMercy Valley Hospital, Dayton, OH\nOur RN pay scale "
            "runs from $72,000 to $104,000, based on experience. Night nurses receive an "
            "additional $4,000 differential and new hires a $5,000 sign-on bonus.\n")
    assert _pay(text) == (72000, 104000, "USD", "year")
    text = ("Technical Artist\nThe base pay range for this role across the U.S. is USD "
            "$118,000 - $190,000 per year. There is a different range in the Bay Area, "
            "$140,000 - $226,000 per year.\n")
    assert _pay(text)[:2] == (118000, 190000)


def test_a_day_rate_then_a_scale_is_the_day_rate() -> None:
    text = ("Long-Term Substitute, Physics\nRATE OF PAY: $230.00 per day for the first 20 "
            "days, then placement on the salary schedule (Step 1: $63,200 annually).\n")
    assert _pay(text) == (230, None, "USD", "day")


def test_a_grade_number_before_a_range_is_not_its_lower_end() -> None:
    text = ("Dean of Students\nSalary: Administrator Salary Schedule, Grade 4 — $98,412 to "
            "$121,860 per year, depending on experience.\n")
    assert _pay(text) == (98412, 121860, "USD", "year")


def test_a_price_on_the_next_labelled_line_adds_nothing_to_the_pay() -> None:
    text = ("Préparateurs de commandes - entrepôt de Cavaillon\n"
            "Rémunération | SMIC horaire (12,02 € brut)\nHébergement | mobil-home, 6 €/nuit\n")
    assert _pay(text) == (Decimal("12.02"), None, "EUR", "hour")


def test_a_dollar_beside_a_us_state_after_a_canadian_town_name_is_the_us_dollar() -> None:
    text = ("Paraeducator\nEvergreen Public Schools - Vancouver, WA\nSalary: $21.10 - $27.40 "
            "per hour\n")
    assert _pay(text)[2] == "USD"


# The apply e-mail: the address of the sentence about applying; not a forwarded message's
# headers, not an address for accommodation, complaints or the job sheet.
def test_the_address_to_apply_to_is_not_the_forwarding_list_s() -> None:
    text = ("De : Réseau Emploi Logistique <liste@emploi-logistique.fr>\n"
            "À : abonnes@emploi-logistique.fr\nObjet : TR: Cariste CACES 5, candidatures au "
            "transporteur\n\n"
            "De : Transports Girard <rh@transports-girard.fr>\n\n"
            "Bonjour, nous recrutons un cariste en CDI.\n"
            "Candidatures (CV) avant le 10/09/2027 à recrutement@transports-girard.fr.\n")
    assert _data(text)["apply_email"] == "recrutement@transports-girard.fr"


def test_an_address_for_the_job_sheet_gives_way_to_the_one_for_applications() -> None:
    text = ("Directeur d'agence (H/F)\nBanque Populaire du Sud-Ouest\n"
            "La fiche de poste peut être obtenue auprès de la DRH (drh@bpso.fr).\n"
            "Les candidatures doivent être transmises à recrutement@bpso.fr.\n")
    assert _data(text)["apply_email"] == "recrutement@bpso.fr"


def test_an_accommodation_or_a_title_ix_address_is_not_where_to_apply() -> None:
    text = ("Surgical Technologist\nLakeshore Community Hospital, Toledo, OH\nApply online. "
            "Reasonable accommodation requests: hr.access@lakeshorehealth.org\n"
            "Title IX Coordinator: Ann Ruiz, aruiz@lakeshorehealth.org.\n")
    assert "apply_email" not in _data(text)


def test_a_forwarded_message_with_no_address_to_apply_to_gives_none() -> None:
    text = ("From: Dr Lena Berg <l.berg@ki.se>\nTo: nordic-epi@lists.example.org\n"
            "Subject: Fwd: PhD position in epidemiology\n\nDear all, please share: a PhD "
            "position in our group, apply through the university portal.\n")
    assert "apply_email" not in _data(text)


def test_a_sentence_with_no_date_does_not_borrow_a_review_date() -> None:
    text = ("Assistant Professor of Naval Architecture\nHow to apply\nApplications must be "
            "submitted through the university's portal. Review of applications will begin on "
            "1 March 2027 and continue until the position is filled.\n")
    assert "valid_through_date" not in _data(text)
    text = ("Hydrologist 2\nClosing Date: Continuous\nInitial screening date: Sunday, "
            "February 7, 2027\nThe recruitment remains open until filled.\n")
    assert "valid_through_date" not in _data(text)


def test_a_time_cut_from_its_sentence_after_p_m_is_still_the_deadline_s() -> None:
    text = ("Nurse Practitioner\nClosing date: 03/03/2027\nHOW TO APPLY: Submit your resume "
            "through the portal by 11:59 p.m. Eastern Standard Time on the closing date.\n")
    assert _data(text)["valid_through_time"] == time(23, 59)


def test_the_period_of_the_contract_before_an_event_s_and_a_course_s() -> None:
    text = ("Directeur de séjour (H/F)\nLe séjour se déroule du dimanche 11 juillet au mardi 3 "
            "août 2027.\nVous serez engagé par un contrat d'engagement éducatif du 3 juillet "
            "au 3 août 2027.\n")
    assert _data(text)["job_start_date"] == date(2027, 7, 3)
    text = ("Chargé de projet VSI (H/F)\nFormation au départ obligatoire du 11 au 15 janvier "
            "2027 à Lyon.\nDurée : 24 mois.\n")
    assert "job_start_date" not in _data(text)


def test_a_bare_first_day_of_a_period_takes_the_last_day_s_month() -> None:
    text = ("Cuisinier (H/F) - colonie de vacances\n- CDD d'un mois, du 1er au 31 juillet 2027, "
            "à temps plein\n")
    assert _data(text)["job_start_date"] == date(2027, 7, 1)


def test_a_start_between_two_days_sets_no_day() -> None:
    text = ("Coupeur de raisin - Vendanges 2027\n- Début prévisionnel entre le 30 août et le 6 "
            "septembre 2027 selon la maturité du raisin\n")
    assert "job_start_date" not in _data(text)


def test_a_public_body_s_vacancy_from_a_day_starts_then() -> None:
    text = ("Avis de vacance\nL'emploi de directeur de l'établissement public de l'État est "
            "susceptible d'être vacant à compter du 1er avril 2027.\n")
    assert _data(text)["job_start_date"] == date(2027, 4, 1)


# Whole postings of kinds the corpus lacks: every field besides title and employer.
QUEBEC_PLANT = """Technicien(ne) en maintenance industrielle
Laiterie Boréale inc. — Saint-Hyacinthe (Québec)

Statut : permanent, temps plein (40 h/semaine, quart de soir)
Salaire : 32,50 $ à 38,75 $ de l'heure selon l'expérience
Entrée en poste : 7 juin 2027

Exigences
- DEP en électromécanique de systèmes automatisés ou DEC en génie électrique
- 3 ans d'expérience en milieu manufacturier

Faites parvenir votre CV à emplois@laiterieboreale.ca d'ici le 21 mai 2027.
Affiché le 3 mai 2027 · Numéro de l'affichage : LB-2027-044
"""

INDIAN_PSU = """HINDUSTAN SHIPYARD SERVICES LIMITED
(A Government of India Enterprise)
Advertisement No. HSSL/HR/REC/03/2027
Date: 10.04.2027

RECRUITMENT OF GRADUATE ENGINEER TRAINEES

Applications are invited from Indian nationals for 24 posts of Graduate Engineer Trainee (Mechanical / Electrical) on regular basis.

Educational Qualification: Full-time B.E./B.Tech in Mechanical or Electrical Engineering with minimum 60% marks.
Pay Scale: Rs. 40,000 - 1,40,000 (E-1 grade, IDA)
Age limit: 27 years as on 30.04.2027.

Last date for receipt of online applications: 30.04.2027 (17:00 hrs)
Date of written test: 25.05.2027
"""

AUSTRALIAN_BOARD = """Warehouse Team Leader
Kestrel Logistics
Truganina VIC · Warehousing, Storage & Distribution (Manufacturing, Transport & Logistics)
Full time · $85,000 – $95,000 per year + super
Listed 12 Apr 2027

About the role
Lead a team of 15 pick-packers on afternoon shift (2pm–10:30pm, Monday to Friday).

To be successful you will have
- Certificate IV in Warehousing Operations or similar
- Current LF forklift licence

Applications close 26/04/2027. Job reference KL-TL-0412.
"""

BELGIAN_FACTORY = """Opérateur de ligne H/F/X – Verrerie de Seneffe SA (Hainaut, Belgique)
Régime : temps plein, 38 h/semaine en 3 pauses
Contrat : CDD de 6 mois en vue d'un CDI
Diplôme : CESS technique ou expérience équivalente
Salaire : 17,85 € brut/heure + primes d'équipe
Date de début : 01/06/2027
Postulez avant le 14/05/2027 : jobs@verrerie-seneffe.be
"""


def test_a_quebec_plant_s_posting() -> None:
    data = _data(QUEBEC_PLANT)
    assert data["reference"] == "LB-2027-044"
    assert data["job_start_date"] == date(2027, 6, 7)
    assert data["date_posted"] == date(2027, 5, 3)
    assert data["valid_through_date"] == date(2027, 5, 21)
    assert (data["salary_min"], data["salary_max"], data["salary_currency"],
            data["salary_period"]) == (Decimal("32.50"), Decimal("38.75"), "CAD", "hour")
    assert _level(QUEBEC_PLANT) == "cap_bep"  # a DEP or a DEC: the DEP will do


def test_an_indian_public_sector_notification() -> None:
    data = _data(INDIAN_PSU)
    assert data["reference"] == "HSSL/HR/REC/03/2027"
    assert data["employment_type"] == "permanent"  # 'on regular basis'
    assert data.get("working_time_percent") != 60  # 'minimum 60% marks' is no share of time
    assert data["valid_through_date"] == date(2027, 4, 30)
    assert data["valid_through_time"] == time(17, 0)
    assert "interviews" not in data  # a written test is no interview


def test_an_australian_job_board_s_posting() -> None:
    data = _data(AUSTRALIAN_BOARD)
    assert data["reference"] == "KL-TL-0412"
    assert data["salary_currency"] == "AUD"  # 'Truganina VIC', '+ super'
    assert data["date_posted"] == date(2027, 4, 12)
    assert data["valid_through_date"] == date(2027, 4, 26)


def test_a_belgian_factory_s_posting() -> None:
    data = _data(BELGIAN_FACTORY)
    assert (data["salary_min"], data["salary_currency"], data["salary_period"]) == (
        Decimal("17.85"), "EUR", "hour")  # '17,85 € brut/heure'
    assert data["employment_type"] == "fixed_term" and data["duration_months"] == 6
    assert data["job_start_date"] == date(2027, 6, 1)
    assert _level(BELGIAN_FACTORY) == "Bac"


def test_a_swiss_company_s_unlimited_contract_and_its_holidays() -> None:
    text = ("Quality Engineer (80–100%)\nAlpenmed AG, Zug, Switzerland\nWe offer: unlimited "
            "contract, flexible hours, 5 weeks vacation.\nStart date: 01.09.2027 or by "
            "arrangement\n")
    data = _data(text)
    assert data["employment_type"] == "permanent"
    assert "duration_months" not in data and "working_time_percent" not in data


def test_a_temp_agency_s_mission_is_temporary_work() -> None:
    text = ("Préparateur de commandes (H/F) - Mission d'intérim\nAgence Intérim Lyon Est pour "
            "son client, plateforme logistique à Corbas (69)\n\nMission de 3 mois renouvelable "
            "à partir du 14/06/2027\n")
    data = _data(text)
    assert data["employment_type"] == "temporary" and data["duration_months"] == 3


def test_a_state_commission_s_notification() -> None:
    text = ("STATE PUBLIC SERVICE COMMISSION\nNOTIFICATION\nName of Post: Assistant Engineer "
            "(Civil)\nScale of Pay: Rs. 55,200 - 1,15,300/-\nQualifications: Degree in Civil "
            "Engineering of a recognised University.\nLast date of receipt of applications: "
            "15.05.2027\nDate of Gazette: 10.04.2027\n")
    data = _data(text)
    assert data["date_posted"] == date(2027, 4, 10)
    assert data["valid_through_date"] == date(2027, 5, 15)
    assert _level(text) == "Bac+3"


def test_a_programme_that_starts_under_a_label_and_a_degree_the_reader_has() -> None:
    text = ("Graduate Civil Engineer – 2028 Program\nCoastline Infrastructure Pty Ltd · "
            "Newcastle NSW\nProgram starts: Monday 7 February 2028\n")
    assert _data(text)["job_start_date"] == date(2028, 2, 7)
    text = ("Responsable d'exploitation transport (H/F)\nVous avez un BTS Gestion des "
            "transports et logistique associée et 5 ans d'expérience.\n")
    assert _level(text) == "Bac+2"


def test_a_publication_label_run_into_a_line_by_a_pdf_s_columns() -> None:
    text = ("Chef d'équipe maçon (H/F)\nTRANSBATI SAS · Annecy (74) · Gros œuvre Publiée le "
            "07/01/2027 | Réf. annonce : TB-GO-0107\nCDI, 39 h.\n")
    assert _data(text)["date_posted"] == date(2027, 1, 7)
