"""The deadline of a posting's text: its date after a phrase that names it (or a period of
applications' last day, or a number of days after publication), its time and zone."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tracker.importers.base import ParsedPosting
from tracker.importers.dates import FoundDate, find_dates, find_time, find_zone
from tracker.importers.text_date_common import (
    DEADLINE_PHRASE,
    INTERVIEW,
    as_read,
    date_doubt,
    labelled_dates,
)

_STRONG = re.compile(r"(date limite|d[ée]lai\s*+:|cut[- ]off date|date butoir|"
                     r"fin de (?:publication|diffusion)|expiry date|expiration date|date d['’]expiration|closing date|close date|deadline|expire le|expires on|"
                     r"(?:remain )?open until(?! filled)|(?:advert|posting|listing) closes|"
                     r"(?:retour|réception|remise|dépôt|envoi) des (?:candidatures|dossiers)|d[ée]lai de postulation|"
                     r"d[ée]lai d'inscription|fin d'affichage|date de cl[ôo]ture|valable jusqu|last date to "
                     r"apply|applications? due|dernier délai|"
                     # a board's line: 'valid until: 19.05.2027', 'Advertised until: ...',
                     # 'Closes in 12 days (Sunday ...)', 'This posting will close on ...'
                     r"(?:valid|advertised|posted|open) (?:until|through)\b|^\W*closes\b|"
                     r"(?:advert\w*|posting|listing|vacancy|position|competition|applications?)"
                     r"\s++will\s++close)", re.I)
_RANGE = re.compile(r"\b(?:du|from|between)\s", re.I)
_APPLY_WORDS = re.compile(
    r"(candidat|cv\b|lettre|envoy|adress|postul|dossier|apply|applica|submi|send|closing|resumes?\b|"
    r"r[ée]sum[ée]s?\b|"
    r"affichage|posting period|advertising period|advert|annonce|publication|parution|diffusion|announcement is open|"
    r"deadline|date limite|clôtur|clotur|vacanc|inscri|repl(?:y|ies)|réponse|r[ée]pond(?:ez|re))", re.I)


_SENT = re.compile(r"^[>\s]*+(?:date|envoy[ée]|sent|le)\s*+:\s*+", re.I)


def written_on(lines: list[str], lang: str) -> date | None:
    """The day a forwarded e-mail was sent ('Date : 22/04/2027 08:51', 'Envoyé : lundi 4
    janvier 2027'): its first header's, the latest of them (a year-less date is after it)."""
    days = []
    for line in lines[:40]:
        match = _SENT.match(line)
        # (a header written by an English mail client above a French text: 'Date: Tue, 21 Sep
        # 2027 08:15:03 +0200')
        found = (find_dates(line[match.end():match.end() + 40], lang) or find_dates(
            line[match.end():match.end() + 40], "en" if lang == "fr" else "fr")) if match else []
        if found and found[0].year_given and found[0].start <= 12:
            days.append(found[0].value)
    return max(days) if days else None


def deduced_year(result: ParsedPosting, value: str, lang: str,
                  written: date | None = None, years: tuple[int, ...] = ()) -> FoundDate | None:
    """A deadline written without its year ('avant le 20 octobre'): the first such day on
    or after the date of publication; without one, the last such day before the start of
    the work; without either, the year of all the text's dates when they share one; else
    none (no year is guessed)."""
    posted, start = result.value("date_posted"), result.value("job_start_date")
    posted = posted if isinstance(posted, date) else written
    anchor = posted if isinstance(posted, date) else start if isinstance(start, date) else None
    if anchor is None:  # ('avant le 10 juin' and 'Entretiens le samedi 12 juin 2027': the one
        # year every date of the text is written in)
        found = find_dates(value, lang, years[0]) if len(years) == 1 else []
        return found[0] if found and not found[0].year_given else None
    step = 1 if anchor is posted else -1
    found = find_dates(value, lang, anchor.year)
    if not found or found[0].year_given:
        return None
    first = found[0]
    if (first.value - anchor) * step < timedelta(0):
        other = find_dates(value, lang, anchor.year + step)
        first = other[0] if other else first
    gap = (first.value - anchor) * step
    return first if timedelta(0) <= gap <= timedelta(days=366) else None



_REVIEW = re.compile(r"\b(?:review of applications|applications? (?:will be )?review|"
                     r"(?:first|initial) (?:review|screening)|screening date|review (?:will )?"
                     r"begins?|(?:examen|étude) des candidatures (?:commencera|débutera))", re.I)
_UNTIL_FILLED = re.compile(r"\buntil (?:the (?:position|post|job|vacancy) is )?filled\b|"
                           r"\b(?:open|closing date)\s*+:?\s*+(?:until filled|continuous)|"
                           r"jusqu'à ce que le poste soit pourvu|jusqu'à pourvoi", re.I)


# A deadline said to be none: 'Deadline: None (rolling)', 'Date limite : aucune'.
_NO_DEADLINE = re.compile(r"\s*[:|-]?\s*(?:none|rolling|ongoing|open|n/a|aucune|continuous|"
                          r"sans objet)\b", re.I)
# A date written year first with slashes or dots ('2027/02/08', Canada's Job Bank): always
# year, month, day, as ISO writes it.
_YEAR_FIRST = re.compile(r"\b((?:19|20)\d\d)[/.](0[1-9]|1[0-2])[/.]([0-2]\d|3[01])\b")


def _sentence_before(lines: list[str], index: int) -> str:
    """The lines of a sentence before the line at `index`, up to three, back to the end of the
    one before it."""
    before: list[str] = []
    for back in range(index - 1, max(index - 4, -1), -1):
        if not lines[back].strip() or re.search(r"[.!?:]\s*$", lines[back]):
            break
        before.insert(0, lines[back])
    return " ".join(before)


def read_deadline(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
              lines: list[str], lang: str, order: str | None) -> None:
    # (value, snippet, confidence, under a label: a month may be named in the other language)
    until_filled = any(_UNTIL_FILLED.search(line) for line in lines)
    candidates = [(value, snippet, 0.9, True) for value, snippet in labelled.get("deadline", [])
                  if not (until_filled and _REVIEW.search(value))]
    for index, line in enumerate(lines):
        if until_filled and _REVIEW.search(line):
            continue  # 'Review of applications will begin on 1 February ... until filled'
        match = DEADLINE_PHRASE.search(line)
        ahead = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if ahead and not line.rstrip().endswith((".", "!", "?", ":")):
            # a phrase wrapped over two lines ('... à 12 h au plus' / 'tard, par courrier')
            joined = DEADLINE_PHRASE.search(f"{line.rstrip()} {ahead}")
            if joined and joined.start() < len(line.rstrip()) and joined.end() > len(line.rstrip()) \
                    and (match is None or match.start() > joined.start()):
                line, match = f"{line.rstrip()} {ahead}", joined
        interview = INTERVIEW.search(line)
        if interview and match and interview.start() > match.start():
            line = line[:interview.start()]  # 'jusqu'au 10 avril, entretiens la semaine...'
            interview = None
        # the words about applying may open the sentence on the line before, wrapped
        # ('Applications ... should be sent to⏎x@y no later than Friday, June 11, 2027')
        # (up to three lines back, to where the sentence opens: 'Interested candidates should
        # submit ...' / '... hand-delivered to the office' / '..., not later than Friday ...')
        before = _sentence_before(lines, index)
        if match and (_APPLY_WORDS.search(line) or _STRONG.search(line) or _APPLY_WORDS.search(
                before) and not INTERVIEW.search(before)) and not interview:
            rest = line[match.start():]
            if match.group(1).lower() in ("au plus tard", "at the latest", "dernier délai",
                                          "délai de rigueur"):
                rest = line  # 'pour le 1er avril 2027 au plus tard': the date is before
            # the date on the next line when this one has none, not even without its year
            # (not a review date's: 'Closing Date: Continuous' / 'Initial screening date: ...')
            if _NO_DEADLINE.match(line[match.end():]):
                continue  # 'Application Deadline: None (rolling)': the next line is another's
            bare = find_dates(rest, lang, 2000)
            # (or its date wrapped before its year: 'au plus tard le vendredi 9 avril⏎2027',
            # 'by Friday, August 6,⏎2027 at 12 p.m. PT')
            wrapped = bool(bare) and not bare[-1].year_given and not rest[bare[-1].end:].strip(" ,") \
                and bool(re.match(r"\s*(?:19|20)\d\d\b", lines[index + 1] if index + 1 < len(
                    lines) else ""))
            # (or its time: '... not later than Friday 14th May 2027 at' / '5:00pm (EAT).')
            wrapped = wrapped or bool(bare) and bool(re.search(r"\b(?:at|à|by|before|avant)\s*$", rest))
            # (or the date ends its line and the time opens the next: '... le vendredi 21 mai
            # 2027' / 'à 17 h, de préférence par courriel')
            wrapped = wrapped or bool(bare) and not rest[bare[-1].end:].strip(" ,") and bool(
                re.match(r"\s*(?:à|at|by|before|avant)?\s*\d{1,2}\s*(?:h\b|[:.]\d\d|[ap]\.?m\b)",
                         lines[index + 1] if index + 1 < len(lines) else "", re.I))
            if (not bare or wrapped) and index + 1 < len(lines) \
                    and not (until_filled and _REVIEW.search(lines[index + 1])):
                rest = f"{rest} {lines[index + 1]}"
            rest = _pair_end(rest, lang) or rest  # 'Open & closing dates 01/05 to 01/19
            weak = match.group(1).lower() in ("by", "until", "before", "through")
            candidates.append((rest, line.strip(), 0.7 if weak else 0.85, False))
        elif _APPLY_WORDS.search(line) and not interview:
            end = _range_end(line, lang)
            if end is not None:
                candidates.append((end, line.strip(), 0.8, False))
    # The plainest words first: 'closing date' before a 'by' that may be another date's.
    candidates.sort(key=lambda item: -item[2])
    chosen: tuple[date, bool] | None = None
    for value, snippet, confidence, label in candidates:
        value = _YEAR_FIRST.sub(r"\1-\2-\3", value)
        found = labelled_dates(value, lang) if label else find_dates(value, lang)
        if not found:
            continue
        first = found[0]
        doubt = date_doubt(first, order)
        # a date read by the place's habit gives way to one written plainly
        weak = doubt is not None or first.ambiguous and order is not None and order[-1] == "?"
        if chosen is None or (chosen[1] and not weak):
            if chosen is not None:  # the plain date replaces the guessed one
                result.replace("valid_through_date", "valid_through_time")
            result.add("valid_through_date", as_read(first, order), snippet, confidence, doubt)
            chosen = (as_read(first, order), weak)
        if not chosen[1] and as_read(first, order) != chosen[0]:
            continue
        _clock(result, value, first, snippet, confidence, lang)
    if chosen is not None:
        _closing_time(result, lines)
        return
    if _days_after_posting(result, lines):
        return
    written = written_on(lines, lang)
    years = tuple({found.value.year for line in lines for found in find_dates(line, lang)
                   if found.year_given})
    for value, snippet, confidence, _ in candidates:  # no year written: deduced, a guess
        deduced = deduced_year(result, value, lang, written, years)
        if deduced is not None:
            sure = 0.75 if result.value("date_posted") or written else 0.6
            result.add("valid_through_date", deduced.value, snippet, min(confidence, sure))
            _clock(result, value, deduced, snippet, min(confidence, sure), lang)
            return


_NUMBER_WORDS = {"cinq": 5, "five": 5, "sept": 7, "seven": 7, "huit": 8, "eight": 8, "dix": 10,
                 "ten": 10, "quinze": 15, "fifteen": 15, "fourteen": 14, "quatorze": 14,
                 "vingt": 20, "twenty": 20, "trente": 30, "thirty": 30, "twenty-one": 21,
                 "vingt et un": 21}
# 'dans un délai de dix jours à compter de la publication du présent avis', 'within 14 days of
# the date of this advertisement': the deadline counted from the day of publication.
_DAYS_AFTER = re.compile(
    r"\b(?:dans un d[ée]lai de|dans les|within|sous)\s++(?P<n>\d{1,2}|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) +
    r")\s++(?:\(\d{1,2}\)\s++)?(?:jours?|days?)\b(?:\s++(?:calendaires|ouvrables|francs))?"
    r"\s++(?:à compter de|à partir de|suivant|après|of|from|after)\s++(?:la\s++|the\s++)?"
    r"(?:date\s++(?:de\s++|of\s++)?)?(?:la\s++|the\s++)?(?:publication|parution|"
    r"pr[ée]sent avis|this (?:advert\w*|notice|announcement)|advert\w*)", re.I)

# '... from the date of publication of this circular in the Employment News', '... de la
# parution au Journal officiel': another medium's day, not the posting's.
_ELSEWHERE = re.compile(r"[^.;]{0,40}?\b(?:in|dans|au|à)\s++(?:the\s++|le\s++|la\s++|l['’])?"
                        r"(?:[A-Z]\w+\s++(?:News|Gazette|Times|Journal)|journal officiel|gazette"
                        r"|newspapers?|journaux|presse|bulletin officiel|recueil)", re.I)


def _days_after_posting(result: ParsedPosting, lines: list[str]) -> bool:
    posted = result.value("date_posted")
    if not isinstance(posted, date):
        return False
    for line in lines:
        match = _DAYS_AFTER.search(line)
        if match and _ELSEWHERE.match(line, match.end()):
            return False  # counted from a publication elsewhere, on a day the text does not give
        if match:
            n = match["n"].lower()
            days = int(n) if n.isdigit() else _NUMBER_WORDS[n]
            result.add("valid_through_date", posted + timedelta(days=days), line, 0.6)
            return True
    return False


def _pair_end(text: str, lang: str) -> str | None:
    """'01/05/2027 to 01/19/2027', 'du 3 janvier 2027 au 10 février 2027': the text from the
    second date of a pair that opens and closes a period."""
    found = find_dates(text[:160], lang)
    if len(found) >= 2 and re.fullmatch(r"\s*+(?:to|au|through|until|-|–|—|jusqu'au)\s*+",
                                        text[found[0].end:found[1].start], re.I):
        return text[found[1].start:]
    return None


def _range_end(line: str, lang: str) -> str | None:
    """'du 20 février au 26 mars 2028', 'du 1er au 15 mars 2027': the text from the day that
    closes a period of applications."""
    found = _RANGE.search(line)
    if found is None:
        return None
    rest = line[found.start():]
    dates = find_dates(rest, lang)
    year = next((f.value.year for f in dates if f.year_given), None)
    if year and len(find_dates(rest, lang, year)) >= 2:
        return rest[find_dates(rest, lang, year)[1].start:]
    bare = re.match(r"\w+\s++(?:le\s++)?\d{1,2}(?:er|st|nd|rd|th)?\s++(?:au|to|-|–)\s++"
                    r"(?:le\s++)?", rest, re.I)
    if bare and dates and dates[0].start == bare.end():
        return rest[bare.end():]
    return None


_ON_CLOSING = re.compile(r"\b(?:on|by) the (?:closing|last) (?:date|day)\b|\bà la date (?:de "
                         r"clôture|limite)\b|\ble jour de la clôture\b", re.I)


def _closing_time(result: ParsedPosting, lines: list[str]) -> None:
    """'by 11:59 pm ET on the closing date': a time a sentence gives the deadline it names."""
    deadline = result.get("valid_through_date")
    if result.get("valid_through_time") or deadline is None:
        return
    for index, line in enumerate(lines):
        if _ON_CLOSING.search(line):
            # ('by 11:59 p.m. Eastern Time on...': cut after 'p.m.' into two sentences)
            clock = find_time(line) or (find_time(lines[index - 1][-30:]) if index else None)
            if clock:
                result.add("valid_through_time", clock[0], line, min(deadline.confidence, 0.75))
                return


def _clock(result: ParsedPosting, value: str, first: FoundDate, snippet: str,
           confidence: float, lang: str) -> None:
    """The time and zone written beside the deadline's date."""
    after = value[first.end:] if first.end <= len(value) else ""
    after = re.split(r"\s(?:à l['’]adresse|to|à|at)\s+\S+@", after)[0]
    clock = find_time(after[:40]) or find_time(value[max(0, first.start - 40):first.start])
    if clock and not result.get("valid_through_time"):
        result.add("valid_through_time", clock[0], snippet, confidence)
    zone = find_zone(value, lang)
    if zone and not result.get("timezone"):
        result.add("timezone", zone[0], snippet, confidence)
