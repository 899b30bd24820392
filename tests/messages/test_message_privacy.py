"""The messages sent to a candidate are personal data (DESIGN §11): the person's export holds
them, erasure removes them, the retention policy's anonymisation removes them."""

import io
import json
import zipfile
from datetime import UTC, datetime

import sqlalchemy as sa

from tracker.config import Settings, get_settings
from tracker.domain.access import OPERATOR
from tracker.models import Application, ApplicationMessage, Reminder, ReminderKind
from tracker.services import messages
from tracker.services.hiring import applications, postings
from tracker.services.privacy import erase, retention
from tracker.services.privacy.export import export_person


def _sent(session, application, candidate, hr, clock):
    applications.move(session, application, "submitted", actor=candidate, clock=clock)
    messages.send(session, application=application, subject="Votre dossier Camille",
                  body="Bonjour Camille Martin, merci.", actor=hr, clock=clock)
    session.flush()


def test_the_export_holds_the_messages(session, application, candidate, hr, clock, tmp_path):
    _sent(session, application, candidate, hr, clock)
    settings = Settings(data_dir=tmp_path / "data", reports_dir=tmp_path / "reports",
                        secret_key="k")
    for actor in (candidate, hr):
        archive = export_person(session, candidate, actor=actor, settings=settings, now=clock(),
                                dossiers=False)
        data = json.loads(zipfile.ZipFile(io.BytesIO(archive.content)).read("data.json"))
        [app] = data["applications"]
        assert [(m["subject"], m["body"], m["recipient_email"]) for m in app["messages"]] == [
            ("Votre dossier Camille", "Bonjour Camille Martin, merci.", "camille@example.org")]


def test_erasure_removes_the_messages_and_their_outbox_rows(session, application, candidate,
                                                            hr, clock, tmp_path):
    _sent(session, application, candidate, hr, clock)
    settings = Settings(data_dir=tmp_path / "data", reports_dir=tmp_path / "reports",
                        secret_key="k")
    assert session.scalar(sa.select(sa.func.count()).select_from(ApplicationMessage)) == 1
    erase.erase_person(session, candidate, actor=OPERATOR, settings=settings, now=clock())
    session.expire_all()
    assert session.scalar(sa.select(sa.func.count()).select_from(ApplicationMessage)) == 0
    assert session.scalars(sa.select(Reminder).where(
        Reminder.kind == ReminderKind.MESSAGE)).all() == []


def test_anonymisation_removes_the_messages(session, application, candidate, hr, posting, clock):
    _sent(session, application, candidate, hr, clock)
    applications.move(session, application, "rejected", actor=hr, clock=clock)
    clock.now = datetime(2024, 5, 20, 8, 0, tzinfo=UTC)
    postings.set_status(session, posting, "closed", actor=hr, clock=clock)
    session.flush()
    done = retention.run(session, actor=OPERATOR, settings=get_settings(),
                         now=datetime(2026, 5, 21, tzinfo=UTC))
    assert done.count("anonymise") == 1
    session.expire_all()
    assert session.get(Application, application.id).anonymised_at is not None
    assert session.scalar(sa.select(sa.func.count()).select_from(ApplicationMessage)) == 0
