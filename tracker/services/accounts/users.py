"""Users and candidate profiles."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from argon2 import PasswordHasher
from sqlalchemy.orm import Session

from tracker.db import utcnow
from tracker.domain.access import Actor, Operator
from tracker.domain.errors import Conflict, DomainError, NotFound
from tracker.domain.timeutil import zone
from tracker.domain.validation import normalise_email, parse_enum
from tracker.models import (
    CandidateLanguage,
    CandidateProfile,
    CandidateSkill,
    CEFRLevel,
    EducationLevel,
    Locale,
    Role,
    User,
)
from tracker.services import audit
from tracker.services.accounts.organisations import get_organisation
from tracker.services.accounts.passwords import MIN_PASSWORD_LENGTH as MIN_PASSWORD_LENGTH
from tracker.services.accounts.passwords import check_password

_hasher = PasswordHasher()
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


def hash_password(password: str, *, email: str | None = None) -> str:
    """The argon2 hash of a password that follows the rule (see passwords.check_password)."""
    check_password(password, email=email)
    return _hasher.hash(password)


def create_user(
    session: Session,
    *,
    email: str,
    full_name: str,
    role: Role | str,
    organisation: str | None = None,
    locale: Locale | str = Locale.FR,
    timezone: str | None = None,
    password: str | None = None,
    actor: Actor,
    clock: Callable[[], datetime] = utcnow,
) -> User:
    """Create an account. hr users belong to one organisation (its slug)."""
    email = normalise_email(email)
    role = parse_enum(Role, role, "role")
    locale = parse_enum(Locale, locale, "locale")
    if not full_name or not full_name.strip():
        raise DomainError("full_name", "must not be empty")
    if timezone is not None:
        zone(timezone)
    org = None
    if role is Role.HR and not organisation:
        raise DomainError("organisation", "an hr user must belong to an organisation")
    if role is Role.CANDIDATE and organisation:
        raise DomainError("organisation", "candidates do not belong to an organisation")
    if organisation:
        org = get_organisation(session, organisation)
    if find_user(session, email) is not None:
        raise Conflict("email", "a user with e-mail %(email)s already exists", email=email)
    now = clock()
    user = User(
        email=email,
        full_name=full_name.strip(),
        role=role,
        organisation=org,
        locale=locale,
        timezone=timezone,
        password_hash=hash_password(password, email=email) if password is not None else None,
        created_at=now,
        updated_at=now,
    )
    session.add(user)
    session.flush()
    audit.record(
        session, at=now, actor=actor, action="user.create", entity=user, details={"role": role}
    )
    return user


def verify_password(user: User, password: str) -> bool:
    if not user.password_hash:
        return False
    try:
        return _hasher.verify(user.password_hash, password)
    except Exception:  # argon2 raises several mismatch/invalid-hash errors
        return False


def find_user(session: Session, email: str) -> User | None:
    return session.scalar(sa.select(User).where(User.email == email.strip().lower()))


def get_user(session: Session, email: str, field: str = "email") -> User:
    user = find_user(session, normalise_email(email, field))
    if user is None or user.deleted_at is not None:
        raise NotFound(field, "no user with e-mail %(email)s", email=email)
    return user


@dataclass(frozen=True)
class LanguageInput:
    language: str  # ISO 639 code, e.g. "en"
    level: str | None = None  # CEFR A1..C2
    is_native: bool = False


def set_profile(
    session: Session,
    user: User,
    *,
    headline: str | None = None,
    education_level: str | None = None,
    education_detail: str | None = None,
    experience_years: int | None = None,
    experience_summary: str | None = None,
    skills: Iterable[str] = (),
    languages: Iterable[LanguageInput] = (),
    actor: Actor,
    clock: Callable[[], datetime] = utcnow,
) -> CandidateProfile:
    """Create or replace a candidate's profile."""
    if user.role is not Role.CANDIDATE:
        raise DomainError("role", "only candidates have a profile")
    level = parse_enum(EducationLevel, education_level, "education_level") if education_level else None
    if experience_years is not None and experience_years < 0:
        raise DomainError("experience_years", "must not be negative")
    skill_rows = []
    for position, label in enumerate(skills):
        if not label.strip():
            raise DomainError(f"skills[{position}]", "must not be empty")
        if any(row.label == label.strip() for row in skill_rows):
            raise DomainError(f"skills[{position}]", "%(label)r is listed twice",
                              label=label.strip())
        skill_rows.append(CandidateSkill(label=label.strip(), position=position))
    language_rows = []
    for position, lang in enumerate(languages):
        code = lang.language.strip().lower()
        if not _LANGUAGE.match(code):
            raise DomainError(
                f"languages[{position}].language", "%(language)r is not an ISO 639 code", language=lang.language
            )
        if any(row.language == code for row in language_rows):
            raise DomainError(f"languages[{position}].language", "%(code)r is listed twice",
                              code=code)
        cefr = parse_enum(CEFRLevel, lang.level.upper(), f"languages[{position}].level") if lang.level else None
        language_rows.append(
            CandidateLanguage(language=code, level=cefr, is_native=lang.is_native, position=position)
        )
    now = clock()
    profile = user.profile or CandidateProfile(user=user, created_at=now)
    profile.headline = headline
    profile.education_level = level
    profile.education_detail = education_detail
    profile.experience_years = experience_years
    profile.experience_summary = experience_summary
    # The rows of skills and languages kept from the previous profile are updated, not
    # replaced: new rows are inserted before old ones are deleted, against the unique keys.
    kept_skills = {row.label: row for row in profile.skills}
    for index, row in enumerate(skill_rows):
        old_skill = kept_skills.get(row.label)
        if old_skill is not None:
            old_skill.position = row.position
            skill_rows[index] = old_skill
    kept_languages = {row.language: row for row in profile.languages}
    for index, row in enumerate(language_rows):
        old_language = kept_languages.get(row.language)
        if old_language is not None:
            old_language.level, old_language.is_native = row.level, row.is_native
            old_language.position = row.position
            language_rows[index] = old_language
    profile.skills = skill_rows
    profile.languages = language_rows
    profile.updated_at = now
    session.add(profile)
    session.flush()
    audit.record(session, at=now, actor=user if isinstance(actor, Operator) else actor, action="profile.set", entity=profile)
    return profile
