"""A job posting with its requirements and the documents it asks for.

Field names follow schema.org JobPosting where one exists, so that JSON-LD import and export
are a mapping, not a translation.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, UTCDateTime, enum_type
from tracker.models.enums import (
    ApplyMethod,
    DocumentKind,
    EmploymentType,
    PostingStatus,
    RequirementKind,
    SalaryPeriod,
    Visibility,
)
from tracker.models.mixins import Timestamps

if TYPE_CHECKING:
    from tracker.models.certification import Certification
    from tracker.models.interview import Interview
    from tracker.models.organisation import Organisation
    from tracker.models.reference import Occupation, OccupationSkill
    from tracker.models.user import User


class Posting(Timestamps, Base):
    __tablename__ = "posting"
    __table_args__ = (
        sa.CheckConstraint(
            "working_time_percent IS NULL OR working_time_percent BETWEEN 1 AND 100",
            name="working_time_range",
        ),
        sa.CheckConstraint(
            "salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max",
            name="salary_min_not_above_max",
        ),
        sa.CheckConstraint(
            "duration_months IS NULL OR duration_months > 0", name="duration_positive"
        ),
        sa.CheckConstraint(
            "visibility <> 'public' OR organisation_id IS NOT NULL", name="public_has_organisation"
        ),
        sa.CheckConstraint(
            "visibility <> 'private' OR owner_id IS NOT NULL", name="private_has_owner"
        ),
        sa.CheckConstraint(
            "(valid_through_date IS NULL) = (valid_through IS NULL)", name="deadline_complete"
        ),
        # Listing sorted by deadline, with or without a status filter, is an index range scan.
        sa.Index("ix_posting_status_valid_through", "status", "valid_through", "id"),
        sa.Index("ix_posting_valid_through", "valid_through", "id"),
        # an organisation's open postings by deadline (the hr dashboard): led by the
        # organisation, so the list reads that organisation's postings only
        sa.Index("ix_posting_organisation_status_valid_through", "organisation_id", "status",
                 "valid_through", "id"),
        # References are unique within a namespace (issue #12): an organisation's own postings,
        # and each candidate's private ones; two namespaces may use the same reference.
        sa.Index("ix_posting_organisation_reference", "organisation_id", "reference",
                 unique=True, sqlite_where=sa.text("visibility = 'public'"),
                 postgresql_where=sa.text("visibility = 'public'")),
        sa.Index("ix_posting_owner_reference", "owner_id", "reference", unique=True,
                 sqlite_where=sa.text("visibility = 'private'"),
                 postgresql_where=sa.text("visibility = 'private'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(sa.String(60), index=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    organisation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    # schema.org hiringOrganization.name; for a private posting, the employer as the candidate wrote it
    hiring_organization_name: Mapped[str] = mapped_column(sa.String(200))
    department: Mapped[str | None] = mapped_column(sa.String(300))
    location: Mapped[str | None] = mapped_column(sa.String(300))
    address_locality: Mapped[str | None] = mapped_column(sa.String(200))
    address_country: Mapped[str | None] = mapped_column(sa.String(2))
    category: Mapped[str | None] = mapped_column(sa.String(40))
    employment_type: Mapped[EmploymentType] = mapped_column(
        enum_type(EmploymentType, "employment_type")
    )
    duration_months: Mapped[int | None]
    working_time_percent: Mapped[int | None]
    job_start_date: Mapped[date | None]
    date_posted: Mapped[date | None]

    # The deadline as people state it (local date, optional local time, IANA zone) and the
    # instant it derives, which is what every comparison uses.
    valid_through_date: Mapped[date | None]
    valid_through_time: Mapped[time | None]
    timezone: Mapped[str] = mapped_column(sa.String(64))
    valid_through: Mapped[datetime | None] = mapped_column(UTCDateTime())

    apply_method: Mapped[ApplyMethod] = mapped_column(
        enum_type(ApplyMethod, "apply_method"), default=ApplyMethod.IN_APP
    )
    apply_email: Mapped[str | None] = mapped_column(sa.String(254))
    apply_url: Mapped[str | None] = mapped_column(sa.String(1000))
    application_contact: Mapped[str | None] = mapped_column(sa.String(300))

    salary_min: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    salary_max: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    salary_currency: Mapped[str | None] = mapped_column(sa.String(3))
    salary_period: Mapped[SalaryPeriod | None] = mapped_column(
        enum_type(SalaryPeriod, "salary_period")
    )

    context: Mapped[str | None] = mapped_column(sa.Text)
    missions: Mapped[str | None] = mapped_column(sa.Text)
    working_conditions: Mapped[str | None] = mapped_column(sa.Text)
    benefits: Mapped[str | None] = mapped_column(sa.Text)

    status: Mapped[PostingStatus] = mapped_column(
        enum_type(PostingStatus, "posting_status"), default=PostingStatus.DRAFT
    )
    visibility: Mapped[Visibility] = mapped_column(
        enum_type(Visibility, "visibility"), default=Visibility.PUBLIC
    )
    owner_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL")
    )
    source_text: Mapped[str | None] = mapped_column(sa.Text)
    source_url: Mapped[str | None] = mapped_column(sa.String(1000))
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The reference data the posting is written against (issue #7): requirements may start from
    # the occupation's skills, and the salary is checked against their market figures.
    occupation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("occupation.id", ondelete="SET NULL"), index=True
    )
    certification_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("certification.id", ondelete="SET NULL"), index=True
    )

    organisation: Mapped[Organisation | None] = relationship()
    occupation: Mapped[Occupation | None] = relationship()
    certification: Mapped[Certification | None] = relationship()
    owner: Mapped[User | None] = relationship(foreign_keys=[owner_id])
    requirements: Mapped[list[Requirement]] = relationship(
        back_populates="posting", cascade="all, delete-orphan", order_by="Requirement.position"
    )
    required_documents: Mapped[list[RequiredDocument]] = relationship(
        cascade="all, delete-orphan", order_by="RequiredDocument.position"
    )
    interviews: Mapped[list[Interview]] = relationship(
        back_populates="posting", order_by="Interview.starts_at"
    )


class Requirement(Base):
    __tablename__ = "requirement"

    id: Mapped[int] = mapped_column(primary_key=True)
    posting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("posting.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[RequirementKind] = mapped_column(enum_type(RequirementKind, "requirement_kind"))
    label: Mapped[str] = mapped_column(sa.Text)
    level: Mapped[str | None] = mapped_column(sa.String(40))
    is_required: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int] = mapped_column(default=0)
    # The occupation skill it was started from, whose weight the fit uses.
    occupation_skill_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("occupation_skill.id", ondelete="SET NULL"), index=True
    )

    posting: Mapped[Posting] = relationship(back_populates="requirements")
    occupation_skill: Mapped[OccupationSkill | None] = relationship()


class RequiredDocument(Base):
    __tablename__ = "required_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    posting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("posting.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[DocumentKind] = mapped_column(enum_type(DocumentKind, "document_kind"))
    label: Mapped[str] = mapped_column(sa.String(300))
    is_required: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int] = mapped_column(default=0)


# The models its relationships name, and the flush hook watching its models, declared with
# it (tracker/models/__init__.py):
import tracker.models.certification  # noqa: E402, F401
import tracker.models.interview  # noqa: E402, F401
import tracker.models.organisation  # noqa: E402, F401
import tracker.models.reference  # noqa: E402, F401
import tracker.models.upkeep  # noqa: E402, F401
import tracker.models.user  # noqa: E402, F401
