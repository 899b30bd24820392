"""Signs of life the running services leave for the health checks (`/readyz`, `tracker doctor`).

One row per (name, instance): the scheduler's heartbeat (`scheduler`, written on each of its
ticks, removed when it stops cleanly) and the outcome of the last SMTP delivery attempt
(`smtp`). An instance is the process that wrote it, `host:pid`. No personal data: the details
hold counts, intervals and an error text from which addresses and credentials are removed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db import Base, UTCDateTime


class ServiceHeartbeat(Base):
    __tablename__ = "service_heartbeat"

    name: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    instance: Mapped[str] = mapped_column(sa.String(255), primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    details: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
