"""The contract of a posting's text: its kind (volunteer programmes, internships, work-study,
consultancies, fixed terms and permanent posts, from a labelled line or the first line naming
one), its duration (stated, or a post for a time with no contract word: a fixed term) and the
share of full time."""

from __future__ import annotations

import re

from tracker.i18n import Text
from tracker.importers.base import ParsedPosting
from tracker.importers.dates import find_dates
from tracker.models.enums import EmploymentType


def _first(labelled: dict[str, list[tuple[str, str]]], name: str) -> tuple[str, str] | None:
    values = labelled.get(name)
    return values[0] if values else None


def around(text: str, match: re.Match[str], width: int = 60) -> str:
    start = max(0, text.rfind("\n", 0, match.start()) + 1, match.start() - width)
    end = text.find("\n", match.end())
    end = min(end if end != -1 else len(text), match.end() + width)
    return text[start:end]


_TYPES = [
    (re.compile(r"\b(bénévol\w*|volunteer\w*|volontariat|volontaire|service civique|"
                r"(?-i:VIE|V\.I\.E\.?|VSI|VIA))\b", re.I), EmploymentType.VOLUNTEER),
    (re.compile(r"\b(CDD|contrat à durée déterminée|contrat a duree determinee|fixed[- ]term|"
                r"temporary(?! (?:work|staffing|employment) agenc)|contract\s*+/\s*+temporary|contrat de projet|"
                r"contractuel|maternity cover|parental leave cover|remplacement)\b", re.I),
     EmploymentType.FIXED_TERM),
    (re.compile(r"\b(CDI|contrat à durée indéterminée|emploi permanent|poste permanent|"
                r"permanent(?!\s+(?:database|representation|secretariat|mission|delegation|"
                r"court|committee|council|residen\w*|address))|open[- ]ended|titulaire|fonctionnaire|indefinite|ongoing|"
                r"maître de conférences|professeur des universités)\b", re.I),
     EmploymentType.PERMANENT),
    (re.compile(r"\b(stages?|stagiaires?|internships?|interns?|traineeships?|trainees?)\b", re.I),
     EmploymentType.INTERNSHIP),
    (re.compile(r"\b(apprentissage|alternance|apprenticeship|apprentice|work[- ]study|"
                r"contrat de professionnalisation)\b", re.I), EmploymentType.APPRENTICESHIP),
    (re.compile(r"\b(freelance|consultant|consultancy|prestataire|individual contractor|"
                r"independent contractor|auto-entrepreneur|portage salarial)\b", re.I),
     EmploymentType.FREELANCE),
    (re.compile(r"\b(intérim|interim|vacataire|vacation|casual)\b", re.I),
     EmploymentType.TEMPORARY),
    # A civil servant lent by their administration: neither hired nor contracted here.
    (re.compile(r"\b(secondment|seconded national experts?)\b", re.I), EmploymentType.OTHER),
]
# A fellowship or an appointment for a stated time, with no contract word: a fixed term.
_NUMBERS = {"un": 1, "une": 1, "one": 1, "deux": 2, "two": 2, "trois": 3, "three": 3,
            "quatre": 4, "four": 4, "cinq": 5, "five": 5, "six": 6, "sept": 7, "seven": 7,
            "huit": 8, "eight": 8, "neuf": 9, "nine": 9, "dix": 10, "ten": 10, "douze": 12,
            "twelve": 12, "dix-huit": 18, "eighteen": 18, "vingt-quatre": 24}
_DURATION = re.compile(
    r"\b(?P<n>\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) +
    r")[\s-]*+(?P<unit>mois|months?|ans?|years?|années?|semaines?|weeks?)\b", re.I)


_TENURE = re.compile(
    r"\b(tenure|contract|appointment|contrat|CDD|période|period|durée|duration|mission)\b"
    r"[^.\n]{0,40}?" + _DURATION.pattern, re.I)


_FOR_A_TIME = re.compile(
    r"\b(?:fellowships?|fellows?|appointments?|posts?|positions?|postes?|contrats?|contracts?|"
    r"missions?|assignments?|runs?|elect\w*|recrut\w*|tenable|researcher|stages?|internships?)"
    r"\b[^.\n]{0,60}?\b(?:for|pour|of|de|durée de|limited to|pendant)"
    r"\s++(?:a\s++|an\s++|une?\s++)?(?:initial\s++|first\s++)?(?:period of\s++|durée de\s++)?"
    + _DURATION.pattern, re.I)


_OPEN_TO_CIVIL_SERVANTS = re.compile(r"titulaire|fonctionnaire", re.I)
_CONTRACT_STAFF_TERM = re.compile(r"contractuel(?:le)?s?\s+(?:en|par)\s+CDD", re.I)


def _open_to_both(value: str) -> bool:
    """'ouvert aux fonctionnaires ... et aux contractuels en CDD de 3 ans': the term is the
    contract staff's option, not the post's contract."""
    return bool(_OPEN_TO_CIVIL_SERVANTS.search(value) and _CONTRACT_STAFF_TERM.search(value))


def _duration(value: str) -> int | None:
    match = _DURATION.search(value)
    if not match:
        return None
    n = match["n"].lower()
    number = int(n) if n.isdigit() else _NUMBERS[n]
    unit = match["unit"].lower()
    months = (number if unit.startswith(("mois", "month")) else
              round(number / 4.345) if unit.startswith(("semaine", "week")) else number * 12)
    return months if 0 < months <= 600 else None


def read_contract(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]], text: str,
                  lang: str) -> None:
    labelled_type = _first(labelled, "employment_type")
    candidates = ([(labelled_type[0], labelled_type[1], 0.9)] if labelled_type else [])
    candidates += [(line, line, 0.75) for line in text.split("\n") if line.strip()]
    for value, snippet, confidence in candidates:
        for pattern, kind in _TYPES:
            match = pattern.search(value)
            if match and lang == "en" and match.group(1).lower().startswith("stage"):
                match = None
            if match:
                if kind == EmploymentType.PERMANENT and match.group(1).lower() in (
                        "titulaire", "fonctionnaire") and re.search(r"contractuel", value, re.I):
                    continue  # 'ouvert aux titulaires ou contractuels' says nothing
                if kind == EmploymentType.FIXED_TERM and (
                        match.group(1).lower() == "contractuel" and _OPEN_TO_CIVIL_SERVANTS.search(
                            value) or _open_to_both(value)):
                    continue  # open to civil servants and to contract staff: not stated
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
            result.add("duration_months", _duration(match.group(0)), around(text, match), 0.6)
    if not result.get("employment_type"):
        _fixed_by_duration(result, labelled, text)
    _permanent_with_a_duration(result)
    _working_time(result, text, lang)
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
    for found in _FOR_A_TIME.finditer(text):
        months = _duration(found.group(0)[-25:])
        if months and not _open_to_both(around(text, found, 200)):
            snippet = around(text, found)
            result.add("employment_type", EmploymentType.FIXED_TERM, snippet, 0.65)
            result.add("duration_months", months, snippet, 0.65)
            return
    match = re.search(r"\b(\d{1,2})[- ]month\b", text)
    if match and re.search(r"\bcontract|contrat|assignment|mission\b",
                           text[match.end():match.end() + 40], re.I):
        snippet = around(text, match)
        result.add("employment_type", EmploymentType.FIXED_TERM, snippet, 0.65)
        result.add("duration_months", int(match.group(1)), snippet, 0.65)


def duration_beside_start(result: ParsedPosting) -> None:
    """'À partir du 15 septembre 2026 (8 mois, 24 h/semaine)': a duration in the sentence that
    gives the start of a post for a time (fixed term, internship, volunteering)."""
    start, kind = result.get("job_start_date"), result.value("employment_type")
    if result.get("duration_months") or start is None or kind not in (
            EmploymentType.FIXED_TERM, EmploymentType.INTERNSHIP, EmploymentType.VOLUNTEER,
            EmploymentType.APPRENTICESHIP, EmploymentType.TEMPORARY):
        return
    months = _duration(str(start.snippet))
    if months:
        result.add("duration_months", months, start.snippet, 0.6)


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


_QUOTITE = re.compile(r"\b(?:quotit[ée](?: de travail)?|working time|temps de travail|employment rate|"
                      r"taux d'activit[ée])\s*+:?\s*+(\d{1,3})\s*+%", re.I)
_FTE = re.compile(r"\b([01](?:[.,]\d{1,2})?)\s*+(?:FTE|ETP)\b")
_TIME_WORDS = re.compile(r"(jours? par semaine|days? (?:a|per) week|temps partiel|part[- ]time|"
                         r"temps (?:plein|complet)|full[- ]time)", re.I)
_PERCENT = re.compile(r"(?<![\d,.])(\d{2,3})\s*+%")
_THIRTY_FIFTHS = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*35(?:e|ème|èmes)?\b")
_WEEKLY_HOURS = re.compile(r"(?<![\d,.])(?<!de )(?<!of )(\d{2}(?:[.,]\d)?)\s*(?:heures|hours|h)\s*(?:par|per|a|/)\s*"
                           r"(?:semaine|week|sem)\b", re.I)
_MONEY_SIGN = re.compile(r"[€$£]|\beuros?\b|salaire|salary|\bpay\b", re.I)


def _working_time(result: ParsedPosting, text: str, lang: str) -> None:
    """The share of full time: a quotité, an FTE, a percent beside days a week or in the
    header ('— 50 %'), 28/35e, hours a week (35 or more is full time; fewer, a share of 35
    hours in French, of 40 in English; not for volunteering), else 'full time' or 'half time'."""
    quotite = _QUOTITE.search(text)
    if quotite and 1 <= int(quotite.group(1)) <= 100:
        result.add("working_time_percent", int(quotite.group(1)), around(text, quotite), 0.95)
        return
    fte = _FTE.search(text)
    if fte:
        share = round(float(fte.group(1).replace(",", ".")) * 100)
        if 1 <= share <= 100:
            result.add("working_time_percent", share, around(text, fte), 0.85)
            return
    lines = text.split("\n")
    heading = [line for line in lines if line.strip()][:5]
    for line in lines:
        percent = _PERCENT.search(line)
        if percent and not _MONEY_SIGN.search(line) and 1 <= int(percent.group(1)) <= 100 and (
                _TIME_WORDS.search(line) or line in heading and len(line) <= 80):
            result.add("working_time_percent", int(percent.group(1)), line, 0.7)
            return
    fifths = _THIRTY_FIFTHS.search(text)
    if fifths and 1 <= int(fifths.group(1)) <= 35:
        result.add("working_time_percent", round(int(fifths.group(1)) * 100 / 35),
                   around(text, fifths), 0.75)
        return
    hours = _WEEKLY_HOURS.search(text)
    if hours and result.value("employment_type") is not EmploymentType.VOLUNTEER:
        count = float(hours.group(1).replace(",", "."))
        week = 35 if lang == "fr" else 40
        share = 100 if count >= 35 else round(count * 100 / week)
        if 1 <= share <= 100:
            result.add("working_time_percent", share, around(text, hours), 0.6)
            return
    full = re.search(r"\b(temps (?:plein|complet)|full[-_ ]time)\b", text, re.I)
    if full:
        result.add("working_time_percent", 100, around(text, full), 0.75)
        return
    half = re.search(r"\b(mi-temps|half[- ]time)\b", text, re.I)
    if half:
        result.add("working_time_percent", 50, around(text, half), 0.7)
