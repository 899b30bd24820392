"""Issue #15 item 3, eighth round: the rules that find a posting's title and employer, held on
short texts written for these tests (posts, places and organisations the corpus does not hold):
a word that only starts like a label ('Refuse', 'Public'), a post and its field written with a
colon, a label whose value is no number, the shift, the client account or the workplace written
after the post; and for the employer the rules listed at each test."""

from __future__ import annotations

from tests.importers.reading import employer, title
from tracker.importers.text_names_check import plausible_title
from tracker.importers.text_title import trim_terms


def test_a_heading_that_only_starts_like_a_label_is_still_the_heading() -> None:
    text = ("Referee Assessor\nNorthbay Football League\n\nYou will watch matches and write short "
            "reports on our referees every weekend of the season.\n")
    assert title(text) == "Referee Assessor"
    text = ("Public Health Nurse\nCounty of Elmsford\n\nYou will run clinics in schools and "
            "visit families at home across the county.\n")
    assert title(text) == "Public Health Nurse"


def test_a_post_and_its_field_after_a_colon_is_the_heading() -> None:
    text = ("Head Teacher: Early Years Centre\n\nEmployer: Ravensholm Learning Trust\n"
            "Location: Ravensholm\nContract type: Permanent\n\nWe are looking for a leader.\n")
    assert title(text) == "Head Teacher: Early Years Centre"
    # the person who holds a post is no post's field
    text = ("Bramble Lane Primary School\nHeadteacher: Mr P. Okafor\n\nSchool Cook\n\n"
            "We need a cook for our kitchen, 25 hours a week in term time.\n")
    assert title(text) == "School Cook"


def test_a_label_and_a_word_for_its_value_are_no_numbered_post() -> None:
    text = ("Warehouse Team Leader (Distribution Account)\n\nCompany: Ostrava Freight Services\n"
            "Location: Brno\nJob type: Permanent\n\nYou will lead a team of twelve pickers.\n")
    assert title(text) == "Warehouse Team Leader"


def test_the_shift_the_account_and_the_channel_in_brackets_are_no_part_of_the_name() -> None:
    assert trim_terms("Chat Support Agent (Weekend Shift - Banking Account)") == "Chat Support Agent"
    assert trim_terms("Téléconseiller (appels entrants, télétravail)") == "Téléconseiller"
    assert trim_terms("Claims Handler (outbound calls)") == "Claims Handler"
    # a subject in brackets names the post
    assert trim_terms("Translator (Finnish & Estonian)") == "Translator (Finnish & Estonian)"


def test_the_workplace_the_session_or_the_publication_after_the_post_come_off() -> None:
    assert trim_terms("Assistant Manager - Branch #14, Riverside Mall") == "Assistant Manager"
    assert trim_terms("Hôte de caisse – Multi-sites") == "Hôte de caisse"
    assert trim_terms("Ground Handler – Leeds and Newcastle bases") == "Ground Handler"
    assert trim_terms("Mine Surveyor – Tarrawonga Gold Mine") == "Mine Surveyor"
    assert trim_terms("Field Hydrologist — Coquimbo Region") == "Field Hydrologist"
    assert trim_terms("Directeur adjoint — séjour « Mer et voile »") == "Directeur adjoint"
    assert trim_terms("Secrétaire de rédaction — hebdomadaire régional") == "Secrétaire de rédaction"
    # an organisation's own region names the post's unit
    assert trim_terms("Area Organiser – South East Region") == "Area Organiser – South East Region"
    # a unit after the post stays
    assert trim_terms("Staff Nurse – Renal Unit") == "Staff Nurse – Renal Unit"


def test_a_call_to_join_or_a_kind_of_opening_before_the_post_is_a_lead_in() -> None:
    text = ("JOIN OUR TEAM: Volunteer Coordinator\n\nHarbourside Food Bank runs three pantries. "
            "We need someone to recruit and schedule our volunteers.\n")
    assert title(text) == "Volunteer Coordinator"
    text = ("JOB OPENING | Payroll Specialist | Porto\n\nMarés Software — published 02-02-2027\n\n"
            "We are 40 people in an office in Porto.\n")
    assert title(text) == "Payroll Specialist"


def test_a_bulletins_section_and_its_numbered_item() -> None:
    text = ("HILLCREST COLLEGE – CAREERS NEWSLETTER\n\nVacancies for school leavers\n\n"
            "2) TRAINEE SURVEYOR – Ashdown & Pryce Surveyors, Little Marlow\n\n"
            "A small firm is taking on a trainee this summer.\n")
    assert title(text) == "TRAINEE SURVEYOR"


def test_running_text_is_no_title() -> None:
    assert not plausible_title("Sous la responsabilité du gérant, vous tiendrez la caisse et la "
                               "réserve et")
    assert not plausible_title("Walking the trails in all seasons, clearing paths and answering "
                               "the")
    assert plausible_title("Responsable du service de la vie associative et des sports")


def test_a_thread_title_at_the_top_is_a_subject() -> None:
    text = ("Re: [Offres saison] Guide de rafting – Haute-Ubaye\nPosté par raft.ubaye » lun. 3 mai "
            "2027 10:02\n\nBonjour,\n\nNotre base cherche encore deux guides pour juillet.\n\n"
            "- Brevet professionnel de rafting exigé, ou diplôme équivalent reconnu en France\n")
    assert title(text) == "Guide de rafting"


def test_a_subjects_part_addressed_to_its_readers_is_no_title() -> None:
    text = ("De : Léa Morel <l.morel@sylvea-paysage.fr>\nÀ : bts-amenagements@lycee-exemple.fr\n"
            "Objet : Offre pour vos anciens BTS – Conducteur de travaux paysagers (CDD 8 mois)\n\n"
            "Bonjour,\n\nSylvea Paysage, entreprise de 30 personnes, recherche un conducteur de "
            "travaux paysagers.\n")
    assert title(text) == "Conducteur de travaux paysagers"


def test_a_count_before_the_post_is_no_part_of_its_name() -> None:
    text = ("La Mutualité du Vercors recrute 8 conseillers mutualistes en CDD !\n\nVous accueillez "
            "les adhérents en agence.\n")
    assert title(text) == "conseillers mutualistes"
    text = "4 CARISTES (H/F) – plateforme logistique\n\nTransports Vellard recrute.\n"
    assert title(text) == "CARISTES – plateforme logistique"


def test_a_studentships_project_title_above_its_funding_line_is_the_title() -> None:
    text = ("School of Earth Sciences\n\nMapping peat carbon loss from drained uplands\n\n"
            "Fully funded BBSRC Doctoral Training Partnership studentship – 4 years\n\n"
            "Supervisors: Dr Ana Reyes\n"
            "Start date: 1 October 2027\n\nThe project will measure carbon loss in Wales.\n")
    assert title(text) == "Mapping peat carbon loss from drained uplands"


def test_a_possessive_after_a_bodys_name_is_no_part_of_it() -> None:
    text = ("Research Technician\n\nApply through the University of Tarnbridge's online system by "
            "1 May 2027.\n")
    assert employer(text) == "University of Tarnbridge"


def test_an_employer_declaring_itself_with_its_legal_form() -> None:
    text = ("Line Cook\n\nYou prep and cook on the evening line, five shifts a week.\n\n"
            "Copper Kettle Diners, LLC is an equal opportunity employer.\n")
    assert employer(text) == "Copper Kettle Diners"


def test_a_board_says_who_deposited_the_ad_with_its_name_quoted() -> None:
    text = ("Orthophoniste collaborateur(trice)\n\nAnnonce déposée le 04/03/2027 par « Cabinet "
            "Ortho des Ardoisières »\n\nType : collaboration libérale\n")
    assert employer(text) == "Cabinet Ortho des Ardoisières"


def test_a_forwarded_messages_quote_marks_do_not_hide_who_recruits() -> None:
    text = ("Sujet : Fwd: offre encadrant technique\n\nBonjour à tous,\n\n>>> La Fabrique "
            "Solidaire, association d'insertion (40 salariés), recrute :\n>>> un encadrant "
            "technique d'insertion\n")
    assert employer(text) == "La Fabrique Solidaire"


def test_central_european_legal_forms_end_a_name_under_the_heading() -> None:
    text = ("Accounts Payable Specialist with Czech\nMorava Business Services s.r.o.\n"
            "Brno · hybrid\n\nYou process supplier invoices.\n")
    assert employer(text) == "Morava Business Services s.r.o."


def test_the_name_under_the_heading_without_its_trade_or_among_its_facts() -> None:
    text = ("GÉOMÈTRE-TOPOGRAPHE H/F — CDI — Vannes (56)\nCabinet Le Goff-Riou, géomètres-experts "
            "depuis 1988\n\nLevés topographiques, bornages, implantations.\n")
    assert employer(text) == "Cabinet Le Goff-Riou"
    text = ("Senior Data Engineer, Returns Analytics\nJob ID: 7730215 | Eastgate Commerce Holdings "
            "LLC\n\nLocations: US, OR, Portland\n\nYou will build the pipelines of our returns "
            "team.\n")
    assert employer(text) == "Eastgate Commerce Holdings LLC"


def test_a_name_in_a_sentence_is_the_one_the_top_writes_in_full() -> None:
    text = ("Barista - Now Hiring All Shifts\nDune Cup Coffeehouse\n3.9 ★ · 412 reviews\n"
            "Tucson, AZ 85719\n\nAt Dune Cup, every latte is poured by hand. We're looking for "
            "friendly people.\n")
    assert employer(text) == "Dune Cup Coffeehouse"
    # a unit written after the name is no fuller name
    text = ("Maintenance Fitter\nHalden Foods Plant\n\nAt Halden Foods, we make oat bars for "
            "supermarkets.\n")
    assert employer(text) != "Halden Foods Plant"
