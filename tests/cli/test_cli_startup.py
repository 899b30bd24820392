"""A CLI that starts fast (issue #16 item 6), held without timing: which modules a start
imports. `tracker --help` imports no command's module, and `tracker posting list` on a database
at the head neither Alembic nor the PDF, calendar and e-mail libraries. The times are
bench/cli_startup.py's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from tracker import schema
from tracker.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parents[2]
# Libraries that no start may import before a command needs them.
HEAVY = ("sqlalchemy", "alembic", "mako", "pygments", "weasyprint", "pypdf", "icalendar",
         "email_validator", "zxcvbn", "babel", "pydantic", "tracker.models", "tracker.services",
         "tracker.db", "tracker.config", "tracker.schema")
# ... and those `posting list` has no use for.
NOT_FOR_A_LIST = ("alembic", "mako", "pygments", "weasyprint", "pypdf", "icalendar",
                  "email_validator", "zxcvbn", "tracker.services.dossiers",
                  "tracker.services.fit")


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


def test_the_quick_head_is_alembics() -> None:
    assert schema.quick_head() == schema.head_revision()
