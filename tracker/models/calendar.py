"""Calendar export state: each user's secret feed token, and the SEQUENCE of every event."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, UTCDateTime
from tracker.models.user import User


class CalendarFeedToken(Base):
    """The secret in a user's calendar feed URL. Revoking it stamps `revoked_at`; the next
    token asked for is a new one. At most one live token per user."""

    __tablename__ = "calendar_feed_token"
    __table_args__ = (
        sa.Index(
            "uq_calendar_feed_token_live_user", "user_id", unique=True,
            sqlite_where=sa.text("revoked_at IS NULL"),
            postgresql_where=sa.text("revoked_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id", ondelete="CASCADE"))
    # 256 random bits, URL-safe. Kept as is (not hashed) so that the profile page can show the
    # feed URL again; revoking it is the way to cut off a leaked URL.
    token: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship()


class CalendarEvent(Base):
    """What an exported event (by its UID) last looked like, and its SEQUENCE: raised each
    time the event's content changes, so calendar clients replace their copy."""

    __tablename__ = "calendar_event"

    uid: Mapped[str] = mapped_column(sa.String(200), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(sa.String(64))
    sequence: Mapped[int] = mapped_column(default=0)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())


# The models its relationships name, declared with it (tracker/models/__init__.py):
import tracker.models.user  # noqa: E402, F401
