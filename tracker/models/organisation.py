"""An employer: a university, an agency, a company."""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base
from tracker.models.mixins import Timestamps

if TYPE_CHECKING:
    from tracker.models.user import User


class Organisation(Timestamps, Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(60), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    timezone: Mapped[str] = mapped_column(sa.String(64), default="Europe/Paris")
    website: Mapped[str | None] = mapped_column(sa.String(500))
    address_locality: Mapped[str | None] = mapped_column(sa.String(200))
    address_country: Mapped[str | None] = mapped_column(sa.String(2))

    members: Mapped[list[User]] = relationship(back_populates="organisation")
