"""The digest of what a dossier shows: a hash of every column of the rows it prints (the
posting, its requirements, required documents and interviews with their panels; each
application shown with its evidence, ratings, documents, history and the candidate's profile),
the language, the copy (employer or candidate), the archival flag, the day it is made (the key
dates say which are past) and the templates' version. Any change to one of those rows gives
another digest, so a stored copy is served only while it is still what would be made."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from functools import lru_cache
from typing import Any

import sqlalchemy as sa

from tracker import __version__
from tracker.domain.timeutil import zone
from tracker.models import Application, Posting

# Bump when what the renderer makes of the same rows changes in a way the templates' files do
# not show (the code that builds the dossier's data).
RENDER_VERSION = 1


@lru_cache(maxsize=1)
def template_version() -> str:
    """A hash of the PDF templates and their assets, with the tracker's version."""
    from tracker.pdf import TEMPLATES

    h = hashlib.sha256(f"{__version__}/{RENDER_VERSION}".encode())
    for path in sorted((TEMPLATES / "pdf").rglob("*")):
        if path.is_file():
            h.update(path.relative_to(TEMPLATES).as_posix().encode())
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _row(obj: Any) -> dict[str, Any]:
    """Every column of a row, binary ones as their hash (a document is its sha256 column)."""
    out: dict[str, Any] = {"_": type(obj).__name__}
    for column in sa.inspect(obj).mapper.column_attrs:
        if isinstance(column.expression.type, sa.LargeBinary):
            continue  # documents: their sha256 column says it
        out[column.key] = getattr(obj, column.key)
    return out


def _posting_rows(posting: Posting) -> list[Any]:
    rows: list[Any] = [_row(posting)]
    if posting.organisation is not None:
        rows.append(_row(posting.organisation))
    rows += [_row(r) for r in posting.requirements]
    rows += [_row(r) for r in posting.required_documents]
    for interview in posting.interviews:
        rows.append(_row(interview))
        rows += [_row(m) for m in interview.panel]
    return rows


def _application_rows(application: Application) -> list[Any]:
    rows: list[Any] = [_row(application)]
    rows += [_row(e) for e in sorted(application.evidence, key=lambda e: e.id)]
    rows += [_row(d) for d in application.documents]
    rows += [_row(h) for h in sorted(application.history, key=lambda h: h.id)]
    profile = application.candidate.profile if application.candidate else None
    if profile is not None:
        rows.append(_row(profile))
        rows += [_row(s) for s in profile.skills]
        rows += [_row(s) for s in profile.languages]
    return rows


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def dossier_digest(posting: Posting, applications: list[Application], *, kind: str,
                   audience: str, lang: str, pdfa: bool, now: datetime,
                   reader_tz: str | None = None) -> str:
    """The digest of a dossier of `kind` about `posting` showing `applications`, dated in
    `reader_tz` (the reader's zone; None: the posting's)."""
    rows: list[Any] = _posting_rows(posting)
    for application in sorted(applications, key=lambda a: a.id):
        rows += _application_rows(application)
    today = now.astimezone(zone(posting.timezone)).date()
    head = {"kind": kind, "audience": audience, "lang": lang, "pdfa": pdfa,
            "today": today.isoformat(), "templates": template_version(), "zone": reader_tz}
    text = json.dumps([head, rows], default=_default, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
