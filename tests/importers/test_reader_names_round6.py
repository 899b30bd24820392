"""Issue #15 item 3, sixth round: the rules that find a posting's title and employer by the
role a line plays on the page, held on short texts written for these tests (publishers and
places the corpus does not hold): a company's legal form of any country left out when the text
also names it without one, a town after the post known by a cue, a department's number or the
gazetteer, lead-ins and labels before the post, an e-mail's ad heading over its subject, a
ministry's agency and a company's unit."""

from __future__ import annotations

from tracker.importers.text import parse_text
from tracker.importers.text_names_check import clean_org, names_place
from tracker.importers.text_places import is_place
from tracker.importers.text_title_place import trim_place


def _names(text: str) -> tuple[str | None, str | None]:
    parsed = parse_text(text)
    found = parsed.get("title"), parsed.get("hiring_organization_name")
    return tuple(f.value if f is not None else None for f in found)  # type: ignore[return-value]


def test_legal_forms_of_other_countries_are_left_out_when_the_text_drops_them() -> None:
    for form in ("AS", "AB", "Oy", "ApS", "BV", "S.r.l.", "GmbH", "Pty Ltd"):
        text = f"Data analyst\n\nTroll Harbour Systems {form}\n\nTroll Harbour Systems builds ..."
        assert clean_org(f"Troll Harbour Systems {form}", text) == "Troll Harbour Systems"


def test_a_legal_form_stays_when_the_text_names_the_company_only_with_it() -> None:
    text = "KESTREL HOLDINGS PTE. LTD.\nAccounts assistant\nKestrel Holdings Pte. Ltd. seeks ..."
    assert clean_org("Kestrel Holdings Pte. Ltd.", text) == "Kestrel Holdings Pte. Ltd."


def test_the_gazetteer_is_one_table_for_countries_and_towns() -> None:
    assert is_place("Lausanne") and is_place("Nairobi") and is_place("Belgique")
    assert not is_place("Supply Chain") and not is_place("EUR")
    assert names_place("Nairobi, Kenya") and not names_place("Kenya Red Cross, Kenya")


def test_a_town_after_the_post_is_left_out_when_its_role_shows_it_is_one() -> None:
    # cued elsewhere by 'in X' (not a language)
    text = "Shepherd – Glen Affric\n\nOur farm in Glen Affric runs 900 ewes."
    assert trim_place("Shepherd – Glen Affric", text) == "Shepherd"
    # a French department's number
    assert trim_place("Chaudronnier – Issoire (63)", "Chaudronnier – Issoire (63)") == "Chaudronnier"
    # a town of the gazetteer, after a comma
    assert trim_place("Analyste crédit, Lausanne", "Analyste crédit, Lausanne") == "Analyste crédit"
    # an unknown capitalised part, never named as a place, stays
    assert trim_place("Tutor – Academic Writing", "Tutor – Academic Writing") == \
        "Tutor – Academic Writing"


def test_a_label_or_a_notice_subject_before_the_post_is_no_part_of_it() -> None:
    from tracker.importers.text_heading import clean_title

    assert clean_title("Name of the post: Field Assistant-II") == "Field Assistant-II"
    assert clean_title("Intitulé du poste : Agent de quai") == "Agent de quai"
    assert clean_title("RECRUITMENT OF JUNIOR SURVEYOR (CIVIL)") == "JUNIOR SURVEYOR (CIVIL)"
    assert clean_title("Filling up of the post of Deputy Registrar on deputation basis") == \
        "Deputy Registrar"
    assert clean_title("URGENT VACANCY – SECOND OFFICER") == "SECOND OFFICER"


def test_the_terms_after_a_bar_or_a_range_of_percents_are_no_part_of_the_post() -> None:
    from tracker.importers.text_heading import clean_title

    assert clean_title("Site Supervisor | 9 Month Contract") == "Site Supervisor"
    assert clean_title("Physiothérapeute (60-80 %)") == "Physiothérapeute"


def test_the_employer_written_after_the_post_is_left_out_not_a_unit() -> None:
    from tracker.importers.text_heading import clean_title

    assert clean_title("Water Engineer – Murray Basin Water Authority") == "Water Engineer"
    assert clean_title("Survey Officer in the Coastal Survey Board") == "Survey Officer"
    # a unit naming where the post is stays: the convention keeps it
    assert clean_title("Academic Advisor - School of Nursing") == "Academic Advisor - School of Nursing"


def test_the_heading_of_the_ad_an_email_carries_beats_its_subject() -> None:
    text = (
        "From: Job Centre <jobs@jobcentre.example>\n"
        "Subject: Fwd: offre soudeur – atelier de Pontarlier\n\n"
        "Bonjour, je vous transmets l'offre ci-dessous.\n"
        "Claire Vernet, conseillère emploi\n\n"
        "-------- Message transféré --------\n\n"
        "SOUDEUR TIG / MIG (H/F)\n"
        "CDI à temps plein\n\nLes Ateliers Vuillet recrutent un soudeur pour leur atelier.\n")
    assert _names(text)[0] == "SOUDEUR TIG / MIG"


def test_a_short_line_heading_a_block_of_facts_in_an_email_is_the_post() -> None:
    text = (
        "From: Sam Recruiter <sam@agency.example>\n"
        "Subject: Great gig near Spokane - starts soon!\n\n"
        "Hi Jo,\n\nHere is the contract we talked about, let me know.\n\n"
        "Cath Lab Tech\n"
        "Facility: Basalt Ridge Hospital, Spokane, WA\n"
        "Shift: Days, 4x10\nLength: 13 weeks\n")
    assert _names(text)[0] == "Cath Lab Tech"


def test_a_subject_says_only_that_a_post_is_offered_and_names_the_employer_after_a_comma() -> None:
    text = ("From: Careers <careers@college.example>\n"
            "Subject: Job opportunity – Layout Artist, Driftwood Pictures\n\n"
            "Hi all,\nDriftwood Pictures asked us to share this role with you. Apply to them.\n")
    assert _names(text)[0] == "Layout Artist"


def test_a_pay_class_in_brackets_is_no_part_of_the_post() -> None:
    from tracker.importers.text_heading import clean_title

    assert clean_title("Forest Technician (Natural Resource Technician 2)") == "Forest Technician"
    assert clean_title("Instructional Assistant (Life Skills)") == "Instructional Assistant (Life Skills)"


def test_the_trades_a_heading_names_are_known_as_posts() -> None:
    from tracker.importers.text_names_layout import post_word

    for word in ("Compositor", "Polisseuse", "Encadrant·e technique", "Hospitalist", "Machiniste",
                 "Deckhand", "Sommelier"):
        assert post_word(word)


def test_a_company_line_over_the_heading_of_a_trade_is_the_header_not_the_title() -> None:
    text = ("ATELIERS DUBOIS-VERMOT SA\nDécolletage de précision – Moutier (BE)\n\n"
            "Nous cherchons un·e\n\nDécolleteur / Décolleteuse CNC\n\nTaux d'activité\n100 %\n")
    title, employer = _names(text)
    assert title == "Décolleteur / Décolleteuse CNC"
    assert employer == "Ateliers Dubois-Vermot SA"


def test_an_employer_that_wishes_to_engage_or_a_classified_abbreviation_recruits() -> None:
    text = ("Lausanne, le 3 mars 2027\nFiduciaire Rochat & Fils SA, fiduciaire vaudoise, "
            "souhaite engager un·e\n\nCOMPTABLE – 60 %\n\nEntrée en fonction : à convenir\n")
    assert _names(text)[1] == "Fiduciaire Rochat & Fils SA"
    text = ("EMPLOI — OFFRES\nCommerce\nCRÊPIER H/F\nCrêperie-grill La Bolée d'Armor rech. "
            "crêpier, CDD 4 mois. Se présenter au restaurant. La crêperie est fermée le lundi.\n")
    assert _names(text)[1] == "La Bolée d'Armor"


def test_a_brand_before_an_article_is_kept_a_trade_is_not() -> None:
    text = "Biomarché Les Halles recrute\n\nVendeur H/F\n\nÉcrire à emploi@biomarche-halles.fr\n"
    assert _names(text)[1] == "Biomarché Les Halles"


def test_an_organisation_that_says_it_is_the_body_is_the_employer() -> None:
    text = ("Skarvik Harbour Authority (Skarvik IKS) is the port company of the three "
            "municipalities around the fjord.\n\nWe are looking for a Pilot Boat Skipper\n\n"
            "Apply by 1 March 2027.\n")
    assert _names(text)[1] == "Skarvik Harbour Authority"


def test_the_agency_that_hires_not_its_ministry_or_department() -> None:
    text = ("Water Quality Analyst\nDEPARTMENT OF AGRICULTURE / Forest Service\n"
            "Ogden, UT\nSalary: $52,000 to $68,000 per year\n")
    assert _names(text)[1] == "Forest Service"
    text = ("Government of India\nMinistry of Mines\nGeological Survey of India\n"
            "Kolkata – 700016\n\nVACANCY CIRCULAR\n\nThe Survey invites applications.\n")
    assert _names(text)[1] == "Geological Survey of India"


def test_a_unit_below_the_ministry_is_no_employer() -> None:
    from tracker.importers.text_names_employer import own_body

    lines = ["Ministry of Finance", "Directorate of Budget Office", "Budget Analyst"]
    assert own_body("Ministry of Finance", "Ministry of Finance", lines, lambda line: True,
                    lambda line: "Analyst" in line) is None


def test_a_header_naming_an_organisation_and_where_it_is_names_the_employer() -> None:
    text = ("Maison de Quartier des Tilleuls – Grenoble\nPublié le 2 mars 2027\n\n"
            "Animateur socioculturel (H/F)\n\nMissions\nAnimer les ateliers du mercredi.\n")
    assert _names(text)[1] == "Maison de Quartier des Tilleuls"


def test_a_site_header_with_its_job_opportunities_names_its_owner() -> None:
    text = ("Brakstad Subsea — Job Opportunities\nPosted on 2027-02-01\n\nROV Pilot\n"
            "Location: offshore\n\nBrakstad Subsea operates twelve work-class ROVs.\n")
    assert _names(text)[1] == "Brakstad Subsea"


def test_the_name_under_the_heading_with_a_legal_form_in_lower_case() -> None:
    text = ("Soudeur-monteur\nAtelier Gosselin-Métal inc.\nLévis, QC\n\nQui sommes-nous?\n"
            "Fondé en 1990, Atelier Gosselin-Métal fabrique des structures d'acier.\n")
    assert _names(text)[1] == "Atelier Gosselin-Métal"


def test_an_entity_or_agency_label_names_the_employer_not_the_group_header() -> None:
    text = ("Groupe Ferroviaire — Recrutement\nNos métiers | Nos offres\n\n"
            "Agent de circulation H/F\nRéférence : 2027-1\nEntité : Ferroviaire Infra\n")
    assert _names(text)[1] == "Ferroviaire Infra"
    text = ("Program Specialist\nAgency: Dept of Coastal Resources | Division: Permits\n"
            "The Department of Coastal Resources protects the shore.\n")
    assert _names(text)[1] == "Department of Coastal Resources"


def test_a_labelled_employer_stops_at_the_next_cell_of_its_table_row() -> None:
    text = "Eligibility Worker\nAgency: County of Marlow   Address: 1 Main Street, Marlow\n"
    assert _names(text)[1] == "County of Marlow"


def test_the_longer_name_the_text_always_writes_is_the_name() -> None:
    text = "Cariste H/F\n\nTransports du Lac de Joux, transporteur de 80 salariés, recrute.\n"
    assert clean_org("Transports du Lac", text) == "Transports du Lac de Joux"
    text = ("Ministère de l'Agriculture et des Forêts domaniales\nJuriste (m/f)\n"
            "Ministère de l'Agriculture et des Forêts domaniales – service juridique\n")
    assert clean_org("Ministère de l'Agriculture et des Forêts", text) == \
        "Ministère de l'Agriculture et des Forêts domaniales"
    # a verb after the name is no part of it
    assert clean_org("Ville de Sion", "Ville de Sion engage\nJardinier (H/F)\n") == "Ville de Sion"


def test_a_body_that_commits_to_something_recruits_no_one() -> None:
    text = ("Banque Populaire du Morvan — Carrières\nNos offres | Alternance\n\n"
            "Chargé d'accueil (F/H)\n\nMissions\nAccueillir les clients.\n\n"
            "La Banque Populaire du Morvan s'engage en faveur de la diversité.\n")
    assert _names(text)[1] == "Banque Populaire du Morvan"


def test_a_unit_found_as_the_employer_gives_way_to_the_company_it_belongs_to() -> None:
    from tracker.importers.text_names_employer import unit_owner

    text = "La Direction Exploitation du Réseau de la TPG recrute un chauffeur."
    assert unit_owner("Direction Exploitation du Réseau de la TPG", [], text) == "TPG"
    text = ("Le Site de Production de Cordemais compte 400 salariés d'Energia Ouest.\n"
            "Energia Ouest recrute un technicien.")
    assert unit_owner("Site de Production de Cordemais", ["Site de Production de Cordemais",
                                                          "Energia Ouest"], text) == "Energia Ouest"
    # the body's own name that opens with a unit's word stays
    assert unit_owner("Department of the Navy", [], "Department of the Navy hires.") is None
    assert unit_owner("Service public de Wallonie", ["Wallonie"],
                      "Le Service public de Wallonie engage.") is None


def test_one_street_recogniser_serves_the_title_check_and_the_letterhead() -> None:
    from tracker.importers.text_names_check import plausible_title
    from tracker.importers.text_names_sentence import address_named

    assert not plausible_title("14 allée des Tilleuls") and not plausible_title("Unit 4, 9 Dock Road")
    assert address_named(["Menuiserie Le Goff – 3, place du Marché – 29200 Brest"]) == (
        "Menuiserie Le Goff", "Menuiserie Le Goff – 3, place du Marché – 29200 Brest")
    assert address_named(["Harbour Joinery Ltd, Unit 4, 12 Mill Road, Hull"])[0] == \
        "Harbour Joinery Ltd"  # type: ignore[index]


def test_marks_adjectives_a_purpose_and_a_notice_s_words_around_the_post_are_left_out() -> None:
    from tracker.importers.text_heading import clean_title

    assert clean_title("✅ Préparateur de commandes") == "Préparateur de commandes"
    assert clean_title("experienced Line Producer") == "Line Producer"
    assert clean_title("Level Designer for mobile puzzle game") == "Level Designer"
    assert clean_title("Teacher for Special Educational Needs") == \
        "Teacher for Special Educational Needs"
    assert clean_title("Support Worker for adults with autism") == \
        "Support Worker for adults with autism"
    assert clean_title("Junior Assistant (Fire Service) Recruitment 2027 – Apply Online for 90 Posts") \
        == "Junior Assistant (Fire Service)"


def test_the_employer_s_acronym_before_the_post_is_left_out_not_a_trade_s() -> None:
    text = ("Jobs portal\nPMA Junior Surveyor Recruitment 2027 – Apply Online\n"
            "Port Maritime Authority has released the notification.\n")
    assert _names(text)[0] == "Junior Surveyor"
    text = "QA Tester\nQuality Assurance team, Brightforge Games.\nApply now.\n"
    assert _names(text)[0] == "QA Tester"


def test_an_organisation_alone_on_its_line_below_the_heading_is_a_guess_for_the_employer() -> None:
    text = ("JobsDaily – Latest Jobs\nSenior Draughtsman Vacancy\nPost Date : 2 May 2027\n"
            "Port Trust of Kandla\nAdvt. No. 3/2027\nLast date: 30 May 2027\n")
    assert _names(text)[1] == "Port Trust of Kandla"


def test_the_practice_not_the_doctor_who_signs_employs() -> None:
    text = ("Remplacement médecin généraliste\nPubliée le 1/03/2027 par Dr Paul Lemaire\n\n"
            "Cabinet dentaire des Tilleuls, cabinet de trois praticiens en centre-ville.\n"
            "Contact : Dr Paul Lemaire\n")
    assert _names(text)[1] == "Cabinet dentaire des Tilleuls"


def test_a_signature_s_post_is_no_office_its_organisation_after_the_comma_is_the_employer() -> None:
    text = ("From: Ana Ruiz <ana@kelpworks.example>\nSubject: Vacancy\n\nHi all,\n\n"
            "Please share.\n\nKind regards,\nAna Ruiz\nOffice Manager, Kelp Works Marine\n")
    assert _names(text)[1] == "Kelp Works Marine"


def test_a_recruiter_s_aside_in_brackets_may_be_long_and_a_kind_of_body_before_its_name_goes() -> None:
    text = ("Objet : offre\n\nLa Savonnerie du Vercors S.A.S. (45 salariés, savons et cosmétiques "
            "naturels, site certifié bio depuis 2009 et labellisé entreprise du patrimoine vivant) "
            "recherche pour son atelier :\n\nOPÉRATEUR DE FABRICATION (H/F)\n")
    assert _names(text)[1] == "La Savonnerie du Vercors S.A.S."
    text = ("L'association Les Amis du Bocage (40 salariés) recrute pour son foyer :\n\n"
            "Éducateur spécialisé (H/F)\n")
    assert _names(text)[1] == "Les Amis du Bocage"


def test_a_social_post_s_age_and_an_emoji_call_are_no_heading() -> None:
    text = ("Jeanne Morel • 2e\nGérante chez Atelier Morel\n3 sem. • 🌐\n🎉 On recrute à Lyon !\n"
            "Notre atelier de 12 personnes est à la recherche d'un tapissier décorateur pour "
            "renforcer son équipe.\n")
    assert _names(text)[0] != "3 sem. • 🌐" and _names(text)[0] != "On recrute"


def test_a_college_that_will_elect_names_the_post_it_elects() -> None:
    text = ("Location: Cambridge\nSalary: £21,000\n\nThe Governing Body of St Swithun's, drawing "
            "on a bequest, will elect several Junior Research Fellows, whose tenure begins in "
            "October.\n")
    assert _names(text)[0] == "Junior Research Fellow"


def test_a_schedule_after_the_post_and_a_board_s_physician_jobs_header_are_no_part_of_it() -> None:
    text = ("HealthJobsNet — Nurse Jobs\nHome / Nursing / Critical Care / Nevada\n\nCharge Nurse - 7 on/7 off - Reno, NV\n"
            "Sierra Valley Hospital\n")
    assert _names(text)[0] == "Charge Nurse"


def test_a_hospital_a_group_mentions_stays_the_employer() -> None:
    from tracker.importers.text_names_employer import unit_owner

    text = ("Le Centre Hospitalier de Dax recrute. Il est membre du GHT des Landes.")
    assert unit_owner("Centre Hospitalier de Dax", ["Centre Hospitalier de Dax", "GHT des Landes"],
                      text) is None


def test_a_line_saying_a_body_recruits_for_a_season_is_no_title() -> None:
    text = "Ferme des Grands Prés recrute pour la saison estivale !\n\nRejoignez notre équipe.\n"
    assert _names(text)[0] != "Ferme des Grands Prés recrute"
