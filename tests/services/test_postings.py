from datetime import UTC, date, datetime, time

import pytest
import sqlalchemy as sa

from tests.conftest import POSTING
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.domain.errors import (
    Conflict,
    DomainError,
    InvalidTransition,
    PermissionDenied,
    ValidationFailed,
)
from tracker.models import AuditLog, Posting, PostingStatus, RequirementKind
from tracker.services.accounts import users
from tracker.services.hiring import postings


def make(session, hr, clock, **changes):
    return postings.create_posting(session, {**POSTING, **changes}, actor=hr, clock=clock, settings=get_settings())


def test_deadline_is_local_date_zone_and_utc_instant(session, hr, clock):
    summer = make(session, hr, clock)
    assert summer.valid_through_date == date(2024, 5, 13)
    assert summer.timezone == "Europe/Paris"  # the organisation's zone
    # a date alone runs to the end of that local day: 23:59:59 CEST = 21:59:59 UTC
    assert summer.valid_through == datetime(2024, 5, 13, 21, 59, 59, tzinfo=UTC)
    winter = make(session, hr, clock, reference="W", valid_through_date="13/12/2024",
                  valid_through_time="12:00", timezone="America/New_York")
    assert winter.valid_through == datetime(2024, 12, 13, 17, 0, tzinfo=UTC)


def test_instants_come_back_aware_from_the_database(session, hr, clock):
    created = make(session, hr, clock)
    session.expire_all()
    loaded = session.get(Posting, created.id)
    assert loaded.valid_through.tzinfo is not None
    assert loaded.created_at.utcoffset().total_seconds() == 0


def test_naive_datetime_refused(session, hr, clock):
    created = make(session, hr, clock)
    created.valid_through = datetime(2024, 5, 13, 12, 0)  # noqa: DTZ001
    with pytest.raises(sa.exc.StatementError, match="naive datetime"):
        session.flush()


def test_deadline_in_dst_gap_is_refused(session, hr, clock):
    with pytest.raises(ValidationFailed, match="valid_through_time: 2024-03-31 02:30 does not exist"):
        make(session, hr, clock, date_posted="2024-03-01", valid_through_date="2024-03-31",
             valid_through_time="02:30")


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"valid_through_date": "2024-04-01"}, "valid_through_date", "before date_posted"),
        ({"salary_min": 3000, "salary_max": 2000, "salary_currency": "EUR",
          "salary_period": "month"}, "salary_min", "above salary_max"),
        ({"working_time_percent": 0}, "working_time_percent", "greater than or equal to 1"),
        ({"working_time_percent": 120}, "working_time_percent", "less than or equal to 100"),
        ({"apply_email": "not-an-address"}, "apply_email", "not a valid e-mail"),
        ({"valid_through_date": "31/02/2024"}, "valid_through_date", "not a valid date"),
        ({"valid_through_date": "next monday"}, "valid_through_date", "is not a date"),
        ({"employment_type": "gig"}, "employment_type", "Input should be"),
        ({"timezone": "Europe/Pariss"}, "timezone", "unknown IANA time zone"),
        ({"requirements": [{"kind": "magic", "label": "x"}]}, "requirements[0].kind", "Input"),
        ({"colour": "red"}, "colour", "unknown field"),
        ({"salary_min": 1000}, "salary_currency", "needs a currency"),
    ],
)
def test_rules_name_the_field(session, hr, clock, changes, field, words):
    with pytest.raises(ValidationFailed) as caught:
        make(session, hr, clock, **changes)
    assert any(e.field == field and words in e.message for e in caught.value.errors), str(
        caught.value
    )


LEVELS = [{"kind": "knowledge", "label": "Erasmus+"},
          {"kind": "education", "label": "Bac + 5", "level": "Bac+5"}]


@pytest.mark.parametrize(("requirement", "words"), [
    ({"kind": "language", "label": "Anglais", "level": "B7"},
     "a language requirement's level is a CEFR level: A1, A2, B1, B2, C1 or C2, or empty "
     "(got 'B7')"),
    ({"kind": "language", "label": "Anglais", "level": "courant"}, "(got 'courant')"),
    ({"kind": "language", "label": "Anglais", "level": "B2 minimum"}, "a CEFR level"),
    ({"kind": "education", "label": "Diplôme d'ingénieur", "level": "Bac+7"},
     "an education requirement's level is a level of study: CAP/BEP, Bac, Bac+2, Bac+3, "
     "Bac+4, Bac+5, Bac+8 (or licence, maîtrise, master, doctorat...), or empty (got 'Bac+7')"),
    ({"kind": "education", "label": "Diplôme", "level": "none"}, "a level of study"),
], ids=["B7", "words", "phrase", "bac7", "none"])
def test_a_level_that_cannot_be_read_is_refused(session, hr, clock, requirement, words):
    with pytest.raises(ValidationFailed) as caught:
        make(session, hr, clock, requirements=[*LEVELS, requirement])
    [error] = caught.value.errors
    assert error.field == "requirements[2].level"
    assert words in error.message, error.message


def test_readable_levels_are_kept_a_cefr_level_in_capitals(session, hr, clock):
    posting = make(session, hr, clock, requirements=[
        {"kind": "language", "label": "Anglais", "level": " c1 "},
        {"kind": "language", "label": "Espagnol", "level": ""},
        {"kind": "education", "label": "Maîtrise", "level": "Bac + 4"},
        {"kind": "education", "label": "Master", "level": "master 1"},
        {"kind": "experience", "label": "Trois ans", "level": "3 ans"}])
    assert [r.level for r in posting.requirements] == ["C1", None, "Bac + 4", "master 1",
                                                       "3 ans"]


@pytest.mark.parametrize(("changes", "missing"), [
    ({"salary_currency": "EUR"}, ["salary_period"]),
    ({"salary_period": "month"}, ["salary_currency"]),
    ({}, ["salary_currency", "salary_period"]),
])
def test_a_salary_without_its_currency_or_period_names_what_is_missing(
        session, hr, clock, changes, missing):
    with pytest.raises(ValidationFailed) as caught:
        make(session, hr, clock, salary_min=1000, **changes)
    assert sorted(e.field for e in caught.value.errors) == missing
    words = {"salary_currency": "needs a currency", "salary_period": "needs a period"}
    assert all(words[e.field] in e.message for e in caught.value.errors)


def test_reference_is_unique_and_generated_when_missing(session, hr, clock):
    make(session, hr, clock)
    with pytest.raises(Conflict, match="reference"):
        make(session, hr, clock)
    data = {k: v for k, v in POSTING.items() if k != "reference"}
    first = postings.create_posting(session, data, actor=hr, clock=clock, settings=get_settings())
    second = postings.create_posting(session, data, actor=hr, clock=clock, settings=get_settings())
    assert (first.reference, second.reference) == ("UJM-2024-001", "UJM-2024-002")


def test_hr_posts_for_own_organisation_only(session, hr, clock):
    from tracker.services.accounts import organisations

    organisations.create_organisation(session, slug="other", name="Other", clock=clock, actor=OPERATOR)
    with pytest.raises(PermissionDenied, match="own organisation"):
        make(session, hr, clock, organisation="other")


def test_candidate_logs_private_posting_from_elsewhere(session, candidate, clock):
    data = {"title": "Project officer", "hiring_organization_name": "Some NGO",
            "employment_type": "permanent", "visibility": "private",
            "valid_through_date": "2024-05-01", "timezone": "Europe/London"}
    private = postings.create_posting(session, data, actor=candidate, clock=clock, settings=get_settings())
    assert private.owner_id == candidate.id and private.organisation is None
    assert private.reference == "P-2024-001"
    with pytest.raises(PermissionDenied):
        postings.create_posting(session, {**data, "visibility": "public"}, actor=candidate,
                                clock=clock, settings=get_settings())


def test_status_workflow(session, hr, clock):
    created = make(session, hr, clock)
    assert created.status is PostingStatus.DRAFT
    postings.set_status(session, created, "open", actor=hr, clock=clock)
    postings.set_status(session, created, "closed", actor=hr, clock=clock)
    postings.set_status(session, created, "open", actor=hr, clock=clock)
    postings.set_status(session, created, "cancelled", actor=hr, clock=clock)
    with pytest.raises(InvalidTransition, match="a posting cannot go from cancelled to open"):
        postings.set_status(session, created, "open", actor=hr, clock=clock)
    actions = session.scalars(
        sa.select(AuditLog.action).where(AuditLog.entity_id == created.id,
                                         AuditLog.entity_type == "posting").order_by(AuditLog.id)
    ).all()
    assert actions == ["posting.create", "posting.open", "posting.closed", "posting.open",
                       "posting.cancelled"]


def test_cannot_open_after_deadline(session, hr, clock):
    created = make(session, hr, clock)
    clock.now = datetime(2024, 5, 14, tzinfo=UTC)
    with pytest.raises(DomainError, match="valid_through: the deadline has passed"):
        postings.set_status(session, created, "open", actor=hr, clock=clock)


def test_update_keeps_evidence_of_unchanged_requirements(session, posting, candidate, hr, clock):
    from tracker.services.hiring import applications, evidence

    app = applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    english = posting.requirements[0]
    evidence.give_evidence(session, app, english, evidence="C1", actor=candidate, clock=clock)
    postings.update_posting(session, posting, {
        "valid_through_date": "2024-05-20", "valid_through_time": "12:00",
        "requirements": [*POSTING["requirements"], {"kind": "soft_skill", "label": "Rigueur"}],
    }, actor=hr, clock=clock, settings=get_settings())
    assert posting.valid_through == datetime(2024, 5, 20, 10, 0, tzinfo=UTC)
    assert [r.kind for r in posting.requirements] == [
        RequirementKind.LANGUAGE, RequirementKind.EDUCATION, RequirementKind.SOFT_SKILL]
    session.expire_all()
    assert app.evidence[0].requirement_id == english.id and app.evidence[0].evidence == "C1"


def test_update_checks_everything_again_and_writes_nothing_on_error(session, posting, hr, clock):
    with pytest.raises(ValidationFailed, match="before date_posted"):
        postings.update_posting(session, posting, {"valid_through_date": "2024-01-01"},
                                actor=hr, clock=clock, settings=get_settings())
    session.refresh(posting)
    assert posting.valid_through_date == date(2024, 5, 13)


def test_list_sorted_by_deadline_with_counts(session, hr, posting, candidate, clock):
    from tracker.services.hiring import applications

    make(session, hr, clock, reference="LATER", valid_through_date="2024-06-01")
    make(session, hr, clock, reference="NONE", valid_through_date=None)
    make(session, hr, clock, reference="SOONER", valid_through_date="2024-05-01",
         valid_through_time=time(9, 0))
    applications.start(session, posting, candidate, clock=clock, actor=OPERATOR)
    other = users.create_user(session, email="b@example.org", full_name="B", role="candidate", actor=OPERATOR)
    applications.move(session, applications.start(session, posting, other, clock=clock, actor=OPERATOR),
                      "submitted", actor=other, clock=clock)
    page = postings.list_postings(session, actor=OPERATOR)
    assert [r.posting.reference for r in page.rows] == ["SOONER", "UJM-TEST-1", "LATER", "NONE"]
    counts = {r.posting.reference: {s.value: n for s, n in r.counts.items()} for r in page.rows}
    assert counts["UJM-TEST-1"] == {"draft": 1, "submitted": 1}
    assert postings.list_postings(session, status="open", actor=OPERATOR).rows[0].posting.reference == "UJM-TEST-1"
    second = postings.list_postings(session, page=2, per_page=3, actor=OPERATOR)
    assert [r.posting.reference for r in second.rows] == ["NONE"] and not second.has_next


@pytest.mark.parametrize(("field", "value"), [("reference", "OTHER"), ("visibility", "private")])
def test_reference_and_visibility_cannot_change(session, posting, hr, clock, field, value):
    with pytest.raises(DomainError, match=f"{field}: the {field} of a posting cannot change"):
        postings.update_posting(session, posting, {field: value}, actor=hr, clock=clock, settings=get_settings())


@pytest.mark.parametrize(
    ("contact", "method"),
    [({"apply_email": "jobs@example.org"}, "email"),
     ({"apply_url": "https://example.org/jobs/1"}, "url"),
     ({}, "in_app"),
     ({"apply_email": "jobs@example.org", "apply_method": "in_app"}, "in_app")],
)
def test_apply_method_follows_the_contact_given(session, hr, clock, contact, method):
    data = {k: v for k, v in POSTING.items() if not k.startswith("apply_")}
    created = postings.create_posting(session, {**data, **contact}, actor=hr, clock=clock, settings=get_settings())
    assert created.apply_method.value == method


def test_input_of_a_posting_makes_the_same_posting(session, posting, hr, clock):
    data = postings.input_of(posting)
    copy = postings.create_posting(session, {**data, "reference": "COPY"}, actor=hr, clock=clock, settings=get_settings())
    assert postings.input_of(copy) == {**data, "reference": "COPY"}


def test_pydantic_refusals_keep_their_english_and_read_in_french(session, hr, clock):
    with pytest.raises(ValidationFailed) as caught:
        make(session, hr, clock, working_time_percent="beaucoup", title="T" * 301,
             requirements=[{"kind": "language", "label": "Anglais", "level": "B7"}])
    said = {error.field: (error.message, error.text("fr")) for error in caught.value.errors}
    assert said["working_time_percent"] == (
        "Input should be a valid integer, unable to parse string as an integer (got 'beaucoup')",
        "doit être un nombre entier (saisi : 'beaucoup')")
    english, french = said["title"]
    assert english.startswith("String should have at most 300 characters (got 'TTT")
    assert french.startswith("300 caractères au plus (saisi : 'TTT")
    assert said["requirements[0].level"][1] == (
        "le niveau d’une exigence de langue est un niveau du CECRL : A1, A2, B1, B2, C1 ou C2, "
        "ou vide (saisi : 'B7')")
