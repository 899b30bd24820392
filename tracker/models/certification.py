"""Certifications (RNCP): competence blocks, ROME codes, job titles and labour-market figures,
transcribed from documents under samples/reference/."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, UTCDateTime, enum_type
from tracker.models.enums import SalaryPeriod
from tracker.models.reference import PayBasis

if TYPE_CHECKING:
    from tracker.models.reference import OccupationCertification


class MarketFigureKind(enum.StrEnum):
    SALARY_OFFERS = "salary_offers"  # the range most offers propose (with its share)
    SALARY_BAND = "salary_band"  # one band of the distribution of offered salaries
    HIRES = "hires"
    JOB_SEEKERS = "job_seekers"
    JOB_OFFERS = "job_offers"
    ACCESS_RATE = "access_rate"  # job seekers who found work in the quarter
    INSERTION_RATE = "insertion_rate"  # graduates in work after 6 months / 2 years
    RECRUITMENT_DIFFICULTY = "recruitment_difficulty"  # what the page says of it (no value)


class Certification(Base):
    __tablename__ = "certification"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(20), unique=True)  # e.g. RNCP39853
    title: Mapped[str] = mapped_column(sa.String(300))
    level: Mapped[int | None]  # the certification's level, where the source states it
    entry_level: Mapped[int | None]  # the level required to enter the training
    registered_until: Mapped[date | None]
    summary: Mapped[str | None] = mapped_column(sa.Text)
    source: Mapped[str] = mapped_column(sa.String(300))
    data_file: Mapped[str] = mapped_column(sa.String(300))
    content_sha256: Mapped[str] = mapped_column(sa.String(64))
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime())

    blocks: Mapped[list[CertificationBlock]] = relationship(
        cascade="all, delete-orphan", order_by="CertificationBlock.position"
    )
    rome_codes: Mapped[list[RomeCode]] = relationship(
        cascade="all, delete-orphan", order_by="RomeCode.position"
    )
    job_titles: Mapped[list[CertificationJobTitle]] = relationship(
        cascade="all, delete-orphan", order_by="CertificationJobTitle.position"
    )
    market_figures: Mapped[list[MarketFigure]] = relationship(
        cascade="all, delete-orphan", order_by="MarketFigure.position"
    )
    market_shares: Mapped[list[MarketShare]] = relationship(
        cascade="all, delete-orphan", order_by="MarketShare.position"
    )
    prerequisites: Mapped[list[CertificationPrerequisite]] = relationship(
        cascade="all, delete-orphan", order_by="CertificationPrerequisite.position"
    )
    links: Mapped[list[OccupationCertification]] = relationship(
        back_populates="certification", cascade="all, delete-orphan"
    )


class CertificationBlock(Base):
    __tablename__ = "certification_block"

    id: Mapped[int] = mapped_column(primary_key=True)
    certification_id: Mapped[int] = mapped_column(
        sa.ForeignKey("certification.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(sa.Text)
    is_optional: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(default=0)
    source_line: Mapped[int | None]


class RomeCode(Base):
    """A ROME job code (France Travail) a certification is linked to."""

    __tablename__ = "rome_code"
    __table_args__ = (sa.UniqueConstraint("certification_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    certification_id: Mapped[int] = mapped_column(
        sa.ForeignKey("certification.id", ondelete="CASCADE")
    )
    code: Mapped[str] = mapped_column(sa.String(5))
    title: Mapped[str] = mapped_column(sa.String(300))
    position: Mapped[int] = mapped_column(default=0)
    source_line: Mapped[int | None]


class CertificationJobTitle(Base):
    __tablename__ = "certification_job_title"

    id: Mapped[int] = mapped_column(primary_key=True)
    certification_id: Mapped[int] = mapped_column(
        sa.ForeignKey("certification.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(sa.Text)
    position: Mapped[int] = mapped_column(default=0)
    source_line: Mapped[int | None]


class MarketFigure(Base):
    """One labour-market figure of a certification (for a ROME code), with the period it covers.
    Amounts are in the currency's units; percentages and counts as printed."""

    __tablename__ = "market_figure"

    id: Mapped[int] = mapped_column(primary_key=True)
    certification_id: Mapped[int] = mapped_column(
        sa.ForeignKey("certification.id", ondelete="CASCADE"), index=True
    )
    rome_code: Mapped[str | None] = mapped_column(sa.String(5))
    kind: Mapped[MarketFigureKind] = mapped_column(
        enum_type(MarketFigureKind, "market_figure_kind")
    )
    label: Mapped[str] = mapped_column(sa.Text)
    amount_min: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    amount_max: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    currency: Mapped[str | None] = mapped_column(sa.String(3))
    pay_period: Mapped[SalaryPeriod | None] = mapped_column(
        enum_type(SalaryPeriod, "pay_period")
    )
    basis: Mapped[PayBasis | None] = mapped_column(enum_type(PayBasis, "pay_basis"))
    percent: Mapped[Decimal | None] = mapped_column(sa.Numeric(6, 2))
    count: Mapped[int | None]
    period_label: Mapped[str | None] = mapped_column(sa.String(80))  # e.g. 1er trimestre 2025
    period_start: Mapped[date | None]
    period_end: Mapped[date | None]
    quote: Mapped[str | None] = mapped_column(sa.Text)
    origin: Mapped[str | None] = mapped_column(sa.String(200))  # e.g. France Travail & Dares
    position: Mapped[int] = mapped_column(default=0)
    source_line: Mapped[int | None]


class MarketShare(Base):
    """Job seekers against job offers in one band (a level of diploma, of qualification, of
    experience) for a ROME code: the share of each, as printed."""

    __tablename__ = "market_share"

    id: Mapped[int] = mapped_column(primary_key=True)
    certification_id: Mapped[int] = mapped_column(
        sa.ForeignKey("certification.id", ondelete="CASCADE"), index=True
    )
    rome_code: Mapped[str | None] = mapped_column(sa.String(5))
    dimension: Mapped[str] = mapped_column(sa.String(20))  # diploma, qualification, experience
    label: Mapped[str] = mapped_column(sa.Text)  # the band as printed, e.g. "bac+3 bac+4"
    seekers_percent: Mapped[Decimal] = mapped_column(sa.Numeric(6, 2))
    offers_percent: Mapped[Decimal] = mapped_column(sa.Numeric(6, 2))
    period_label: Mapped[str | None] = mapped_column(sa.String(80))
    period_start: Mapped[date | None]
    period_end: Mapped[date | None]
    position: Mapped[int] = mapped_column(default=0)
    source_line: Mapped[int | None]  # of the label
    seekers_line: Mapped[int | None]
    offers_line: Mapped[int | None]


class CertificationPrerequisite(Base):
    """What entering the certification's training asks: a domain of the previous diploma, a
    language."""

    __tablename__ = "certification_prerequisite"

    id: Mapped[int] = mapped_column(primary_key=True)
    certification_id: Mapped[int] = mapped_column(
        sa.ForeignKey("certification.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(sa.String(20))  # domain, language
    label: Mapped[str] = mapped_column(sa.Text)
    quote: Mapped[str | None] = mapped_column(sa.Text)
    position: Mapped[int] = mapped_column(default=0)
    source_line: Mapped[int | None]


# The models its relationships name, declared with it (tracker/models/__init__.py):
import tracker.models.reference  # noqa: E402, F401
