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
