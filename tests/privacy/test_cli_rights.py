"""`tracker privacy` on both databases (in the test's rolled-back transaction): without --yes
nothing goes; --as someone without the right gets a refusal; --yes leaves no row naming the
person."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

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
