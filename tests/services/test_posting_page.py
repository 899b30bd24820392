"""The posting's hr page read in one service call (#16): its parts read as columns give the record
their relations give, it is the employer's alone, and it holds what the page shows."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.conftest import POSTING, SAMPLES
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.domain.errors import NotFound, PermissionDenied
from tracker.models import OccupationSkill
from tracker.services.accounts import organisations, users
from tracker.services.hiring import postings
from tracker.services.reference.load import load_reference
from tracker.services.views import records
from tracker.services.views.posting_page import _skill, posting_page

PARTS = {
    "occupation": "charge-cooperation-internationale",
    "requirements": [
        {"kind": "technical_skill", "label": "Gestion de projet",
         "occupation_skill": "Gestion de projet"},
        {"kind": "language", "label": "Anglais", "level": "B2"},
        {"kind": "education", "label": "Bac + 5", "level": "Bac+5", "required": False},
        {"kind": "technical_skill", "label": "Analyse de données",
         "occupation_skill": "Analyse de données"},
    ],
    "apply_method": "in_app", "apply_email": None,
    "required_documents": [
        {"kind": "cv", "label": "Curriculum vitae"},
        {"kind": "cover_letter", "label": "Lettre de motivation"},
        {"kind": "diploma", "label": "Diplôme", "required": False}],
}


@pytest.fixture
def full(session, hr, clock):  # noqa: ANN001, ANN201
    load_reference(session, SAMPLES / "reference", clock=clock)
    created = postings.create_posting(session, {**POSTING, **PARTS}, actor=hr, clock=clock,
                                      settings=get_settings())
    session.flush()
    return created


def test_the_parts_read_as_columns_give_the_record_the_relations_give(session, hr, full, clock):
    page = posting_page(session, full.reference, actor=hr, clock=clock, lang="fr")
    session.expire_all()  # the relations read afresh, as the page read them before
    assert page.record == records.posting_record(session.merge(full), clock(), interviews=[])
    assert [r["label"] for r in page.record["requirements"]["technical_skill"]] == [
        "Gestion de projet", "Analyse de données"]
    assert page.record["requirements"]["technical_skill"][0]["occupation_skill"] == (
        "95 | Gestion de projet")
    assert [d["kind"] for d in page.record["required_documents"]] == [
        "cv", "cover_letter", "diploma"]


def test_a_skill_is_written_as_its_model_writes_it(session, full):
    skills = list(session.scalars(sa.select(OccupationSkill).limit(3)))
    for skill in skills:
        assert _skill(skill.weight, skill.label) == skill.display
        skill.weight = None
        assert _skill(skill.weight, skill.label) == skill.display == skill.label


def test_the_page_holds_what_it_shows(session, hr, posting, clock):
    page = posting_page(session, posting.reference, actor=hr, clock=clock, per_page=10)
    assert page.posting is posting
    assert page.record["reference"] == posting.reference
    assert set(page.allowed) == {s.value for s in postings.POSTING_TRANSITIONS[posting.status]}
    assert page.applicants["total"] == 0 and page.interviews == []
    assert page.salary["verdict"] == "no_salary"


def test_only_its_employer_reads_the_page(session, posting, clock):
    organisations.create_organisation(session, slug="other", name="Other", clock=clock,
                                      actor=OPERATOR)
    other = users.create_user(session, email="rh@other.example", full_name="Other hr",
                              role="hr", organisation="other", clock=clock, actor=OPERATOR)
    candidate = users.create_user(session, email="c@example.org", full_name="C",
                                  role="candidate", clock=clock, actor=OPERATOR)
    for reader in (other, candidate):
        with pytest.raises((NotFound, PermissionDenied)):
            posting_page(session, posting.reference, actor=reader, clock=clock)
