"""The share of full time a posting's text states: a quotité, an FTE, a percent beside days a
week or in the header, hours a week against the week of the place, a French executive's days a
year, fifths of a week; none where the text offers a choice of shares or one that changes."""

from __future__ import annotations

import re

from tracker.importers.base import ParsedPosting
from tracker.models.enums import EmploymentType


def around(text: str, match: re.Match[str], width: int = 60) -> str:
    """The line of a match, cut to `width` characters either side of it."""
    start = max(0, text.rfind("\n", 0, match.start()) + 1, match.start() - width)
    end = text.find("\n", match.end())
    end = min(end if end != -1 else len(text), match.end() + width)
    return text[start:end]


_QUOTITE = re.compile(r"\b(?:quotit[ée](?: de travail)?|working time|temps de travail|employment rate|"
                      r"taux d'activit[ée]|t[âa]che(?: compl[èe]te| partielle)?|taux "
                      r"d'occupation)\s*+[:(│|]?\s*+(\d{1,3})\s*+%", re.I)
# 'Quotité de travail : Complet', 'Tâche : complète', 'Working time: full-time': the share
# named in words under its label.
_QUOTITE_WORD = re.compile(r"(?mi)^[^\w\n]*(?:quotit[ée](?: de travail)?|temps de travail|t[âa]che|"
                           r"working time|work schedule|schedule|horaire)\s*+:\s*+(?:[àa]\s++)?"
                           r"(?:(?P<full>complet|compl[èe]te|(?:temps|tps) (?:plein|complet)|full[- ]time|"
                           r"plein)|(?P<half>mi-temps|half[- ]time))\b")
# 'tâche partielle de 30 heures par semaine', 'temps partiel de 28 h': the hours of a part time.
_PART_HOURS = re.compile(r"\b(?:partiel(?:le)?|part[- ]time)\s++(?:de|of)\s++(\d{2}(?:[.,]\d)?)\s*+"
                         r"(?:heures|hours|h)\b", re.I)
# The week a share of which hours make, by the place a French posting names.
_WEEK_BY_PLACE = [(re.compile(r"\bLuxembourg\b"), 40.0), (re.compile(r"\b(Belgique|Bruxelles|"
                  r"Wallonie)\b"), 38.0)]
_CANADA = re.compile(r"\b(Québec|Quebec|Canada|Montréal|Ontario|Nouveau-Brunswick)\b")
# '(three days)' after the hours: the days of a five-day week.
_DAYS_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "un": 1, "deux": 2, "trois": 3,
               "quatre": 4}
_DAYS_AFTER_HOURS = re.compile(r"\(\s*+(one|two|three|four|un|deux|trois|quatre|[1-4])\s++"
                               r"(?:days?|jours?)\s*+\)", re.I)
# Days a week spent somewhere ('2 days a week in our Leeds office'): no share of the week.
_WHERE = re.compile(r"\b(office|on[- ]?site|remote|from home|hybrid|bureau|sur site|"
                    r"t[ée]l[ée]travail|pr[ée]sentiel|campus)\b", re.I)
# A contract's weekly hours without 'a week' ('Contrat saisonnier 35h', 'Horaires : ..., 35 h').
_FULL_HOURS = re.compile(r"(?i:\b(?:contrat|cdd|cdi|horaires?|hebdo\w*)\b)[^\n]{0,100}?"
                         r"(?<![\d,.])(3[5-9])\s?h(?:eures)?(?:\s?[0-5]\d)?\b(?!\s*+[-–]?\s*+\d)"
                         r"|(?<![\d,.])(3[5-9])\s?h(?:eures)?\s++pay[ée]e?s\b")
_FTE = re.compile(r"\b([01](?:[.,]\d{1,2})?)\s*+(?:FTE|WTE|ETP)\b")
# ('FTE: 0.8', a table's 'FTE   0.6 / 24 hrs per week', 'FTE 0.9')
_FTE_LABEL = re.compile(r"\b(?:FTE|WTE|ETP)\s*+:?\s*+([01](?:[.,]\d{1,2})?)(?![\d.,])")
# A French executive's days a year ('forfait jours (218 jours)'): 218 is a full year's.
_FORFAIT = re.compile(r"\bforfait[- ](?:annuel\s++)?(?:en\s++)?jours?\b(?:\s*+(?:\(|de\s++|:)\s*+"
                      r"(?P<days>\d{3})\s*+jours)?", re.I)
# 'Full-time B.E./B.Tech. degree', 'full-time regular Bachelor's': the study's time, not the post's.
_FULL_TIME_STUDY = re.compile(r"\s*+(?:regular\s++)?(?:[\w.'’/()-]+\s++){0,3}?(?:degree|"
                              r"bachelor'?s?|diploma|course|studies|(?-i:B\.|M\.|MBA|PhD))", re.I)
# A share that changes over the contract ('80 % (4 jours) puis temps plein en juin'): none.
_CHANGING = re.compile(r"\d{2}\s*+%[^.\n]{0,60}\b(?:puis|then|ensuite|followed by)\b[^.\n]{0,20}"
                       r"(?:temps (?:plein|complet)|full[- ]time|\d{2,3}\s*+%)", re.I)
_TIME_WORDS = re.compile(r"(jours? par semaine|days? (?:a|per) week|temps partiel|part[- ]time|"
                         r"temps (?:plein|complet)|full[- ]time|working hours|working time|"
                         r"heures de travail|durée du travail|of (?:a )?full[- ]time)", re.I)
# A choice of shares ('Temps plein ou 4/5e', 'Full-time, Job share, Part-time', '80-100%',
# '32-40 hours per week'): the share is not one, none is read.
_FULL_WORDS = re.compile(r"\b((?:temps|tps) (?:plein|complet)|full[-_ ]time)\b", re.I)
_PART_WORDS = re.compile(r"\b(temps partiel|part[- ]time|job share|\d/5e?|mi-temps|half[- ]time)\b",
                         re.I)
_SHARE_RANGE = re.compile(r"\b\d{2,3}\s*+%?\s*+[-–]\s*+\d{2,3}\s*+%|\b(?P<low>\d{2})\s*+(?:[-–]|à|to)\s*+\d{2}\s*+"
                          r"(?:heures|hours)\s*+(?:per|a|par|/)\s*+(?:week|semaine)", re.I)
_DAYS_A_WEEK = re.compile(r"\b([1-4](?:[.,]5)?)\s*+(?:days?\s++(?:a|per)\s++week|jours?\s++par\s++"
                          r"semaine)", re.I)
# The week a part of which is worked: 'full time is 37 hours', 'temps plein : 39 h'.
_FULL_WEEK = re.compile(r"(?:full[- ]time is|full[- ]time equivalent is|temps (?:plein|complet)"
                        r"\s*+(?:=|:|est de))\s*+(\d{2}(?:[.,]\d)?)\s*+(?:hours|heures|h)\b", re.I)
_PERCENT = re.compile(r"(?<![\d,.])(\d{2,3})\s*+%")
_NOT_A_SHARE = re.compile(r"\s*+(?:of\s++)?(?:marks|aggregate|score|cgpa|grade|pension|commission|"
                          r"bonus|travel|remote|discount|des voix|de réussite)", re.I)
# A premium's rate before its percent: 'majorées à 25 %', 'paid at 150%'.
_PREMIUM = re.compile(r"\b(?:major[ée]e?s?|bonifi[ée]e?s?|pay[ée]e?s?|paid|premium|uplift)\s+"
                      r"(?:à|de|at|by)?\s*$", re.I)
# Days off, not days worked: 'Repos : 1,5 jour par semaine', '2 rest days a week'.
_REST = re.compile(r"\b(?:repos|rest|off|cong[ée]s?)\b", re.I)


def _line_above(text: str, match: re.Match[str]) -> str:
    """The line above a match's line (a label whose value the match's line gives)."""
    start = text.rfind("\n", 0, match.start())
    return text[text.rfind("\n", 0, max(start, 0)) + 1:max(start, 0)]


_THIRTY_FIFTHS = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*35(?:e|ème|èmes)?\b")
# A share in fifths of a week: 'à 4/5e', 'un 4/5ème', 'quatre cinquièmes'.
_FIFTHS = re.compile(r"(?<![\d/])([1-4])\s*/\s*5\s*(?:e|ème|èmes|th)\b|\b(un|deux|trois|quatre) "
                     r"cinquièmes?\b", re.I)
# ('Contrat de 24 heures par semaine'; not a shift's length: 'trois nuits de 12 h par semaine')
_WEEKLY_HOURS = re.compile(r"(?<![\d,.])(?<!nuits de )(?<!nuit de )(?<!gardes de )(?<!garde de )"
                           r"(?<!postes de )(?<!journées de )(?<!vacations de )(?<!nights of )"
                           r"(?<!shifts of )(?<!shift of )(?<!days of )(?<!more than )(?<!plus de )"
                           r"(\d{2}(?:[.,]\d{1,2})?)\s*(?:heures|hours|h)"
                           r"(?P<minutes>[0-5]\d)?\s*"
                           r"(?:(?:par|per|a|/)\s*(?:semaine|week|sem)\b|hebdo\w*|weekly)", re.I)
# 'a 39-hour week', '37.5 hour week': hours a week written as the week's own.
_HOUR_WEEK = re.compile(r"(?<![\d,.])(\d{2}(?:[.,]\d)?)[- ]hours?[- ](?:working\s++)?week\b", re.I)
# Hours under a label of working time ('Temps de travail : 35 heures', 'Hours: 37.5', the value
# on the label's next line: 'Durée hebdomadaire' / '35 h'): a week's.
_LABELLED_HOURS = re.compile(r"(?mi)^[^\w\n]*(?:temps de travail|dur[ée]e (?:du travail|hebdomadaire)|"
                             r"hours|working hours|heures)(?:[ \t]*+:\s*+|[ \t]*+\n[ \t]*+)(\d{2}(?:[.,]\d{1,2})?)\s*+"
                             r"(?:heures|hours|hrs|h)?+\b(?!\s*+(?:[-–]|à|to|par jour|a day|per day)"
                             r"\b|[-–:.]?\d)")
# Hours a year (France's full year is 1,607 hours): '1 607 heures annualisées'.
_YEARLY_HOURS = re.compile(r"(?<![\d.,])(?<!\d\s)(1[\s\u00a0\u202f.]?[0-9]{3})\s*+heures\s++(?:annualis[ée]es|"
                           r"par an|annuelles)", re.I)
# A working day's span on a full week's days: '9am–5pm, Monday to Friday', 'du lundi au vendredi,
# 9h-17h'. Seven hours or more a day, five days: full time.
_DAY_SPAN = re.compile(r"\b(\d{1,2})(?:[:.h](\d{2}))?\s*+(am|h)?\s*+[-–]\s*+(\d{1,2})(?:[:.h](\d{2}))?"
                       r"\s*+(pm|h)\b", re.I)
_WEEKDAYS = re.compile(r"\b(?:monday to friday|mon(?:day)?\s*+[-–]\s*+fri(?:day)?|du lundi au "
                       r"vendredi)\b", re.I)
# A line about the post's own hours, not an office's opening times ('Permanence ... 9h – 17h').
_WORKING = re.compile(r"\b(?:hours|horaires?|work\w*|travail\w*|shifts?)\b", re.I)
# Where English postings follow the NHS's week of 37.5 hours (Agenda for Change, 'WTE').
_NHS_WEEK = re.compile(r"\b(?:NHS|WTE|Agenda for Change)\b")
_MONEY_SIGN = re.compile(r"[€$£]|\beuros?\b|salaire|salary|\bpay\b", re.I)


def _share_of_hours(text: str, hours: re.Match[str], lang: str) -> int | None:
    """Hours a week as a share of the full week: the words beside them first ('mi-temps (20
    heures)', 'temps plein (24 heures d'enseignement)'), then the days they are spread over
    ('22.5 hours per week (three days)'), then the week of the place (35 hours in France, 40
    in Luxembourg); where the full week varies (English postings, Canada), 35 hours or more
    are full time and fewer a share only when they are a plain quarter of 40 ('20 hours')."""
    line = _FULL_WEEK.sub("", around(text, hours, 80))  # not 'full time is 37 hours'
    if _FULL_WORDS.search(line) or re.search(r"t[âa]che compl[èe]te", line, re.I):
        return 100
    if re.search(r"\b(mi-temps|half[- ]time)\b", line, re.I):
        return 50
    days = _DAYS_AFTER_HOURS.search(line)
    if days:
        count = days.group(1).lower()
        return (int(count) if count.isdigit() else _DAYS_WORDS[count]) * 20
    full_week = _FULL_WEEK.search(text)
    count = float(hours.group(1).replace(",", "."))
    if hours.re is _WEEKLY_HOURS and hours["minutes"]:
        count += int(hours["minutes"]) / 60  # '17h30 hebdomadaires'
    if full_week:
        week = float(full_week.group(1).replace(",", "."))
    elif lang == "fr" and not _CANADA.search(text):
        week = next((w for pattern, w in _WEEK_BY_PLACE if pattern.search(text)), 35.0)
    elif _NHS_WEEK.search(text):
        week = 37.5
    else:  # a week of 35 to 40 hours: full time past 35, a plain quarter of 40 below
        share = 100 if count >= 35 else round(count * 100 / 40)
        return share if count >= 35 or share in (25, 50, 75) and share * 40 == count * 100 \
            else None
    share = 100 if count >= min(week, 35) else round(count * 100 / week)
    return share if 1 <= share <= 100 else None


def _choice(line: str, text: str) -> bool:
    """Whether a line offers a choice of shares ('Temps plein ou 4/5e', '80-100%') or one that
    changes. A range of hours a week is no choice when its least is a full week already ('40 to
    60 hours per week') or when the text states full time and nowhere part time (Job Bank's '30
    to 40 hours per week' under 'Full time'): the hours vary, the post is full time."""
    if _FULL_WORDS.search(line) and _PART_WORDS.search(line) or _CHANGING.search(line):
        return True
    share_range = _SHARE_RANGE.search(line)
    if not share_range:
        return False
    low = share_range["low"]
    return not (low and (int(low) >= 35 or bool(_FULL_WORDS.search(text))
                         and not _PART_WORDS.search(text)))


def _full_days(text: str) -> re.Match[str] | None:
    """A day of seven hours or more on the five working days ('9am–5pm, Monday to Friday')."""
    for line in text.split("\n"):
        if not _WEEKDAYS.search(line) or not _WORKING.search(line):
            continue
        for span in _DAY_SPAN.finditer(line):
            start = int(span.group(1)) + int(span.group(2) or 0) / 60
            end = int(span.group(4)) + int(span.group(5) or 0) / 60
            if (span.group(6) or "").lower() == "pm" and end < 12:
                end += 12
            if 7 <= end - start <= 10:
                return span
    return None


def read_working_time(result: ParsedPosting, text: str, lang: str) -> None:
    """The share of full time: a quotité, an FTE, a percent beside days a week or in the
    header ('— 50 %'), 28/35e, hours a week (35 or more is full time; fewer, a share of 35
    hours in French, of 40 in English; not for volunteering), else 'full time' or 'half time'."""
    if any(_choice(line, text) for line in text.split("\n")):
        return  # a choice of shares, or one that changes
    quotite = _QUOTITE.search(text)
    if quotite and 1 <= int(quotite.group(1)) <= 100:
        result.add("working_time_percent", int(quotite.group(1)), around(text, quotite), 0.95)
        return
    word = _QUOTITE_WORD.search(text)
    if word:
        result.add("working_time_percent", 100 if word["full"] else 50, around(text, word), 0.85)
        return
    fte = _FTE.search(text) or _FTE_LABEL.search(text)
    if fte:
        share = round(float(fte.group(1).replace(",", ".")) * 100)
        if 1 <= share <= 100:
            result.add("working_time_percent", share, around(text, fte), 0.85)
            return
    lines = text.split("\n")
    heading = [line for line in lines if line.strip()][:5]
    for line in (part for whole in lines for part in re.split(r"(?<=[.!?])\s+", whole)):
        percent = _PERCENT.search(line)
        if percent and (_NOT_A_SHARE.match(line, percent.end())
                        or _PREMIUM.search(line[:percent.start()])):
            # 'minimum 60% marks', '7 % pension', 'heures supplémentaires majorées à 25 %': a
            # share of something else
            continue
        if percent and not _MONEY_SIGN.search(line) and 1 <= int(percent.group(1)) <= 100 and (
                _TIME_WORDS.search(line) or line in heading and len(line) <= 80):
            result.add("working_time_percent", int(percent.group(1)), line, 0.7)
            return
    fifths = _THIRTY_FIFTHS.search(text)
    if fifths and 1 <= int(fifths.group(1)) <= 35:
        result.add("working_time_percent", round(int(fifths.group(1)) * 100 / 35),
                   around(text, fifths), 0.75)
        return
    fifth = _FIFTHS.search(text)
    if fifth:
        count = int(fifth.group(1)) if fifth.group(1) else \
            ["un", "deux", "trois", "quatre"].index(fifth.group(2).lower()) + 1
        result.add("working_time_percent", count * 20, around(text, fifth), 0.75)
        return
    # (not where the days are worked, under a label of its own too: 'Télétravail possible' over
    # 'Oui (1 jour par semaine)'; nor days of rest: 'Repos : 1,5 jour par semaine')
    days = next((found for found in _DAYS_A_WEEK.finditer(text)
                 if not _WHERE.search(around(text, found, 40) + "\n" + _line_above(text, found))
                 and not _REST.search(around(text, found, 40))), None)
    if days:
        share = round(float(days.group(1).replace(",", ".")) * 20)
        result.add("working_time_percent", share, around(text, days), 0.6)
        return
    hours = _WEEKLY_HOURS.search(text) or _PART_HOURS.search(text) or _HOUR_WEEK.search(text) \
        or _LABELLED_HOURS.search(text)
    if hours and result.value("employment_type") is not EmploymentType.VOLUNTEER:
        of_hours = _share_of_hours(text, hours, lang)
        if of_hours is not None:
            result.add("working_time_percent", of_hours, around(text, hours), 0.6)
            return
    yearly_hours = _YEARLY_HOURS.search(text) if lang == "fr" else None
    if yearly_hours:
        share = round(int(re.sub(r"\D", "", yearly_hours.group(1))) * 100 / 1607)
        if 1 <= share <= 100:
            result.add("working_time_percent", share, around(text, yearly_hours), 0.6)
            return
    full_hours = _FULL_HOURS.search(text) if lang == "fr" else None
    if full_hours:
        result.add("working_time_percent", 100, around(text, full_hours), 0.6)
        return
    forfait = _FORFAIT.search(text)
    if forfait:
        yearly = int(forfait["days"]) if forfait["days"] else 218
        if 100 <= yearly <= 218:
            result.add("working_time_percent", round(yearly * 100 / 218), around(text, forfait),
                       0.6)
            return
    full = next((match for match in re.finditer(r"\b((?:temps|tps) (?:plein|complet)|full[-_ ]time)\b",
                                                text, re.I)
                 if not _FULL_TIME_STUDY.match(text, match.end())), None)
    if full:
        result.add("working_time_percent", 100, around(text, full), 0.75)
        return
    span = _full_days(text)
    if span:
        result.add("working_time_percent", 100, around(text, span), 0.6)
        return
    half = re.search(r"\b(mi-temps|half[- ]time)\b", text, re.I)
    if half:
        result.add("working_time_percent", 50, around(text, half), 0.7)
