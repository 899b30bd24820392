"""The text importer on the cases the issue names: dates in both languages, doubtful dates
flagged rather than accepted, requirement groups, and any input at all without a crash."""

from __future__ import annotations

from datetime import date, time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.importers.base import SURE
from tracker.importers.dates import find_dates
from tracker.importers.text import parse_text


def test_french_numeric_dates_are_day_first_and_two_digit_years_expand():
    assert [d.value for d in find_dates("avant le 03/05/24 ou le 1.2.2025", "fr")] == [
        date(2024, 5, 3), date(2025, 2, 1)]


def test_month_names_in_each_language_only():
    assert [d.value for d in find_dates("Prise de poste : 1er juin 2024", "fr")] == [
        date(2024, 6, 1)]
    assert [d.value for d in find_dates("Closing date: 28 August 2022", "en")] == [
        date(2022, 8, 28)]
    assert [d.value for d in find_dates("August 5, 2025 and 7th Dec 2025", "en")] == [
        date(2025, 8, 5), date(2025, 12, 7)]
    # English month names are not read in a French posting, nor French ones in English.
    assert find_dates("28 August 2022", "fr") == []
    assert find_dates("3 juin 2024", "en") == []


def test_english_deadline_with_time_and_zone():
    found = parse_text("Lecturer in History\nClosing date: 28 August 2022 at 23:59 BST\n").data()
    assert found["valid_through_date"] == date(2022, 8, 28)
    assert found["valid_through_time"] == time(23, 59)
    assert found["timezone"] == "Europe/London"


def test_interviews_without_a_year_take_the_deadlines():
    text = ("Research Assistant\nClosing date: 28 August 2022\n"
            "Interviews will be held on 15 or 16 September.\n")
    interviews = parse_text(text).data()["interviews"]
    assert [i["date"] for i in interviews] == [date(2022, 9, 15), date(2022, 9, 16)]


def test_an_ambiguous_numeric_english_date_is_flagged_not_accepted():
    parsed = parse_text("Project Officer\nDeadline: 06/08/2025\n")
    finding = parsed.get("valid_through_date")
    assert finding.review and "ambiguous" in str(finding.review)
    assert "valid_through_date" not in parsed.data()


def test_a_deadline_years_away_from_the_posting_date_is_flagged():
    parsed = parse_text("Chargé de mission\nPublié le 02/03/2024\n"
                        "Date limite de candidature : 15/04/2027\n")
    assert "implausible" in str(parsed.get("valid_through_date").review)
    assert "valid_through_date" not in parsed.data()
    assert parsed.data()["date_posted"] == date(2024, 3, 2)


def test_a_date_under_a_duration_label_is_flagged():
    parsed = parse_text("Gestionnaire\nCDD\nDurée :\n01/09/2024\n")
    flagged = [f for f in parsed.findings if f.field == "duration_months" and f.review]
    assert flagged and "date" in str(flagged[0].review)
    assert "duration_months" not in parsed.data()


def test_a_start_before_the_deadline_is_flagged():
    parsed = parse_text("Technicien\nDate limite de candidature : 30/06/2024\n"
                        "Prise de poste : 1er juin 2024\n")
    assert "before the deadline" in str(parsed.get("job_start_date").review)


def test_english_requirement_groups_essential_and_desirable():
    text = """Programme Officer
Essential criteria
- A Master's degree in international relations or a related field
- At least 3 years of experience in project management
- Fluent English (C1)
Desirable criteria
- Knowledge of French
"""
    reqs = parse_text(text).data()["requirements"]
    assert [(r["kind"], r["level"], r["required"]) for r in reqs] == [
        ("education", "Bac+5", True), ("experience", None, True), ("language", "C1", True),
        ("knowledge", None, False)]


def test_only_a_level_of_study_the_fit_reads_is_kept():
    text = ("Ingénieur\nProfil recherché\n- Diplôme d'ingénieur (Bac + 6)\n"
            "- Bac + 4 en droit\n- Anglais courant (B2)\n")
    reqs = parse_text(text).data()["requirements"]
    assert [(r["kind"], r["label"], r["level"]) for r in reqs] == [
        ("education", "Diplôme d'ingénieur (Bac + 6)", None),
        ("education", "Bac + 4 en droit", "Bac+4"), ("language", "Anglais courant", "B2")]
    alone = parse_text("Ingénieur\nTitulaire d'un Bac + 7 en informatique\n")
    assert [r["level"] for r in alone.data()["requirements"]] == [None]


def test_each_value_comes_with_its_snippet_and_a_confidence():
    parsed = parse_text("Chargé de mission\n- Quotité : 80 %\n- CDD 12 mois\n")
    working = parsed.get("working_time_percent")
    assert working.value == 80 and "Quotité : 80 %" in working.snippet
    assert 0 < working.confidence <= 1
    assert parsed.get("duration_months").value == 12


@settings(deadline=500, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_any_text_is_read_without_a_crash_and_in_bounded_time(text):
    parsed = parse_text(text)
    parsed.data()
    parsed.as_dict()


_POSTING_WORDS = st.sampled_from([
    "Date limite de candidature :", "Closing date:", "CDD", "6 mois", "Quotité : 100 %",
    "entretien le", "interviews will be held on", "13/05/2024", "31/02/99", "29 février 2023",
    "1er juin", "August 5, 2025", "Essential criteria", "- ", "• Savoir-faire :", "\n", " ",
    "£20,923 to £23,631", "anglais B2", "Bac + 5", "@", "x@y.fr", "Durée :", "COMPÉTENCES",
])


@settings(deadline=500, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_POSTING_WORDS, max_size=200).map("".join))
def test_posting_like_noise_is_read_without_a_crash(text):
    parse_text(text).data()


def test_a_29_february_without_a_year_after_the_deadline_is_no_crash():
    # Found by hypothesis: a day without a year moved to the next year may not exist there.
    parse_text("Date limite de candidature : 13/05/2024\nentretien le 29 février\n").data()


def test_deadline_times_before_after_and_in_words():
    cases = {
        "Lecturer\nClosing date: 5pm, Sunday 12 March 2024\n": (date(2024, 3, 12), time(17, 0)),
        "Chargé\nDate limite : lundi 13 mai 2024 à 12h\n": (date(2024, 5, 13), time(12, 0)),
        "Chargé\nDate limite : 13 mai 2024 minuit\n": (date(2024, 5, 13), time(23, 59)),
        "Chargé\nCandidature avant le 13/05/2024 (12h00)\n": (date(2024, 5, 13), time(12, 0)),
    }
    for text, expected in cases.items():
        data = parse_text(text).data()
        assert (data["valid_through_date"], data.get("valid_through_time")) == expected, text


def test_the_french_verb_est_is_no_time_zone():
    data = parse_text("Chargé de mission\n"
                      "La date limite de candidature est le 13/05/2024\n").data()
    assert data["valid_through_date"] == date(2024, 5, 13)
    assert data["timezone"] == "Europe/Paris"  # the French default, not America/New_York
    data = parse_text("Chargé de mission\nDate limite : 13/05/2024 à 12h, l'entretien est "
                      "prévu en juin\n").data()
    assert data["timezone"] == "Europe/Paris"


def test_zone_abbreviations_are_read_only_in_upper_case_after_a_time():
    def zone(line):
        return parse_text(f"Project Officer\n{line}\n", language="en").data().get("timezone")

    assert zone("Closing date: 28 August 2022 at 23:59 EST") == "America/New_York"
    assert zone("Closing date: 28 August 2022 at 5pm (GMT)") == "Etc/GMT"
    assert zone("Closing date: 28 August 2022 at 23:59 (UK time)") == "Europe/London"
    assert zone("Deadline: 28 August 2022, est. start in October") is None
    assert zone("Closing date: 28 August 2022 at 23:59 est") is None
    assert zone("Closing date: 28 August 2022, EST applicants welcome") is None
    assert zone("Closing date: 28 August 2022 at 12:00 GMT+1") is None  # not GMT itself


def test_month_abbreviations_are_not_read_inside_words():
    text = ("Research Assistant\nClosing date: 28 August 2022\n"
            "Interviews will involve 3 junior colleagues and 2 decision makers.\n")
    assert "interviews" not in parse_text(text).data()
    assert find_dates("3 junior staff, 2 decision makers, 4 marches", "en", 2024) == []
    assert find_dates("le 5 marsupiaux, 2 juinettes", "fr", 2024) == []
    assert [d.value for d in find_dates("3 Jun. 2024, 4 sept 2024, 5 June", "en", 2024)] == [
        date(2024, 6, 3), date(2024, 9, 4), date(2024, 6, 5)]


def test_english_deadlines_that_close():
    for line in ("Applications close on 5 July 2024", "Closing: 5 July 2024",
                 "The vacancy closes on 5 July 2024", "Applications close at noon, 5 July 2024"):
        data = parse_text(f"Project Officer\n{line}\n").data()
        assert data.get("valid_through_date") == date(2024, 7, 5), line


def test_a_duration_beside_a_permanent_contract_is_flagged():
    parsed = parse_text("Chargé de mission\nEmploi permanent\nDurée : 18 mois\n")
    finding = parsed.get("duration_months")
    assert finding.value == 18 and "permanent" in str(finding.review)
    assert "duration_months" not in parsed.data()
    assert parsed.get("employment_type").confidence < SURE  # shown as a guess to check


# -- #15 item 3: contract words -----------------------------------------------------------------


def _contract(text: str) -> tuple[str | None, int | None, float]:
    parsed = parse_text(text)
    finding = parsed.get("employment_type")
    kind = parsed.value("employment_type")
    return (str(kind) if kind is not None else None, parsed.value("duration_months"),
            finding.confidence if finding else 0.0)


def test_permanent_from_cdi_open_ended_and_indefinite():
    for text in ("Chargé de mission\nType de contrat : CDI\n",
                 "Project officer\nContract: open-ended\n",
                 "Research engineer\nThe appointment is for an indefinite period.\n",
                 "Comptable\nPoste en contrat à durée indéterminée, temps plein.\n"):
        assert _contract(text)[0] == "permanent", text


def test_a_duration_without_a_contract_word_means_a_fixed_term():
    kind, months, confidence = _contract("Chargée d'études\nDurée : 12 mois\nLieu : Lyon\n")
    assert (kind, months) == ("fixed_term", 12) and confidence < SURE  # a guess to check
    kind, months, _ = _contract("Data analyst\nThis appointment is for 18 months, starting in "
                                "June.\n")
    assert (kind, months) == ("fixed_term", 18)
    # an experience in years is no contract, and a contract not stated is not guessed
    assert _contract("Développeur\nExpérience de 3 ans exigée.\n")[0] is None


def test_volunteer_programmes():
    assert _contract("Chargé de projet export (VIE)\nMission de 12 mois à Montréal\n")[:2] == (
        "volunteer", 12)
    assert _contract("Coordinateur de projet\nVSI de 24 mois avec la DCC\n")[0] == "volunteer"
    assert _contract("Mission de service civique\nAccompagner les bénévoles\n")[0] == \
        "volunteer"
    # "vie" the word is not the programme
    assert _contract("Assistant RH\nQualité de vie au travail\nCDD de 6 mois\n")[0] == \
        "fixed_term"


def test_internships_and_work_study():
    assert _contract("Stage de 6 mois en communication\nGratification légale\n")[:2] == (
        "internship", 6)
    assert _contract("Développeur web en alternance\nRythme : 3 semaines / 1 semaine\n")[0] \
        == "apprenticeship"
    assert _contract("Assistant commercial\nContrat de professionnalisation, 12 mois\n")[0] \
        == "apprenticeship"
    assert _contract("Marketing assistant\nWork-study position (apprenticeship)\n")[0] == \
        "apprenticeship"
    # "stage" in English is a step, not an internship
    assert _contract("Engineer\nAt this stage we ask for a CV.\nPermanent contract\n")[0] == \
        "permanent"


def test_labelled_dates_in_the_other_language_are_read_by_their_month_name():
    data = parse_text("Chargé de mission\nStart date : 4 January 2027\n"
                      "Application deadline : 14 December 2026\nLe poste est à Lyon, pour "
                      "une équipe de la direction.\n").data()
    assert data["job_start_date"] == date(2027, 1, 4)
    assert data["valid_through_date"] == date(2026, 12, 14)
    # running text keeps to its own language, numbers too
    data = parse_text("Chargé de mission\nLe jury se réunira en May 2024 pour la suite.\n"
                      "Date limite : 05/04/2024\n").data()
    assert data["valid_through_date"] == date(2024, 4, 5)
    assert "interviews" not in data
