"""An interview: a posting-wide date, or a slot for one application."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, UTCDateTime, enum_type
from tracker.models.enums import InterviewStatus
from tracker.models.mixins import Timestamps

if TYPE_CHECKING:
    from tracker.models.application import Application
    from tracker.models.posting import Posting
    from tracker.models.user import User


class Interview(Timestamps, Base):
    __tablename__ = "interview"
    __table_args__ = (
        sa.CheckConstraint("duration_minutes BETWEEN 1 AND 1440", name="duration_range"),
        sa.Index("ix_interview_starts_at", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    posting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("posting.id", ondelete="CASCADE"), index=True
    )
    # NULL: the posting-wide date every shortlisted candidate is told about
    application_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    # As stated (local date, optional local time, zone) and the derived instant. A date without
    # a time ("entretien le 22/05/2024") has its instant at local midnight of that day.
    start_date: Mapped[date]
    start_time: Mapped[time | None]
    timezone: Mapped[str] = mapped_column(sa.String(64))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    duration_minutes: Mapped[int] = mapped_column(default=45)
    place: Mapped[str | None] = mapped_column(sa.String(300))
    video_url: Mapped[str | None] = mapped_column(sa.String(1000))
    status: Mapped[InterviewStatus] = mapped_column(
        enum_type(InterviewStatus, "interview_status"), default=InterviewStatus.SCHEDULED
    )
    outcome: Mapped[str | None] = mapped_column(sa.Text)

    posting: Mapped[Posting] = relationship(back_populates="interviews")
    application: Mapped[Application | None] = relationship()
    panel: Mapped[list[PanelMember]] = relationship(
        cascade="all, delete-orphan", order_by="PanelMember.id"
    )


class PanelMember(Base):
    """A member of an interview panel: a user of the tracker, or an outside person by e-mail."""

    __tablename__ = "interview_panel_member"
    __table_args__ = (sa.UniqueConstraint("interview_id", "email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(sa.ForeignKey("interview.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(200))
    email: Mapped[str] = mapped_column(sa.String(254))

    user: Mapped[User | None] = relationship()


# The models its relationships name, declared with it (tracker/models/__init__.py):
import tracker.models.application  # noqa: E402, F401
import tracker.models.posting  # noqa: E402, F401
import tracker.models.user  # noqa: E402, F401
