"""`tracker privacy` on both databases (in the test's rolled-back transaction): without --yes
nothing goes; --as someone without the right gets a refusal; --yes leaves no row naming the
person."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.privacy.conftest import EMAIL, NAME, rows_naming
from tracker.config import get_settings
from tracker.domain.access import OPERATOR
from tracker.models import User
from tracker.services.accounts import users


@pytest.fixture(autouse=True)
def same_settings(settings, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """The command line reads the environment's settings: point them at the test's folders."""
    for name in ("data_dir", "reports_dir", "secret_key"):
        monkeypatch.setattr(get_settings(), name, getattr(settings, name))


def test_erase_says_what_would_go_and_erases_only_with_yes(cli, session, traces) -> None:  # noqa: ANN001
    result = cli(f"privacy erase {EMAIL} --format json")
    assert result.exit_code == 1 and "nothing was erased" in result.output
    would = json.loads(result.output[:result.output.rindex("}") + 1])
    assert would["erased"] is False
    assert would["would_erase"]["applications"] == 1
    assert would["would_erase"]["received_applications"] == 1
    assert str(traces.import_file) in would["files"]
    assert session.get(User, traces.candidate.id) is not None and traces.import_file.exists()

    result = cli(f"privacy erase {EMAIL} --yes")
    assert result.exit_code == 0, result.output
    assert "applications: 1" in result.output and "person-" in result.output
    session.expire_all()
    assert rows_naming(session, EMAIL, NAME) == [] and not traces.import_file.exists()


def test_rights_on_the_command_line(cli, session, traces, hr, clock, tmp_path: Path) -> None:  # noqa: ANN001
    users.create_user(session, email="bob@example.org", full_name="Bob Brun", role="candidate",
                      clock=clock, actor=OPERATOR)
    session.flush()
    out = tmp_path / "x.zip"
    refused = cli(f"--as bob@example.org privacy export {EMAIL} -o {out}")
    assert refused.exit_code == 1 and "only your own data" in refused.output
    assert not out.exists()
    refused = cli(f"--as {hr.email} privacy erase {EMAIL} --yes")
    assert refused.exit_code == 1 and "only an admin" in refused.output
    assert session.get(User, traces.candidate.id) is not None

    done = cli(f"--as {hr.email} privacy export {EMAIL} -o {out}")
    assert done.exit_code == 0, done.output
    with zipfile.ZipFile(out) as archive:
        record = json.loads(archive.read("data.json"))
    assert record["scope"] == "organisation"
    # her application and the one hr recorded under her address, with hr's note
    assert len(record["applications"]) == 2
    assert any(a.get("notes") for a in record["applications"])


def test_requests_are_listed_then_carried_out_on_the_command_line(cli, session, traces, clock,
                                                                  settings) -> None:  # noqa: ANN001
    from tracker.services.privacy import erase

    erase.request_erasure(session, traces.candidate, actor=traces.candidate, settings=settings,
                          now=clock())
    session.flush()
    listed = cli("privacy requests")
    assert listed.exit_code == 0 and EMAIL in listed.output and "requested" in listed.output
    refused = cli(f"--as {EMAIL} privacy requests")
    assert refused.exit_code == 1 and "only an admin" in refused.output
    assert cli(f"privacy erase {EMAIL} --yes").exit_code == 0
    [row] = json.loads(cli("privacy requests --format json").output)
    assert (row["status"], row["email"], row["source"]) == ("done", None, "request")
    assert row["subject"].startswith("person-")


def test_a_person_without_an_account_is_erased_by_address(cli, session, posting, hr, clock,
                                                          settings) -> None:  # noqa: ANN001
    """Léa Petit applied by post: hr recorded her application under her address; she never
    had an account. Erasing her address leaves nothing naming her either."""
    from tracker.models import AuditLog, Erasure, Notification
    from tracker.services.hiring import applications

    received = applications.record_received(session, posting, name="Léa Petit",
                                            email="lea.petit@example.org", actor=hr,
                                            clock=clock)
    received_id = received.id
    session.add(Notification(user_id=hr.id, title="Léa Petit applied", body="by post",
                             created_at=clock()))
    session.flush()
    dossier = settings.reports_dir / "ujm" / "UJM-TEST-1" / "dossier-de-candidature-lea-petit-fr.pdf"
    dossier.parent.mkdir(parents=True)
    dossier.write_bytes(b"%PDF-1.7 her dossier")
    kept = settings.reports_dir / "ujm" / "UJM-TEST-1" / "notes.txt"
    kept.write_text("nothing personal", encoding="utf-8")

    refused = cli(f"--as {hr.email} privacy erase lea.petit@example.org --yes")
    assert refused.exit_code == 1 and "only an admin" in refused.output
    preview = cli("privacy erase Lea.Petit@example.org")
    assert preview.exit_code == 1 and "received applications: 1" in preview.output
    assert str(dossier) in preview.output

    done = cli("privacy erase lea.petit@example.org --yes")
    assert done.exit_code == 0, done.output
    session.expire_all()
    assert rows_naming(session, "lea.petit@example.org", "Léa Petit", "Lea Petit") == []
    assert not dossier.exists() and kept.exists()
    [record] = session.scalars(sa.select(Erasure))
    assert record.subject_label.startswith("person-") and record.counts["received_applications"] == 1
    # what happened stays: hr recorded an application, and it was erased
    actions = {e.action for e in session.scalars(sa.select(AuditLog).where(
        AuditLog.entity_id.in_([received_id, record.id])))}
    assert {"application.record_received", "person.erase"} <= actions
    assert cli("privacy erase lea.petit@example.org --yes").exit_code == 1  # nothing left
