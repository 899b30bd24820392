"""A login session of the web pages: a server-side record the session cookie names.

The cookie carries only a random session id; the table keeps its SHA-256 digest, so a copy of
the database opens no session. Logging out, changing one's password, deleting the account, an
admin's "log out everywhere", the idle time and the absolute lifetime end it (`ended_at`).
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db import Base, UTCDateTime


class LoginSession(Base):
    __tablename__ = "login_session"
    __table_args__ = (sa.CheckConstraint("length(token_hash) = 64", name="token_hash_length"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # hex SHA-256 of the random session id the cookie carries; the id itself is never stored
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # the browser's User-Agent, cut short: what the account page shows to tell sessions apart
    device: Mapped[str | None] = mapped_column(sa.String(200))
    ip: Mapped[str | None] = mapped_column(sa.String(45))
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
