"""The reader's input is cut to runs of blank lines and spaces that layout can mean, so that no
rule walks a long run again from each of its places (a hostile upload of 600,000 line breaks
took 37 s to read before; the web's import refused it as too slow)."""

from __future__ import annotations

import re
from pathlib import Path

from tracker.importers.text import bounded_blanks, parse_text

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / \
    "posting-ujm-charge-cooperation-internationale.txt"


def test_runs_of_blank_lines_and_spaces_are_cut_to_what_layout_can_mean():
    assert bounded_blanks("a\n" + "\n" * 1000 + "b") == "a\n\n\nb"
    assert bounded_blanks("a\n \n\t\n  \n \nb") == "a\n\n\nb"  # blank lines' spaces go too
    assert bounded_blanks("a" + " " * 1000 + "b") == "a" + " " * 40 + "b"
    assert bounded_blanks("a" + "\t" * 50 + "b") == "a" + "\t" * 40 + "b"


def test_what_layout_means_is_kept():
    kept = "Title\n\n\nEmployer   |   Lyon\n" + "x" + " " * 40 + "y\n\n"
    assert bounded_blanks(kept) == kept


def test_a_posting_padded_with_line_breaks_and_spaces_reads_as_the_posting():
    text = SAMPLE.read_text("utf-8")
    padded = text.replace("\n", "\n" + "\n" * 2000, 5) + "\n" * 600_000 + " " * 100_000
    plain, read = parse_text(text), parse_text(padded)
    for name in ("title", "hiring_organization_name", "valid_through_date", "apply_email"):
        assert read.value(name) == plain.value(name), name


READERS = Path(__file__).resolve().parents[2] / "tracker" / "importers"


def test_a_pattern_anchored_at_each_line_start_stays_on_its_line():
    # '(?m)^\W*label': \W and \s match a line break, so from each line's start the run went on
    # over all the lines of marks below (4,000 lines of '- ' took 4 s to read, twice as long for
    # each doubling); '^[^\w\n]*' stays on its line.
    crossing = re.compile(r"\(\?[a-z]*m[a-z]*(?:\)\^|:\^\))\\[WsS][*+]")
    found = [f"{path.name}:{number}" for path in sorted(READERS.glob("*.py"))
             for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if crossing.search(line)]
    assert found == []
    assert crossing.search(r'r"(?mi)^\W*corps"')  # the check finds what it looks for
    assert crossing.search(r'r"|(?m:^)\W*(?:pour|for)"')  # a flag scoped to the anchor too


def test_lines_of_marks_alone_read_as_nothing():
    for mark in (".\n", "- \n", "• \n", "|\n"):
        read = parse_text(mark * 4000)
        assert read.value("title") is None and read.value("hiring_organization_name") is None
