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
    # Retention (issue #13): applications that did not lead to a hire are anonymised this many
    # months after their posting closed; candidates who applied here are deleted after this
    # many months without log-in (the longest of their organisations' periods applies);
    # a candidate's consent to the talent pool keeps their applications here this long.
    retention_applications_months: Mapped[int] = mapped_column(default=24, server_default="24")
    retention_accounts_months: Mapped[int] = mapped_column(default=36, server_default="36")
    talent_pool_months: Mapped[int] = mapped_column(default=24, server_default="24")
    # The privacy notice candidates read on registration and on /privacy (none: the default).
    privacy_notice_fr: Mapped[str | None] = mapped_column(sa.Text)
    privacy_notice_en: Mapped[str | None] = mapped_column(sa.Text)
    # Issue #14: an acknowledgement of receipt goes to each candidate on submission.
    acknowledge_applications: Mapped[bool] = mapped_column(default=True, server_default=sa.true())

    members: Mapped[list[User]] = relationship(back_populates="organisation")


# The models its relationships name, declared with it (tracker/models/__init__.py):
import tracker.models.user  # noqa: E402, F401
