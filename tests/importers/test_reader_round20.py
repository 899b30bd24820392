"""Issue #15, rules written for the twentieth round (after reading the nineteenth round's
misses), each for a class of layout or of wording rather than for the posting it was seen in.
Short texts written for these tests, in both languages where the class exists in both."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.importers.reading import employer, found, title
from tracker.importers.requirements import education_level
from tracker.importers.text import parse_text
from tracker.importers.text_names_layout import posts_word, singular


def interviews(text: str) -> list[str]:
    return [item["date"].isoformat() for item in parse_text(text).data().get("interviews", [])]


# Titles ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("heading", "expected"), [
    ("Venue Manager (Festival Season)", "Venue Manager"),
    ("Lift Operator – Peak Season", "Lift Operator"),
    ("Serveur (haute saison)", "Serveur"),
    ("Technical Manager (Projection & Sound) - Salaried", "Technical Manager (Projection & Sound)"),
    ("Warehouse Associate (Hourly)", "Warehouse Associate"),
    ("Critical Facilities Technician (Electrical) – 4 on 4 off",
     "Critical Facilities Technician (Electrical)"),
    ("Control Room Operator – 12-hour rotating shifts", "Control Room Operator"),
])
def test_a_season_a_pay_basis_or_a_rota_after_the_post(heading: str, expected: str) -> None:
    assert title(f"Jobs\n\n{heading}\n\nApply online.\n") == expected


def test_a_place_then_the_firm_s_own_site_after_the_post() -> None:
    text = ("Hi Priya,\n\nMy client is Kestrel Electric Bikes, the Vancouver-born e-bike brand.\n\n"
            "Role: Store Manager - Kestrel Flagship (Mount Pleasant)\nType: Permanent\n\n"
            "You will work with Kestrel's service team.\n")
    assert title(text) == "Store Manager"


def test_the_site_a_page_s_path_ends_in() -> None:
    text = ("Lumen\nFilms   Cinemas   Careers\n\nCareers > Cinema jobs > Brighton Marina\n\n"
            "Cinema Team Member – Brighton Marina\n\nContract: Zero-hours\n")
    assert title(text) == "Cinema Team Member"


@pytest.mark.parametrize(("label", "expected"), [
    ("👉 THE JOB: Bike Mechanic – permanent, full-time", "Bike Mechanic"),
    ("The position: Préparateur de commandes", "Préparateur de commandes"),
])
def test_the_job_as_a_label(label: str, expected: str) -> None:
    text = f"Greenway Cycle Hub\n14 February at 19:32\n\nWe're growing!\n\n{label}\n\nSend your CV.\n"
    assert title(text) == expected


@pytest.mark.parametrize("heading", ["DATA CENTRE SECURITY OFFICERS", "Leisure Centre Lifeguards",
                                     "PUBLIC LIBRARY ASSISTANTS"])
def test_an_organisation_s_word_inside_a_post_s_name_in_the_plural(heading: str) -> None:
    text = (f"{heading}\n\nWe have been awarded a new contract.\n\nWhat the job looks like:\n"
            "- Access control at the gatehouse and the mantraps – biometric readers, visitor\n"
            "  inductions, escorting contractors\n")
    assert title(text) == heading


def test_an_organisation_named_in_capitals_is_still_no_heading() -> None:
    text = ("ROYAL INFIRMARY TRUST\n\nPharmacy Technician\n\nBand 5, permanent.\n")
    assert title(text) == "Pharmacy Technician"


def test_a_subject_s_job_posting_tag_is_no_part_of_the_post() -> None:
    text = ("From: Careers Office <careers@college.ca>\n"
            "Subject: [EdCareers] Job posting: Maths Tutor (12-month contract) - Riverstone\n\n"
            "Dear graduates,\n\nPlease see below.\n")
    assert title(text) == "Maths Tutor"


def test_a_subject_s_post_in_the_plural_as_the_ad_names_it() -> None:
    text = ("From: Aoife <aoife@wildpark.ie>\nSubject: Summer jobs for your students – "
            "Food & Beverage Team Members\n\nHi Mary,\n\nWould you share this?\n\n"
            "FOOD & BEVERAGE TEAM MEMBER – SUMMER 2027\n\nServing in our cafés.\n")
    assert title(text).casefold() == "food & beverage team member"


@pytest.mark.parametrize(("word", "expected"), [
    ("Technicians", "Technician"), ("SECRETARIES", "SECRETARIE"), ("Secretaries", "Secretary"),
    ("Midwives", "Midwife"), ("Status", "Status"), ("Class", "Class"), ("FUNDRAISERS,", "FUNDRAISERS,"),
])
def test_one_way_to_make_a_post_s_word_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("HIRING: DOOR-TO-DOOR FUNDRAISERS", True), ("Rental technicians wanted", True),
    ("Our secretaries are the best", True), ("Opening hours", False),
])
def test_a_call_naming_posts_in_the_plural(line: str, expected: bool) -> None:
    assert posts_word(line) is expected


# Employers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "expected"), [
    ("My client is Kestrel Electric Bikes, the Vancouver-born e-bike brand.",
     "Kestrel Electric Bikes"),
    ("My client, Polderlink Data Centers, runs four colocation data centres.",
     "Polderlink Data Centers"),
    ("Mon client est la Mutuelle Horizon Santé, acteur de la protection sociale.",
     "Mutuelle Horizon Santé"),
])
def test_a_recruiter_s_client_named_after_my_client(sentence: str, expected: str) -> None:
    text = ("From: Jordan <jordan@northboundtalent.ca>\nSubject: Store Manager\n\n"
            f"Hi Priya,\n\n{sentence}\n\nRole: Store Manager\n\nBest,\nJordan\n")
    assert employer(text) == expected


def test_my_client_unnamed_names_no_one() -> None:
    text = ("Hi Sam,\n\nMy client is a busy practice in the city centre.\n\n"
            "Role: Dental Nurse\n\nBest,\nJordan\n")
    assert employer(text) is None


def test_an_event_with_its_year_is_run_by_the_body_named_with_it() -> None:
    text = ("SOUTHERN LIGHTS FILM FESTIVAL 2027           POSITION DESCRIPTION | Venue Manager\n"
            "                                                          Page 1 of 2\n\n"
            "Position title:     Venue Manager\nEmployer:           Southern Lights Film Festival "
            "Trust\n\nThe festival is run by a charitable trust.\n\n"
            "SOUTHERN LIGHTS FILM FESTIVAL 2027           POSITION DESCRIPTION | Venue Manager\n"
            "                                                          Page 2 of 2\n")
    assert employer(text) == "Southern Lights Film Festival Trust"


# Dates ----------------------------------------------------------------------------------------


def test_a_us_date_wrapped_after_its_comma_keeps_its_year_and_time() -> None:
    text = ("Store Manager\n\nSent: Thursday, July 22, 2027\n\nIf you're interested, just reply "
            "to this email with an updated resume by Friday, August 6,\n"
            "2027 at 12 p.m. PT, and we'll set up a time to talk.\n")
    assert found(text, "valid_through_date").isoformat() == "2027-08-06"
    assert found(text, "valid_through_time").isoformat() == "12:00:00"


def test_interviews_after_an_aside_s_colon_over_three_lines() -> None:
    text = ("Date: Thursday, July 22, 2027\n\nStore Manager\n\nThe process is quick: a first "
            "video call with me, then in-person interviews with\ntheir Head of Retail and COO at "
            "their head office on Tuesday, August 10 and\nWednesday, August 11, 2027.\n")
    assert interviews(text) == ["2027-08-10", "2027-08-11"]


def test_a_label_s_line_still_holds_its_own_value() -> None:
    text = ("Store Manager\n\nInterviews: Tuesday 10 August 2027\nStart: Monday 13 September 2027\n")
    assert interviews(text) == ["2027-08-10"]


def test_a_state_of_the_united_states_is_no_day_first_place() -> None:
    text = ("Technical Manager\n\nLocation: Tucson, AZ\nDate Posted: 02/08/2027\n\n"
            "We run theatres in Arizona, New Mexico and Texas.\n")
    assert found(text, "date_posted").isoformat() == "2027-02-08"


def test_a_town_of_the_united_states_named_like_a_european_one() -> None:
    text = "Cashier\n\nLocation: Paris, TX\nDate Posted: 02/08/2027\n"
    assert found(text, "date_posted").isoformat() == "2027-02-08"


# Contracts, pay, grades ----------------------------------------------------------------------


@pytest.mark.parametrize(("line", "expected"), [
    ("Contract: Zero-hours (we aim to offer 12–24 hours a week)", "other"),
    ("Contract type:  Zero hours (casual)", "other"),
    ("Hours: guaranteed-hours contracts or a zero-hours contract if you want full flexibility",
     None),
])
def test_a_zero_hours_contract(line: str, expected: str | None) -> None:
    value = found(f"Cinema Team Member\n\n{line}\n", "employment_type")
    assert (value.value if value else None) == expected


def test_the_lines_after_a_pay_line_cut_at_its_extras_are_no_scale() -> None:
    text = ("Security Officer\n\nThe deal:\n✅ $35.20 per hour base (Level 3, Security Services "
            "Industry Award) + night, weekend and\n   public holiday penalties – most of the team "
            "will earn well over $80k\n")
    assert found(text, "salary_min") == Decimal("35.20")
    assert found(text, "salary_max") is None
    assert found(text, "category") == "Level 3"


@pytest.mark.parametrize(("line", "expected"), [
    ("Pay: Level 4 under the Alpine Resorts Award 2020", "Level 4"),
    ("- QQI Level 5 Major Award in Early Childhood Care and Education", None),
])
def test_an_award_s_level_is_the_post_s_pay_level(line: str, expected: str | None) -> None:
    assert found(f"Ski Patroller\n\n{line}\n", "category") == expected


# Addresses ------------------------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "Questions? careers@splash.co.uk – applications are only accepted through the Apply now button.",
    "Questions about the role? Drop a line to careers@spokes.co.uk – please apply through the "
    "button above.",
    "Questions? Contact talent@sunmark.com. We do not accept resumes by email: please click Apply.",
])
def test_an_address_for_questions_where_one_applies_online(line: str) -> None:
    assert found(f"Workshop Manager\n\nAbout the job.\n\n{line}\n", "apply_email") is None


@pytest.mark.parametrize("line", [
    "If you need an accommodation to apply, email\naccommodations@ridgeline.com.",
    "Our privacy notice: privacy@ridgeline.com",
])
def test_an_address_for_another_purpose_by_its_name(line: str) -> None:
    assert found(f"NOC Technician\n\nAbout the job.\n\n{line}\n", "apply_email") is None


def test_an_address_to_send_one_s_cv_to_is_still_read() -> None:
    text = "Bike Mechanic\n\n📩 Send your CV to workshop@greenway.ie or DM us\n"
    assert found(text, "apply_email") == "workshop@greenway.ie"


# Diplomas -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("label", "expected"), [
    ("College diploma or university degree in business", "Bac+2"),
    ("Certificate II in Security Operations and a current security licence", "cap_bep"),
    ("Certificate III in Horticulture", "cap_bep"),
])
def test_diplomas_named_by_their_level(label: str, expected: str) -> None:
    assert education_level(label) == expected


def test_a_college_diploma_or_a_degree_in_running_text() -> None:
    text = ("Store Manager\n\nWhat they're looking for:\n- 3+ years managing a store\n"
            "- College diploma or university degree in business, retail management or a related\n"
            "  field\n")
    levels = [r["level"] for r in parse_text(text).data()["requirements"] if r["kind"] == "education"]
    assert levels[:1] == ["Bac+2"]
