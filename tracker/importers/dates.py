"""Dates in posting text, read in the posting's language only: numeric day-first (13/05/2024,
13.05.24), ISO (2024-05-13), and month names ('3 juin 2024', '1er juin', '28 August 2022',
'August 5, 2025', '7th December 2025'). Month names come from the CLDR data Babel ships, for
the one language of the posting, so that the date reader never guesses across languages."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, time
from functools import cache, lru_cache

from babel.dates import get_month_names


@dataclass(frozen=True)
class FoundDate:
    value: date
    start: int
    end: int
    text: str
    year_given: bool
    ambiguous: bool = False  # a numeric date that reads both day-first and month-first


def _unaccented(char: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))


# Latin letters with accents -> without (a translation table is 20 times faster than NFKD).
_UNACCENT = {code: _unaccented(chr(code)) for code in range(0xC0, 0x250)
             if _unaccented(chr(code)) != chr(code)}


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower case without accents: 'Décembre' -> 'decembre'."""
    lowered = text.lower()
    return lowered if lowered.isascii() else lowered.translate(_UNACCENT)


@cache
def month_table(language: str) -> dict[str, int]:
    """Every spelling of every month in `language` (wide and abbreviated, format and
    stand-alone, with and without accents and final dot) -> month number."""
    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale=language).items():
                for spelling in {name.lower(), fold(name)}:
                    names[spelling.rstrip(".")] = number
    if language == "en":
        names["sept"] = 9
    return names


_WEEKDAY = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|"
            r"jeudi|vendredi|samedi|dimanche)")


def _more_days(match: re.Match[str]) -> list[int]:
    """The other days a date names ('18, 19 et 20 mai': 19 and 20)."""
    listed = match["days"]
    return [int(day) for day in re.findall(r"(?<![\d])[0-3]?\d(?!\d)", listed)] if listed else []


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], ...]:
    """A month name ends a word ('3 junior' is no 3 June); spaces are possessive, so that a
    run of them is crossed once."""
    months = "|".join(sorted((re.escape(n) for n in month_table(language)), key=len,
                             reverse=True))
    ordinal = r"(?:er|re|e|st|nd|rd|th)?"
    # more days of the same month: '18, 19 et 20 mai', 'le jeudi 6 ou le vendredi 7 mai',
    # 'March 23 and 24' (commas only in a list that a conjunction closes)
    another = rf"(?:le\s++)?(?:{_WEEKDAY}\s++)?[0-3]?\d{ordinal}"
    days = (rf"(?P<days>(?:\s*+,\s*+{another}){{0,4}}\s++(?:or|ou|and|et|&|-|–)\s++"
            rf"{another})?")
    day_first = re.compile(
        rf"\b(?P<day>[0-3]?\d){ordinal}{days}"
        rf"\s++(?:of\s++)?(?P<month>{months})\b\.?"
        rf"(?:,?\s++(?P<year>(?:19|20)\d\d\b|'?\d\d(?![\d:h])))?",
        re.IGNORECASE)
    month_first = re.compile(
        rf"\b(?P<month>{months})\b\.?\s++(?P<day>[0-3]?\d){ordinal}\b{days}\b"
        rf"(?:,?\s++(?P<year>(?:19|20)\d\d)\b)?(?![:.,]?\d)",
        re.IGNORECASE)
    # '06-Apr-2027', '19-Jan-27': day, month name and year joined by hyphens.
    dashed = re.compile(rf"\b(?P<day>[0-3]?\d)-(?P<month>{months})-(?P<year>(?:19|20)?\d\d)\b",
                        re.IGNORECASE)
    numeric = re.compile(
        r"(?<![\d/.-])(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<year>\d{4}|\d{2})(?![\d/-]|\.\d)")
    iso = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
    return day_first, month_first, numeric, iso, dashed


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:  # two-digit years: 24 -> 2024, 98 -> 1998
        value += 2000 if value < 70 else 1900
    return value


def _add_days(found: list[FoundDate], match: re.Match[str], year: int, month: int,
              year_given: bool) -> None:
    """'15 or 16 September', 'les 18, 19 et 20 mai': each further day, after the first."""
    if not found or found[-1].start != match.start():
        return  # the first day was not taken
    for day in _more_days(match):
        try:
            value = date(year, month, day)
        except ValueError:
            continue
        found.append(FoundDate(value, match.start(), match.end(), match.group(0), year_given))


def find_dates(text: str, language: str, default_year: int | None = None) -> list[FoundDate]:
    """Every date in `text`, in order. A date without a year takes `default_year` (and says
    so); without one it is skipped. Numeric dates are day-first in French; in English a
    numeric date that reads both ways is marked ambiguous."""
    day_first, month_first, numeric, iso, dashed = _patterns(language)
    months = month_table(language)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(value_of: tuple[int, int, int], match: re.Match[str], year_given: bool,
            ambiguous: bool = False) -> None:
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            return
        year, month, day = value_of
        try:
            value = date(year, month, day)
        except ValueError:
            return
        taken.append((start, end))
        found.append(FoundDate(value, start, end, match.group(0), year_given, ambiguous))

    for match in iso.finditer(text):
        add((int(match["year"]), int(match["month"]), int(match["day"])), match, True)
    for match in dashed.finditer(text):
        add((_year(match["year"]), months[fold(match["month"]).rstrip(".")], int(match["day"])),
            match, True)
    for match in month_first.finditer(text):
        # Without its year, 'October 31' is a date only in English, its month capitalised
        # ('may 3' is no date), and only when the year can be deduced.
        if match["year"] is None and (default_year is None or language != "en"
                                      or not match["month"][0].isupper()):
            continue
        year_value = int(match["year"]) if match["year"] else default_year or 0
        month = months[fold(match["month"]).rstrip(".")]
        add((year_value, month, int(match["day"])), match, match["year"] is not None)
        _add_days(found, match, year_value, month, match["year"] is not None)
    for match in day_first.finditer(text):
        year = match["year"]
        if year is None and default_year is None:
            continue
        month = months[fold(match["month"]).rstrip(".")]
        year_value = _year(year.lstrip("'")) if year else default_year or 0
        add((year_value, month, int(match["day"])), match, year is not None)
        _add_days(found, match, year_value, month, year is not None)
    for match in numeric.finditer(text):
        a, b, year = int(match["a"]), int(match["b"]), _year(match["year"])
        dotted = "." in match.group(0)  # 20.01.2027: day first wherever dots are written
        if language == "fr" or a > 12 or dotted:
            add((year, b, a), match, True)
        elif b > 12:
            add((year, a, b), match, True)
        else:
            add((year, b, a), match, True, ambiguous=a != b)
    if default_year is not None:
        # a day and month in figures with no year ('avant le 22/01', 'Friday 1/15'): only
        # after a word that introduces a day, and only when the year can be deduced
        for match in _SHORT_NUMERIC.finditer(text):
            a, b = int(match["a"]), int(match["b"])
            if language == "fr" or a > 12:
                add((default_year, b, a), match, False)
            elif b > 12:
                add((default_year, a, b), match, False)
            else:
                add((default_year, b, a), match, False, ambiguous=a != b)
    found.sort(key=lambda d: d.start)
    return found


_SHORT_NUMERIC = re.compile(
    # (or opening a labelled value: 'Candidature avant le : 22/01')
    rf"(?:^\s*+|\b(?:le|the|on|by|au|until|before|du|{_WEEKDAY}),?\s++)(?P<a>[0-3]?\d)/(?P<b>[01]?\d)"
    r"(?![\d/.-])", re.I)


_TIME = re.compile(
    r"(?:\bat\s+|\bà\s+|\b)(?P<h>[01]?\d|2[0-3])(?:(?:[:.]|\s?h\s?|\s?heures?\s++(?:et\s++)?)"
    r"(?P<m>[0-5]\d)(?:\s?minutes?\b)?(?::[0-5]\d)?"
    r"|\s?heures?\b|h|\sh\b|\s*(?P<ampm>[ap]\.?m\.?))"
    r"(?:\s*(?P<ampm2>[ap]\.?m\.?))?(?![\d/])",
    re.IGNORECASE)
_NOON = re.compile(r"\b(midi|noon|midday)\b", re.IGNORECASE)
_MIDNIGHT = re.compile(r"\b(minuit|midnight)\b", re.IGNORECASE)


def find_time(text: str) -> tuple[time, str] | None:
    """A wall-clock time in `text` ('23:59', '12h', '12h00', '5pm', 'midi', 'midnight')."""
    match = _TIME.search(text)
    if match:
        hour, minute = int(match["h"]), int(match["m"] or 0)
        ampm = (match["ampm"] or match["ampm2"] or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        return time(hour, minute), match.group(0).strip()
    if _NOON.search(text):
        return time(12, 0), _NOON.search(text).group(0)  # type: ignore[union-attr]
    if _MIDNIGHT.search(text):
        return time(23, 59), _MIDNIGHT.search(text).group(0)  # type: ignore[union-attr]
    return None


# Zones people write right after a time ('23:59 BST', '12h (heure de Paris)'), to IANA zones.
# Names in words are read in any case; abbreviations only in upper case, and only those of the
# posting's language: 'est' is French for 'is' ('la date limite est le 13/05/2024').
ZONE_NAMES = {
    "heure de paris": "Europe/Paris", "heure française": "Europe/Paris",
    "heure francaise": "Europe/Paris", "paris time": "Europe/Paris",
    "uk time": "Europe/London", "london time": "Europe/London",
    "new york time": "America/New_York", "eastern time": "America/New_York",
    "eastern": "America/New_York", "pacific": "America/Los_Angeles",
    "heure de l'est": "America/Toronto", "heure de l’est": "America/Toronto",
    "heure du québec": "America/Toronto", "heure de montréal": "America/Toronto",
    "heure normale de l'est": "America/Toronto", "pacific time": "America/Los_Angeles",
    "heure du pacifique": "America/Vancouver", "heure des rocheuses": "America/Edmonton",
    "heure du centre": "America/Winnipeg", "heure de l'atlantique": "America/Halifax",
    "central time": "America/Chicago", "mountain time": "America/Denver",
    "geneva time": "Europe/Zurich", "brussels time": "Europe/Brussels",
    "heure de genève": "Europe/Zurich", "heure suisse": "Europe/Zurich",
    "heure de bruxelles": "Europe/Brussels", "heure belge": "Europe/Brussels",
    "heure de dakar": "Africa/Dakar", "heure d'abidjan": "Africa/Abidjan",
    "sydney time": "Australia/Sydney", "canberra time": "Australia/Sydney",
    "melbourne time": "Australia/Melbourne", "new zealand time": "Pacific/Auckland",
    "singapore time": "Asia/Singapore", "hong kong time": "Asia/Hong_Kong",
}
ZONE_ABBREVIATIONS = {
    "CET": "Europe/Paris", "CEST": "Europe/Paris", "BST": "Europe/London", "GMT": "Etc/GMT",
    "UTC": "UTC", "CAT": "Africa/Maputo", "EAT": "Africa/Nairobi", "WAT": "Africa/Lagos",
    "EST": "America/New_York", "EDT": "America/New_York", "PST": "America/Los_Angeles",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "ACST": "Australia/Adelaide",
    "AWST": "Australia/Perth", "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland",
    "SGT": "Asia/Singapore", "HKT": "Asia/Hong_Kong", "JST": "Asia/Tokyo", "ET": "America/New_York",
    "PT": "America/Los_Angeles", "CT": "America/Chicago", "MT": "America/Denver",
    "CST": "America/Chicago", "CDT": "America/Chicago", "MST": "America/Phoenix",
    "MDT": "America/Denver", "PDT": "America/Los_Angeles", "AST": "America/Halifax",
    "HNE": "America/Toronto", "HAE": "America/Toronto", "HNC": "Europe/Paris",
}
# Abbreviations French texts write: European ones and Quebec's (heure normale/avancée de l'Est).
_FRENCH_ZONES = {"CET", "CEST", "GMT", "UTC", "HNE", "HAE", "HNC", "WAT"}
_ABBREVIATIONS_OF = {"en": set(ZONE_ABBREVIATIONS) - {"HNE", "HAE", "HNC"}, "fr": _FRENCH_ZONES}
_AFTER_TIME = re.compile(
    r"(?:\b(?:[01]?\d|2[0-3])(?:(?:[:.]|\s?h\s?)[0-5]\dh?|h|\s?[aApP]\.?[mM]\.?)(?:\s?[aApP]\.?[mM]\.?)?"
    r"|(?i:\b(?:midi|noon|midday|minuit|midnight)))"
    r"[ \t]{0,3}[(\[,]?[ \t]{0,3}(?:(?P<abbreviation>"
    + "|".join(sorted(ZONE_ABBREVIATIONS, key=len, reverse=True)) + r")\b(?![+\-−]\d)"
    r"|(?P<name>(?i:" + "|".join(re.escape(z) for z in ZONE_NAMES) + r"))\b)")


def find_zone(text: str, language: str) -> tuple[str, str] | None:
    """The zone written right after a time in `text`: (IANA name, what was written)."""
    for match in _AFTER_TIME.finditer(text):
        abbreviation, name = match["abbreviation"], match["name"]
        if name:
            return ZONE_NAMES[name.lower()], match.group(0)
        if abbreviation in _ABBREVIATIONS_OF.get(language, set()):
            return ZONE_ABBREVIATIONS[abbreviation], match.group(0)
    return None


def whole_months(first: date, last: date) -> int | None:
    """The months of a period from its first day to its last, when it is about a whole number
    of them, within ten days ('1 March to 31 October': 8; '7 June to 27 August': 3); none for a
    period of so many months and a half ('3 May to 17 December') or under a month ('du 12/07
    au 06/08'), which a reader does not call a number of months."""
    months = ((last - first).days + 1) / 30.44
    count = round(months)
    return count if months >= 1 and abs(months - count) <= 0.35 else None
