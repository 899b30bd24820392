"""The file a posting was imported from, kept as it was received, with what was read in it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, deferred, mapped_column

from tracker.db import Base, UTCDateTime


class PostingSource(Base):
    """One per imported posting: the raw bytes (JSON-LD, HTML, text or PDF), their format and
    digest, and the import report (every value found, with its snippet and confidence)."""

    __tablename__ = "posting_source"
    __table_args__ = (
        sa.CheckConstraint(
            "format IN ('jsonld', 'html', 'text', 'pdf')", name="format_known"
        ),
        sa.CheckConstraint("length(sha256) = 64", name="sha256_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    posting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("posting.id", ondelete="CASCADE"), unique=True
    )
    format: Mapped[str] = mapped_column(sa.String(10))
    filename: Mapped[str] = mapped_column(sa.String(255))
    media_type: Mapped[str] = mapped_column(sa.String(100))
    language: Mapped[str | None] = mapped_column(sa.String(2))
    sha256: Mapped[str] = mapped_column(sa.String(64))
    size_bytes: Mapped[int]
    # Deferred: showing a posting never loads the file it came from.
    content: Mapped[bytes] = deferred(mapped_column(sa.LargeBinary, nullable=False))
    report: Mapped[dict[str, Any]] = deferred(mapped_column(sa.JSON, nullable=False))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    imported_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL")
    )
