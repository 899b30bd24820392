"""Issue #15, rules written for the twenty-first round (after reading the twentieth round's
misses), each for a class of layout or of wording rather than for the posting it was seen in.
Short texts written for these tests, in both languages where the class exists in both."""

from __future__ import annotations

import pytest

from tests.importers.reading import employer, title
from tracker.importers.text_names_layout import is_nav

# Titles ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("heading", "where", "expected"), [
    ("Branch Manager Trainee - Phoenix Metro", "Phoenix, AZ (multiple branch locations)",
     "Branch Manager Trainee"),
    ("Multi-Drop Delivery Driver – Daventry", "Daventry, Northamptonshire (NN11)",
     "Multi-Drop Delivery Driver"),
    ("Damage Assessor – Brisbane Airport hub", "Our Brisbane Airport fleet hub is busy.",
     "Damage Assessor"),
])
def test_a_town_or_a_venue_s_part_after_the_post(heading: str, where: str, expected: str) -> None:
    assert title(f"Jobs\n\n{heading}\n{where}\n\nApply online.\n") == expected


def test_a_post_s_own_words_after_a_dash_stay() -> None:
    text = "Jobs\n\nData Engineer – Platform Reliability\nLondon, UK\n\nApply online.\n"
    assert title(text) == "Data Engineer – Platform Reliability"


@pytest.mark.parametrize(("heading", "expected"), [
    ("ASSISTANT(E) DENTAIRE EN CONTRAT DE PROFESSIONNALISATION", "ASSISTANT(E) DENTAIRE"),
    ("Préparateur en pharmacie en alternance", "Préparateur en pharmacie"),
    ("Comptable en CDI", "Comptable"),
])
def test_a_contract_written_after_the_post_in_french(heading: str, expected: str) -> None:
    assert title(f"Offres\n\n{heading}\n\nCandidatures par courriel.\n") == expected


def test_a_service_civique_s_mission_named_after_its_kind() -> None:
    text = ("La Boucle – Ressourcerie\n2 septembre, 17:36\n\n🌱 MISSION SERVICE CIVIQUE : "
            "Ambassadeur·rice du réemploi 🌱\n\nLa Boucle, c'est la ressourcerie du quartier.\n")
    assert title(text) == "Ambassadeur·rice du réemploi"


@pytest.mark.parametrize("line", ["View this email in your browser", "Voir la version en ligne",
                                  "Having trouble viewing this email? Click here"])
def test_a_mailing_s_own_chrome_is_no_heading(line: str) -> None:
    assert is_nav(line)


def test_a_line_of_prose_is_no_chrome() -> None:
    assert not is_nav("You can view the role online and apply by Friday.")


# Employers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lines", "expected"), [
    ("FNEMA                                        PROFIL DE POSTE\n\nLa FNEMA recrute.\n\n"
     "FNEMA – Fédération nationale des entreprises de maintenance d'ascenseurs · 41 rue X",
     "Fédération nationale des entreprises de maintenance d'ascenseurs"),
    ("Claire Martin\nResponsable RH chez UIEM – Union interprofessionnelle des entreprises du "
     "Maine\n\nÀ l'UIEM, on représente 1 400 entreprises adhérentes.\n",
     "Union interprofessionnelle des entreprises du Maine"),
])
def test_an_acronym_spelled_out_beside_it_after_a_dash(lines: str, expected: str) -> None:
    assert employer(f"{lines}\n\nDélégué(e) régional(e)\n\nCandidatures par courriel.\n") == expected


def test_a_communaute_de_communes_written_cc() -> None:
    text = ("COMMUNAUTÉ DE COMMUNES DU VAL D'AUZANCE                      FICHE DE POSTE\n\n"
            "Agent d'entretien nautique\n\nLa base est gérée par la communauté de communes.\n\n"
            "CC du Val d'Auzance – Fiche de poste 2027-BN-04      Page 1/2\n")
    assert employer(text) == "Communauté de communes du Val d'Auzance"


def test_a_cooperative_s_legal_form_before_its_name() -> None:
    text = ("SCIC LES FORGES COMMUNES                                FICHE DE POSTE\n\n"
            "Coordinateur·rice du tiers-lieu\n\nLes Forges Communes animent un tiers-lieu.\n")
    assert employer(text) == "Les Forges Communes"


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Quai des Communs\nLe lieu   Ateliers   Coworking   Contact\n\nFabmanager (F/H)\n\n"
     "Installé sur le port, le Quai des Communs est un tiers-lieu coopératif.\n\n"
     "Le Quai des Communs – Société coopérative d'intérêt collectif\n", "Le Quai des Communs"),
    ("Jobs\n\nComptable\n\nLa Clinique du Parc recrute un comptable.\n\n"
     "Rejoignez la Clinique du Parc.\n", "Clinique du Parc"),
])
def test_a_french_article_the_text_always_writes_with_the_name(text: str, expected: str) -> None:
    assert employer(text) == expected


def test_a_firm_s_short_form_and_its_footer_s_name_joined_by_an_ampersand() -> None:
    text = ("Redline Careers\n\nBranch Manager Trainee\n\nAt Redline, our trainee program builds "
            "managers.\n\nRedline is an equal opportunity employer.\n\n"
            "© 2027 Redline Car & Truck Rental, Inc. All rights reserved.\n")
    assert employer(text) == "Redline Car & Truck Rental"


def test_a_social_post_author_s_headline_names_the_firm_in_full() -> None:
    text = ("Julien Arrieta\nResponsable d'exploitation chez Hydro-Pyrène Énergie | Petite "
            "hydroélectricité\n1 sem. • 🌐\n\nOn recrute un·e technicien·ne d'exploitation !\n\n"
            "Chez Hydro-Pyrène, on exploite 14 petites centrales.\n")
    assert employer(text) == "Hydro-Pyrène Énergie"


def test_a_noun_its_adjective_and_a_proper_name_under_about_us() -> None:
    text = ("Houle Emploi\n\nChef de base nautique\n\nPôle nautique Rance-Émeraude — Saint-Suliac "
            "(35)\n\nQui sommes-nous ?\nLe Pôle nautique Rance-Émeraude est une société coopérative "
            "qui gère la base.\n\n© 2027 Houle Emploi · CGU\n")
    assert employer(text) == "Pôle nautique Rance-Émeraude"


def test_a_site_s_menu_is_no_author_s_headline() -> None:
    text = ("Fenland Rail | Careers\nHome   Search jobs   Early careers   Life at Fenland Rail   FAQs"
            "\n\nHome > Search jobs > Trainee Train Driver - Cambridge\n\nTrainee Train Driver - "
            "Cambridge\n\nAt Fenland, we run trains across the Fens.\n")
    assert employer(text) == "Fenland Rail"
