"""Issue #15 item 3, seventh round: the rules that find a posting's title and employer by the
role a line plays on the page, held on short texts written for these tests (posts, places and
organisations the corpus does not hold): qualifiers written one after the other after the post
(a pay class, then the contract, then the hours), a gender-neutral mark, a secondment, an
echelon, a shift, a town's district, a lead-in calling the reader to become the post; and for the
employer, a board's own name (in part, or a site saying it publishes offers), a menu with a count,
"Posted on ... by X", "We're X,", a unit named by its subject or its town (its organisation
employs), a signature's "role – organisation", more legal forms."""

from __future__ import annotations

from tests.importers.reading import employer, title
from tracker.importers.dates import fold
from tracker.importers.text_names_check import clean_org
from tracker.importers.text_names_employer import unit_owner
from tracker.importers.text_title import trim_terms
from tracker.importers.text_title_place import trim_place


def test_qualifiers_written_one_after_the_other_all_come_off() -> None:
    assert trim_terms("Ward Clerk (Band 2) – Permanent – 37.5 hours") == "Ward Clerk"
    assert trim_terms("Risk Modeller | 60–80% | fixed-term 12 months") == "Risk Modeller"
    # a unit naming the post stays when no qualifier follows it
    assert trim_terms("Staff Nurse – Cardiology Ward") == "Staff Nurse – Cardiology Ward"


def test_a_gender_neutral_mark_is_no_part_of_the_name() -> None:
    assert trim_terms("Platform Engineer Go (all genders)") == "Platform Engineer Go"
    assert trim_terms("Einkäufer (alle Geschlechter)") == "Einkäufer"
    assert trim_terms("Sales Lead (gn)") == "Sales Lead"


def test_a_secondment_an_echelon_a_shift_and_a_freelance_mission_are_terms() -> None:
    assert trim_terms("Theatre Practitioner – Day Surgery (Secondment)") \
        == "Theatre Practitioner – Day Surgery"
    assert trim_terms("Préparateur en pharmacie – échelon 3") == "Préparateur en pharmacie"
    assert trim_terms("Forklift Operator - Evenings") == "Forklift Operator"
    assert trim_terms("Architecte Cloud Azure – Mission freelance") == "Architecte Cloud Azure"
    # a word that only looks like one stays ('Evening' names the post's subject here)
    assert trim_terms("Evening Class Tutor") == "Evening Class Tutor"


def test_the_word_that_a_post_is_offered_after_it_comes_off() -> None:
    assert trim_terms("Site Reliability Engineer opportunity") == "Site Reliability Engineer"
    assert trim_terms("Equal Opportunity Officer") == "Equal Opportunity Officer"


def test_a_call_to_become_the_post_is_a_lead_in() -> None:
    assert trim_terms("DEVENEZ SAPEUR-POMPIER VOLONTAIRE") == "SAPEUR-POMPIER VOLONTAIRE"
    assert trim_terms("Become a Special Constable") == "Special Constable"


def test_a_towns_district_after_the_post_is_the_place() -> None:
    assert trim_place("Négociateur immobilier (F/H) – Marseille 8e", "x") \
        == "Négociateur immobilier (F/H)"
    assert trim_place("Conseiller – Paris 15e", "x") == "Conseiller"


def test_a_boards_own_name_is_no_employer_even_in_part() -> None:
    text = ("Career Bank\nFind a job  |  Salaries  |  Advice\n\nCareer Bank > Jobs > Baker\n\n"
            "Baker\nPosted on March 3, 2027 by Saltmarsh Bakery Co-op\n\n"
            "Location: Truro\nWe bake bread and pastries for 12 cafés.")
    assert employer(text) == "Saltmarsh Bakery Co-op"


def test_a_site_that_says_it_publishes_offers_is_a_board() -> None:
    text = ("TréteauxEmploi — le site des offres du théâtre\n\nRÉGISSEUR·SE GÉNÉRAL·E\n"
            "Compagnie Vents Contraires — Nantes (44)\n\n"
            "La compagnie Vents Contraires crée des spectacles de rue depuis 2004.\n\n"
            "© TréteauxEmploi 2027 — CGU — Contact")
    assert employer(text) == "Compagnie Vents Contraires"


def test_a_menu_with_a_count_of_openings_is_a_menu() -> None:
    text = ("kelpwise studio\nWork · Studio · Journal · Careers (3)\n\nSenior Game Designer\n"
            "Remote · Full-time\n\nHi! We're Kelpwise Studio, a 40-person team in Porto making "
            "cosy games.")
    assert employer(text) == "Kelpwise Studio"


def test_a_unit_named_by_its_subject_or_its_town_belongs_to_the_organisation() -> None:
    text = ("INSTITUT SUPÉRIEUR DE GESTION DU LITTORAL\n\nMaître de conférences en marketing (H/F)\n"
            "Département Marketing, Vente et Distribution – campus de Brest\n\n"
            "L'Institut supérieur de gestion du littoral recrute un·e enseignant·e en marketing.")
    assert fold(employer(text) or "") == fold("Institut supérieur de gestion du littoral")
    # a branch named by its town, under its company's name in a signature
    text = ("Objet : Poste de technicien réseau\n\nBonjour,\n\nNous recrutons un technicien réseau "
            "en CDI.\n\nBonne journée,\n\nLéa Morin\nChargée de recrutement – Axiome Réseaux\n"
            "Agence de Nantes · 02 xx xx xx xx\n")
    assert employer(text) == "Axiome Réseaux"


def test_a_unit_that_names_a_body_itself_stays() -> None:
    assert unit_owner("Service public de Wallonie", ["Wallonie"], "x") is None
    assert unit_owner("Agence nationale de la recherche", ["Inria"], "x") is None


def test_european_irish_and_german_partnership_forms_are_left_out_when_the_text_drops_them() -> None:
    assert clean_org("Kranich Werke SE", "Kranich Werke builds cranes.") == "Kranich Werke"
    assert clean_org("Liffey Ports DAC", "Liffey Ports runs two quays.") == "Liffey Ports"
    assert clean_org("Weserstrom GmbH & Co. KG", "Weserstrom plans parks.") == "Weserstrom"
    # kept when the text names it only so
    assert clean_org("Liffey Ports DAC", "Liffey Ports DAC runs two quays.") == "Liffey Ports DAC"


def test_a_sites_address_or_service_call_before_its_menu_is_its_name() -> None:
    text = ("NHS.UK  Find a nursing job\nSearch jobs | Saved | Applications | Sign out\n\n"
            "Community Staff Nurse\nHEATHFIELD CARE PARTNERSHIP\nDerby (DE1 2AB)\n\n"
            "Summary\nJoin our district nursing team.")
    assert title(text) == "Community Staff Nurse"


def test_a_bulletins_issue_line_is_no_heading() -> None:
    text = ("WESTGATE COLLEGE – JOBS BULLETIN\nIssue of Friday 12 March 2027\n\n"
            "Trainee Laboratory Technician – Fenwick Analytics, Ely\n\n"
            "Fenwick Analytics is taking on a trainee this summer.")
    assert title(text) == "Trainee Laboratory Technician"


def test_a_final_year_internship_is_a_kind_written_before_the_post_and_its_terms_after_the_place() -> None:
    text = ("Stage de fin d'études – Ingénieur·e données (6 mois) – Nantes\n\n"
            "Orbital Data recrute son/sa stagiaire pour l'équipe Data de l'agence de Nantes.\n"
            "Vous travaillerez sur un entrepôt de données pour un client de l'énergie.")
    assert title(text) == "Ingénieur·e données"
    # a firm hiring its own intern works for a client: it is the employer
    assert employer(text) == "Orbital Data"


def test_a_unit_after_the_post_stays_where_an_organisation_and_its_town_go() -> None:
    text = ("Data Analyst – Planned Care\n\nThe Planned Care team runs elective surgery lists.\n"
            "Location: Hamilton")
    assert title(text) == "Data Analyst – Planned Care"


def test_a_body_named_by_its_kind_and_lower_case_words_that_recruits_is_the_employer() -> None:
    text = ("Pharmacie de la Halle aux Grains recrute !\n\nNous cherchons un·e préparateur·rice "
            "en pharmacie.\n\nPoste : Préparateur en pharmacie\nContrat : CDI")
    assert employer(text) == "Pharmacie de la Halle aux Grains"


def test_a_town_then_the_organisation_on_a_header_line() -> None:
    text = ("PRÉPARATEUR EN PHARMACIE H/F\nAnnonce n° 12-345 · mise en ligne le 03.02.2027\n"
            "Quimper (29) — Pharmacie du Steir\n\nType de contrat : CDI")
    assert employer(text) == "Pharmacie du Steir"


def test_a_practice_named_by_its_kind_keeps_its_whole_name() -> None:
    text = ("Objet : Assistant dentaire\n\nMadame, Monsieur,\n\nLe cabinet dentaire des Docteurs "
            "Le Goff et Salaün recherche un(e) assistant(e) dentaire.\n")
    assert fold(employer(text) or "") == fold("Cabinet dentaire des Docteurs Le Goff et Salaün")


def test_an_organisations_recruitment_campaign_is_its_header_not_the_heading() -> None:
    text = ("Nordlys Air – Cabin Crew Recruitment\n\nSENIOR CABIN MANAGER – ATR 72\n"
            "Base: Tromsø\n\nNordlys Air flies 14 ATR aircraft along the Norwegian coast.")
    assert title(text) == "SENIOR CABIN MANAGER – ATR 72"
    assert employer(text) == "Nordlys Air"


def test_a_subject_asking_to_pass_the_offer_on_names_no_post() -> None:
    text = ("De : Marc Olier <m.olier@example.fr>\nObjet : Offre d'emploi à diffuser auprès de vos "
            "étudiants\n\nBonjour,\n\nNotre étude cherche un ou une clerc de notaire, en CDI.\n")
    assert title(text) == "clerc de notaire"


def test_a_bilingual_heading_gives_the_post_in_the_language_the_text_goes_on_in() -> None:
    text = ("Bwrdd Iechyd Glannau\nGlannau Health Board\n\nPorthor | Hospital Porter\n\n"
            "Overview\nWe are looking for a Hospital Porter to join our team.")
    assert title(text) == "Hospital Porter"
    # the two forms of one name stay ('A / B')
    text = "Animateur / Animatrice\n\nNous cherchons un animateur pour l'été."
    assert title(text) == "Animateur / Animatrice"
