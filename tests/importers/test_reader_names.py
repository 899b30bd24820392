"""Issue #15 item 3, third round: the title and the employer found the way a reader finds them
on a page's header (a publisher's or a site's name, its menu and breadcrumbs), an agency's
client, a university's unit, an anonymous employer; on short texts written for these tests, of
publishers the corpus does not hold."""

from __future__ import annotations

import re

from tracker.importers.base import EMAIL, SURE
from tracker.importers.text import parse_text
from tracker.importers.text_names_layout import (
    domain_labels,
    is_nav,
    is_publisher_line,
    matches_domain,
    post_word,
)


def _names(text: str) -> tuple[str | None, str | None]:
    parsed = parse_text(text)
    return parsed.value("title"), parsed.value("hiring_organization_name")


def _confidence(text: str, field: str) -> float:
    parsed = parse_text(text)
    return next(f.confidence for f in parsed.findings if f.field == field)


def test_a_portal_header_and_its_menu_are_no_title_and_the_line_under_the_heading_employs():
    text = ("Kiwi Public Jobs — New Zealand Government\n"
            "Home · Search jobs · Saved jobs · Help\n"
            "Senior Analyst, Biosecurity\n"
            "Ministry for Primary Industries\n"
            "Location: Wellington\n"
            "Closing date: 14 March 2028\n"
            "The Ministry for Primary Industries protects New Zealand from pests.\n")
    assert _names(text) == ("Senior Analyst, Biosecurity", "Ministry for Primary Industries")
    assert _confidence(text, "title") < SURE  # found by its layout: to be checked


def test_a_newspaper_name_in_capitals_is_neither_the_title_nor_the_employer():
    text = ("NORTHERN TIMES\n"
            "Situations Vacant · Friday 3 March\n"
            "DELIVERY DRIVER\n"
            "Family bakery in Whangarei needs a driver with a clean licence, early starts.\n"
            "Phone 09 555 0101.\n")
    title, employer = _names(text)
    assert title == "DELIVERY DRIVER"
    assert employer is None


def test_a_site_name_in_capitals_employs_when_the_contact_address_spells_it():
    text = ("TAMARIND FOODS LTD\n"
            "About · Products · Careers\n"
            "Warehouse Supervisor\n"
            "Full-time, Auckland\n"
            "You will lead a team of eight pickers.\n"
            "Send your CV to people@tamarindfoods.co.nz\n")
    title, employer = _names(text)
    assert title == "Warehouse Supervisor"
    assert employer is not None and employer.casefold() == "tamarind foods ltd"
    assert _confidence(text, "hiring_organization_name") < SURE


def test_a_heading_with_a_sex_marker_is_the_title_over_a_page_heading_naming_a_post():
    text = ("Académie de Nancy-Metz\n"
            "Devenir enseignant contractuel dans l'académie\n"
            "Professeur contractuel d'anglais (F/H)\n"
            "L'académie recrute pour la rentrée des enseignants contractuels.\n")
    assert _names(text)[0] == "Professeur contractuel d'anglais"


def test_a_post_named_only_in_the_sentence_that_recruits():
    text = ("Commune de Bettembourg\n"
            "Service du personnel\n"
            "La Commune de Bettembourg engage un ouvrier polyvalent (m/f) pour son service "
            "technique.\n"
            "Les candidatures sont à adresser au collège des bourgmestre et échevins.\n")
    assert _names(text) == ("ouvrier polyvalent", "Commune de Bettembourg")


def test_an_agency_names_its_client_or_nobody():
    named = ("Kinetic Talent Partners\n"
             "Loans Officer\n"
             "Our client, Harbourside Credit Union, is seeking a Loans Officer for its branch "
             "in Halifax.\n"
             "Apply to jobs@kinetictalent.ca\n")
    assert _names(named) == ("Loans Officer", "Harbourside Credit Union")
    unnamed = ("Kinetic Talent Partners\n"
               "Loans Officer\n"
               "Our client, a regional bank with twelve branches, is seeking a Loans Officer.\n"
               "Apply to jobs@kinetictalent.ca\n")
    assert _names(unnamed) == ("Loans Officer", None)


def test_a_temping_agency_employs_its_temps():
    text = ("Agence Tempo Intérim Lille\n"
            "Préparateur de commandes (H/F)\n"
            "Notre client, une usine agroalimentaire, recherche des préparateurs de commandes.\n"
            "Postulez : lille@tempo-interim.fr\n")
    employer = _names(text)[1]
    assert employer is not None and "Tempo" in employer


def test_a_university_employs_rather_than_its_school():
    text = ("School of Engineering\n"
            "Lecturer in Civil Engineering\n"
            "The School of Engineering of the University of Nairobi invites applications for "
            "a lecturer.\n")
    assert _names(text) == ("Lecturer in Civil Engineering", "University of Nairobi")


def test_a_board_saying_the_employer_is_anonymous_names_none():
    text = ("Aide à domicile (H/F)\n"
            "Entreprise : Offre d'un employeur anonyme\n"
            "Lieu : Namur\n")
    assert _names(text) == ("Aide à domicile", None)


def test_a_careers_page_names_its_own_organisation():
    text = ("Careers | Kelowna Art Gallery\n"
            "Gallery Educator\n"
            "Part-time, 20 hours a week.\n"
            "Lead school tours and family workshops.\n")
    assert _names(text) == ("Gallery Educator", "Kelowna Art Gallery")


def test_a_place_in_the_header_gives_way_to_the_body_the_sentence_names():
    text = ("Flandre — Emplois publics\n"
            "Le Service public de Flandre recrute un gestionnaire de dossiers (m/f/x).\n"
            "Contrat : CDI\n")
    assert _names(text)[1] == "Service public de Flandre"


def test_the_words_of_a_header_a_reader_tells_apart():
    assert post_word("Aide-soignante de nuit") and post_word("Régisseur·se général·e")
    assert not post_word("Greenfield Co-operative Food") and not post_word("Avocats associés")
    assert is_nav("Home › Jobs › Finance") and is_nav("Visit · Shop · Learn · Jobs")
    assert not is_nav("CDI · Paris · Salaire : 45K €")
    assert is_publisher_line("Otago Daily Times — Situations Vacant")
    assert not is_publisher_line("Otago Regional Council")
    labels = domain_labels("écrire à rh@clinique-trois-sources.fr", EMAIL)
    assert matches_domain("Clinique psychiatrique des Trois Sources", labels)
    assert not matches_domain("Harbour Hotels", domain_labels("jo@gmail.com", EMAIL))
    assert re.fullmatch(r"[a-z0-9]+", labels[0])


def test_a_labelled_heading_wrapped_onto_the_next_line_is_read_whole():
    text = ("CONSEIL DÉPARTEMENTAL DU JURA          FICHE DE POSTE\n"
            "INTITULÉ DU POSTE\n"
            "Agent d'entretien des espaces\n"
            "naturels (H/F)\n"
            "Catégorie : C\n")
    assert _names(text)[0] == "Agent d'entretien des espaces naturels"
    # a line that is a sentence of its own is not the heading's end
    text = "Intitulé du poste : Agent d'accueil\nLe poste est basé à Dole.\n"
    assert _names(text)[0] == "Agent d'accueil"


def test_a_portal_named_after_its_organisation_and_a_university_in_capitals():
    title, employer = _names("Portail Emploi INRAE\nTechnicien de laboratoire (H/F)\n"
                             "Lieu de travail : Avignon\n")
    assert (title, employer) == ("Technicien de laboratoire", "INRAE")
    text = ("THE UNIVERSITY OF OTAGO\n"
            "Careers > Search Jobs > Job Details\n"
            "Research Technician - Department of Zoology\n"
            "The Department of Zoology seeks a Research Technician to run its aquaria.\n")
    assert _names(text)[1] == "University of Otago"
    assert _names("La DGFiP du Nord recrute un contrôleur des finances publiques.\n")[1] \
        == "DGFiP du Nord"


def test_a_name_starting_with_the_letters_of_an_article_keeps_them():
    text = ("Job Vacancy\nAccounts Assistant\nLagos Water Corporation invites applications "
            "from suitably qualified candidates.\n")
    assert _names(text) == ("Accounts Assistant", "Lagos Water Corporation")
    text = "Lead Technician\nLes Ateliers Lebrun recrute un technicien.\nLeeds Mill seeks staff.\n"
    assert _names(text)[1] == "Les Ateliers Lebrun"
