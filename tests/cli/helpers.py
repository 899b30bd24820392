"""What the CLI tests share: row counts of every table, and the check of a refused command."""

from __future__ import annotations

import sqlalchemy as sa
from click.testing import Result
from sqlalchemy.orm import Session

from tracker.db import Base
from tracker.models import declare_all

declare_all()  # every table in the metadata


def row_counts(session: Session) -> dict[str, int]:
    """The number of rows of every table, as the test's transaction sees them."""
    session.flush()
    return {
        table.name: session.scalar(sa.select(sa.func.count()).select_from(table))
        for table in Base.metadata.sorted_tables
    }


def assert_refused(result: Result, field: str, *words: str) -> str:
    """The command failed with status 1 and said so in exactly one line, on stderr, starting
    with 'error: FIELD: ' and containing `words`. Returns that line."""
    assert result.exit_code == 1, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    assert result.stdout == "", result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    [line] = lines
    assert line.startswith(f"error: {field}: "), line
    for word in words:
        assert word in line, (word, line)
    return line
