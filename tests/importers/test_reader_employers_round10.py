"""Issue #15, tenth round: the rules that name a posting's employer, held on short texts
written for these tests (organisations the corpus does not hold), each test named for the
principle a reader applies, with examples in both languages."""

from __future__ import annotations

from tests.importers.reading import employer
from tracker.importers.text_names_check import clean_org


# A legal form written before the name (the French registers' way: 'SARL X', 'SNC X') is left
# out as one written after it, when the organisation also goes by its name alone.
def test_a_legal_form_before_the_name_is_left_out_when_the_name_goes_alone() -> None:
    text = ("De : Boulangerie Vernet <contact@boulangerie-vernet.fr>\n...\n"
            "SARL Boulangerie Vernet – depuis 1978\n")
    assert clean_org("SARL Boulangerie Vernet", text) == "Boulangerie Vernet"
    text = "Raison sociale : SNC Tabac de la Halle\nLe Tabac de la Halle recrute un vendeur.\n"
    assert clean_org("SNC Tabac de la Halle", text) == "Tabac de la Halle"
    text = "Kestrel Marine Ltd is hiring.\nAbout Kestrel Marine: a ship repair yard.\n"
    assert clean_org("Kestrel Marine Ltd", text) == "Kestrel Marine"


# The name written elsewhere without its form counts across a line's end ('... contacted by
# Fjordvik⏎Energi').
def test_the_name_alone_is_read_across_a_line_break() -> None:
    text = ("Fjordvik Energi AS · Bergen · Permanent\n...\nShortlisted candidates will hear "
            "from Fjordvik\nEnergi within two weeks.\n")
    assert clean_org("Fjordvik Energi AS", text) == "Fjordvik Energi"
    text = "Atelier Brunel SAS\n...\nLes candidatures sont à adresser à l'Atelier\nBrunel.\n"
    assert clean_org("Atelier Brunel SAS", text) == "Atelier Brunel"


# A name the text writes only with its form keeps it (conventions.md), wherever the form
# stands, and the form's letters inside another word or a register's line are no name alone.
def test_a_name_written_only_with_its_form_keeps_it() -> None:
    text = "SAS MEUNERIE DU LAY\nRecrute un conducteur de ligne\nSAS MEUNERIE DU LAY, 85 Luçon\n"
    assert clean_org("SAS Meunerie du Lay", text) == "SAS Meunerie du Lay"
    text = "Orrin Valve Works Pty Ltd\nOrrin Valve Works Pty Ltd is an equal opportunity employer.\n"
    assert clean_org("Orrin Valve Works Pty Ltd", text) == "Orrin Valve Works Pty Ltd"


def test_the_reader_drops_a_leading_form_on_a_whole_posting() -> None:
    text = ("De : Garage Lemoine <garage.lemoine@orange.fr>\nObjet : poste de mécanicien\n\n"
            "Bonjour,\nNous cherchons un mécanicien automobile en CDI, 39 h.\n"
            "Envoyez votre CV à garage.lemoine@orange.fr.\n\nCordialement,\nJean Lemoine\n"
            "SARL Garage Lemoine – 12 rue de la Gare, 79000 Niort\n")
    assert employer(text) == "Garage Lemoine"


# A possessive opening a name is the sentence's: 'Votre X', 'Our X' speak to the reader; 'Its
# X' points back at the body the sentence before names, whose unit X is.
def test_a_possessive_before_a_name_is_the_sentences() -> None:
    text = ("Été 2028\nVotre Boulangerie des Quatre Vents recrute un vendeur (H/F) !\n"
            "CDD de 2 mois, 35 h.\n")
    assert employer(text) == "Boulangerie des Quatre Vents"
    text = ("Seasonal Barista\nOur Harbourside Café is hiring a barista for the summer.\n"
            "Apply in store.\n")
    assert employer(text) == "Harbourside Café"
    text = ("Research Intern\nThe Calder Institute for Water Policy is an independent research "
            "body based in Denver. Its Drought Resilience Program seeks an intern for the "
            "spring.\nApply by 1 March.\n")
    assert employer(text) == "Calder Institute for Water Policy"


# A French article before a body's acronym ('L'URSSAF Bretagne', 'La CPAM du Var'), or before
# the word the body's own address is alone ('La Mutuelle ...' and ...@mutuelle.fr), is the
# sentence's; before a name of words it stays ('Le Fil Rouge', written so in a sentence too).
def test_a_french_article_before_an_acronym_is_the_sentences() -> None:
    text = ("L'UDAF de la Somme recrute un délégué mandataire (H/F)\nCDI, temps plein.\n"
            "Candidature à recrutement@udaf80.fr\n")
    assert employer(text) == "UDAF de la Somme"
    text = ("La Cram du Centre recrute 4 techniciens retraite en CDD !\nCandidatures à "
            "emploi@cram.fr\n")
    assert employer(text) == "Cram du Centre"


def test_a_header_in_capitals_keeps_the_words_the_text_writes_as_words() -> None:
    text = ("LE BOL D'AIR – Café-concert\nAdministrateur (H/F)\n"
            "Le Bol d'Air programme 80 concerts par an à Angers.\nCDI, temps plein.\n")
    assert employer(text) == "Le Bol d'Air"


# A name goes on with its adjective and its place ('Office de Tourisme intercommunal du
# Val-Sorel', 'Syndicat mixte du ...', 'Regional Council of ...'): the name in full.
def test_a_name_goes_on_with_its_adjective_and_place() -> None:
    text = ("CONSEILLER EN SÉJOUR (H/F)\nSyndicat mixte\nLe Syndicat mixte du Pays de Brière "
            "recrute un conseiller en séjour pour la saison.\n")
    assert employer(text) == "Syndicat mixte du Pays de Brière"
    assert clean_org("Centre hospitalier", "Le Centre hospitalier intercommunal de Vire "
                     "recrute.\nCentre hospitalier intercommunal de Vire, 4 rue X.\n") in (
        "Centre hospitalier intercommunal de Vire",)


# A relay is never the employer: a job board, a network's or a union's job exchange, a
# franchise network, a staffing or manning agency passes on someone else's post; the member,
# the client, the facility or the company operating the place is the employer.
def test_a_job_boards_header_gives_way_to_the_school_it_lists() -> None:
    text = ("Care Jobs North East › Support workers › Durham\nSupport Worker\n"
            "Elmfield House · Durham\n£12.60 per hour · Permanent\n"
            "Elmfield House is a care home for 40 residents. Elmfield House is recruiting a "
            "support worker.\n")
    assert employer(text) == "Elmfield House"


def test_a_client_named_by_a_label_is_the_agencys_employer() -> None:
    text = ("From: Sam Ortiz <sam@northgatestaffing.com>\nSubject: Payroll Specialist\n\n"
            "Hi Lee,\nHere is the role we discussed.\n\nJob Title: Payroll Specialist\n"
            "End Client: Lakeview School District\nPay rate: $32/hr\n\nThanks,\nSam Ortiz\n"
            "Recruiter | Northgate Staffing\n")
    assert employer(text) == "Lakeview School District"
    text = ("De : Julie Roux <julie@cap-emploi-btp.fr>\nObjet : Chef de chantier\n\nBonjour,\n"
            "Voici le poste dont nous avons parlé.\nClient : Bâtiments Garnier Frères\n"
            "CDI, 39 h.\n\nCordialement,\nJulie Roux\nChargée de recrutement – Cap Recrutement BTP\n")
    assert employer(text) == "Bâtiments Garnier Frères"


def test_the_company_operating_a_franchised_place_employs() -> None:
    text = ("Les P'tits Loups — Micro-crèches\nAuxiliaire petite enfance (H/F)\nNantes · CDI\n"
            "La micro-crèche Les P'tits Loups de Rezé est exploitée par la société\n"
            "Rezé Petite Enfance, franchisé indépendant du réseau.\n")
    assert employer(text) == "Rezé Petite Enfance"
    text = ("Harbor Coffee — Careers\nBarista\nPortland, OR\nThis store is independently "
            "operated by Cascade Bean Company, a licensee of Harbor Coffee.\n")
    assert employer(text) == "Cascade Bean Company"


def test_a_network_by_its_name_gives_way_to_its_local_member() -> None:
    text = ("Réseau des maisons de l'emploi — Région Sud\n"
            "La Maison de l'emploi de Salon-de-Provence recrute un(e) chargé(e) d'accueil.\n"
            "CDD de 6 mois.\nMaison de l'emploi de Salon-de-Provence – 12 cours Carnot\n")
    assert employer(text) == "Maison de l'emploi de Salon-de-Provence"


# A placement agency that names no client names no employer (a temping agency employs its
# temps and stays).
def test_a_placement_agency_without_a_named_client_is_no_employer() -> None:
    text = ("Redgum Talent\nSite Engineer – Civil\nMy client is a tier-2 civil contractor "
            "building a rail upgrade in regional Victoria.\nApply with your CV.\n")
    assert employer(text) is None


# A sentence recruiting runs on past a line's wrap; 'L'Office, ..., recrute' names the body
# named before, not a body called 'Office'.
def test_a_recruiting_sentence_is_read_across_the_wrap() -> None:
    text = ("Professeur de FLE\nChers collègues,\n"
            "L'Institut culturel franco-andin de Cusco, association membre du réseau de la\n"
            "Fondation pour la langue française, recrute un(e) professeur(e) pour 2028.\n")
    assert employer(text) == "Institut culturel franco-andin de Cusco"
    text = ("HABITAT DU VAL DE SAÔNE\nOffice public de l'habitat\n\n"
            "L'Office, bailleur social de 9 000 logements répartis sur le département,\n"
            "recrute un gardien d'immeubles.\n")
    assert employer(text) != "Office"


# The employer named nowhere but in words its contact address spells ('Garage du Val de
# Sèvre' and contact@garage-valdesevre.fr, a connector or a shortened word left out), when no
# other source names one; a free mail service's domain spells nobody.
def test_the_name_the_contact_domain_spells_is_a_last_guess() -> None:
    text = ("Objet : offre d'emploi – mécanicien (CDI)\n\nBonjour,\nAgent Renault depuis 1990, "
            "notre garage de 12 personnes cherche un mécanicien.\nLe Garage des Trois Ponts "
            "vous attend.\nCV à contact@garage-troisponts.fr\n")
    assert employer(text) == "Garage des Trois Ponts"
    text = ("Assistant(e) comptable\nCabinet Ravel Expertise, 14 salariés.\n"
            "CV : m.dupuis@cabinet-ravel-expert.fr\n")
    assert employer(text) == "Cabinet Ravel Expertise"
    text = "Bookkeeper\nSmall family business. Write to Jane Mills at janemills@gmail.com\n"
    assert employer(text) is None


# A pictograph opening a line is none of its sentence ('🎨 X recrute :'); a branch after a
# dash in the subject is the business's ('X - Store 31 (Ames, IA) is hiring'); 'At X we ...'
# names the business without a comma too.
def test_decoration_branch_and_subject_around_the_name() -> None:
    assert employer("🎨 Atelier Brisant recrute : graphiste freelance\nMission de 3 mois.\n") \
        == "Atelier Brisant"
    assert employer("Seasonal Cashier\nPine Ridge Grocers - Store 12 (Boise, ID) is hiring "
                    "cashiers for the summer.\n") == "Pine Ridge Grocers"
    assert employer("Lab Technician\nAt Corvale Diagnostics we test 5,000 samples a day.\n"
                    "Apply with your CV.\n") == "Corvale Diagnostics"
    assert employer("Hôte de caisse (H/F)\nVivadis, société franchisée de l'enseigne Primeur "
                    "Plus, exploite le supermarché de Dole.\nCDI, 24 h.\n") == "Vivadis"
