"""Issue #15, rules written for the fourteenth round (after reading the thirteenth round's
misses), each for a class of layout rather than for the posting it was seen in. Short texts
written for these tests, in both languages."""

from __future__ import annotations

from tests.importers.reading import employer, found, title
from tracker.importers.text_names_check import clean_org


def deadline(text: str) -> str:
    return f"{found(text, 'valid_through_date')} {found(text, 'valid_through_time')}"


# Titles ---------------------------------------------------------------------------------------


def test_the_workplace_after_a_dash_is_no_part_of_the_title() -> None:
    # the page's location line begins with it (an ATS writes its label alone on a line)
    text = ("Harbour Inns Careers\n\nNight Porter - The Anchorage, Oban\n\nlocations\n"
            "The Anchorage, Oban - George Street\ntime type\nFull time\n")
    assert title(text) == "Night Porter"
    text = ("Offre n° 27-114\n\nAgent d'accueil – Médiathèque Jean Rostand\n\n"
            "Lieu de travail : Médiathèque Jean Rostand, Carvin\nContrat : CDD de 6 mois\n")
    assert title(text) == "Agent d'accueil"
    # a venue's or a project's proper name the text names again
    text = ("Duty Manager - Ashgrove Leisure Centre\n\nAshgrove Leisure Centre has a 25 m pool "
            "and a gym. We need a duty manager for evenings.\n")
    assert title(text) == "Duty Manager"
    text = ("Field Officer – Upper Nile Water Project\n\nThe Upper Nile Water\nProject (2027-2029) "
            "drills boreholes in four counties.\n")
    assert title(text) == "Field Officer"
    # a unit or a subject after the dash stays, named again or not
    text = ("Research Assistant - Marine Ecology\n\nThe Marine Ecology group studies reefs.\n")
    assert title(text) == "Research Assistant - Marine Ecology"


def test_terms_counts_and_codes_after_the_post_are_no_part_of_it() -> None:
    assert title("Outreach Worker (Grant-Funded)\nRiverside Trust\n") == "Outreach Worker"
    assert title("Hydrologue (CDD)\nAgence de l'eau\n") == "Hydrologue"
    assert title("Agent de service hospitalier (ASH)\nEHPAD Les Tilleuls\n") \
        == "Agent de service hospitalier (ASH)"
    assert title("MAGASINIER CARISTE – 3 postes\nCoopérative du Morvan\n") == "MAGASINIER CARISTE"
    assert title("Line Cook - 2 positions available\nHarbor Grill\n") == "Line Cook"
    assert title("Server (Summer 2027) — students welcome\nSeaside Diner\n") == "Server"
    assert title("Employé d'administration D4\nCommune de Florinval\n") == "Employé d'administration"
    assert title("ÉDUCATEUR SPÉCIALISÉ À 80 % (CDI)\nFondation Les Oliviers\n") \
        == "ÉDUCATEUR SPÉCIALISÉ"


def test_a_table_row_of_a_label_and_its_value_is_a_labelled_line() -> None:
    text = ("ASSOCIATION SPORTIVE DU VAL (ASV)             Fiche de poste – 03/2027\n"
            "Agrément n° 45-JEP-0112\n\n"
            "| Intitulé du poste   | Animateur sportif                 |\n"
            "|---------------------|-----------------------------------|\n"
            "| Contrat             | CDI à temps partiel               |\n"
            "| Candidature avant le | 4 juin 2027                      |\n")
    assert title(text) == "Animateur sportif"
    assert deadline(text) == "2027-06-04 None"
    text = ("┌──────────────┬───────────────────────┐\n"
            "│ Job title    │ Stores Assistant      │\n"
            "│ Closing date │ 11 June 2027          │\n"
            "└──────────────┴───────────────────────┘\n")
    assert title(text) == "Stores Assistant"
    assert deadline(text) == "2027-06-11 None"
    # a table laid out with spaces
    text = ("Animateur / Animatrice\n\nEmployeur                    CCAS DE VERLAY\n"
            "Date limite de candidature   02/04/2027\n")
    assert employer(text).upper() == "CCAS DE VERLAY"  # (capitals written as a name)
    assert deadline(text) == "2027-04-02 None"
    # a cell holding a label and its value is no label's cell
    text = "Senior Buyer\nJob ID: 55120 | Harlow Foods LLC\n"
    assert employer(text) == "Harlow Foods LLC"


def test_a_post_announced_on_the_line_before_or_after_a_colon() -> None:
    text = ("MJC de Varennes\n\n          OFFRE D'EMPLOI\n     La MJC de Varennes recrute un·e\n\n"
            "          ANIMATEUR·RICE JEUNESSE\n\nCONTEXTE\nLa MJC gère l'espace jeunes.\n")
    assert title(text) == "ANIMATEUR·RICE JEUNESSE"
    text = ("Claire Dubois • 2e\nDirectrice d'usine chez Fonderie du Jura\n\n"
            "📣 Je recrute mon/ma futur·e collègue : RESPONSABLE MAINTENANCE (H/F) 📣\n")
    assert title(text) == "RESPONSABLE MAINTENANCE"


def test_a_sites_section_named_as_a_heading_is_no_title() -> None:
    text = ("Résidence Les Charmes\nAccueil | Recrutement | Contact\n"
            "Vous êtes ici : Accueil › Recrutement › Offres en cours\n\nRecrutement\n"
            "La résidence accueille 80 résidents et emploie 60 agents.\n\n"
            "Infirmier(e) de nuit                          mis en ligne le 02/03/2027\n"
            "Statut : CDD de 6 mois\n")
    assert title(text) == "Infirmier(e) de nuit"
    text = ("De : Paul Roy <p.roy@cabinet-roy.fr>\nObjet : Opportunité confidentielle – "
            "Contrôleur de gestion\n\nBonjour,\nUn de nos clients recherche un contrôleur.\n")
    assert title(text) == "Contrôleur de gestion"


def test_prose_and_a_lists_pictograph_items_are_no_heading() -> None:
    text = ("Harbourside Clinic\n3d · 🌍\n\n📣 WE'RE HIRING 📣\n\n"
            "Our lovely receptionist Ann is retiring this summer (we will miss her so\n"
            "much!!) so we're looking for a Practice Receptionist to join the team.\n\n"
            "🩺 Three days a week, 8am to 4pm\n🩺 Own desk with a view of the harbour\n")
    assert title(text) == "Practice Receptionist"


# Employers ------------------------------------------------------------------------------------


def test_a_pages_post_names_its_employer_and_a_group_does_not() -> None:
    text = ("Glenmore Fire Department\nMarch 3 at 9:12 AM · Glenmore, AB · 🌎\n\n"
            "📣 WE'RE HIRING – PART-TIME FIREFIGHTER 📣\nApply at the station.\n")
    assert employer(text) == "Glenmore Fire Department"
    text = ("Camping Les Pins ★★★★\n4 mai 2027 à 10:15 · 🌍\n\n"
            "☀️ On recrute nos animateurs·trices pour l'été ! Écrivez-nous.\n")
    assert employer(text) == "Camping Les Pins"
    text = ("Jobs in Galway\nPrivate group · 12k members\n\nMaeve Byrne\n2h · 🌍\n\n"
            "Looking for a barista at Tide & Bean on Shop Street, 3 days a week.\n")
    assert employer(text) != "Private group"


def test_a_name_is_written_down_without_its_preposition_town_or_aside() -> None:
    text = ("Hugo Martin\nChef d'atelier\n\nChez Menuiserie Vallet, à Lons (39), on fabrique "
            "des escaliers.\nNous recherchons un menuisier.\n")
    assert employer(text) == "Menuiserie Vallet"
    text = ("Harbour Dental Clinic Kinsale\n2d · 🌍\n\nWe're looking for a Dental Nurse to join "
            "us.\nWe are a family practice on the pier in Kinsale since 1990.\n")
    assert employer(text) == "Harbour Dental Clinic"
    text = ("Objet : ASH – remplacements d'été\n\nBonjour,\n\nÉtablissement : EHPAD public de Kerhuel "
            "(Fonction publique hospitalière), Quimperlé (29),\n"
            "Poste : agent de service hospitalier\n")
    assert employer(text) == "EHPAD public de Kerhuel"


def test_a_name_cut_by_a_line_break_or_called_by_its_noun_is_named_in_full() -> None:
    text = ("Visitor Guide\n\nPlease share this post. The site is run by the Cape Vale\n"
            "Heritage Society. Contact us at 555-0100.\n\nCape Vale Heritage Society | capevale.org\n")
    assert employer(text) == "Cape Vale Heritage Society"
    text = ("CLUB NEWS\nLinfield Golf Club · Founded 1931\n\nVACANCY – GREENKEEPER\n"
            "The Club is seeking a Greenkeeper to join our team of four.\n")
    assert employer(text) == "Linfield Golf Club"
    # a line opening with a noun is no part of the name the line before ends with
    text = ("Animateur nature\n\nRejoignez le CPIE des Monts du Forez\nCentre de ressources, il "
            "anime des sorties.\n")
    assert clean_org("CPIE des Monts du Forez", text) == "CPIE des Monts du Forez"


def test_the_operator_of_a_service_run_for_a_body_employs() -> None:
    text = ("Lifeguard\nSwimRight Leisure\n\nSwimRight Leisure manages the Cedar Pool on behalf "
            "of Dunmore County Council.\nApply by 3 May 2027.\n")
    assert employer(text) == "SwimRight Leisure"
    text = ("Agent d'accueil\n\nAquaSud gère le centre aquatique pour le compte de la "
            "Communauté de communes du Lodévois.\nAquaSud recrute un agent d'accueil.\n")
    assert employer(text) == "AquaSud"


def test_a_start_ups_questions_and_presenting_sentence_name_it() -> None:
    text = ("[Recrutement] Développeur back-end (F/H) — CDI — Nantes\n\n"
            "🏢 Qui ? Pollen, la start-up des compteurs d'eau connectés (40 personnes)\n"
            "🎯 Quoi ? Tu fais évoluer notre API.\n")
    assert employer(text) == "Pollen"
    text = "Customer Success Manager\n\nTramway, c'est quoi ?\nUn logiciel pour les hôtels.\n"
    assert employer(text) == "Tramway"
    text = ("De : Léo <leo@ruchette.fr>\nÀ : Relations entreprises ESC Loire "
            "<entreprises@esc-loire.fr>\nObjet : Offre d'alternance – Community Manager\n\n"
            "Ruchette, c'est l'appli qui aide les apiculteurs amateurs.\n")
    assert employer(text) == "Ruchette"


def test_a_label_in_lower_case_a_negation_and_a_labelled_cooperative() -> None:
    text = ("LABORATOIRES DURIEUX – Nous recrutons\n\n"
            "Intitulé du poste | Conducteur de ligne (F/H)\n"
            "Organisation | horaires postés en 2x8\n\n"
            "Aux Laboratoires Durieux, vous conduisez une ligne de conditionnement.\n")
    assert employer(text) == "Laboratoires Durieux"
    text = ("CHAMBRE D'AGRICULTURE DU CANTAL\nBourse de l'emploi – offres relayées\n\n"
            "| Employeur | Cantal Appro Coopérative – magasin d'Aurillac |\n"
            "| Poste     | Vendeur conseil                               |\n\n"
            "Les adhérents de la coopérative sont 900 éleveurs.\n"
            "Les offres relayées par la Chambre d'agriculture n'engagent que les employeurs.\n")
    assert employer(text) == "Cantal Appro Coopérative"


def test_a_communes_own_body_hires_in_its_own_name() -> None:
    text = ("VILLE DE SAINT-AUBRAC\nCENTRE COMMUNAL D'ACTION SOCIALE\n\nAVIS DE VACANCE DE POSTE\n\n"
            "Le Centre communal d'action sociale de Saint-Aubrac recrute, pour sa résidence "
            "autonomie :\n\nUN(E) AGENT SOCIAL (H/F)\n")
    assert employer(text) == "Centre communal d'action sociale de Saint-Aubrac"


def test_a_careers_sites_category_is_no_grade() -> None:
    text = "Quality Technician\n\nJob ID              2027-11\nCategory            Quality\n"
    assert found(text, "category") is None
    assert found("Assistant\nCatégorie : B\n", "category") == "B"


# Deadlines ------------------------------------------------------------------------------------


def test_a_deadline_sentence_wrapped_over_lines() -> None:
    # the phrase wrapped over two lines
    text = ("Ouvrier qualifié\n\nLes candidatures sont à adresser pour le mercredi 30 juin 2027 à "
            "12 h au plus\ntard, par courrier au Collège communal.\n")
    assert deadline(text) == "2027-06-30 12:00:00"
    # the words about applying two lines before the date
    text = ("Driver\n\nInterested candidates should submit an application letter and a CV,\n"
            "hand-delivered to the office in Moroto or e-mailed to jobs@kachi.example,\n"
            "not later than Friday 14th May 2027 at\n5:00pm (EAT).\n")
    assert deadline(text) == "2027-05-14 17:00:00"
    # an abbreviation's point inside the sentence
    text = ("Learning Officer\n\nTo apply, please send a letter and résumé to hr@fort.example by\n"
            "4:30 p.m. CT on Friday, April 9, 2027. Interviews will be held on April 14.\n")
    assert deadline(text) == "2027-04-09 16:30:00"
