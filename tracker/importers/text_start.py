"""The start of the work a posting states: under its label, after a phrase that names it, or
the first day of a period of work (which gives the duration too)."""

from __future__ import annotations

import re

from tracker.importers.base import ParsedPosting
from tracker.importers.dates import FoundDate, find_dates, whole_months
from tracker.importers.text_date_common import (
    WEEKDAYS,
    as_read,
    date_doubt,
    labelled_dates,
    year_default,
)
from tracker.importers.text_deadline import deduced_year, written_on

_START_PHRASE = re.compile(
    r"\b(prise de (?:poste|fonctions?)|à compter du|a compter du|poste à pourvoir|"
    r"à pourvoir (?:le|dès le|au|à partir du)|starts? on|"
    r"start(?:ing)? (?:date|on)|commenc\w*|take up (?:the )?(?:post|position)|début|debut|"
    r"tenure on|enter upon|starting\b|begins? on|beginning on|from|dès le|start\s*:|"
    r"(?:indicative|expected) start|démarrage|à partir du|a partir du|embauche|"
    r"entrée en fonctions?|entree en fonctions?|date d'entrée|to start on|entrée en service|"
    r"entrée en poste|entree en poste|"
    r"joining date|date of joining|to commence on|commencement|available from|"
    r"date available|date prévue (?:du recrutement|de (?:prise de poste|début))|"
    r"recrutement prévu|beginning\b|reports? on|report for duty|season\s*+:|"
    r"(?:starts?|begins?|commences?)\s*+:|"
    # a table's cell ('Start | Monday 8 February 2027'), an offshore crew's 'Mobilisation:'
    r"start\s*+\||mobili[sz]ation(?: date)?\s*+[:|]|^\W*next induction(?: date)?\s*+:|"
    # a list's item: '✅ Start Monday 15 February 2027'
    r"(?:(?<=^)|(?<=^\W)|(?<=^\W\W)|(?<=^\W\W\W))start(?=\s++(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d{1,2}\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s++\d)))", re.I)
# A social post's comment line of reactions, with its time: 'May 4 · Like · Reply'.
_REACTIONS = re.compile(r"(?i)[·•]\s*+(?:like|reply|j['’]aime|r[ée]pondre)\b")
# Where a date after 'from' is not the start: applications, interviews, publication.
_NOT_START = re.compile(r"(candidat|apply|applica|submi|closing|deadline|interview|entretien|"
                        r"affichage|posting period|advertising period|inscri|registration|"
                        r"[ée]preuve|exam|test(?:s|ing)?\b|"
                        r"publi(?!c(?!ation))|posted|ouvert|open from|announcement|sift|shortlist|week commencing|review)",
                        re.I)
_NEVER_START = re.compile(r"(sift|shortlist|week commencing|interview|entretien|audition|"
                          r"affichage|publi(?!c(?!ation))|parution|posted|posting)", re.I)
# A period of work: 'du 2 mars au 31 juillet 2028', 'Dates: 5 July to 27 August 2027',
# 'entre le 1er mars et le 31 mai 2027'.
_EVENT = re.compile(r"\b(?:formation|training|induction|s[ée]minaire|réunion|meeting)\b", re.I)
_WINDOW = re.compile(r"\b(?:entre|between)\b", re.I)
# A sentence about the contract or the hiring: its period is the work's, before an event's.
_EMPLOYED = re.compile(r"\b(?:contrat|contract|engag\w*|CDD|employ\w*|embauch\w*|hired|"
                       r"recrut\w*|stage|internship|placement)\b", re.I)
# (a label's words in brackets, 'Season dates (approximate, weather permitting):', or its value
# past a wide gap, 'Contract period       Friday 4 June 2027 to ...'; a bracket opening on the
# period, 'Seasonal / Temporary (June 7 - August 27, 2027)')
_SPAN = re.compile(r"(?:\b(?:du|from|between|entre le|(?:of )?approximately)\s|\b(?:(?:season )?dates?|season(?:al)?|saison|"
                   r"p[ée]riode|term|contract period|period of employment|(?:seasonal |fixed[- ]term )?"
                   r"contract|contrat(?: saisonnier)?)(?:\s*+\([^()\n]{0,60}\))?(?:\s*+:|[ \t]{3,})\s*+"
                   r"|\((?=\s*+(?-i:[A-Z][a-z]{2,8}\.?\s++\d{1,2}|\d{1,2}\s++[A-Za-z]{3,9}\.?)\s*+[-–]))", re.I)


def read_start(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
               lines: list[str], lang: str, order: str | None) -> None:
    """The start of the work: under its label, else after a phrase that names it."""
    for value, snippet in labelled.get("job_start_date", []):
        found = labelled_dates(value, lang, year_default(result))
        if found:
            confidence = 0.9 if found[0].year_given else 0.55
            result.add("job_start_date", as_read(found[0], order), snippet, confidence,
                       date_doubt(found[0], order))
            break
    if not result.get("job_start_date"):
        year = year_default(result)
        for index, line in enumerate(lines):
            match = _START_PHRASE.search(line)
            if not match or match.group(1).lower() == "from" and _NOT_START.search(line) \
                    or _NEVER_START.search(line):
                continue
            after = line[match.start():]
            below = next((text for text in lines[index + 1:index + 3] if text.strip()), "")
            if _REACTIONS.search(below):
                below = ""  # a comment's own time under it: 'May 4 · Like · Reply'
            rest = line[match.end():].strip(" :|")
            # (or a short label of its own words, no colon: 'Début de mission' / '03/05/2027')
            if below and (not rest or ":" not in line and len(line.strip()) <= 30
                          and re.fullmatch(r"[\w' ’]+", rest) and not find_dates(line, lang)):
                # a label alone on its line, its date under it ('Entrée en fonction' / '1er
                # février 2027')
                after = f"{after} {below}"
            found = find_dates(after, lang, year)
            if year is None and not (found and found[0].year_given):
                # ('Start: from Thursday 5 August' under 'Sent: Monday 19 July 2027': the first
                # such day after the mail was written, as a deadline's; none without that day)
                deduced = deduced_year(result, after, lang, written_on(lines, lang))
                found = [deduced] if deduced else []
            if found and _WINDOW.search(after[:found[0].start]):
                continue  # 'Début prévisionnel entre le 30 août et le 6 septembre'
            if found and found[0].start <= 40:
                result.add("job_start_date", as_read(found[0], order), after.strip(),
                           0.7 if found[0].year_given else 0.6, date_doubt(found[0], order))
                break


def _gap(text: str, found: list[FoundDate]) -> int:
    """The length of what stands between two dates, weekdays aside ('du lundi 10 mai au
    vendredi 9 juillet 2027')."""
    return len(WEEKDAYS.sub("", text[found[0].end:found[1].start]))


def span(line: str, lang: str) -> tuple[FoundDate, FoundDate] | None:
    """The first and last day of a period of work a sentence states, the first day's year
    taken from the last's when it is not written (and the year before if it would fall after
    it); None for the dates of applications or interviews."""
    match = _SPAN.search(line)
    if not match or _NOT_START.search(line) \
            or _EVENT.search(line[max(0, match.start() - 40):match.start()]):
        return None  # ('Formation au départ du 11 au 15 janvier': a course before the work)
    if _WINDOW.match(match.group(0)) and _START_PHRASE.search(
            line[max(0, match.start() - 30):match.start()]):
        return None  # 'Début prévisionnel entre le 30 août et le 6 septembre': a window
    rest = line[match.start():match.start() + 120]
    year = next((f.value.year for f in find_dates(rest, lang) if f.year_given), None)
    before = re.search(r"\b(20\d\d)\b[^.\d]{0,30}$", line[max(0, match.start() - 40):match.start()])
    if year is None and before:  # 'la saison 2027, du 1er juin au 31 août'
        year = int(before.group(1))
        found = find_dates(rest, lang, year)
        if len(found) >= 2 and _gap(rest, found) <= 12 \
                and found[0].value < found[1].value:
            return found[0], found[1]
        return None
    found = find_dates(rest, lang, year) if year else []
    bare = re.match(r"\S+\s++(?:le\s++)?([0-3]?\d)(?:er|st|nd|rd|th)?\s++(?:au|to|-|–)\s++(?:le\s++)?$",
                    rest[:found[0].start]) if len(found) == 1 and found[0].year_given else None
    if bare:
        last = found[0]
        try:
            first_day = last.value.replace(day=int(bare.group(1)))
        except ValueError:
            return None
        first = FoundDate(first_day, bare.start(1), bare.end(1), bare.group(1), True)
        return (first, last) if first.value < last.value else None
    if len(found) < 2 or not found[1].year_given or _gap(rest, found) > 12:
        return None
    first, last = found[0], found[1]
    if not first.year_given and first.value > last.value:
        first = find_dates(rest, lang, last.value.year - 1)[0]
    return (first, last) if first.value < last.value else None


def work_span(result: ParsedPosting, lines: list[str], lang: str, order: str | None) -> None:
    """A period of work gives the start, and the duration when none is stated: the period of
    the sentence about the contract first ('engagé par un contrat ... du 3 juillet au 3 août',
    not the trip's 'du 11 juillet au 3 août' before it)."""
    # (a period wrapped over two lines: '... contract, from 1 September 2027 to 31' /
    # 'December 2028.')
    spans: list[tuple[str, tuple[FoundDate, FoundDate]]] = []
    for index, line in enumerate(lines):
        found = span(line, lang)
        if not found and index + 1 < len(lines) and re.search(r"\b(?:\d{1,2}|to|au)\s*$", line):
            line = f"{line.rstrip()} {lines[index + 1].strip()}"
            found = span(line, lang)
        if found:
            spans.append((line, found))
    spans.sort(key=lambda item: not _EMPLOYED.search(item[0]))
    for line, found in spans[:1]:
        first, last = found
        if not result.get("job_start_date"):
            result.add("job_start_date", as_read(first, order), line, 0.7, date_doubt(first, order))
        duration = result.get("duration_months")
        if duration is None or duration.review is not None:
            months = whole_months(first.value, last.value)
            if months and months <= 60:
                result.add("duration_months", months, line, 0.6)
        return
