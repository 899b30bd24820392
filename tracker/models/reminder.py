"""The reminder outbox: one row per (kind, subject, recipient, channel, offset), and the
switches and offsets people set.

The database holds the truth: a row says when a reminder is due (UTC), whether it went out, how
many times delivery was tried and why it failed, expired or was cancelled. The dispatcher claims
rows, the services create and re-time them.
"""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db import Base, UTCDateTime, enum_type, utcnow
from tracker.models.mixins import Timestamps


class ReminderKind(enum.StrEnum):
    DEADLINE_DRAFT = "deadline_draft"  # candidate: deadline near, application still a draft
    INTERVIEW_SOON = "interview_soon"  # candidate and panel: interview tomorrow, in 2 hours
    REVIEW_WAITING = "review_waiting"  # hr: deadline passed, N applications wait for review
    CLOSING_EMPTY = "closing_empty"  # hr: the posting closes in 3 days with no application
    NO_ANSWER = "no_answer"  # candidate: no answer N days after submission
    # Events, told at once (one row per event, the offset names the event):
    STATUS_CHANGED = "status_changed"  # candidate: the employer moved their application
    INTERVIEW_SCHEDULED = "interview_scheduled"  # candidate: interview set, moved or cancelled
    APPLICATION_RECEIVED = "application_received"  # hr: an application was submitted (in-app)
    HR_DIGEST = "hr_digest"  # hr: the day's new applications, one e-mail a day (subject: user)
    MESSAGE = "message"  # candidate: the employer wrote to them (an application_message row)


class ReminderChannel(enum.StrEnum):
    IN_APP = "in_app"
    EMAIL = "email"


class ReminderStatus(enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


class SubjectType(enum.StrEnum):
    POSTING = "posting"
    APPLICATION = "application"
    INTERVIEW = "interview"
    USER = "user"


class Reminder(Timestamps, Base):
    __tablename__ = "reminder"
    __table_args__ = (
        # The key of idempotent inserts: planning the same reminder twice adds nothing. A row is
        # for one occurrence of its anchor: an interview moved to another day is another one.
        sa.UniqueConstraint("kind", "subject_id", "recipient_key", "channel", "offset_spec",
                            "anchor_at", name="uq_reminder_occurrence"),
        # The due query (status = 'pending' AND next_attempt_at <= now ORDER BY next_attempt_at)
        # and the lease sweep (status = 'sending') are range scans of this index, whatever the
        # number of sent rows.
        sa.Index("ix_reminder_status_next_attempt_at", "status", "next_attempt_at"),
        sa.Index("ix_reminder_subject_type_subject_id", "subject_type", "subject_id"),
        # The series check (services/reminders/facts.py `superseded`: for each row of a batch,
        # the latest reminder of its series already due): subject_id = ? AND kind = ? AND
        # status IN (...) AND due_at <= now, the whole predicate in the index, whatever the
        # outbox holds.
        sa.Index("ix_reminder_series", "subject_id", "kind", "status", "due_at"),
        sa.CheckConstraint("attempts >= 0", name="attempts_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ReminderKind] = mapped_column(enum_type(ReminderKind, "reminder_kind"))
    subject_type: Mapped[SubjectType] = mapped_column(enum_type(SubjectType, "subject_type"))
    subject_id: Mapped[int]
    # "u:<user id>" for users of the tracker, "e:<address>" for outside panel members
    recipient_key: Mapped[str] = mapped_column(sa.String(260))
    recipient_user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    recipient_email: Mapped[str] = mapped_column(sa.String(254))
    channel: Mapped[ReminderChannel] = mapped_column(enum_type(ReminderChannel, "channel"))
    # The offset as written in the settings, e.g. "-7d@09:00" (7 days before, at 09:00 local)
    offset_spec: Mapped[str] = mapped_column(sa.String(20))
    # The instant the offset counts from (the deadline, the interview's start, the submission;
    # for an event, when it happened): the occurrence this row is about
    anchor_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # When it is meant to go out, and when the dispatcher may next try (later after a failure)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The zone the offset was computed in (the recipient's), for display
    timezone: Mapped[str] = mapped_column(sa.String(64))
    status: Mapped[ReminderStatus] = mapped_column(
        enum_type(ReminderStatus, "reminder_status"), default=ReminderStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(default=0)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    claim_token: Mapped[str | None] = mapped_column(sa.String(36))
    last_error: Mapped[str | None] = mapped_column(sa.Text)
    # An e-mail that could not go out is retried until then (its first failure plus
    # TRACKER_REMINDER_RETRY_HOURS), then failed with the reason; cleared once it is sent.
    retry_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Why it was cancelled or expired, in words
    reason: Mapped[str | None] = mapped_column(sa.Text)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    message_id: Mapped[str | None] = mapped_column(sa.String(300))


class ReminderSwitch(Base):
    """A user's choice for a kind of reminder on a channel ("*" for every kind or channel)."""

    __tablename__ = "reminder_switch"
    __table_args__ = (sa.UniqueConstraint("user_id", "kind", "channel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(sa.String(30))
    channel: Mapped[str] = mapped_column(sa.String(10))
    enabled: Mapped[bool]
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ReminderOffsets(Base):
    """An organisation's offsets for one kind, replacing the defaults (a JSON list of strings
    such as ["-7d@09:00", "-2d@09:00"])."""

    __tablename__ = "reminder_offsets"
    __table_args__ = (sa.UniqueConstraint("organisation_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="CASCADE")
    )
    kind: Mapped[ReminderKind] = mapped_column(enum_type(ReminderKind, "reminder_kind"))
    offsets: Mapped[list[str]] = mapped_column(sa.JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
