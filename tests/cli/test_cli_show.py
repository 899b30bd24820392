"""`tracker posting show` prints every field of the posting, and the CLI's tables wrap at word
boundaries only, at 80 columns, with the French demo data (issue #14, item 10)."""

import json
import re

import pytest

from tracker.cli import output
from tracker.cli.output import print_tables, table
from tracker.i18n import label
from tracker.models import (
    ApplyMethod,
    DocumentKind,
    EmploymentType,
    InterviewStatus,
    PostingStatus,
    SalaryPeriod,
    Visibility,
)

REFERENCE = "UJM-DRI-2024-CCI"


@pytest.fixture(autouse=True)
def eighty_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


@pytest.fixture
def demo(cli) -> dict:
    assert cli("demo --no-dossiers --as-published").exit_code == 0
    listed = json.loads(cli("application list --format json").output)["applications"]
    return {a["candidate"]: a["id"] for a in listed}


def strings(data, key=""):
    """(key, text) of every string in a JSON document."""
    if isinstance(data, dict):
        for name, value in data.items():
            yield from strings(value, name)
    elif isinstance(data, list):
        for value in data:
            yield from strings(value, key)
    elif isinstance(data, str):
        yield key, data


# Fields that hold a stored enum value, which the table shows as its label.
LABELLED = {"employment_type": (EmploymentType,), "method": (ApplyMethod,),
            "kind": (DocumentKind,), "visibility": (Visibility,), "period": (SalaryPeriod,),
            "status": (PostingStatus, InterviewStatus)}


def shown_as(key: str, text: str) -> str:
    """What the table writes for the value `text` of field `key`: an enum value's label."""
    for kind in LABELLED.get(key, ()):
        try:
            return label(kind(text), "en")
        except ValueError:
            continue
    return text


def tokens(text: str) -> set[str]:
    """The words of `text`, each also without the punctuation around it, and the date of an
    ISO instant (the deadline is shown as one)."""
    found = set(text.split())
    return (found | {word.strip(",;:()<>") for word in found}
            | {word[:10] for word in found if re.match(r"\d{4}-\d\d-\d\dT", word)})


def assert_fits_80(text: str) -> None:
    assert max(len(line.rstrip()) for line in text.splitlines()) <= 80


# Fields the table writes in another form: the instants as local date and time or "UTC" text,
# the stored values with spaces for underscores.
SHOWN_OTHERWISE = {"starts_at_utc", "starts_at_local", "created_at", "updated_at"}


def test_posting_show_prints_every_field_the_json_holds(cli, demo):
    shown = cli(f"posting show {REFERENCE}")
    assert shown.exit_code == 0, shown.output
    record = json.loads(cli(f"posting show {REFERENCE} --format json").output)
    seen = tokens(shown.output)
    missing = [(key, word) for key, text in strings(record) if key not in SHOWN_OTHERWISE
               for word in shown_as(key, text).replace("_", " ").split() if word not in seen]
    assert "fixed_term" not in shown.output and "cover_letter" not in shown.output
    assert missing == [], missing
    text = " ".join(shown.output.split())
    # what #14 found missing: the documents asked for, the interviews, the salary check
    assert "Documents asked for" in text and "Cover letter Lettre de motivation required" in text
    assert "Interviews (interview days and scheduled interviews)" in text
    assert re.search(r" 2024-05-22 \(all day\) +all +scheduled", shown.output)
    assert "(all day)" in text
    camille = demo["camille.martin@example.org"]
    assert re.search(rf"2024-05-22 10:00 +45 min +#{camille} +Direction de", shown.output)
    assert "Salary check the posting states no salary" in text
    # and the rest the posting holds
    assert "Contact CV et lettre de motivation à envoyer avant le 13/05/2024" in text
    assert "Address Saint-Étienne, FR" in text
    assert "Organisation Université Jean Monnet (ujm)" in text
    assert "Requirements (37)" in text
    assert "Created 2024-04-15 09:00:00 UTC" in text or "Created 2024-04-1" in text


def test_posting_show_the_salary_against_the_market(cli, demo):
    changed = cli(f"posting update {REFERENCE} --file -", input=(
        "salary_min: 2300\nsalary_max: 2600\nsalary_currency: EUR\nsalary_period: month\n"))
    assert changed.exit_code == 0, changed.output
    record = json.loads(cli(f"posting show {REFERENCE} --format json").output)
    verdicts = [c["verdict"] for c in record["salary_check"]["comparisons"]]
    assert verdicts == ["within", "below", "within"]
    shown = cli(f"posting show {REFERENCE}").output
    assert_fits_80(shown)
    assert "Salary against the market" in shown
    assert re.search(r" within the range +occupation charge-cooperation-internationale, "
                     r"DÉBUTANT", shown)
    assert re.search(r" below the range +occupation charge-cooperation-internationale, "
                     r"CONFIRMÉ", shown)
    text = " ".join(shown.split())
    assert "Salary 2300.00-2600.00 EUR per month" in text
    assert "Salary check within the range (occupation charge-cooperation-internationale," in text
    # each comparison in full, its amounts whole
    assert "2167–2667 EUR per month gross: the posting's 2300–2600 EUR per month is within " \
        "the range" in text
    assert "1833–3000" in text


def test_posting_show_of_a_posting_with_no_interviews_or_documents(cli, posting):
    shown = cli("posting show UJM-TEST-1")
    assert shown.exit_code == 0, shown.output
    assert "Interviews: none" in shown.output


# -- tables never split a word ----------------------------------------------------------------


def split_words(shown: str, data) -> list[tuple[str, str]]:
    """The words of `data` (a command's JSON) that `shown` (its table) cut in two: missing
    whole, and shown in part: a piece of three letters or more that is no word of its own."""
    seen = tokens(shown)
    words = {word for _, text in strings(data) for word in text.split()}
    return [(word, part) for word in sorted(words)
            if word not in seen and "_" not in word and not re.match(r"[\d.:+-]+$|\d{4}-", word)
            for part in seen if len(part) >= 3 and part not in words and word.startswith(part)]


COMMANDS = (f"posting show {REFERENCE}", "application show {camille}", "application list",
            "interview list", "user list", "posting list", "reference list")


def test_every_word_of_the_demo_stays_whole_at_80_columns(cli, demo):
    camille = demo["camille.martin@example.org"]
    for command in COMMANDS:
        command = command.format(camille=camille)
        shown = cli(command)
        assert shown.exit_code == 0, (command, shown.output)
        assert_fits_80(shown.output)
        data = json.loads(cli(f"{command} --format json").output)
        assert split_words(shown.output, data) == [], command
    # the word of the report
    assert "coopératio" not in tokens(cli(f"posting show {REFERENCE}").output)


def test_rich_alone_splits_words(cli, demo, monkeypatch):
    """The check above can fail: without fit_words, rich folds the demo's e-mail addresses in
    `application list` at 80 columns."""
    monkeypatch.setattr(output, "fit_words", lambda table, width: None)
    shown = cli("application list").output
    data = json.loads(cli("application list --format json").output)
    assert "camille.martin@example.org" in {word for word, _ in split_words(shown, data)}


def test_a_word_longer_than_any_column_is_folded_never_lost(capsys):
    url = "https://recrutement.example.org/" + "tres-long-chemin-" * 6 + "fin"
    print_tables(table("Links", ["Kind", "Address"],
                       [["video", url], ["Entretien en visioconférence avec le jury", "-"]]))
    shown = capsys.readouterr().out
    assert_fits_80(shown)
    body = re.split(r"─ *\n", shown, maxsplit=1)[1]
    assert "video" + url in re.sub(r"\s", "", body)  # every character, in order
    # the other column keeps its words
    assert {"Entretien", "visioconférence", "avec", "le", "jury"} <= tokens(shown)
