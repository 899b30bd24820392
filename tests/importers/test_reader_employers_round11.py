"""Issue #15, eleventh round: a small firm's contact address spells its name with some words cut
to their initial ('pf-dulac.fr' for 'Pompes Funèbres du Lac'); the reader takes that name as a
guess to check. Short texts written for these tests, in both languages."""

from __future__ import annotations

from tests.importers.reading import employer
from tracker.importers.text import parse_text
from tracker.importers.text_names_layout import spelled_with_initials


def test_a_domain_spelling_some_words_by_their_initial_names_the_firm() -> None:
    assert spelled_with_initials("Pompes Funèbres du Lac", "pf-dulac")
    assert spelled_with_initials("Cabinet Médical Bernard", "cm-bernard")
    assert spelled_with_initials("Harbour View Dental Care", "hvdentalcare")
    assert spelled_with_initials("Transports Girard et Fils SARL", "tgirardetfils")


def test_the_whole_label_and_every_word_in_order_or_no_name() -> None:
    assert not spelled_with_initials("Pompes Funèbres du Lac", "pf-dulac-recrute")  # more
    assert not spelled_with_initials("Pompes Funèbres du Lac", "dulac-pf")  # out of order
    assert not spelled_with_initials("Pompes Funèbres du Lac", "pfdl")  # too short
    assert not spelled_with_initials("Pompes Funèbres Lac", "pfl-annecy")  # another word
    # every word cut, or none: an acronym or the name in full, which other rules read
    assert not spelled_with_initials("Harbour View Dental Care", "hvdcxx")
    assert not spelled_with_initials("Cabinet Bernard", "cabinetbernard")
    # a linking word never opens or ends the name ('Le Réseau X' at a sentence's start)
    assert not spelled_with_initials("Le Réseau Solidaire Rural", "lrs-rural")


def test_the_firm_named_above_the_heading_is_offered_as_a_guess() -> None:
    text = ("Pompes Funèbres du Lac – Annecy\n"
            "Conseiller funéraire (H/F) – CDI – temps plein\n"
            "Notre maison familiale recrute un conseiller funéraire.\n"
            "Candidatures avant le 15 janvier 2027 à recrutement@pf-dulac.fr\n")
    assert employer(text) == "Pompes Funèbres du Lac"
    finding = parse_text(text).get("hiring_organization_name")
    assert finding is not None and finding.confidence < 0.8  # to check, never sure
    text = ("Harbour View Dental Care\n"
            "Dental Assistant – part time\n"
            "Our busy family practice is looking for a dental assistant.\n"
            "Send your CV to practice@hvdentalcare.co.nz by 12 March 2027.\n")
    assert employer(text) == "Harbour View Dental Care"


def test_an_address_spelling_no_name_of_the_text_gives_none_from_it() -> None:
    text = ("Conseiller funéraire (H/F) – CDI\n"
            "Notre maison familiale recrute un conseiller funéraire.\n"
            "Candidatures à recrutement@pf-dulac.fr\n")
    assert employer(text) is None
