"""frozen_collector (tracker.defaults): the collector is left as it was found. pdfparts.assemble
freezes what the process holds while it copies parts; it used to unfreeze everything at the
end, releasing what the command line had frozen at its start too (#16)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pdf.test_panel_assembly import make_part
from tracker import pdfparts
from tracker.defaults import frozen_collector


@pytest.fixture
def nothing_frozen() -> Iterator[None]:
    if gc.get_freeze_count():
        pytest.skip("something in this test process is frozen already")
    yield
    gc.unfreeze()


def test_what_it_froze_is_given_back_when_nothing_was_frozen(nothing_frozen):
    with frozen_collector():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_given_back_after_an_error_too(nothing_frozen):
    with pytest.raises(RuntimeError), frozen_collector():
        raise RuntimeError("a part could not be read")
    assert gc.get_freeze_count() == 0


def test_what_was_frozen_before_stays_frozen(nothing_frozen):
    gc.freeze()  # as the command line does once its start is over
    before = gc.get_freeze_count()
    with frozen_collector():
        pass
    assert gc.get_freeze_count() >= before


def test_assembling_parts_leaves_the_command_lines_freeze(nothing_frozen, tmp_path: Path):
    parts = [make_part(tmp_path / f"{n}.pdf", f"<h1 id='p{n}'>Part {n}</h1>") for n in range(2)]
    pdfparts.assemble(parts, tmp_path / "whole.pdf", page_word="page")
    assert gc.get_freeze_count() == 0
    gc.freeze()
    before = gc.get_freeze_count()
    pdfparts.assemble(parts, tmp_path / "again.pdf", page_word="page")
    assert gc.get_freeze_count() >= before > 0
