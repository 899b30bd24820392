"""An uploaded file (CV, letter, diploma), stored in the database with its digest."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, deferred, mapped_column

from tracker.db import Base, UTCDateTime, enum_type
from tracker.models.enums import DocumentKind


class Document(Base):
    __tablename__ = "document"
    __table_args__ = (
        sa.CheckConstraint("size_bytes >= 0", name="size_not_negative"),
        sa.CheckConstraint("length(sha256) = 64", name="sha256_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    application_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("application.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[DocumentKind] = mapped_column(enum_type(DocumentKind, "document_kind"))
    filename: Mapped[str] = mapped_column(sa.String(255))
    media_type: Mapped[str] = mapped_column(sa.String(100))
    size_bytes: Mapped[int]
    sha256: Mapped[str] = mapped_column(sa.String(64))
    # Counted when the upload was checked (tracker.pdfcheck); None for older rows.
    page_count: Mapped[int | None]
    # Deferred: listing documents never loads their bytes.
    content: Mapped[bytes] = deferred(mapped_column(sa.LargeBinary))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime())
