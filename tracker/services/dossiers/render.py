"""Printable dossiers: the application dossier, the panel dossier and the posting sheet."""

from __future__ import annotations

import re
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from tracker.db import utcnow
from tracker.domain.access import Actor, can_manage
from tracker.domain.errors import DomainError, PermissionDenied
from tracker.i18n import Formatter
from tracker.models import Application, Posting
from tracker.pdf import Appendix, render_pdf
from tracker.services.dossiers import data
from tracker.services.hiring.applications import get_application
from tracker.services.hiring.lookup import get_posting

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Dossier:
    kind: str  # application, panel, posting
    organisation: str
    reference: str
    filename: str
    content: bytes

    def default_path(self, reports_dir: Path) -> Path:
        """<reports_dir>/<organisation>/<posting reference>/<readable name>.pdf"""
        folder = re.sub(r"[^A-Za-z0-9._-]+", "-", self.reference).strip(".-") or "posting"
        return reports_dir / slug(self.organisation) / folder / self.filename

    def save(self, path: Path) -> Path:
        """Write the PDF to `path`, making its folder; the path."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(self.content)
        except OSError as exc:
            raise DomainError("output", "cannot write %(path)s: %(strerror)s",
                              path=path, strerror=exc.strerror) from exc
        return path


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower() or "x"


def _common(posting: Posting, f: Formatter, now: datetime, doc_title: str) -> dict[str, Any]:
    return {
        "lang": f.lang,
        "t": f,
        "doc_title": doc_title,
        "posting": data.posting_view(posting, f),
        "running_title": posting.title,
        "generated": f.instant(now, posting.timezone),
    }


def application_dossier(
    session: Session,
    application_id: int,
    *,
    lang: str = "fr",
    pdfa: bool = False,
    actor: Actor,
    clock: Clock = utcnow,
) -> Dossier:
    """The dossier of one application: cover, contents, key dates, the posting, the answers to
    every requirement, the documents checklist, the cover letter and the uploaded PDFs."""
    application = get_application(session, application_id, actor=actor)
    return render_application(application, lang=lang, pdfa=pdfa, now=clock(),
                              for_employer=can_manage(actor, application.posting),
                              reader_tz=reader_zone(actor))


def reader_zone(actor: Actor) -> str | None:
    """The time zone the reader chose on their account, if any (else the posting's is used)."""
    return getattr(actor, "timezone", None) or None


def render_application(application: Application, *, lang: str, pdfa: bool,
                       now: datetime, for_employer: bool,
                       reader_tz: str | None = None) -> Dossier:
    """`for_employer`: the employer side's copy (with the reviewer's ratings and the fit);
    else the candidate's, without them. Moves are dated in `reader_tz` (else the posting's)."""
    parts = application_parts(application, lang=lang, now=now, for_employer=for_employer,
                              reader_tz=reader_tz)
    pdf = render_pdf(parts.template, parts.context, appendices=parts.appendices, pdfa=pdfa)
    return Dossier("application", parts.context["posting"]["organisation_slug"],
                   application.posting.reference, parts.filename, pdf)


@dataclass(frozen=True)
class Parts:
    """What a dossier is rendered from (the benchmark renders it alone, too)."""

    template: str
    context: dict[str, Any]
    appendices: list[Appendix]
    filename: str


def application_parts(application: Application, *, lang: str, now: datetime,
                      for_employer: bool, reader_tz: str | None = None) -> Parts:
    f = Formatter(lang)
    posting = application.posting
    applicant, appendices = data.application_view(application, f, for_employer=for_employer,
                                                  reader_tz=reader_tz)
    chapters = [("key-dates", "key_dates"), ("history", "history"),
                ("the-posting", "the_posting"), ("requirements", "requirements"),
                ("fit", "fit"), ("documents", "documents"), ("cover-letter", "cover_letter")]
    if not for_employer:
        chapters.remove(("fit", "fit"))
    context = _common(posting, f, now, f("application_dossier"))
    context.update(
        applicant=applicant,
        timeline=data.timeline(posting, application, f, now),
        running_title=f"{applicant['name']} – {posting.title}",
        toc=_toc(f, chapters, applicant["appendices"]),
    )
    filename = slug(f"{f('application_dossier')}-{applicant['name']}-{lang}") + ".pdf"
    return Parts("pdf/application.html", context, appendices, filename)


def _toc(f: Formatter, chapters: list[tuple[str, str]],
         appendices: list[dict[str, Any]]) -> list[dict[str, Any]]:
    entries = [{"id": anchor, "title": f(key), "sub": False} for anchor, key in chapters]
    entries += [{"id": f"appendix-{a['number']}", "sub": False,
                 "title": f"{f('appendix')} {a['number']} – {a['title']}"} for a in appendices]
    return entries


def check_manager(actor: Actor, posting: Posting) -> None:
    if not can_manage(actor, posting):
        raise PermissionDenied("posting", "only the employer prints this dossier")


def posting_sheet(
    session: Session,
    reference: str,
    *,
    lang: str = "fr",
    pdfa: bool = False,
    actor: Actor,
    clock: Clock = utcnow,
) -> Dossier:
    """The job description (fiche de poste) of one posting, one to three pages."""
    posting = get_posting(session, reference, actor=actor)
    return render_sheet(posting, lang=lang, pdfa=pdfa, now=clock())


def render_sheet(posting: Posting, *, lang: str, pdfa: bool, now: datetime) -> Dossier:
    """The posting sheet of `posting` (found and allowed by the caller)."""
    f = Formatter(lang)
    context = _common(posting, f, now, f("posting_sheet"))
    context.update(
        requirement_groups=data.requirement_groups(posting, None, f),
    )
    pdf = render_pdf("pdf/posting.html", context, pdfa=pdfa)
    return Dossier("posting", context["posting"]["organisation_slug"], posting.reference,
                   slug(f"{f('posting_sheet')}-{posting.reference}-{lang}") + ".pdf", pdf)


MATRIX_COLUMNS = 6  # applicants per matrix table, so that a column stays readable


def panel_dossier(
    session: Session,
    reference: str,
    *,
    lang: str = "fr",
    pdfa: bool = False,
    actor: Actor,
    clock: Clock = utcnow,
    workers: int = 0,
) -> Dossier:
    """The hiring panel's dossier of one posting: summary, applicants, comparison matrix,
    interview schedule, then each applicant with their documents and a blank evaluation grid;
    its parts rendered by `workers` child processes (0: in this process)."""
    posting = get_posting(session, reference, actor=actor)
    check_manager(actor, posting)
    return render_panel(session, posting, lang=lang, pdfa=pdfa, now=clock(),
                        reader_tz=reader_zone(actor), workers=workers)


def panel_applications(session: Session, posting: Posting, now: datetime) -> list[Application]:
    """The applications a panel dossier shows, in its order."""
    return sorted(
        (a for a in posting_applications(session, posting) if a.status in data.REVIEWED),
        key=lambda a: (a.submitted_at or now, a.id),
    )


def render_panel(session: Session, posting: Posting, *, lang: str, pdfa: bool, now: datetime,
                 progress: Callable[[int, int], None] = lambda done, total: None,
                 reader_tz: str | None = None, workers: int = 0) -> Dossier:
    """The panel dossier of `posting` (found and allowed by the caller), as write_panel makes
    it, read back."""
    with tempfile.TemporaryDirectory(prefix="tracker-panel-") as folder:
        out = Path(folder) / "panel.pdf"
        filename = write_panel(session, posting, out, lang=lang, pdfa=pdfa, now=now,
                               progress=progress, reader_tz=reader_tz, workers=workers)
        organisation = posting.organisation.slug if posting.organisation else "private"
        return Dossier("panel", organisation, posting.reference, filename, out.read_bytes())


def write_panel(session: Session, posting: Posting, out: Path, *, lang: str, pdfa: bool,
                now: datetime, progress: Callable[[int, int], None] = lambda done, total: None,
                reader_tz: str | None = None, workers: int = 0,
                phases: dict[str, float] | None = None,
                on_part: Callable[[Any, Any], None] = lambda task, part: None) -> str:
    """Write the panel dossier of `posting` (found and allowed by the caller) into the file
    `out`, without holding it whole; its readable file name. Its parts are rendered by
    `workers` child processes (0: in this process, part after part; see dossiers.panel),
    started before the rows are read. `progress(done, total)` hears of each applicant's part
    made (total: the applicants, plus one for the assembly), and of the whole once assembled;
    `phases` of this process's processor time per step (rows, then see
    panel.render_in_parts), `on_part` of each part made (the benchmark). Moves are dated in `reader_tz` (else the posting's)."""
    from tracker.services.dossiers import panel

    with panel.part_pool(workers) as pool, \
            tempfile.TemporaryDirectory(prefix="tracker-panel-") as folder:
        began = time.process_time()
        # the uploads wait in files of the parts' folder, each read when its applicant's part
        # is rendered and when it is attached to the whole, never all at once
        context, appendices = panel_context(session, posting, lang=lang, now=now,
                                            reader_tz=reader_tz, spool=Path(folder))
        if phases is not None:
            phases["rows"] = time.process_time() - began
        panel.render_in_parts(context, appendices, out, lang=lang, pdfa=pdfa, pool=pool,
                              progress=progress, phases=phases, on_part=on_part,
                              folder=folder)
    return panel_filename(posting, lang)


def panel_filename(posting: Posting, lang: str) -> str:
    f = Formatter(lang)
    return slug(f"{f('panel_dossier')}-{posting.reference}-{lang}") + ".pdf"


def panel_context(session: Session, posting: Posting, *, lang: str, now: datetime,
                  reader_tz: str | None = None, spool: Path | None = None,
                  ) -> tuple[dict[str, Any], list[list[Appendix]]]:
    """What pdf/panel.html prints of `posting`, and the uploads of each applicant in order
    (numbered on from one applicant to the next). With `spool`, the uploads are in files of
    that folder (data.application_view), and so is each applicant's view, of which the context
    keeps what the summary, the contents and the cover print (panel.spool_view): the memory
    this takes does not grow with the applicants' answers, history and fit."""
    from tracker.services.dossiers import panel

    f = Formatter(lang)
    reviewed = _in_chunks(session, posting, now)
    groups = data.requirement_groups(posting, None, f)
    required = [row["label"] for group in groups for row in group["rows"] if row["required"]]
    applicants: list[dict[str, Any]] = []
    columns: list[list[dict[str, str]]] = []  # each applicant's cells of the grid
    appendices: list[list[Appendix]] = []
    numbered = 0
    for application in reviewed:
        view, files = data.application_view(application, f, for_employer=True,
                                            first_appendix=numbered + 1,
                                            reader_tz=reader_tz, spool=spool)
        columns.append(_column(view, required))
        applicants.append(view if spool is None else panel.spool_view(view, spool))
        appendices.append(files)
        numbered += len(files)
    context = _common(posting, f, now, f("panel_dossier"))
    context.update(
        applicants=applicants,
        requirement_groups=groups,
        matrix=_matrix([a["name"] for a in applicants], columns, required),
        schedule=sorted(context["posting"]["interviews"], key=lambda i: i["sort"]),
        toc=_toc(f, [("summary", "summary"), ("applicants", "applicants"),
                     ("schedule", "schedule"), ("matrix", "matrix")], [])
        + [{"id": f"applicant-{a['id']}", "title": a["name"], "sub": True} for a in applicants]
        + ([{"id": "description", "title": f"{f('appendix')} – {f('posting_description')}",
             "sub": False}] if context["posting"]["sections"] else []),
    )
    return context, appendices


CHUNK = 50  # applications a panel dossier reads at a time


def _in_chunks(session: Session, posting: Posting, now: datetime) -> Iterator[Application]:
    """The applications of panel_applications, in its order, read CHUNK at a time with what
    their views use: the session's identity map keeps no row nothing refers to, so the rows of
    a chunk are let go once their views are made, not held until the dossier is whole."""
    found = session.execute(
        sa.select(Application.id, Application.submitted_at)
        .where(Application.posting_id == posting.id, Application.deleted_at.is_(None),
               Application.status.in_(data.REVIEWED))).all()
    ids = [row.id for row in sorted(found, key=lambda row: (row.submitted_at or now, row.id))]
    for start in range(0, len(ids), CHUNK):
        wanted = ids[start:start + CHUNK]
        chunk = {a.id: a for a in session.scalars(
            sa.select(Application).where(Application.id.in_(wanted))
            .options(selectinload(Application.evidence), selectinload(Application.documents),
                     selectinload(Application.candidate)))}
        for application_id in wanted:
            yield chunk.pop(application_id)


def posting_applications(session: Session, posting: Posting) -> list[Application]:
    return list(session.scalars(
        sa.select(Application)
        .where(Application.posting_id == posting.id, Application.deleted_at.is_(None))
        .options(selectinload(Application.evidence), selectinload(Application.documents),
                 selectinload(Application.candidate))
    ))


# One mark per fit judgement (tracker.services.fit), the same in every cell of the grid.
MARKS = {"met": "●", "partly_met": "◐", "not_shown": "○", "unknown": "?", "to_assess": ""}


def _column(view: dict[str, Any], required: list[str]) -> list[dict[str, str]]:
    """An applicant's cells of the grid, one per required requirement: the fit's judgement of
    it (from the panel's rating, the profile and the evidence) as one mark; a requirement with
    nothing to judge reads "to assess"."""
    lines = {line["label"]: line for line in view["fit"]["lines"]}
    cells = []
    for label in required:
        line = lines.get(label)
        status = line["status"] if line else "to_assess"
        cells.append({"mark": MARKS.get(status, ""), "state": status,
                      "text": line["status_text"] if line else ""})
    return cells


def _matrix(names: list[str], columns: list[list[dict[str, str]]],
            required: list[str]) -> list[dict[str, Any]]:
    """Required requirements x applicants (their `names`, and their `columns` of cells, see
    _column), cut into tables of MATRIX_COLUMNS applicants."""
    tables = []
    for start in range(0, len(names), MATRIX_COLUMNS):
        chunk = columns[start:start + MATRIX_COLUMNS]
        rows = [{"label": label, "cells": [column[row] for column in chunk]}
                for row, label in enumerate(required)]
        tables.append({"names": names[start:start + MATRIX_COLUMNS], "rows": rows})
    return tables
