"""A posting as a schema.org JobPosting (JSON-LD) with Google's required properties (title,
description, datePosted, hiringOrganization, jobLocation) and the recommended ones the tracker
knows (validThrough with its offset, employmentType, baseSalary, identifier, directApply).
What schema.org has no property for (the exact contract, how to apply, department,
occupation and certification, requirement kinds and levels, duration, working time, category,
zone, interviews) goes in `tracker:` terms, so that importing the export gives the same
posting back."""

from __future__ import annotations

import html
from typing import Any
from zoneinfo import ZoneInfo

from tracker.models import ApplyMethod, EmploymentType, Posting, RequirementKind

NAMESPACE = "urn:posting-tracker:"
_TYPES = {
    EmploymentType.FIXED_TERM: "TEMPORARY", EmploymentType.INTERNSHIP: "INTERN",
    EmploymentType.APPRENTICESHIP: "INTERN", EmploymentType.VOLUNTEER: "VOLUNTEER",
    EmploymentType.FREELANCE: "CONTRACTOR", EmploymentType.TEMPORARY: "PER_DIEM",
    EmploymentType.OTHER: "OTHER",
}
_SKILL_KINDS = {RequirementKind.TECHNICAL_SKILL, RequirementKind.KNOW_HOW,
                RequirementKind.SOFT_SKILL}


def _paragraphs(text: str | None) -> str:
    if not text:
        return ""
    out = []
    for block in text.split("\n\n"):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        items = [line[2:] for line in lines if line.startswith("- ")]
        prose = [line for line in lines if not line.startswith("- ")]
        if prose:
            out.append("<p>" + html.escape(" ".join(prose)) + "</p>")
        if items:
            out.append("<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>")
    return "".join(out)


def _description(posting: Posting) -> str:
    parts = [_paragraphs(posting.context)]
    if posting.missions:
        parts.append("<h2>Missions</h2>" + _paragraphs(posting.missions))
    if posting.requirements:
        parts.append("<h2>Profil</h2><ul>" + "".join(
            f"<li>{html.escape(r.label)}{' (' + html.escape(r.level) + ')' if r.level else ''}"
            "</li>" for r in posting.requirements) + "</ul>")
    if posting.working_conditions:
        parts.append(_paragraphs(posting.working_conditions))
    text = "".join(p for p in parts if p)
    return text or f"<p>{html.escape(posting.title)}</p>"


def _employment_types(posting: Posting) -> list[str]:
    """schema.org's nearest words (a permanent post has none; an apprenticeship is INTERN);
    the exact contract goes in tracker:employmentType. Nothing when nothing is known: a post
    whose working time is not known is not said to be full time."""
    kinds = []
    if posting.working_time_percent is not None:
        kinds.append("FULL_TIME" if posting.working_time_percent == 100 else "PART_TIME")
    if posting.employment_type in _TYPES:
        kinds.append(_TYPES[posting.employment_type])
    return kinds


def _valid_through(posting: Posting) -> str | None:
    if posting.valid_through is None:
        return None
    local = posting.valid_through.astimezone(ZoneInfo(posting.timezone))
    return local.isoformat(timespec="seconds")


def _place(posting: Posting) -> dict[str, Any]:
    org = posting.organisation
    address: dict[str, Any] = {"@type": "PostalAddress"}
    locality = posting.address_locality or (org.address_locality if org else None)
    country = posting.address_country or (org.address_country if org else None)
    if locality:
        address["addressLocality"] = locality
    if country:
        address["addressCountry"] = country
    place: dict[str, Any] = {"@type": "Place", "address": address}
    if posting.location:
        place["name"] = posting.location
    return place


def _salary(posting: Posting) -> dict[str, Any] | None:
    if posting.salary_min is None and posting.salary_max is None:
        return None
    value: dict[str, Any] = {"@type": "QuantitativeValue"}
    low, high = posting.salary_min, posting.salary_max
    if low is not None and high is not None and low == high:
        value["value"] = float(low)
    else:
        if low is not None:
            value["minValue"] = float(low)
        if high is not None:
            value["maxValue"] = float(high)
    if posting.salary_period:
        value["unitText"] = posting.salary_period.value.upper()
    return {"@type": "MonetaryAmount", "currency": posting.salary_currency, "value": value}


def _requirements(posting: Posting, document: dict[str, Any]) -> None:
    skills = [{"@type": "DefinedTerm", "name": r.label, "termCode": r.kind.value}
              for r in posting.requirements if r.kind in _SKILL_KINDS]
    education = [
        {"@type": "EducationalOccupationalCredential", "name": r.label,
         **({"educationalLevel": r.level} if r.level else {})}
        for r in posting.requirements if r.kind is RequirementKind.EDUCATION
    ]
    experience = [r.label for r in posting.requirements if r.kind is RequirementKind.EXPERIENCE]
    qualifications = [
        f"{r.label} ({r.level})" if r.level else r.label for r in posting.requirements
        if r.kind in (RequirementKind.KNOWLEDGE, RequirementKind.LANGUAGE, RequirementKind.OTHER)
    ]
    for key, value in (("skills", skills), ("educationRequirements", education),
                       ("experienceRequirements", experience),
                       ("qualifications", qualifications)):
        if value:
            document[key] = value
    document["tracker:requirements"] = [
        {"kind": r.kind.value, "label": r.label, "level": r.level, "required": r.is_required,
         **({"occupation_skill": r.occupation_skill.label} if r.occupation_skill else {})}
        for r in posting.requirements
    ]


def posting_jsonld(posting: Posting, *, url: str | None = None) -> dict[str, Any]:
    """The posting as a JSON-LD JobPosting document (a dict ready for json.dumps)."""
    org = posting.organisation
    organisation: dict[str, Any] = {"@type": "Organization",
                                    "name": posting.hiring_organization_name}
    if org is not None and org.website:
        organisation["sameAs"] = org.website
    document: dict[str, Any] = {
        "@context": ["https://schema.org", {"tracker": NAMESPACE}],
        "@type": "JobPosting",
        "title": posting.title,
        "description": _description(posting),
        "identifier": {"@type": "PropertyValue", "name": posting.hiring_organization_name,
                       "value": posting.reference},
        "hiringOrganization": organisation,
        "jobLocation": _place(posting),
        "directApply": posting.apply_method is ApplyMethod.IN_APP,
    }
    if _employment_types(posting):
        document["employmentType"] = _employment_types(posting)
    optional: dict[str, Any] = {
        "datePosted": (posting.date_posted or posting.created_at.date()).isoformat(),
        "validThrough": _valid_through(posting),
        "jobStartDate": posting.job_start_date.isoformat() if posting.job_start_date else None,
        "baseSalary": _salary(posting),
        "responsibilities": posting.missions,
        "jobBenefits": posting.benefits,
        "url": url or posting.source_url,
    }
    document.update({k: v for k, v in optional.items() if v is not None})
    contact = {k: v for k, v in (("email", posting.apply_email), ("url", posting.apply_url),
                                 ("name", posting.application_contact)) if v}
    if contact:
        document["applicationContact"] = {"@type": "ContactPoint", **contact}
    _requirements(posting, document)
    extras: dict[str, Any] = {
        "tracker:timezone": posting.timezone, "tracker:category": posting.category,
        "tracker:employmentType": posting.employment_type.value,
        "tracker:applyMethod": posting.apply_method.value,
        "tracker:department": posting.department,
        "tracker:occupation": posting.occupation.slug if posting.occupation else None,
        "tracker:certification": posting.certification.code if posting.certification else None,
        "tracker:durationMonths": posting.duration_months,
        "tracker:context": posting.context, "tracker:workingConditions":
            posting.working_conditions,
        "tracker:requiredDocuments": [
            {"kind": d.kind.value, "label": d.label, "required": d.is_required}
            for d in posting.required_documents] or None,
        "tracker:interviews": [
            {"date": i.start_date.isoformat(),
             "time": i.start_time.isoformat("minutes") if i.start_time else None,
             "timezone": i.timezone, "duration_minutes": i.duration_minutes,
             "place": i.place, "video_url": i.video_url}
            for i in posting.interviews
            if i.application_id is None and i.status.value != "cancelled"] or None,
    }
    document.update({k: v for k, v in extras.items() if v is not None})
    # null too: the description is not the context, FULL_TIME is not a working time known
    document["tracker:context"] = posting.context
    document["tracker:workingTimePercent"] = posting.working_time_percent
    return document


