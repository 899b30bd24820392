"""Issue #15 item 3, seventh round: the rules that find a posting's title and employer by the
role a line plays on the page, held on short texts written for these tests (posts, places and
organisations the corpus does not hold): qualifiers written one after the other after the post
(a pay class, then the contract, then the hours), a gender-neutral mark, a secondment, an
echelon, a shift, a town's district, a lead-in calling the reader to become the post."""

from __future__ import annotations

from tracker.importers.text_title import trim_place, trim_terms


def test_qualifiers_written_one_after_the_other_all_come_off() -> None:
    assert trim_terms("Ward Clerk (Band 2) – Permanent – 37.5 hours") == "Ward Clerk"
    assert trim_terms("Risk Modeller | 60–80% | fixed-term 12 months") == "Risk Modeller"
    # a unit naming the post stays when no qualifier follows it
    assert trim_terms("Staff Nurse – Cardiology Ward") == "Staff Nurse – Cardiology Ward"


def test_a_gender_neutral_mark_is_no_part_of_the_name() -> None:
    assert trim_terms("Platform Engineer Go (all genders)") == "Platform Engineer Go"
    assert trim_terms("Einkäufer (alle Geschlechter)") == "Einkäufer"
    assert trim_terms("Sales Lead (gn)") == "Sales Lead"


def test_a_secondment_an_echelon_a_shift_and_a_freelance_mission_are_terms() -> None:
    assert trim_terms("Theatre Practitioner – Day Surgery (Secondment)") \
        == "Theatre Practitioner – Day Surgery"
    assert trim_terms("Préparateur en pharmacie – échelon 3") == "Préparateur en pharmacie"
    assert trim_terms("Forklift Operator - Evenings") == "Forklift Operator"
    assert trim_terms("Architecte Cloud Azure – Mission freelance") == "Architecte Cloud Azure"
    # a word that only looks like one stays ('Evening' names the post's subject here)
    assert trim_terms("Evening Class Tutor") == "Evening Class Tutor"


def test_the_word_that_a_post_is_offered_after_it_comes_off() -> None:
    assert trim_terms("Site Reliability Engineer opportunity") == "Site Reliability Engineer"
    assert trim_terms("Equal Opportunity Officer") == "Equal Opportunity Officer"


def test_a_call_to_become_the_post_is_a_lead_in() -> None:
    assert trim_terms("DEVENEZ SAPEUR-POMPIER VOLONTAIRE") == "SAPEUR-POMPIER VOLONTAIRE"
    assert trim_terms("Become a Special Constable") == "Special Constable"


def test_a_towns_district_after_the_post_is_the_place() -> None:
    assert trim_place("Négociateur immobilier (F/H) – Marseille 8e", "x") \
        == "Négociateur immobilier (F/H)"
    assert trim_place("Conseiller – Paris 15e", "x") == "Conseiller"
