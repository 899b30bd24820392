"""A posting read from plain text (or the text of a PDF), in French or English: every field
with the snippet it came from and a confidence; ambiguous or implausible dates flagged."""

from __future__ import annotations

import re

from tracker.i18n import Text
from tracker.importers.base import ParsedPosting
from tracker.importers.dates import find_dates, fold
from tracker.importers.requirements import (
    BAC,
    CEFR,
    LANGUAGE_WORDS,
    degree_in_text,
    education_level,
    requirement,
)
from tracker.importers.sections import BULLET, Section, split_sections
from tracker.importers.text_dates import read_dates
from tracker.importers.text_heading import read_title_and_employer
from tracker.importers.text_money import read_contact, read_salary
from tracker.models.enums import EmploymentType

MAX_CHARS = 200_000  # a posting is a few pages; the rest of a bigger file is not read

_FR_WORDS = re.compile(r"\b(le|la|les|des|du|de|et|pour|avec|une|dans|sur|vous|nous|votre|"
                       r"poste|est|au|aux)\b", re.I)
_EN_WORDS = re.compile(r"\b(the|and|of|to|with|for|you|will|this|role|an|be|in|at|is|are|we|"
                       r"our|your|closing|deadline|salary)\b", re.I)


def detect_language(text: str) -> str:
    """'fr' or 'en', by common words; a tie goes to French if French letters show."""
    sample = text[:6_000]
    french, english = len(_FR_WORDS.findall(sample)), len(_EN_WORDS.findall(sample))
    if french == english:
        return "fr" if re.search(r"[éèêàçùœ]", sample, re.I) else "en"
    return "fr" if french > english else "en"


# Labelled lines: field -> label patterns (folded text, at the start of a line or after a
# bullet). The value is what follows the label, or the next non-blank line.
_LABELS: dict[str, str] = {
    "title": r"intitule du poste|intitule|titre du poste|job title|position title|post title"
             r"|poste|position|vacancy title|role title",
    "hiring_organization_name": r"employeur|etablissement|organisation|organization|employer"
                                r"|structure|organisme|recruteur|company",
    "location": r"lieu d'exercice|lieu de travail|lieu|localisation|location|duty station"
                r"|based at|affectation|work location|residential location",
    "reference": r"reference de l'offre|reference|ref\.?|n° de l'offre|job ref(?:erence)?|offre n°"
                 r"|vacancy (?:no|number|reference)|job id|req(?:uisition)? id",
    "category": r"categorie|category|grade|corps",
    "date_posted": r"date de publication|publie le|publiee le|date de parution|placed on"
                   r"|posted on|posted|date posted|publication date|date of issue",
    "deadline": r"date limite de (?:candidature|depot|reception)[^:]{0,80}|date limite"
                r"|date de cloture|cloture des candidatures|closing date[^:]{0,80}|closing|closes"
                r"|applications close(?: on)?|deadline for applications"
                r"|application deadline|deadline|apply by|candidature avant le|date de fin de "
                r"publication",
    "job_start_date": r"prise de poste|prise de fonctions?|date de prise de (?:poste|fonctions?)"
                      r"|poste a pourvoir (?:le|a compter du|au)|date de debut|debut du contrat"
                      r"|start date|target start date|starting date|start|date d'effet|expected start"
                      r" date|commencement date",
    "duration": r"duree du contrat(?: en mois)?|contract duration|duree de la mission|duree|duration|contract length"
                r"|length of contract|term",
    "working_time": r"quotite(?: de travail)?|temps de travail|working time|hours|working hours",
    "salary": r"remuneration|salaire|salary|traitement|pay|grade and salary|salary range",
    "employment_type": r"type de contrat|nature du contrat|contrat|contract type|type of contract"
                       r"|type d'emploi|categorie de recrutement"
                       r"|hire type|job type|employment type|statut|contract",
    "interview": r"date des entretiens|date d'entretien|entretiens?|interview dates?|interviews?",
}
_LABEL_RES = {
    # Possessive spaces and a bounded aside: one try per line, no backtracking over a run.
    name: re.compile(rf"^(?:{pattern})\s*+(?:\([^)]{{0,80}}\)\s*+)?(?:[:：]\s*(?P<value>.*)|"
                     rf"(?<=\s)(?P<digits>\d.*))$|^(?:{pattern})\s*+$", re.I)
    for name, pattern in _LABELS.items()
}


def _is_label(folded: str) -> bool:
    key = BULLET.sub("", folded, count=1).strip()
    return any(pattern.match(key) for pattern in _LABEL_RES.values())


def _labelled(lines: list[str], folded: list[str]) -> dict[str, list[tuple[str, str]]]:
    """field -> [(value, snippet)] for every labelled line, in order."""
    found: dict[str, list[tuple[str, str]]] = {}
    for index, line in enumerate(folded):
        key = BULLET.sub("", line, count=1).strip()
        for name, pattern in _LABEL_RES.items():
            match = pattern.match(key)
            if not match:
                continue
            group = "value" if match["value"] is not None else "digits"
            start = len(line) - len(key) + (match.start(group) if match[group] is not None
                                              else len(key))
            raw = BULLET.sub("", lines[index], count=1).strip()
            value = lines[index].strip()[start - (len(line) - len(line.lstrip())):].strip() \
                if match[group] is not None else ""
            if not value:  # the value on the next non-blank line, unless it is another label
                value = next((lines[j].strip() for j in range(index + 1,
                              min(index + 4, len(lines))) if lines[j].strip()), "")
                if _is_label(fold(value)):
                    value = ""
                raw = f"{raw} {value}"
            if value:
                found.setdefault(name, []).append((value, raw))
            break
    return found


def parse_text(text: str, *, language: str | None = None) -> ParsedPosting:
    """Read a posting from its text. Never raises on odd input; what is not found is absent."""
    text = text[:MAX_CHARS].replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\u202f", " ").replace("\x00", "")
    lang = language or detect_language(text)
    lines = [line.rstrip() for line in text.split("\n")]
    folded = [fold(line) for line in lines]
    result = ParsedPosting()
    labelled = _labelled(lines, folded)
    sections = split_sections(lines)
    read_title_and_employer(result, lines, labelled, _is_label)
    _simple_fields(result, labelled, text, lang)
    _contract(result, labelled, text, lang)
    read_dates(result, labelled, lines, lang)
    read_contact(result, lines, lang)
    read_salary(result, labelled, text)
    _sections(result, sections)
    _languages_and_education(result, lines)
    return result


def _first(labelled: dict[str, list[tuple[str, str]]], name: str) -> tuple[str, str] | None:
    values = labelled.get(name)
    return values[0] if values else None


def _simple_fields(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
                   text: str, lang: str) -> None:
    location = _first(labelled, "location")
    if location and len(location[0]) <= 300:
        result.add("location", location[0].strip(" ."), location[1], 0.8)
    reference = _first(labelled, "reference")
    direct = re.search(r"\b(?:offre|vacancy|job|poste)\s*+(?:n°|no\b\.?|number|#)\s*+:?\s*+"
                       r"([A-Z0-9][A-Za-z0-9._/-]{2,59})", text, re.I)
    if direct:
        result.add("reference", direct.group(1).rstrip("."), _around(text, direct), 0.85)
    elif reference:
        match = re.match(r"[A-Za-z0-9][A-Za-z0-9._/-]{1,59}", reference[0])
        if match and re.search(r"\d", match.group(0)):
            result.add("reference", match.group(0).rstrip("."), reference[1], 0.8)
    match = re.search(r"\bcat[ée]gorie\s*+:?\s*+([ABC])(?:\+|\b)", text, re.I)
    if match:
        result.add("category", match.group(1).upper(), _around(text, match), 0.95)
    else:
        category = _first(labelled, "category")
        if category and len(category[0]) <= 40:
            result.add("category", category[0].strip(" ."), category[1], 0.6)


def _around(text: str, match: re.Match[str], width: int = 60) -> str:
    start = max(0, text.rfind("\n", 0, match.start()) + 1, match.start() - width)
    end = text.find("\n", match.end())
    end = min(end if end != -1 else len(text), match.end() + width)
    return text[start:end]


_TYPES = [
    (re.compile(r"\b(bénévol\w*|volunteer\w*|volontariat|volontaire|service civique|"
                r"(?-i:VIE|V\.I\.E\.?|VSI|VIA))\b", re.I), EmploymentType.VOLUNTEER),
    (re.compile(r"\b(CDD|contrat à durée déterminée|contrat a duree determinee|fixed[- ]term|"
                r"temporary contract|contract\s*+/\s*+temporary|contrat de projet|"
                r"contractuel|maternity cover|parental leave cover|remplacement)\b", re.I),
     EmploymentType.FIXED_TERM),
    (re.compile(r"\b(CDI|contrat à durée indéterminée|emploi permanent|poste permanent|"
                r"permanent|open[- ]ended|titulaire|fonctionnaire|indefinite|ongoing|"
                r"maître de conférences|professeur des universités)\b", re.I),
     EmploymentType.PERMANENT),
    (re.compile(r"\b(stage|stagiaire|internship|intern|traineeship|trainee)\b", re.I),
     EmploymentType.INTERNSHIP),
    (re.compile(r"\b(apprentissage|alternance|apprenticeship|apprentice|work[- ]study|"
                r"contrat de professionnalisation)\b", re.I), EmploymentType.APPRENTICESHIP),
    (re.compile(r"\b(freelance|consultant|consultancy|prestataire|individual contractor|"
                r"independent contractor|auto-entrepreneur|portage salarial)\b", re.I),
     EmploymentType.FREELANCE),
    (re.compile(r"\b(intérim|interim|vacataire|vacation|temporary|casual)\b", re.I),
     EmploymentType.TEMPORARY),
]
# A fellowship or an appointment for a stated time, with no contract word: a fixed term.
_NUMBERS = {"un": 1, "une": 1, "one": 1, "deux": 2, "two": 2, "trois": 3, "three": 3,
            "quatre": 4, "four": 4, "cinq": 5, "five": 5, "six": 6, "sept": 7, "seven": 7,
            "huit": 8, "eight": 8, "neuf": 9, "nine": 9, "dix": 10, "ten": 10, "douze": 12,
            "twelve": 12, "dix-huit": 18, "eighteen": 18, "vingt-quatre": 24}
_DURATION = re.compile(
    r"\b(?P<n>\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) +
    r")[\s-]*+(?P<unit>mois|months?|ans?|years?|années?)\b", re.I)


_TENURE = re.compile(
    r"\b(tenure|contract|appointment|contrat|CDD|période|period|durée|duration|mission)\b"
    r"[^.\n]{0,40}?" + _DURATION.pattern, re.I)


_FOR_A_TIME = re.compile(
    r"\b(?:fellowship|fellow|appointment|post|position|poste|contrat|contract|mission|"
    r"assignment|runs?|elect\w*|recrut\w*|tenable)\b[^.\n]{0,60}?\b(?:for|pour|of|de|durée de)"
    r"\s++(?:a\s++|an\s++|une?\s++)?(?:period of\s++|durée de\s++)?" + _DURATION.pattern, re.I)


def _duration(value: str) -> int | None:
    match = _DURATION.search(value)
    if not match:
        return None
    n = match["n"].lower()
    number = int(n) if n.isdigit() else _NUMBERS[n]
    months = number if match["unit"].lower().startswith(("mois", "month")) else number * 12
    return months if 0 < months <= 600 else None


def _contract(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]], text: str,
              lang: str) -> None:
    labelled_type = _first(labelled, "employment_type")
    candidates = ([(labelled_type[0], labelled_type[1], 0.9)] if labelled_type else [])
    candidates += [(line, line, 0.75) for line in text.split("\n") if line.strip()]
    for value, snippet, confidence in candidates:
        for pattern, kind in _TYPES:
            match = pattern.search(value)
            if match and lang == "en" and match.group(1).lower() in ("stage", "stagiaire"):
                match = None
            if match:
                if kind == EmploymentType.PERMANENT and match.group(1).lower() in (
                        "titulaire", "fonctionnaire") and re.search(r"contractuel", value, re.I):
                    continue  # 'ouvert aux titulaires ou contractuels' says nothing
                if kind == EmploymentType.FIXED_TERM and match.group(1).lower() == "contractuel" \
                        and re.search(r"titulaire", value, re.I):
                    continue
                result.add("employment_type", kind, snippet, confidence)
                months = _duration(value)
                if months and kind in (EmploymentType.FIXED_TERM, EmploymentType.TEMPORARY,
                                       EmploymentType.INTERNSHIP,
                                       EmploymentType.APPRENTICESHIP,
                                       EmploymentType.VOLUNTEER):
                    result.add("duration_months", months, snippet, confidence)
                break
        if result.get("employment_type"):
            break
    duration = _first(labelled, "duration")
    if duration and not result.get("duration_months"):
        months = _duration(duration[0])
        dates = find_dates(duration[0], lang)
        if dates and not months:
            result.add("duration_months", dates[0].value.isoformat(), duration[1], 0.3,
                       review=Text("a date where a duration is expected"))
        elif months:
            result.add("duration_months", months, duration[1], 0.8)
    if not result.get("duration_months") and result.value("employment_type") in (
            EmploymentType.FIXED_TERM, EmploymentType.TEMPORARY, EmploymentType.INTERNSHIP,
            EmploymentType.APPRENTICESHIP, EmploymentType.VOLUNTEER):
        match = _TENURE.search(text)
        if match:
            result.add("duration_months", _duration(match.group(0)), _around(text, match), 0.6)
    if not result.get("employment_type"):
        _fixed_by_duration(result, labelled, text)
    _permanent_with_a_duration(result)
    _working_time(result, labelled, text)
    if not result.get("employment_type"):
        result.add("employment_type", EmploymentType.OTHER, "(not stated)", 0.2)


def _fixed_by_duration(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
                       text: str) -> None:
    """'Contract: 9 months', 'Contract duration: 12 months', 'a fellowship for three years':
    a duration beside a post and no contract word is a fixed term (a guess to check)."""
    labelled_duration = result.get("duration_months")
    if labelled_duration is not None and isinstance(labelled_duration.value, int):
        result.add("employment_type", EmploymentType.FIXED_TERM, labelled_duration.snippet, 0.7)
        return
    contract = _first(labelled, "employment_type")
    months = _duration(contract[0]) if contract else None
    if contract and months:
        result.add("employment_type", EmploymentType.FIXED_TERM, contract[1], 0.7)
        result.add("duration_months", months, contract[1], 0.7)
        return
    for match in _FOR_A_TIME.finditer(text):
        months = _duration(match.group(0)[-25:])
        if months:
            snippet = _around(text, match)
            result.add("employment_type", EmploymentType.FIXED_TERM, snippet, 0.65)
            result.add("duration_months", months, snippet, 0.65)
            return
    match = re.search(r"\b(\d{1,2})[- ]month\b", text)
    if match and re.search(r"\bcontract|contrat|assignment|mission\b",
                           text[match.end():match.end() + 40], re.I):
        snippet = _around(text, match)
        result.add("employment_type", EmploymentType.FIXED_TERM, snippet, 0.65)
        result.add("duration_months", int(match.group(1)), snippet, 0.65)


def _permanent_with_a_duration(result: ParsedPosting) -> None:
    """'Emploi permanent' and 'Durée : 18 mois' contradict each other: the duration is shown
    for review, not used, and the contract becomes a guess to check."""
    kind, duration = result.get("employment_type"), result.get("duration_months")
    if (kind is None or kind.value is not EmploymentType.PERMANENT or duration is None
            or duration.review is not None):
        return
    duration.review = Text("contradiction: a duration of %(months)s months beside a permanent "
                           "contract («%(snippet)s»): which is it?", months=duration.value,
                           snippet=str(kind.snippet)[:60])
    kind.confidence = min(kind.confidence, 0.6)


def _working_time(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
                  text: str) -> None:
    quotite = re.search(r"\b(?:quotit[ée](?: de travail)?|working time|temps de travail)\s*+:?"
                        r"\s*+(\d{1,3})\s*+%", text, re.I)
    if quotite and 1 <= int(quotite.group(1)) <= 100:
        result.add("working_time_percent", int(quotite.group(1)), _around(text, quotite), 0.95)
        return
    fte = re.search(r"\b([01](?:[.,]\d{1,2})?)\s*+FTE\b", text)
    if fte:
        percent = round(float(fte.group(1).replace(",", ".")) * 100)
        if 1 <= percent <= 100:
            result.add("working_time_percent", percent, _around(text, fte), 0.85)
            return
    full = re.search(r"\b(temps (?:plein|complet)|full[-_ ]time)\b", text, re.I)
    if full:
        result.add("working_time_percent", 100, _around(text, full), 0.75)
        return
    half = re.search(r"\b(mi-temps|half[- ]time)\b", text, re.I)
    if half:
        result.add("working_time_percent", 50, _around(text, half), 0.7)


def _sections(result: ParsedPosting, sections: list[Section]) -> None:
    texts: dict[str, list[str]] = {}
    for section in sections:
        if section.name in ("missions", "context", "working_conditions", "benefits"):
            body = section.text()
            if body:
                texts.setdefault(section.name, []).append(body)
        if section.name != "requirements":
            continue
        confidence = 0.6 if section.kind == "mixed" else 0.85
        for item in section.items():
            found = requirement(item, section.kind or "mixed", section.required)
            if found:
                result.add("requirements", found, f"{section.heading.strip()} | {item}",
                           confidence)
    for name, bodies in texts.items():
        joined = "\n\n".join(bodies)
        result.add(name, joined, joined[:200], 0.7)


def _languages_and_education(result: ParsedPosting, lines: list[str]) -> None:
    kinds = {item["kind"] for item in result.items("requirements")}
    if "language" not in kinds:
        for line in lines:
            cefr = CEFR.search(line)
            if cefr and LANGUAGE_WORDS.search(line) and len(line) < 300:
                found = requirement(line.strip(), "language", True)
                if found and found["level"]:
                    result.add("requirements", found, line, 0.6)
    if "education" not in kinds:
        for line in lines:
            match = BAC.search(line)
            if match and len(line) < 300:
                label = BULLET.sub("", line).strip(" ,;:.")
                result.add("requirements", {"kind": "education", "label": label,
                                            "level": education_level(label), "required": True},
                           line, 0.6)
                break
        else:
            degree = degree_in_text(lines)
            if degree:
                result.add("requirements", {"kind": "education", "label": degree[0],
                                            "level": degree[1], "required": True}, degree[0], 0.6)
