"""Issue #15 item 3, eighth round: the rules that find a posting's title and employer, held on
short texts written for these tests (posts, places and organisations the corpus does not hold):
a word that only starts like a label ('Refuse', 'Public'), a post and its field written with a
colon, a label whose value is no number, the shift, the client account or the workplace written
after the post; and for the employer the rules listed at each test."""

from __future__ import annotations

from tracker.importers.text import parse_text
from tracker.importers.text_title import trim_terms


def _title(text: str) -> str | None:
    found = parse_text(text).get("title")
    return found.value if found else None


def _employer(text: str) -> str | None:
    found = parse_text(text).get("hiring_organization_name")
    return found.value if found else None


def test_a_heading_that_only_starts_like_a_label_is_still_the_heading() -> None:
    text = ("Referee Assessor\nNorthbay Football League\n\nYou will watch matches and write short "
            "reports on our referees every weekend of the season.\n")
    assert _title(text) == "Referee Assessor"
    text = ("Public Health Nurse\nCounty of Elmsford\n\nYou will run clinics in schools and "
            "visit families at home across the county.\n")
    assert _title(text) == "Public Health Nurse"


def test_a_post_and_its_field_after_a_colon_is_the_heading() -> None:
    text = ("Head Teacher: Early Years Centre\n\nEmployer: Ravensholm Learning Trust\n"
            "Location: Ravensholm\nContract type: Permanent\n\nWe are looking for a leader.\n")
    assert _title(text) == "Head Teacher: Early Years Centre"
    # the person who holds a post is no post's field
    text = ("Bramble Lane Primary School\nHeadteacher: Mr P. Okafor\n\nSchool Cook\n\n"
            "We need a cook for our kitchen, 25 hours a week in term time.\n")
    assert _title(text) == "School Cook"


def test_a_label_and_a_word_for_its_value_are_no_numbered_post() -> None:
    text = ("Warehouse Team Leader (Distribution Account)\n\nCompany: Ostrava Freight Services\n"
            "Location: Brno\nJob type: Permanent\n\nYou will lead a team of twelve pickers.\n")
    assert _title(text) == "Warehouse Team Leader"


def test_the_shift_the_account_and_the_channel_in_brackets_are_no_part_of_the_name() -> None:
    assert trim_terms("Chat Support Agent (Weekend Shift - Banking Account)") == "Chat Support Agent"
    assert trim_terms("Téléconseiller (appels entrants, télétravail)") == "Téléconseiller"
    assert trim_terms("Claims Handler (outbound calls)") == "Claims Handler"
    # a subject in brackets names the post
    assert trim_terms("Translator (Finnish & Estonian)") == "Translator (Finnish & Estonian)"


def test_the_workplace_the_session_or_the_publication_after_the_post_come_off() -> None:
    assert trim_terms("Assistant Manager - Branch #14, Riverside Mall") == "Assistant Manager"
    assert trim_terms("Hôte de caisse – Multi-sites") == "Hôte de caisse"
    assert trim_terms("Ground Handler – Leeds and Newcastle bases") == "Ground Handler"
    assert trim_terms("Mine Surveyor – Tarrawonga Gold Mine") == "Mine Surveyor"
    assert trim_terms("Field Hydrologist — Coquimbo Region") == "Field Hydrologist"
    assert trim_terms("Directeur adjoint — séjour « Mer et voile »") == "Directeur adjoint"
    assert trim_terms("Secrétaire de rédaction — hebdomadaire régional") == "Secrétaire de rédaction"
    # an organisation's own region names the post's unit
    assert trim_terms("Area Organiser – South East Region") == "Area Organiser – South East Region"
    # a unit after the post stays
    assert trim_terms("Staff Nurse – Renal Unit") == "Staff Nurse – Renal Unit"
