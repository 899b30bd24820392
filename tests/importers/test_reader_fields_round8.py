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
