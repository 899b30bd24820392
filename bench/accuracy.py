"""Field-by-field accuracy of the text importer on the corpus of postings written for the project:
tests/importers/postings/*.txt with their true values in *.yaml (each of a publisher `kind`), and
the Jean Monnet sample.

    .venv/bin/python bench/accuracy.py           # the tables
    .venv/bin/python bench/accuracy.py --write   # also record what is right, for the test

It reports each field over (a) the whole corpus, (b) the kinds the rules were never tuned on
(tests/importers/postings/kinds.yaml says which, and why it is honest), (c) each kind; the
targets beside the figures; and the calibration of the importer's confidence. The test
tests/importers/test_accuracy.py checks that every field recorded as right stays so.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import subprocess
import sys
import textwrap
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.importers.base import SURE, ParsedPosting  # noqa: E402
from tracker.importers.text import parse_text  # noqa: E402

FIXTURES = ROOT / "tests" / "importers" / "postings"
KINDS = FIXTURES / "kinds.yaml"
SAMPLE = ROOT / "samples" / "posting-ujm-charge-cooperation-internationale"
SAMPLE_KIND = "fr-university"
RECORD = FIXTURES / "accuracy.json"
FIELDS = ["title", "hiring_organization_name", "reference", "category", "employment_type",
          "duration_months", "working_time_percent", "date_posted", "job_start_date",
          "valid_through_date", "valid_through_time", "apply_email", "salary_min",
          "salary_max", "salary_currency", "salary_period", "interviews", "education_level"]
DEADLINE = "valid_through_date"
# What the importer must reach (issue #15): per field and overall, deadlines, sure values.
TARGET_FIELD, TARGET_DEADLINE, TARGET_SURE = 0.90, 0.95, 0.97
RULES = "tracker/importers"


@dataclass
class Fixture:
    name: str
    text: str
    expected: dict[str, Any]
    kind: str


@dataclass
class Kind:
    name: str
    label: str
    frozen_before: str | None  # the rules' commit before which none of its postings existed
    tuned_on: str | None  # why the rules have seen it, if they have

    @property
    def held_out(self) -> bool:
        return self.frozen_before is not None and self.tuned_on is None


def source_text(path: Path) -> str:
    """The fixture's text without its header comment (source address)."""
    lines = path.read_text("utf-8").split("\n")
    while lines and lines[0].startswith("# "):
        lines.pop(0)
    return "\n".join(lines)


def _fixture(path: Path) -> Fixture:
    expected = yaml.safe_load(path.with_suffix(".yaml").read_text("utf-8"))
    kind = expected.pop("kind", None)  # the publisher's kind: a label, never a scored value
    return Fixture(path.stem, source_text(path), expected, kind)


def fixtures() -> list[Fixture]:
    found = [_fixture(p) for p in sorted(FIXTURES.glob("*.txt"))]
    sample = yaml.safe_load(SAMPLE.with_suffix(".yaml").read_text("utf-8"))
    expected = {name: sample.get(name) for name in FIELDS}
    expected.update(
        reference=None,  # the transcription's reference is ours, not the source's
        hiring_organization_name="Université Jean Monnet",
        interviews=[i["date"] for i in sample["interviews"]],
        education_level=next(r["level"] for r in sample["requirements"]
                             if r["kind"] == "education"),
    )
    found.append(Fixture(SAMPLE.name, SAMPLE.with_suffix(".txt").read_text("utf-8"), expected,
                         SAMPLE_KIND))
    return found


def kinds() -> dict[str, Kind]:
    data = yaml.safe_load(KINDS.read_text("utf-8"))
    return {name: Kind(name, entry["label"], entry.get("frozen_before"), entry.get("tuned_on"))
            for name, entry in data.items()}


def _normal(value: Any) -> Any:
    if value is None or value == []:
        return None
    if isinstance(value, list):
        return [_normal(v) for v in value]
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float | Decimal):  # a float through its shortest text (7524.72)
        return str(Decimal(str(value)).normalize())
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


def _values(parsed: ParsedPosting) -> dict[str, Any]:
    data = parsed.data()
    education = [r.get("level") for r in data.get("requirements", [])
                 if r["kind"] == "education"]
    data["interviews"] = [i["date"] for i in data.get("interviews", [])]
    data["education_level"] = education[0] if education else None
    return data


@functools.cache
def _read(text: str) -> ParsedPosting:
    """The importer's reading of a text, made once per run: the tables, the wrong values and
    the calibration (and the test's checks) all look at the same reading."""
    return parse_text(text)


def found_values(text: str) -> dict[str, Any]:
    return _values(_read(text))


def score(fixture: Fixture) -> dict[str, bool]:
    data = found_values(fixture.text)
    return {name: _normal(data.get(name)) == _normal(fixture.expected.get(name))
            for name in FIELDS if name in fixture.expected}


def stated(fixture: Fixture) -> set[str]:
    """The fields the posting states: those whose true value is not empty (reading nothing
    where nothing is written counts as right in `score`, not here)."""
    return {name for name in FIELDS if name in fixture.expected
            and _normal(fixture.expected.get(name)) is not None}


# Calibration: each value the importer offers, by how sure it says it is, and whether it is right.
BUCKETS = [f"sure (>= {SURE:.2f})", f"unsure (0.60 to {SURE:.2f})", "unsure (< 0.60)",
           "sent to review"]


def _bucket(confidence: float, review: str | None) -> str:
    if review is not None:
        return BUCKETS[3]
    return BUCKETS[0] if confidence >= SURE else BUCKETS[1] if confidence >= 0.6 else BUCKETS[2]


def offered(fixture: Fixture) -> list[tuple[str, str, bool]]:
    """(field, bucket, right) for every value the importer offers on this posting, in review or
    not: a single field's finding against its true value, each interview date against the
    true dates, the first education requirement's level against the true level."""
    parsed = _read(fixture.text)
    rows = []
    for finding in parsed.findings:
        name, value = finding.field, finding.value
        if name == "interviews":
            true = [_normal(d) for d in fixture.expected.get(name) or []]
            right = _normal(value["date"]) in true
        elif name == "requirements":
            if value.get("kind") != "education" or not value.get("level"):
                continue
            if any(r[0] == "education_level" for r in rows):
                continue
            name = "education_level"
            right = _normal(value["level"]) == _normal(fixture.expected.get(name))
        elif name in FIELDS:
            right = _normal(value) == _normal(fixture.expected.get(name))
        else:
            continue
        if name in fixture.expected:
            rows.append((name, _bucket(finding.confidence, finding.review), right))
    return rows


def _share(marks: Iterable[bool]) -> tuple[int, int]:
    marks = list(marks)
    return sum(marks), len(marks)


def _cell(right: int, total: int) -> str:
    return f"{right:3d} / {total:3d} {100 * right / total:5.1f} %" if total else f"{'-':>17}"


def _percent(marks: Iterable[bool]) -> str:
    right, total = _share(marks)
    return f"{100 * right / total:.1f}" if total else "-"


def _target(right: int, total: int, target: float) -> str:
    if not total:
        return ""
    return f">= {100 * target:.0f} % " + ("met" if right / total >= target else "not met")


def rules_changed_since(commit: str) -> int | None:
    """How many commits changed the importer's rules after `commit` (None: no git to ask)."""
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "rev-list", "--count", f"{commit}..HEAD",
                              "--", RULES], capture_output=True, text=True, timeout=20,
                             check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return int(out.stdout.strip())


def report(found: list[Fixture], results: dict[str, dict[str, bool]],
           known: dict[str, Kind]) -> None:
    held = [f for f in found if known[f.kind].held_out]
    print(f"{len(found)} postings of {len({f.kind for f in found})} kinds; "
          f"{len(held)} postings of {len({f.kind for f in held})} kinds the rules were never "
          f"tuned on (held out, see {KINDS.relative_to(ROOT)})\n")
    print(f"{'field':26} {'(a) all postings':>17}   {'(b) held-out kinds':>17}   target")
    for name in FIELDS:
        every = _share(results[f.name][name] for f in found if name in results[f.name])
        out = _share(results[f.name][name] for f in held if name in results[f.name])
        target = TARGET_DEADLINE if name == DEADLINE else TARGET_FIELD
        print(f"{name:26} {_cell(*every)}   {_cell(*out)}   {_target(*(out if out[1] else every), target)}")
    for label, pick in (("all fields", lambda f: results[f.name]),
                        ("fields the postings state", lambda f: stated(f))):
        every = _share(results[f.name][n] for f in found for n in pick(f))
        out = _share(results[f.name][n] for f in held for n in pick(f))
        print(f"{label:26} {_cell(*every)}   {_cell(*out)}   {_target(*out, TARGET_FIELD)}")
    by_round(held, results, known)
    print(f"\n(c) per kind{'':14} {'all fields':>17}   {'deadlines':>17}   rules")
    for kind in sorted({f.kind for f in found}):
        mine = [f for f in found if f.kind == kind]
        every = _share(v for f in mine for v in results[f.name].values())
        deadline = _share(results[f.name][DEADLINE] for f in mine)
        status = ("held out" if known[kind].held_out else "tuned on") + f" ({len(mine)} postings)"
        print(f"{kind:26} {_cell(*every)}   {_cell(*deadline)}   {status}")
    by_kind(found, results)
    frozen = {k.frozen_before for k in known.values() if k.held_out}
    for commit in sorted(c for c in frozen if c):
        changed = rules_changed_since(commit)
        if changed:
            print(f"\nthe rules ({RULES}) changed in {changed} commits since {commit}: the kinds "
                  f"frozen there stay held out only if those changes were made without reading "
                  f"their postings (else move them to tuned_on in {KINDS.name})")
    calibration([row for f in found for row in offered(f)])


def by_round(held: list[Fixture], results: dict[str, dict[str, bool]],
             known: dict[str, Kind]) -> None:
    """The held-out kinds by the rules they were frozen before (each blind round on its own):
    all fields, the fields stated, and the three fields the rounds are watched on."""
    commits = sorted({known[f.kind].frozen_before or "" for f in held})
    if len(commits) < 2:
        return
    print("\n(b) held-out kinds by the rules they were written after")
    print(f"{'frozen before':14} {'postings':>8} {'all fields':>10} {'stated':>7} {'title':>6} "
          f"{'employer':>8} {'deadline':>8}")
    for commit in commits:
        mine = [f for f in held if known[f.kind].frozen_before == commit]
        print(f"{commit[:12]:14} {len(mine):8} "
              f"{_percent(v for f in mine for v in results[f.name].values()):>10} "
              f"{_percent(results[f.name][n] for f in mine for n in stated(f)):>7} "
              f"{_percent(results[f.name]['title'] for f in mine):>6} "
              f"{_percent(results[f.name]['hiring_organization_name'] for f in mine):>8} "
              f"{_percent(results[f.name][DEADLINE] for f in mine):>8}")


# Column heads of the per-kind table, one per field in FIELDS' order.
SHORT = ["titl", "empl", "ref", "cat", "ctr", "dur", "time", "post", "strt", "dead", "hour",
         "mail", "smin", "smax", "cur", "per", "intv", "edu"]


def by_kind(found: list[Fixture], results: dict[str, dict[str, bool]]) -> None:
    """Per kind and field, the share right in percent (fields in the order of the first table)."""
    legend = ", ".join(f"{short} {name}" for short, name in zip(SHORT, FIELDS, strict=True))
    print("\n" + textwrap.fill(f"(c) per kind and field, % right: {legend}", 100))
    print(f"{'':26}" + "".join(f"{short:>5}" for short in SHORT))
    for kind in sorted({f.kind for f in found}):
        mine = [f for f in found if f.kind == kind]
        cells = []
        for name in FIELDS:
            right, total = _share(results[f.name][name] for f in mine if name in results[f.name])
            cells.append(f"{round(100 * right / total):5d}" if total else f"{'-':>5}")
        print(f"{kind:26}" + "".join(cells))


def calibration(rows: list[tuple[str, str, bool]]) -> None:
    print(f"\ncalibration: values offered{'':6} {'right':>17}   target")
    for bucket in BUCKETS:
        mine = _share(right for _, b, right in rows if b == bucket)
        target = _target(*mine, TARGET_SURE) if bucket == BUCKETS[0] else ""
        print(f"{bucket:33} {_cell(*mine)}   {target}")
    review = sum(1 for _, b, _ in rows if b != BUCKETS[0])
    print(f"{review} of {len(rows)} values offered are marked for review (below {SURE:.2f} or "
          f"flagged); the {sum(1 for _, b, _ in rows if b == BUCKETS[3])} flagged are kept out "
          f"of the draft")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"record the result in {RECORD}")
    parser.add_argument("--verbose", action="store_true", help="show every wrong value")
    args = parser.parse_args()
    found = fixtures()
    results = {f.name: score(f) for f in found}
    report(found, results, kinds())
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
