"""The text importer's fields other than the title and the employer, eighth round (#15): the
days of a selection (assessment days, recruitment events, a list of days, an e-mail's year),
degrees named by their profession or offered as alternatives, and contract words of other
places. Each text is short and written for the test."""

from __future__ import annotations

from datetime import date

from tracker.importers.text import parse_text


def _data(text: str, language: str | None = None) -> dict:
    return parse_text(text, language=language).data()


def _interviews(text: str, language: str | None = None) -> list[date]:
    return [item["date"] for item in _data(text, language).get("interviews", [])]


# A day of selection is an interview's day, whatever the text calls it.
def test_assessment_days_and_recruitment_events_are_interviews() -> None:
    assert _interviews("Ramp Agent\nApply by 1 March 2028.\nShortlisted people will be asked to "
                       "an assessment day in Leeds on Monday 13 March 2028.\n") == [
        date(2028, 3, 13)]
    assert _interviews("Doctoral candidate\nDeadline: 2 February 2028.\nThe selected "
                       "candidates meet us at a recruitment event in Ghent on 6 and 7 March "
                       "2028.\n") == [date(2028, 3, 6), date(2028, 3, 7)]
    assert _interviews("Vendeur (H/F)\nCandidatures avant le 1er avril 2028.\nJournée de "
                       "recrutement au magasin le mardi 11 avril 2028.\n", "fr") == [
        date(2028, 4, 11)]


# The hours of a day are no period of days: 'le 11 mars entre 14 h et 17 h' is a day.
def test_the_hours_of_an_interview_day_are_not_a_period() -> None:
    assert _interviews("Préparateur (H/F)\nLes entretiens auront lieu le jeudi 9 mars 2028 "
                       "entre 14 h et 17 h.\n", "fr") == [date(2028, 3, 9)]
    assert _interviews("Advisor\nInterview days: Tuesday 4 and Wednesday 5 April 2028, from "
                       "9:30 to 16:00.\n") == [date(2028, 4, 4), date(2028, 4, 5)]
    # a period of days is still one to set
    assert _interviews("Agent\nLes entretiens auront lieu entre le 15 et le 19 mai 2028.\n",
                       "fr") == []


# 'Entretien' is also the upkeep of premises: not an interview.
def test_upkeep_is_not_an_interview() -> None:
    text = ("Agent de propreté (H/F)\nTitulaire depuis le 1er septembre 2028 du marché "
            "d'entretien des écoles, la société reprend le personnel.\nEntretiens individuels : "
            "mercredi 21 juin 2028.\n")
    assert _interviews(text, "fr") == [date(2028, 6, 21)]
    assert _interviews("Agent d'entretien (H/F)\nEntretien des locaux à partir du 2 mai "
                       "2028.\n", "fr") == []


# A line that opens a list ('one of our assessment days:'): a day on each line below.
def test_a_list_of_interview_days_under_its_line() -> None:
    text = ("Cabin Crew\nApply by 2 January 2028.\nYou will be invited to one of our "
            "interview days:\n- Leeds: Tuesday 11 January 2028\n- Derby: Thursday 13 January "
            "2028\n\nAbout us\nWe fly since 1990.\n")
    assert _interviews(text) == [date(2028, 1, 11), date(2028, 1, 13)]


# A heading ('Hiring event!') and its 'When:' line under it.
def test_a_hiring_event_and_its_when_line() -> None:
    text = ("HIRING EVENT!\nWhen: Saturday, May 6 and Monday, May 8, 2028\nWhere: our store\n"
            "Cashier\nPay: $15/hour\n")
    assert _interviews(text) == [date(2028, 5, 6), date(2028, 5, 8)]


# A date before the deadline's phrase is not the deadline's: 'Screening on 16 February,
# followed by an interview'.
def test_a_date_before_the_phrase_followed_by_is_the_interview_day() -> None:
    text = ("First Officer\nScreening in the simulator on 16 or 17 February 2028, followed by "
            "an interview on the same day.\n")
    assert _interviews(text) == [date(2028, 2, 16), date(2028, 2, 17)]


# An e-mail gives the year of a day written without one: its sending day's.
def test_an_emails_date_gives_the_interviews_year() -> None:
    text = ("From: A Recruiter <a@agency.example>\nDate: Mon, 6 Mar 2028 06:51:33 +0800\n"
            "Subject: Technician\n\nHi all,\nReply with your CV. Interviews with the client are "
            "planned for Wed 15 March (Teams).\n")
    assert _interviews(text) == [date(2028, 3, 15)]
    text = ("De : Un Recruteur <r@bureau.example>\nDate : mar. 4 janv. 2028 à 09:42\nObjet : "
            "Offre\n\nBonjour,\nJe ferai les entretiens moi-même le mercredi 26 janvier.\n")
    assert _interviews(text, "fr") == [date(2028, 1, 26)]


def _education(text: str, language: str | None = None) -> str | None:
    levels = [r.get("level") for r in _data(text, language).get("requirements", [])
              if r["kind"] == "education"]
    return levels[0] if levels else None


# A diploma named by the profession it licenses: its level, without a 'Bac+n'.
def test_state_diplomas_of_social_work_and_architecture() -> None:
    cases = {
        "Éducatrice (H/F)\n\nProfil\n- Diplôme d'Etat d'éducateur spécialisé exigé\n": "Bac+3",
        "Moniteur (H/F)\n\nProfil\n- Diplôme d'État de moniteur-éducateur (DEME) exigé\n": "Bac",
        "AES (H/F)\n\nProfil\n- DEAES (ou DEAMP) exigé\n": "cap_bep",
        "Architecte (H/F)\n\nProfil\n- Diplôme d'État d'architecte et HMONP\n": "Bac+5",
    }
    for text, level in cases.items():
        assert _education(text, "fr") == level, text
    assert _education("Chef de projet\nNous cherchons un·e architecte diplômé·e d'État, avec "
                      "cinq ans d'expérience.\n", "fr") == "Bac+5"
    # a nurse's specialty is left without a level
    assert _education("IBODE\nAu sein du bloc, vous instrumentez.\nDiplôme d'État d'infirmier "
                      "de bloc opératoire exigé.\n", "fr") is None


# A post the law opens only to doctors.
def test_a_maitre_de_conferences_is_a_doctor() -> None:
    assert _education("Maître de conférences en sociologie\nUniversité de Nulle-Part\n"
                      "Enseignement : cours en licence et master.\n", "fr") == "Bac+8"


# A better degree wished for after the one asked: the one asked.
def test_the_degree_asked_before_the_one_wished_for() -> None:
    assert _education("Conseiller (H/F)\nTitulaire d'un bac, idéalement d'un bac+2 en "
                      "commerce.\n", "fr") == "Bac"
    assert _education("Analyst\nA first or upper-second class honours degree in physics. A "
                      "master's degree is welcome but not required.\n") == "Bac+3"


# Degrees offered as alternatives: the lowest will do, even across a wrapped line.
def test_alternative_degrees_and_wrapped_lines() -> None:
    assert _education("Case Manager\nRequirements: Bachelor's degree in social work or a related "
                      "field, OR an\nassociate's degree plus two years of experience.\n") == "Bac+2"
    assert _education("Social Worker\n\nRequirements\n- A social work qualification (BA Social "
                      "Work, MSc Social Work or equivalent)\n") == "Bac+3"
    assert _education("Team Leader\nYou will lead a small team of support workers. You will "
                      "need a relevant Level 3\nqualification and experience of work with "
                      "families.\n") == "Bac"


# A doctorate offered is not asked: the degree the applicant holds is.
def test_a_phd_studentship_asks_for_the_degree_before_it() -> None:
    text = ("PhD Scholarship in Coastal Planning\nApplicants should hold a 2.1 honours degree "
            "or a master's in geography.\n")
    assert _education(text) == "Bac+3"


def test_school_graduates_students_and_equivalent_training_of_a_level() -> None:
    assert _education("Agent\n\nQualifications:\n- At least Senior High School graduate or "
                      "College Level\n") == "Bac"
    assert _education("Stage communication\nNiveau : étudiant·e en Master 1 ou 2 "
                      "communication\n", "fr") == "Bac+5"
    assert _education("Conseiller séjour\n\nProfil\n- BTS Tourisme ou formation équivalente "
                      "de niveau Bac+2\n", "fr") == "Bac+2"


# 'Regular' as the kind of employment, Brazil's CLT: an open-ended post.
def test_regular_employment_and_a_clt_contract_are_permanent() -> None:
    assert _data("Underground Miner\nEmployment type: Regular, Full-time\n").get(
        "employment_type") == "permanent"
    assert _data("Product Manager\nEmployment type: CLT (full-time employee)\n").get(
        "employment_type") == "permanent"
    # a regular schedule says nothing of the contract
    assert _data("Cook\nYou will work a regular schedule of 40 hours.\n").get(
        "employment_type") is None
