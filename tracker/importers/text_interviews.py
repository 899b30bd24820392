"""The interviews' dates of a posting's text: under their label, or in a sentence that names
an interview (not a week or a period yet to be set, nor another step of the selection)."""

from __future__ import annotations

import re
from datetime import date

from tracker.importers.base import ParsedPosting
from tracker.importers.dates import find_dates, find_time
from tracker.importers.text_date_common import (
    DEADLINE_PHRASE,
    INTERVIEW,
    WEEKDAYS,
    as_read,
    date_doubt,
    labelled_dates,
    year_default,
)
from tracker.importers.text_deadline import written_on

_HOUR = r"\d{1,2}(?:[:.h]\d{2}|\s*+h\b|\s*+[ap]\.?m\b)"

# Before an interview's date, a week and no day yet: 'la semaine du 6 juillet', 'week of 3 May'
# (and the first day of a period: 'à partir du 10 mai', 'from 3 May': no day set yet)
_WEEK_OF = re.compile(r"(semaines? du|weeks? of|week commencing|week beginning|week starting|w/c|"
                      r"[àa] partir du|d[èe]s le|from|starting)\s*+$", re.I)
# Another step of a selection, before the interview: its dates are not the interview's.
_OTHER_STEP = re.compile(r"\b(test|épreuves?|examen|exam|written|écrit|assessment)", re.I)
# 'entre le 15 et le 19 février', 'between 3 and 7 May': a period, no day set yet (not the
# hours of a day: 'le jeudi 11 mars entre 14 h et 17 h', 'from 9:30 to 16:00').
_BETWEEN = re.compile(r"\b(?:entre|between|du|from)\s++(?:le\s++)?(?!" + _HOUR + r")\S{1,12}\s++"
                      r"(?:\S{1,12}\s++)?(?:\d{4}\s++)?(?:et|and|au|to|-|–)\s", re.I)
# A line that announces a list ('invited to one of our assessment days:'): its items below.
_LIST_OPENS = re.compile(r":\s*+$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_FIELD_LINE = re.compile(r"^[\w'’ /-]{2,30}\s?:\s")
# A line that stops inside a date: 'on Tuesday', 'le mardi 20 et le', '22 or'.
_OPEN_END = re.compile(r"(?i)\b(?:on|le|les|the|du|et|and|or|ou|\d{1,2}|lundi|mardi|mercredi|jeudi|"
                       r"vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|"
                       r"sunday)\s*$")
# The line under a heading that gives its day ('Date: ...', 'When: ...', 'Le 3 mars').
_DAY_LINE = re.compile(r"\W*(?:dates?|when|quand|le|on)\b", re.I)


def read_interviews(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
                    lines: list[str], lang: str, order: str | None) -> None:
    # (an e-mail's sending day gives the year of a day written without one)
    written = written_on(lines, lang)
    default_year = year_default(result) or (written.year if written else None)
    deadline = result.value("valid_through_date")
    seen: set[date] = set()
    texts = [(value, snippet, 0.85) for value, snippet in labelled.get("interview", [])]
    # Running text may name other dates beside an interview's: sure only under a label.
    for index, line in enumerate(lines):
        word = INTERVIEW.search(line)
        if word is None and index + 1 < len(lines):
            # ('... Nous recevrons' / 'les candidats retenus ... les lundi 8 et mardi 9
            # février 2027': the phrase cut by the line's end, read with the next line)
            joined = f"{line.rstrip()} {lines[index + 1].strip()}"
            word = INTERVIEW.search(joined)
            if word is not None and word.start() < len(line.rstrip()):
                line = joined
            else:
                word = None
        if word is None:
            continue
        # 'jusqu'au 10 avril, entretiens la semaine suivante': the dates before the word
        # belong to the deadline's phrase.
        # ('Screening on 16 or 17 February, followed by an interview': a date before the
        # phrase is not the deadline's)
        phrase = DEADLINE_PHRASE.search(line[:word.start()])
        if phrase and not find_dates(line[phrase.end():word.start()], lang, default_year):
            phrase = None
        step = _OTHER_STEP.search(line[:word.start()])  # 'test écrit le 24, puis entretien'
        if _BETWEEN.search(line):
            continue
        if not find_dates(line, lang, default_year) and _LIST_OPENS.search(line):
            # 'invited to one of our assessment days:' and a day on each line below
            for following in lines[index + 1:index + 9]:
                if not find_dates(following, lang, default_year):
                    break
                texts.append((following, following, 0.75))
            continue
        if not find_dates(line, lang, default_year) and len(line) <= 40:
            # a heading ('Walk-in Details', 'Hiring event!') and its 'When:' line under it
            line = next((following for following in lines[index + 1:index + 4]
                         if _DAY_LINE.match(following)
                         or WEEKDAYS.match(following.strip())), line)
        # ('Interviews will take place at our Leeds office on Tuesday' / '22 or Wednesday 23 June
        # 2027.': the sentence goes on to its dates on the next line, up to its end)
        ahead = _SENTENCE_END.split(lines[index + 1].strip())[0] if index + 1 < len(lines) else ""
        tail = line[word.start():]
        open_end = not find_dates(tail, lang, default_year) or _OPEN_END.search(tail)
        # (not a table's row, an e-mail's header or a label's line: each line holds its own)
        # (a deadline's words before the next line's date make it the deadline's; 'or by
        # video' after it does not)
        dated = find_dates(ahead, lang, default_year) if ahead else []
        lead = ahead[:dated[0].start] if dated else ""
        if not dated and ahead and re.search(r"\b\d{1,2}(?:er|st|nd|rd|th)?\s*$", line):
            # ('... à l'atelier le samedi 3' / 'juillet 2027 au matin': a date cut by the line)
            dated = find_dates(f"{line.rstrip()} {ahead}", lang, default_year)
        # (a label's line holds its own value; not a sentence after an aside's colon:
        # 'Kestrel's process is quick: a first video call with me, then interviews with')
        field = _FIELD_LINE.match(line.strip())
        labelled_line = field is not None and word.start() - (len(line) - len(line.lstrip())) < field.end()
        if dated and open_end and not re.search(r"[.!?:;]\s*$", line) and "|" not in line \
                and not _FIELD_LINE.match(ahead) and not labelled_line \
                and not DEADLINE_PHRASE.search(lead):
            line = f"{line.rstrip()} {ahead}"
            # ('... on Tuesday, August 10 and' / 'Wednesday, August 11, 2027.': and on to the
            # sentence's next line while it stops inside its list of days)
            further = index + 2
            while further < min(len(lines), index + 4) and _OPEN_END.search(line) \
                    and not re.search(r"[.!?:;]\s*$", line) and lines[further].strip():
                more = _SENTENCE_END.split(lines[further].strip())[0]
                if not find_dates(more, lang, default_year) or _FIELD_LINE.match(more):
                    break
                line, further = f"{line.rstrip()} {more}", further + 1
        texts.append((line[word.start():] if phrase or step else line, line, 0.75))
    posted = result.value("date_posted")
    for value, snippet, sure in texts:
        label = sure > 0.8  # under a label: a month may be named in the other language
        read = labelled_dates if label else find_dates
        days = read(value, lang, default_year)
        year = next((found.value.year for found in days if found.year_given), None)
        if year and year != default_year:
            days = read(value, lang, year)  # 'May 6 and Monday, May 8, 2028': one year
        for found in days:
            if _WEEK_OF.search(value[max(0, found.start - 20):found.start]):
                continue  # 'la semaine du 6 juillet', 'the week of 22 March': no day yet
            day = as_read(found, order)
            since = posted if isinstance(posted, date) else deadline or written
            if not found.year_given and since and day < since:
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
            result.add("interviews", item, snippet, confidence, date_doubt(found, order))
