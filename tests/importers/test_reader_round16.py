"""Issue #15, rules written for the sixteenth round (after reading the fifteenth round's
misses), each for a class of layout rather than for the posting it was seen in. Short texts
written for these tests, in both languages."""

from __future__ import annotations

from datetime import date, time

from tests.importers.reading import employer, found, title
from tracker.importers.text import parse_text
from tracker.models.enums import EmploymentType


def interviews(text: str) -> list[date]:
    return [finding.value["date"] for finding in parse_text(text).findings
            if finding.field == "interviews"]


def education(text: str) -> str | None:
    levels = [r.get("level") for r in parse_text(text).data().get("requirements", [])
              if r["kind"] == "education"]
    return levels[0] if levels else None


# Employers: who posts, who signs, who runs the place ----------------------------------------


def test_a_page_posting_on_a_network_is_the_employer_when_its_address_spells_its_name() -> None:
    text = ("Harbourside Window Cleaning\n14 March at 9:05 am · 🌏\n\nWE'RE HIRING – LEEDS NORTH\n\n"
            "Window Cleaners\n\nRounds across Headingley and Meanwood, £13.50 an hour.\n"
            "Email jobs@harboursidecleaning.co.uk with your name and area.\n")
    assert employer(text) == "Harbourside Window Cleaning"
    assert title(text) == "Window Cleaners"  # the town after the call names no post
    # (at a webmail, the address's local part spells it)
    text = ("Les Écuries du Val de Sarthe\n3 février à 18:40 · 🌍\n\n🐴 LES ÉCURIES RECRUTENT 🐴\n\n"
            "Palefrenier soigneur (H/F)\n\nCDD de 6 mois, logement sur place.\n"
            "CV à ecuriesduval.sarthe@orange.fr\n")
    assert employer(text) == "Les Écuries du Val de Sarthe"


def test_a_role_and_its_area_in_a_signature_give_way_to_the_organisation_line_below() -> None:
    text = ("From: Tom Reed <tom.reed@castlegateguarding.co.uk>\nTo: jobs@example-jobcentre.gov.uk\n"
            "Subject: Security officers\n\nMorning Ana,\n\nSECURITY OFFICER\n\nNights, £13.40 an "
            "hour.\nThanks again for sharing this, and let me know if you need more.\n\nKind "
            "regards,\n\nTom Reed\nArea Manager – East Midlands\nCastlegate Guarding Ltd\n"
            "Unit 4, Trent Park, Derby\n")
    assert employer(text) == "Castlegate Guarding Ltd"
    text = ("De : Lucie Marchal <lucie.marchal@gardiennage-vauban.fr>\nÀ : contact@example.fr\n"
            "Objet : Agents de sécurité\n\nBonjour,\n\nAGENT DE SÉCURITÉ\n\nNuits, 12,10 € de "
            "l'heure.\n\nBien cordialement,\n\nLucie Marchal\nResponsable d'agence – Hauts-de-France\n"
            "Gardiennage Vauban SARL\n12 rue des Postes, Lille\n")
    assert employer(text) == "Gardiennage Vauban SARL"


def test_the_signature_under_a_few_blank_lines_is_still_read() -> None:
    text = ("From: Priya Shah <priya@millbrookpharmacy.co.uk>\nTo: locums@example.org\nSubject: "
            "Locum pharmacist wanted\n\nHello all,\n\nI need a locum for three Saturdays.\n\n"
            "Many thanks, and have a good week,\n\nPriya\n\nPriya Shah MPharm\nSuperintendent "
            "Pharmacist\nMillbrook Pharmacy Ltd\n2 High Street, Millbrook\n")
    assert employer(text) == "Millbrook Pharmacy Ltd"


def test_a_pronoun_before_a_verb_of_seeking_names_no_one() -> None:
    text = ("De : Marc Oudin <marc@aubergedesgrives.fr>\nÀ : Anne <anne@example.fr>\nObjet : "
            "Chef de rang\n\nBonjour Anne,\n\nCHEF DE RANG (H/F)\n\nCDI, 39 h.\n\nLes candidats "
            "peuvent me répondre directement, avec quelques lignes sur ce qu'ils cherchent.\n\n"
            "Bien cordialement,\n\nMarc Oudin\nAuberge des Grives\n")
    assert employer(text) == "Auberge des Grives"


def test_a_line_carrying_on_a_sentence_is_no_organisation_line() -> None:
    text = ("St Elwyn's Hospice\nHome > Work for us\n\nStaff Nurse\n\nYou will mentor student "
            "nurses from the\nUniversity of Barchester.\n\nSt Elwyn's Hospice is a registered charity.\n")
    assert employer(text) == "St Elwyn's Hospice"
    text = ("Maison de santé du Lac\nAccueil > Recrutement\n\nInfirmier (H/F)\n\nVous accueillerez "
            "des étudiants en partenariat avec la\nUniversité de Savoie.\n\n"
            "La Maison de santé du Lac recrute un infirmier.\n")
    assert employer(text) == "Maison de santé du Lac"


def test_the_equal_opportunity_employer_names_the_body_in_full() -> None:
    text = ("Wattle Creek Botanic Garden            Candidate Information Pack\n\nHorticulturist\n\n"
            "Wattle Creek Botanic Garden Trust is an equal opportunity employer.\n")
    assert employer(text) == "Wattle Creek Botanic Garden Trust"


def test_an_irish_company_limited_by_guarantee_keeps_its_name_without_clg() -> None:
    text = ("Education Officer\n\nOrganisation:   Slieve Bawn Farm Park CLG\nLocation:   Roscommon\n\n"
            "Slieve Bawn Farm Park is a charity.\n")
    assert employer(text) == "Slieve Bawn Farm Park"


def test_a_post_authors_headline_names_the_employer_when_the_post_is_in_their_team() -> None:
    text = ("Mere Walker • 2nd\nBilling Team Lead at Rangitoto Water | Fixing bills since 2015\n5d • 🌐\n\n"
            "Kia ora! My team is growing and I'm looking for two new Billing Advisors to join us.\n\n"
            "The details:\nBilling Advisor – permanent, full-time\n$60,000 per year\n")
    assert employer(text) == "Rangitoto Water"
    assert title(text) == "Billing Advisor"  # the post the text names in the singular below
    text = ("Julie Morel • 2e\nResponsable d'exploitation chez Eaux du Lignon | Passionnée\n3 j • 🌐\n\n"
            "Mon équipe s'agrandit : nous cherchons un technicien réseau.\n\n"
            "Technicien réseau (H/F)\nCDI, 35 h.\n")
    assert employer(text) == "Eaux du Lignon"


def test_the_association_running_an_event_or_a_venue_employs() -> None:
    text = ("FESTIVAL DES MOTS EN MARGE – 8e édition\n\nLE FESTIVAL DES MOTS EN MARGE RECRUTE\n\n"
            "Chargé·e d'accueil (F/H)\nCDD de 2 mois.\n\n"
            "Association Lire en Bocage – Festival des Mots en Marge\n3 place du Marché, Flers\n")
    assert employer(text) == "Association Lire en Bocage"
    text = ("Festival Jazz en Vallée\nAccueil > Emplois\n\nRégisseur son (H/F)\n\nLe Festival Jazz "
            "en Vallée, organisé par l'association Vallée Swing, recrute un régisseur.\n")
    assert employer(text) == "Association Vallée Swing"


def test_a_public_bodys_service_is_the_bodys() -> None:
    text = ("Port de plaisance de Kerity\n5 j · 🌍\n\nON RECRUTE POUR L'ÉTÉ !\n\n"
            "Poste : agent d'accueil portuaire\nCDD du 1er juillet au 31 août 2027.\n\n"
            "📍 Port de plaisance de Kerity – service municipal de la Commune de Penmarc'h, quai Est\n")
    assert employer(text) == "Commune de Penmarc'h"


def test_a_pictures_description_in_a_copied_post_names_no_one() -> None:
    text = ("caf_rhone ✔️ • Suivre\nLyon, France\n\n[Visuel : « La Caf recrute ! » sur fond bleu]\n\n"
            "Tu cherches un job ? La Caf du Rhône recrute des étudiant·e·s cet été.\n\n"
            "📌 Poste : Agent·e d'accueil\n")
    assert employer(text) == "Caf du Rhône"  # (the handle spells the acronym: no article)
    text = ("[Image: a smiling team in front of the shop]\n\nThe Green Basket Co-op is hiring a "
            "Store Assistant to join our Dundee team.\n\nStore Assistant\n£12 an hour.\n")
    assert employer(text) == "Green Basket Co-op"


def test_a_section_about_the_employer_names_it_on_its_name_line() -> None:
    text = ("SAISONJOBS · l'emploi saisonnier\nAccueil   Offres   Mon espace\n\nPlongeur H/F – CDD "
            "saison\n\nL'ÉTABLISSEMENT\nNom : Hôtel du Grand Colombier\nCatégorie : 3 étoiles\n\n"
            "LE POSTE\nType de contrat : CDD saisonnier\n")
    assert employer(text) == "Hôtel du Grand Colombier"
    text = ("SeasonWork · jobs for the season\nHome   Jobs   My account\n\nKitchen Porter – Summer\n\n"
            "THE EMPLOYER\nName: The Ferryman Inn\nType: pub with rooms\n\nTHE JOB\nSeasonal, 40 hours\n")
    assert employer(text) == "Ferryman Inn"


def test_a_newspapers_masthead_is_the_publisher_not_the_employer() -> None:
    text = ("LE COURRIER DU PAYS BASQUE                          Jeudi 4 mars 2027 · n° 9 118\n"
            "PETITES ANNONCES · EMPLOI\n\n  HÔTEL LES TAMARIS – SAINT-JEAN-DE-LUZ\n\n"
            "  recherche pour la saison 2027\n\n  RÉCEPTIONNISTE H/F\n\n  CDD saisonnier, 39 h.\n")
    assert employer(text) == "Hôtel Les Tamaris"
    text = ("THE WESTMORLAND GAZETTE                            Friday 5 March 2027 · No. 10,204\n"
            "CLASSIFIEDS · SITUATIONS VACANT\n\n  THE OLD MILL HOTEL – KENDAL\n\n  requires a\n\n"
            "  HEAD CHEF\n\n  Full time, £34,000.\n")
    assert (employer(text) or "").lower() == "old mill hotel"  # (its capitals: the known limit)


def test_a_branchs_town_after_the_name_is_no_part_of_it() -> None:
    text = ("NORDIS INTÉRIM  |  Offres  |  Nos agences\n\nCARISTE (H/F)\n\n"
            "Agence ........ Nordis Intérim Cholet – 22 rue Nationale, 49300 Cholet\n"
            "Lieu de mission ...... Cholet (49)\n\nNordis Intérim, entreprise de travail temporaire.\n")
    assert employer(text) == "Nordis Intérim"


def test_a_french_article_stays_when_the_name_is_registered_with_it() -> None:
    text = ("[Logo] Les Ateliers du Forez — imprimeur depuis 1961\n\nConducteur offset (H/F)\n\n"
            "Envoyez votre CV à rh@ateliersduforez.fr.\n\n"
            "Les Ateliers du Forez SAS au capital de 800 000 € · Saint-Étienne\n")
    assert employer(text) == "Les Ateliers du Forez"
    # (a sentence's article before a name the address spells goes)
    text = ("Camille Roux • 1er\nDirectrice de la Maison Roux – épicerie fine\n\nLa Maison Roux "
            "(Lyon 2e) cherche son ou sa chargé·e de communication 🎉\n\nCandidatures à "
            "recrutement@maisonroux.fr\n")
    assert employer(text) == "Maison Roux"


def test_a_forwarded_messages_sender_at_a_webmail_is_named_by_its_local_part() -> None:
    text = ("De : Yann Le Goff <relations@lycee-maritime.example.fr>\nÀ : anciens@lycee-maritime.example.fr\n"
            "Objet : TR: offre d'embarquement\n\nBonjour à tous,\n\nJe vous transfère une offre.\n\n"
            "Yann Le Goff\nLycée professionnel maritime d'Étel\n\n-------- Message transféré --------\n"
            "De : Armement Le Dantec <armement.ledantec@orange.fr>\nObjet : offre\n\nBonjour,\n\n"
            "Poste : Matelot\n")
    assert employer(text) == "Armement Le Dantec"


def test_a_sentence_that_recruits_may_wrap_over_three_lines() -> None:
    text = ("De : Comité régional <emploi@comite-equitation.example.fr>\nObjet : Offre relayée\n\n"
            "Le Comité relaie ci-dessous l'offre d'un club adhérent.\n\n=====\n\n"
            "Le Centre équestre des Trois Chênes, à Lisieux (Calvados), club de 180 licenciés\n"
            "labellisé École Française d'Équitation, avec une activité de pension (30 chevaux de\n"
            "propriétaires), recrute son\n\nRESPONSABLE D'ÉCURIE (H/F)\n")
    assert employer(text) == "Centre équestre des Trois Chênes"


# Titles -------------------------------------------------------------------------------------


def test_a_post_in_capitals_drops_the_words_in_lower_case_after_a_dash() -> None:
    assert title("DOOR SUPERVISOR – retail park, Hinckley (LE10)\n\nNights, £13 an hour.\n") \
        == "DOOR SUPERVISOR"
    assert title("SOMMELIER (H/F) – restaurant étoilé, bord de lac\n\nCDI, 39 h.\n") == "SOMMELIER"


def test_a_bulletins_post_is_the_one_under_its_jobs_section() -> None:
    text = ("From: Friends Office <friends@harewoodhospice.org.uk>\nTo: friends@harewoodhospice.org.uk\n"
            "Subject: Friends' News – May 2027\n\nFRIENDS' NEWS\nThe newsletter for our supporters · "
            "Issue 31 · May 2027\n\nIN THIS ISSUE: Fun run · Shop news · Jobs at the hospice\n\n"
            "🏃 FUN RUN\nWe raised £8,000.\n\n💼 JOBS AT THE HOSPICE – PLEASE SHARE!\nA post for you.\n\n"
            "CATERING ASSISTANT (BANK)\nBank contract, shifts as you choose, £12.40 an hour.\n")
    assert title(text) == "CATERING ASSISTANT"  # (a bank's contract is a term, not the post)
    assert found(text, "employment_type") == EmploymentType.OTHER
    text = ("De : Vie associative <benevoles@maison-des-aines.example.fr>\nÀ : liste@example.fr\n"
            "Objet : La Gazette des bénévoles – juin 2027\n\nLA GAZETTE DES BÉNÉVOLES\nLa lettre "
            "d'information de nos bénévoles · n° 12 · juin 2027\n\nAU SOMMAIRE : Fête d'été · "
            "Formations · Offres d'emploi\n\n☀️ FÊTE D'ÉTÉ\nMerci à tous !\n\n💼 OFFRES D'EMPLOI\n"
            "Un poste à partager.\n\nAIDE-SOIGNANT DE NUIT (H/F)\nCDI, 35 h.\n")
    assert title(text) == "AIDE-SOIGNANT DE NUIT"


def test_a_contacts_job_title_under_their_name_is_not_the_post() -> None:
    text = ("Charity Jobs Board\n\nShop Supervisor\n\nContract\nPermanent\n\nFor questions about the job\n"
            "Name: Ruth Allen\nJob title: Retail Area Manager\nEmail: ruth@example.org\n")
    assert title(text) == "Shop Supervisor"
    # (a contact line further up, a blank line between, leaves the role's label alone)
    text = ("Walk-in for Testers @ Pune\n\nContact Person: Ms. Rao (HR)\n\nRole: Automation Test "
            "Engineer\nExperience: 3 - 5 years\n\nRole Category: Quality Assurance and Testing\n")
    assert title(text) == "Automation Test Engineer"


def test_a_hiring_call_set_off_by_pictographs_names_the_post_after_it() -> None:
    assert title("Corner Pharmacy\n2d · 🌍\n\n💊 WE'RE HIRING 💊 Pharmacy Counter Assistant\n\n"
                 "Part-time, 20 hours a week.\n") == "Pharmacy Counter Assistant"
    assert title("Boulangerie du Marché\n2 j · 🌍\n\n🥖 ON RECRUTE 🥖 Vendeur en boulangerie\n\n"
                 "CDI, 30 h par semaine.\n") == "Vendeur en boulangerie"


def test_an_e_mails_ad_heading_ending_on_a_post_is_no_organisation_line() -> None:
    text = ("From: Lakeside Symphony <office@lakesidesymphony.org>\nTo: friends@lakesidesymphony.org\n"
            "Subject: We're hiring!\n\nDear friends,\n\nPlease forward this message.\n\n"
            "ORCHESTRA LIBRARIAN\nPart-time  |  Reports to the Operations Director\nSalary: $30,000\n")
    assert title(text) == "ORCHESTRA LIBRARIAN"


def test_a_list_whose_items_open_in_lower_case_behind_pictographs_holds_no_heading() -> None:
    text = ("Ana Silva • 2nd\nTeam Lead at Harbour Energy Retail\n1w • 🌐\n\nMy team is growing and "
            "I'm looking for a Customer Advisor to join us.\n\nWhat you'll do:\n📞 answering calls from "
            "residents\n🧾 explaining bills to customers\n")
    assert title(text) == "Customer Advisor"


def test_the_heading_over_an_applicant_tracking_pages_facets_is_the_post() -> None:
    text = ("Bay Aquarium Careers\nSearch for Jobs     Sign In\n\nAquarist II - Cold Water Gallery\n"
            "locations\nMonterey, CA\ntime type\nFull time\njob requisition id\nR0001234\n\nApply\n\n"
            "Worker Type: Regular\nPosting Start Date: 03/01/2027\nPosting End Date: 03/29/2027\n")
    assert title(text) == "Aquarist II - Cold Water Gallery"
    assert found(text, "employment_type") == EmploymentType.PERMANENT  # 'Worker Type: Regular'
    assert found(text, "date_posted") == date(2027, 3, 1)
    assert found(text, "valid_through_date") == date(2027, 3, 29)


def test_the_workplace_the_employer_calls_its_own_is_no_part_of_the_post() -> None:
    text = ("volt_mobile\nVolt Mobile • Authorized Retailer\nSponsored\n\nNOW HIRING 📱 Sales Associates "
            "at our NEW Main Street store in Toledo, OH!\n\n💵 $17/hr\n🎁 Employee discounts\n")
    assert title(text) == "Sales Associates"
    assert employer(text) != "Sales Associates at our NEW Main Street store in Toledo"


def test_a_site_named_after_a_dash_is_dropped_by_its_role_on_the_page() -> None:
    text = ("Région Bretagne\nAccueil > Offres\n\nAgent·e de port (F/H) – Port de Douarnenez\n\n"
            "Lieu de travail ......... Douarnenez (29), quai du Rosmeur\n")
    assert title(text) == "Agent·e de port"
    text = ("Cinémas Lumière\nAccueil > Carrières\n\nProjectionniste (F/H) – Lumière Tours Centre\n\n"
            "Le multiplexe Lumière Tours Centre, c'est 9 salles.\n")
    assert title(text) == "Projectionniste"


# Dates, contact, contract, working time ----------------------------------------------------


def test_a_percent_of_a_premium_or_days_of_rest_are_no_working_time() -> None:
    assert found("Commis (H/F)\n\nCDI à temps plein, 39 h par semaine (les 4 heures au-delà des "
                 "35 h majorées à 10 %).\n", "working_time_percent") == 100
    assert found("Night Porter\n\nFull-time, 40 hours a week, overtime paid at 150%.\n",
                 "working_time_percent") == 100
    assert found("Plongeur (H/F)\n\nDurée hebdomadaire : 39 heures\nRepos : 1,5 jour par semaine\n",
                 "working_time_percent") == 100
    text = ("Gestionnaire (H/F)\n\nTemps de travail\nTemps complet\nTélétravail possible\n"
            "Oui (1 jour par semaine)\n")
    assert found(text, "working_time_percent") == 100


def test_a_contracts_hours_a_week_are_read_but_not_a_shifts_length() -> None:
    assert found("Agent d'accueil (H/F)\n\nContrat de 24 heures par semaine, en soirée.\n",
                 "working_time_percent") == 69
    assert found("Infirmier (H/F)\n\nTrois nuits de 12 h par semaine.\n",
                 "working_time_percent") != 34


def test_interview_words_and_their_dates_across_a_line() -> None:
    text = ("MAÎTRE D'HÔTEL (H/F)\n\nCDI.\n\nJe recevrai celles et ceux qui m'intéressent le mardi 24 "
            "ou le mercredi 25 août 2027, à l'auberge.\n")
    assert interviews(text) == [date(2027, 8, 24), date(2027, 8, 25)]
    text = ("Counsellor\n\nApplications close 5pm, Friday 10 September 2027. Interviews are planned "
            "for Wednesday\n22 September 2027 at our office or by video.\n")
    assert interviews(text) == [date(2027, 9, 22)]


def test_a_deadlines_time_on_the_next_line_is_its_time() -> None:
    text = ("Directeur (H/F)\n\nLes candidatures sont à adresser avant le vendredi 21 mai 2027\n"
            "à 17 h, par courriel à recrutement@ville.example.fr.\n")
    assert found(text, "valid_through_date") == date(2027, 5, 21)
    assert found(text, "valid_through_time") == time(17, 0)
    text = ("Pharmacy Technician\nposted on\n06/28/2027\njob posting end date\n07/15/2027\n")
    assert found(text, "valid_through_date") == date(2027, 7, 15)


def test_an_email_says_to_apply_at_its_senders_address() -> None:
    text = ("From: Dan Price <dan.price@northguard.co.uk>\nTo: Employer Services <es@example.gov.uk>\n"
            "Subject: Vacancies\n\nSECURITY OFFICER\n\nCandidates can email their CV straight to me "
            "at the address above.\n")
    assert found(text, "apply_email") == "dan.price@northguard.co.uk"


def test_an_address_for_questions_is_none_to_apply_to_where_one_applies_online() -> None:
    text = ("Stage Technician\n\nPlease apply using the online application form on our website.\n"
            "For an informal chat, contact Sam at sam@oldmill.example.org.\n")
    assert found(text, "apply_email") is None
    text = ("Agent de port (H/F)\n\nDéposez votre CV et votre lettre en ligne avant la date limite. "
            "Pour une question sur\nvotre candidature : recrutement@region.example.fr.\n")
    assert found(text, "apply_email") is None
    text = ("Commercial (H/F)\n\n[ Postuler via GraphiJobs ]\n\nUne question sur cette offre ? "
            "Contactez la rédaction : offres@graphijobs.example.fr\n")
    assert found(text, "apply_email") is None
    # (applying online or in person is a choice: the agency's address stays)
    text = ("Préparateur (H/F)\n\nPostulez en ligne ou déposez votre CV à l'agence. Contact : "
            "meaux@interim.example.fr\n")
    assert found(text, "apply_email") == "meaux@interim.example.fr"


def test_the_address_of_a_form_returned_or_a_mailing_lists_own_address() -> None:
    text = ("Housing Caseworker\n\n[ Apply on recruiter's website ]\n\nDownload the pack and return "
            "the completed application form and monitoring form\nto jobs@lawcentre.example.org.\n")
    assert found(text, "apply_email") == "jobs@lawcentre.example.org"
    text = ("From: Kim Lee <klee@prairiezoo.example.ca>\nTo: keepers@lists.example.org\nSubject: JOB: "
            "Keeper\n\nTo apply, reply to me (off-list please!) with your resume.\n\n---\nKeepers "
            "mailing list\nTo post, send to keepers@lists.example.org.\n")
    assert found(text, "apply_email") == "klee@prairiezoo.example.ca"


def test_a_public_post_open_to_civil_servants_or_contract_staff_is_either() -> None:
    text = ("Agent de port (H/F)\n\nType d'emploi ........... Emploi permanent, ouvert aux fonctionnaires "
            "et, à défaut,\n                          aux agents contractuels\n")
    assert found(text, "employment_type") == EmploymentType.OTHER
    text = ("AVIS DE RECRUTEMENT\n\nLa Ville de Sorèze recrute par voie statutaire ou, à défaut,\n"
            "contractuelle un(e)\n\nDIRECTEUR DU CINÉMA (H/F)\n\nPoste permanent à pourvoir.\n")
    assert found(text, "employment_type") == EmploymentType.OTHER


def test_a_term_label_gives_the_start_and_the_duration() -> None:
    text = "Animal Care Attendant\n\nTERM: Seasonal, May 3 to October 29, 2027\nWAGE: $19/hour\n"
    assert found(text, "job_start_date") == date(2027, 5, 3)
    assert found(text, "duration_months") == 6


def test_a_classification_in_a_table_and_a_licences_grade() -> None:
    text = ("Counsellor\n\nClassification          SCHADS Level 5 (SCHADS Award 2010)\n"
            "Employment type         Fixed term\n")
    assert found(text, "category") == "SCHADS Level 5"
    text = ("Plant Operator\n\nLicense/Certificate: Possession of a valid Grade II Wastewater "
            "Treatment Plant Operator certificate.\n")
    assert found(text, "category") is None


def test_a_bodys_licence_is_a_permit_not_a_degree() -> None:
    assert education("Door Supervisor\n\nRequirements\n- You must hold an SIA licence\n") is None
    assert education("Juriste (H/F)\n\nProfil\n- Une licence en droit\n") == "Bac+3"


def test_a_boards_label_for_the_ads_reference() -> None:
    assert found("Commercial (H/F)\n\nRéférence annonce\nGE-27-0042\n\nDate de parution\n",
                 "reference") == "GE-27-0042"
