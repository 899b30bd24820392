"""People: admins, HR staff of one organisation, candidates with their profile."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, UTCDateTime, enum_type
from tracker.models.enums import CEFRLevel, EducationLevel, Locale, Role
from tracker.models.mixins import Timestamps

if TYPE_CHECKING:
    from tracker.models.organisation import Organisation


class User(Timestamps, Base):
    __tablename__ = "user_account"
    __table_args__ = (
        sa.CheckConstraint(
            "role <> 'hr' OR organisation_id IS NOT NULL", name="hr_has_organisation"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    full_name: Mapped[str] = mapped_column(sa.String(200))
    role: Mapped[Role] = mapped_column(enum_type(Role, "role"))
    organisation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    locale: Mapped[Locale] = mapped_column(enum_type(Locale, "locale"), default=Locale.FR)
    timezone: Mapped[str | None] = mapped_column(sa.String(64))
    password_hash: Mapped[str | None] = mapped_column(sa.String(255))
    is_active: Mapped[bool] = mapped_column(default=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The last log-in on the web or use of an API token (retention counts inactivity from it),
    # and when retention last warned that the account would be deleted for inactivity.
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    retention_warned_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    organisation: Mapped[Organisation | None] = relationship(back_populates="members")
    profile: Mapped[CandidateProfile | None] = relationship(
        back_populates="user", cascade="all, delete-orphan", uselist=False
    )


class CandidateProfile(Timestamps, Base):
    __tablename__ = "candidate_profile"
    __table_args__ = (
        sa.CheckConstraint(
            "experience_years IS NULL OR experience_years >= 0", name="experience_not_negative"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="CASCADE"), unique=True
    )
    headline: Mapped[str | None] = mapped_column(sa.String(200))
    education_level: Mapped[EducationLevel | None] = mapped_column(
        enum_type(EducationLevel, "education_level")
    )
    education_detail: Mapped[str | None] = mapped_column(sa.Text)
    experience_years: Mapped[int | None]
    experience_summary: Mapped[str | None] = mapped_column(sa.Text)

    user: Mapped[User] = relationship(back_populates="profile")
    skills: Mapped[list[CandidateSkill]] = relationship(
        cascade="all, delete-orphan", order_by="CandidateSkill.position"
    )
    languages: Mapped[list[CandidateLanguage]] = relationship(
        cascade="all, delete-orphan", order_by="CandidateLanguage.position"
    )


class CandidateSkill(Base):
    __tablename__ = "candidate_skill"
    __table_args__ = (sa.UniqueConstraint("profile_id", "label"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(
        sa.ForeignKey("candidate_profile.id", ondelete="CASCADE")
    )
    label: Mapped[str] = mapped_column(sa.String(200))
    position: Mapped[int] = mapped_column(default=0)


class CandidateLanguage(Base):
    __tablename__ = "candidate_language"
    __table_args__ = (sa.UniqueConstraint("profile_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(
        sa.ForeignKey("candidate_profile.id", ondelete="CASCADE")
    )
    language: Mapped[str] = mapped_column(sa.String(60))
    level: Mapped[CEFRLevel | None] = mapped_column(enum_type(CEFRLevel, "cefr_level"))
    is_native: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(default=0)


# The models its relationships name, and the flush hook watching its models, declared with
# it (tracker/models/__init__.py):
import tracker.models.organisation  # noqa: E402, F401
import tracker.models.upkeep  # noqa: E402, F401
