"""Issue #15, rules written for the fifteenth round (after reading the fourteenth round's
misses), each for a class of layout rather than for the posting it was seen in. Short texts
written for these tests, in both languages."""

from __future__ import annotations

from datetime import date

from tests.importers.reading import employer, found, title
from tracker.importers.text import parse_text


def interviews(text: str) -> list[date]:
    return [finding.value["date"] for finding in parse_text(text).findings
            if finding.field == "interviews"]


# Employers: labels, letterheads and acronyms -------------------------------------------------


def test_a_board_labels_the_employer_as_its_collectivity_or_its_recruiter() -> None:
    text = ("AGENT DE VOIRIE (H/F)\n\nN° de l'offre ......... O0127\n"
            "Collectivité .......... COMMUNE DE SAINT-ALBAN-DU-LAC\nGrade ......... Adjoint technique\n")
    assert employer(text) == "Commune de Saint-Alban-du-Lac"
    text = ("Tenancy Support Worker\n\nRecruiter:      Fenwick Street Advice Centre\n"
            "Location:       Hull\nSalary:         £27,000\n")
    assert employer(text) == "Fenwick Street Advice Centre"


def test_a_name_in_capitals_is_written_as_the_text_writes_it_elsewhere() -> None:
    # the text's own spelling, else an elided article in lower case
    text = ("CHARGÉ DE MISSION (H/F)\n\nEmployeur : SYNDICAT MIXTE DU PAYS D'ARLES\n\n"
            "Le Syndicat mixte du Pays d'Arles porte le SCoT.\n")
    assert employer(text) == "Syndicat mixte du Pays d'Arles"
    text = "TECHNICIEN (H/F)\n\nEmployeur : CENTRE HOSPITALIER DE L'AIGLE\nGrade : technicien\n"
    assert employer(text) == "Centre Hospitalier de l'Aigle"


def test_an_acronym_and_a_departement_number_are_named_in_full_where_the_text_spells_them() -> None:
    text = ("Sapeurs-pompiers du Gard\n2 j · 🌍\n\nLe SDIS 30 recrute 4 caporaux (H/F) !\n\n"
            "Poste : caporal de sapeurs-pompiers professionnels\n\n"
            "📍 Service départemental d'incendie et de secours du Gard – Nîmes\n")
    assert employer(text) == "Service départemental d'incendie et de secours du Gard"
    # an acronym the text defines in brackets before the rest of the name
    text = ("PETR Pays de Brocéliande\nAccueil > Offres\n\nChargé de mission mobilité (H/F)\n\n"
            "Le Pôle d'équilibre territorial et rural (PETR) Pays de Brocéliande regroupe 3 "
            "communautés de communes.\nContact : rh@petr-broceliande.fr\n")
    assert employer(text) == "Pôle d'équilibre territorial et rural Pays de Brocéliande"
    text = ("JRAS Wessex\nHome > Vacancies\n\nArchivist\n\nThe Joint Regional Archive Service "
            "(JRAS) Wessex keeps the records of four councils.\nContact: jobs@jras-wessex.org.uk\n")
    assert employer(text) == "Joint Regional Archive Service Wessex"


def test_a_letterhead_wrapped_over_two_lines_beside_a_right_hand_column_is_one_name() -> None:
    text = ("SERVICE DÉPARTEMENTAL D'INCENDIE                         FICHE DE POSTE\n"
            "ET DE SECOURS DE LA SARTHE                               N° RH/2027-04\n\n"
            "INTITULÉ DU POSTE : CHEF DE GROUPE\nGrade : capitaine\n")
    assert employer(text).lower() == "service départemental d'incendie et de secours de la sarthe"
    assert title(text) == "CHEF DE GROUPE"  # the labelled post is no organisation
    text = ("Syndicat Mixte des Rivières du              FICHE DE POSTE\n"
            "Haut-Var                                    Technicien rivière\n\n"
            "Syndicat Mixte des Rivières du Haut-Var\nMissions : entretien des berges.\n")
    assert employer(text).lower() == "syndicat mixte des rivières du haut-var"
    # one line, the document's kind on its right
    text = ("HARBOUR LIGHTS CONFERENCE HOTEL                          JOB DESCRIPTION\n"
            "Human Resources\n\nPosition Title:    Night Auditor\nReports To:        Front Office "
            "Manager\n\nThe Harbour Lights Conference Hotel has 210 rooms.\n")
    assert employer(text) == "Harbour Lights Conference Hotel"
    assert title(text) == "Night Auditor"


def test_a_commune_letterhead_names_the_departement_it_lies_in_and_its_seat() -> None:
    text = ("RÉPUBLIQUE FRANÇAISE\nDépartement du Gers\nMAIRIE DE SAINT-PUY\n"
            "Place de la Mairie – 32310 Saint-Puy\n\nAVIS DE RECRUTEMENT\n\n"
            "La commune de Saint-Puy recrute un agent technique polyvalent (H/F).\n")
    assert employer(text) == "Commune de Saint-Puy"
    text = ("SYNDICAT INTERCOMMUNAL DE LA VALLÉE DU TARN\nMairie de Cajarc – 2 place du Foirail, "
            "46160 Cajarc\n\nAVIS DE VACANCE\n\nSecrétaire de syndicat (H/F)\n")
    assert employer(text) == "Syndicat Intercommunal de la Vallée du Tarn"


def test_a_common_noun_alone_names_no_one_and_the_copyright_line_names_the_owner() -> None:
    text = ("Accueil › Ma mairie › La mairie recrute › Agent d'entretien\n\n"
            "Agent d'entretien des écoles (H/F)\n\nMissions : entretien des locaux.\n\n"
            "© 2027 Ville de Saint-Avertin\n")
    assert employer(text) == "Ville de Saint-Avertin"
    text = ("Home › Jobs › Groundsperson\n\nGroundsperson\n\nDuties: mowing and hedges.\n\n"
            "Copyright © 2026-2027 Castle Mead Estate. All rights reserved.\n")
    assert employer(text) == "Castle Mead Estate"


def test_an_address_line_behind_a_pictograph_names_its_organisation() -> None:
    text = ("Librairie Le Grand Large\n3 j · 🌍\n\n📚 ON RECRUTE 📚\n\nNous cherchons un·e "
            "libraire pour le rayon BD.\n\n📍 Librairie Le Grand Large · 8 quai Duguay · 29900 "
            "Concarneau\n")
    assert employer(text) == "Librairie Le Grand Large"


def test_the_trade_noun_before_a_name_the_address_spells_is_part_of_it() -> None:
    text = ("De : Paul Morin <paul@librairie-levent.fr>\nObjet : Offre – Libraire\n\nBonjour,\n\n"
            "Je tiens depuis 2010 la librairie Le Vent, à Brest, et je cherche un libraire.\n")
    assert employer(text) == "Librairie Le Vent"


def test_a_recruiter_for_a_client_it_does_not_name_names_no_employer() -> None:
    text = ("From: Sean Hughes <sean@brightpathrecruit.ie>\nSubject: Payroll role\n\nHi Anne,\n\n"
            "My client is a busy practice in Cork and they want to keep their name quiet for now.\n\n"
            "Payroll Officer (part-time)\n- three days a week\n\nSean Hughes\n"
            "Senior Consultant - Finance & Payroll\nBrightpath Recruitment\n")
    assert employer(text) is None
    assert title(text) == "Payroll Officer"  # the post alone under the e-mail's paragraphs
    text = ("Claire Roux • 2e\nConsultante chez Atelier Talents\n3 j • 🌐\n\n🔎 JE RECRUTE — "
            "Chef de projet événementiel (F/H) — CDI — Lyon\n\nPour l'une de nos clientes, agence "
            "événementielle lyonnaise, je recherche un·e chef de projet.\n")
    assert employer(text) is None
    assert title(text) == "Chef de projet événementiel"
    # the firm's own clients are no client it recruits for
    text = ("We're hiring!\n\nOur client list has outgrown the team, so Larch & Finn Accountants "
            "is looking for a Bookkeeper.\n\nLarch & Finn Accountants · 4 Mill Lane · Keswick\n")
    assert employer(text) == "Larch & Finn Accountants"


def test_a_placement_agency_is_known_by_what_its_own_line_says_it_is() -> None:
    text = ("MARLOW & CO — Cabinet de recrutement\nNos missions\n\nNotre client, un groupe de "
            "distribution, recherche son\n\nCONTRÔLEUR DE GESTION H/F\n\nCandidatures à "
            "j.roy@marlow-co.fr\n")
    assert employer(text) is None
    text = ("HARBOUR TALENT – Recruitment Consultancy\nCurrent roles\n\nOur client, a family-owned "
            "builders' merchant, seeks its\n\nFINANCE MANAGER\n\nApply to k.lee@harbour-talent.co.uk\n")
    assert employer(text) is None
    # a company's own careers page heading its name with 'Recrutement' is no agency
    text = ("HYPER LOIRE – RECRUTEMENT\nOffres > Boucherie\n\nBOUCHER H/F\nCDI · Magasin 0117\n\n"
            "Hyper Loire, c'est 12 hypermarchés dans l'Ouest.\n")
    assert employer(text) == "Hyper Loire"


def test_a_message_passing_an_offer_on_gives_the_employer_of_the_offer_not_its_own() -> None:
    text = ("De : Relations entreprises – Institut Lumière <entreprises@institut-lumiere.fr>\n"
            "Objet : [Offre alternance] Assistant marketing – Maison Verlaine\n\nBonjour,\n\n"
            "Nous relayons ci-dessous une offre reçue d'une entreprise partenaire.\n\n"
            "Le service Relations entreprises\nInstitut Lumière – Lyon\n\n" + "—" * 30 + "\n\n"
            "MAISON VERLAINE – Offre d'alternance\n\nAssistant marketing\n\n"
            "Maison Verlaine crée des foulards de soie depuis 1950. Candidatures à "
            "alternance@maison-verlaine.fr.\n")
    assert employer(text) == "Maison Verlaine"
    assert title(text) == "Assistant marketing"  # not the line saying who offers what
    text = ("From: Mark Dean <mark.dean@kilmore-college.ie>\nSubject: FW: Job - Tree surgeon\n\n"
            "Hi all,\n\nA past student who set up his own firm has sent us his vacancy below.\n\n"
            "Mark Dean\nKilmore College of Horticulture\n\n---------- Forwarded message ---------\n"
            "From: Oakwise <jobs@oakwise-trees.ie>\nSubject: Job\n\nTree Surgeon wanted for our "
            "crew. Call Tom.\n")
    assert employer(text) == "Oakwise"


def test_an_e_mail_sender_whose_address_spells_its_name_is_an_organisation() -> None:
    text = ("De : Vert'Horizon <contact@verthorizon-paysage.fr>\nObjet : Offre d'emploi\n\n"
            "Bonjour,\n\nNous cherchons un ouvrier paysagiste pour la saison.\n\nJulien\n")
    assert employer(text) == "Vert'Horizon"


def test_a_board_facts_line_under_the_heading_names_the_one_name_the_text_writes_again() -> None:
    text = ("LUXE EMPLOI — le job board du luxe\n\nConseiller de vente (F/H)\nMAISON ORSAY · Paris "
            "8e · Publiée le 03/05/2027\n\nContrat : CDI\n\nMaison Orsay, joaillier depuis 1890.\n")
    assert employer(text) == "Maison Orsay"
    text = ("Retail Jobs Hub\n\nStore Supervisor\nHALDEN · Leeds · Posted 3 May 2027\n\n"
            "Halden sells outdoor clothing from 40 stores.\n")
    assert employer(text) == "Halden"
    # a contract's word or a place among the facts is no name
    text = ("Paysagiste (H/F)\nCDI · Carquefou (44) · Publiée le 2 mars 2027\n\nUn CDI à temps "
            "plein.\n\nLes Jardins du Cens SAS · 12 rue de la Forêt, 44470 Carquefou\n")
    assert employer(text) == "Les Jardins du Cens SAS"  # (named only so: its legal form stays)


def test_a_line_going_on_from_an_unfinished_sentence_opens_no_organisation() -> None:
    text = ("Accueil › Carrières\n\nTailleur (F/H)\n\nVous serez formé·e pendant six mois auprès "
            "de\nl'École des Métiers Verlaine, en binôme avec un tuteur.\n\n"
            "© 2027 Maison Verlaine – Tous droits réservés\n")
    assert employer(text) == "Maison Verlaine"


def test_a_franchise_office_is_the_employer() -> None:
    text = ("Kindly Home Care\nFind your office | Careers\n\nYou are viewing: Kindly Salford\n\n"
            "Care Assistant – Salford & Eccles\nPosted: 3 May 2027 · Office: Kindly Salford\n\n"
            "We visit people across Salford, Swinton and Eccles.\n\nEach Kindly office is "
            "independently owned and operated under licence from Kindly Home Care.\n")
    assert employer(text) == "Kindly Salford"
    assert title(text) == "Care Assistant"  # two places joined, the second listed in the text


def test_an_organisation_label_naming_a_unit_gives_way_to_the_careers_site_name() -> None:
    text = ("Ridgeback Research Institute | Careers\nSearch Jobs   Sign In\n\n"
            "Data Engineer\nJob ID: 4411\nOrganization: Computing Directorate / Data Division\n"
            "Location: Boise, ID\n\nRidgeback Research Institute studies the climate.\n")
    assert employer(text) == "Ridgeback Research Institute"


# Titles ----------------------------------------------------------------------------------------


def test_a_social_post_author_headline_and_page_name_are_never_the_title() -> None:
    text = ("Nina Patel, CPA, CA • 2nd\nPartner at Patel Ross CPA LLP | Helping small firms\n"
            "1w • 🌐\n\nWe're hiring! 📣 Our firm is growing.\n\n🧾 The role: Payroll Clerk\n"
            "You'll run payroll for 30 clients.\n")
    assert title(text) == "Payroll Clerk"
    text = ("Lucky Star Bingo – Great Yarmouth\n5h · 🌍\n\n📣 WE'RE HIRING! 📣\n\nFancy being "
            "the voice of the club? We're looking for a cheerful, confident BINGO HOST /\nCALLER to "
            "join the team at Lucky Star Bingo!\n\n✔️ Part-time\n")
    assert title(text) == "BINGO HOST / CALLER"


def test_a_network_name_keeps_its_number_and_a_recent_year_is_dropped() -> None:
    assert title("Chargé de mission Natura 2000 (H/F)\nSyndicat mixte\n") == \
        "Chargé de mission Natura 2000"
    assert title("Summer Camp Counsellor 2027\nPine Lake Camp\n") == "Summer Camp Counsellor"


def test_a_site_of_the_employer_named_by_its_town_is_no_part_of_the_title() -> None:
    text = ("Maroquinier (F/H) – Atelier de Pantin\n\nLieu : Pantin (93), manufacture\n"
            "Contrat : CDI\n")
    assert title(text) == "Maroquinier"
    text = "Lettings Negotiator – Leeds Branch\n\nLocation: Leeds, West Yorkshire\nSalary: £24,000\n"
    assert title(text) == "Lettings Negotiator"


def test_a_subject_saying_what_kind_of_offer_it_is_then_the_post() -> None:
    text = ("De : Anne Roy <anne@librairie-roy.fr>\nObjet : Offre en apprentissage – Libraire (H/F) "
            "– Tours\n\nBonjour,\n\nNous cherchons un apprenti.\n")
    assert title(text) == "Libraire"


def test_a_bulletin_listing_its_items_carries_the_post_under_its_jobs_item() -> None:
    text = ("From: Valley Law Society <news@vls.ca>\nSubject: VLS Weekly – library hours, CPD "
            "lunch, career opportunities\n\nVLS WEEKLY | June 22, 2027\n\n1. LIBRARY HOURS\nClosed "
            "on July 1.\n\n3. CAREER OPPORTUNITIES\nPosted on behalf of Northside Legal Clinic:\n\n"
            "Staff Lawyer – Housing Law (12-month contract, parental leave coverage)\n\n"
            "Northside Legal Clinic serves two counties.\n")
    assert title(text) == "Staff Lawyer – Housing Law"
    assert employer(text) == "Northside Legal Clinic"


# Dates -----------------------------------------------------------------------------------------


def test_a_reply_to_the_message_before_a_date_is_a_deadline() -> None:
    text = ("Libraire (H/F)\n\nSi le poste vous tente, répondez simplement à ce message avant le "
            "vendredi 4 juin 2027.\n")
    assert found(text, "valid_through_date") == date(2027, 6, 4)


def test_an_interview_sentence_goes_on_to_its_dates_on_the_next_line() -> None:
    text = ("Audit Senior\n\nApply by 1 June 2027. Interviews will take place at our Leeds office "
            "on Tuesday\n22 or Wednesday 23 June 2027. No agencies.\n")
    assert interviews(text) == [date(2027, 6, 22), date(2027, 6, 23)]
    text = ("Modéliste (H/F)\n\nCandidatures avant le 9 avril 2027. Les entretiens auront lieu à "
            "l'atelier le mardi 20\net le mercredi 21 avril 2027.\n")
    assert interviews(text) == [date(2027, 4, 20), date(2027, 4, 21)]
    text = ("Libraire (H/F)\n\nRéponse avant le 4 juin 2027. Je recevrai les candidat·e·s à la "
            "librairie le samedi 12 juin 2027 en matinée.\n")
    assert interviews(text) == [date(2027, 6, 12)]
    # not a deadline the next line gives, nor weeks with no day set
    text = ("RN\n\nTo book an interview, reply to this email with your resume and\nthe sites you "
            "like, by Friday, March 5, 2027.\n")
    assert interviews(text) == []
    assert interviews("Analyst\n\nInterviews are planned for the weeks of 3 and 10 May 2027.\n") == []
