"""A candidate's application to a posting, its status history, evidence and notes."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, UTCDateTime, enum_type
from tracker.models.enums import ApplicationStatus
from tracker.models.mixins import Timestamps

if TYPE_CHECKING:
    from tracker.models.document import Document
    from tracker.models.posting import Posting, Requirement
    from tracker.models.user import User


class Application(Timestamps, Base):
    __tablename__ = "application"
    __table_args__ = (
        sa.UniqueConstraint("posting_id", "candidate_id"),
        # `application list --posting`, the per-status counts of `posting list`, of a
        # posting's applicants and of the hr dashboard: covering (deleted_at included), so
        # counting an organisation's applications reads no table row
        sa.Index("ix_application_posting_status_deleted_at", "posting_id", "status",
                 "deleted_at"),
        # a posting's applicants in the order its page shows them (status, then submitted):
        # sorted from the index alone, then only the page's rows are read (#16)
        sa.Index("ix_application_posting_status_submitted", "posting_id", "status",
                 "deleted_at", "submitted_at", "created_at"),
        # what arrived since an hr user's last visit, found by its instant (#16)
        sa.Index("ix_application_submitted_at", "submitted_at"),
        # an account's own application, or one the employer received and recorded itself
        # (or anonymised by the retention policy: then it names nobody)
        sa.CheckConstraint("candidate_id IS NOT NULL OR applicant_name IS NOT NULL "
                           "OR anonymised_at IS NOT NULL", name="candidate_or_applicant"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    posting_id: Mapped[int] = mapped_column(sa.ForeignKey("posting.id", ondelete="RESTRICT"))
    # The candidate's account: none for an application the employer received by post or
    # e-mail and recorded itself, which names the person as they gave their details (a
    # candidate's data reaches an employer only by the candidate's own act).
    candidate_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    applicant_name: Mapped[str | None] = mapped_column(sa.String(200))
    applicant_email: Mapped[str | None] = mapped_column(sa.String(254))
    status: Mapped[ApplicationStatus] = mapped_column(
        enum_type(ApplicationStatus, "application_status"), default=ApplicationStatus.DRAFT
    )
    cover_letter: Mapped[str | None] = mapped_column(sa.Text)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    is_late: Mapped[bool] = mapped_column(default=False)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # When the retention policy removed its personal data (status and dates stay, for counts).
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    posting: Mapped[Posting] = relationship()
    candidate: Mapped[User | None] = relationship()
    history: Mapped[list[ApplicationStatusChange]] = relationship(
        back_populates="application",
        cascade="all, delete-orphan",
        order_by="(ApplicationStatusChange.changed_at, ApplicationStatusChange.id)",
    )
    evidence: Mapped[list[RequirementEvidence]] = relationship(cascade="all, delete-orphan")
    notes: Mapped[list[Note]] = relationship(
        cascade="all, delete-orphan", order_by="Note.created_at"
    )
    documents: Mapped[list[Document]] = relationship(order_by="Document.uploaded_at")

    @property
    def person_name(self) -> str:
        """The applicant's name: their account's, else as the employer recorded it."""
        return self.candidate.full_name if self.candidate else (self.applicant_name or "")

    @property
    def person_email(self) -> str | None:
        """The applicant's address: their account's, else as the employer recorded it."""
        return self.candidate.email if self.candidate else self.applicant_email


class ApplicationStatusChange(Base):
    __tablename__ = "application_status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        sa.ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[ApplicationStatus | None] = mapped_column(
        enum_type(ApplicationStatus, "from_status")
    )
    to_status: Mapped[ApplicationStatus] = mapped_column(
        enum_type(ApplicationStatus, "to_status")
    )
    changed_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL")
    )
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    comment: Mapped[str | None] = mapped_column(sa.Text)

    application: Mapped[Application] = relationship(back_populates="history")
    changed_by: Mapped[User | None] = relationship()


class RequirementEvidence(Base):
    """What a candidate shows for one requirement, and how a reviewer rates it (1 to 4)."""

    __tablename__ = "requirement_evidence"
    __table_args__ = (
        sa.UniqueConstraint("application_id", "requirement_id"),
        sa.CheckConstraint(
            "self_rating IS NULL OR self_rating BETWEEN 1 AND 4", name="self_rating_range"
        ),
        sa.CheckConstraint(
            "reviewer_rating IS NULL OR reviewer_rating BETWEEN 1 AND 4",
            name="reviewer_rating_range",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        sa.ForeignKey("application.id", ondelete="CASCADE")
    )
    requirement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("requirement.id", ondelete="CASCADE"), index=True
    )
    evidence: Mapped[str | None] = mapped_column(sa.Text)
    self_rating: Mapped[int | None]
    reviewer_rating: Mapped[int | None]
    reviewer_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL")
    )
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    requirement: Mapped[Requirement] = relationship()


class Note(Base):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        sa.ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL")
    )
    body: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    author: Mapped[User | None] = relationship()


# The models its relationships name, and the flush hook watching its models, declared with
# it (tracker/models/__init__.py):
import tracker.models.document  # noqa: E402, F401
import tracker.models.posting  # noqa: E402, F401
import tracker.models.upkeep  # noqa: E402, F401
import tracker.models.user  # noqa: E402, F401
