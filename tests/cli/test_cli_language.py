"""The command line speaks TRACKER_LANG (fr or en, English by default): its errors, its
headings and every stored value it prints (statuses, contracts, kinds of requirement, documents),
which it shows as their labels, never as `fixed_term` or `under_review` (issue #14, item 8)."""

import json

import pytest

from tests.cli.helpers import assert_refused
from tracker.i18n import label
from tracker.models import EmploymentType, PostingStatus, RequirementKind

REFERENCE = "UJM-TEST-1"


@pytest.fixture(autouse=True)
def wide(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")


def stored_values(record: dict) -> set[str]:
    """The enum values the posting's record holds that a person should never read."""
    values = {record["status"], record["employment_type"], record["visibility"],
              record["apply"]["method"], *record["requirements"]}
    return {value for value in values if value and "_" in value} | {"fixed_term"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_posting_show_in_the_cli_language_shows_labels_not_stored_values(
        cli, posting, monkeypatch, lang):
    monkeypatch.setenv("TRACKER_LANG", lang)
    record = json.loads(cli(f"posting show {REFERENCE} --format json").output)
    shown = cli(f"posting show {REFERENCE}")
    assert shown.exit_code == 0, shown.output
    for value in stored_values(record):
        assert value not in shown.output, value
    for word in (label(EmploymentType.FIXED_TERM, lang), label(PostingStatus.OPEN, lang),
                 label(RequirementKind.LANGUAGE, lang), label(RequirementKind.EDUCATION, lang)):
        assert word in shown.output, (word, shown.output)
    french = ("Statut", "Date limite", "Exigences (2)", "Documents demandés : aucun", "CDD")
    english = ("Status", "Deadline", "Requirements (2)", "Documents asked for: none")
    for word in french if lang == "fr" else english:
        assert word in shown.output, (word, shown.output)
    for word in english if lang == "fr" else french:
        assert word not in shown.output, (word, shown.output)


def test_status_change_is_said_with_the_status_label(cli, posting, monkeypatch):
    monkeypatch.setenv("TRACKER_LANG", "fr")
    done = cli(f"posting close {REFERENCE}")
    assert done.exit_code == 0, done.output
    assert done.output.strip() == f"le poste {REFERENCE} est maintenant clos", done.output


def test_an_error_in_french(cli, session, monkeypatch):
    monkeypatch.setenv("TRACKER_LANG", "fr")
    result = cli("user logout personne@example.org")
    assert result.exit_code == 1, result.output
    assert result.stderr.strip() == "erreur : email: aucun compte n’a l’adresse " \
        "personne@example.org", result.stderr


def test_an_error_in_english_by_default(cli, session, monkeypatch):
    monkeypatch.delenv("TRACKER_LANG", raising=False)
    result = cli("user logout personne@example.org")
    assert_refused(result, "email", "no user with e-mail personne@example.org")


def test_an_unknown_language_is_english(cli, session, monkeypatch):
    monkeypatch.setenv("TRACKER_LANG", "de")
    result = cli("user logout personne@example.org")
    assert_refused(result, "email", "no user with e-mail personne@example.org")
