"""Messages to candidates: an organisation's templates (issue #14) and what was sent.

A `MessageTemplate` replaces, for one organisation, the shipped default of a kind in one
language. An `ApplicationMessage` is what the employer sent a candidate about one application
(personal data: exported, erased with the application, removed by the retention policy).
"""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db import Base, UTCDateTime, enum_type, utcnow
from tracker.models.enums import Locale


class MessageKind(enum.StrEnum):
    ACKNOWLEDGEMENT = "acknowledgement"  # sent on submission (unless the organisation said no)
    INTERVIEW_INVITATION = "interview_invitation"
    REJECTION_AFTER_REVIEW = "rejection_after_review"
    REJECTION_AFTER_INTERVIEW = "rejection_after_interview"
    OFFER = "offer"


class MessageTemplate(Base):
    __tablename__ = "message_template"
    __table_args__ = (sa.UniqueConstraint("organisation_id", "kind", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="CASCADE"))
    kind: Mapped[MessageKind] = mapped_column(enum_type(MessageKind, "message_kind"))
    language: Mapped[Locale] = mapped_column(enum_type(Locale, "locale"))
    subject: Mapped[str] = mapped_column(sa.String(300))
    body: Mapped[str] = mapped_column(sa.Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"), index=True)


class ApplicationMessage(Base):
    __tablename__ = "application_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        sa.ForeignKey("application.id", ondelete="CASCADE"), index=True)
    # the template it started from (none: written from a blank page)
    kind: Mapped[MessageKind | None] = mapped_column(enum_type(MessageKind, "message_kind"))
    language: Mapped[Locale] = mapped_column(enum_type(Locale, "locale"))
    recipient_email: Mapped[str] = mapped_column(sa.String(254))
    subject: Mapped[str] = mapped_column(sa.String(300))
    body: Mapped[str] = mapped_column(sa.Text)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
