"""The fit of language requirements, at each boundary: bilingual read as C1, a level per
language (from its own clause, else the level field), languages marked as a plus, and
requirements about languages in general judged on the profile's foreign languages."""

from __future__ import annotations

from itertools import count

import pytest

from tests.conftest import SAMPLES
from tests.services.test_fit import candidate_with, fit_of, make_posting
from tracker.domain.access import OPERATOR
from tracker.services.accounts.users import LanguageInput as L
from tracker.services.fit.scores import FitStatus, application_fit
from tracker.services.reference import catalogue as reference
from tracker.services.reference.load import load_reference

_SERIAL = count(1)


def judged(session, hr, clock, requirement, languages, lang="en"):
    """The status and reason of the one line of a posting asking `requirement`, for a
    candidate speaking `languages` (a new posting and candidate each time)."""
    n = next(_SERIAL)
    posting = make_posting(session, hr, clock, [requirement], reference=f"UJM-LANG-{n}")
    person = candidate_with(session, clock, f"c{n}@example.org", languages=languages)
    app, _fit = fit_of(session, posting, person, clock)
    [line] = application_fit(session, app, lang=lang, actor=OPERATOR).lines
    return line.status, line.reason


BILINGUAL = {"kind": "language", "label": "Bilingue français/anglais"}


@pytest.mark.parametrize(("languages", "status", "reason"), [
    ([L("fr", "A2"), L("en", is_native=True)], FitStatus.NOT_SHOWN,
     "French A2 is below the C1 asked (bilingual read as C1); English: native speaker"),
    ([L("fr", is_native=True), L("en", "B2")], FitStatus.NOT_SHOWN,
     "French: native speaker; English B2 is below the C1 asked (bilingual read as C1)"),
    ([L("fr", is_native=True), L("en", "C1")], FitStatus.MET,
     "French: native speaker; English C1 meets the C1 asked (bilingual read as C1)"),
    ([L("fr", "C2"), L("en", is_native=True)], FitStatus.MET,
     "French C2 meets the C1 asked (bilingual read as C1); English: native speaker"),
], ids=["A2", "B2", "C1", "C2-native"])
def test_bilingual_is_read_as_c1_for_each_language_it_names(session, hr, clock, languages,
                                                            status, reason):
    assert judged(session, hr, clock, BILINGUAL, languages) == (status, reason)


def test_bilingual_in_another_kind_and_in_english(session, hr, clock):
    requirement = {"kind": "soft_skill", "label": "Bilingual English/French"}
    assert judged(session, hr, clock, requirement, [L("en", "B1"), L("fr", "C1")]) == (
        FitStatus.NOT_SHOWN,
        "English B1 is below the C1 asked (bilingual read as C1); "
        "French C1 meets the C1 asked (bilingual read as C1)")


@pytest.mark.parametrize(("label", "level", "languages", "status", "reason"), [
    ("Anglais B2, espagnol apprécié", None, [L("en", "C1")], FitStatus.MET,
     "English C1 meets the B2 asked; a plus: Spanish not in the profile"),
    ("Anglais B2, espagnol apprécié", "B2", [L("en", "C1"), L("es", "A1")], FitStatus.MET,
     "English C1 meets the B2 asked; a plus: Spanish A1 is below the B2 asked"),
    ("Anglais niveau C1, espagnol B1", None, [L("en", "C1"), L("es", "B1")], FitStatus.MET,
     "English C1 meets the C1 asked; Spanish B1 meets the B1 asked"),
    ("Anglais niveau C1, espagnol B1", "C1", [L("en", "C1"), L("es", "A2")],
     FitStatus.NOT_SHOWN, "English C1 meets the C1 asked; Spanish A2 is below the B1 asked"),
    ("Anglais et allemand", "B2", [L("en", "B2"), L("de", "B1")], FitStatus.NOT_SHOWN,
     "English B2 meets the B2 asked; German B1 is below the B2 asked"),
    ("Anglais courant, B2 minimum", None, [L("en", "B2")], FitStatus.MET,
     "English B2 meets the B2 asked"),
    ("English C1; German B2 is an asset", None, [L("en", "C1"), L("de", "A2")], FitStatus.MET,
     "English C1 meets the C1 asked; a plus: German A2 is below the B2 asked"),
    ("Anglais C1 ; l'allemand serait un plus", None, [L("en", "B2"), L("de", "C2")],
     FitStatus.NOT_SHOWN, "English B2 is below the C1 asked; a plus: German C2 in the "
                          "profile (no level asked)"),
    ("Espagnol souhaité", None, [L("es", "B1")], FitStatus.MET,
     "a plus: Spanish B1 in the profile (no level asked)"),
    ("Anglais, niveau souhaité B2", None, [L("en", "B1")], FitStatus.NOT_SHOWN,
     "English B1 is below the B2 asked"),
], ids=["plus-missing", "plus-below", "two-levels", "second-below", "level-field", "level-apart",
        "asset", "serait-un-plus", "only-a-plus", "niveau-souhaite"])
def test_a_level_per_language_and_a_plus_never_lowers(session, hr, clock, label, level,
                                                      languages, status, reason):
    requirement = {"kind": "language", "label": label, "level": level}
    assert judged(session, hr, clock, requirement, languages) == (status, reason)


GENERAL = "languages in general, judged on the profile's foreign languages: "


@pytest.mark.parametrize(("requirement", "languages", "status", "reason"), [
    ({"kind": "technical_skill", "label": "Compétences linguistiques (Communication, "
      "Traduction, Relationnel)"}, [L("fr", is_native=True), L("en", "C1")], FitStatus.MET,
     GENERAL + "English C1 in the profile (no level asked)"),
    ({"kind": "language", "label": "Langues étrangères", "level": "B2"},
     [L("fr", is_native=True), L("es", "B1"), L("en", "C1")], FitStatus.MET,
     GENERAL + "English C1 meets the B2 asked"),
    ({"kind": "language", "label": "Langues étrangères", "level": "B2"},
     [L("fr", is_native=True), L("es", "B1")], FitStatus.PARTLY_MET,
     GENERAL + "Spanish B1 is below the B2 asked"),
    ({"kind": "know_how", "label": "Mastery of several languages"},
     [L("en", is_native=True)], FitStatus.NOT_SHOWN,
     GENERAL + "only native languages in the profile (English)"),
    # a profile listing no language at all: nothing to judge on, for the panel to assess
    ({"kind": "knowledge", "label": "Linguistic skills"}, [], FitStatus.TO_ASSESS,
     "no evidence and no level for this language in the profile"),
    ({"kind": "language", "label": "Foreign languages, C1 minimum"}, [L("de")],
     FitStatus.UNKNOWN, GENERAL + "German in the profile without a CEFR level"),
], ids=["linguistiques", "met", "below", "only-native", "none", "no-level"])
def test_languages_in_general_are_judged_on_foreign_languages(session, hr, clock, requirement,
                                                              languages, status, reason):
    assert judged(session, hr, clock, requirement, languages) == (status, reason)


def test_other_languages_a_plus_beside_named_ones(session, hr, clock):
    requirement = {"kind": "other", "label": "Bilingue français/anglais, autre(s) langue(s) "
                                             "un atout"}
    languages = [L("fr", is_native=True), L("en", "C1"), L("es", "B1")]
    assert judged(session, hr, clock, requirement, languages) == (
        FitStatus.MET, "French: native speaker; English C1 meets the C1 asked (bilingual read "
                       "as C1); a plus: other languages: Spanish B1 in the profile (no level "
                       "asked)")
    assert judged(session, hr, clock, requirement, languages, lang="fr") == (
        FitStatus.MET, "Français : langue maternelle ; Anglais C1 : atteint le niveau C1 "
                       "demandé (bilingue, lu comme C1) ; un atout : autres langues : "
                       "Espagnol B1 dans le profil (aucun niveau demandé)")


def test_a_passing_langue_in_a_long_label_is_a_skill(session, hr, clock):
    requirement = {"kind": "know_how", "label": "Adapter ses messages à la langue et aux "
                                                "usages des partenaires institutionnels"}
    assert judged(session, hr, clock, requirement, [L("en", "C2")]) == (
        FitStatus.TO_ASSESS, "no evidence and no matching skill in the profile")


def test_the_occupations_language_skill_is_judged_on_languages(session, hr, clock):
    load_reference(session, SAMPLES / "reference", clock=clock)
    proposed = [p.as_input() for p in reference.propose_requirements(
        session, "charge-cooperation-internationale")]
    posting = make_posting(session, hr, clock, proposed,
                           occupation="charge-cooperation-internationale")
    person = candidate_with(session, clock, languages=[L("fr", is_native=True), L("es", "B2")])
    _app, fit = fit_of(session, posting, person, clock)
    line = next(line for line in fit.lines if line.occupation_skill == "90 | Compétences "
                                                                       "linguistiques")
    assert (line.status, line.source, line.weight) == (FitStatus.MET, "profile", 1.8)
    assert line.reason == (GENERAL + "Spanish B2 in the profile (no level asked); weight from "
                                     "the occupation skill 90 | Compétences linguistiques")


def test_french_reasons_are_joined_with_a_spaced_semicolon(session, hr, clock):
    requirement = {"kind": "language", "label": "Anglais niveau C1, espagnol B1"}
    assert judged(session, hr, clock, requirement, [L("en", "C1"), L("es", "A2")],
                  lang="fr") == (
        FitStatus.NOT_SHOWN, "Anglais C1 : atteint le niveau C1 demandé ; Espagnol A2 : en "
                             "dessous du niveau B1 demandé")
    assert judged(session, hr, clock, requirement, [L("en", "C1"), L("es", "A2")]) == (
        FitStatus.NOT_SHOWN, "English C1 meets the C1 asked; Spanish A2 is below the B1 asked")
