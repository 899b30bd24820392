"""The demo: the Jean Monnet posting in full, its HR user and two candidates, from samples/.

By default every date of the posting moves by a whole number of weeks so that the deadline falls
7 to 13 days after today (weekdays kept); the candidates' steps move with it. The demo changes
only what it makes: once its posting is there, running it again (on any day) writes nothing.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import yaml
from sqlalchemy.orm import Session

from tracker.config import Settings
from tracker.db import utcnow
from tracker.domain.access import OPERATOR
from tracker.domain.timeutil import local_to_utc, local_today, parse_time, shift_weeks_to_window
from tracker.models import Application, Organisation, Posting, PostingStatus, User
from tracker.pdfcheck import CleanPdf
from tracker.services.accounts import organisations, users
from tracker.services.hiring import applications, documents, evidence, interviews, postings
from tracker.services.reference.load import load_reference
from tracker.services.reminders import events

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
# The demo's people log in to the web pages with this password (printed by `tracker demo`).
DEMO_PASSWORD = "tracker-demo"
DATE_FIELDS = ("date_posted", "valid_through_date", "job_start_date")


@dataclass
class DemoResult:
    posting: Posting
    weeks_shifted: int
    created: list[str] = field(default_factory=list)
    application_ids: list[int] = field(default_factory=list)  # in the order of demo.yaml
    logins: list[tuple[str, str]] = field(default_factory=list)  # (role, e-mail)
    kept_dates: bool = False  # found loaded: nothing written, the dates as they were

    @property
    def summary(self) -> str:
        lines = [f"demo: added {item}" for item in self.created] or [
            "demo: already loaded, nothing added"
        ]
        if self.kept_dates:
            deadline = self.posting.valid_through_date
            lines.append(f"demo: nothing changed either: the posting keeps its dates (deadline "
                         f"{deadline.isoformat() if deadline else 'none'}) and whatever users "
                         "did; a fresh database loads the demo near today")
        elif self.weeks_shifted:
            lines.append(f"demo: the posting's dates are moved {self.weeks_shifted} weeks from "
                         "those published (tracker demo --as-published keeps them)")
        return "\n".join(lines)


def load_demo(
    session: Session,
    *,
    as_published: bool = False,
    samples: Path = SAMPLES,
    settings: Settings,
    documents: DemoDocuments,
    clock: Callable[[], datetime] = utcnow,
) -> DemoResult:
    """Load the demo in the caller's unit of work; `documents` are its PDFs as
    prepare_documents checked them before that unit of work opened.

    The demo changes only what it makes. Once its posting exists in its organisation (the demo
    was loaded, or someone made a posting of that reference there) a run writes nothing at
    all: no date moves, and no interview, profile, link or reminder a user made or changed is
    touched. The first run adds what is missing and reuses, without editing, an organisation
    or a person already there (the reference data of samples/ loads as `tracker reference
    load` does it).
    """
    spec = yaml.safe_load((samples / "demo.yaml").read_text(encoding="utf-8"))
    posting_data = yaml.safe_load((samples / spec["posting_file"]).read_text(encoding="utf-8"))
    org_spec = spec["organisation"]
    logins = [("hr", spec["hr"]["email"])] + [("candidate", c["email"]) for c in spec["candidates"]]
    existing = session.scalar(
        sa.select(Posting).join(Posting.organisation)
        .where(Posting.reference == posting_data["reference"], Organisation.slug == org_spec["slug"])
    )
    if existing is not None:
        return _already_loaded(session, existing, posting_data, spec, logins)

    tz = posting_data.get("timezone") or org_spec["timezone"]
    deadline = posting_data["valid_through_date"]
    weeks = 0 if as_published else shift_weeks_to_window(deadline, local_today(clock(), tz))
    shifted = _shift(posting_data, weeks)
    new_deadline: date = shifted["valid_through_date"]

    def at(days: int, hour: int = 9) -> Callable[[], datetime]:
        """A clock stopped `days` after the (shifted) deadline, at `hour` local time."""
        instant = local_to_utc(new_deadline + timedelta(days=days), time(hour), tz, "demo")
        return lambda: instant

    created: list[str] = []
    application_ids: list[int] = []
    published = at(-int(spec["published_days_before_deadline"]))
    if organisations.find_organisation(session, org_spec["slug"]) is None:
        organisations.create_organisation(session, **org_spec, clock=published, actor=OPERATOR)
        created.append(f"organisation {org_spec['slug']}")
    hr = _user(session, spec["hr"], "hr", org_spec["slug"], published, created)
    loaded = load_reference(session, samples / "reference", clock=published)
    created += [name for name in loaded.created]

    posting = postings.create_posting(session, shifted, actor=hr, clock=published, settings=settings)
    postings.set_status(session, posting, PostingStatus.OPEN, actor=hr, clock=published)
    created.append(f"posting {posting.reference}")
    links = spec.get("posting_links") or {}
    if links:
        postings.update_posting(session, posting, dict(links), actor=hr, clock=published, settings=settings)
        created.append(f"links of {posting.reference} to " + " and ".join(links.values()))

    for candidate_spec in spec["candidates"]:
        candidate = _user(session, candidate_spec, "candidate", None, published, created)
        if candidate.profile is None and f"candidate {candidate.email}" in created:
            profile = dict(candidate_spec.get("profile") or {})
            profile["languages"] = [users.LanguageInput(**lang) for lang in profile.get("languages", [])]
            users.set_profile(session, candidate, **profile, clock=published, actor=OPERATOR)
        application = _application(session, posting, candidate, hr,
                                   candidate_spec["application"], at, created, documents,
                                   settings)
        application_ids.append(application.id)
    session.flush()
    # The story's status changes and interviews are history when the demo is loaded, not news.
    # The posting was made in this run, so every application and interview of it was too.
    events.silence(session, posting.id, clock(), "demo history, not news")
    return DemoResult(posting=posting, weeks_shifted=weeks, created=created,
                      application_ids=application_ids, logins=logins)


def _already_loaded(
    session: Session, posting: Posting, posting_data: dict[str, Any], spec: dict[str, Any],
    logins: list[tuple[str, str]],
) -> DemoResult:
    """A run that finds the demo's posting writes nothing. It answers with the applications of
    the demo's candidates still there (for the dossiers) and the shift the posting has: its
    dates stay those of the first run, whatever the day."""
    deadline = posting.valid_through_date
    moved = deadline - posting_data["valid_through_date"] if deadline else timedelta()
    emails = [candidate["email"] for candidate in spec["candidates"]]
    found = dict(session.execute(
        sa.select(User.email, Application.id).join(Application.candidate)
        .where(Application.posting_id == posting.id, User.email.in_(emails))
    ).all())
    return DemoResult(posting=posting, weeks_shifted=moved.days // 7, logins=logins,
                      application_ids=[found[email] for email in emails if email in found],
                      kept_dates=True)


def _shift(data: dict[str, Any], weeks: int) -> dict[str, Any]:
    shifted = dict(data)
    delta = timedelta(weeks=weeks)
    for name in DATE_FIELDS:
        if shifted.get(name):
            shifted[name] = shifted[name] + delta
    shifted["interviews"] = [
        {**item, "date": item["date"] + delta} for item in data.get("interviews", [])
    ]
    return shifted


def _user(
    session: Session, spec: dict[str, Any], role: str, org: str | None, clock: Any,
    created: list[str],
) -> User:
    user = users.find_user(session, spec["email"])
    if user is None:
        user = users.create_user(
            session, email=spec["email"], full_name=spec["full_name"], role=role,
            organisation=org, locale=spec.get("locale", "fr"), password=DEMO_PASSWORD,
            clock=clock, actor=OPERATOR,
        )
        created.append(f"{role} {user.email}")
    return user


def _application(
    session: Session,
    posting: Posting,
    candidate: User,
    hr: User,
    spec: dict[str, Any],
    at: Callable[..., Callable[[], datetime]],
    created: list[str],
    files: DemoDocuments,
    settings: Settings,
) -> Application:
    existing = session.scalar(
        sa.select(Application).where(
            Application.posting_id == posting.id, Application.candidate_id == candidate.id
        )
    )
    if existing is not None:
        return existing
    app = applications.start(
        session, posting, candidate, cover_letter=spec.get("cover_letter"), actor=candidate,
        clock=at(spec["started"]),
    )
    for item in spec.get("documents", []):
        document = documents.add_document(
            session, app, kind=item["kind"], filename=item["filename"],
            content=files[(candidate.email, item["filename"])], actor=candidate,
            clock=at(spec["started"], 17),
            settings=settings,
        )
        created.append(f"document {document.filename} ({document.kind.value}, "
                       f"{document.page_count} p.) of {candidate.email}")
    by_label = {r.label: r for r in posting.requirements}
    for item in spec.get("evidence", []):
        evidence.give_evidence(
            session, app, by_label[item["requirement"]], evidence=item["evidence"],
            self_rating=item.get("self_rating"), actor=candidate, clock=at(spec["started"], 18),
        )
    if "submitted" in spec:
        applications.move(session, app, "submitted", actor=candidate, clock=at(spec["submitted"]))
    review = spec.get("review")
    if review:
        clock = at(review["moved"], 14)
        applications.move(session, app, review["status"], actor=hr, comment=review.get("comment"),
                          clock=clock)
        for label, rating in review.get("ratings", {}).items():
            evidence.rate_evidence(session, app, by_label[label], rating=rating, actor=hr,
                                   clock=clock)
        if review.get("note"):
            evidence.add_note(session, app, review["note"], actor=hr, clock=clock)
    slot = spec.get("interview")
    if slot:
        day = next(i.start_date for i in posting.interviews if i.application_id is None)
        interviews.schedule(
            session, posting, application=app, day=day, at=parse_time(slot["time"], "time"),
            duration_minutes=slot.get("duration_minutes", 45), place=slot.get("place"),
            actor=hr, clock=at(slot["scheduled"], 11),
        )
    created.append(f"application of {candidate.email} ({app.status.value})")
    return app


# The demo's PDFs, checked: (candidate's e-mail, file name) -> the copy to store.
DemoDocuments = dict[tuple[str, str], CleanPdf]


def prepare_documents(*, samples: Path = SAMPLES, settings: Settings) -> DemoDocuments:
    """Every PDF the demo attaches, rendered and checked (documents.check_upload, in its
    bounded child) before any transaction opens: load_demo only stores them."""
    spec = yaml.safe_load((samples / "demo.yaml").read_text(encoding="utf-8"))
    posting = yaml.safe_load((samples / spec["posting_file"]).read_text(encoding="utf-8"))
    posting.setdefault("hiring_organization_name", spec["organisation"]["name"])
    found: DemoDocuments = {}
    for candidate in spec["candidates"]:
        for item in (candidate.get("application") or {}).get("documents", []):
            content = _document_pdf(item, candidate, posting, samples)
            found[(candidate["email"], item["filename"])] = documents.check_upload(
                content, filename=item["filename"], settings=settings)
    return found


def _document_pdf(spec: dict[str, Any], candidate: dict[str, Any], posting: dict[str, Any],
                  samples: Path) -> bytes:
    """The PDF a demo document spec names: an HTML page of samples/, or the cover letter."""
    if "html" in spec:
        return render_pdf((samples / spec["html"]).read_text(encoding="utf-8"))
    letter = (candidate.get("application") or {}).get("cover_letter")
    if spec.get("from") == "cover_letter" and letter:
        return render_pdf(letter_html(candidate, letter, posting))
    raise ValueError(f"demo document {spec!r}: give `html: FILE` or `from: cover_letter`")


@lru_cache(maxsize=8)
def render_pdf(page: str) -> bytes:
    """HTML (self-contained) to PDF with WeasyPrint, fetching nothing: no network, no file."""
    import weasyprint
    from weasyprint.urls import URLFetcher

    return weasyprint.HTML(string=page, base_url=None,
                           url_fetcher=URLFetcher(allowed_protocols=())).write_pdf()


_LETTER_WORDS = {
    "fr": {"subject": "Objet\u00a0:", "position": "candidature au poste de", "ref": "réf."},
    "en": {"subject": "Subject:", "position": "application for the position of", "ref": "ref."},
}


def letter_html(candidate: dict[str, Any], letter: str, posting: dict[str, Any]) -> str:
    """A demo candidate's cover letter (`candidate` and `posting` as samples/ give them) as a
    one-page A4 letter; every text is escaped."""
    locale = str(candidate.get("locale") or "fr")
    words = _LETTER_WORDS.get(locale, _LETTER_WORDS["en"])
    e = html.escape
    paragraphs = "\n".join(
        f"<p>{e(part.strip()).replace(chr(10), '<br>')}</p>"
        for part in letter.split("\n\n") if part.strip()
    )
    recipient = "<br>".join(e(str(line)) for line in (posting.get("hiring_organization_name"),
                                                       posting.get("department")) if line)
    return f"""<!DOCTYPE html>
<html lang="{e(locale)}"><head><meta charset="utf-8">
<title>{e(candidate["full_name"])}</title>
<style>
  @page {{ size: A4; margin: 25mm 24mm; }}
  html {{ font: 11pt/1.5 "Liberation Serif", "DejaVu Serif", serif; color: #111; }}
  p {{ margin: 0 0 10pt; text-align: justify; }}
  .sender {{ margin-bottom: 18pt; }}
  .recipient {{ margin: 0 0 24pt 55%; text-align: left; }}
  .subject {{ margin-bottom: 18pt; text-align: left; }}
  .signature {{ margin: 24pt 0 0 55%; }}
</style></head><body>
<p class="sender"><strong>{e(candidate["full_name"])}</strong><br>{e(candidate["email"])}</p>
<p class="recipient">{recipient}</p>
<p class="subject"><strong>{words["subject"]}</strong> {words["position"]}
  {e(str(posting["title"]))} ({words["ref"]} {e(str(posting["reference"]))})</p>
{paragraphs}
<p class="signature">{e(candidate["full_name"])}</p>
</body></html>
"""
