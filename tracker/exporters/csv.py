"""Applications as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads the
accents right), a header row, CRLF line ends, and cells that a spreadsheet would take for a
formula neutralised."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from tracker.domain.rows import ApplicationRow

HEADER = ["id", "posting", "posting_title", "candidate_name", "candidate_email", "status",
          "late", "submitted_at_utc", "submitted_at_local", "timezone"]


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # A cell starting with = + - @ (or a tab/CR) would run as a formula when opened.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def applications_csv(rows: Iterable[ApplicationRow]) -> str:
    """The rows as CSV text, starting with the BOM and the header."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        local = (row.submitted_at.astimezone(ZoneInfo(row.timezone)).strftime("%Y-%m-%d %H:%M")
                 if row.submitted_at else "")
        writer.writerow([_cell(v) for v in (
            row.id, row.posting_reference, row.posting_title, row.candidate_name,
            row.candidate_email, row.status.value, "yes" if row.is_late else "no",
            row.submitted_at.isoformat(timespec="seconds") if row.submitted_at else "",
            local, row.timezone,
        )])
    return out.getvalue()
