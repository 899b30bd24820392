"""Postings of the corpus printed to PDF (bench/pdf_agreement.py's layouts, WeasyPrint) and
imported as the app imports a PDF agree with the same postings imported from their text (#15
item 4): a sample of them, in two layouts, each of the 18 scored fields compared."""

from __future__ import annotations

import pytest

from bench.pdf_agreement import Outcome, compare, corpus, pdf_plain_text, sample

# Postings, spread evenly over the corpus. 12 until 2026-12-07: the sample moves each time the
# corpus grows, and with 12 postings one posting's salary read wrong in its PDF (an amount whose
# line ends before its currency sign, in a list item) is 1.4 of the 2 points allowed below. On 24
# the PDF loses 1.6 points (a4) and 1.2 (columns) against the text; misses seen in that run, left
# for the PDF reader: that amount, a ministry's name wrapped over two lines, a university's name
# run into its unit's on one line, an e-mail address.
SIZE = 24
LAYOUTS = ("a4", "columns")  # justified, hyphenated, running header and footer; two columns
# Measured on 2026-12-06 (bench/pdf_agreement.py): on the whole corpus 0.998 (a4) and 0.993
# (columns) of fields agree, 0.981 and 0.958 before the layout fixes; on this sample 1.0 for
# both, 0.986 and 0.954 read line by line. A floor against falling back.
FLOOR = 0.97


def _share(outcomes: list[Outcome], layout: str, pick: str) -> float:
    marks = [getattr(o, pick)[name] for o in outcomes if o.layout == layout for name in o.fields]
    return sum(marks) / len(marks)


@pytest.fixture(scope="module")
def outcomes() -> dict[str, list[Outcome]]:
    postings = sample(corpus(), SIZE)
    assert len(postings) >= 10
    found: dict[str, list[Outcome]] = {"layout": [], "plain": []}
    for fixture in postings:  # each posting's PDFs made once, read both ways in turn
        found["layout"] += compare(fixture, LAYOUTS)
        found["plain"] += compare(fixture, LAYOUTS, pdf_plain_text)
    return found


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_posting_read_from_its_pdf_agrees_with_its_text_import(outcomes, layout):
    agree = _share(outcomes["layout"], layout, "agree")
    assert agree >= FLOOR, [(o.name, o.shown) for o in outcomes["layout"]
                            if o.layout == layout and o.shown]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_reading_by_the_layout_agrees_more_than_reading_line_by_line(outcomes, layout):
    """The floor computed in the same run: the same PDFs read line by line (one item per
    wrapped line, running headers and page numbers read as text, columns interleaved)."""
    layout_agree = _share(outcomes["layout"], layout, "agree")
    plain_agree = _share(outcomes["plain"], layout, "agree")
    assert layout_agree > plain_agree


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_pdf_is_read_about_as_right_as_its_text(outcomes, layout):
    """Against the true values, the PDF loses at most 2 points of the text import's own
    accuracy on the same postings."""
    pdf_right = _share(outcomes["layout"], layout, "pdf_right")
    text_right = _share(outcomes["layout"], layout, "text_right")
    assert pdf_right >= text_right - 0.02
