"""What the readers of a posting's dates share: the words that name a deadline, an interview,
a weekday; a date under a label; the text's order of numeric dates; the doubt a date leaves."""

from __future__ import annotations

import re
from datetime import date

from tracker.i18n import Text
from tracker.importers.base import ParsedPosting
from tracker.importers.dates import FoundDate, find_dates

DEADLINE_PHRASE = re.compile(
    r"\b(avant le|au plus tard le|jusqu'au|jusqu’au|d['’]ici (?:le|au)|date limite|d[ée]lai\s*+:|"
    r"cut[- ]off date|date butoir|fin de (?:publication|diffusion)|clôture|cloture|"
    r"closing date|closing\b|deadline|closes|(?:applications?|vacancy|posting|advert|"
    r"competition)\s++(?:for\s++(?:this|the|our)(?:\s++[\w-]++){1,2}?\s++)?"  # 'Applications for this round close'
    r"(?:will\s++)?close\b|close on|no later than|not later than|apply by|"
    r"(?:must|should)\s++(?:reach|be received|arrive)|doivent parvenir|doit parvenir|"
    r"au plus tard|(?<=^)plus tard le|at the latest|end date|close (?:at|on)\b|d[ée]lai de (?:postulation|"
    r"candidature|d[ée]p[ôo]t|r[ée]ponse|inscription)|d[ée]lai d'inscription|"
    r"fin d'affichage|close date|open until|last date|last day|due date|applications? due|"
    r"expir(?:es|e|y date|ation date)|date d'expiration|dernier délai|délai de rigueur|"
    r"valable jusqu'au|(?:received|reçues|parvenues?|arrivées?) (?:after|après)|"
    r"(?:retour|réception|remise|dépôt|envoi) des (?:candidatures|dossiers)|"
    r"through|until|before|by)", re.I)
# Words that name the deadline by themselves, with no word about applying beside them.
WEEKDAYS = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|"
                       r"mardi|mercredi|jeudi|vendredi|samedi|dimanche|mon|tue|wed|thu|fri|sat|"
                       r"sun)\b\.?,?", re.I)
# (an abbreviation's point ends no sentence: '4:30 p.m. CT on Friday', 'St. John's', 'Dr. X')
_SENTENCE = re.compile(r"(?<=[.!?])(?<![ap]\.m\.)(?<![AP]\.M\.)(?<!\bSt\.)(?<!\bDr\.)(?<!\bMr\.)"
                       r"(?<!\bMs\.)(?<!\bNo\.)(?<!\bCo\.)(?<!\bMt\.)\s+(?=[A-Z(À-Ý])|\s;\s|;\s(?=[a-zà-ÿ])")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](?:\d{4}|\d{2})\b")
# (an appraisal, 'compte rendu d'entretien professionnel', is no interview; nor the upkeep of
# premises, 'agent d'entretien', 'marché d'entretien des écoles', 'entretien ménager'); a day
# of selection is one ('assessment day', 'recruitment event', 'journée de recrutement')
_UPKEEP = ("agent", "agents", "marché", "produits", "travaux", "personnel", "service", "équipe",
           "contrat", "société", "entreprise")
INTERVIEW = re.compile(r"\b(" + "".join(rf"(?<!{word} d['’])" for word in _UPKEEP) +
                       r"entretien(?!s? professionnel)"
                       r"(?!s?\s++(?:ménager|courant|des (?:locaux|espaces|bâtiments|"
                       r"sols|surfaces|écoles|véhicules|machines|équipements)|du (?:matériel|"
                       r"linge|bâtiment)))|entrevue|interview|audition|jury|oral|"
                       r"(?:nous|vous) rencontrer|walk-in|recevr(?:ai|a|ons|ont)\s++(?:les\s++candidat|celles et ceux|ceux et celles|"
                       r"ceux qui|celles qui)|(?:video|phone|short) calls?|"
                       # a day of selection by trial or test: 'a trial day in the salon', 'a trade
                       # test', 'a group assessment session', 'our Seasonal Job Fair', 'on
                       # rencontrera les candidat·es'
                       r"trial (?:day|shift)s?|trade test|(?:group )?assessment session|job fair|hiring fair|"
                       r"journ[ée]e d['’]essai|(?:on|nous) rencontr(?:era|erons)\s++les\s++candidat|"
                       r"en visio(?:conf[ée]rence)?|open day|recruitment day|job[- ]dating|"
                       r"assessment (?:day|centre|center)|selection day|(?:recruitment|hiring) "
                       r"(?:event|session|fair)|journ[ée]es? de (?:recrutement|s[ée]lection)|"
                       r"session de recrutement|forum (?:de l'emploi|emploi|de recrutement))", re.I)



def labelled_dates(value: str, lang: str, default_year: int | None = None) -> list[FoundDate]:
    """The dates of a labelled value: in the posting's language, else dates with a month name
    in the other language (an English form around a French text: 'Start date: 4 January
    2027'); numeric dates are read in the posting's language only."""
    found = find_dates(value, lang, default_year)
    if found:
        return found
    other = "en" if lang == "fr" else "fr"
    return [date_ for date_ in find_dates(value, other, default_year)
            if any(c.isalpha() for c in date_.text)]


def year_default(result: ParsedPosting) -> int | None:
    for name in ("valid_through_date", "date_posted", "job_start_date"):
        value = result.value(name)
        if isinstance(value, date):
            return value.year
    return None


def _numeric_orders(text: str) -> tuple[bool, bool]:
    """(some numeric date is surely day first, some is surely month first) in `text`."""
    days = months = False
    for match in _NUMERIC.finditer(text):
        first, second = int(match.group(1)), int(match.group(2))
        days |= first > 12 >= second
        months |= second > 12 >= first
    return days, months


def day_first(text: str) -> bool:
    """True when the text writes its numeric dates day first (one reads 22/11/2027) and
    never month first (11/22/2027): its ambiguous 06/12/2027 is then 6 December."""
    days, months = _numeric_orders(text)
    return days and not months


def month_first(text: str) -> bool:
    """True when the text writes its numeric dates month first (06/30/2027) and never day
    first: its ambiguous 06/03/2027 is then 3 June."""
    days, months = _numeric_orders(text)
    return months and not days


def as_read(found: FoundDate, order: str | None) -> date:
    """The date as the text's order reads it: an ambiguous 06/03/2027 in a text that writes
    month first is 3 June (find_dates reads it day first)."""
    if found.ambiguous and order is not None and order.startswith("mdy"):
        return date(found.value.year, found.value.day, found.value.month)
    return found.value


def sentences(lines: list[str]) -> list[str]:
    """The lines cut into sentences: a date belongs to the sentence that says what it is."""
    return [part for line in lines for part in _SENTENCE.split(line)]


def date_doubt(found: FoundDate, order: str | None = None) -> Text | None:
    if found.ambiguous and order is None:
        return Text("ambiguous date %(date)r: day-first or month-first?", date=found.text)
    if not 1990 <= found.value.year <= 2100:
        return Text("implausible year in %(date)r", date=found.text)
    return None
