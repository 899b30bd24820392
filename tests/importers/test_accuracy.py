"""The corpus of postings written for the project (tests/importers/postings/) with their true
values written by hand: every field bench/accuracy.py recorded as read right is still read right,
each posting names the origin of its facts and its publisher kind, and the bench reports the
held-out kinds and the calibration beside the targets."""

from __future__ import annotations

import json
import re
import sys

import pytest
import yaml

from bench import accuracy
from bench.accuracy import FIELDS, FIXTURES, RECORD, fixtures, kinds, offered, score, stated

RECORDED = json.loads(RECORD.read_text("utf-8"))
ALL = {fixture.name: fixture for fixture in fixtures()}
KINDS = kinds()
# What the rules read right when last recorded (2026-12-08, the reader rules of #15 item 3,
# twenty-third round, on the 1,364 postings of 278 kinds they have seen: 96.0 % of all fields,
# 94.9 % of the fields the postings state; the twenty-second round's kinds, at 94.4 % when
# scored blind, joined them with one round of rules written since): the floors check no
# regression, not the #15 targets (90 % per field).
FLOOR_ALL, FLOOR_STATED = 0.95, 0.94  # on the kinds the rules were written on
# On the 60 postings of 12 kinds written blind for the twenty-third round and never tuned on
# (93.1 %, 1,006 of 1,080, and 91.6 % of the fields stated when scored once against the rules
# they were frozen before, 6dbb1d3): a floor against falling back, not a target (the target,
# 90 % per field and 95 % of deadlines, is not met: titles, employers, deadlines, interviews and
# education levels are below it).
HELD_OUT_FLOOR_ALL, HELD_OUT_FLOOR_STATED = 0.93, 0.91
SOURCE = re.compile(r"# source: (https://\S+|none \(written for the corpus, modelled on "
                    r"(?P<kind>[a-z0-9-]+)\))\n")


def test_a_corpus_of_eighty_postings_of_twenty_kinds_in_both_languages():
    names = [p.stem for p in FIXTURES.glob("*.txt")]
    assert len(names) >= 80
    french = sum(n.startswith("fr-") for n in names)
    english = sum(n.startswith("en-") for n in names)
    assert french + english == len(names)
    assert min(french, english) >= 0.4 * len(names)
    used = {ALL[name].kind for name in names}
    assert len(used) >= 20 and used == set(KINDS)
    # Each kind says whether the rules have seen it: tuned on (why), or frozen before a commit
    # of the rules (held out). All of these were read in #15 item 3's second round; held-out
    # kinds are written after it, by someone else.
    assert all(KINDS[kind].tuned_on or KINDS[kind].frozen_before for kind in used)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem)
def test_each_posting_names_its_origin_kind_and_every_true_value(path):
    match = SOURCE.match(path.read_text("utf-8"))
    assert match, f"{path.name}: no '# source: https://...' or '# source: none (...)' line"
    values = yaml.safe_load(path.with_suffix(".yaml").read_text("utf-8"))
    assert values["kind"] in KINDS
    assert match["kind"] in (None, values["kind"])
    assert sorted(values) == sorted([*FIELDS, "kind"]), "a true value for every scored field"


def test_the_kind_is_a_label_not_a_scored_value():
    fixture = ALL["fr-cnrs-ingenieur-donnees"]
    assert fixture.kind == "research-body" and "kind" not in fixture.expected
    assert set(score(fixture)) == set(FIELDS)


def test_a_kind_the_rules_were_tuned_on_is_never_held_out():
    assert not KINDS["fr-territorial-board"].held_out
    assert not KINDS["us-ats"].held_out  # frozen once, then read to write rules
    assert accuracy.Kind("new", "a kind written later", "abc123", None).held_out
    for kind in KINDS.values():
        assert kind.held_out == (kind.frozen_before is not None and kind.tuned_on is None)


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_fields_recorded_as_right_stay_right(name):
    result = score(ALL[name])
    wrong = [field for field in RECORDED[name] if not result[field]]
    assert wrong == [], f"{name}: now wrong: {wrong}"


def test_every_posting_is_recorded():
    assert set(RECORDED) == set(ALL)


def _fixtures(held_out: bool) -> list:
    return [f for f in ALL.values() if KINDS[f.kind].held_out == held_out]


@pytest.mark.parametrize(("held_out", "floor", "postings"),
                         [(False, FLOOR_ALL, 640), (True, HELD_OUT_FLOOR_ALL, 60)])
def test_overall_accuracy_does_not_fall_below_the_recorded_figure(held_out, floor, postings):
    fixtures = _fixtures(held_out)
    right = sum(len(RECORDED[f.name]) for f in fixtures)
    total = sum(len(score(fixture)) for fixture in fixtures)
    assert len(fixtures) >= postings and right / total >= floor


@pytest.mark.parametrize(("held_out", "floor"),
                         [(False, FLOOR_STATED), (True, HELD_OUT_FLOOR_STATED)])
def test_accuracy_on_the_fields_the_postings_state(held_out, floor):
    # Leaving out the fields a posting does not state (nothing to read, nothing read).
    marks = [score(fixture)[name] for fixture in _fixtures(held_out) for name in stated(fixture)]
    assert len(marks) >= 600 and sum(marks) / len(marks) >= floor


def test_calibration_counts_each_value_offered_once_against_its_true_value():
    rows = offered(ALL["fr-ght-attache-achats"])
    fields = [name for name, _, _ in rows]
    assert len(fields) == len(set(fields) - {"interviews"}) + fields.count("interviews")
    assert ("interviews", rows[fields.index("interviews")][1], True) in rows
    assert all(right for name, _, right in rows if name == "apply_email")


def test_the_report_shows_all_held_out_per_kind_targets_and_calibration(capsys, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["accuracy.py"])
    accuracy.main()
    out = capsys.readouterr().out
    held = [k for k in KINDS.values() if k.held_out]
    assert f"of {len(KINDS)} kinds" in out and f"{len(held)} kinds the rules were never" in out
    assert re.search(r"(?m)^valid_through_date .*>= 95 % (met|not met)$", out)
    assert re.search(r"(?m)^title .*>= 90 % (met|not met)$", out)
    assert re.search(r"(?m)^us-ats .* tuned on \(\d+ postings\)$", out)
    for kind in held:
        assert re.search(rf"(?m)^{kind.name} .* held out \(\d+ postings\)$", out)
    assert re.search(r"(?m)^fr-territorial-board .* tuned on \(\d+ postings\)$", out)
    assert re.search(r"(?m)^fr-hospital +(( +\d+| +-){18})$", out)  # per kind and field
    assert re.search(r"(?m)^sure \(>= 0\.80\) .*>= 97 % (met|not met)$", out)
    assert re.search(r"(?m)^\d+ of \d+ values offered", out)
    rounds = {k.frozen_before for k in held}  # each blind round on its own line
    assert len(rounds) < 2 or all(re.search(rf"(?m)^{c[:12]} +\d+ +\d+\.\d", out) for c in rounds)
