"""Issue #15, rules written for the seventeenth round (after reading the sixteenth round's
misses), each for a class of layout or of wording rather than for the posting it was seen in.
Short texts written for these tests, in both languages."""

from __future__ import annotations

import pytest

from tests.importers.reading import employer, title
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
