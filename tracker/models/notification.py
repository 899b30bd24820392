"""In-app notifications: what the web inbox shows. A reminder delivered in-app is one row,
at most one (reminder_id is unique), written in the same transaction as the reminder's sent mark.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db import Base, UTCDateTime


class Notification(Base):
    __tablename__ = "notification"
    __table_args__ = (
        # The inbox: a user's notifications, newest first, and the unread count
        sa.Index("ix_notification_user_id_read_at_id", "user_id", "read_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(sa.String(300))
    body: Mapped[str] = mapped_column(sa.Text)
    link: Mapped[str | None] = mapped_column(sa.String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reminder_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("reminder.id", ondelete="SET NULL"), unique=True
    )
