"""Issue #15, rules written for the nineteenth round (after reading the eighteenth round's
misses), each for a class of layout or of wording rather than for the posting it was seen in.
Short texts written for these tests, in both languages."""

from __future__ import annotations

import pytest

from tests.importers.reading import employer, found, title
from tracker.importers.requirements import education_level
from tracker.importers.text import parse_text


def interviews(text: str) -> list[str]:
    return [item["date"].isoformat() for item in parse_text(text).data().get("interviews", [])]


def start(text: str) -> str | None:
    value = found(text, "job_start_date")
    return value.isoformat() if value else None


# Titles ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("heading", "expected"), [
    ("Street Fundraiser (Leeds – Permanent, Full Time)", "Street Fundraiser"),
    ("Apprentice Barber (second year)", "Apprentice Barber"),
    ("APPRENTICE GARDENER (Level 2 Apprenticeship Standard)", "APPRENTICE GARDENER"),
    ("ALTERNANCE – TECHNICIEN(NE) DE LABORATOIRE", "TECHNICIEN(NE) DE LABORATOIRE"),
    ("MÉDECIN GÉNÉRALISTE EN EXERCICE LIBÉRAL", "MÉDECIN GÉNÉRALISTE"),
    ("Licensed Barber – Commission or Chair Rental", "Licensed Barber"),
])
def test_a_contract_s_terms_after_the_post(heading: str, expected: str) -> None:
    assert title(f"Jobs\n\n{heading}\n\nApply by e-mail.\n") == expected


@pytest.mark.parametrize(("heading", "where", "expected"), [
    ("Conseiller commercial (Lille)", "Poste basé à Lille.", "Conseiller commercial"),
    ("Field Interviewer – Casual (Regional Victoria)", "We interview across regional Victoria.",
     "Field Interviewer"),
    ("Engineer Surveyor – Lifts (Home-based, East Midlands)", "Location: Home-based",
     "Engineer Surveyor – Lifts"),
    ("Vendeur – centre commercial des Halles, Aix-en-Provence", "CDI à temps plein.", "Vendeur"),
    ("SKI TECHNICIANS – MORZINE", "Our shop in Morzine is busy all winter.", "SKI TECHNICIANS"),
])
def test_a_place_in_brackets_or_after_a_dash(heading: str, where: str, expected: str) -> None:
    assert title(f"Offres\n\n{heading}\n\n{where}\n") == expected


def test_a_line_cut_inside_its_bracket_is_no_heading() -> None:
    text = ("Mairie de Saint-Aubin-des-Prés\n12 mai, 18:04 · 🌍\n\n📢 LA COMMUNE RECRUTE 📢\n\n"
            "La commune de Saint-Aubin-des-Prés (2 100 habitants, 30 km² de bois, de landes et de\n"
            "marais) recrute son ou sa\n\n🌿 GARDE CHAMPÊTRE 🌿\n\nCandidatures en mairie.\n")
    assert title(text) == "GARDE CHAMPÊTRE"


def test_a_site_s_path_with_slashes_ends_in_the_post() -> None:
    text = ("ROWAN & FIELD\nHAIR · COLOUR · EDUCATION\nSalons   Book online   Careers\n\n"
            "Careers / Join the team / Senior Stylist\n\nSenior Stylist – Oxford\nJob ref: RF-27\n")
    assert title(text) == "Senior Stylist"


def test_a_boxed_heading_in_an_e_mail_and_a_box_s_label_alone() -> None:
    text = ("From: Careers Office <careers@college.example.ca>\nSubject: FW: Night crew wanted\n\n"
            "Hi all, passing this along.\n\n-----Original Message-----\n"
            "From: Rob <rob@peak.example.ca>\n\nHere's our posting.\n\n"
            "=====================================\nLIFT MECHANIC\nKestrel Ridge Resort, Golden, BC\n"
            "=====================================\n\nWe run twelve lifts.\n")
    assert title(text) == "LIFT MECHANIC"
    label = ("From: Comité <info@comite.example.fr>\nSubject: Offre d'emploi\n\nBonjour,\n\n"
             "==========================\nOFFRE TRANSMISE PAR LE CLUB\n"
             "==========================\n\nRESPONSABLE D'ÉCURIE (H/F)\n\nCDI à temps plein.\n")
    assert title(label) == "RESPONSABLE D'ÉCURIE"


def test_a_member_s_post_to_a_group_and_a_call_naming_posts_in_the_plural() -> None:
    group = ("Seasonaire Jobs – Alps 2026/27\nPublic group · 40K members\n\n"
             "Sam Holt ▸ Seasonaire Jobs – Alps 2026/27\n26 September at 19:42 · 🌍\n\n"
             "🎿 HIRING: SKI RENTAL TECHNICIANS 🎿\n\nWe're a family business in Tignes.\n")
    assert title(group) == "SKI RENTAL TECHNICIANS"
    call = ("Doorstep Giving\n16 March at 18:05 · 🌏\n\n"
            "🚪 NOW HIRING IN PERTH: DOOR-TO-DOOR FUNDRAISERS 🚪\n\n"
            "📈 Team Leader roles open up every few months\n")
    assert title(call) == "DOOR-TO-DOOR FUNDRAISERS"


# Employers ------------------------------------------------------------------------------------


def test_a_firm_called_by_one_of_its_words_goes_without_its_form() -> None:
    text = ("Responsable de rayon (H/F)\n\nEmployeur : Les Jardineries Ormeau SAS\n\n"
            "Ormeau, c'est 12 jardineries dans le Sud-Ouest.\n")
    assert employer(text) == "Les Jardineries Ormeau"
    town = ("Référent technique (H/F)\nLuzeau (44) · CDI\n\nLa micro-crèche de Luzeau est "
            "exploitée par la société Petit Pas Luzeau SAS, franchisé indépendant du réseau.\n")
    assert employer(town) == "Petit Pas Luzeau SAS"


def test_a_logo_s_mixed_case_is_no_writing_of_the_name() -> None:
    text = ("BRACKENWOOD  pest solutions\nHome   Services   Careers\n\nPest Control Technician\n\n"
            "About Brackenwood\nBrackenwood has protected homes since 1996.\n\n"
            "© 2027 Brackenwood Pest Solutions Ltd · Registered in England\n")
    assert employer(text) == "Brackenwood Pest Solutions"


def test_a_name_s_town_in_brackets_and_an_article_always_written() -> None:
    text = ("Secrétaire médicale (H/F)\nCentre d'imagerie du Lac (Annecy)\n\nCDD de 6 mois.\n")
    assert employer(text) == "Centre d'imagerie du Lac"
    article = ("L'Atelier des Pivoines\n3 mai, 09:12 · 🌍\n\n🌷 Apprenti·e fleuriste 🌷\n\n"
               "📍 L'Atelier des Pivoines, 4 rue du Port à Blois\n\nL'Atelier des Pivoines\n")
    assert employer(article) == "L'Atelier des Pivoines"


def test_a_brand_s_branch_named_by_its_town_belongs_to_the_group() -> None:
    text = ("Norvia | Carrières\n\nTechnicien de maintenance CVC (H/F)\n"
            "Agence Norvia Lyon Est – 4 rue Blum, 69100 Villeurbanne\n\n"
            "Norvia, c'est 900 collaborateurs en Auvergne-Rhône-Alpes.\n\n"
            "© 2027 Norvia Énergies Services SAS – Tous droits réservés\n")
    assert employer(text) == "Norvia Énergies Services"


def test_a_name_begun_at_the_end_of_the_line_above_its_verb() -> None:
    text = ("Camille Roux • 2e\nGéomètre-expert associée\n1 sem. • 🌐\n\n"
            "Après deux belles années (et une associée arrivée en janvier), Vallée Foncier\n"
            "Géomètres-Experts recrute :\n\n👉 un·e ingénieur·e géomètre\n")
    assert employer(text) == "Vallée Foncier Géomètres-Experts"


def test_a_person_s_headline_wrapped_is_no_page_s_name() -> None:
    text = ("Inès Barre • 2e\nTalent Acquisition Manager chez Orbis Relocation | Relocation & "
            "Destination\nServices\n3 j • Modifié • 🌐\n\n🌍 Alternance Master – on agrandit "
            "l'équipe !\n\nChez Orbis Relocation, on accompagne 2 000 salariés par an.\n")
    assert employer(text) == "Orbis Relocation"


# Dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "expected"), [
    ("Shortlisted applicants will be invited to a trial day in the salon on Tuesday 19 January 2027.",
     ["2027-01-19"]),
    ("Shortlisted stylists will be invited to a trade test on Monday 31 May 2027.", ["2027-05-31"]),
    ("You will be invited to a group assessment session on Wednesday 5 May 2027.", ["2027-05-05"]),
    ("Come to our Seasonal Job Fair on Saturday, October 10, 2026, 10:00 AM - 2:00 PM.",
     ["2026-10-10"]),
    ("On rencontrera les candidat·es à l'atelier les mercredis 9 et 16 juin 2027.",
     ["2027-06-09", "2027-06-16"]),
])
def test_days_of_selection_by_trial_or_test(line: str, expected: list[str]) -> None:
    assert interviews(f"Stylist\n\n{line}\n") == expected


def test_an_interview_day_cut_by_the_line_and_a_year_from_an_english_mail_header() -> None:
    cut = ("Apprenti(e) chauffagiste\n\nEnvoyez votre CV avant le mercredi 30 juin 2027. "
           "Je recevrai ceux qui me semblent motivés à l'atelier le samedi 3\n"
           "juillet 2027 au matin.\n")
    assert interviews(cut) == ["2027-07-03"]
    mail = ("From: Liste Radiologues <annonces@radio.example.org>\n"
            "Date: Tue, 21 Sep 2027 08:15:03 +0200\nSubject: Téléradiologie\n\n"
            "Les entretiens se tiendront en visio le jeudi 7 octobre, en fin de journée.\n")
    assert interviews(mail) == ["2027-10-07"]


@pytest.mark.parametrize(("lines", "expected"), [
    ("Season dates (approximate, weather permitting): November 14, 2026 - April 11, 2027",
     "2026-11-14"),
    ("Contract period       Friday 4 June 2027 to Sunday 3 October 2027", "2027-06-04"),
    ("Employment Type: Seasonal / Temporary (June 7 - August 27, 2027)", "2027-06-07"),
    ("Next induction: Monday 10 May 2027", "2027-05-10"),
    ("Début de mission\n03/05/2027", "2027-05-03"),
])
def test_the_start_of_a_period_or_under_its_label(lines: str, expected: str) -> None:
    assert start(f"Lift Operator\n\n{lines}\n") == expected


# Diplomas -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("label", "level"), [
    ("BP Fleuriste exigé", "Bac"),
    ("Titulaire d'un BTSA Production horticole", "Bac+2"),
    ("Minimum VTCT Level 2 in Nail Technology (or equivalent)", "cap_bep"),
    ("City & Guilds Level 3 in hairdressing", "Bac"),
])
def test_trade_diplomas_by_their_level(label: str, level: str) -> None:
    assert education_level(label) == level
