"""The dates of a posting's text: deadline (with time and zone where stated), start, date
posted and interviews; each checked against the others, the doubtful ones flagged."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tracker.i18n import Text
from tracker.importers.base import ParsedPosting
from tracker.importers.dates import FoundDate, find_dates, find_time, find_zone

_DEADLINE_PHRASE = re.compile(
    r"(avant le|au plus tard le|jusqu'au|jusqu’au|d'ici le|date limite|clôture|cloture|"
    r"closing date|closing\b|deadline|closes|(?:applications?|vacancy|posting|advert|"
    r"competition)\s++(?:will\s++)?close\b|close on|no later than|not later than|apply by|"
    r"(?:must|should)\s++(?:reach|be received|arrive)|doivent parvenir|doit parvenir|"
    r"au plus tard|at the latest|end date|until|before|by)", re.I)
_RANGE = re.compile(r"\b(?:du|from|between)\s", re.I)
_APPLY_WORDS = re.compile(
    r"(candidat|cv\b|lettre|envoy|adress|postul|dossier|apply|applica|submi|send|closing|"
    r"deadline|date limite|clôtur|clotur|vacanc)", re.I)
_START_PHRASE = re.compile(
    r"(prise de (?:poste|fonctions?)|à compter du|a compter du|poste à pourvoir|"
    r"start(?:ing)? (?:date|on)|commenc\w*|take up (?:the )?(?:post|position)|début|debut|"
    r"tenure on|enter upon|starting\b|begins? on|beginning on|from|dès le|start\s*:|"
    r"(?:indicative|expected) start|démarrage|à partir du|a partir du|embauche)", re.I)
# Where a date after 'from' is not the start: applications, interviews, publication.
_NOT_START = re.compile(r"(candidat|apply|applica|submi|closing|deadline|interview|entretien|"
                        r"publi|posted|ouvert|sift|shortlist|week commencing|review)", re.I)
_WEEK_OF = re.compile(r"(semaine du|week of|week commencing|week beginning)\s*+$", re.I)
_NEVER_START = re.compile(r"(sift|shortlist|week commencing|interview|entretien|audition)", re.I)
# A period of work: 'du 2 mars au 31 juillet 2028', 'Dates: 5 July to 27 August 2027',
# 'entre le 1er mars et le 31 mai 2027'.
_SPAN = re.compile(r"(?:\b(?:du|from|between|entre le)\s|^\W*dates?\s*:\s*)", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(À-Ý])")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](?:\d{4}|\d{2})\b")
# (an appraisal, 'compte rendu d'entretien professionnel', is no interview)
_INTERVIEW = re.compile(r"\b(entretien(?!s? professionnel)|interview|audition|jury|oral)", re.I)


def _labelled_dates(value: str, lang: str, default_year: int | None = None) -> list[FoundDate]:
    """The dates of a labelled value: in the posting's language, else dates with a month name
    in the other language (an English form around a French text: 'Start date: 4 January
    2027'); numeric dates are read in the posting's language only."""
    found = find_dates(value, lang, default_year)
    if found:
        return found
    other = "en" if lang == "fr" else "fr"
    return [date_ for date_ in find_dates(value, other, default_year)
            if any(c.isalpha() for c in date_.text)]


def _year_default(result: ParsedPosting) -> int | None:
    for name in ("valid_through_date", "date_posted", "job_start_date"):
        value = result.value(name)
        if isinstance(value, date):
            return value.year
    return None


def day_first(text: str) -> bool:
    """True when the text writes its numeric dates day first (one reads 22/11/2027) and
    never month first (11/22/2027): its ambiguous 06/12/2027 is then 6 December."""
    days = months = False
    for match in _NUMERIC.finditer(text):
        first, second = int(match.group(1)), int(match.group(2))
        days |= first > 12 >= second
        months |= second > 12 >= first
    return days and not months


def sentences(lines: list[str]) -> list[str]:
    """The lines cut into sentences: a date belongs to the sentence that says what it is."""
    return [part for line in lines for part in _SENTENCE.split(line)]


def _doubt(found: FoundDate, dmy: bool = False) -> Text | None:
    if found.ambiguous and not dmy:
        return Text("ambiguous date %(date)r: day-first or month-first?", date=found.text)
    if not 1990 <= found.value.year <= 2100:
        return Text("implausible year in %(date)r", date=found.text)
    return None


def read_dates(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
               lines: list[str], lang: str) -> None:
    # Numeric dates day first: the text shows it, or names a European time zone.
    dmy = day_first("\n".join(lines)) or bool(re.search(r"\bEurope/[A-Z]|\bCES?T\b",
                                                          "\n".join(lines)))
    lines = sentences(lines)
    _deadline(result, labelled, lines, lang, dmy)
    for name, field in (("date_posted", "date_posted"), ("job_start_date", "job_start_date")):
        for value, snippet in labelled.get(name, []):
            found = _labelled_dates(value, lang, _year_default(result))
            if found:
                confidence = 0.9 if found[0].year_given else 0.55
                result.add(field, found[0].value, snippet, confidence, _doubt(found[0], dmy))
                break
    if not result.get("job_start_date"):
        for line in lines:
            match = _START_PHRASE.search(line)
            if not match or match.group(1).lower() == "from" and _NOT_START.search(line) \
                    or _NEVER_START.search(line):
                continue
            found = find_dates(line[match.start():], lang, _year_default(result))
            if found and found[0].start <= 40:
                result.add("job_start_date", found[0].value, line, 0.7, _doubt(found[0], dmy))
                break
    _work_span(result, lines, lang, dmy)
    _interviews(result, labelled, lines, lang, dmy)
    _plausible(result)
    if not result.get("timezone") and lang == "fr":
        result.add("timezone", "Europe/Paris", Text("(French posting)"), 0.6)


def span(line: str, lang: str) -> tuple[FoundDate, FoundDate] | None:
    """The first and last day of a period of work a sentence states, the first day's year
    taken from the last's when it is not written (and the year before if it would fall after
    it); None for the dates of applications or interviews."""
    match = _SPAN.search(line)
    if not match or _NOT_START.search(line):
        return None
    rest = line[match.start():match.start() + 120]
    year = next((f.value.year for f in find_dates(rest, lang) if f.year_given), None)
    found = find_dates(rest, lang, year) if year else []
    if len(found) < 2 or not found[1].year_given or found[1].start - found[0].end > 12:
        return None
    first, last = found[0], found[1]
    if not first.year_given and first.value > last.value:
        first = find_dates(rest, lang, last.value.year - 1)[0]
    return (first, last) if first.value < last.value else None


def _work_span(result: ParsedPosting, lines: list[str], lang: str, dmy: bool) -> None:
    """A period of work gives the start, and the duration when none is stated."""
    for line in lines:
        found = span(line, lang)
        if found is None:
            continue
        first, last = found
        if not result.get("job_start_date"):
            result.add("job_start_date", first.value, line, 0.7, _doubt(first, dmy))
        duration = result.get("duration_months")
        if duration is None or duration.review is not None:
            months = round(((last.value - first.value).days + 1) / 30.44)
            if 1 <= months <= 60:
                result.add("duration_months", months, line, 0.6)
        return


def _deadline(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
              lines: list[str], lang: str, dmy: bool) -> None:
    # (value, snippet, confidence, under a label: a month may be named in the other language)
    candidates = [(value, snippet, 0.9, True) for value, snippet in labelled.get("deadline", [])]
    for index, line in enumerate(lines):
        match = _DEADLINE_PHRASE.search(line)
        if match and _APPLY_WORDS.search(line) and not _INTERVIEW.search(line):
            rest = line[match.start():]
            if match.group(1).lower() in ("au plus tard", "at the latest"):
                rest = line  # 'pour le 1er avril 2027 au plus tard': the date is before
            if not find_dates(rest, lang) and index + 1 < len(lines):
                rest = f"{rest} {lines[index + 1]}"
            weak = match.group(1).lower() in ("by", "until", "before")
            candidates.append((rest, line.strip(), 0.7 if weak else 0.85, False))
        elif _APPLY_WORDS.search(line) and not _INTERVIEW.search(line):
            span = _RANGE.search(line)  # 'du 20 février au 26 mars 2028': the end closes
            year = next((f.value.year for f in find_dates(line[span.start():], lang)
                         if f.year_given), None) if span else None
            if span and year and len(find_dates(line[span.start():], lang, year)) >= 2:
                end = find_dates(line[span.start():], lang, year)[1]
                candidates.append((line[span.start() + end.start:], line.strip(), 0.8, False))
    # The plainest words first: 'closing date' before a 'by' that may be another date's.
    candidates.sort(key=lambda item: -item[2])
    chosen = None
    for value, snippet, confidence, label in candidates:
        found = _labelled_dates(value, lang) if label else find_dates(value, lang)
        if not found:
            continue
        first = found[0]
        doubt = _doubt(first, dmy)
        if chosen is None or (chosen[1] is not None and doubt is None):
            result.add("valid_through_date", first.value, snippet, confidence, doubt)
            chosen = (first.value, doubt)
        if chosen[1] is None and first.value != chosen[0]:
            continue
        after = value[first.end:] if first.end <= len(value) else ""
        after = re.split(r"\s(?:à l['’]adresse|to|à|at)\s+\S+@", after)[0]
        clock = find_time(after[:40]) or find_time(value[max(0, first.start - 25):first.start])
        if clock and not result.get("valid_through_time"):
            result.add("valid_through_time", clock[0], snippet, confidence)
        zone = find_zone(value, lang)
        if zone and not result.get("timezone"):
            result.add("timezone", zone[0], snippet, confidence)


def _interviews(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
                lines: list[str], lang: str, dmy: bool) -> None:
    default_year = _year_default(result)
    deadline = result.value("valid_through_date")
    seen: set[date] = set()
    texts = [(value, snippet, 0.85) for value, snippet in labelled.get("interview", [])]
    # Running text may name other dates beside an interview's: sure only under a label.
    texts += [(line, line, 0.75) for line in lines if _INTERVIEW.search(line)]
    for value, snippet, sure in texts:
        label = sure > 0.8  # under a label: a month may be named in the other language
        for found in (_labelled_dates(value, lang, default_year) if label
                      else find_dates(value, lang, default_year)):
            if _WEEK_OF.search(value[max(0, found.start - 20):found.start]):
                continue  # 'la semaine du 6 juillet', 'the week of 22 March': no day yet
            day = found.value
            if not found.year_given and deadline and day < deadline:
                try:
                    day = day.replace(year=day.year + 1)
                except ValueError:  # 29 February, the year after a leap year
                    continue
            if day in seen:
                continue
            seen.add(day)
            item: dict[str, object] = {"date": day}
            clock = find_time(value[found.end:found.end + 30])
            if clock:
                item["time"] = clock[0]
            confidence = sure if found.year_given else 0.6
            result.add("interviews", item, snippet, confidence, _doubt(found, dmy))


def _plausible(result: ParsedPosting) -> None:
    """Flag dates that contradict each other rather than accept them."""
    deadline = result.get("valid_through_date")
    posted = result.value("date_posted")
    start = result.get("job_start_date")
    if deadline is not None and deadline.review is None:
        if posted and (deadline.value < posted or deadline.value - posted > timedelta(days=366)):
            deadline.review = Text("implausible: deadline %(deadline)s is %(days)s days from the "
                                   "posting date", deadline=deadline.value,
                                   days=(deadline.value - posted).days)
        elif start and start.review is None and abs(start.value - deadline.value) > timedelta(
                days=2 * 366):
            deadline.review = Text("implausible: deadline %(deadline)s is years away from the "
                                   "start date %(start)s", deadline=deadline.value,
                                   start=start.value)
    if start is not None and start.review is None and deadline is not None \
            and deadline.review is None and start.value < deadline.value:
        start.review = Text("start date %(start)s before the deadline %(deadline)s",
                            start=start.value, deadline=deadline.value)
    for finding in result.findings:
        if (finding.field == "interviews" and finding.review is None and deadline is not None
                and deadline.review is None
                and finding.value["date"] - deadline.value > timedelta(days=366)):
            finding.review = Text("implausible: interview more than a year after the deadline")
    if result.get("valid_through_time") and result.value("valid_through_date") is None:
        result.findings.remove(result.get("valid_through_time"))  # type: ignore[arg-type]



