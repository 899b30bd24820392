"""Figures kept beside the rows they are derived from, so pages read them instead of working
them out on every request (issue #16 item 4):

- `StatusCount`: how many applications each organisation has in each status (not deleted, on
  a posting of the organisation that is not deleted), the hr dashboard's counts;
- `PostingStatusCount`: how many applications each posting has in each status (not deleted;
  drafts too, which the page leaves out), the counts its hr page shows above its applicants;
- `ApplicationFit`: an application's fit score with its coverage, as services.fit computed it
  the last time. `generation` goes up whenever an input of the fit changes; the score is fresh
  while `computed_generation` equals it (tracker.models.upkeep keeps both up to date).
"""

from __future__ import annotations

from typing import cast

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db import Base, enum_type
from tracker.models.enums import ApplicationStatus


class StatusCount(Base):
    __tablename__ = "status_count"

    organisation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[ApplicationStatus] = mapped_column(
        enum_type(ApplicationStatus, "status_count_status"), primary_key=True)
    number: Mapped[int] = mapped_column(default=0)


class PostingStatusCount(Base):
    __tablename__ = "posting_status_count"

    posting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("posting.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[ApplicationStatus] = mapped_column(
        enum_type(ApplicationStatus, "posting_status_count_status"), primary_key=True)
    number: Mapped[int] = mapped_column(default=0)


class ApplicationFit(Base):
    __tablename__ = "application_fit"

    application_id: Mapped[int] = mapped_column(
        sa.ForeignKey("application.id", ondelete="CASCADE"), primary_key=True)
    generation: Mapped[int] = mapped_column(default=0)
    computed_generation: Mapped[int | None]
    score: Mapped[float | None] = mapped_column(sa.Float)
    assessed: Mapped[int | None]
    total: Mapped[int | None]


# the tables themselves, typed as tables (for Core statements and ON CONFLICT)
STATUS_COUNT = cast(sa.Table, StatusCount.__table__)
APPLICATION_FIT = cast(sa.Table, ApplicationFit.__table__)
POSTING_STATUS_COUNT = cast(sa.Table, PostingStatusCount.__table__)
