"""The audit trail: who did what to which record, and when."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db import Base, UTCDateTime


class AuditLog(Base):
    __tablename__ = "audit_log"
    __table_args__ = (
        sa.Index("ix_audit_log_entity", "entity_type", "entity_id"),
        sa.Index("ix_audit_log_actor", "actor_id", "at"),  # the admin's filter by actor
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    actor_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL")
    )
    # who acted when actor_id is NULL: the stable pseudonym of an erased person
    # ("person-" and a keyed digest of their id), the same on every entry of theirs
    actor_label: Mapped[str | None] = mapped_column(sa.String(40))
    action: Mapped[str] = mapped_column(sa.String(60))
    entity_type: Mapped[str] = mapped_column(sa.String(60))
    entity_id: Mapped[int]
    details: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
