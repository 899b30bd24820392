"""When an hr user last looked at their dashboard or at a posting's board: what arrived since
is "new since your last visit" (issue #14). One row per (user, scope); `scope` is "dashboard"
or "posting:<posting id>". Staff's working data only (the pages that record a visit are for hr
and admins; a candidate never has a row): it names no candidate, so candidates' export,
erasure and retention (DESIGN §11) have nothing here; a staff account's rows go with it
(ON DELETE CASCADE)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db import Base, UTCDateTime


class HrVisit(Base):
    __tablename__ = "hr_visit"
    __table_args__ = (sa.UniqueConstraint("user_id", "scope"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id", ondelete="CASCADE"))
    scope: Mapped[str] = mapped_column(sa.String(40))
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
