"""The text importer's fields other than the title and the employer, seventh round (#15 item 3):
working time read against the week of the place and the way readers state it, durations, apply
addresses and degrees of other systems. Each text is short and written for the test."""

from __future__ import annotations

from tracker.importers.text import parse_text


def _data(text: str, language: str | None = None) -> dict:
    return parse_text(text, language=language).data()


def _time(text: str, language: str | None = None) -> int | None:
    return _data(text, language).get("working_time_percent")


# The NHS's week is 37.5 hours; 'WTE' is its FTE.
def test_nhs_hours_are_a_share_of_37_5_and_wte_is_an_fte() -> None:
    assert _time("Staff Nurse\nNHS Foundation Trust\nYou will work 30 hours a week.\n") == 80
    assert _time("Porter\nNHS Wales\nHours: 18.75 hours per week\n") == 50
    assert _time("Practitioner\nHours: 22.5 hours per week (0.6 WTE)\n") == 60
    # Without the NHS, 30 hours in English are a quarter share of 40, 32 no plain share.
    assert _time("Shop assistant\nYou will work 30 hours a week in our store.\n") == 75
    assert _time("Shop assistant\nYou will work 32 hours a week in our store.\n") is None


def test_a_week_written_as_hours_or_under_a_label_is_read() -> None:
    assert _time("Project Manager\nPermanent contract, 39-hour week with flexitime.\n") == 100
    assert _time("Chargée de clientèle (H/F)\nCDD\nTemps de travail : 35 heures (du lundi au "
                 "vendredi)\n", "fr") == 100
    assert _time("Policier municipal\nTemps de travail : Tps Complet : 35h00\n", "fr") == 100
    # A day's hours under the label are no week's.
    assert _time("Agent\nHeures : 12 h par jour\n", "fr") is None


def test_a_table_cell_percent_and_a_year_of_hours() -> None:
    assert _time("Technicien\n│ Temps de travail      │ 60 % – 3 nuits de 10 h │\n", "fr") == 60
    assert _time("Opérateur CTA\nRégime de travail : gardes de 12 heures, 1 607 heures "
                 "annualisées.\n", "fr") == 100


def test_a_range_of_hours_is_no_choice_when_full_time_is_stated_or_its_least_is_full() -> None:
    assert _time("Farm worker\nHours: 40 to 60 hours per week\nTerms: Seasonal\n") == 100
    assert _time("Cook\nSalary: $18.75 hourly / 30 to 40 hours per week\nTerms of employment: "
                 "Permanent employment, Full time\n") == 100
    # Without full time stated, a range of hours is a choice: none.
    assert _time("Engineer\nHours: 32-40 hours per week\n") is None
    assert _time("Cook\nHours: 30 to 40 hours per week, full-time or part-time\n") is None


def test_a_full_day_on_the_five_working_days_is_full_time_but_not_an_office_s_hours() -> None:
    assert _time("Apprentice\n· Hours: 9am–5pm, Monday to Friday\n") == 100
    assert _time("Gendarme adjoint\nPermanence d'information sans rendez-vous du lundi au "
                 "vendredi, 9h – 17h.\n", "fr") is None


def _education(text: str, language: str | None = None) -> str | None:
    levels = [r["level"] for r in _data(text, language).get("requirements", [])
              if r["kind"] == "education"]
    return levels[0] if levels else None


# The end of secondary school in other systems' words; Canada's two-year college diplomas.
def test_secondary_school_and_college_in_other_systems() -> None:
    cases = {
        "Apprentice\n\nRequirements\n- At least two A levels at grade C or above (or "
        "equivalent)\n": "Bac",
        "Cook\n\nEducation: Secondary (high) school graduation certificate\n": "Bac",
        "Agent\n\nRequirements\n- Secondary education completed\n": "Bac",
        "Supervisor\n\nQualifications\nHigh school diploma or GED; 2+ years supervising.\n": "Bac",
        "Commis\n\nExigences\n- Diplôme d'études secondaires (DES)\n": "Bac",
        "Educator\n\nEducation: College, CEGEP or other non-university certificate or diploma "
        "from a program of 2 years to 3 years\n": "Bac+2",
    }
    for text, level in cases.items():
        assert _education(text) == level, text


def test_the_degree_named_says_the_level_the_generic_words_do_not() -> None:
    text = ("Registered Nurse\n\nQualifications\n- Graduate of an accredited school of nursing "
            "(Associate Degree in Nursing at minimum)\n")
    assert _education(text) == "Bac+2"
    assert _education("Analyst\n\nRequirements\n- A degree in economics or a related field\n") \
        == "Bac+3"


def test_a_swiss_cfc_is_a_trade_certificate_and_its_equivalent_title_its_level() -> None:
    text = ("Assistant\n\nProfil\nVous êtes titulaire d'un CFC d'employé de commerce ou d'un "
            "titre jugé équivalent.\n")
    assert _education(text, "fr") == "cap_bep"
    # training on the job in the CFC's stead: no level asked
    text = "Polisseur\n\nProfil\n- CFC de polisseur ou formation équivalente en entreprise\n"
    assert _education(text, "fr") is None


def test_a_licence_that_is_a_permit_and_no_diploma_asked_give_no_level() -> None:
    assert _education("Pilot\n\nRequirements\n- Valid A320 type rating on the licence\n") is None
    assert _education("Conducteur\n\nProfil\n- aucun diplôme requis, niveau 3e conseillé\n",
                      "fr") is None


def test_french_titles_and_graduates_by_their_level() -> None:
    assert _education("Assistant dentaire\n\nProfil\nTitre d'assistant(e) dentaire (niveau 4) "
                      "exigé.\n", "fr") == "Bac"
    text = ("Actuaire\n\nDiplômé(e) d'une école d'actuariat ou d'un Master 2 en actuariat (membre "
            "ou en cours d'admission à l'Institut), vous avez 3 ans d'expérience.\n")
    assert _education(text, "fr") == "Bac+5"


def test_a_diploma_studied_for_gives_way_to_the_level_held() -> None:
    text = ("Accounts Apprentice\n\nYou will study for the AAT Level 4 Professional Diploma in "
            "Accounting with our training partner.\n\nEntry: at least two A levels at grade C or "
            "above.\n")
    assert _education(text) == "Bac"


def test_a_salary_for_full_time_on_a_part_time_post_is_read_as_written_unsure() -> None:
    parsed = parse_text("Chargé d'animation\nTemps de travail : 0,8 ETP\nSalaire : 2 250 € brut "
                        "mensuel pour un temps plein\n", language="fr")
    data = parsed.data()
    assert data["salary_min"] == 2250 and data["working_time_percent"] == 80
    found = parsed.get("salary_min")
    assert found is not None and found.confidence < 0.8


def _apply(text: str, language: str | None = None) -> str | None:
    return _data(text, language).get("apply_email")


# Applications online: an address for questions or a board's contact is none to apply to.
def test_an_enquiries_address_is_not_the_apply_address_when_applications_go_online() -> None:
    text = ("Psychologist\n\nApplications should be made through NHS Jobs.\nFor informal "
            "enquiries please contact Dr Menon at k.menon@trust.nhs.uk.\n")
    assert _apply(text) is None
    text = ("Ingénieur méthodes\nCandidatures via le bouton « Postuler » ci-dessous.\n[ Postuler ]"
            "\nIndusEmploi © 2027 – Contact : contact@board.fr\n")
    assert _apply(text, "fr") is None
    # without an online channel, the address near the application words stays
    text = "Assistant\n\nFor informal enquiries and to apply, contact jobs@firm.co.uk.\n"
    assert _apply(text) == "jobs@firm.co.uk"
    # a form returned by e-mail is applied to, CVs refused or not
    text = ("Adviser\n\nReturn the completed application form to hr@diocese.org. We regret that CVs "
            "cannot be accepted.\n")
    assert _apply(text) == "hr@diocese.org"


def test_an_e_mail_is_answered_at_its_senders_address() -> None:
    text = ("From: Hangar Recruitment <recruitment@aerotech.co.uk>\nSubject: B1 engineer\n\n"
            "To apply, reply to this email with your CV before 9 April 2027.\n")
    assert _apply(text) == "recruitment@aerotech.co.uk"
    text = ("De : Camille Berthier <c.berthier@esn.com>\nObjet : Opportunité CDI\n\nBonjour Julien,"
            "\n\nJe me permets de vous contacter pour un poste d'ingénieur DevOps.\n")
    assert _apply(text, "fr") == "c.berthier@esn.com"
    # a message to a list, forwarded for circulation, names no address to apply to
    text = ("From: Dr A Mensah <a.mensah@uni.ac.uk>\nTo: network@lists.ac.uk\n\nDear colleagues,\n\n"
            "Please circulate: we are recruiting a Research Assistant.\n")
    assert _apply(text) is None


def _months(text: str, language: str | None = None) -> int | None:
    return _data(text, language).get("duration_months")


# A period from one date to another is a number of months only when it is about a whole one.
def test_a_period_gives_whole_months_only() -> None:
    assert _months("Scientist\nThe position is fixed-term from 1.3.2027 until 31.12.2028 and "
                   "full-time. The trial period is six months.\n") == 22
    assert _months("Agent de service hospitalier — CDD du 7 juin au 27 août 2027\n",
                   "fr") == 3
    # seven months and a half, or under a month: no number of months
    assert _months("Farm worker\nTerms: Seasonal, full-time, from May 3, 2027 to December 17, "
                   "2027\n") is None
    assert _months("Remplacement de médecin généraliste\nPériode : du 12/07/2027 au 06/08/2027\n",
                   "fr") is None


def test_weeks_under_a_month_give_no_months() -> None:
    assert _months("Locum GP – 4 weeks of sessions\nFixed-term locum contract.\n") is None


def test_a_length_label_and_a_hyphenated_term_give_the_duration() -> None:
    assert _months("Accounts Apprentice\n· Length: 24 months, then a permanent post\n") == 24
    assert _months("Seasonal Cabin Crew\n• 8-month fixed-term contract, 1 March to 31 October "
                   "2027\n") == 8


def _contract(text: str, language: str | None = None) -> str | None:
    kind = _data(text, language).get("employment_type")
    return None if kind is None else str(getattr(kind, "value", kind))


# A contract to come after the post is not the post's; a board's menu names no contract.
def test_a_contract_offered_afterwards_is_not_the_posts() -> None:
    text = ("Stage de fin d'études – Développeur full-stack (6 mois)\n\nAu programme : un portail "
            "de réservation. Pré-embauche en CDI possible à l'issue.\n")
    assert _contract(text, "fr") == "internship"
    assert _contract("Cabin Crew\nA seasonal post with the chance of a permanent contract at the "
                     "end of the season.\n") != "permanent"
    # the contract stated as the post's own stays
    assert _contract("Comptable\nContrat : CDI, possible dès mars.\n", "fr") == "permanent"


def test_a_boards_menu_and_an_airports_code_name_no_contract() -> None:
    text = ("FREE-WORK   Missions freelance | Emplois CDI | Portage | Communauté\n\nConsultant SAP "
            "– Mission freelance\nTJM : 650 € HT/j\n")
    assert _contract(text, "fr") == "freelance"
    assert _contract("First Officer\nBases: Vienna (VIE) and Salzburg (SZG)\n") != "volunteer"
    assert _contract("Chargé de projet export\nVIE de 12 mois à Singapour\n", "fr") == "volunteer"
