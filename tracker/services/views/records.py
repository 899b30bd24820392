"""Plain data (dicts of JSON types) describing records, for every face: CLI, API, templates."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

from tracker.domain.access import Actor, can_manage, can_see_interview
from tracker.domain.timeutil import days_left, zone
from tracker.domain.timeutil import iso as iso  # records.iso, as before
from tracker.models import (
    Application,
    Document,
    Interview,
    Posting,
    Requirement,
    RequirementKind,
    User,
)


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def local_instant(instant: datetime | None, tz_name: str) -> str | None:
    """An instant as local wall-clock time with its offset, e.g. 2024-05-13T23:59:59+02:00."""
    return None if instant is None else instant.astimezone(zone(tz_name)).isoformat()


def document_record(document: Document) -> dict[str, Any]:
    """A document without its content."""
    return {
        "id": document.id,
        "application_id": document.application_id,
        "kind": document.kind.value,
        "filename": document.filename,
        "media_type": document.media_type,
        "size_bytes": document.size_bytes,
        "page_count": document.page_count,
        "sha256": document.sha256,
        "uploaded_at": iso(document.uploaded_at),
    }


def interview_record(interview: Interview) -> dict[str, Any]:
    return {
        "id": interview.id,
        "posting": interview.posting.reference,
        "application_id": interview.application_id,
        "date": iso(interview.start_date),
        "time": iso(interview.start_time),
        "timezone": interview.timezone,
        "starts_at_utc": iso(interview.starts_at),
        "starts_at_local": local_instant(interview.starts_at, interview.timezone),
        "duration_minutes": interview.duration_minutes,
        "place": interview.place,
        "video_url": interview.video_url,
        "status": interview.status.value,
        "outcome": interview.outcome,
        "panel": [{"name": m.name, "email": m.email} for m in interview.panel],
    }


def deadline_record(posting: Posting, now: datetime) -> dict[str, Any]:
    return {
        "date": iso(posting.valid_through_date),
        "time": iso(posting.valid_through_time),
        "timezone": posting.timezone,
        "utc": iso(posting.valid_through),
        "local": local_instant(posting.valid_through, posting.timezone),
        "days_left": days_left(posting.valid_through_date, now, posting.timezone),
    }


def posting_summary(posting: Posting, now: datetime) -> dict[str, Any]:
    """What a list of postings shows of each (its organisation is the one relation read)."""
    return {
        "reference": posting.reference,
        "title": posting.title,
        "status": posting.status.value,
        "visibility": posting.visibility.value,
        "organisation": posting.organisation.slug if posting.organisation else None,
        "hiring_organization_name": posting.hiring_organization_name,
        "location": posting.location,
        "employment_type": posting.employment_type.value,
        "deadline": deadline_record(posting, now),
    }


def requirement_record(requirement: Requirement) -> dict[str, Any]:
    return {
        "id": requirement.id,
        "kind": requirement.kind.value,
        "label": requirement.label,
        "level": requirement.level,
        "required": requirement.is_required,
        "position": requirement.position,
    }


def requirement_parts(posting: Posting) -> list[dict[str, Any]]:
    """The posting's requirements as posting_record shows them, read through its relation:
    kind, label, level, required and the occupation skill they started from (its display)."""
    return [{"kind": req.kind, "label": req.label, "level": req.level,
             "required": req.is_required,
             "occupation_skill": None if req.occupation_skill is None
             else req.occupation_skill.display} for req in posting.requirements]


def document_parts(posting: Posting) -> list[dict[str, Any]]:
    """The documents the posting asks for as posting_record shows them (kind, label,
    required), read through its relation."""
    return [{"kind": d.kind, "label": d.label, "required": d.is_required}
            for d in posting.required_documents]


def posting_record(
    posting: Posting, now: datetime, *, interviews: Iterable[Interview] | None = None,
    requirements: Iterable[dict[str, Any]] | None = None,
    documents: Iterable[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Every field of a posting, the deadline as local date, time, zone and UTC instant.

    `interviews`: those the reader may see (default: all of the posting's). `requirements`,
    `documents`: the posting's parts as requirement_parts and document_parts give them, when
    the caller read them as columns (#16: not through the posting's lazy relations)."""
    groups: dict[str, list[dict[str, Any]]] = {kind.value: [] for kind in RequirementKind}
    for req in requirement_parts(posting) if requirements is None else requirements:
        item = {"label": req["label"], "level": req["level"], "required": req["required"]}
        if req["occupation_skill"] is not None:  # started from this skill of the occupation
            item["occupation_skill"] = req["occupation_skill"]
        groups[req["kind"].value].append(item)
    return {
        "reference": posting.reference,
        "title": posting.title,
        "status": posting.status.value,
        "visibility": posting.visibility.value,
        "organisation": posting.organisation.slug if posting.organisation else None,
        "occupation": {"slug": posting.occupation.slug, "title": posting.occupation.title}
        if posting.occupation else None,
        "certification": {"code": posting.certification.code,
                          "title": posting.certification.title}
        if posting.certification else None,
        "hiring_organization_name": posting.hiring_organization_name,
        "department": posting.department,
        "location": posting.location,
        "address_locality": posting.address_locality,
        "address_country": posting.address_country,
        "category": posting.category,
        "employment_type": posting.employment_type.value,
        "duration_months": posting.duration_months,
        "working_time_percent": posting.working_time_percent,
        "job_start_date": iso(posting.job_start_date),
        "date_posted": iso(posting.date_posted),
        "deadline": deadline_record(posting, now),
        "apply": {
            "method": posting.apply_method.value,
            "email": posting.apply_email,
            "url": posting.apply_url,
            "contact": posting.application_contact,
        },
        "salary": {
            "min": _money(posting.salary_min),
            "max": _money(posting.salary_max),
            "currency": posting.salary_currency,
            "period": posting.salary_period.value if posting.salary_period else None,
        },
        "context": posting.context,
        "missions": posting.missions,
        "working_conditions": posting.working_conditions,
        "benefits": posting.benefits,
        "requirements": {kind: items for kind, items in groups.items() if items},
        "required_documents": [
            {"kind": d["kind"].value, "label": d["label"], "required": d["required"]}
            for d in (document_parts(posting) if documents is None else documents)
        ],
        "interviews": [interview_record(i) for i in (
            posting.interviews if interviews is None else interviews)],
        "source_url": posting.source_url,
        "has_source_text": posting.source_text is not None,
        "created_at": iso(posting.created_at),
        "updated_at": iso(posting.updated_at),
    }


def posting_record_for(posting: Posting, now: datetime, actor: Actor) -> dict[str, Any]:
    """The posting as `actor` may see it: another candidate's interview stays hidden."""
    seen = [i for i in posting.interviews if can_see_interview(actor, i)]
    return posting_record(posting, now, interviews=seen)


def application_record(application: Application) -> dict[str, Any]:
    evidence = {e.requirement_id: e for e in application.evidence}
    return {
        "id": application.id,
        "posting": application.posting.reference,
        "posting_title": application.posting.title,
        "candidate": {
            "name": application.person_name,
            "email": application.person_email,
        },
        "status": application.status.value,
        "submitted_at": iso(application.submitted_at),
        "is_late": application.is_late,
        "cover_letter": application.cover_letter,
        "requirements": [
            {
                "requirement_id": req.id,
                "kind": req.kind.value,
                "label": req.label,
                "required": req.is_required,
                "evidence": given.evidence if given else None,
                "self_rating": given.self_rating if given else None,
                "reviewer_rating": given.reviewer_rating if given else None,
            }
            for req in application.posting.requirements
            for given in [evidence.get(req.id)]
        ],
        "documents": [document_record(d) for d in application.documents],
        "notes": [
            {"at": iso(n.created_at), "author": n.author.full_name if n.author else None,
             "body": n.body}
            for n in application.notes
        ],
        "history": [
            {
                "at": iso(h.changed_at),
                "from": h.from_status.value if h.from_status else None,
                "to": h.to_status.value,
                "by": h.changed_by.email if h.changed_by else None,
                "by_name": h.changed_by.full_name if h.changed_by else None,
                "comment": h.comment,
            }
            for h in application.history
        ],
        "created_at": iso(application.created_at),
        "updated_at": iso(application.updated_at),
    }


def application_record_for(application: Application, actor: Actor) -> dict[str, Any]:
    """The application as `actor` may see it: the employer side's notes, ratings and the
    comments of its status moves are theirs alone; the candidate sees their own answers and the
    history (with their own comments)."""
    record = application_record(application)
    if not can_manage(actor, application.posting):
        record["notes"] = []
        for item in record["requirements"]:
            item["reviewer_rating"] = None
        for entry, change in zip(record["history"], application.history, strict=True):
            if change.changed_by_id != application.candidate_id:
                entry["comment"] = None
    return record


def user_record(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "full_name": user.full_name,
        "role": user.role.value,
        "organisation": user.organisation.slug if user.organisation else None,
        "locale": user.locale.value,
        "timezone": user.timezone,
    }
