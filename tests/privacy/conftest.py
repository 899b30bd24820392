"""A candidate who left traces everywhere the tracker keeps personal data, and settings whose
data and reports folders are the test's own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from tests.uploads import two_pages
from tracker.config import Settings
from tracker.db import Base
from tracker.domain.access import OPERATOR
from tracker.models import (
    Application,
    Notification,
    Reminder,
    ReminderChannel,
    ReminderKind,
    SubjectType,
    User,
)
from tracker.services.accounts import sessions, tokens, users
from tracker.services.exports import calendar
from tracker.services.hiring import applications, documents, evidence, interviews

EMAIL = "camille@example.org"
NAME = "Camille Martin"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", reports_dir=tmp_path / "reports",
                    secret_key="privacy-test-key")


@dataclass
class Traces:
    candidate: User
    application: Application
    received: Application
    import_file: Path


@pytest.fixture
def traces(session: Session, posting, candidate, hr, clock, settings: Settings) -> Traces:  # noqa: ANN001
    """Camille Martin's application (answers, a CV whose file name is hers, a note and a rating
    by hr, an interview), an application hr recorded under her address, a notification to hr
    naming her, a login session, an API token, a calendar feed, her profile and a pending
    import file."""
    users.set_profile(session, candidate, actor=candidate, clock=clock,
                      headline="Chargée de projets internationaux", skills=["Erasmus+"],
                      languages=[users.LanguageInput("en", "C1")])
    application = applications.start(session, posting, candidate, actor=candidate, clock=clock)
    requirement = posting.requirements[0]
    evidence.give_evidence(session, application, requirement, evidence="TOEIC 945",
                           self_rating=4, actor=candidate, clock=clock)
    documents.add_document(session, application, kind="cv", filename="CV Camille Martin.pdf",
                           content=two_pages(), actor=candidate, clock=clock, settings=settings)
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    evidence.rate_evidence(session, application, requirement, rating=3, actor=hr, clock=clock)
    evidence.add_note(session, application, "Camille Martin: strong English", actor=hr,
                      clock=clock)
    interviews.schedule(session, posting, day=date(2024, 5, 22), at=time(10, 0),
                        application=application, actor=hr, clock=clock)
    received = applications.record_received(session, posting, name="Camille Martin",
                                            email="Camille@Example.org", actor=hr, clock=clock)
    session.add(Notification(user_id=hr.id, title="Interview of Camille Martin tomorrow",
                             body="With Camille Martin at 10:00", created_at=clock()))
    session.add(Reminder(kind=ReminderKind.NO_ANSWER, subject_type=SubjectType.APPLICATION,
                         subject_id=application.id, recipient_key=f"u:{candidate.id}",
                         recipient_user_id=candidate.id, recipient_email=EMAIL,
                         channel=ReminderChannel.EMAIL, offset_spec="+14d", anchor_at=clock(),
                         due_at=clock(), next_attempt_at=clock(), timezone="Europe/Paris"))
    sessions.start_session(session, candidate, actor=candidate, device="Firefox on Linux",
                           ip="192.0.2.7", clock=clock)
    tokens.create_token(session, candidate, "Camille Martin laptop", clock)
    calendar.feed_token(session, candidate, clock)
    session.flush()
    folder = settings.data_dir / "imports"
    folder.mkdir(parents=True)
    import_file = folder / f"{candidate.id}-{'x' * 32}"
    import_file.write_bytes(b"Offre vue par Camille Martin")
    return Traces(candidate, application, received, import_file)


def rows_naming(session: Session, *needles: str) -> list[tuple[str, Any]]:
    """Every row of every table where one of `needles` appears (case ignored) in a value."""
    found = []
    wanted = [n.casefold() for n in needles]
    for table in Base.metadata.sorted_tables:
        for row in session.execute(sa.select(table)).mappings():
            for column, value in row.items():
                if isinstance(value, bytes):
                    value = value.decode("utf-8", "ignore")
                text = str(value).casefold()
                if any(n in text for n in wanted):
                    found.append((f"{table.name}.{column}", value))
    return found


__all__ = ["EMAIL", "NAME", "OPERATOR", "Traces", "rows_naming"]
