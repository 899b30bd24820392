"""The fit of an application, line by line with its reason, at each boundary; on the demo; by the
CLI; in the dossiers."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from tests.conftest import POSTING, SAMPLES
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.services.accounts import users
from tracker.services.accounts.users import LanguageInput
from tracker.services.dossiers import render as dossiers
from tracker.services.fit.scores import (
    FitStatus,
    application_fit,
    fit_scores,
    fit_summaries,
    missing_evidence,
)
from tracker.services.hiring import applications, evidence, postings
from tracker.services.operations.demo import load_demo, prepare_documents
from tracker.services.reference.load import load_reference


def make_posting(session, hr, clock, requirements, reference="UJM-FIT-1", **extra):
    data = {**POSTING, "reference": reference, "requirements": requirements, **extra}
    posting = postings.create_posting(session, data, actor=hr, clock=clock, settings=get_settings())
    postings.set_status(session, posting, "open", actor=hr, clock=clock)
    return posting


def candidate_with(session, clock, email="c@example.org", **profile):
    person = users.create_user(session, email=email, full_name=email.split("@")[0].title(),
                               role="candidate", clock=clock, actor=OPERATOR)
    if profile:
        users.set_profile(session, person, **profile, clock=clock, actor=OPERATOR)
    return person


def fit_of(session, posting, person, clock):
    app = applications.start(session, posting, person, actor=person, clock=clock)
    session.flush()
    return app, application_fit(session, app, actor=OPERATOR)


ENGLISH_B2 = [{"kind": "language", "label": "Anglais courant, B2 minimum"}]


@pytest.mark.parametrize(("spoken", "status", "reason"), [
    (LanguageInput("en", "B1"), FitStatus.NOT_SHOWN, "English B1 is below the B2 asked"),
    (LanguageInput("en", "B2"), FitStatus.MET, "English B2 meets the B2 asked"),
    (LanguageInput("en", "C1"), FitStatus.MET, "English C1 meets the B2 asked"),
    (LanguageInput("en", is_native=True), FitStatus.MET, "English: native speaker"),
    (LanguageInput("en"), FitStatus.UNKNOWN, "English in the profile without a CEFR level"),
    (LanguageInput("es", "C2"), FitStatus.NOT_SHOWN, "English not in the profile"),
], ids=["B1", "B2", "C1", "native", "no-level", "absent"])
def test_cefr_levels_compared_by_order(session, hr, clock, spoken, status, reason):
    posting = make_posting(session, hr, clock, ENGLISH_B2)
    person = candidate_with(session, clock, languages=[spoken])
    _app, fit = fit_of(session, posting, person, clock)
    [line] = fit.lines
    assert (line.status, line.reason, line.source) == (
        status, reason, "none" if spoken.language == "es" else "profile")
    assert fit.score == (100.0 if status is FitStatus.MET else 0.0)


def test_level_in_the_level_field_and_french_reasons(session, hr, clock):
    posting = make_posting(session, hr, clock,
                           [{"kind": "language", "label": "Anglais", "level": "C1"}])
    person = candidate_with(session, clock, languages=[LanguageInput("en", "B2")])
    app, _fit = fit_of(session, posting, person, clock)
    [line] = application_fit(session, app, lang="fr", actor=OPERATOR).lines
    assert line.reason == "Anglais B2 : en dessous du niveau C1 demandé"
    evidence.give_evidence(session, app, posting.requirements[0], evidence="TOEIC 950",
                           actor=person, clock=clock)
    [line] = application_fit(session, app, lang="fr", actor=OPERATOR).lines
    assert line.reason == ("Anglais B2 : en dessous du niveau C1 demandé ; élément apporté "
                           "aussi")  # French typography: a space before the semicolon
    [line] = application_fit(session, app, actor=OPERATOR).lines
    assert line.reason == "English B2 is below the C1 asked; evidence given too"


@pytest.mark.parametrize(("level", "status", "reason"), [
    ("bac+3", FitStatus.NOT_SHOWN, "level of study Bac+3 is below the Bac+5 asked"),
    ("bac+5", FitStatus.MET, "level of study Bac+5 meets the Bac+5 asked"),
    ("bac+8", FitStatus.MET, "level of study Bac+8 meets the Bac+5 asked"),
])
def test_education_compared_by_order(session, hr, clock, level, status, reason):
    posting = make_posting(session, hr, clock, [{"kind": "education", "label": "Bac + 5"}])
    person = candidate_with(session, clock, education_level=level)
    _app, fit = fit_of(session, posting, person, clock)
    assert [(line.status, line.reason) for line in fit.lines] == [(status, reason)]


@pytest.mark.parametrize(("level", "asked", "status", "reason"), [
    ("bac+3", "Bac + 4", FitStatus.NOT_SHOWN, "level of study Bac+3 is below the Bac+4 asked"),
    ("bac+4", "Bac + 4", FitStatus.MET, "level of study Bac+4 meets the Bac+4 asked"),
    ("bac+4", "Bac+5", FitStatus.NOT_SHOWN, "level of study Bac+4 is below the Bac+5 asked"),
    ("bac+5", "Master 1 ou maîtrise", FitStatus.MET,
     "level of study Bac+5 meets the Bac+4 asked"),
    ("bac+3", "M1 en relations internationales", FitStatus.NOT_SHOWN,
     "level of study Bac+3 is below the Bac+4 asked"),
    ("bac", "Bac", FitStatus.MET, "level of study Bac meets the Bac asked"),
], ids=["3-of-4", "4-of-4", "4-of-5", "maitrise", "m1", "bac"])
def test_bac4_is_between_bac3_and_bac5(session, hr, clock, level, asked, status, reason):
    posting = make_posting(session, hr, clock, [{"kind": "education", "label": asked}])
    person = candidate_with(session, clock, education_level=level)
    _app, fit = fit_of(session, posting, person, clock)
    assert [(line.status, line.reason) for line in fit.lines] == [(status, reason)]


def test_without_a_level_in_the_profile_the_evidence_counts(session, hr, clock):
    posting = make_posting(session, hr, clock, [{"kind": "education", "label": "Bac+5"}])
    person = candidate_with(session, clock, headline="Chargée de projets")
    app, fit = fit_of(session, posting, person, clock)
    assert [(line.status, line.reason) for line in fit.lines] == [
        (FitStatus.TO_ASSESS, "no evidence and no level of study in the profile")]
    evidence.give_evidence(session, app, posting.requirements[0], evidence="Master (2020)",
                           actor=person, clock=clock)
    [line] = application_fit(session, app, actor=OPERATOR).lines
    assert (line.status, line.reason) == (FitStatus.PARTLY_MET, "evidence given, not self-rated")


def test_missing_evidence_then_given(session, hr, clock):
    posting = make_posting(session, hr, clock, [
        {"kind": "knowledge", "label": "Connaissance du programme Erasmus+"},
        {"kind": "know_how", "label": "Maîtriser la construction budgétaire d’un projet"},
        {"kind": "knowledge", "label": "Droit public", "required": False},
    ])
    person = candidate_with(session, clock)
    app, fit = fit_of(session, posting, person, clock)
    # nothing given at all: to assess, and no score yet rather than a zero
    assert [line.status for line in fit.lines] == [FitStatus.TO_ASSESS] * 3
    assert (fit.score, fit.assessed, fit.total) == (0.0, 0, 3)
    assert fit.coverage_text("en") == "to assess (none of 3 requirements)"
    assert fit.coverage_text("fr") == "à évaluer (aucune des 3 exigences)"
    assert fit.lines[0].reason == "no evidence and no matching skill in the profile"
    assert [m.label for m in missing_evidence(session, app)] == [
        "Connaissance du programme Erasmus+", "Maîtriser la construction budgétaire d’un projet"]
    evidence.give_evidence(session, app, posting.requirements[0], evidence="Deux projets KA2",
                           self_rating=3, actor=person, clock=clock)
    assert [m.label for m in missing_evidence(session, app)] == [
        "Maîtriser la construction budgétaire d’un projet"]
    line = application_fit(session, app, actor=OPERATOR).lines[0]
    assert (line.status, line.reason) == (FitStatus.MET, "evidence given, self-rated 3/4")
    evidence.give_evidence(session, app, posting.requirements[1], evidence="Budgets suivis",
                           self_rating=2, actor=person, clock=clock)
    assert missing_evidence(session, app) == []
    after = application_fit(session, app, actor=OPERATOR)
    assert after.lines[1].status is FitStatus.PARTLY_MET
    # over the two assessed: 2 x 1 + 2 x 0.5 of 4 points; the preferred one left out
    assert (after.score, after.assessed, after.total) == (75.0, 2, 3)
    assert after.coverage_text("en") == "75/100 over 2 of 3 requirements"
    assert after.coverage_text("fr") == "75/100 sur 2 des 3 exigences"


@pytest.mark.parametrize(("self_rating", "reviewer", "status", "reason"), [
    (4, 2, FitStatus.PARTLY_MET, "reviewer rated it 2/4 (overrides the candidate's "
                                 "self-rating 4/4)"),
    (2, 4, FitStatus.MET, "reviewer rated it 4/4 (overrides the candidate's self-rating 2/4)"),
    (3, 3, FitStatus.MET, "reviewer rated it 3/4"),
    (4, 1, FitStatus.NOT_SHOWN, "reviewer rated it 1/4 (overrides the candidate's "
                                "self-rating 4/4)"),
])
def test_reviewer_overrides_self_rating(session, hr, clock, self_rating, reviewer, status,
                                        reason):
    posting = make_posting(session, hr, clock, [{"kind": "knowledge", "label": "Erasmus+"}])
    person = candidate_with(session, clock)
    app, _fit = fit_of(session, posting, person, clock)
    requirement = posting.requirements[0]
    evidence.give_evidence(session, app, requirement, evidence="KA2", self_rating=self_rating,
                           actor=person, clock=clock)
    evidence.rate_evidence(session, app, requirement, rating=reviewer, actor=hr, clock=clock)
    [line] = application_fit(session, app, actor=OPERATOR).lines
    assert (line.status, line.reason, line.source) == (status, reason, "reviewer")


def test_reviewer_overrides_the_profile_too(session, hr, clock):
    posting = make_posting(session, hr, clock, ENGLISH_B2)
    person = candidate_with(session, clock, languages=[LanguageInput("en", "C2")])
    app, fit = fit_of(session, posting, person, clock)
    assert fit.lines[0].status is FitStatus.MET
    evidence.rate_evidence(session, app, posting.requirements[0], rating=1, actor=hr,
                           clock=clock)
    assert application_fit(session, app, actor=OPERATOR).lines[0].status is FitStatus.NOT_SHOWN


def test_skills_matched_by_key_words_without_accents(session, hr, clock):
    posting = make_posting(session, hr, clock, [
        {"kind": "know_how", "label": "Maîtriser les méthodes de gestion de projet"},
        {"kind": "technical_skill", "label": "Gestion financière"},
        {"kind": "soft_skill", "label": "Sens de la diplomatie"},
    ])
    person = candidate_with(session, clock, skills=["GESTION DE PROJETS", "Diplomatie"])
    _app, fit = fit_of(session, posting, person, clock)
    assert [(line.status, line.reason) for line in fit.lines] == [
        (FitStatus.MET, "profile skill « GESTION DE PROJETS » matches (gestion, projets)"),
        # "gestion" alone is too generic to count
        (FitStatus.TO_ASSESS, "no evidence and no matching skill in the profile"),
        (FitStatus.MET, "profile skill « Diplomatie » matches (diplomatie)"),
    ]


def test_weights_required_preferred_and_occupation(session, hr, clock):
    load_reference(session, SAMPLES / "reference", clock=clock)
    posting = make_posting(session, hr, clock, [
        {"kind": "technical_skill", "label": "Gestion de projet",
         "occupation_skill": "Gestion de projet"},  # 95: weight 2 x 0.95
        {"kind": "technical_skill", "label": "Analyse de données", "required": False,
         "occupation_skill": "Analyse de données"},  # 88, preferred: 1 x 0.88
        {"kind": "knowledge", "label": "Droit public"},  # 2
        {"kind": "knowledge", "label": "Recherche universitaire", "required": False},  # 1
    ], occupation="charge-cooperation-internationale")
    person = candidate_with(session, clock, skills=["Gestion de projet", "Droit public"])
    app, fit = fit_of(session, posting, person, clock)
    evidence.rate_evidence(session, app, posting.requirements[3], rating=1, actor=hr,
                           clock=clock)
    fit = application_fit(session, app, actor=OPERATOR)
    assert [line.weight for line in fit.lines] == [1.9, 0.88, 2.0, 1.0]
    assert [line.points for line in fit.lines] == [1.9, 0.0, 2.0, 0.0]
    assert fit.lines[0].occupation_skill == "95 | Gestion de projet"
    assert fit.lines[0].reason.endswith("; weight from the occupation skill 95 | Gestion de "
                                        "projet")
    # the line nothing was given for (Analyse de données) is left out of the score
    assert (fit.points, fit.max_points) == (3.9, 4.9)
    assert fit.score == round(100 * 3.9 / 4.9, 1) == 79.6
    assert fit.counts == {"met": 2, "partly_met": 0, "not_shown": 1, "unknown": 0,
                          "to_assess": 1}
    assert fit.coverage_text("fr") == "79,6/100 sur 3 des 4 exigences"


def test_fit_scores_and_list_sorted_by_fit(session, hr, clock, cli):
    posting = make_posting(session, hr, clock, ENGLISH_B2 + [
        {"kind": "education", "label": "Bac+5"}])
    weak = candidate_with(session, clock, "weak@example.org", education_level="bac+3",
                          languages=[LanguageInput("en", "B1")])
    strong = candidate_with(session, clock, "strong@example.org", education_level="bac+5",
                            languages=[LanguageInput("en", "C1")])
    middle = candidate_with(session, clock, "middle@example.org", education_level="bac+5")
    ids = [fit_of(session, posting, person, clock)[0].id for person in (weak, strong, middle)]
    # middle gave no language: that line is to assess, the score is over the other one
    assert fit_scores(session, ids + [999_999]) == {ids[0]: 0.0, ids[1]: 100.0, ids[2]: 100.0}
    summaries = fit_summaries(session, ids)
    assert [(s.assessed, s.total) for s in summaries.values()] == [(2, 2), (2, 2), (1, 2)]
    page = applications.list_applications(session, posting=posting.reference, sort="fit", actor=OPERATOR)
    # at the same score, the one assessed on more requirements first
    assert [(row.candidate_email, row.fit, row.fit_assessed) for row in page.rows] == [
        ("strong@example.org", 100.0, 2), ("middle@example.org", 100.0, 1),
        ("weak@example.org", 0.0, 2)]
    result = cli(f"application list --posting {posting.reference} --sort fit --format json")
    assert [(a["fit"], a["fit_assessed"], a["fit_requirements"])
            for a in json.loads(result.output)["applications"]] == [
        (100.0, 2, 2), (100.0, 1, 2), (0.0, 2, 2)]
    table = cli(f"application list --posting {posting.reference} --sort fit")
    # the coverage may wrap in its column (the ids are wider on PostgreSQL): read the words
    words = table.output.split()
    assert "Fit" in words and words.count("100/100") == 2 and "requirements" in words
    assert words.index("100/100") < words.index("0/100")
    refused = cli("application list --sort fit")
    assert refused.exit_code == 1 and refused.stderr == (
        "error: --sort: sorting by fit needs --posting\n")


@pytest.fixture
def demo(session, clock):
    return load_demo(session, as_published=True, clock=clock, settings=get_settings(),
              documents=prepare_documents(settings=get_settings()))


def test_demo_fit_with_its_reasons(session, demo):
    camille_app, jordan_app = (applications.get_application(session, i, actor=OPERATOR)
                               for i in demo.application_ids)
    camille = {line.label: line for line in application_fit(session, camille_app, actor=OPERATOR).lines}
    assert camille["Connaissance du programme Erasmus+"].reason == "reviewer rated it 4/4"
    english = ("Utilisation de l'anglais à un niveau permettant une communication libre dans "
               "un environnement académique")
    assert (camille[english].status, camille[english].reason) == (
        FitStatus.MET, "English C1 meets the B2 asked; evidence given too")
    assert camille["Bac + 5"].reason == ("level of study Bac+5 meets the Bac+5 asked; "
                                         "evidence given too")
    assert camille["Maîtriser les méthodes de gestion de projet"].reason == (
        "profile skill « Gestion de projet » matches (gestion, projet)")
    assert camille["Bilingue français/anglais, autre(s) langue(s) un atout"].reason == (
        "French: native speaker; English C1 meets the C1 asked (bilingual read as C1); a plus: "
        "other languages: Spanish B1 in the profile (no level asked)")
    # nothing given for it: for the panel to assess, not failed
    assert camille["Connaissance en Droit public"].status is FitStatus.TO_ASSESS
    whole = application_fit(session, camille_app, actor=OPERATOR)
    assert 0 < whole.assessed < whole.total == 37
    assert whole.score > 50  # at interview: what was assessed is mostly met
    assert whole.coverage_text("en") == (
        f"{whole.score:g}/100 over {whole.assessed} of 37 requirements")
    assert whole.coverage_text("fr") == (
        f"{whole.score:g}/100 sur {whole.assessed} des 37 exigences".replace(".", ","))
    jordan = {line.label: line for line in application_fit(session, jordan_app, actor=OPERATOR).lines}
    assert (jordan["Bac + 5"].status, jordan["Bac + 5"].reason) == (
        FitStatus.NOT_SHOWN, "level of study Bac+3 is below the Bac+5 asked")
    assert jordan[english].reason == "English: native speaker"
    assert jordan["Compétences en communication interculturelle et en coopération"].reason == (
        "evidence given, self-rated 3/4")
    scores = fit_scores(session, demo.application_ids)
    assert scores[camille_app.id] > scores[jordan_app.id] > 0
    assert demo.posting.occupation.slug == "charge-cooperation-internationale"
    assert demo.posting.certification.code == "RNCP39853"


def test_cli_application_fit_table_and_json(cli, demo):
    camille_id = demo.application_ids[0]
    result = cli(f"application fit {camille_id}")
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert f"Fit of application #{camille_id} (Camille Martin) to UJM-DRI-2024-CCI" in text
    assert "reviewer rated it 4/4" in text and "partly met" not in text
    data = json.loads(cli(f"application fit {camille_id} --format json").output)
    assert set(data) == {"application_id", "posting", "candidate", "score", "points",
                         "max_points", "assessed", "requirements", "coverage", "counts",
                         "lines"}
    assert data["requirements"] == 37 and 0 < data["assessed"] < 37
    assert data["coverage"] == f"{data['score']:g}/100 over {data['assessed']} of 37 requirements"
    assert set(data["lines"][0]) == {"requirement_id", "kind", "label", "level", "required",
                                     "status", "weight", "points", "reason", "source",
                                     "occupation_skill"}
    assert f"Score: {data['coverage']} ({data['points']:g} of {data['max_points']:g} " \
           "points; " in text and "to assess" in text
    assert sum(data["counts"].values()) == len(data["lines"]) == 37
    french = json.loads(cli(f"application fit {camille_id} --lang fr --format json").output)
    assert french["score"] == data["score"]
    assert french["coverage"].endswith(f"sur {data['assessed']} des 37 exigences")
    assert "noté 4/4 par le jury" in {line["reason"] for line in french["lines"]}


def test_cli_application_show_lists_what_is_still_to_show(cli, demo, clock):
    jordan_id = demo.application_ids[1]
    result = cli(f"application show {jordan_id}")
    text = " ".join(result.output.split())
    assert "Still to show before the deadline (28 d left)" in text
    record = json.loads(cli(f"application show {jordan_id} --format json").output)
    labels = [m["label"] for m in record["missing_evidence"]]
    assert "Connaissance du programme Erasmus+" in labels
    assert "Compétences en communication interculturelle et en coopération" not in labels
    assert len(labels) == 34  # 35 required, one answered (the preferred ones never listed)
    clock.advance(days=40)
    assert "Not shown by the deadline (12 d ago)" in " ".join(
        cli(f"application show {jordan_id}").output.split())


def test_dossiers_show_the_fit(session, demo, clock):
    camille_id = demo.application_ids[0]
    dossier = dossiers.application_dossier(session, camille_id, clock=clock, actor=OPERATOR)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(dossier.content)).pages)
    fit = application_fit(session, applications.get_application(session, camille_id, actor=OPERATOR), actor=OPERATOR)
    score = fit.score
    assert f"Adéquation au poste\nScore d’adéquation : {fit.coverage_text('fr')}" in \
        text.replace("\n", " ").replace("poste Score", "poste\nScore")
    # where nothing was given: "à évaluer", never "non démontré"
    assert "à évaluer" in text and "non démontré" not in text
    assert "noté 4/4 par le jury" in text
    assert "Anglais C1 : atteint le niveau B2 demandé" in text
    english = dossiers.application_dossier(session, camille_id, lang="en", clock=clock, actor=OPERATOR)
    english_text = "\n".join(p.extract_text() for p in PdfReader(
        io.BytesIO(english.content)).pages)
    assert f"Fit score: {fit.coverage_text('en')}" in english_text.replace("\n", " ")
    assert "to assess" in english_text
    panel = dossiers.panel_dossier(session, demo.posting.reference, clock=clock, actor=OPERATOR)
    panel_text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(panel.content)).pages)
    assert "Adéquation" in panel_text
    assert f"{score:g}/100".replace(".", ",") in panel_text
    assert f"sur {fit.assessed} des 37" in " ".join(panel_text.split())


@pytest.mark.parametrize(("skill", "requirement"), [
    ("Gestion de projet", "Gestion du stress"),
    ("Project management", "Stress management"),
    ("Compétences en gestion de projet", "Connaissance de la gestion administrative"),
], ids=["fr", "en", "fr-stop-words"])
def test_one_shared_generic_word_is_no_match(session, hr, clock, skill, requirement):
    posting = make_posting(session, hr, clock, [{"kind": "soft_skill", "label": requirement}])
    person = candidate_with(session, clock, skills=[skill])
    _app, fit = fit_of(session, posting, person, clock)
    assert [(line.status, line.reason) for line in fit.lines] == [
        (FitStatus.TO_ASSESS, "no evidence and no matching skill in the profile")]


@pytest.mark.parametrize(("skill", "requirement", "words"), [
    ("Gestion de projet", "Gestion de projets européens", "gestion, projet"),
    ("Project management", "Management of international projects", "project, management"),
], ids=["fr", "en"])
def test_a_distinctive_word_beside_the_generic_one_matches(session, hr, clock, skill,
                                                          requirement, words):
    posting = make_posting(session, hr, clock, [{"kind": "know_how", "label": requirement}])
    person = candidate_with(session, clock, skills=[skill])
    _app, fit = fit_of(session, posting, person, clock)
    [line] = fit.lines
    assert line.status is FitStatus.MET
    assert line.reason == f"profile skill « {skill} » matches ({words})"


def test_the_stemmers_load_on_first_use():
    import subprocess
    import sys

    code = ("import sys, tracker.cli, tracker.domain.matching as m; "
            "print('snowballstemmer' in sys.modules); m.keywords('Gestion de projets'); "
            "print('snowballstemmer' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["False", "True"]


def test_a_second_import_of_the_same_skills_adds_nothing(session, demo, cli, tmp_path):
    reference = demo.posting.reference
    before = [r.label for r in demo.posting.requirements]
    assert len(before) == 37
    counts = []
    for _ in range(2):
        proposed = cli(f"reference requirements charge-cooperation-internationale "
                       f"--posting {reference}")
        assert proposed.exit_code == 0, proposed.output
        path = tmp_path / "requirements.yaml"
        path.write_text(proposed.output, encoding="utf-8")
        saved = cli(f"posting update {reference} --file {path}")
        assert saved.exit_code == 0, saved.output
        session.expire_all()
        counts.append(len(postings.get_posting(session, reference, actor=OPERATOR).requirements))
    # the skills the posting's own requirements already hold ("Gestion de projet",
    # "Diplomatie", "Communication") are not proposed again; the second run adds nothing
    assert counts[0] == counts[1] == 37 + 12
    labels = [r.label for r in postings.get_posting(session, reference,
                                                    actor=OPERATOR).requirements]
    assert labels[:37] == before
    assert not any(label.startswith("Gestion de projet (") for label in labels)
    assert len(set(labels)) == len(labels)


def test_the_same_skill_twice_in_one_file_is_one_requirement(session, hr, clock):
    load_reference(session, SAMPLES / "reference", clock=clock)
    posting = make_posting(session, hr, clock, [
        {"kind": "technical_skill", "label": "Gestion de projet",
         "occupation_skill": "Gestion de projet"},
        {"kind": "know_how", "label": "Conduite de projets",
         "occupation_skill": "gestion de  projet"},
        {"kind": "knowledge", "label": "Droit public"},
        {"kind": "knowledge", "label": "Droit  public"},
    ], occupation="charge-cooperation-internationale")
    assert [(r.label, r.position) for r in posting.requirements] == [
        ("Gestion de projet", 0), ("Droit public", 1)]
