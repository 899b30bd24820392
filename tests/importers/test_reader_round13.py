"""Issue #15, rules written for the thirteenth round, each for a class of layout rather than
for the posting it was seen in: leader dots as a label's colon, when a post is worked written
in brackets after it, a link back to a board's results, a quarter after a town, a post in
capitals followed by a sentence, an organisation's name in full on its own lines, a spaced or
bare acronym written out on the letterhead, a branch named by its town, a university's library,
a recruiter's labelled name when it places for a client. Short texts written for these tests,
in both languages."""

from __future__ import annotations

from tests.importers.reading import employer, found, title
from tracker.importers.text import _LEADERS
from tracker.importers.text_names_check import clean_org, plausible_org


def test_leader_dots_separate_a_label_from_its_value() -> None:
    text = ("Fiche de poste\n"
            "Intitulé ............ Assistante de direction\n"
            "Employeur ........... Maison Verdier\n"
            "Contrat ............. CDI\n"
            "Date limite ......... 12 mars 2027\n")
    assert title(text) == "Assistante de direction"
    assert employer(text) == "Maison Verdier"
    assert str(found(text, "valid_through_date")) == "2027-03-12"
    text = ("Job title . . . . . . Warehouse Supervisor\n"
            "Company . . . . . . . Fenwick Cold Stores\n"
            "Closing date . . . . 4 June 2027\n")
    assert title(text) == "Warehouse Supervisor"
    assert employer(text) == "Fenwick Cold Stores"
    # an ellipsis in a sentence or a run of full stops ending a line is no leader
    assert _LEADERS.sub(" : ", "Stay tuned... more to come") == "Stay tuned... more to come"
    assert _LEADERS.sub(" : ", "Bientôt....\n") == "Bientôt....\n"


def test_when_a_post_is_worked_in_brackets_is_no_part_of_its_name() -> None:
    assert title("Warehouse Operative (Nights)\nAbout the role\nPick and pack.\n") \
        == "Warehouse Operative"
    assert title("Teaching Assistant (Term Time Only)\nSt Anne's Primary School\n") \
        == "Teaching Assistant"
    assert title("Receptionist (part time, Saturday rota)\nHillview Surgery\n") == "Receptionist"
    assert title("Grape Picker (harvest 2027)\nDomaine du Pech\n") == "Grape Picker"
    assert title("OPÉRATEUR DE CONDITIONNEMENT EN 2x8\nLaiterie du Bocage\n") \
        == "OPÉRATEUR DE CONDITIONNEMENT"
    # a bracket naming the post's field stays
    assert title("Maintenance Technician (Electrical)\nBrightwell Foods\n") \
        == "Maintenance Technician (Electrical)"


def test_a_link_back_to_a_boards_results_is_no_heading() -> None:
    text = ("Back to search results: \"nurse\" in Leeds\n"
            "Staff Nurse\n"
            "Harrow Lane Care Home\n"
            "Apply by 3 May 2027.\n")
    assert title(text) == "Staff Nurse"
    text = ("← Retour aux offres\n"
            "Aide-soignant(e) de nuit\n"
            "Résidence Les Tilleuls\n")
    assert title(text) == "Aide-soignant(e) de nuit"


def test_a_quarter_after_a_town_is_a_place() -> None:
    text = ("Gardien d'immeuble – Lyon, quartier de la Duchère\n"
            "Poste basé à Lyon.\n")
    assert title(text) == "Gardien d'immeuble"


def test_a_post_in_capitals_then_a_sentence_is_the_post() -> None:
    assert title("AGENT DE SÉCURITÉ avec permis B pour surveillance de chantier\nContactez-nous.\n") \
        == "AGENT DE SÉCURITÉ"
    assert title("FORKLIFT DRIVER with counterbalance licence for our depot\nCall us.\n") \
        == "FORKLIFT DRIVER"


def test_the_name_in_full_on_the_organisations_own_lines() -> None:
    text = ("Millbrook Orchard Partnership\n"
            "Orchard Supervisor\n"
            "Millbrook is a family orchard growing apples and pears.\n"
            "Millbrook Orchard Partnership · Registered in England\n")
    assert employer(text) == "Millbrook Orchard Partnership"
    assert clean_org("Kestrel & Finch", "About Kestrel & Finch\nKestrel & Finch Bakers Ltd · "
                     "Registered in Scotland\n") == "Kestrel & Finch Bakers"
    # a town, a page's word or a group after the name is no part of it
    assert clean_org("Kestrel & Finch", "Kestrel & Finch Careers\nAbout Kestrel & Finch\n") \
        == "Kestrel & Finch"
    assert clean_org("Kestrel & Finch", "Kestrel & Finch Group\n") == "Kestrel & Finch"
    assert clean_org("Kestrel & Finch", "Kestrel & Finch Manchester\n") == "Kestrel & Finch"
    assert clean_org("Kestrel & Finch", "Kestrel & Finch Direction\n") == "Kestrel & Finch"  # a unit


def test_an_acronym_written_out_on_the_letterhead() -> None:
    text = "S G L A\nSociété de Gestion des Logements Audois\n"
    assert clean_org("S G L A", text) == "Société de Gestion des Logements Audois"
    assert clean_org("CAPEB", "Chambre Artisanale des Petites Entreprises du Bâtiment\n") \
        == "Chambre Artisanale des Petites Entreprises du Bâtiment"
    assert clean_org("RATP", "Régie autonome des transports parisiens\n") \
        == "Régie autonome des transports parisiens"
    assert clean_org("NHS", "Our trust is part of the NHS.\n") == "NHS"  # never written out


def test_a_branch_named_by_its_town_is_no_employer() -> None:
    assert not plausible_org("Agence de Rouen")
    assert not plausible_org("Manchester Branch")
    assert not plausible_org("London Office")
    assert plausible_org("Agence Nationale de la Recherche")
    assert plausible_org("Post Office")


def test_a_universitys_library_is_its_unit() -> None:
    assert clean_org("Harcourt University Library", "") == "Harcourt University"
    assert clean_org("British Library", "") == "British Library"


def test_a_recruiters_labelled_name_is_not_the_client() -> None:
    text = ("Chef d'équipe logistique (H/F)\n"
            "Recruteur ....... Cabinet Alizé Recrutement (cabinet de recrutement)\n"
            "Notre client, un transporteur régional, recherche son chef d'équipe.\n"
            "Contrat : CDI\n")
    assert employer(text) is None
