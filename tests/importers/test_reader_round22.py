"""Issue #15, rules written for the twenty-second round (after reading the twenty-first round's
misses), each for a class of layout or of wording rather than for the posting it was seen in.
Short texts written for these tests, in both languages where the class exists in both."""

from __future__ import annotations

from datetime import date

import pytest

from tests.importers.reading import employer, found, title
from tracker.importers.text_names_sentence import copyright_owner

# Titles ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "heading", "expected"), [
    ("Home / Jobs / Kiln Operator", "KILN OPERATOR", "Kiln Operator"),
    ("Accueil / Emplois / Régisseur·se son", "RÉGISSEUR·SE SON", "Régisseur·se son"),
])
def test_each_section_of_a_site_s_slashed_path_is_left_out(path: str, heading: str,
                                                            expected: str) -> None:
    text = f"POTTERY WORKS\nShop   Visit   Jobs\n\n{path}\n\n{heading}\nStoke · Permanent\n\n" \
           "We make tableware by hand.\n"
    assert title(text).casefold() == expected.casefold()


def test_a_post_s_own_slash_stays_after_the_site_s_sections() -> None:
    text = ("HARBOUR CO\n\nHome / Jobs / Deckhand / Ferry Crew\n\nDeckhand / Ferry Crew\n\n"
            "We run ferries.\n")
    assert title(text) == "Deckhand / Ferry Crew"


@pytest.mark.parametrize(("boxed", "expected"), [
    ("NOW HIRING: RAMP AGENT", "RAMP AGENT"),
    ("OFFRE D'EMPLOI – CARISTE (H/F)", "CARISTE"),
])
def test_a_forwarded_flyer_s_call_and_post_over_its_facts(boxed: str, expected: str) -> None:
    text = ("From: Ana Ruiz <ana@workforce.example.org>\nSubject: FW: flyer\n\nHi all, see below.\n"
            f"\n==========\n{boxed}\nNorth Field Depot\n==========\n\nWe load aircraft.\n\n"
            "THE DETAILS\nSchedule: Full-time\nPay: $20.00/hour\nBenefits: medical\n")
    assert title(text) == expected


@pytest.mark.parametrize(("contents", "section", "heading", "expected"), [
    ("IN THIS ISSUE\n> From the chair: a busy spring\n> Jobs in the network\n> Diary",
     "JOBS IN THE NETWORK", "VISITOR GUIDE (SEASONAL)", "VISITOR GUIDE"),
    ("In this issue\n1. Standards update\n2. Member jobs board", "2. MEMBER JOBS BOARD",
     "APPRENTICE INSTALLER – CERTIFICATE III IN ELECTROTECHNOLOGY", "APPRENTICE INSTALLER"),
    ("Au sommaire : Rencontres · Formation · Emploi", "💼 EMPLOI DANS LE RÉSEAU",
     "ANIMATEUR·RICE NATURE", "ANIMATEUR·RICE NATURE"),
])
def test_a_bulletin_s_ad_below_its_jobs_section(contents: str, section: str, heading: str,
                                                expected: str) -> None:
    text = (f"View this email in your browser\n\nTHE LINK\nMonthly news for members\n\n{contents}\n"
            f"\n----------\nFROM THE CHAIR\n----------\nA busy spring ahead for all members.\n"
            f"\n----------\n{section}\n----------\n\n{heading}\nKilbeg Centre, Westport\n\n"
            "We are a visitor centre on the coast.\n")
    assert title(text) == expected


@pytest.mark.parametrize(("heading", "expected"), [
    ("STAGIAIRE EN MARAÎCHAGE (BPREA)", "STAGIAIRE EN MARAÎCHAGE"),
    ("Apprentie fleuriste – CAP Fleuriste", "Apprentie fleuriste"),
    ("Apprentice Electrician – Certificate III in Electrotechnology", "Apprentice Electrician"),
    ("Trainee Accountant (NVQ Level 3)", "Trainee Accountant"),
])
def test_the_course_a_learner_s_post_prepares_after_its_name(heading: str, expected: str) -> None:
    assert title(f"Offres\n\n{heading}\n\nCandidatures par courriel.\n") == expected


def test_a_town_cued_by_its_postcode_after_the_post() -> None:
    text = ("Careers\n\nDock Hand – Lymington\n\nSpend the summer on the water.\n\n"
            "Registered office: The Quay, Lymington SO41 0AA.\n")
    assert title(text) == "Dock Hand"


def test_a_letterhead_said_again_on_each_page_is_no_heading() -> None:
    head = ("ÉPICERIES SOLIDAIRES DU NORD                 Fiche de poste n° ESN-07\n"
            "Association d'aide alimentaire                       Diffusion externe\n")
    text = (f"{head}\n                 FICHE DE POSTE\n        COORDINATEUR·RICE DES BÉNÉVOLES\n\n"
            "1. CONTEXTE\nL'association fait vivre douze épiceries.\n\n"
            f"{head}\n2. MISSIONS\nAnimer le réseau des bénévoles.\n")
    assert title(text) == "COORDINATEUR·RICE DES BÉNÉVOLES"


# Employers ------------------------------------------------------------------------------------


def test_a_name_going_by_its_first_word_in_a_possessive_drops_its_form() -> None:
    text = ("Careers\n\nMarina Assistant\n\nSpend the season on the water. Harbourline's Lymington "
            "marina has 420 berths.\nApply to careers@harbourline.co.uk.\n\n"
            "© 2027 Harbourline Marina Holdings Limited. Registered in England.\n")
    assert employer(text) == "Harbourline Marina Holdings"


@pytest.mark.parametrize(("line", "expected"), [
    ("© 2027 Kestrel Yard Brewing Company Ltd. Company No. 00000000. Privacy",
     "Kestrel Yard Brewing Company Ltd."),
    ("© 2027 Moorak Hill Estate Pty Ltd · ABN 00 000 000 000", "Moorak Hill Estate Pty Ltd"),
    ("Compagnie des Croisières du Val de Maine – SAS au capital de 120 000 € – RCS Angers",
     "Compagnie des Croisières du Val de Maine"),
])
def test_a_footer_s_name_ends_at_its_legal_form(line: str, expected: str) -> None:
    assert copyright_owner([line]) == (expected, line)


def test_the_footer_s_full_name_of_a_name_the_page_shortens() -> None:
    text = ("VAL DE MAINE\nCroisières · Location · Recrutement\n\nCapitaine de bateau (H/F)\n\n"
            "Depuis 1987, Val de Maine fait découvrir la Maine en bateau.\n\n"
            "Compagnie des Croisières du Val de Maine – SAS au capital de 120 000 € – RCS Angers\n")
    assert employer(text) == "Compagnie des Croisières du Val de Maine"


def test_the_fullest_of_the_names_that_lengthen_the_one_found() -> None:
    text = ("SENTINEL\nHome   Services   Careers\n\nSecurity Systems Engineer\n\nSentinel has been "
            "protecting homes since 1988.\n\nSentinel Fire & Security · Unit 7, Kingsweston Lane, "
            "Bristol BS11 0AA\n© 2027 Sentinel Fire & Security Systems Ltd. Registered in England.\n")
    assert employer(text) == "Sentinel Fire & Security Systems"


def test_a_job_board_s_own_footer_names_no_employer() -> None:
    text = ("PlayJobs Australia  |  Jobs in leisure, attractions & entertainment\n\n"
            "General Manager – Penrith\n\nZone Nine Entertainment\nPenrith NSW\n\n"
            "Zone Nine runs five centres.\n\n© 2027 PlayJobs Australia Pty Ltd · Privacy\n")
    assert employer(text) == "Zone Nine Entertainment"


def test_an_article_of_the_name_s_own_before_a_lower_case_word() -> None:
    text = ("LA PISTE AUX MARÉES\nÉcole des arts du cirque\n\nIntervenant·e cirque (F/H)\n\n"
            "Écrire à pedagogie@pisteauxmarees.fr.\n\n"
            "La Piste aux Marées · 7 quai des Frégates · 44600 Saint-Nazaire\n")
    assert employer(text) == "La Piste aux Marées"


@pytest.mark.parametrize(("lines", "expected"), [
    ("Employeur ............ Studio Cadence Danse (SARL, école de danse privée)",
     "Studio Cadence Danse"),
    ("Ferme de la Source Vive 🥕 maraîchage bio\n3 mars, 18:02", "Ferme de la Source Vive"),
])
def test_an_aside_after_the_name_is_left_out(lines: str, expected: str) -> None:
    assert employer(f"{lines}\n\nProfesseur·e de danse (H/F)\n\nCDD d'usage.\n") == expected


def test_a_branch_s_town_after_a_name_the_text_writes_alone() -> None:
    text = ("Offre\n\nCordiste (H/F)\n\nVertic'Intérim est l'agence des métiers en hauteur.\n\n"
            "Vertic'Intérim Marseille – 27 boulevard de Plombières, 13014 Marseille\n")
    assert employer(text) == "Vertic'Intérim"


def test_a_town_after_its_postcode_is_no_employer() -> None:
    text = ("BESSON-ROCHAT\nLa manufacture   Carrières\n\nHorloger·ère SAV\n"
            "Le Brassus (VD)  ·  Service après-vente  ·  Plein temps\n\n"
            "Besson-Rochat fabrique des montres depuis 130 ans.\n\n"
            "© 2027 Besson-Rochat Manufacture SA · Route de France 14 · 1348 Le Brassus · Suisse\n")
    assert employer(text) == "Besson-Rochat Manufacture"


# Contracts and dates --------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", ["You'll start a 4-year electrical apprenticeship with us.",
                                      "✅ A 4-year boatbuilding apprenticeship, fees paid"])
def test_an_apprenticeship_s_length(sentence: str) -> None:
    assert found(f"Apprentice Installer\n\n{sentence}\n", "duration_months") == 48


def test_applications_for_a_round_close() -> None:
    text = "Ramp Agent\n\nApply online. Applications for this round close May 7, 2027.\n"
    assert found(text, "valid_through_date") == date(2027, 5, 7)


@pytest.mark.parametrize(("line", "start", "months"), [
    ("This is a temporary appointment of approximately August 16, 2027 through November 19, "
     "2027.", date(2027, 8, 16), 3),
    ("📆 Seasonal: June 28 to September 5, 2027", date(2027, 6, 28), 2),
])
def test_a_period_of_work_opened_by_its_kind_or_an_estimate(line: str, start: date,
                                                           months: int) -> None:
    text = f"Party Host\n\nTemporary, part time.\n{line}\n\nApply online.\n"
    assert (found(text, "job_start_date"), found(text, "duration_months")) == (start, months)


def test_a_list_item_s_start_and_its_weekday() -> None:
    text = "Apprentice Boatbuilder\n\n✅ $24.50 an hour\n✅ Start Monday 15 February 2027\n"
    assert found(text, "job_start_date") == date(2027, 2, 15)


def test_a_comment_s_time_is_no_start() -> None:
    text = ("Jungle Fun\nMay 3 at 10:22 AM\n\nWe're hiring party hosts!\n\nSophie\n"
            "Is it OK if school starts on the 2nd?\nMay 4 · Like · Reply\n")
    assert found(text, "job_start_date") is None


def test_a_year_less_start_after_the_day_a_mail_was_sent() -> None:
    text = ("From: Ciara <ciara@example.ie>\nSent: Monday 19 July 2027 13:26\nSubject: FW: game "
            "masters\n\nPass this on!\n\nGame Master\nStart: from Thursday 5 August\n")
    assert found(text, "job_start_date") == date(2027, 8, 5)


def test_a_year_less_start_without_a_mail_s_day_has_no_year_guessed() -> None:
    assert found("Game Master\n\nStart: from Thursday 5 August\n", "job_start_date") is None
