import re
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from tracker.domain.access import OPERATOR
from tracker.domain.errors import Conflict, DomainError, NotFound
from tracker.models import (
    AuditLog,
    CandidateLanguage,
    CandidateProfile,
    CandidateSkill,
    CEFRLevel,
    EducationLevel,
    Locale,
    Role,
    User,
)
from tracker.services.accounts import users
from tracker.services.accounts.users import LanguageInput as Lang


def count(session, model):
    return session.scalar(sa.select(sa.func.count()).select_from(model))


def make(session, clock, **fields):
    data = {"email": "camille@example.org", "full_name": "Camille Martin",
            "role": "candidate", **fields}
    return users.create_user(session, **data, clock=clock, actor=OPERATOR)


def test_create_candidate(session, clock):
    user = make(session, clock, full_name="  Camille Martin ", locale="en",
                timezone="America/Montreal")
    session.expire_all()
    user = session.get(User, user.id)
    assert (user.email, user.full_name, user.role, user.locale, user.timezone) == (
        "camille@example.org", "Camille Martin", Role.CANDIDATE, Locale.EN, "America/Montreal")
    assert user.organisation is None and user.password_hash is None and user.is_active
    assert user.created_at == datetime(2024, 4, 15, 8, 0, tzinfo=UTC)
    audit = session.scalars(sa.select(AuditLog).where(AuditLog.entity_id == user.id,
                                                      AuditLog.entity_type == "user_account")).one()
    assert (audit.action, audit.details) == ("user.create", {"role": "candidate"})


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("camille@example.org", "camille@example.org"),
        ("  Camille.Martin@Example.ORG ", "camille.martin@example.org"),
        ("CAMILLE@EXAMPLE.ORG", "camille@example.org"),
    ],
)
def test_email_is_normalised(session, clock, given, stored):
    user = make(session, clock, email=given)
    assert user.email == stored
    assert users.get_user(session, given).id == user.id
    assert users.find_user(session, stored).id == user.id


@pytest.mark.parametrize("email", ["nope", "camille@", "@example.org", "camille@@example.org",
                                   "camille martin@example.org", ""])
def test_invalid_email_names_the_field(session, clock, email):
    with pytest.raises(DomainError, match="is not a valid e-mail address") as caught:
        make(session, clock, email=email)
    assert caught.value.field == "email"
    assert count(session, User) == 0


def test_duplicate_email_is_a_conflict(session, clock):
    make(session, clock)
    with pytest.raises(Conflict, match="a user with e-mail camille@example.org already exists"
                       ) as caught:
        make(session, clock, email="Camille@Example.org", full_name="Someone else")
    assert caught.value.field == "email"
    assert count(session, User) == 1


def test_hr_belongs_to_an_organisation(session, ujm, clock):
    with pytest.raises(DomainError, match="an hr user must belong to an organisation") as caught:
        make(session, clock, email="rh@univ-st-etienne.fr", role="hr")
    assert caught.value.field == "organisation"
    with pytest.raises(NotFound, match="no organisation with slug 'nope'") as caught:
        make(session, clock, email="rh@univ-st-etienne.fr", role="hr", organisation="nope")
    assert caught.value.field == "organisation"
    assert count(session, User) == 0
    hr = make(session, clock, email="rh@univ-st-etienne.fr", role="hr", organisation="ujm")
    assert hr.organisation_id == ujm.id and hr.role is Role.HR


def test_candidate_has_no_organisation(session, ujm, clock):
    with pytest.raises(DomainError, match="candidates do not belong to an organisation") as caught:
        make(session, clock, organisation="ujm")
    assert caught.value.field == "organisation"
    assert count(session, User) == 0


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"timezone": "Europe/Pariss"}, "timezone", "unknown IANA time zone 'Europe/Pariss'"),
        ({"timezone": "CEST+2"}, "timezone", "unknown IANA time zone"),
        ({"role": "boss"}, "role", "'boss' is not one of: admin, hr, candidate"),
        ({"locale": "de"}, "locale", "'de' is not one of: fr, en"),
        ({"full_name": "   "}, "full_name", "must not be empty"),
        ({"password": "short-pw1"}, "password", "must be at least 12 characters long"),
    ],
)
def test_rules_name_the_field(session, clock, fields, field, words):
    with pytest.raises(DomainError, match=words) as caught:
        make(session, clock, **fields)
    assert caught.value.field == field
    assert count(session, User) == 0


def test_password_is_hashed_with_argon2(session, clock):
    user = make(session, clock, password="tall ladder ink")
    assert user.password_hash.startswith("$argon2")
    assert "tall ladder ink" not in user.password_hash
    assert users.verify_password(user, "tall ladder ink")
    assert not users.verify_password(user, "tall ladder inc")
    assert not users.verify_password(user, "")
    other = make(session, clock, email="b@example.org", password="tall ladder ink")
    assert other.password_hash != user.password_hash  # salted


def test_the_app_hashes_with_argon2id_at_its_recommended_cost():
    """The app's own hasher (tests in this process swap in argon2's lowest cost, conftest.py):
    argon2id, 64 MiB, 3 passes (RFC 9106's second recommended option); it checks a hash made at
    the tests' cost too (the hash carries its cost), as a CLI run as a subprocess does."""
    from argon2 import PasswordHasher, Type

    from tests.conftest import APP_HASHER

    assert (APP_HASHER.type, APP_HASHER.memory_cost, APP_HASHER.time_cost) == (Type.ID, 65536, 3)
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash("tall ladder ink")
    assert APP_HASHER.verify(cheap, "tall ladder ink")


def test_user_without_password_cannot_log_in(session, clock):
    user = make(session, clock)
    assert not users.verify_password(user, "")
    assert not users.verify_password(user, "anything-at-all")


def test_broken_hash_does_not_verify(session, clock):
    user = make(session, clock, password="secret-password-1")
    user.password_hash = "$argon2id$garbage"
    assert not users.verify_password(user, "secret-password-1")


@pytest.mark.parametrize("password", ["", "12345678901", "elevenchars"])
def test_hash_password_refuses_short_ones(password):
    with pytest.raises(DomainError, match="password: must be at least 12 characters long"):
        users.hash_password(password)


def test_get_user(session, clock):
    user = make(session, clock)
    assert users.get_user(session, "CAMILLE@example.org").id == user.id
    with pytest.raises(NotFound, match="no user with e-mail nobody@example.org") as caught:
        users.get_user(session, "nobody@example.org", "--as")
    assert caught.value.field == "--as"
    with pytest.raises(DomainError) as caught:
        users.get_user(session, "not-an-address", "--candidate")
    assert caught.value.field == "--candidate"


def test_set_profile(session, candidate, clock):
    profile = users.set_profile(
        session, candidate, headline="Chargée de projets européens", education_level="bac+5",
        education_detail="Master RI", experience_years=4, experience_summary="Erasmus+ KA2",
        skills=["Gestion de projet", " Erasmus+ "],
        languages=[Lang("fr", is_native=True), Lang("EN", "c1"), Lang("es", "B1")],
        clock=clock,
        actor=OPERATOR,
    )
    session.expire_all()
    profile = session.get(CandidateProfile, profile.id)
    assert profile.user_id == candidate.id
    assert (profile.headline, profile.education_level, profile.education_detail,
            profile.experience_years, profile.experience_summary) == (
        "Chargée de projets européens", EducationLevel.BAC5, "Master RI", 4, "Erasmus+ KA2")
    assert [s.label for s in profile.skills] == ["Gestion de projet", "Erasmus+"]
    assert [(lang.language, lang.level, lang.is_native) for lang in profile.languages] == [
        ("fr", None, True), ("en", CEFRLevel.C1, False), ("es", CEFRLevel.B1, False)]


def test_bac4_is_a_level_of_study(session, candidate, clock):
    profile = users.set_profile(session, candidate, education_level="bac+4", clock=clock, actor=OPERATOR)
    session.expire_all()
    assert session.get(CandidateProfile, profile.id).education_level is EducationLevel.BAC4
    assert [e.value for e in EducationLevel] == [
        "none", "cap_bep", "bac", "bac+2", "bac+3", "bac+4", "bac+5", "bac+8"]


def test_set_profile_again_replaces_it(session, candidate, clock):
    users.set_profile(session, candidate, education_level="bac+3",
                      skills=["Erasmus+", "Gestion de projet"],
                      languages=[Lang("en", "B2"), Lang("fr", is_native=True)], clock=clock, actor=OPERATOR)
    clock.advance(days=30)
    # the same skills and languages again, reordered, one changed level, one dropped, one new
    users.set_profile(session, candidate, education_level="bac+5",
                      skills=["Gestion de projet", "Montage budgétaire", "Erasmus+"],
                      languages=[Lang("fr", is_native=True), Lang("en", "C1")], clock=clock, actor=OPERATOR)
    session.expire_all()
    profile = session.scalars(sa.select(CandidateProfile)).one()
    assert profile.education_level is EducationLevel.BAC5
    assert profile.updated_at == clock.now
    assert [s.label for s in profile.skills] == ["Gestion de projet", "Montage budgétaire",
                                                 "Erasmus+"]
    assert [(lang.language, lang.level, lang.is_native) for lang in profile.languages] == [
        ("fr", None, True), ("en", CEFRLevel.C1, False)]
    assert count(session, CandidateSkill) == 3 and count(session, CandidateLanguage) == 2
    users.set_profile(session, candidate, clock=clock, actor=OPERATOR)  # empties it
    session.expire_all()
    assert count(session, CandidateSkill) == count(session, CandidateLanguage) == 0
    assert count(session, CandidateProfile) == 1


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"languages": [Lang("en", "B3")]}, "languages[0].level", "'B3' is not one of: A1"),
        ({"languages": [Lang("en", "fluent")]}, "languages[0].level", "is not one of"),
        ({"languages": [Lang("fr", is_native=True), Lang("en", "D1")]}, "languages[1].level",
         "is not one of"),
        ({"languages": [Lang("english", "B2")]}, "languages[0].language",
         "'english' is not an ISO 639 code"),
        ({"languages": [Lang("e1")]}, "languages[0].language", "is not an ISO 639 code"),
        ({"languages": [Lang("en"), Lang("EN", "B2")]}, "languages[1].language",
         "'en' is listed twice"),
        ({"skills": ["Erasmus+", " "]}, "skills[1]", "must not be empty"),
        ({"skills": ["Erasmus+", "Erasmus+ "]}, "skills[1]", "'Erasmus+' is listed twice"),
        ({"education_level": "master"}, "education_level", "'master' is not one of: none"),
        ({"experience_years": -1}, "experience_years", "must not be negative"),
    ],
)
def test_profile_rules_name_the_field(session, candidate, clock, fields, field, words):
    with pytest.raises(DomainError, match=re.escape(words)) as caught:
        users.set_profile(session, candidate, clock=clock, **fields, actor=OPERATOR)
    assert caught.value.field == field
    session.flush()
    assert count(session, CandidateProfile) == 0


def test_only_candidates_have_a_profile(session, hr, clock):
    with pytest.raises(DomainError, match="only candidates have a profile") as caught:
        users.set_profile(session, hr, skills=["x"], clock=clock, actor=OPERATOR)
    assert caught.value.field == "role"
