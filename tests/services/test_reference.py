"""Loading the reference data (idempotent, updates on change), showing it, and starting a
posting's requirements from an occupation."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

import pytest
import sqlalchemy as sa
import yaml

from tests.cli.helpers import assert_refused, row_counts
from tests.conftest import POSTING, SAMPLES
from tracker.config import get_settings
from tracker.domain.errors import DomainError, ValidationFailed
from tracker.models import (
    Certification,
    MarketFigure,
    Occupation,
    OccupationSkill,
    SalaryPeriod,
    SkillKind,
)
from tracker.services.hiring import postings
from tracker.services.reference import catalogue as reference
from tracker.services.reference.load import load_reference


@pytest.fixture
def loaded(session, clock):
    return load_reference(session, SAMPLES / "reference", clock=clock)


def test_load_creates_occupations_certification_and_links(session, loaded):
    assert sorted(loaded.created) == [
        "3 links", "certification RNCP39853",
        "occupation charge-cooperation-internationale",
        "occupation charge-mission-relations-internationales",
        "occupation international-project-officer",
    ]
    cci = reference.get_occupation(session, "charge-cooperation-internationale")
    hard = {s.label: s.weight for s in cci.skills if s.kind is SkillKind.HARD}
    assert hard == {"Compétences linguistiques": 90, "Gestion de projet": 95,
                    "Analyse de données": 88, "Connaissance du droit international": 85,
                    "Gestion financière": 92, "Expertise sectorielle": 87}
    [junior, experienced] = cci.salaries
    assert (junior.amount_min, junior.amount_max, junior.currency, junior.period,
            junior.basis.value) == (Decimal(26000), Decimal(32000), "EUR", SalaryPeriod.YEAR,
                                    "gross")
    assert experienced.years_min == 5 and junior.years_max == 3
    cert = reference.get_certification(session, "rncp39853")
    assert [r.code for r in cert.rome_codes] == ["K1704", "K1404", "K1405"]
    assert [b.is_optional for b in cert.blocks] == [False] * 4 + [True] * 2
    offers = next(f for f in cert.market_figures if f.kind.value == "salary_offers")
    assert (offers.amount_min, offers.amount_max, offers.pay_period, offers.percent) == (
        Decimal(1833), Decimal(3000), SalaryPeriod.MONTH, Decimal(55))
    assert (offers.period_start.isoformat(), offers.period_end.isoformat()) == (
        "2025-01-01", "2025-03-31")
    access = next(f for f in cert.market_figures if f.kind.value == "access_rate")
    assert access.period_end.isoformat() == "2024-06-30"
    assert {link.occupation.slug: link.basis for link in cert.links} == {
        "charge-mission-relations-internationales": "stated",
        "charge-cooperation-internationale": "ours", "international-project-officer": "ours"}


def test_second_load_changes_nothing(session, loaded, clock):
    before = row_counts(session)
    ids = sorted(session.scalars(sa.select(OccupationSkill.id)))
    first_load = clock.now
    clock.advance(days=1)
    again = load_reference(session, SAMPLES / "reference", clock=clock)
    assert not again.changed and again.created == again.updated == []
    assert len(again.unchanged) == 5
    assert row_counts(session) == before
    assert sorted(session.scalars(sa.select(OccupationSkill.id))) == ids
    assert {o.loaded_at for o in session.scalars(sa.select(Occupation))} == {first_load}


def test_changed_file_updates_and_keeps_requirement_links(session, loaded, hr, clock, tmp_path):
    folder = tmp_path / "reference"
    shutil.copytree(SAMPLES / "reference", folder)
    posting = postings.create_posting(session, {
        **POSTING, "occupation": "charge-cooperation-internationale",
        "requirements": [{"kind": "technical_skill", "label": "Gestion de projet",
                          "occupation_skill": "Gestion de projet"}],
    }, actor=hr, clock=clock, settings=get_settings())
    skill_id = posting.requirements[0].occupation_skill_id
    path = folder / "occupation-charge-cooperation-internationale.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "{weight: 95, label: Gestion de projet", "{weight: 96, label: Gestion de projet"),
        encoding="utf-8")
    result = load_reference(session, folder, clock=clock)
    assert result.updated == ["occupation charge-cooperation-internationale"]
    assert "RNCP39853" in result.unchanged
    session.expire_all()
    skill = session.get(OccupationSkill, skill_id)
    assert skill.weight == 96
    assert posting.requirements[0].occupation_skill_id == skill_id
    assert session.scalar(sa.select(sa.func.count()).select_from(MarketFigure)) == 15


def test_changed_certification_file_updates_its_rows(session, loaded, clock, tmp_path):
    folder = tmp_path / "reference"
    shutil.copytree(SAMPLES / "reference", folder)
    path = folder / "certification-rncp39853.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'seekers: "12", seekers_line: 200', 'seekers: "13", seekers_line: 200'),
        encoding="utf-8")
    result = load_reference(session, folder, clock=clock)
    assert result.updated == ["certification RNCP39853"]
    session.expire_all()
    cert = reference.get_certification(session, "RNCP39853")
    assert [r.code for r in cert.rome_codes] == ["K1704", "K1404", "K1405"]
    assert len(cert.market_shares) == 18 and len(cert.prerequisites) == 6
    band = next(s for s in cert.market_shares if s.label == "bac+3 bac+4")
    assert (band.seekers_percent, band.offers_percent) == (Decimal(13), Decimal("40.1"))


def test_bad_file_names_the_file_and_field(session, tmp_path, clock):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "occupation-x.yaml").write_text(
        "kind: occupation\nsource: x.txt\nslug: x-y\nlanguage: fr\ntitle: X\ntitle_line: 1\n"
        "hard_skills:\n  - {label: Gestion, weight: 150, line: 3}\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as caught:
        load_reference(session, folder, clock=clock)
    assert str(caught.value).startswith("occupation-x.yaml: hard_skills[0].weight: ")
    assert session.scalar(sa.select(sa.func.count()).select_from(Occupation)) == 0
    with pytest.raises(DomainError, match="no \\*.yaml reference file"):
        load_reference(session, tmp_path, clock=clock)


def test_posting_names_occupation_certification_and_skill(session, loaded, hr, clock):
    data = {**POSTING, "occupation": "charge-cooperation-internationale",
            "certification": "RNCP39853",
            "requirements": [{"kind": "technical_skill", "label": "Gestion de projet (budget)",
                              "occupation_skill": "gestion de projet"}]}
    posting = postings.create_posting(session, data, actor=hr, clock=clock, settings=get_settings())
    assert posting.occupation.slug == "charge-cooperation-internationale"
    assert posting.certification.code == "RNCP39853"
    assert posting.requirements[0].occupation_skill.display == "95 | Gestion de projet"
    again = postings.input_of(posting)
    assert again["occupation"] == "charge-cooperation-internationale"
    assert again["requirements"][0]["occupation_skill"] == "Gestion de projet"


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"occupation": "astronaute"}, "occupation", "no occupation 'astronaute'"),
    ({"certification": "RNCP1"}, "certification", "no certification 'RNCP1'"),
    ({"requirements": [{"kind": "knowledge", "label": "X", "occupation_skill": "Pilotage"}]},
     "requirements[0].occupation_skill", "has no skill 'Pilotage'"),
])
def test_unknown_references_are_refused_by_field(session, loaded, hr, clock, changes, field,
                                                 words):
    data = {**POSTING, "occupation": "charge-cooperation-internationale", **changes}
    with pytest.raises(ValidationFailed) as caught:
        postings.create_posting(session, data, actor=hr, clock=clock, settings=get_settings())
    assert caught.value.field == field and words in caught.value.message


def test_a_skill_needs_the_posting_to_name_an_occupation(session, loaded, hr, clock):
    data = {**POSTING, "requirements": [
        {"kind": "knowledge", "label": "X", "occupation_skill": "Gestion de projet"}]}
    with pytest.raises(ValidationFailed, match="requirements\\[0\\].occupation_skill: the "
                                               "posting names no occupation"):
        postings.create_posting(session, data, actor=hr, clock=clock, settings=get_settings())


def test_proposed_requirements_follow_the_weights(session, loaded):
    proposed = reference.propose_requirements(session, "charge-cooperation-internationale")
    hard = [p for p in proposed if p.weight is not None]
    assert [(p.occupation_skill, p.weight, p.required) for p in hard] == [
        ("Compétences linguistiques", 90, True), ("Gestion de projet", 95, True),
        ("Analyse de données", 88, False), ("Connaissance du droit international", 85, False),
        ("Gestion financière", 92, True), ("Expertise sectorielle", 87, False)]
    assert hard[1].label == "Gestion de projet (Coordination, Planification, Budgétisation)"
    assert hard[1].as_input() == {"kind": "technical_skill", "label": hard[1].label,
                                  "required": True, "occupation_skill": "Gestion de projet"}
    soft = [p for p in proposed if p.weight is None]
    assert len(soft) == 9 and not any(p.required for p in soft)
    assert {p.kind.value for p in soft} == {"soft_skill"}
    with_tools = reference.propose_requirements(session, "charge-cooperation-internationale",
                                                tools=True)
    assert len(with_tools) == len(proposed) + 18


def test_cli_load_list_show(cli, session):
    first = cli("reference load")
    assert first.exit_code == 0, first.output
    assert "reference: added occupation charge-cooperation-internationale" in first.output
    counts = row_counts(session)
    second = cli("reference load")
    assert second.output == ("reference: unchanged RNCP39853, charge-cooperation-internationale, "
                             "charge-mission-relations-internationales, "
                             "international-project-officer, links\n")
    assert row_counts(session) == counts
    listing = cli("reference list --format json")
    assert [(r["kind"], r["key"]) for r in json.loads(listing.output)] == [
        ("occupation", "charge-cooperation-internationale"),
        ("occupation", "charge-mission-relations-internationales"),
        ("occupation", "international-project-officer"), ("certification", "RNCP39853")]
    shown = cli("reference show charge-cooperation-internationale")
    assert shown.exit_code == 0
    text = " ".join(shown.output.split())
    assert "hard 95 Gestion de projet" in text and "Budgétisation" in text
    assert "De 26000€ à 32000€" in text
    record = json.loads(cli("reference show RNCP39853 --format json").output)
    assert record["level"] is None and record["entry_level"] == 6
    offers = record["market_figures"][4]
    assert (offers["kind"], offers["min"], offers["max"], offers["period"], offers["line"]) == (
        "salary_offers", "1833.00", "3000.00", "1er trimestre 2025", 78)
    cert_text = " ".join(cli("reference show RNCP39853").output.split())
    assert "K1704 Management de la sécurité publique 52" in cert_text
    assert "language niveau d’anglais professionnel 11" in cert_text
    assert "diploma bac+3 bac+4 12.00 % 40.10 % 200, 201, 203" in cert_text
    assert "Aucune donnée" in cert_text and "ANNEE 2024 (France" in cert_text
    [difficulty] = [f for f in record["market_figures"] if f["kind"] == "recruitment_difficulty"]
    assert (difficulty["quote"], difficulty["origin"], difficulty["period"], difficulty["line"],
            difficulty["percent"], difficulty["count"]) == (
        "Aucune donnée disponible sur les difficultés de recrutement", "France Travail & Dares",
        "ANNEE 2024", 172, None, None)
    shares = record["market_shares"]
    assert [(s["dimension"], s["label"], s["job_seekers_percent"], s["job_offers_percent"])
            for s in shares if s["label"] in ("bac+3 bac+4", "1 à 4 ans")] == [
        ("diploma", "bac+3 bac+4", "12.00", "40.10"), ("experience", "1 à 4 ans", "39.00",
                                                       "0.00")]
    assert {s["period"] for s in shares if s["dimension"] != "diploma"} == {"1er trimestre 2025"}
    assert [p["label"] for p in record["prerequisites"]][-1] == "niveau d’anglais professionnel"
    occupation = json.loads(cli("reference show charge-cooperation-internationale "
                                "--format json").output)
    assert [(d["title"], d["level"], d["ects"], d["education_level"], d["line"])
            for d in occupation["diplomas"]] == [
        ("BTS", "BAC +2", 120, "bac+2", 233), ("BACHELOR", "BAC +3", 180, "bac+3", 244),
        ("MASTERE", "BAC +5", 300, "bac+5", 257)]
    assert [n["line"] for n in occupation["education_notes"]] == [265, 267]
    assert occupation["experience_routes"][0] == {"title": "Assistant(e) en communication",
                                                  "line": 274}
    assert "diploma MASTERE BAC +5 (300 ECTS) = Bac+5 257" in text
    assert_refused(cli("reference show astronaute"), "SLUG|CODE", "no occupation")
    assert_refused(cli("reference load --dir /nonexistent-folder"), "--dir", "is not a folder")


def test_cli_requirements_yaml_saved_with_posting_update(cli, session, posting):
    cli("reference load")
    result = cli(f"reference requirements charge-cooperation-internationale "
                 f"--posting {posting.reference}")
    assert result.exit_code == 0, result.output
    proposal = yaml.safe_load(result.output)
    assert proposal["occupation"] == "charge-cooperation-internationale"
    assert proposal["requirements"][:2] == [
        {"kind": "language", "label": "Anglais", "level": "B2", "required": True},
        {"kind": "education", "label": "Bac + 5", "level": "Bac+5", "required": True}]
    assert proposal["requirements"][3] == {
        "kind": "technical_skill",
        "label": "Gestion de projet (Coordination, Planification, Budgétisation)",
        "required": True, "occupation_skill": "Gestion de projet"}
    assert "# weight 95 ≥ 90: required" in result.output
    # hr edits: drop a proposal, make another preferred, then saves
    proposal["requirements"].pop(2)
    proposal["requirements"][2]["required"] = False
    saved = cli(f"posting update {posting.reference} --file - ",
                input=yaml.safe_dump(proposal, allow_unicode=True))
    assert saved.exit_code == 0, saved.output
    shown = json.loads(cli(f"posting show {posting.reference} --format json").output)
    assert shown["occupation"]["slug"] == "charge-cooperation-internationale"
    skills = shown["requirements"]["technical_skill"]
    assert skills[0] == {"label": "Gestion de projet (Coordination, Planification, "
                                  "Budgétisation)", "level": None, "required": False,
                         "occupation_skill": "95 | Gestion de projet"}
    # proposing again leaves out the skills the posting already has
    again = yaml.safe_load(cli(f"reference requirements charge-cooperation-internationale "
                               f"--posting {posting.reference}").output)
    assert len(again["requirements"]) == len(proposal["requirements"]) + 1


def test_cli_posting_add_names_occupation_and_certification(cli, session, ujm):
    cli("reference load")
    result = cli("posting add --org ujm --title Test --employment-type permanent "
                 "--occupation charge-mission-relations-internationales "
                 "--certification rncp39853 --format json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["occupation"]["slug"] == "charge-mission-relations-internationales"
    assert record["certification"] == {"code": "RNCP39853",
                                       "title": "Expert en relations et coopérations "
                                                "internationales"}
    assert session.scalar(sa.select(sa.func.count()).select_from(Certification)) == 1
