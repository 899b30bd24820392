"""Occupation profiles: reference data about jobs (skills with weights, salaries, career moves),
transcribed from documents under samples/reference/ and linked to certifications."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, UTCDateTime, enum_type
from tracker.models.enums import EducationLevel, SalaryPeriod

if TYPE_CHECKING:
    from tracker.models.certification import Certification


class SkillKind(enum.StrEnum):
    HARD = "hard"  # a technical skill, with a weight out of 100 where the profile gives one
    SOFT = "soft"
    KNOW_HOW = "know_how"
    TOOL = "tool"


class PayBasis(enum.StrEnum):
    GROSS = "gross"
    NET = "net"
    UNSTATED = "unstated"


class Occupation(Base):
    __tablename__ = "occupation"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    language: Mapped[str] = mapped_column(sa.String(8))
    summary: Mapped[str | None] = mapped_column(sa.Text)
    source: Mapped[str] = mapped_column(sa.String(300))  # the sample document transcribed
    source_line: Mapped[int | None]  # of the title
    data_file: Mapped[str] = mapped_column(sa.String(300))
    content_sha256: Mapped[str] = mapped_column(sa.String(64))
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime())

    skills: Mapped[list[OccupationSkill]] = relationship(
        back_populates="occupation", cascade="all, delete-orphan",
        order_by="(OccupationSkill.kind, OccupationSkill.position)",
    )
    salaries: Mapped[list[OccupationSalary]] = relationship(
        cascade="all, delete-orphan", order_by="OccupationSalary.position"
    )
    career_moves: Mapped[list[CareerMove]] = relationship(
        cascade="all, delete-orphan", order_by="CareerMove.position"
    )
    pathways: Mapped[list[OccupationPathway]] = relationship(
        cascade="all, delete-orphan", order_by="OccupationPathway.position"
    )
    links: Mapped[list[OccupationCertification]] = relationship(
        back_populates="occupation", cascade="all, delete-orphan"
    )


class OccupationSkill(Base):
    __tablename__ = "occupation_skill"
    __table_args__ = (
        sa.UniqueConstraint("occupation_id", "kind", "label"),
        sa.CheckConstraint("weight IS NULL OR weight BETWEEN 0 AND 100", name="weight_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    occupation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("occupation.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[SkillKind] = mapped_column(enum_type(SkillKind, "skill_kind"))
    label: Mapped[str] = mapped_column(sa.String(300))
    weight: Mapped[int | None]
    keywords: Mapped[str | None] = mapped_column(sa.String(500))  # comma separated, as printed
    family: Mapped[str | None] = mapped_column(sa.String(200))  # a tool's family
    position: Mapped[int] = mapped_column(default=0)
    source_line: Mapped[int | None]

    occupation: Mapped[Occupation] = relationship(back_populates="skills")

    @property
    def display(self) -> str:
        """As the profile prints it, e.g. '95 | Gestion de projet'."""
        return f"{self.weight} | {self.label}" if self.weight is not None else self.label


class OccupationSalary(Base):
    """A salary range of an occupation for an experience band (amounts in the currency's units)."""

    __tablename__ = "occupation_salary"
    __table_args__ = (
        sa.CheckConstraint(
            "amount_min IS NULL OR amount_max IS NULL OR amount_min <= amount_max",
            name="min_not_above_max",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    occupation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("occupation.id", ondelete="CASCADE"), index=True
    )
    band: Mapped[str] = mapped_column(sa.String(40))  # junior, experienced, first_job
    experience: Mapped[str] = mapped_column(sa.String(200))  # as printed
    years_min: Mapped[int | None]
    years_max: Mapped[int | None]
    amount_min: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    amount_max: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    currency: Mapped[str] = mapped_column(sa.String(3))
    period: Mapped[SalaryPeriod] = mapped_column(enum_type(SalaryPeriod, "salary_period"))
    period_stated: Mapped[bool] = mapped_column(default=True)
    basis: Mapped[PayBasis] = mapped_column(enum_type(PayBasis, "pay_basis"))
    # The period the figures describe; occupation profiles are undated (None).
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]
    quote: Mapped[str | None] = mapped_column(sa.Text)
    position: Mapped[int] = mapped_column(default=0)
    source_line: Mapped[int | None]


class CareerMove(Base):
    __tablename__ = "career_move"

    id: Mapped[int] = mapped_column(primary_key=True)
    occupation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("occupation.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(300))
    stage: Mapped[str] = mapped_column(sa.String(20))  # next, later
    position: Mapped[int] = mapped_column(default=0)
    source_line: Mapped[int | None]


class OccupationPathway(Base):
    """The way to an occupation its profile describes: a diploma (with its level), a remark of
    the diplomas section, a job that leads to it (kind experience)."""

    __tablename__ = "occupation_pathway"

    id: Mapped[int] = mapped_column(primary_key=True)
    occupation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("occupation.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(sa.String(20))  # diploma, note, experience
    label: Mapped[str] = mapped_column(sa.Text)  # the diploma, the remark, the job
    level: Mapped[str | None] = mapped_column(sa.String(40))  # as printed, e.g. "BAC +2"
    education_level: Mapped[EducationLevel | None] = mapped_column(
        enum_type(EducationLevel, "education_level")
    )
    ects_credits: Mapped[int | None]
    quote: Mapped[str | None] = mapped_column(sa.Text)
    position: Mapped[int] = mapped_column(default=0)
    source_line: Mapped[int | None]
    level_line: Mapped[int | None]


class OccupationCertification(Base):
    """An occupation a certification leads to: stated in a document, or our reading (reason)."""

    __tablename__ = "occupation_certification"
    __table_args__ = (sa.UniqueConstraint("occupation_id", "certification_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    occupation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("occupation.id", ondelete="CASCADE")
    )
    certification_id: Mapped[int] = mapped_column(
        sa.ForeignKey("certification.id", ondelete="CASCADE"), index=True
    )
    basis: Mapped[str] = mapped_column(sa.String(10))  # stated, ours
    reason: Mapped[str | None] = mapped_column(sa.Text)
    source: Mapped[str | None] = mapped_column(sa.String(300))
    source_line: Mapped[int | None]
    quote: Mapped[str | None] = mapped_column(sa.Text)

    occupation: Mapped[Occupation] = relationship(back_populates="links")
    certification: Mapped[Certification] = relationship(back_populates="links")


# The models its relationships name, and the flush hook watching its models, declared with
# it (tracker/models/__init__.py):
import tracker.models.certification  # noqa: E402, F401
import tracker.models.upkeep  # noqa: E402, F401
