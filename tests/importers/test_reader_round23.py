"""Issue #15, rules written for the twenty-third round (after reading the twenty-second round's
misses), each for a class of layout or of wording rather than for the posting it was seen in.
Short texts written for these tests, in both languages where the class exists in both."""

from __future__ import annotations

from datetime import date

import pytest

from tests.importers.reading import employer, found, title
from tracker.models.enums import EmploymentType


@pytest.mark.parametrize("status", [
    "Statut : titulaire ou, à défaut, contractuel (CDD d'un an renouvelable)",
    "Ouvert aux contractuels : oui, à défaut de candidature d'un fonctionnaire",
    "Emploi permanent ouvert aux fonctionnaires et, à défaut, aux agents contractuels",
])
def test_a_public_post_open_to_civil_servants_and_failing_them_to_contract_staff(status: str) -> None:
    text = f"Ville de Saint-Aubin\n\nAgent·e d'entretien des bassins (H/F)\n\n{status}\n"
    assert (found(text, "employment_type"), found(text, "duration_months")) == (
        EmploymentType.OTHER, None)


def test_a_permanent_post_for_civil_servants_alone_stays_permanent() -> None:
    text = "Ville de Saint-Aubin\n\nAgent·e d'entretien (H/F)\n\nStatut : titulaire (CDI)\n"
    assert found(text, "employment_type") is EmploymentType.PERMANENT


@pytest.mark.parametrize(("short", "whole", "expected"), [
    ("CA Rivières d'Argonne", "La Communauté d'agglomération Rivières d'Argonne porte le PLIE.",
     "Communauté d'agglomération Rivières d'Argonne"),
    ("SMICTOM des Coteaux de Serre", "Le Syndicat mixte intercommunal de collecte et de "
     "traitement des ordures ménagères des\nCoteaux de Serre regroupe 42 communes.",
     "Syndicat mixte intercommunal de collecte et de traitement des ordures ménagères des "
     "Coteaux de Serre"),
    ("CHV Atlantia", "Depuis 2009, le Centre Hospitalier Vétérinaire Atlantia soigne jour et nuit.",
     "Centre Hospitalier Vétérinaire Atlantia"),
])
def test_an_acronym_before_the_name_spelled_out_where_the_text_writes_it(
        short: str, whole: str, expected: str) -> None:
    text = f"{short.upper()}                    FICHE DE POSTE\n\nRéférent·e de parcours (H/F)\n\n" \
           f"{whole}\n\n{short} – 3 rue de la Gare – 08200 Sedan\n"
    assert employer(text) == expected


def test_an_acronym_the_text_never_spells_out_stays() -> None:
    text = ("CA RIVIÈRES D'ARGONNE                    FICHE DE POSTE\n\nRéférent·e de parcours (H/F)"
            "\n\nCA Rivières d'Argonne – 3 rue de la Gare – 08200 Sedan\n")
    assert employer(text) == "CA Rivières d'Argonne"


def test_a_logo_s_acronym_before_the_name_it_stands_for() -> None:
    text = ("LDM  Laiterie du Moléson                          DESCRIPTION DE POSTE\n\n"
            "Technicien·ne qualité (H/F)\n\nLa LDM transforme le lait de 300 producteurs.\n")
    assert employer(text) == "Laiterie du Moléson"


def test_a_letter_s_date_line_beside_the_signature_s_name_dates_the_posting() -> None:
    filler = "".join(f"Mission {n} : suivre les analyses du jour.\n" for n in range(10))
    text = (f"Technicien·ne qualité (H/F)\n\n{filler}\n"
            "Bulle, le 6 avril 2027                                 Laiterie du Moléson\n")
    assert found(text, "date_posted") == date(2027, 4, 6)


@pytest.mark.parametrize(("heading", "expected"), [
    ("Conseiller pénitentiaire d'insertion et de probation (CPIP) contractuel",
     "Conseiller pénitentiaire d'insertion et de probation (CPIP)"),
    ("Éducateur·rice spécialisé·e contractuel·le", "Éducateur·rice spécialisé·e"),
])
def test_the_contract_staff_s_word_after_the_post(heading: str, expected: str) -> None:
    assert title(f"Offres\n\n{heading}\n\nCandidatures en ligne.\n") == expected
