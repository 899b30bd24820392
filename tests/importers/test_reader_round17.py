"""Issue #15, rules written for the seventeenth round (after reading the sixteenth round's
misses), each for a class of layout or of wording rather than for the posting it was seen in.
Short texts written for these tests, in both languages."""

from __future__ import annotations

import pytest

from tests.importers.reading import employer, found, title
from tracker.importers.requirements import degree_in_text, education_level
from tracker.importers.text import parse_text


def education(text: str) -> str | None:
    levels = [r.get("level") for r in parse_text(text).data().get("requirements", [])
              if r["kind"] == "education"]
    return levels[0] if levels else None


# Diplomas whose name says their level -------------------------------------------------------


@pytest.mark.parametrize(("label", "level"), [
    # France's diplômes d'État and titles at their RNCP level since their reform
    ("Diplôme d'État d'ambulancier (DEA) exigé", "Bac"),
    ("DEA obligatoire et AFGSU de niveau 2 à jour", "Bac"),
    ("Diplôme d'État d'aide-soignant exigé", "Bac"),
    ("BPJEPS Activités aquatiques et de la natation", "Bac"),
    ("DEJEPS animation sociale exigé", "Bac+2"),
    ("Titulaire du titre professionnel ECSR", "Bac+2"),
    ("BEPECASER ou titre professionnel d'enseignant de la conduite", "Bac+2"),
    ("DE d'audioprothésiste exigé", "Bac+3"),
    ("Diplôme d'État d'ergothérapeute", "Bac+3"),
    ("Diplôme d'État de masseur-kinésithérapeute", "Bac+5"),
    ("Certificat de capacité d'orthophoniste", "Bac+5"),
    # the English-speaking world's
    ("Year 12 (HSC) or equivalent", "Bac"),
    ("Matric (Grade 12) - a tertiary qualification in management is advantageous", "Bac"),
    ("Ontario Certificate of Qualification 310S, Red Seal endorsed", "cap_bep"),
    ("A diploma in Turfgrass Management (two-year college program)", "Bac+2"),
    ("A relevant tertiary qualification in social work", "Bac+3"),
    ("Tertiary qualifications in planning or a related discipline", "Bac+3"),
    ("A Level 7 degree (or higher) in social care", "Bac+3"),
    ("Degree in Landscape Architecture (NFQ Level 8)", "Bac+3"),
    ("BA or higher in translation or Japanese studies", "Bac+3"),
    ("PhD or MSc in analytical chemistry, or a BSc with 3+ years in a GLP lab", "Bac+3"),
    ("CIOL Diploma in Translation (DipTrans), or an MA in Translation", "Bac+5"),
])
def test_a_diploma_named_says_its_level(label: str, level: str) -> None:
    assert education_level(label) == level


def test_a_degree_offered_in_lieu_of_the_one_asked_is_not_the_level() -> None:
    label = ("An advanced university degree (master's or equivalent) in translation is required. "
             "A first-level university degree with two additional years of qualifying "
             "experience may be accepted in lieu of the advanced degree.")
    assert education_level(label) == "Bac+5"


def test_an_a_level_is_not_an_irish_framework_level() -> None:
    assert education_level("A levels or equivalent") == "Bac"
    assert education_level("A Level 7 degree in youth work") == "Bac+3"


def test_a_personal_licence_is_a_permit_not_a_degree() -> None:
    assert education_level("A personal licence (APLH Level 2) is desirable") is None


def test_a_clause_opening_on_an_article_and_the_degree_asks_for_it() -> None:
    assert degree_in_text(["Ce qu'on attend de toi :", "✅ le bac (bac pro accueil, c'est l'idéal)",
                           "✅ une première expérience d'accueil"]) is not None
    assert degree_in_text(["Ce que nous attendons :",
                           "- le BTS Métiers de l'esthétique-cosmétique-parfumerie ;"])[1] == "Bac+2"
    # ('en cours' of a diploma in progress is no class: the CAP is the lesser alternative)
    found = degree_in_text(["✔️ un CAP Monteur en optique-lunetterie (ou un BTS OL en cours, "
                            "on ne dira pas non !)"])
    assert found is not None and found[1] == "cap_bep"
    # (a diploma 'en cours de validité' is held)
    assert degree_in_text(["Pré-requis : CCA en cours de validité, être titulaire du "
                           "baccalauréat"])[1] == "Bac"
    # ('ont eu en cours': a class taken, no degree asked)
    assert degree_in_text(["Je vous écris car les BTS que vous avez eus en cours il y a deux "
                           "ans sont nos meilleurs serveurs"]) is None


@pytest.mark.parametrize("lines", [
    ["Un CAP esthétique, un diplôme d'aide-soignant ou une expérience en thermalisme sont bien "
     "sûr appréciés."],
    ["un CAP Équipier polyvalent du commerce ou un CAP vente est apprécié, sans être exigé ;"],
    ["Pas de diplôme exigé : nous formons nos recrues."],
    ["No formal qualifications are needed; what matters is your attitude."],
])
def test_alternatives_all_wished_for_or_no_diploma_needed_ask_no_level(lines: list[str]) -> None:
    assert degree_in_text(lines) is None


def test_an_item_offered_failing_the_one_before_lowers_its_level() -> None:
    text = ("Directeur d'accueil de loisirs (H/F)\n\nProfil :\n"
            "- BPJEPS Loisirs tous publics avec UC de direction ;\n"
            "- à défaut, BAFD complet avec engagement à entrer en formation BPJEPS ;\n"
            "- permis B.\n")
    assert education(text) is None
    text = text.replace("- à défaut, BAFD complet avec engagement à entrer en formation BPJEPS ;\n",
                        "")
    assert education(text) == "Bac"


# Titles ---------------------------------------------------------------------------------------


def test_a_post_set_off_under_a_sentence_pointing_at_it_is_the_title() -> None:
    text = ("Les Lunettes de Marion – Opticien indépendant\n12 juillet à 18:42 · 🌍\n\n"
            "👓 OFFRE D'EMPLOI 👓\n\nPour la remplacer pendant son congé, nous cherchons un(e) :\n\n"
            "➡️ Monteur-vendeur / Monteuse-vendeuse en optique\n\n📍 Annecy\n"
            "📄 CDD de 6 mois\n")
    assert title(text) == "Monteur-vendeur / Monteuse-vendeuse en optique"
    text = ("Kellys Garage\n5d · 🌐\n\n🔧 APPRENTICE WANTED 🔧\n\nWe're looking for a keen young "
            "person to start their apprenticeship with us as an\n\n👉 Apprentice Motor Mechanic 👈"
            "\n\nWe're a busy family garage in Callan.\n")
    assert title(text) == "Apprentice Motor Mechanic"
    # (the sentence's end wrapped onto a short line: 'cherche sa ou son' / 'futur(e) :')
    text = ("Auto-École du Parc\n3 j · 🌍\n\n📢 ON RECRUTE ! 📢\n\nNotre secrétaire part à la "
            "retraite après 19 ans derrière le comptoir, alors l'Auto-École du Parc cherche sa ou son"
            "\nfutur(e) :\n\n✨ SECRÉTAIRE D'AUTO-ÉCOLE ✨\n\n📍 Béthune\n")
    assert title(text) == "SECRÉTAIRE D'AUTO-ÉCOLE"


def test_a_section_heading_points_at_no_post() -> None:
    text = ("Hopfield Brewing · Leeds\n\nWE'RE HIRING 🍺 Brewer (full-time) 🍺\n\n"
            "We're after a Brewer to join the crew.\n\nWhat you'll bring:\n"
            "🍺 2+ years' commercial brewing experience\n🍺 a forklift licence\n")
    assert title(text) != "2+ years' commercial brewing experience"


def test_a_site_section_before_a_slash_is_a_breadcrumb() -> None:
    text = ("ARDEN VALE ARCHITECTS\n\nProjects    Studio    Careers    Contact\n\n"
            "Careers / Part 2 Architectural Assistant\n\nPart 2 Architectural Assistant\n"
            "Bristol studio\n\nWe are a 40-person practice.\n")
    assert title(text) == "Part 2 Architectural Assistant"


@pytest.mark.parametrize(("heading", "expected"), [
    ("APPRENTI(E) OPTICIEN(NE) – BTS OPTICIEN-LUNETIER", "APPRENTI(E) OPTICIEN(NE)"),
    ("Stagiaire chargé de communication (Master communication)", "Stagiaire chargé de communication"),
    ("Professeur de gestion – BTS Tourisme", "Professeur de gestion – BTS Tourisme"),
])
def test_the_diploma_a_learner_prepares_is_no_part_of_the_title(heading: str, expected: str) -> None:
    text = f"{heading}\n\nNous recrutons pour la rentrée de septembre.\n"
    assert title(text) == expected


def test_working_days_after_a_comma_are_terms_not_the_title() -> None:
    text = ("Subject: Vacancy – In-house Translator (German to English), Aberdeen, 3 days a week\n\n"
            "Dear members,\nA member firm in Aberdeen asked us to share this vacancy.\n")
    assert title(text) == "In-house Translator (German to English)"


# Employers ------------------------------------------------------------------------------------


@pytest.mark.parametrize("header", [
    "TALLOW REED ARCHITECTS            Position Description – BIM Coordinator            Page 1 of 3",
    "Tallow Reed Architects — Position Description                                   Page 1 of 3",
    "Tallow Reed Architects | Fiche de poste",
])
def test_a_documents_header_names_its_owner(header: str) -> None:
    text = (f"{header}\nDesign Technology | Sydney studio | Issued July 2027\n\n"
            "Position title:   BIM Coordinator\n\nThe BIM Coordinator operates the models for the "
            "project teams.\n")
    assert employer(text) == "Tallow Reed Architects"


def test_a_unit_heading_a_document_is_not_its_owner() -> None:
    text = ("Communauté de communes du Val d'Orne                           Page 1 sur 2\n"
            "Service ressources humaines – Fiche de poste n° 2027-41\n\nFICHE DE POSTE\n\n"
            "Intitulé du poste : Conseiller séjours groupes\n")
    assert employer(text) == "Communauté de communes du Val d'Orne"


def test_a_page_shortening_its_name_is_named_as_its_footer_writes_it() -> None:
    text = ("Larkin Hale | Careers          Search Jobs    Our Culture    Log In\n\n"
            "Project Architect\n\nJob ID: 2027-1183\n\n"
            "Larkin Hale is a 160-person architecture and interiors firm in Denver.\n\n"
            "Larkin Hale is an Equal Opportunity Employer.\n\n"
            "© 2027 Larkin Hale Architects, Inc. | Privacy Policy | Powered by Talentwise\n")
    assert employer(text) == "Larkin Hale Architects"
    text = text.replace("Larkin Hale Architects, Inc.", "Larkin Hale Technologies Private Limited")
    assert employer(text) == "Larkin Hale Technologies"  # (India's 'Private Limited' is a form)


def test_a_client_named_at_a_lines_end_goes_on_on_the_next() -> None:
    text = ("Used Car Sales Executive\n\nBrightgate Recruitment are delighted to be working "
            "exclusively with our client, Calder Motor\nGroup, a family-owned dealer with six sites "
            "in West Yorkshire.\n\nBasic £24,000 plus commission.\n")
    assert employer(text) == "Calder Motor Group"


@pytest.mark.parametrize(("org", "expected"), [
    ("Organization:              Larchmont University – Athletics & Recreation",
     "Larchmont University"),
    ("Établissement        Centre Optivue Audition de Pau – 22 boulevard des Pyrénées",
     "Centre Optivue Audition de Pau"),
])
def test_a_labelled_organisation_without_its_unit_or_its_address(org: str, expected: str) -> None:
    text = f"Campus Recreation Assistant\n\nJob ID:   48211\n{org}\nHours:   10 per week\n"
    assert employer(text) == expected


def test_a_campus_service_named_after_the_university_is_not_the_employer() -> None:
    text = ("PRAIRIE STATE UNIVERSITY  |  Human Resources  |  Employment Opportunities\n\n"
            "Residence Life Coordinator\n\nPosting Number   S02417P\n\n"
            "University Housing & Residence Life houses 4,600 students in 11 residence halls.\n\n"
            "Prairie State University is an Equal Opportunity employer.\n")
    assert employer(text) == "Prairie State University"
    # (a label's row under the title, an identifier after a wide gap, names no organisation)
    assert employer(text.replace("Prairie State University is", "The University is")) is None


def test_a_business_estate_is_an_address_not_an_employer() -> None:
    text = ("De : Karine Roux <k.roux@ambulances-causses.fr>\nÀ : anciens@ifa.fr\n"
            "Objet : Régulateur transport sanitaire – CDI\n\nBonjour à tous,\n\n"
            "Les Ambulances des Causses recrutent un régulateur.\n\n"
            "ZA de Grézan, 250 rue Tony-Garnier, 30000 Nîmes\n")
    assert employer(text) != "ZA de Grézan"


def test_the_head_of_a_business_posting_that_it_hires_names_it() -> None:
    text = ("Sophie Arnal • 2e\nDirectrice des Thermes de Salvanhac | Thermalisme & santé\n"
            "2 sem. • 🌐\n\n🌿 Saison 2027 : on recrute nos hydrothérapeutes ! 🌿\n\n"
            "Chaque année, de mars à novembre, nos curistes viennent soulager leurs rhumatismes.\n")
    assert employer(text) == "Thermes de Salvanhac"


def test_at_an_internet_providers_mail_the_local_part_spells_the_page() -> None:
    text = ("Kellys Motors\n5d · 🌐\n\n🔧 APPRENTICE WANTED 🔧\n\nA busy family garage in Callan.\n"
            "Email your CV to kellysmotors@eircom.net by Friday.\n")
    assert employer(text) == "Kellys Motors"


@pytest.mark.parametrize("sign_off", ["Belle fin de semaine,", "Bonne fin de semaine,"])
def test_a_signatures_line_its_address_spells_is_the_organisation(sign_off: str) -> None:
    text = ("De : Marine Le Bris <m.lebris@thalasso-keraval.fr>\nÀ : anciennes@ecole-esthetique.fr\n"
            "Objet : Offre d'emploi – Esthéticienne spa\n\nBonjour à toutes,\n\n"
            "Nous cherchons une esthéticienne. Répondez simplement à ce mail avec votre CV.\n\n"
            f"{sign_off}\n\nMarine Le Bris\nSpa Manager\nThalasso & Spa Keraval – Hôtel ★★★★\n"
            "Boulevard de la Plage – 56340 Carnac\n\n--\nVous recevez ce message en tant que membre "
            "de la liste des anciennes de l'École Rivage.\n")
    assert employer(text) == "Thalasso & Spa Keraval"
    assert found(text, "apply_email") == "m.lebris@thalasso-keraval.fr"


def test_a_role_at_a_site_gives_way_to_the_organisation_below() -> None:
    text = ("De : Fabrice Morin <f.morin@ucb.fr>\nObjet : Agents de silo moisson\n\nBonjour,\n\n"
            "Pour candidater, répondez simplement à ce mail.\n\nBonne fin de semaine,\n\n"
            "Fabrice Morin\nResponsable de site – Silos de Puiseaux\nUnion Céréalière de la Beauce\n"
            "06 71 28 44 90\n")
    assert employer(text) == "Union Céréalière de la Beauce"


@pytest.mark.parametrize("reply", ["Please reply directly to this email with your résumé.",
                                   "Répondez simplement à ce courriel avec votre CV."])
def test_a_message_saying_to_answer_it_is_applied_to_at_its_sender(reply: str) -> None:
    text = (f"From: Marc Thibault <mthibault@greensearch.ca>\nTo: Turf Candidates "
            f"<turf@lists.greensearch.ca>\nSubject: Golf Course Superintendent\n\nHello everyone,\n\n"
            f"{reply}\n\n--\nTo unsubscribe, write to\ndesinscription@greensearch.ca.\n")
    assert found(text, "apply_email") == "mthibault@greensearch.ca"


def test_education_items_joined_by_and_ask_for_the_higher() -> None:
    text = ("Assistant Librarian\n\nQualifications\n"
            "(a) hold a third-level degree (NFQ Level 7 or higher), and\n"
            "(b) hold a recognised master's degree in library and information studies, and\n"
            "(c) have a full driving licence.\n")
    assert education(text) == "Bac+5"


def test_a_certificate_left_without_a_level_as_an_alternative_gives_none() -> None:
    assert education_level("NZ Certificate in Health and Wellbeing (Level 4) or a relevant "
                           "tertiary qualification") is None
    assert education_level("Leaving Certificate in five subjects or equivalent") == "Bac"
    # (Australia's Certificate III is a trade's: cap_bep, the lesser alternative)
    assert education_level("Certificate III in Horticulture or Arboriculture, or higher") == "cap_bep"
    # (a length of experience in its stead: no level asked)
    assert education_level("Certificate III in Individual Support, or at least 6 months' "
                           "experience in disability support") is None
