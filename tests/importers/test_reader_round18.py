"""Issue #15, rules written for the eighteenth round (after reading the seventeenth round's
misses), each for a class of layout or of wording rather than for the posting it was seen in.
Short texts written for these tests, in both languages."""

from __future__ import annotations

import pytest

from tests.importers.reading import employer, found, title
from tracker.importers.requirements import degree_in_text
from tracker.importers.text import parse_text


def interviews(text: str) -> list:
    return [item["date"].isoformat() for item in parse_text(text).data().get("interviews", [])]


# Titles ---------------------------------------------------------------------------------------


def test_the_lines_above_a_site_s_path_are_its_header_when_the_path_ends_in_the_post() -> None:
    text = ("Harbourside Physio & Sports Medicine\n"
            "Physiotherapy | Pilates | Hydrotherapy | Book Online\n"
            "Home  >  Careers  >  Senior Physiotherapist\n\n"
            "SENIOR PHYSIOTHERAPIST\n\n"
            "Employment type: Permanent, full time\n"
            "Harbourside is a group of four clinics on the harbour front.\n\n"
            "Privacy · Terms · © 2027 Harbourside Physio & Sports Medicine\n")
    assert title(text) == "SENIOR PHYSIOTHERAPIST"


@pytest.mark.parametrize(("heading", "expected"), [
    ("Door Supervisor – Leeds City Centre", "Door Supervisor"),
    ("Barista – Brisbane CBD", "Barista"),
    ("Médecin du travail (H/F) – Centre de Nantes", "Médecin du travail"),
])
def test_a_town_s_centre_or_a_site_named_by_its_town_is_a_place(heading: str, expected: str) -> None:
    text = f"Careers\n\n{heading}\n\nContract: permanent\nWe run six sites across the region.\n"
    assert title(text) == expected


def test_seasonal_after_a_french_post_is_its_contract() -> None:
    text = ("Offres d'emploi\n\nAGENT·E D'ACCUEIL SAISONNIER·ÈRE – 2 postes\n\n"
            "Contrat : CDD du 1er avril au 30 septembre 2027\n")
    assert title(text) == "AGENT·E D'ACCUEIL"
    assert title("Emplois\n\nMoniteur de voile saisonnier (H/F)\n\nContrat : CDD\n") \
        == "Moniteur de voile"


def test_a_running_head_repeated_with_the_page_number_is_not_the_heading() -> None:
    text = ("Santé Travail Loire – service interentreprises                     Offre 2027-11\n"
            "Offre d'emploi – Infirmier(ère) en santé au travail                      Page 1/2\n\n"
            "                  INFIRMIER(ÈRE) EN SANTÉ AU TRAVAIL (IST)\n"
            "                        CDI – temps plein\n\n"
            "Nos missions\nLe service suit 2 000 entreprises du département.\n\n"
            "Santé Travail Loire – service interentreprises                     Offre 2027-11\n"
            "Offre d'emploi – Infirmier(ère) en santé au travail                      Page 2/2\n\n"
            "Candidatures avant le 12 mars 2027.\n")
    assert title(text) == "INFIRMIER(ÈRE) EN SANTÉ AU TRAVAIL (IST)"


def test_a_subject_s_offer_word_and_contract_name_no_post() -> None:
    text = ("De : Camping des Pins <direction@camping-des-pins.fr>\n"
            "Objet : Offre CDI – responsable d'accueil – Landes\n\n"
            "Bonjour à tous,\n\nNous cherchons notre futur(e) responsable d'accueil pour la "
            "saison prochaine et au-delà.\n")
    assert title(text) == "responsable d'accueil"


def test_an_e_mail_s_ad_heading_with_a_body_s_word_and_its_season() -> None:
    text = ("From: Careers Office <careers@riverbend.ac.ca>\n"
            "Subject: Summer job: Waterfront Instructors at Loon Lake Camp (apply by April 2)\n\n"
            "Hi all,\n\nAnother summer opportunity below, from Loon Lake Camp.\n\n"
            "---------- Forwarded message ----------\n"
            "From: Jo Tremblay <jo@northwoodsyouth.ca>\n\n"
            "Here is our posting, thanks for sharing it!\n\n"
            "AQUATIC CENTRE INSTRUCTOR – SUMMER 2027\n"
            "Loon Lake Camp, Huntsville, Ontario\n\n"
            "Loon Lake Camp is a 300-acre camp operated by the Northwoods Youth\n"
            "Association. Every summer we welcome 1,800 campers.\n")
    assert title(text) == "AQUATIC CENTRE INSTRUCTOR"
    assert employer(text) == "Northwoods Youth Association"


@pytest.mark.parametrize(("heading", "expected"), [
    ("Warehouse Operative – Night Shift", "Warehouse Operative"),
    ("GÉRANT(E) DE MAGASIN – CDI", "GÉRANT(E) DE MAGASIN"),
])
def test_operatives_and_managers_of_a_shop_are_posts(heading: str, expected: str) -> None:
    text = f"Recruitment Hub\nFind jobs   Sign in\n\n{heading}\nCalder Logistics\n\nApply now.\n"
    assert title(text) == expected


def test_a_co_operative_names_a_body_not_a_post() -> None:
    text = ("Valley Co-operative Food — Join our team\n\n"
            "Shop Assistant\nStore: Main Street\nContract type: Permanent\n")
    assert title(text) == "Shop Assistant"
    assert employer(text) == "Valley Co-operative Food"


# Employers ------------------------------------------------------------------------------------


def test_a_labour_hire_company_on_whose_payroll_the_temps_are_employs_them() -> None:
    text = ("JobPark\nFind jobs   Sign in\n\nPicker Packer – Temp to Perm\nTōtara Staffing\n"
            "Temp to perm\n$27 per hour\n\nTōtara Staffing is looking for people to join our "
            "client, a large food distributor in Hamilton.\n\nTōtara Staffing is a labour hire "
            "company. Workers on assignment are employed and paid by Tōtara Staffing Limited.\n")
    assert employer(text) == "Tōtara Staffing"
    assert found(text, "employment_type").value == "temporary"


def test_the_legal_form_goes_when_the_text_calls_the_firm_by_its_first_words() -> None:
    text = ("Brightmoor Electrical Services Ltd – Slough\n\nApprentice Electrician\n\n"
            "Brightmoor is a family-run contractor working on rewires and fit-outs.\n")
    assert employer(text) == "Brightmoor Electrical Services"
    irish = ("Apprentice Youth Worker\nCluain Óg Youth Services CLG\n\nLocation: Tullamore\n\n"
             "Cluain Óg is a youth organisation running clubs in the Midlands.\n")
    assert employer(irish) == "Cluain Óg Youth Services"


def test_a_first_word_naming_a_town_or_another_place_is_no_short_form() -> None:
    text = ("Subject: Locum pharmacist wanted - Elsecar, Barnsley\n\nHi all,\n\n"
            "We need a locum pharmacist for three Saturdays in August.\n\nThanks,\n"
            "Raj Patel\nElsecar Pharmacy Ltd\n2 Market Street, Elsecar, Barnsley S74 8HJ\n")
    assert employer(text) == "Elsecar Pharmacy Ltd"


@pytest.mark.parametrize(("line", "expected"), [
    ("Camping Les Genêts ★★★★", "Camping Les Genêts"),
    ("Hôtel du Port 3*", "Hôtel du Port"),
    ("Riverside Community Radio 101.2FM", "Riverside Community Radio"),
])
def test_a_classification_or_a_frequency_is_no_part_of_a_name(line: str, expected: str) -> None:
    text = f"Animateur polyvalent (H/F)\n{line}\n\n{expected} recrute pour la saison.\n"
    assert employer(text) == expected


def test_an_aside_left_open_by_a_dash_is_cut_from_a_name() -> None:
    text = ("-----------------------------------------------\n"
            "VILLE DE SAINT-ORENS (Haute-Garonne – 12 000 habitants)\n"
            "Offre n° V031250500999999, publiée le 12/05/2027\n\n"
            "Agent de surveillance de la voie publique (F/H)\n\n"
            "La ville de Saint-Orens recrute un ASVP.\n")
    assert employer(text) == "VILLE DE SAINT-ORENS"
    assert found(text, "date_posted").isoformat() == "2027-05-12"


def test_an_e_mail_s_ad_and_the_organisation_on_the_line_under_its_heading() -> None:
    text = ("From: Outdoor Guides Network – Jobs List <jobs@guides.org.nz>\n"
            "Subject: [Jobs] Kayak Guide – Tasman Sea Kayaks, Nelson\n\n"
            "Kia ora,\n\nOne new role for the list this week.\n\nHana (list moderator)\n\n"
            "---------- Forwarded message ---------\n"
            "From: Sam Rowe <sam@tasmanseakayaks.nz>\n\n"
            "KAYAK GUIDE\nTasman Sea Kayaks – Nelson\nSeasonal: 1 October 2027 to 30 April 2028\n\n"
            "We run guided trips in the national park.\n")
    assert employer(text) == "Tasman Sea Kayaks"


def test_a_town_and_its_state_under_a_heading_is_a_place_and_the_post_is_no_employer() -> None:
    text = ("Hawkeye Council, Scouting America – Career Opportunities\n"
            "Jobs | Join Our Talent Community | Login\n\n"
            "District Executive\nDes Moines, IA · Field Service · Full-Time · Exempt\n\n"
            "Salary: $47,000 - $51,000 annually\n\n"
            "The District Executive is the professional staff advisor to a district of volunteers.\n"
            "About Hawkeye Council\nHawkeye Council serves 6,000 youth members.\n")
    assert employer(text) == "Hawkeye Council"
    assert found(text, "employment_type") is None


def test_a_list_item_carried_on_an_indented_line_names_no_employer() -> None:
    text = ("Lakeside Therapy Centre          JOB POSTING          Page 1 of 1\n\n"
            "Occupational Therapist\n\nQUALIFICATIONS\n"
            "- Master of Occupational Therapy from a program accredited by the Canadian\n"
            "  Association of Occupational Therapists\n"
            "- Registration with the provincial college\n\n"
            "Lakeside Therapy Centre is a private clinic serving the valley.\n")
    assert employer(text) == "Lakeside Therapy Centre"


# Contracts, dates and hours -------------------------------------------------------------------


@pytest.mark.parametrize(("line", "expected"), [
    ("Job type: Temp to perm, full-time", "temporary"),
    ("Type: temp-to-hire, nights", "temporary"),
    ("Job type: Full-time, Specified Purpose Contract", "fixed_term"),
])
def test_contract_words(line: str, expected: str) -> None:
    assert found(f"Store Assistant\n\n{line}\n", "employment_type").value == expected


def test_volunteers_around_a_post_and_a_site_s_menu_say_no_contract() -> None:
    text = ("CharityJobs.ie\nSearch jobs   Post a job   Volunteering   Training   Log in\n\n"
            "Youth Programme Officer\n\n"
            "We run 90 clubs with 1,400 adult volunteers.\n"
            "- Volunteer management experience is an asset\n")
    assert found(text, "employment_type") is None
    assert found("Volunteers wanted\n\nWe need volunteers for our food bank.\n",
                 "employment_type").value == "volunteer"


def test_a_period_after_a_contract_s_label_or_wrapped_over_two_lines() -> None:
    text = "Camp Counsellor\n\nDetails\n- Seasonal contract: June 28 to August 20, 2027\n"
    assert found(text, "job_start_date").isoformat() == "2027-06-28"
    assert found(text, "duration_months") == 2
    wrapped = ("Project Worker\n\nThe post is funded under a grant, from 1 March 2027 to 31\n"
               "August 2028. Hours: 35 a week.\n")
    assert found(wrapped, "duration_months") == 18


def test_hours_on_the_line_under_their_label() -> None:
    text = "Réceptionniste (H/F)\n\nDurée hebdomadaire\n35 h\n\nSalaire\n1 900 € brut\n"
    assert found(text, "working_time_percent") == 100


def test_an_interview_phrase_cut_by_the_line_s_end() -> None:
    text = ("Gérant(e) de camping\n\nRépondez avant le vendredi 29 janvier 2027. Nous recevrons\n"
            "les candidats retenus au camping les lundi 8 et mardi 9 février 2027.\n")
    assert interviews(text) == ["2027-02-08", "2027-02-09"]


@pytest.mark.parametrize("line", [
    "Questions? Email us at jobs@pinecrest.example.com – please don't send CVs to this address.",
    "Des questions ? Écrivez à emploi@pinecrest.example.fr (merci de postuler uniquement via "
    "le bouton « Je postule »).",
])
def test_an_address_for_questions_only_is_no_address_to_apply_to(line: str) -> None:
    assert found(f"Lifeguard\n\nApply online by 3 May 2027.\n\n{line}\n", "apply_email") is None


# Diplomas -------------------------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "- Ontario Secondary School Diploma (OSSD) or equivalent",
    "• You must be 18 and have graduated from high school",
])
def test_secondary_school_in_other_words(line: str) -> None:
    assert degree_in_text(["What you'll need", line]) == (line, "Bac")
