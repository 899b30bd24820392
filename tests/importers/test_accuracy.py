"""Real postings with their true values written by hand (tests/importers/postings/): every field
bench/accuracy.py recorded as read right is still read right, and each fixture names its
source."""

from __future__ import annotations

import json

import pytest

from bench.accuracy import FIXTURES, RECORD, fixtures, score, stated

RECORDED = json.loads(RECORD.read_text("utf-8"))
ALL = {fixture.name: fixture for fixture in fixtures()}


def test_enough_real_postings_in_both_languages():
    names = [p.stem for p in FIXTURES.glob("*.txt")]
    assert len(names) >= 10
    assert sum(n.startswith("fr-") for n in names) >= 4
    assert sum(n.startswith("en-") for n in names) >= 4
    for path in FIXTURES.glob("*.txt"):
        assert path.read_text("utf-8").startswith("# source: https://"), path.name
        assert path.with_suffix(".yaml").exists(), path.name


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_fields_recorded_as_right_stay_right(name):
    result = score(ALL[name])
    wrong = [field for field in RECORDED[name] if not result[field]]
    assert wrong == [], f"{name}: now wrong: {wrong}"


def test_overall_accuracy_is_what_the_readme_says():
    right = sum(len(fields) for fields in RECORDED.values())
    total = sum(len(score(fixture)) for fixture in ALL.values())
    assert right / total >= 0.95


def test_accuracy_on_the_fields_the_postings_state():
    # Leaving out the fields a posting does not state (nothing to read, nothing read).
    marks = [score(fixture)[name] for fixture in ALL.values() for name in stated(fixture)]
    assert len(marks) >= 100 and sum(marks) / len(marks) >= 0.9
