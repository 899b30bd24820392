"""Personal data's own records: a candidate's consent to stay in an organisation's talent pool,
and erasures of a person's data (the request a candidate makes, and the record that stays once it
is carried out: when, by whom, what was removed; never who the person was).

Talent pool: one row per candidate and organisation: given (again) sets `given_at` and clears
`revoked_at`; revoking sets `revoked_at`. While it holds (not revoked, and younger than the
organisation's `talent_pool_months`), retention leaves the candidate's applications to that
organisation alone.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db import Base, UTCDateTime, enum_type


class ErasureStatus(enum.StrEnum):
    REQUESTED = "requested"  # the candidate asked; an admin (or `tracker privacy erase`) acts
    DONE = "done"  # carried out: the person is gone, this row names only their pseudonym


class Erasure(Base):
    """One erasure: requested by the candidate (status `requested`, `user_id` set), or carried
    out (status `done`, `user_id` NULL). Once done the row holds no personal data: the
    person's stable pseudonym (the one their audit entries now show), when, who carried it out
    and how many rows and files went."""

    __tablename__ = "erasure"
    __table_args__ = (
        sa.CheckConstraint("status <> 'requested' OR user_id IS NOT NULL",
                           name="request_names_user"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    subject_label: Mapped[str] = mapped_column(sa.String(40))
    status: Mapped[ErasureStatus] = mapped_column(
        enum_type(ErasureStatus, "erasure_status"), default=ErasureStatus.REQUESTED
    )
    requested_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # who carried it out: a staff account, else a label ("operator", or the person's pseudonym
    # when they erased themselves)
    done_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL")
    )
    done_by_label: Mapped[str | None] = mapped_column(sa.String(40))
    # how it came: the person's own deletion, a request, an admin, the operator, retention
    source: Mapped[str] = mapped_column(sa.String(20))
    counts: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)


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
