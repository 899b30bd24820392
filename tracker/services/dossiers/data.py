"""The plain data printed in dossiers: every value already formatted for the reader's language.

Templates receive these dicts only (no ORM objects, no lazy loads), so the HTML is a pure
function of this data.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from sqlalchemy.orm import object_session

from tracker.domain.access import OPERATOR
from tracker.domain.errors import DomainError
from tracker.domain.timeutil import zone
from tracker.i18n import Formatter, education_label, language_name
from tracker.models import (
    Application,
    ApplicationStatus,
    Document,
    DocumentKind,
    Interview,
    InterviewStatus,
    Posting,
    RequirementKind,
)
from tracker.pdf import Appendix
from tracker.services.fit.scores import application_fit
from tracker.services.fit.words import STATUS_WORDS
from tracker.services.hiring.applications import satisfied_kinds
from tracker.services.hiring.interview_rules import scheduled_on

# Applications a panel looks at: submitted and beyond, except those withdrawn.
REVIEWED = {ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW,
            ApplicationStatus.INTERVIEW, ApplicationStatus.OFFER, ApplicationStatus.HIRED,
            ApplicationStatus.REJECTED}
_KIND_ORDER = {kind: index for index, kind in enumerate(DocumentKind)}


def posting_view(posting: Posting, f: Formatter) -> dict[str, Any]:
    tz = posting.timezone
    salary = None
    if posting.salary_min is not None or posting.salary_max is not None:
        amounts = " – ".join(f.number(v) for v in (posting.salary_min, posting.salary_max)
                             if v is not None)
        salary = f"{amounts} {posting.salary_currency} {f('period.' + posting.salary_period.value)}"
    apply = f("apply." + posting.apply_method.value)
    if posting.apply_email or posting.apply_url:
        apply += " " + (posting.apply_email or posting.apply_url)
    facts = [
        (f("organisation"), posting.hiring_organization_name),
        (f("department"), posting.department),
        (f("location"), posting.location),
        (f("category"), posting.category),
        (f("employment_type"), f("employment." + posting.employment_type.value)),
        (f("duration"), f"{posting.duration_months} {f('months')}" if posting.duration_months
         else None),
        (f("working_time"), f"{posting.working_time_percent} %" if posting.working_time_percent
         else None),
        (f("job_start_date"), f.date(posting.job_start_date)),
        (f("deadline"), f.local(posting.valid_through_date, posting.valid_through_time, tz)),
        (f("salary"), salary),
        (f("apply"), apply),
    ]
    return {
        "reference": posting.reference,
        "title": posting.title,
        "organisation": posting.hiring_organization_name,
        "organisation_slug": posting.organisation.slug if posting.organisation else "private",
        "status": f("posting_status." + posting.status.value),
        "deadline": f.local(posting.valid_through_date, posting.valid_through_time, tz),
        "facts": [(label, value) for label, value in facts if value],
        "sections": [
            {"id": name, "title": f(name), "paragraphs": _paragraphs(getattr(posting, name))}
            for name in ("context", "missions", "working_conditions", "benefits")
            if getattr(posting, name)
        ],
        "interviews": [interview_view(i, f) for i in posting.interviews
                       if i.status is not InterviewStatus.CANCELLED],
    }


def _paragraphs(text: str) -> list[dict[str, Any]]:
    """Blank-line separated paragraphs; lines starting with '- ' become list items."""
    blocks = []
    for block in text.split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        intro = [line for line in lines if not line.startswith("- ")]
        items = [line[2:] for line in lines if line.startswith("- ")]
        blocks.append({"text": " ".join(intro), "bullets": items})
    return blocks


def interview_view(interview: Interview, f: Formatter) -> dict[str, Any]:
    when = f.local(interview.start_date, interview.start_time, interview.timezone)
    application = interview.application
    return {
        "when": when if interview.start_time else f"{when}, {f('all_day')}",
        "sort": interview.starts_at,
        "where": interview.place or interview.video_url or "",
        "who": application.person_name if application else f("all_applicants"),
        "panel": ", ".join(m.name for m in interview.panel),
        "duration": interview.duration_minutes,
        "application_id": interview.application_id,
    }


def requirement_groups(posting: Posting, application: Application | None,
                       f: Formatter) -> list[dict[str, Any]]:
    """Requirements grouped by kind, in the order of the kinds, with the application's answers."""
    given = {e.requirement_id: e for e in application.evidence} if application else {}
    groups = []
    for kind in RequirementKind:
        rows = []
        for req in posting.requirements:
            if req.kind is not kind:
                continue
            answer = given.get(req.id)
            rows.append({
                "label": req.label,
                "level": req.level or "",
                "required": req.is_required,
                "need": f("required") if req.is_required else f("preferred"),
                "evidence": answer.evidence if answer and answer.evidence else None,
                "self_rating": answer.self_rating if answer else None,
                "reviewer_rating": answer.reviewer_rating if answer else None,
            })
        if rows:
            groups.append({"kind": kind.value, "title": f("kind." + kind.value), "rows": rows})
    return groups


def application_view(application: Application, f: Formatter, *, for_employer: bool,
                     first_appendix: int = 1, reader_tz: str | None = None,
                     spool: Path | None = None) -> tuple[dict[str, Any], list[Appendix]]:
    """An applicant's part of a dossier, and the uploaded PDFs to append (numbered from
    `first_appendix`). The employer side's own judgement (the reviewer's ratings and the fit,
    which weighs them) is in it only `for_employer`: the candidate's copy leaves it out.
    With `spool`, each upload is written into a file of that folder and its Appendix names
    the file: its bytes are held while it is checked, then let go (see _appendix)."""
    posting = application.posting
    documents = sorted(application.documents, key=lambda d: (_KIND_ORDER[d.kind], d.uploaded_at))
    appendices = [_appendix(d, f, spool) for d in documents if d.media_type == "application/pdf"]
    uploaded = {d.kind.value for d in documents}
    provided = satisfied_kinds(application, uploaded)
    checklist = [_checklist_item(d, uploaded, provided, f) for d in posting.required_documents]
    groups = requirement_groups(posting, application, f)
    if not for_employer:
        for group in groups:
            for row in group["rows"]:
                row["reviewer_rating"] = None
    required_rows = [row for group in groups for row in group["rows"] if row["required"]]
    profile = application.candidate.profile if application.candidate else None
    tz = posting.timezone
    view = {
        "id": application.id,
        "name": application.person_name,
        "email": application.person_email,
        "status": f("status." + application.status.value),
        "submitted_at": f.instant(application.submitted_at, tz),
        "is_late": application.is_late,
        "cover_letter": _paragraphs(application.cover_letter) if application.cover_letter
        else [],
        "requirement_groups": groups,
        "required_total": len(required_rows),
        "required_evidenced": sum(1 for row in required_rows if row["evidence"]),
        "checklist": checklist,
        "documents_complete": all(item["provided"] for item in checklist if item["required"]),
        "profile": _profile(profile, f) if profile else None,
        "history": history(application, f, reader_tz or tz, for_employer=for_employer),
        "fit": fit_view(application, f) if for_employer else None,
        "for_employer": for_employer,
        "appendices": [
            {"number": first_appendix + i, "title": a.title, "filename": a.filename,
             "pages": a.page_count}
            for i, a in enumerate(appendices)
        ],
    }
    return view, appendices


def _checklist_item(required: Any, uploaded: set[str], provided: set[str],
                    f: Formatter) -> dict[str, Any]:
    """A required document and whether the application provides it (hiring.satisfied_kinds:
    a letter typed in the letter box is the cover letter)."""
    kind = required.kind.value
    if kind in uploaded:
        state = f("provided")
    elif kind in provided:
        state = f("typed_letter")
    else:
        state = f("missing") if required.is_required else f("optional")
    return {"label": required.label, "kind": f("document." + kind),
            "required": required.is_required, "provided": kind in provided, "state": state}


def history(application: Application, f: Formatter, tz: str, *,
            for_employer: bool = True) -> list[dict[str, Any]]:
    """Each move of the application's status, oldest first: when (in the reader's zone
    `tz`), from and to, who, and the comment given. The candidate's copy leaves out the
    employer side's comments and names its staff only as the employer."""
    moves = sorted(application.history, key=lambda c: (c.changed_at, c.id))
    rows = []
    for change in moves:
        if change.changed_by is None:
            who = f("by_system")
        elif for_employer or change.changed_by_id == application.candidate_id:
            who = change.changed_by.full_name
        else:
            who = f("organisation")
        rows.append({
            "when": f.instant(change.changed_at, tz),
            "from": f("status." + change.from_status.value) if change.from_status else "",
            "to": f("status." + change.to_status.value),
            "who": who,
            "comment": _comment(change.comment, f) if for_employer else ""})
    return rows


def _comment(comment: str | None, f: Formatter) -> str:
    """A move's comment as the reader reads it: the note a move to interview records
    ("interview on 2024-05-22 10:00 (Europe/Paris)") said in the reader's language."""
    interview = scheduled_on(comment)
    if interview is None:
        return comment or ""
    start, has_time, zone = interview
    when = (f.instant(start, zone) if has_time
            else f"{f.date(start.astimezone(ZoneInfo(zone)).date())} ({zone})")
    return f.text("Interview on %(when)s", when=when)


def fit_view(application: Application, f: Formatter) -> dict[str, Any]:
    """The fit of the application (tracker.services.fit.scores), in the reader's language."""
    fit = application_fit(object_session(application), application, lang=f.lang, actor=OPERATOR)
    words = STATUS_WORDS.get(f.lang, STATUS_WORDS["en"])
    return {
        "score": f.number(round(fit.score, 1)),
        "score_value": fit.score,
        "coverage": fit.coverage_text(f.lang),
        "assessed": fit.assessed,
        "requirements": fit.total,
        "points": f.number(fit.points),
        "max_points": f.number(fit.max_points),
        "lines": [
            {"label": line.label, "required": line.required,
             "need": f("required") if line.required else f("preferred"),
             "status": line.status.value, "status_text": words[line.status.value],
             "reason": line.reason, "weight": f.number(line.weight),
             "points": f.number(line.points)}
            for line in fit.lines
        ],
    }


def _profile(profile: Any, f: Formatter) -> dict[str, Any]:
    languages = [
        f"{language_name(lang.language, f.lang)} " + (f("native") if lang.is_native else
                                       (lang.level.value if lang.level else ""))
        for lang in profile.languages
    ]
    return {
        "headline": profile.headline,
        "education": " – ".join(filter(None, [
            education_label(profile.education_level, f.lang) if profile.education_level
            else None,
            profile.education_detail])),
        "experience": " – ".join(filter(None, [
            f"{profile.experience_years} {f('years')}" if profile.experience_years is not None
            else None, profile.experience_summary])),
        "languages": ", ".join(languages),
        "skills": ", ".join(s.label for s in profile.skills),
    }


def _appendix(document: Document, f: Formatter, spool: Path | None = None) -> Appendix:
    """The upload `document` as an appendix, checked (pages counted, encryption refused); with
    `spool`, written into the file upload-<id>.pdf of that folder and read from there. Its
    bytes are then read by a statement of their own, not loaded onto the document (a deferred
    column, once loaded, stays with the row as long as the session holds it: a panel dossier
    would hold every applicant's uploads until the end)."""
    data = document.content if spool is None else _content(document)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise PdfReadError("the file is encrypted")
        pages = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise DomainError(
            "document", "%(filename)r cannot be appended: %(exc)s", filename=document.filename, exc=exc
        ) from exc
    title = f"{f('document.' + document.kind.value)} – {document.filename}"
    if spool is None:
        return Appendix(title=title, filename=document.filename, data=data, page_count=pages)
    path = spool / f"upload-{document.id}.pdf"
    path.write_bytes(data)
    return Appendix(title=title, filename=document.filename, data=b"", page_count=pages,
                    path=path)


def _content(document: Document) -> bytes:
    """The bytes of `document`, read without loading them onto it (if they are not already)."""
    session = object_session(document)
    if session is None or "content" in sa.inspect(document).dict:
        return document.content
    content = session.scalar(sa.select(Document.content).where(Document.id == document.id))
    return content if content is not None else b""


def timeline(posting: Posting, application: Application | None, f: Formatter,
             now: datetime) -> list[dict[str, Any]]:
    """The key dates in order: posted, submitted, deadline, interviews, start."""
    tz = posting.timezone
    events: list[tuple[Any, str, str]] = []
    if posting.date_posted:
        events.append((posting.date_posted, f("date_posted"), f.date(posting.date_posted)))
    if application is not None and application.submitted_at:
        local = application.submitted_at.astimezone(zone(tz))
        events.append((local.date(), f("submitted_at"), f.instant(application.submitted_at, tz)))
    if posting.valid_through_date:
        events.append((posting.valid_through_date, f("deadline"),
                       f.local(posting.valid_through_date, posting.valid_through_time, tz)))
    for interview in posting.interviews:
        if interview.status is InterviewStatus.CANCELLED:
            continue
        if interview.application_id not in (None, application.id if application else None):
            continue
        if application is None and interview.application_id is not None:
            continue
        events.append((interview.start_date, f("interview"), interview_view(interview, f)["when"]))
    if posting.job_start_date:
        events.append((posting.job_start_date, f("job_start_date"), f.date(posting.job_start_date)))
    today = now.astimezone(zone(tz)).date()
    return [{"label": label, "when": when, "past": day < today}
            for day, label, when in sorted(events, key=lambda e: e[0])]
