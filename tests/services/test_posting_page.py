"""The posting's hr page read in one service call (#16): its parts read as columns give the record
their relations give, it is the employer's alone, and it holds what the page shows."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.conftest import POSTING, SAMPLES
from tracker.config import get_settings
from tracker.domain.access import OPERATOR, visible_postings
from tracker.domain.errors import NotFound, PermissionDenied
from tracker.models import OccupationSkill, Posting
from tracker.services.accounts import organisations, users
from tracker.services.hiring import postings
from tracker.services.hiring.lookup import get_posting
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


def test_the_lookup_built_once_finds_what_the_visibility_rule_lets_each_actor_see(
        session, hr, posting, candidate, clock):
    """get_posting's statement is built once per kind of actor, the actor's ids bound on each
    lookup: for every kind it finds what visible_postings, built for the actor, lets it see."""
    organisations.create_organisation(session, slug="other", name="Other", clock=clock,
                                      actor=OPERATOR)
    people = {
        "other hr": users.create_user(session, email="rh@other.example", full_name="O",
                                      role="hr", organisation="other", clock=clock,
                                      actor=OPERATOR),
        "admin": users.create_user(session, email="admin@example.org", full_name="A",
                                   role="admin", clock=clock, actor=OPERATOR),
        "other candidate": users.create_user(session, email="c2@example.org", full_name="C2",
                                             role="candidate", clock=clock, actor=OPERATOR),
        "hr": hr, "candidate": candidate, "operator": OPERATOR,
    }
    draft = postings.create_posting(session, {**POSTING, "reference": "UJM-DRAFT"}, actor=hr,
                                    clock=clock, settings=get_settings())
    private = postings.create_posting(session, {
        "title": "Project officer", "hiring_organization_name": "Some NGO",
        "employment_type": "permanent", "visibility": "private",
        "valid_through_date": "2024-05-01", "timezone": "Europe/London"}, actor=candidate,
        clock=clock, settings=get_settings())
    session.flush()
    for name, reader in people.items():
        for shown in (posting, draft, private):
            rule = session.scalars(sa.select(Posting.id).where(
                Posting.id == shown.id, visible_postings(reader))).first() is not None
            try:
                found = get_posting(session, shown.reference, actor=reader) is shown
            except NotFound:
                found = False
            assert found is rule, (name, shown.reference)
    assert get_posting(session, posting.reference, actor=people["other hr"]) is posting
    with pytest.raises(NotFound):
        get_posting(session, draft.reference, actor=people["other hr"])
    with pytest.raises(NotFound):
        get_posting(session, private.reference, actor=people["other candidate"])
