"""schema.org JobPosting from JSON-LD (a .json/.jsonld file, or the JSON-LD blocks of an HTML
page, read by extruct): every property of the issue mapped to the posting's fields, `@graph`
wrappers and lists of postings, unknown properties kept, bad JSON reported with its place."""

from __future__ import annotations

import html
import re
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tracker.domain.matching import education_in
from tracker.i18n import Text
from tracker.importers.base import EMAIL, ParsedPosting
from tracker.importers.jsonld_document import OutOfRange, job_postings
from tracker.importers.jsonld_values import read_day, read_deadline, read_salary
from tracker.importers.jsonld_values import snippet_of as _snippet
from tracker.models.enums import ApplyMethod, EmploymentType

NS = "tracker:"  # our own extension terms, for a lossless round trip of our own export
_KNOWN = {
    "@context", "@type", "@id", "title", "name", "description", "datePosted", "validThrough",
    "employmentType", "hiringOrganization", "jobLocation", "jobLocationType", "baseSalary",
    "salaryCurrency", "jobStartDate", "qualifications", "skills", "responsibilities",
    "educationRequirements", "experienceRequirements", "applicationContact", "identifier", "url",
    "jobBenefits", "directApply",
}
_COUNTRY_ZONES = {
    "FR": "Europe/Paris", "GB": "Europe/London", "UK": "Europe/London", "IE": "Europe/Dublin",
    "BE": "Europe/Brussels", "CH": "Europe/Zurich", "DE": "Europe/Berlin",
    "NL": "Europe/Amsterdam", "ES": "Europe/Madrid", "IT": "Europe/Rome", "LU":
    "Europe/Luxembourg", "PT": "Europe/Lisbon", "AT": "Europe/Vienna", "CA": "America/Toronto",
}
_EMPLOYMENT_VALUES = {kind.value for kind in EmploymentType}
_TYPES = {
    "TEMPORARY": EmploymentType.FIXED_TERM, "INTERN": EmploymentType.INTERNSHIP,
    "VOLUNTEER": EmploymentType.VOLUNTEER, "CONTRACTOR": EmploymentType.FREELANCE,
    "PER_DIEM": EmploymentType.TEMPORARY, "OTHER": EmploymentType.OTHER,
    "CDD": EmploymentType.FIXED_TERM, "CDI": EmploymentType.PERMANENT,
    "FIXED_TERM": EmploymentType.FIXED_TERM, "FIXED-TERM": EmploymentType.FIXED_TERM,
    "PERMANENT": EmploymentType.PERMANENT, "APPRENTICESHIP": EmploymentType.APPRENTICESHIP,
    "INTERNSHIP": EmploymentType.INTERNSHIP,
}


def _text(value: Any, depth: int = 0) -> str | None:
    if value is None or isinstance(value, bool) or depth > 5:
        return None
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value") or value.get("value"), depth + 1)
    if isinstance(value, list):
        parts = [_text(v, depth + 1) for v in value]
        return ", ".join(p for p in parts if p) or None
    return html_to_text(str(value)) or None


def html_to_text(value: str) -> str:
    """Paragraphs and list items of an HTML description as lines. Linear in the text: a tag
    ends at the next '<' if no '>' comes first, so a run of '<' is not scanned to its end
    from each of them."""
    if "<" in value:
        value = re.sub(r"(?i)<\s*+(br|/p|/div|/h\d|/ul|/ol)\s*+/?>", "\n", value)
        value = re.sub(r"(?i)<\s*+li\b[^<>]*>", "\n- ", value)
        value = re.sub(r"<[^<>]+>", "", value)
    value = html.unescape(value)
    lines = [" ".join(line.split()) for line in value.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _items(value: Any) -> list[Any]:
    """A list property: a list, one value, or a text listing items on lines or bullets."""
    if value is None:
        return []
    if isinstance(value, list):
        return [v for item in value for v in _items(item)]
    if isinstance(value, str):
        text = html_to_text(value)
        parts = [p.strip(" -•*\t") for p in re.split(r"\n+", text)]
        return [p for p in parts if p]
    return [value]


def _location(result: ParsedPosting, node: dict[str, Any]) -> str | None:
    """Fills location fields; returns the country code found, if any."""
    country = None
    places = node.get("jobLocation")
    places = places if isinstance(places, list) else [places] if places else []
    labels = []
    for place in places:
        if isinstance(place, str):
            labels.append(place)
            continue
        if not isinstance(place, dict):
            continue
        address = place.get("address") or {}
        if isinstance(address, str):
            labels.append(address)
            continue
        if not isinstance(address, dict):
            address = {}
        locality = _text(address.get("addressLocality"))
        code = address.get("addressCountry")
        code = code.get("name") if isinstance(code, dict) else code
        parts = [_text(address.get("streetAddress")), _text(address.get("postalCode")),
                 locality]
        labels.append(_text(place.get("name")) or ", ".join(p for p in parts if p))
        if locality and not result.get("address_locality"):
            result.add("address_locality", locality, _snippet(address), 1.0)
        if isinstance(code, str) and re.fullmatch(r"[A-Za-z]{2}", code.strip()):
            country = country or code.strip().upper()
    kinds = node.get("jobLocationType")
    remote = any(str(kind).strip().upper().rsplit("/", 1)[-1] == "TELECOMMUTE"
                 for kind in (kinds if isinstance(kinds, list) else [kinds]) if kind)
    label = "; ".join(p for p in labels if p)
    if remote:
        label = f"{label} (remote possible)" if label else "Remote (telecommute)"
    if label:
        result.add("location", label[:300], _snippet(node.get("jobLocation") or "TELECOMMUTE"),
                   1.0)
    if country:
        result.add("address_country", country, _snippet(places), 1.0)
    return country


def _requirements(result: ParsedPosting, node: dict[str, Any]) -> None:
    own = node.get(NS + "requirements")
    if isinstance(own, list):
        for item in own:
            if isinstance(item, dict) and item.get("label"):
                skill = item.get("occupation_skill")
                result.add("requirements", {
                    "kind": item.get("kind", "other"), "label": item["label"],
                    "level": item.get("level"), "required": item.get("required", True),
                    **({"occupation_skill": skill} if isinstance(skill, str) else {}),
                }, _snippet(item), 1.0)
        return
    for prop, kind in (("skills", "technical_skill"), ("qualifications", "other"),
                       ("educationRequirements", "education"),
                       ("experienceRequirements", "experience")):
        for item in _items(node.get(prop)):
            level = None
            if isinstance(item, dict):
                level = _text(item.get("educationalLevel") or item.get("credentialCategory"))
                months = item.get("monthsOfExperience")
                label = _text(item.get("name") or item.get("description"))
                if not label and months:
                    label = f"{months} months of experience"
                if not label and level:
                    label = level
                if kind == "education" and not education_in(level):
                    level = None  # the fit could not read it (the label keeps the words)
            else:
                label = _text(item)
            if label:
                result.add("requirements", {"kind": kind, "label": label[:500],
                                            "level": (level or None) and level[:40],
                                            "required": True},
                           f"{prop}: {_snippet(item)}", 0.9)


def _contact(result: ParsedPosting, node: dict[str, Any]) -> None:
    contact = node.get("applicationContact")
    contacts = contact if isinstance(contact, list) else [contact] if contact else []
    for item in contacts:
        snippet = f"applicationContact: {_snippet(item)}"
        if isinstance(item, dict):
            if item.get("email"):
                result.add("apply_email", str(item["email"]).removeprefix("mailto:"), snippet, 1.0)
            if item.get("url"):
                result.add("apply_url", str(item["url"]), snippet, 1.0)
            text = _text(item.get("name") or item.get("description") or item.get("telephone"))
            if text:
                result.add("application_contact", text[:300], snippet, 1.0)
        elif isinstance(item, str):
            email = EMAIL.search(item)
            if email:
                result.add("apply_email", email.group(0), snippet, 0.9)
            result.add("application_contact", item[:300], snippet, 1.0)


def parse_node(node: dict[str, Any], default_zone: str) -> ParsedPosting:
    """One JobPosting node as findings; properties we have no field for go to `unknown`."""
    result = ParsedPosting()
    result.unknown = {k: v for k, v in node.items() if k not in _KNOWN and not k.startswith(NS)}
    _out_of_range(result, node)
    title = _text(node.get("title") or node.get("name"))
    if title:
        result.add("title", title[:300], f"title: {title}", 1.0)
    org = node.get("hiringOrganization")
    name = _text(org)
    if name:
        result.add("hiring_organization_name", name[:200], _snippet(org), 1.0)
    country = _location(result, node)
    zone = node.get(NS + "timezone") or _COUNTRY_ZONES.get(country or "", default_zone)
    if not isinstance(zone, str) or not re.fullmatch(r"[A-Za-z0-9_+/-]{1,64}", zone):
        zone = default_zone
    try:
        ZoneInfo(zone)
    except (ValueError, OSError, ZoneInfoNotFoundError):
        zone = default_zone
    description = _text(node.get("description"))
    context = node.get(NS + "context", description if NS + "context" not in node else None)
    if context:
        result.add("context", html_to_text(str(context)), _snippet(node.get("description")), 1.0)
    for prop, field in (("responsibilities", "missions"), ("jobBenefits", "benefits"),
                        (NS + "workingConditions", "working_conditions"),
                        (NS + "category", "category")):
        value = node.get(prop)
        if isinstance(value, list):
            text = "\n".join(f"- {t}" for t in (_text(i) for i in value) if t)
        else:
            text = html_to_text(str(value)) if isinstance(value, str) else _text(value)
        if text:
            result.add(field, text, f"{prop}: {_snippet(value)}", 1.0)
    for prop, field in (("datePosted", "date_posted"), ("jobStartDate", "job_start_date")):
        if node.get(prop):
            read_day(result, field, prop, node[prop])
    if node.get("validThrough"):
        read_deadline(result, node["validThrough"], zone)
    elif zone:
        result.add("timezone", zone, "(the location's zone)", 0.6)
    _employment(result, node)
    read_salary(result, node)
    _own_terms(result, node)
    _requirements(result, node)
    _contact(result, node)
    _identifier(result, node)
    for prop, field in ((NS + "durationMonths", "duration_months"),
                        (NS + "workingTimePercent", "working_time_percent")):
        if isinstance(node.get(prop), int):
            result.add(field, node[prop], f"{prop}: {node[prop]}", 1.0)
    for prop, field in ((NS + "requiredDocuments", "required_documents"),
                        (NS + "interviews", "interviews")):
        for item in node.get(prop) or []:
            if isinstance(item, dict):
                result.add(field, item, _snippet(item), 1.0)
    return result


# The field a property fills, for numbers too large to be read (see OutOfRange).
_NUMBER_FIELDS = {"baseSalary": "salary_min", "salaryCurrency": "salary_currency",
                  NS + "durationMonths": "duration_months",
                  NS + "workingTimePercent": "working_time_percent"}


def _out_of_range(result: ParsedPosting, node: dict[str, Any]) -> None:
    """Each number of the node too large to be a value (in a property, at any depth of it) as
    a finding to review: the value is left out of the draft, and the person is told why."""
    for prop, value in node.items():
        stack, seen = [value], 0
        while stack and seen < 10_000:
            item, seen = stack.pop(), seen + 1
            if isinstance(item, OutOfRange):
                result.add(_NUMBER_FIELDS.get(prop, prop.removeprefix(NS)), str(item),
                           f"{prop}: {item}", 1.0,
                           f"too large a number to be read ({item}): it is left out of"
                           " the draft")
                break
            if isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)


def _employment(result: ParsedPosting, node: dict[str, Any]) -> None:
    """The contract: our own term when the document is our export (schema.org has no
    apprenticeship, no permanent post), else employmentType. FULL_TIME and PART_TIME say the
    working time, not the contract: alone, they leave the contract to be given."""
    value = node.get("employmentType")
    kinds = [str(v).strip().upper().replace(" ", "_") for v in
             (value if isinstance(value, list) else [value] if value else [])]
    snippet = f"employmentType: {_snippet(value)}"
    own = node.get(NS + "employmentType")
    chosen = next((_TYPES[k] for k in kinds if k in _TYPES), None)
    if isinstance(own, str) and own in _EMPLOYMENT_VALUES:
        result.add("employment_type", EmploymentType(own), f"{NS}employmentType: {own}", 1.0)
    elif chosen is not None:
        result.add("employment_type", chosen, snippet, 0.9)
    elif set(kinds) & {"FULL_TIME", "PART_TIME"} and set(kinds) <= {"FULL_TIME", "PART_TIME"}:
        result.add("employment_type", EmploymentType.OTHER,
                   f"{snippet} (a working time, not a contract)", 0.3)
    else:
        result.add("employment_type", EmploymentType.OTHER, snippet if kinds else
                   "(not stated)", 0.6 if kinds else 0.2)
    if "FULL_TIME" in kinds and NS + "workingTimePercent" not in node:
        result.add("working_time_percent", 100, snippet, 0.8)


def _own_terms(result: ParsedPosting, node: dict[str, Any]) -> None:
    """What our own export says in tracker: terms that schema.org has no property for."""
    for prop, field, size in ((NS + "department", "department", 300),
                              (NS + "occupation", "occupation", 200),
                              (NS + "certification", "certification", 60)):
        value = node.get(prop)
        if isinstance(value, str) and value.strip():
            result.add(field, value.strip()[:size], f"{prop}: {value}", 1.0)
    method = node.get(NS + "applyMethod")
    if isinstance(method, str) and method in {m.value for m in ApplyMethod}:
        result.add("apply_method", ApplyMethod(method), f"{NS}applyMethod: {method}", 1.0)


def _identifier(result: ParsedPosting, node: dict[str, Any]) -> None:
    ident = node.get("identifier")
    value = ident.get("value") if isinstance(ident, dict) else ident
    if value is not None:
        text = str(value).strip()
        review = None if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,59}", text) else \
            Text("not usable as a reference (letters, digits and . _ / - only, 60 at most)")
        result.add("reference", text, f"identifier: {_snippet(ident)}", 1.0, review)
    url = node.get("url")
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        result.add("source_url", url[:1000], f"url: {url}", 1.0)
        if node.get("directApply") and not result.get("apply_url"):
            result.add("apply_url", url, f"url: {url}", 0.8)


def parse_jsonld(document: Any, default_zone: str) -> list[ParsedPosting]:
    return [parse_node(node, default_zone) for node in job_postings(document)]
