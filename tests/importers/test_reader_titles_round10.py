"""Issue #15, tenth round: the rules that find a posting's title, written for classes of
heading rather than for one posting each, and held here on texts invented for these tests
(posts, places and organisations the corpus does not hold), in both languages."""

from __future__ import annotations

from tests.importers.reading import title
from tracker.importers.text_title_parts import other_fields_off, states_other_field


def test_a_part_stating_the_contract_or_its_terms_is_left_out() -> None:
    assert other_fields_off("Archiviste – vacations") == "Archiviste"
    assert other_fields_off("Warehouse Operative - Casual") == "Warehouse Operative"
    assert other_fields_off("LIBRARY ASSISTANT (PARENTAL LEAVE COVER)") == "LIBRARY ASSISTANT"
    assert other_fields_off("Policy Officer (Temporary – nine (9) months)") == "Policy Officer"
    assert other_fields_off("Orthophoniste – remplacement") == "Orthophoniste"
    assert other_fields_off("Casual Lab Technician – Chemistry") == "Lab Technician – Chemistry"
    assert other_fields_off("Casual Dining Room Supervisor") == "Casual Dining Room Supervisor"
    assert other_fields_off("Développeuse web freelance") == "Développeuse web"


def test_a_part_stating_the_working_time_is_left_out() -> None:
    assert other_fields_off("SAGE-FEMME – 0,5 ETP") == "SAGE-FEMME"
    assert other_fields_off("Speech Therapist – 0.8 FTE") == "Speech Therapist"
    assert other_fields_off("Secrétaire médicale (temps partiel)") == "Secrétaire médicale"


def test_a_part_stating_a_requirement_is_left_out() -> None:
    assert other_fields_off("Ambulancier – Diplôme d'État exigé") == "Ambulancier"
    assert other_fields_off("Network Engineer - Secret clearance required") == "Network Engineer"
    assert other_fields_off("Software Developer – TS/SCI with Poly") == "Software Developer"
    assert other_fields_off("Chauffeur livreur (permis C obligatoire)") == "Chauffeur livreur"


def test_a_season_or_a_cohort_before_the_post_is_left_out() -> None:
    assert other_fields_off("Summer 2028 Analyst – Credit Research") == "Analyst – Credit Research"
    assert other_fields_off("Été 2028 : animateur de plage") == "animateur de plage"


def test_the_reach_of_the_workplace_and_the_kind_of_practice_are_left_out() -> None:
    assert other_fields_off("Guide de haute montagne – refuge (accès hélicoptère)") \
        == "Guide de haute montagne – refuge"
    assert other_fields_off("Orthoptiste – cabinet de groupe") == "Orthoptiste"
    assert other_fields_off("Sage-femme libérale – centre de santé mutualiste") \
        == "Sage-femme libérale"


def test_a_purpose_after_the_post_is_left_out() -> None:
    assert other_fields_off("aide-soignante pour remplacer notre collègue pendant son congé") \
        == "aide-soignante"
    assert other_fields_off("vendeur pour renforcer l'équipe cet été") == "vendeur"
    assert other_fields_off("Data Engineer to join our platform team") == "Data Engineer"
    # a complement naming whom the post serves stays
    assert other_fields_off("Éducateur pour adultes") == "Éducateur pour adultes"
    assert other_fields_off("Assistant to the Dean") == "Assistant to the Dean"


def test_a_part_naming_the_subject_unit_or_specialty_stays() -> None:
    assert not states_other_field("Offshore Wind")
    assert not states_other_field("Paediatric Oncology", bracketed=True)
    assert not states_other_field("service de réanimation")
    assert not states_other_field("Tutor")  # a part naming a post is the post's
    assert other_fields_off("Clinical Trials Manager (Haematology)") \
        == "Clinical Trials Manager (Haematology)"
    assert other_fields_off("Ingénieure – Réseaux de chaleur") == "Ingénieure – Réseaux de chaleur"


def test_the_heading_is_read_without_the_parts_stating_other_fields() -> None:
    text = ("BOARD OF THE SOUTH COAST\n\nHydrographic Surveyor – Security clearance required\n"
            "Tidewater Surveys Ltd\n\nWe survey harbours and estuaries.\n")
    assert title(text) == "Hydrographic Surveyor"
    text = ("Offre n° 88-14\n\nPSYCHOMOTRICIEN (H/F) – 0,8 ETP\n\nStructure : Centre médico-"
            "psychologique de Lisieux\nContrat : CDI\n")
    assert title(text) == "PSYCHOMOTRICIEN"


def test_a_social_posts_announcement_before_the_post_is_no_part_of_it() -> None:
    text = ("Ruth Adeyemi • 2nd\nTalent Partner at Brightwater Analytics\n3d • 🌐\n\n"
            "📣 NEW POSITION: Geospatial Analyst – Flood Modelling\n\n"
            "We model river flooding for insurers.\n")
    assert title(text) == "Geospatial Analyst – Flood Modelling"
    text = ("Camille Roux • 1er\nDRH chez Verger d'Oc\n1 sem. • 🌐\n\n"
            "🍏 On recrute ! Cariste confirmé pour rejoindre notre plateforme de Nîmes.\n\n"
            "Nous expédions des fruits dans toute l'Europe.\n")
    assert title(text) == "Cariste confirmé"
    text = ("Owen Park • 2nd\nLab lead at Corvid Bio\n2d • 🌐\n\n"
            "🚀 We're hiring! Protein Chemist (Assay Development) to join our team in Leeds.\n\n"
            "Send me a message.\n")
    assert title(text) == "Protein Chemist (Assay Development)"


def test_a_heading_with_a_post_before_its_comma_is_no_signature() -> None:
    text = ("From: Ana Lopes <ana@ventomar.pt>\nSubject: Blade Inspector, Onshore – Porto\n\n"
            "Dear Rui,\n\nWe have a new opening you may like.\n\nBlade Inspector, Onshore\n"
            "Ventomar Energia · Porto · Job ID 28-114\n\nYou will inspect turbine blades.\n\n"
            "Ana Lopes, Talent Acquisition\n")
    assert title(text) == "Blade Inspector, Onshore"


def test_a_title_row_in_a_table_laid_out_with_spaces_gives_the_title() -> None:
    text = ("Lakeside County College | Human Resources\n\nPosting Details\n\n"
            "Working Title          Grants Accountant, Sponsored Research\n"
            "Department             Office of Sponsored Programs\n"
            "Posting Number         S0441\n")
    assert title(text) == "Grants Accountant, Sponsored Research"
    text = ("LYCÉE DES MÉTIERS DU BOIS\n\n          FICHE DE POSTE\n\n"
            "Intitulé du poste        Agent de maintenance des bâtiments\n"
            "Service                  Pôle patrimoine\n"
            "Nature du contrat        CDD de 10 mois\n")
    assert title(text) == "Agent de maintenance des bâtiments"


def test_a_labelled_value_of_figures_or_of_a_boards_categories_names_no_post() -> None:
    text = ("Gestionnaire de paie H/F\nCABINET ORTALIS\n\nStatut : Cadre\n"
            "Convention collective : Syntec\n– position 1.2, coefficient 100\n")
    assert title(text) == "Gestionnaire de paie"
    text = ("petitesannonces > Emploi > Bretagne\n\nVENDANGEURS (H/F)\nDéposée le 02/09/2027\n\n"
            "Type de contrat : Saisonnier\nFonction : Agriculture, Ouvrier\n")
    assert title(text) == "VENDANGEURS"


def test_a_heading_naming_the_post_more_fully_than_its_label_is_the_title() -> None:
    text = ("NORTHSHORE UNIVERSITY\n\nLab Manager, Institute for Soil Carbon\n\n"
            "Job Title: Lab Manager\nDepartment: Institute for Soil Carbon\n")
    assert title(text) == "Lab Manager, Institute for Soil Carbon"
    # a heading adding only the place: the labelled name
    text = "Lab Manager – Leeds\n\nJob Title: Lab Manager\nLocation: Leeds\n"
    assert title(text) == "Lab Manager"


def test_a_circulars_addressees_are_no_heading() -> None:
    text = ("MINISTRY OF WORKS AND TRANSPORT\n\nCIRCULAR No. 12/2028\n\n"
            "To:   Permanent Secretaries\n      Chief Engineers, Regional Offices\n\n"
            "Applications are invited for the following post:\n\n"
            "SENIOR QUANTITY SURVEYOR (PWS 4) – VACANT\nSalary: $5,000,000 per annum\n")
    assert title(text) == "SENIOR QUANTITY SURVEYOR"


def test_a_sentence_going_on_over_lines_is_no_heading_but_names_the_post() -> None:
    text = ("Le Président du Syndicat des eaux du Val annonce\n"
            "l'ouverture d'un recrutement pour le poste de technicien d'exploitation\n\n"
            "Conditions : être titulaire d'un BTS.\n")
    assert title(text) == "technicien d'exploitation"
    text = ("Boulangerie Piron\n\nNotre boulangerie de Dinan recrute 2 boulangers de tradition\n"
            "française pour accompagner l'ouverture de notre second fournil.\n\n"
            "Envoyez votre CV.\n")
    assert title(text) == "boulangers de tradition française"


def test_a_part_saying_the_post_is_open_or_giving_its_grade_code_or_schedule_is_left_out() -> None:
    assert other_fields_off("Records Officer – URGENT") == "Records Officer"
    assert other_fields_off("Comptable – poste à pourvoir rapidement") == "Comptable"
    assert other_fields_off("Budget Analyst (FMG/PS 3)") == "Budget Analyst"
    assert other_fields_off("PLONGEURS soirées") == "PLONGEURS"
    # a position's own code, a shift naming the post: they stay
    assert other_fields_off("Doctoral Candidate (DC4)") == "Doctoral Candidate (DC4)"
    assert other_fields_off("Infirmier de nuit") == "Infirmier de nuit"


def test_the_marks_set_around_a_heading_are_no_part_of_it() -> None:
    text = ("*** SAISON D'ÉTÉ 2028 ***\n\nLe camping Les Pins Bleus recrute :\n\n"
            ">> PLONGEUR (H/F) <<\n\nVous assurez la plonge du restaurant.\n")
    assert title(text) == "PLONGEUR"
    text = "== Night Porter (m/f/d) ==\n\nHotel Alpenrose, Zermatt\n\nYou keep the hotel safe.\n"
    assert title(text) == "Night Porter"
    # a language's or a tool's own signs stay
    text = "Développeur C++ (H/F)\n\nSociété Vectoria\n\nVous développez nos moteurs.\n"
    assert title(text) == "Développeur C++"


def test_the_employer_and_its_town_after_a_heading_in_capitals_are_left_out() -> None:
    text = ("DIRECTION DIOCÉSAINE\n\nDIRECTEUR DU 2nd DEGRÉ – Collège Saint-Joseph, Vitré\n\n"
            "Le directeur anime l'équipe.\n")
    assert title(text) == "DIRECTEUR DU 2nd DEGRÉ"


def test_how_the_post_is_hired_and_the_camp_it_works_in_are_left_out() -> None:
    assert other_fields_off("LOGISTICIEN – POSTE NATIONAL") == "LOGISTICIEN"
    assert other_fields_off("Field Coordinator – International post") == "Field Coordinator"
    assert other_fields_off("animateur colo île de Ré") == "animateur"
    assert other_fields_off("Surveillant de baignade séjour à Carnac") == "Surveillant de baignade"
    assert other_fields_off("Animateur colo") == "Animateur colo"


def test_the_possessive_in_both_genders_before_the_post_is_read() -> None:
    text = ("Élise Marchand • 2e\nGérante chez Optique Marchand\n3 j • 🌐\n\n"
            "Optique Marchand, opticien indépendant à Vannes, cherche son/sa futur(e) "
            "Opticien(ne) lunetier(ère) pour compléter l'équipe.\n\nÉcrivez-moi en MP.\n")
    assert title(text) == "Opticien(ne) lunetier(ère)"


def test_a_post_named_up_to_its_acronym_keeps_its_commas() -> None:
    from tracker.importers.text_title_parts import named_to_acronym
    assert named_to_acronym("agents de restauration, d'hébergement et d'entretien (ARHE), "
                            "fonctionnaires") == "agents de restauration, d'hébergement et d'entretien"
    # an acronym that does not spell the words before it is no end of the name
    assert named_to_acronym("agents d'entretien (CNRS) pour ses laboratoires") is None
    text = ("Le ministère des Armées organise en 2028 un recrutement sans concours d'agents "
            "techniques de maintenance, de logistique et de restauration (ATMLR), fonctionnaires "
            "de catégorie C, pour ses bases de Bretagne et de Normandie, qui sont nombreuses et "
            "dispersées sur tout le territoire des deux régions concernées par cet avis.\n\n"
            "Le dossier comprend une lettre et un CV.\n")
    assert title(text) == "agent technique de maintenance, de logistique et de restauration"


def test_a_posts_own_complement_in_a_sentence_stays_and_the_sentences_parts_do_not() -> None:
    from tracker.importers.text_title import post_in_sentence
    assert post_in_sentence("La quincaillerie cherche un ou une préposé au comptoir des "
                            "peintures pour l'été.") == "préposé au comptoir des peintures"
    assert post_in_sentence("Notre brasserie recrute un serveur au Mans pour l'été.") == "serveur"
    assert post_in_sentence("Le club recrute un éducateur sportif au sein de son école de "
                            "foot.") == "éducateur sportif"
    assert post_in_sentence("La mairie recrute un agent d'accueil au 1er mars.") == "agent d'accueil"


def test_one_post_named_in_several_ways_is_named_as_its_marked_heading_names_it() -> None:
    text = ("CABINET MOSAN CONSEIL | Sélection\n\nPour notre client, nous recherchons un :\n\n"
            "Technicien CVC itinérant (h/f/x)\n\n"
            "Fonction | Technicien chauffage, ventilation et climatisation itinérant\n"
            "Lieu | Hainaut\n")
    assert title(text) == "Technicien CVC itinérant"
    text = ("Gestionnaire RH (F/H)\n\nIntitulé du poste : Gestionnaire ressources humaines\n"
            "Lieu : Tours\n")
    assert title(text) == "Gestionnaire RH"
    # a heading naming another post (the first word differs): the label's
    text = ("Rejoignez-nous (H/F)\n\nIntitulé du poste : Gestionnaire de paie\nLieu : Tours\n")
    assert title(text) == "Gestionnaire de paie"


def test_a_part_stating_another_field_ends_the_heading_with_what_follows_it() -> None:
    assert other_fields_off("Agent d'entretien – 0,5 ETP – Lycée Jules Ferry") == "Agent d'entretien"
    assert other_fields_off("Line Cook – Casual – Harbourfront Hotel") == "Line Cook"
    assert other_fields_off("Surveyor – Hydrography – Permanent – Hull") == "Surveyor – Hydrography"


def test_a_post_a_notice_opens_is_named_by_its_phrase() -> None:
    text = ("Le Maire de la commune de Saint-Aulaire informe\nla population de l'ouverture "
            "d'un poste de secrétaire de mairie à temps complet.\n\nCandidatures avant le 1er mars.\n")
    assert title(text) == "secrétaire de mairie"


def test_a_sentence_is_no_title() -> None:
    text = "Responsibilities\nYou will lead the team.\n\nQualifications\nA degree.\n"
    assert title(text) is None
    assert title("Admin. Asst.\n\nWe are a small firm.\n") == "Admin. Asst."


def test_the_line_an_announcement_points_to_is_the_heading_not_the_banner_above() -> None:
    text = ("OFFICE RÉGIONAL DES EAUX – DIRECTION DU SUD\n\nAVIS DE RECRUTEMENT\n\n"
            "L'Office recrute pour sa station de Tiznit :\n\nUN(E) HYDROGÉOLOGUE\n\n"
            "Conditions : Bac+5.\n")
    assert title(text) == "HYDROGÉOLOGUE"
    text = ("To: All Principals\n    District Education Officers, Regional Offices\n\n"
            "Applications are invited for the following vacancy:\n\nEDUCATION OFFICER (EO 3)\n\n"
            "Salary: $4,100,000 per annum\n")
    assert title(text) == "EDUCATION OFFICER"


def test_a_post_in_capitals_starting_with_a_sections_word_is_a_post() -> None:
    assert title("TRAINING COORDINATOR\n\nWe run courses for nurses.\n") == "TRAINING COORDINATOR"
    assert title("EDUCATION OFFICER\n\nWe are a ministry.\n") == "EDUCATION OFFICER"


def test_a_status_before_a_post_of_unknown_words_is_left_out() -> None:
    assert other_fields_off("Casual Event Staff – Stadium Operations") \
        == "Event Staff – Stadium Operations"
    # 'Interim' names a post held meanwhile: it stays
    assert other_fields_off("Interim Finance Business Partner") == "Interim Finance Business Partner"


def test_aux_and_the_unit_after_a_post_in_a_sentence_name_it() -> None:
    assert title("Notre coopérative cherche un ou une préposé aux semences pour la saison.\n\n"
                 "Salaire 17 $.\n") == "préposé aux semences"


def test_a_unit_or_a_field_after_a_dash_is_no_kind_of_practice() -> None:
    assert other_fields_off("Chargé de mission – cabinet du Président") \
        == "Chargé de mission – cabinet du Président"
    assert other_fields_off("Technicien – études et méthodes") == "Technicien – études et méthodes"
    assert other_fields_off("Ingénieur – structures métalliques") == "Ingénieur – structures métalliques"
    assert other_fields_off("Clerc de notaire – étude notariale") == "Clerc de notaire"


def test_a_contracts_word_qualifying_another_noun_is_that_nouns() -> None:
    # a housing service, a railway's track: no contract is stated
    assert other_fields_off("Housing Officer – Temporary Accommodation") \
        == "Housing Officer – Temporary Accommodation"
    assert other_fields_off("Track Engineer – Permanent Way") == "Track Engineer – Permanent Way"
    # the terms with the words that go with them are terms
    assert other_fields_off("Data Analyst (Contract – 6 months, possibility of extension)") \
        == "Data Analyst"
    assert other_fields_off("Chargée de projet – Remplacement congé maternité") == "Chargée de projet"
    assert other_fields_off("Teacher – Year 5 (Maternity Cover)") == "Teacher – Year 5"


def test_a_purpose_is_an_infinitive_with_its_object_not_a_noun_after_pour() -> None:
    assert other_fields_off("Éducateur pour foyer d'hébergement") \
        == "Éducateur pour foyer d'hébergement"
    assert other_fields_off("Chargé de mission pour la filière bois") \
        == "Chargé de mission pour la filière bois"
    assert other_fields_off("vendeur pour nous rejoindre à Lyon") == "vendeur"


def test_a_heading_with_its_facets_in_lower_case_under_it_is_no_sentence() -> None:
    text = ("Senior Data Scientist – Climate Risk\nfull-time, permanent, hybrid\n\n"
            "Aldermoor Analytics models flood and heat risk.\n")
    assert title(text) == "Senior Data Scientist – Climate Risk"
    assert other_fields_off("Animateur séjours Nature") == "Animateur séjours Nature"


def test_a_tables_rows_are_facts_and_its_post_row_gives_the_title() -> None:
    text = ("ÉCOLE DES MÉTIERS DU BOIS                 FDP-12\n\n            FICHE DE POSTE\n\n"
            "Service                  Atelier menuiserie\nPoste                    Formateur menuiserie\n"
            "Contrat                  CDD\n")
    assert title(text) == "Formateur menuiserie"
    # a loose label ('Position') gives the title only when its value names a post
    text = "FACT SHEET\n\nPosition          Full-time\nUnit          Finance\n\nBudget Analyst\n"
    assert title(text) == "Budget Analyst"


def test_a_way_of_working_in_brackets_is_taken_off_before_the_part_it_follows_is_read() -> None:
    text = "Careers › Sales\n\nAccount Executive – Mid-Market (Remote, US)\nNimbus Software\n"
    assert title(text) == "Account Executive – Mid-Market"


def test_how_a_board_or_an_agency_states_the_terms_is_left_out() -> None:
    assert other_fields_off("Product Designer (Contract-to-Hire)") == "Product Designer"
    assert other_fields_off("Social Worker – Children's Services (Agency / Locum)") \
        == "Social Worker – Children's Services"
    assert other_fields_off("Healthcare Assistant – Bank") == "Healthcare Assistant"
    assert other_fields_off("Security Officer – Must hold SIA licence") == "Security Officer"
    assert other_fields_off("Lecturer in Law (Fixed-Term, 2 years) – School of Law") \
        == "Lecturer in Law – School of Law"
    # a locum named as the post stays
    assert other_fields_off("Locum Pharmacist") == "Locum Pharmacist"


def test_a_consultants_assignment_names_the_post_and_a_firm_beside_it_does_not() -> None:
    from tracker.importers.text_title import post_in_sentence
    assert post_in_sentence("Le Fonds recherche un consultant ou un cabinet pour l'évaluation "
                            "finale du projet « Eau pour tous » (2025-2028).") \
        == "consultant pour l'évaluation finale du projet « Eau pour tous »"
    assert post_in_sentence("The Trust is looking for a consultant for the evaluation of its "
                            "youth programme (2025-2028).") \
        == "consultant for the evaluation of its youth programme"
    # a place or a unit after 'pour' is no assignment
    assert post_in_sentence("La Fondation recrute un consultant pour notre bureau de Dakar.") \
        == "consultant"


def test_a_roster_is_the_working_time_and_its_ratio_no_label() -> None:
    text = "Jobs\n\nMechanical Fitter – FIFO 2:1 – Pilbara\nRedstone Mining\n\nWe mine iron ore.\n"
    assert title(text) == "Mechanical Fitter"
    assert other_fields_off("Site Supervisor – 8:6 roster") == "Site Supervisor"


def test_a_posts_own_name_with_its_unit_subject_or_specialty_is_read_as_itself() -> None:
    from tracker.importers.text_heading import clean_title
    names = ["Research Fellow, Centre for Estuarine Studies", "Project Engineer – Grid & Storage",
             "Service Engineer, Onshore", "Clinical Nurse Specialist (Tissue Viability)",
             "Teacher of Mathematics (KS3/KS4)",
             "Formatrice en comptabilité gestion", "Chargé(e) de mission – transition énergétique",
             "Infirmier(ère) de nuit – service de gériatrie", "Assistant to the Chief Executive",
             "Conseiller(ère) commercial(e) en agence", "Éducateur pour foyer d'hébergement",
             "Responsable d'atelier – fabrication additive", "Interim Head of Finance"]
    for name in names:
        assert clean_title(name) == name, name
