"""A candidate's consent to stay in an organisation's talent pool (issue #13 retention).

One row per candidate and organisation: given (again) sets `given_at` and clears `revoked_at`;
revoking sets `revoked_at`. While it holds (not revoked, and younger than the organisation's
`talent_pool_months`), retention leaves the candidate's applications to that organisation alone.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db import Base, UTCDateTime


class TalentPoolConsent(Base):
    __tablename__ = "talent_pool_consent"
    __table_args__ = (sa.UniqueConstraint("user_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    given_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
