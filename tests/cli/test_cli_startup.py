"""A CLI that starts fast (issue #16 item 6), held without timing: which modules a start
imports. `tracker --help` imports no command's module, and `tracker posting list` on a database
at the head neither Alembic nor the PDF, calendar and e-mail libraries, nor pydantic (the
database settings are read without it when the environment holds no setting it could refuse),
nor the models its postings do not reach. The times are bench/cli_startup.py's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tracker import db, schema
from tracker.cli import COMMANDS, main
from tracker.config import Settings

ROOT = Path(__file__).resolve().parents[2]
# Libraries that no start may import before a command needs them.
HEAVY = ("sqlalchemy", "alembic", "mako", "pygments", "weasyprint", "pypdf", "icalendar",
         "email_validator", "zxcvbn", "babel", "pydantic", "tracker.models", "tracker.services",
         "tracker.db", "tracker.config", "tracker.schema")
# ... and those `posting list` has no use for.
NOT_FOR_A_LIST = ("alembic", "mako", "pygments", "weasyprint", "pypdf", "icalendar",
                  "email_validator", "zxcvbn", "tracker.services.dossiers",
                  "tracker.services.fit", "pydantic", "pydantic_settings", "tracker.config",
                  "tracker.services.reminders",
                  "tracker.services.audit", "tracker.services.reference",
                  # the web face, the importers' and the scheduler's libraries, the PostgreSQL
                  # driver on SQLite
                  "babel", "snowballstemmer", "jinja2", "flask", "werkzeug", "apscheduler",
                  "pikepdf", "pdfplumber", "extruct", "html_text", "lxml", "argon2", "yaml",
                  "spectree", "psycopg", "tracker.importers", "tracker.exporters",
                  "tracker.pdf", "tracker.mail", "tracker.app", "tracker.web", "tracker.api",
                  "tracker.scheduler", "tracker.bounded",
                  # models no posting reaches
                  "tracker.models.audit", "tracker.models.calendar", "tracker.models.health",
                  "tracker.models.imports", "tracker.models.job", "tracker.models.login_session",
                  "tracker.models.message", "tracker.models.notification",
                  "tracker.models.privacy", "tracker.models.reminder", "tracker.models.token",
                  "tracker.models.visit")


def run_python(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`code` in a fresh interpreter with the settings of a scratch data folder."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("TRACKER_")}
    env.update(TRACKER_DATA_DIR=str(tmp_path / "data"),
               TRACKER_REPORTS_DIR=str(tmp_path / "reports"))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return result


def imported_by(argv: list[str], tmp_path: Path) -> tuple[str, set[str]]:
    """What `tracker ARGV` prints, and the modules it had imported when done."""
    result = run_python(
        "import json, sys\n"
        "from tracker.cli import main\n"
        f"main({argv!r}, prog_name='tracker', standalone_mode=False, terminal_width=80)\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n", tmp_path)
    return result.stdout, set(json.loads(result.stderr.splitlines()[-1]))


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def test_importing_the_cli_imports_no_heavy_library(tmp_path: Path) -> None:
    result = run_python("import json, sys, tracker.cli; print(json.dumps(sorted(sys.modules)))",
                        tmp_path)
    modules = set(json.loads(result.stdout))
    assert "tracker.cli" in modules and "click" in modules
    assert loaded(modules, HEAVY) == []
    assert loaded(modules, tuple(spec.partition(":")[0] for spec, _ in COMMANDS.values())) == []


def test_help_imports_no_command_and_lists_them_all(tmp_path: Path) -> None:
    output, modules = imported_by(["--help"], tmp_path)
    assert loaded(modules, HEAVY) == []
    assert output.startswith("Usage: tracker [OPTIONS] COMMAND [ARGS]...")
    assert "Recruitment job-posting tracker" in output
    listed = output.split("Commands:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in listed] == sorted(COMMANDS)
    # the same page as when every command is imported and asked its own short help
    context = click.Context(main)
    for name in main.list_commands(context):
        main.get_command(context, name)
    assert set(main.commands) == set(COMMANDS)
    assert CliRunner().invoke(main, ["--help"], prog_name="tracker", terminal_width=80).output \
        == output


def test_the_table_repeats_each_commands_own_short_help() -> None:
    context = click.Context(main)
    for name, (spec, short_help) in COMMANDS.items():
        command = main.get_command(context, name)
        assert command is not None and command.name == name, spec
        assert short_help == command.get_short_help_str(10**6), name


def test_a_listing_on_a_database_at_the_head_imports_no_migration_or_pdf_library(
        tmp_path: Path) -> None:
    run_python("from tracker.cli import main\n"
               "main(['db', 'upgrade'], standalone_mode=False)\n", tmp_path)
    output, modules = imported_by(["posting", "list"], tmp_path)
    assert "No postings" in output or "Postings" in output, output
    assert "tracker.models" in modules and "sqlalchemy.orm" in modules
    assert loaded(modules, NOT_FOR_A_LIST) == []



def test_a_command_run_as_the_process_collects_garbage_and_closes_its_database(
        tmp_path: Path) -> None:
    """The start keeps the garbage collector out (TrackerGroup.main), but the command itself
    runs with it, as a server or a worker runs for days; what the start made is frozen out of
    its collections. At the end the command's database is closed: no write-ahead log is left
    beside the SQLite file."""
    run_python("from tracker.cli import main\n"
               "main(['db', 'upgrade'], standalone_mode=False)\n", tmp_path)
    result = run_python(
        "import gc, sys, click\n"
        "from tracker.cli import main\n"
        "from tracker.cli.context import pass_app\n"
        "@main.command('probe')\n"
        "@pass_app\n"
        "def probe(app):\n"
        "    with app.transaction() as session:\n"
        "        session.execute(__import__('sqlalchemy').text('SELECT 1'))\n"
        "    print(gc.isenabled(), gc.get_freeze_count() > 1000)\n"
        "sys.argv = ['tracker', 'probe']\n"
        "main()\n", tmp_path)
    assert result.stdout.split() == ["True", "True"]
    assert sorted(path.name for path in (tmp_path / "data").iterdir()
                  if path.name.startswith("tracker.db")) == ["tracker.db"]


def test_the_quick_head_is_alembics() -> None:
    assert schema.quick_head() == schema.head_revision()


def test_a_setting_that_could_be_refused_is_still_checked_before_a_listing(
        tmp_path: Path) -> None:
    """The listing reads its database settings without pydantic only when nothing else is set:
    a setting that can be wrong makes it read all of them, and refuse them as every command."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("TRACKER_")}
    env.update(TRACKER_DATA_DIR=str(tmp_path / "data"), TRACKER_SMTP_PORT="twenty-five")
    result = subprocess.run(
        [sys.executable, "-c", "from tracker.cli import main; main(prog_name='tracker')",
         "posting", "list"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip() == ("error: settings: TRACKER_SMTP_PORT: Input should be a "
                                     "valid integer, unable to parse string as an integer")
    assert result.stdout == ""


FREE_TEXT = ("", " ", "0", "-1", "none", "null", "true", "[1, 2]", "{}", "é" * 300,
             "postgresql+psycopg://u:p@h/db")


def test_the_settings_read_without_pydantic_are_those_that_take_any_text(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Skipping the full settings is safe only for variables no value of which they refuse."""
    for key in list(os.environ):
        if key.lower().startswith("tracker_"):
            monkeypatch.delenv(key)
    for name in db._FREE_TEXT_SETTINGS:
        assert name in Settings.model_fields, name
        for text in FREE_TEXT:
            with monkeypatch.context() as patch:
                patch.setenv(f"TRACKER_{name.upper()}", text)
                Settings()  # accepted
    assert not {name for name in db.NOT_SETTINGS if name in Settings.model_fields}


def test_the_database_settings_read_without_pydantic_are_the_settings_own(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key in list(os.environ):
        if key.lower().startswith("tracker_"):
            monkeypatch.delenv(key)
    cases: list[dict[str, str]] = [
        {}, {"TRACKER_DATA_DIR": str(tmp_path)}, {"tracker_data_dir": str(tmp_path / "x")},
        {"TRACKER_DATA_DIR": ""}, {"TRACKER_DATABASE_URL": ""},
        {"TRACKER_DATABASE_URL": "postgresql+psycopg://u@h/db", "TRACKER_DATA_DIR": "/d"},
        {"TRACKER_SECRET_KEY": "k", "TRACKER_LANG": "fr", "TRACKER_AS": "a@example.org",
         "TRACKER_PUBLIC_URL": "https://t.example.org", "TRACKER_REPORTS_DIR": "r"},
    ]
    for case in cases:
        with monkeypatch.context() as patch:
            for key, value in case.items():
                patch.setenv(key, value)
            full = Settings()
            expected = db.DatabaseSettings(full.effective_database_url, not full.database_url,
                                           full.sqlite_busy_timeout_ms)
            assert db.settings_from_environment() == expected, case
    # what only the full settings can say: a number, a zone; a name given in two cases
    for case in [{"TRACKER_SQLITE_BUSY_TIMEOUT_MS": "5"}, {"TRACKER_TIMEZONE": "UTC"},
                 {"TRACKER_DATA_DIR": "/a", "tracker_data_dir": "/b"}]:
        with monkeypatch.context() as patch:
            for key, value in case.items():
                patch.setenv(key, value)
            assert db.settings_from_environment() is None, case
