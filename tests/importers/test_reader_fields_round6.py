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


# A dollar takes its country: a province's code beside a town, or French written with dollars.
def test_a_dollar_in_french_or_beside_a_provinces_code_is_canadian() -> None:
    french = "Journalier de production\nUsine de Lévis\nSalaire : 23,40 $ de l'heure\n"
    assert _data(french, "fr")["salary_currency"] == "CAD"
    province = ("Warehouse Clerk\nMoncton, NB\nPay: $21.50 per hour, day shift.\n")
    assert _data(province, "en")["salary_currency"] == "CAD"
    us = "Warehouse Clerk\nDayton, OH\nPay: $21.50 per hour, day shift.\n"
    assert _data(us, "en")["salary_currency"] == "USD"


# Swiss '95'000.–' and Indian '50,000/-' close a sum, not a range.
def test_a_sum_closed_by_a_dash_mark_still_joins_its_range() -> None:
    swiss = "Ingénieur qualité\nSalaire : CHF 88'000.– à 104'000.– brut par an\n"
    data = _data(swiss, "fr")
    assert (data["salary_min"], data["salary_max"]) == (88000, 104000)


# A side sum named as such right before it is no pay, even where no pay precedes it.
def test_a_named_allowance_alone_is_no_salary() -> None:
    text = ("Data Engineer\nWe offer an occupational pension and a wellness allowance of SEK "
            "5,000 per year. Salary is individual.\n")
    assert _data(text, "en").get("salary_min") is None
    volunteer = "Youth Officer\nA monthly Living Allowance of XOF 850,000 and insurance.\n"
    assert _data(volunteer, "en")["salary_min"] == 850000


# The period nearest the sum: 'brut mensuel' after '(38 heures par semaine)'.
def test_the_period_named_nearest_before_the_sum_is_its_period() -> None:
    text = ("Comptable\nUn contrat à temps plein (38 heures par semaine), un salaire brut "
            "mensuel entre 3 100 et 3 500 € selon l'expérience.\n")
    assert _data(text, "fr")["salary_period"] == "month"


def _education(text: str, language: str | None = None) -> str | None:
    levels = [r["level"] for r in _data(text, language).get("requirements", [])
              if r["kind"] == "education"]
    return levels[0] if levels else None


# Degrees of other countries, by the level they confer.
def test_degrees_of_other_countries_give_their_level() -> None:
    cases = {
        "Senior Resident\nEssential qualification: MD/DNB in Paediatrics from a recognised "
        "university.\n": "Bac+8",
        "Hospitalist\nRequirements\n• MD or DO from an accredited medical school\n"
        "• Board certified in Internal Medicine\n": "Bac+8",
        "Sonographer\nQualifications\n• Graduate of an accredited sonography program (associate "
        "degree or higher)\n• Registered with ARDMS\n": "Bac+2",
        "Electrician offshore\nQualifications\n- Trade certificate (fagbrev) as electrician\n"
        "- Valid offshore health certificate\n": "cap_bep",
        "Maintenance Technician\nRequirements\n• An NVQ Level 3 (or equivalent) in mechanical "
        "engineering\n• Full driving licence\n": "Bac",
        "Chargé d'insertion\nVotre profil : titre professionnel CIP (niveau 5) ou diplôme de travail "
        "social ; permis B.\n": "Bac+2",
        "Directeur adjoint\nLes candidats contractuels doivent être titulaires d'un diplôme de "
        "niveau master ou justifier d'une expérience équivalente.\n": "Bac+5",
    }
    for text, level in cases.items():
        assert _education(text) == level, text


# A label saying 'Formation :' makes its item the education asked, before a diploma prepared.
def test_a_training_label_with_a_degree_is_the_education_asked() -> None:
    text = ("Apprenti vendeur (H/F)\n\nProfil souhaité\nFormation : Bac ou équivalent - Exigé\n"
            "Diplôme préparé : BTS Management commercial opérationnel (MCO)\n")
    assert _education(text, "fr") == "Bac"


# Training on the job in the diploma's stead: no level is asked.
def test_a_diploma_or_equivalent_training_on_the_job_asks_no_level() -> None:
    text = ("Polisseur (H/F)\nProfil\nCAP de polisseur ou formation équivalente en entreprise, "
            "deux ans d'expérience.\n")
    assert _education(text, "fr") is None
    asked = "Polisseur (H/F)\nProfil\nCAP de polisseur exigé, deux ans d'expérience.\n"
    assert _education(asked, "fr") == "cap_bep"


def _contract(text: str, language: str = "en") -> tuple[object, object]:
    data = _data(text, language)
    kind = data.get("employment_type")
    return (kind.value if kind is not None else None), data.get("duration_months")


# A contract and its length side by side, a period stated after the kind of post.
def test_a_contract_beside_its_length_is_a_fixed_term_of_that_length() -> None:
    assert _contract("ICU Travel Nurse\nAssignment: Travel contract, 13 weeks\nShift: nights\n") \
        == ("fixed_term", 3)
    assert _contract("Second Engineer\nVessel | LNG carrier\n"
                     "Contract | 6 months (+/- 1 month)\n") == ("fixed_term", 6)
    assert _contract("Junior Resident\nApplications are invited for 4 posts of Junior Resident on "
                     "a tenure basis for a period of two years.\n") == ("fixed_term", 24)


def test_an_employees_contract_position_outweighs_a_boards_contract_tag() -> None:
    text = ("Senior Manager (Policy)\nEmployment type: Contract\n\nThis is a 3-year contract "
            "position, with the possibility of renewal.\n")
    assert _contract(text)[0] == "fixed_term"
    contractor = ("Platform Engineer\nEmployment type: Contract\n\nThis is a 6-month contract "
                  "position with possible extension, paid on a day rate outside IR35.\n")
    assert _contract(contractor)[0] == "freelance"


def test_an_independent_contractor_named_beside_a_term_is_freelance() -> None:
    text = ("Roustabout\nEngagement: 6-month rotational contract as an independent contractor, "
            "paid on a day rate.\n")
    assert _contract(text)[0] == "freelance"


# A secondment by another name, and its period.
def test_a_deputation_is_a_secondment_for_its_period() -> None:
    text = ("VACANCY CIRCULAR\nFilling up of the post of Deputy Director on deputation basis.\n"
            "Period of deputation: four years, extendable.\n")
    assert _contract(text) == ("other", 48)


# Contract words that are not the post's: a qualification held, a name, training offered.
def test_contract_words_in_a_qualification_a_name_or_a_perk_state_no_contract() -> None:
    held = ("Instructional Assistant\nQualifications\n- An associate degree, or completion of a "
            "registered apprenticeship.\n")
    assert _contract(held)[0] is None
    unit = ("Project Associate\nOffice of Sponsored Research & Industrial Consultancy (SORC)\n"
            "Tenure: initially for 6 months.\n")
    assert _contract(unit) == ("fixed_term", 6)
    perk = "Site Engineer\nFull time\n• Ongoing training and a clear path to promotion\n"
    assert _contract(perk)[0] is None
    assert _contract("Case Worker\nOngoing, full-time role\n")[0] == "permanent"
    assert _contract("Air Traffic Controller\nNature of appointment: regular.\n")[0] == \
        "permanent"
    assert _contract("Engineer\nPermanent Campus, Dharwad\nTenure: initially for 6 months.\n")[0] \
        == "fixed_term"
    claim = ("Project Assistant\nThe appointment is purely temporary; the candidate will have no "
             "claim for regular appointment.\n")
    assert _contract(claim)[0] == "fixed_term"


# Deadlines in more phrasings, a day written without its year deduced from the posting's date.
def test_deadlines_in_more_phrasings_and_days_without_their_year() -> None:
    swiss = ("Genève, le 12 janvier 2027\nAssistant de gestion (80 %)\nDélai : 28.02.2027. Dossier "
             "complet à adresser à rh@example.ch.\n")
    assert _data(swiss, "fr")["valid_through_date"] == date(2027, 2, 28)
    letter = ("Quimper, le 1er février 2027\nChef d'équipe (H/F)\nMerci d'adresser votre "
              "candidature à rh@example.fr, d'ici au 20 février.\n")
    assert _data(letter, "fr")["valid_through_date"] == date(2027, 2, 20)
    forwarded = ("Date : mer. 6 janv. 2027 à 14:02\nObjet : offre CIP\n\nConseiller en insertion\n"
                 "Candidature avant le 22/01 à recrutement@example.org. Les entretiens se tiendront "
                 "le 28 janvier.\n")
    assert _data(forwarded, "fr")["valid_through_date"] == date(2027, 1, 22)
    email = ("Sent: Tuesday, January 12, 2027 3:26 PM\nSubject: ICU contract\n\nICU Travel Nurse\n"
             "Submission deadline is Friday 1/15 at noon Pacific. Send your resume to "
             "jobs@example.com.\n")
    data = _data(email, "en")
    assert data["valid_through_date"] == date(2027, 1, 15)
    assert str(data["valid_through_time"]).startswith("12:00")


def test_a_fraction_or_a_day_without_a_year_and_no_anchor_is_no_date() -> None:
    from tracker.importers.dates import find_dates
    assert find_dates("support 24/7, 3/4 of the time", "en", 2027) == []
    assert find_dates("avant le 22/01", "fr") == []  # no year to deduce it from


def _share(text: str, language: str = "en") -> object:
    return _data(text, language).get("working_time_percent")


# Working time: an FTE in a table, a full-time study, a share that changes or ranges, days a year.
def test_working_time_read_by_its_role() -> None:
    assert _share("Patient Care Tech\nJob type     Part time\nFTE          0.6 / 24 hrs per week\n") \
        == 60
    assert _share("Staff Nurse\nFTE 0.9 / 36 hrs per week\n") == 90
    assert _share("Engineer Trainee\nEducational Qualification: Full-time B.E./B.Tech. degree in "
                  "Mechanical Engineering\n") is None
    assert _share("Junior Executive\nFull-time regular three-year Bachelor's Degree of Science.\n") \
        is None
    assert _share("Coordinateur\nTemps de travail : 80 % (4 jours par semaine) puis temps plein en "
                  "juin et juillet\n", "fr") is None
    assert _share("Commis saisonnier\nUn emploi saisonnier, à raison de 30 à 40 heures par semaine "
                  "selon l'achalandage.\n", "fr") is None
    assert _share("Conducteur de travaux\nStatut cadre, forfait jours (218 jours), véhicule de "
                  "fonction.\n", "fr") == 100
    assert _share("Chargée de mission\nStatut cadre au forfait annuel en jours de 172 jours.\n",
                  "fr") == 79
    assert _share("Program Coordinator\nFull-time program coordinator role, permanent.\n") == 100


# A pay level named beside the pay, on a matrix, a scale or a grid.
def test_a_pay_level_beside_the_pay_is_the_category() -> None:
    cases = {
        "Senior Resident\nPay: Level 11 of the 7th CPC Pay Matrix (₹67,700/- per month)\n":
            "Level 11",
        "Post | Vacancies | Pay\nDeputy Director | 02 | Level 12 (₹78,800 – 2,09,200) in the Pay "
        "Matrix (7th CPC)\n": "Level 12",
        "Junior Executive\nPay Scale: E-1 ₹40,000 – 3% – 1,40,000 (monthly)\n": "E-1",
        "Lecturer\nSalary from €4,332 to €5,929 gross per month (pay scale 11).\n": "11",
        "Logistician\nSalary: according to our salary grid, level 6 (from EUR 2,000 gross).\n":
            "6",
        "Engineer Trainee | Civil | 12 | E2: ₹50,000 – 3% – 1,60,000\n": "E2",
        "Project Officer\nPackage: Clerk Grade 9/10, base salary $2,100 per week\n":
            "Clerk Grade 9/10",
    }
    for text, grade in cases.items():
        assert _data(text, "en")["category"] == grade, text
    rand = "Finance Officer\nSalary: R1 059 105 per annum, all-inclusive\n"
    assert _data(rand, "en").get("category") is None


# A start under its label on the next line, in a table's cell, or as a crew's mobilisation.
def test_a_start_label_alone_a_table_cell_or_a_mobilisation_gives_the_start() -> None:
    cases = {
        "Polisseur (H/F)\nEntrée en fonction\n1er mars 2027\n": ("fr", date(2027, 3, 1)),
        "Encadrant technique\nPoste à pourvoir\n\nle 15 février 2027\n": ("fr", date(2027, 2, 15)),
        "Dental Receptionist\nStart | Monday 1 March 2027\nHours | 3 days a week\n":
            ("en", date(2027, 3, 1)),
        "Assistant Driller\nRotation: 28/28\nMobilisation: 12 April 2027\n":
            ("en", date(2027, 4, 12)),
    }
    for text, (language, start) in cases.items():
        assert _data(text, language)["job_start_date"] == start, text


# An identifier's noun before the posting's, or joined to it.
def test_an_identifier_noun_with_a_posting_noun_labels_the_reference() -> None:
    cases = {
        "Code de l'offre : CDO-2027-15": "CDO-2027-15",
        "Identifiant de l'annonce : 884512": "884512",
        "Job Req: 2027-118": "2027-118",
        "Req. #2027-5512": "2027-5512",
        "Stellen-ID: 2027-55": "2027-55",
    }
    for line, reference in cases.items():
        text = f"Chargé de mission (H/F)\nEntreprise Exemple\n{line}\nCDI temps plein.\n"
        assert _data(text)["reference"] == reference, line
    postcode = "Chargé de mission (H/F)\nEntreprise Exemple\nCode postal : 69003\nCDI.\n"
    assert _data(postcode).get("reference") is None


def test_a_cut_off_a_date_butoir_an_expiry_or_an_end_of_publication_is_the_deadline() -> None:
    cases = {
        "Project Officer\nAcme Ltd\nCut-off date: 15 March 2027\n": "en",
        "Project Officer\nAcme Ltd\nExpiry date: 15 March 2027\n": "en",
        "Chargé de mission\nDate butoir : 15 mars 2027\n": "fr",
        "Chargé de mission\nFin de publication : 15/03/2027\n": "fr",
    }
    for text, language in cases.items():
        assert _data(text, language)["valid_through_date"] == date(2027, 3, 15), text


def test_a_leave_covered_a_summer_job_or_a_length_joined_to_a_post_is_a_fixed_term() -> None:
    assert _contract("Project Officer\nAcme Ltd\nThis is a maternity leave replacement until "
                     "June 2028.\n")[0] == "fixed_term"
    assert _contract("Animateur\nEmploi d'été au bord du lac.\n", "fr")[0] == "fixed_term"
    assert _contract("Régisseur\nContrat d'intermittent du spectacle.\n", "fr")[0] == "fixed_term"
    assert _contract("Lecturer\nA one-year visiting position in our department.\n") == \
        ("fixed_term", 12)
    assert _contract("Manager\nA 10-year experience role in our team.\n")[0] is None


def test_quebec_and_nursing_degrees_and_numbered_qualifications_give_their_level() -> None:
    cases = {
        "Ingénieur\nProfil : baccalauréat en génie civil et membre de l'OIQ\n": "Bac+3",
        "Conseiller\nProfil : maîtrise en administration publique\n": "Bac+5",
        "Registered Nurse\nRequirements\n- Registered Nurse (BSN required)\n": "Bac+3",
        "Enrolled Nurse\nRequirements\n- Diploma of Nursing (Enrolled Nurse)\n": "Bac+2",
        "Nursery Practitioner\nRequirements\n- Level 3 qualification in childcare\n": "Bac",
        "Vendeur\nProfil : baccalauréat professionnel commerce\n": "Bac",
    }
    for text, level in cases.items():
        assert _education(text) == level, text
    assert _education("Assistant\nProfil : excellente maîtrise en anglais\n", "fr") is None


# Currencies named by their word and the country: crowns, francs, złoty, pesos, yen.
def test_a_currency_word_takes_the_country_named() -> None:
    cases = {
        ("Developer\nStockholm, Sweden\nSalary: 45 000 kr per month\n", "en"): ("SEK", "month"),
        ("Developer\nKøbenhavn, Denmark\nSalary: 550.000 kr. om året\n", "en"): ("DKK", "year"),
        ("Developer\nBergen\nLønn: 620 000 kr per år\n", "en"): ("NOK", "year"),
        ("Comptable\nLausanne, Suisse\nSalaire : 5 500 francs par mois\n", "fr"): ("CHF", "month"),
        ("Comptable\nDouala, Cameroun\nSalaire : 150 000 francs CFA par mois\n", "fr"):
            ("XAF", "month"),
        ("Analyst\nWarsaw, Poland\nSalary: 8,000 zł gross per month\n", "en"): ("PLN", "month"),
        ("Engineer\nBerlin\nSalary: 4.500 € brutto/Monat\n", "en"): ("EUR", "month"),
        ("QA Lead\nGöteborg\nSalary: 40 000 SEK/månad\n", "en"): ("SEK", "month"),
    }
    for (text, language), (currency, period) in cases.items():
        data = _data(text, language)
        assert (data["salary_currency"], data["salary_period"]) == (currency, period), text


def test_a_share_in_fifths_of_a_week_is_the_working_time() -> None:
    assert _share("Chargé de mission\nContrat à 4/5e, CDI.\n", "fr") == 80
    assert _share("Chargé de mission\nPoste à temps partiel (trois cinquièmes).\n", "fr") == 60
    assert _share("Chargé de mission\nTemps plein ou 4/5e possible.\n", "fr") is None


# A code the text tells to quote, or that an e-mail's subject or a posting's noun labels.
def test_a_code_to_quote_or_under_a_subject_or_posting_noun_is_the_reference() -> None:
    cases = {
        "Please put AB-27-113 in the subject line of your email.": "AB-27-113",
        "Veuillez mentionner le code RH-2027-88 dans votre candidature.": "RH-2027-88",
        "Subject: Vacancy HR-2027-04 – Finance Assistant": "HR-2027-04",
        "Vacancy: FIN-27-03": "FIN-27-03",
    }
    for line, reference in cases.items():
        text = f"Chargé de mission (H/F)\nEntreprise Exemple\nCDI temps plein.\n{line}\n"
        assert _data(text)["reference"] == reference, line
    for line in ("Offre : 24/7 support", "Subject: Meeting 12/03/2027", "Poste : B2B sales"):
        text = f"Chargé de mission (H/F)\nEntreprise Exemple\nCDI temps plein.\n{line}\n"
        assert _data(text).get("reference") is None, line
