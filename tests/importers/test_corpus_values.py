"""The true values written by hand for the corpus (tests/importers/postings/*.yaml) agree with
their posting where a slip is easy to make and hard to see: an e-mail or reference that is not
the text's, a weekday that does not fall on the date beside it, a duration on a permanent post,
a deadline's time without its day. Reads the files only (the importer is not run)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

POSTINGS = Path(__file__).parent / "postings"
MONTHS = {
    **{m: i for i, m in enumerate(["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                                   "août", "septembre", "octobre", "novembre", "décembre"], 1)},
    **{m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june",
                                   "july", "august", "september", "october", "november",
                                   "december"], 1)},
}
WEEKDAYS = {**{d: i for i, d in enumerate(["lundi", "mardi", "mercredi", "jeudi", "vendredi",
                                           "samedi", "dimanche"])},
            **{d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday",
                                           "friday", "saturday", "sunday"])}}
DAY = "|".join(WEEKDAYS)
MONTH = "|".join(MONTHS)
# "jeudi 8 avril 2027", "Friday 28th May 2027", "Tuesday, 5 October 2027"
DAY_FIRST = re.compile(rf"\b({DAY}),? (?:the )?(\d{{1,2}})(?:er|st|nd|rd|th)?(?: of)? ({MONTH}),? "
                       r"(\d{4})\b")
# "Thursday, April 8, 2027"
MONTH_FIRST = re.compile(rf"\b({DAY}),? ({MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b")


def weekdays_named(text: str) -> list[tuple[str, date, str]]:
    """Each weekday written beside a full date: (weekday, date, the words)."""
    text = text.lower()
    found = [(m[1], date(int(m[4]), MONTHS[m[3]], int(m[2])), m[0])
             for m in DAY_FIRST.finditer(text)]
    found += [(m[1], date(int(m[4]), MONTHS[m[2]], int(m[3])), m[0])
              for m in MONTH_FIRST.finditer(text)]
    return found


def test_a_weekday_beside_a_date_is_read_in_both_languages_and_orders():
    text = "le jeudi 8 avril 2027, Friday 28th May 2027 and Thursday, April 8, 2027"
    assert [(day, when) for day, when, _ in weekdays_named(text)] == [
        ("jeudi", date(2027, 4, 8)), ("friday", date(2027, 5, 28)),
        ("thursday", date(2027, 4, 8))]


@pytest.mark.parametrize("path", sorted(POSTINGS.glob("*.txt")), ids=lambda p: p.stem)
def test_the_true_values_agree_with_their_posting(path):
    text = path.read_text("utf-8").lower()
    values = yaml.safe_load(path.with_suffix(".yaml").read_text("utf-8"))
    for field in ("apply_email", "reference"):
        if values[field] is not None:
            assert str(values[field]).lower() in text, f"{field} {values[field]!r} not in the text"
    wrong = [words for day, when, words in weekdays_named(text)
             if when.weekday() != WEEKDAYS[day]]
    assert wrong == [], "a weekday that does not fall on its date"
    if values["duration_months"] is not None:
        assert values["employment_type"] not in (None, "permanent")
    if values["valid_through_time"] is not None:
        assert values["valid_through_date"] is not None
    for field in ("date_posted", "job_start_date", "valid_through_date"):
        assert values[field] is None or isinstance(values[field], date), field
    assert all(isinstance(day, date) for day in values["interviews"])


def test_every_posting_s_kind_is_described_in_kinds_yaml():
    # (kinds.yaml is YAML a writer edits by hand: a label holding ': ' stopped the bench once)
    kinds = yaml.safe_load((POSTINGS / "kinds.yaml").read_text("utf-8"))
    assert all(isinstance(entry, dict) and entry.get("label") for entry in kinds.values())
    for path in sorted(POSTINGS.glob("*.yaml")):
        if path.name != "kinds.yaml":
            assert yaml.safe_load(path.read_text("utf-8"))["kind"] in kinds, path.name
