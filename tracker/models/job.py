"""Dossier jobs: a dossier asked for (a panel's, an application's, a posting sheet, a posting's
batch of application dossiers), made off the request path by a worker that claims it with a
lease, like the reminder dispatcher claims reminders.

`digest` keys what the dossier shows (tracker/services/jobs/digest.py): a done job whose digest
matches is served from its stored file instead of being made again. The result file lives under
the reports folder (`result_path` is relative to it).
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, UTCDateTime, enum_type
from tracker.models.mixins import Timestamps

if TYPE_CHECKING:
    from tracker.models.posting import Posting


class JobKind(enum.StrEnum):
    PANEL = "panel"
    APPLICATION = "application"
    POSTING_SHEET = "posting_sheet"
    BATCH = "batch"


class JobStatus(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class Job(Timestamps, Base):
    __tablename__ = "job"
    __table_args__ = (
        # The claim (status = 'queued', oldest first) and the lease sweep (status = 'running'
        # AND lease_until <= now) read this index.
        sa.Index("ix_job_status_lease_until", "status", "lease_until"),
        # The dedupe: the job of these inputs, if one was asked before.
        sa.Index("ix_job_digest", "digest"),
        sa.CheckConstraint("progress_done >= 0 AND progress_total >= 0",
                           name="progress_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[JobKind] = mapped_column(enum_type(JobKind, "job_kind"))
    # What to make: {"reference": ...} or {"application_id": ...}, "audience" (employer or
    # candidate: which copy), "pdfa"
    params: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    language: Mapped[str] = mapped_column(sa.String(5))
    digest: Mapped[str] = mapped_column(sa.String(64))
    # The posting it is about, and the application for an application dossier: erasure and
    # the pages find a person's jobs through them.
    posting_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("posting.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("application.id", ondelete="CASCADE"), index=True)
    status: Mapped[JobStatus] = mapped_column(enum_type(JobStatus, "job_status"),
                                              default=JobStatus.QUEUED)
    claimed_by: Mapped[str | None] = mapped_column(sa.String(120))
    claim_token: Mapped[str | None] = mapped_column(sa.String(36))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(default=0)
    progress_done: Mapped[int] = mapped_column(default=0)
    progress_total: Mapped[int] = mapped_column(default=0)
    # Under the reports folder; the file name the download gets
    result_path: Mapped[str | None] = mapped_column(sa.String(500))
    filename: Mapped[str | None] = mapped_column(sa.String(300))
    # Why it failed: an error code and its parameters, translated by the faces
    error_code: Mapped[str | None] = mapped_column(sa.String(60))
    error_params: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    requested_by: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    posting: Mapped[Posting | None] = relationship()


# The models its relationships name, declared with it (tracker/models/__init__.py):
import tracker.models.posting  # noqa: E402, F401
