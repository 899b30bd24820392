"""Issue #15, ninth round: the rules that find a posting's title and employer, held on short
texts written for these tests (posts, places and organisations the corpus does not hold): a
heading's trailing place known by the gazetteer (ISO 3166's countries in English and French,
GeoNames' towns), after a dash or in brackets; and for the employer the rules listed at each
test."""

from __future__ import annotations

from tests.importers.reading import employer, title
from tracker.importers.text_names_places import is_country, is_town, only_places
from tracker.importers.text_title_place import trim_place


def test_the_gazetteer_knows_countries_in_both_languages_and_large_towns() -> None:
    assert is_country("MADAGASCAR") and is_country("Centrafrique") and is_country("Soudan du Sud")
    assert is_country("Allemagne") and is_country("Liberia") and not is_country("Oncology")
    assert is_town("Bukavu") and is_town("Mombasa") and is_town("Porto Alegre")
    # a town's name that is an ordinary word of a heading is no place
    assert not is_town("Mobile") and not is_town("Reading") and not is_town("Sales")


def test_a_place_after_a_dash_is_left_out_of_the_heading() -> None:
    text = "Le poste est basé à Bukavu.\n"
    assert trim_place("Responsable logistique – Bukavu, RDC", text) == "Responsable logistique"
    assert trim_place("ADMINISTRATEUR·RICE – MADAGASCAR", "") == "ADMINISTRATEUR·RICE"
    # a field after the dash stays: no place is named
    assert trim_place("Data Engineer – Mobile Platforms", "") == "Data Engineer – Mobile Platforms"
    assert trim_place("Développeur – Mobile", "") == "Développeur – Mobile"


def test_a_place_in_brackets_with_a_way_of_working_is_left_out() -> None:
    assert trim_place("Medical Writer - Vaccines (Remote, Poland)", "") \
        == "Medical Writer - Vaccines"
    assert trim_place("Chargé de projet (Télétravail, Belgique)", "") == "Chargé de projet"
    # a way of working alone names no place
    assert not only_places("Remote", "")


def test_an_unknown_town_beside_a_country_is_a_place_when_the_text_names_it_again() -> None:
    text = "Coordinateur santé – Kalemie (RDC)\nBase : Kalemie, avec des missions.\n"
    assert trim_place("Coordinateur santé – Kalemie (RDC)", text) == "Coordinateur santé"
    # a word the text never names again is no town
    assert trim_place("Project Lead – Operations (Kenya)", "") != "Project Lead"


def test_the_heading_of_a_field_mission_is_read_without_its_place() -> None:
    text = ("Association Solidarités Tropiques\n\nLOGISTICIEN·NE – TCHAD\n\nNous recherchons un·e "
            "logisticien·ne pour notre base d'Abéché.\nContrat : CDD de 12 mois.\n")
    assert title(text) == "LOGISTICIEN·NE"


def test_a_posting_number_before_the_post_is_left_out() -> None:
    text = ("Lakeview Regional Hospital\n\nPOSTING # 31-207 – RESPIRATORY THERAPIST\n"
            "Status: Permanent Part-Time\nRate: $38.10 - $48.02 per hour\n\n"
            "We are seeking a therapist for our intensive care unit.\n")
    assert title(text) == "RESPIRATORY THERAPIST"
    text = ("City of Harwick\n\nCompetition 2027-044 – Arborist\n\nThe City is hiring an "
            "arborist to care for the trees of its parks.\n")
    assert title(text) == "Arborist"


def test_a_subject_asking_to_pass_the_offer_on_is_no_title() -> None:
    text = ("De : Service RH <rh@mairie-exemple.fr>\nObjet : Diffusion offre - Animateur "
            "périscolaire - CDD 10 mois\n\nBonjour,\nMerci de diffuser l'offre ci-jointe.\n")
    assert title(text) == "Animateur périscolaire"
    text = ("From: HR <hr@example.org>\nSubject: For circulation - Grants Officer - part-time\n\n"
            "Dear colleagues,\nPlease share the post below with your networks.\n")
    assert title(text) == "Grants Officer"


def test_a_subject_that_grows_its_team_and_then_recruits_is_the_employer() -> None:
    text = ("Technicien de maintenance\n\nLa Fromagerie Vauclair, coopérative laitière fondée en "
            "1921, renforce son atelier de production et cherche un technicien de maintenance "
            "pour son site de Poligny.\nContrat : CDI.\n")
    assert employer(text) == "La Fromagerie Vauclair"
    text = ("Lab Technician\n\nOrrin Cell Therapeutics, a spin-out of two hospitals, is expanding "
            "its process team and seeks a lab technician.\nContract: permanent.\n")
    assert employer(text) == "Orrin Cell Therapeutics"


def test_a_ministry_that_organises_a_recruitment_is_the_employer() -> None:
    text = ("Adjoint administratif\n\nLe ministère de la Transition écologique organise en 2028 "
            "un recrutement sans concours d'adjoints administratifs pour ses services.\n")
    assert employer(text) == "Ministère de la Transition écologique"


def test_an_acronym_the_text_defines_stands_for_the_full_name() -> None:
    text = ("Senior Chemist\n\nHollowfield Pigment Works Limited (\"HPW\") makes inks for "
            "printers. HPW is seeking a senior chemist to run its laboratory.\n")
    assert employer(text) == "Hollowfield Pigment Works Limited"


def test_a_social_groups_name_above_its_kind_is_no_title() -> None:
    # (the page that posts, above the post's time in French, is no title either)
    text = ("facebook\nEmplois Bâtiment Bretagne 🔨\nGroupe public · 8,4 k membres\n\n"
            "Menuiserie Le Goff\n3 mai à 18:02 · 🌍\n\nCORDISTE RECHERCHÉ 🔨🔨\nChantier de 6 "
            "mois à Quimperlé, permis B exigé.\n")
    assert title(text) == "CORDISTE"


def test_an_employers_name_is_read_without_its_governors_or_its_trade_after_a_dash() -> None:
    from tracker.importers.text_names_check import clean_org

    assert clean_org("The Governors of Lynwood Grammar School", "") == "Lynwood Grammar School"
    assert clean_org("Board of Trustees of Ashcombe Museum", "") == "Ashcombe Museum"
    assert clean_org("Menuiserie Rivaud Frères – agencement et escaliers", "") \
        == "Menuiserie Rivaud Frères"
    # a name's own parts after a dash, in capitals, stay
    assert clean_org("Aix-Marseille Université", "") == "Aix-Marseille Université"
