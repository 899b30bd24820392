"""What the text reader finds for one field of a short text, flagged or not: the helper of the
reader's rule tests (test_reader_names_round*.py)."""

from __future__ import annotations

from typing import Any

from tracker.importers.text import parse_text


def found(text: str, field: str) -> Any:
    """The value the reader offers for `field` (kept or flagged for review), or None."""
    finding = parse_text(text).get(field)
    return finding.value if finding is not None else None


def title(text: str) -> str | None:
    return found(text, "title")


def employer(text: str) -> str | None:
    return found(text, "hiring_organization_name")
