"""Importing a posting from a file: analyse it (nothing written), let a person review what
was found, then save a draft posting through the same path as `posting add`, with the file it
came from kept beside it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.config import Settings
from tracker.domain.access import Actor, Operator, actor_id
from tracker.domain.errors import DomainError
from tracker.domain.timeutil import parse_date, parse_time
from tracker.i18n import Text, show
from tracker.importers.base import SURE, ImportFailed, ParsedPosting, plain
from tracker.importers.fetch import Fetched, FetchLimits, FetchRefused, fetch
from tracker.importers.files import MEDIA_TYPES, detect_format
from tracker.importers.reading import read_file
from tracker.models import Organisation, Posting, PostingSource, Role, User
from tracker.pdfcheck import PdfLimits, check_size, default_limits, pdf_text
from tracker.services.hiring import interviews, postings

Clock = Callable[[], datetime]


@dataclass
class ImportReport:
    """What a file holds: its format, its text, and one ParsedPosting per posting found."""

    filename: str
    format: str  # 'jsonld', 'html', 'text' or 'pdf'
    media_type: str
    data: bytes
    text: str
    language: str | None
    postings: list[ParsedPosting] = field(default_factory=list)
    # What was left out of the file and why (a broken JSON-LD block of a page...).
    warnings: list[Text] = field(default_factory=list)
    zone: str = "Europe/Paris"  # of dates that name none
    url: str | None = None  # the web address it was fetched from, kept as the source

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "filename": self.filename, "format": self.format, "language": self.language,
            "warnings": warnings(self, lang), "postings": [p.as_dict(lang) for p in self.postings],
            **({"url": self.url} if self.url else {}),
        }


def analyse(filename: str, data: bytes, *, default_zone: str,
            clock: Clock | None = None, settings: Settings | None = None,
            url: str | None = None) -> ImportReport:
    """Read a posting file; raises ImportFailed (field 'file') for an empty, unknown, broken or
    too large file, or one without any posting. Writes nothing. With a clock, interview dates
    already past are flagged (see flag_past_interviews), so that the report says so before
    saving. Every parse of the file (a PDF's text, JSON, an HTML page, plain text) runs in a
    bounded child process under the upload limits of `settings` (size, time, memory;
    TRACKER_*'s when none is given): it may take that long, so call it before any transaction
    opens."""
    kind = detect_format(filename, data)
    zone = default_zone
    limits = PdfLimits.of(settings) if settings is not None else default_limits()
    check_size(len(data), filename=filename, max_bytes=limits.max_bytes)
    source = data
    if kind == "pdf":
        text = pdf_text(data, filename=filename, limits=limits)
        if not text.strip():
            raise ImportFailed("file", "%(filename)r has no text layer (a scanned page?)",
                               filename=filename)
        source = text.encode("utf-8")
    read = read_file(filename, source, kind=kind, zone=zone, timeout_s=limits.timeout_s,
                     memory_mb=limits.memory_mb)
    report = ImportReport(filename, kind, MEDIA_TYPES[kind], data, read.text, read.language,
                          read.postings, read.warnings, zone, url)
    if clock is not None:
        for parsed in report.postings:
            flag_past_interviews(parsed, clock(), zone)
    return report


def url_limits(settings: Settings) -> FetchLimits:
    """What fetching one web address may cost (TRACKER_MAX_UPLOAD_MB, TRACKER_IMPORT_URL_*)."""
    return FetchLimits(max_bytes=settings.max_upload_mb * 1_000_000,
                       timeout_s=settings.import_url_timeout_s,
                       max_redirects=settings.import_url_max_redirects,
                       test_loopback_port=settings.import_url_test_loopback_port)


def fetch_url(url: str, *, settings: Settings) -> Fetched:
    """The page at `url` fetched under the limits of `settings` (see tracker.importers.fetch):
    a public http(s) address only; FetchRefused (field 'url') otherwise. Network time: call it
    before any transaction opens."""
    return fetch(url, url_limits(settings))


def analyse_url(url: str, *, default_zone: str, settings: Settings,
                clock: Clock | None = None) -> ImportReport:
    """Fetch `url` (fetch_url) and read what it gives as analyse reads a file; the address is
    kept in the report, and becomes the posting's source address when it is saved."""
    fetched = fetch_url(url, settings=settings)
    return analyse(fetched.filename, fetched.data, default_zone=default_zone, clock=clock,
                   settings=settings, url=fetched.url)


def flag_past_interviews(parsed: ParsedPosting, now: datetime, default_zone: str) -> None:
    """An imported posting is a draft of something possibly old: the interview dates it states
    that are past are kept as findings flagged for review and left out of the draft (a new
    interview cannot be scheduled in the past), instead of making the draft fail to save."""
    zone = parsed.value("timezone") or default_zone
    for finding in parsed.findings:
        if finding.field != "interviews" or finding.review is not None:
            continue
        item = finding.value
        try:
            day = parse_date(item["date"], "date")
            at = parse_time(item["time"], "time") if item.get("time") else None
            past = interviews.is_past(day, at, item.get("timezone") or zone, now)
        except (DomainError, KeyError, TypeError, ValueError):
            continue  # not a date the service can read: saving says so, naming the field
        if past:
            finding.review = (f"in the past ({day}): an interview of the posting as it was,"
                              " left out of the draft; schedule the new ones once it is saved")


def save_import(
    session: Session,
    report: ImportReport,
    *,
    organisation: str | None = None,
    actor: Actor,
    settings: Settings,
    clock: Clock,
    index: int = 0,
    changes: dict[str, Any] | None = None,
) -> Posting:
    """Save the `index`-th posting of the report as a draft (what the person reviewed, plus
    their `changes`), through postings.create_posting, and keep the file with it. A candidate's
    import is a private posting of theirs."""
    if not 0 <= index < len(report.postings):
        raise ImportFailed("posting", "the file holds %(count)s posting(s); there is no number "
                                      "%(number)s", count=len(report.postings), number=index + 1)
    parsed = report.postings[index]
    flag_past_interviews(parsed, clock(), report.zone)
    data = parsed.data()
    if organisation:
        data["organisation"] = organisation
    elif isinstance(actor, Operator) and data.get("hiring_organization_name"):
        # The operator imports for the registered organisation the posting names, if any.
        data["organisation"] = session.scalar(sa.select(Organisation.slug).where(
            sa.func.lower(Organisation.name) == data["hiring_organization_name"].lower()))
    if isinstance(actor, User) and actor.role is Role.CANDIDATE:
        data["visibility"] = "private"
    data["source_text"] = report.text
    if report.url:
        data["source_url"] = report.url[:1000]
    data.update(changes or {})
    posting = postings.create_posting(session, data, actor=actor, settings=settings,
                                      clock=clock)
    session.add(PostingSource(
        posting_id=posting.id, format=report.format, filename=report.filename[:255],
        media_type=report.media_type, language=report.language,
        sha256=hashlib.sha256(report.data).hexdigest(), size_bytes=len(report.data),
        content=report.data, report=plain(parsed.as_dict()), imported_at=clock(),
        imported_by_id=actor_id(actor),
    ))
    session.flush()
    return posting


__all__ = ["FetchRefused", "ImportFailed", "ImportReport", "analyse", "analyse_url",
           "fetch_url", "save_import", "shown"]


def warnings(report: ImportReport, lang: str = "en") -> list[str]:
    """What was left out of the file and why, in `lang`."""
    return [show(warning, lang) for warning in report.warnings]


def shown(report: ImportReport, lang: str = "en") -> list[dict[str, Any]]:
    """What each posting of the report holds, as plain data for the faces: its findings (field,
    JSON-ready value, snippet, confidence from 0 to 1, the reason to review it if any, and a
    status: `review` when left out of the draft until a person checks it, `found` when sure,
    else `check`) and the source's fields that have no field here. Words in `lang`."""
    return [{"findings": [{**finding.as_dict(lang), "confidence": finding.confidence,
                           "status": "review" if finding.review
                           else "found" if finding.confidence >= SURE else "check"}
                          for finding in parsed.findings],
             "unknown": sorted(parsed.unknown)}
            for parsed in report.postings]

