"""Field-by-field accuracy of the text importer on real postings whose true values were written
down by hand: tests/importers/postings/*.txt with their *.yaml, and the Jean Monnet sample.

    .venv/bin/python bench/accuracy.py           # the table
    .venv/bin/python bench/accuracy.py --write   # also record what is right, for the test

The test tests/importers/test_accuracy.py checks that every field recorded as right stays so.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.importers.text import parse_text  # noqa: E402

FIXTURES = ROOT / "tests" / "importers" / "postings"
SAMPLE = ROOT / "samples" / "posting-ujm-charge-cooperation-internationale"
RECORD = FIXTURES / "accuracy.json"
FIELDS = ["title", "hiring_organization_name", "reference", "category", "employment_type",
          "duration_months", "working_time_percent", "date_posted", "job_start_date",
          "valid_through_date", "valid_through_time", "apply_email", "salary_min",
          "salary_max", "salary_currency", "salary_period", "interviews", "education_level"]


@dataclass
class Fixture:
    name: str
    text: str
    expected: dict[str, Any]


def source_text(path: Path) -> str:
    """The fixture's text without its header comment (source address)."""
    lines = path.read_text("utf-8").split("\n")
    while lines and lines[0].startswith("# "):
        lines.pop(0)
    return "\n".join(lines)


def fixtures() -> list[Fixture]:
    found = [Fixture(p.stem, source_text(p), yaml.safe_load(p.with_suffix(".yaml").read_text(
        "utf-8"))) for p in sorted(FIXTURES.glob("*.txt"))]
    sample = yaml.safe_load(SAMPLE.with_suffix(".yaml").read_text("utf-8"))
    expected = {name: sample.get(name) for name in FIELDS}
    expected.update(
        reference=None,  # the transcription's reference is ours, not the source's
        hiring_organization_name="Université Jean Monnet",
        interviews=[i["date"] for i in sample["interviews"]],
        education_level=next(r["level"] for r in sample["requirements"]
                             if r["kind"] == "education"),
    )
    found.append(Fixture(SAMPLE.name, SAMPLE.with_suffix(".txt").read_text("utf-8"), expected))
    return found


def _normal(value: Any) -> Any:
    if value is None or value == []:
        return None
    if isinstance(value, list):
        return [_normal(v) for v in value]
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float | Decimal):
        return str(Decimal(value).normalize())
    if hasattr(value, "value"):  # enums
        value = value.value
    text = unicodedata.normalize("NFKD", str(value).replace("’", "'")).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(text.split()).strip(" .,;:")
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return str(Decimal(text).normalize())
    if re.fullmatch(r"\d\d:\d\d(:\d\d)?", text):
        return text if len(text) == 8 else text + ":00"
    return text


def found_values(text: str) -> dict[str, Any]:
    data = parse_text(text).data()
    education = [r.get("level") for r in data.get("requirements", [])
                 if r["kind"] == "education"]
    data["interviews"] = [i["date"] for i in data.get("interviews", [])]
    data["education_level"] = education[0] if education else None
    return data


def score(fixture: Fixture) -> dict[str, bool]:
    data = found_values(fixture.text)
    return {name: _normal(data.get(name)) == _normal(fixture.expected.get(name))
            for name in FIELDS if name in fixture.expected}


def stated(fixture: Fixture) -> set[str]:
    """The fields the posting states: those whose true value is not empty (reading nothing
    where nothing is written counts as right in `score`, not here)."""
    return {name for name in FIELDS if name in fixture.expected
            and _normal(fixture.expected.get(name)) is not None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"record the result in {RECORD}")
    parser.add_argument("--verbose", action="store_true", help="show every wrong value")
    args = parser.parse_args()
    found = fixtures()
    results = {f.name: score(f) for f in found}
    print(f"{'field':28} right / postings")
    total_right = total = 0
    for name in FIELDS:
        marks = [r[name] for r in results.values() if name in r]
        total_right += sum(marks)
        total += len(marks)
        print(f"{name:28} {sum(marks):2d} / {len(marks):2d}  {100 * sum(marks) / len(marks):5.1f} %")
    print(f"{'all fields':28} {total_right} / {total}  {100 * total_right / total:5.1f} %")
    marks = [results[f.name][name] for f in found for name in stated(f)]
    print(f"{'fields the postings state':28} {sum(marks)} / {len(marks)}  "
          f"{100 * sum(marks) / len(marks):5.1f} %")
    if args.verbose:
        for fixture in found:
            data = found_values(fixture.text)
            for name, right in results[fixture.name].items():
                if not right:
                    print(f"  {fixture.name}: {name}: found {data.get(name)!r}, "
                          f"true {fixture.expected.get(name)!r}")
    if args.write:
        RECORD.write_text(json.dumps(
            {name: sorted(k for k, v in r.items() if v) for name, r in results.items()},
            indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"recorded in {RECORD.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
