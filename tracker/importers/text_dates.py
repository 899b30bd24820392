"""The dates of a posting's text: deadline (with time and zone where stated), start, date
posted and interviews; each checked against the others, the doubtful ones flagged."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tracker.i18n import Text
from tracker.importers.base import ParsedPosting
from tracker.importers.dates import FoundDate, find_dates, find_time, find_zone, whole_months
from tracker.importers.text_places import numeric_order_by_place

_DEADLINE_PHRASE = re.compile(
    r"\b(avant le|au plus tard le|jusqu'au|jusqu’au|d['’]ici (?:le|au)|date limite|d[ée]lai\s*+:|"
    r"cut[- ]off date|date butoir|fin de (?:publication|diffusion)|clôture|cloture|"
    r"closing date|closing\b|deadline|closes|(?:applications?|vacancy|posting|advert|"
    r"competition)\s++(?:will\s++)?close\b|close on|no later than|not later than|apply by|"
    r"(?:must|should)\s++(?:reach|be received|arrive)|doivent parvenir|doit parvenir|"
    r"au plus tard|at the latest|end date|close (?:at|on)\b|d[ée]lai de (?:postulation|"
    r"candidature|d[ée]p[ôo]t|r[ée]ponse|inscription)|d[ée]lai d'inscription|"
    r"fin d'affichage|close date|open until|last date|last day|due date|applications? due|"
    r"expir(?:es|e|y date|ation date)|date d'expiration|dernier délai|délai de rigueur|"
    r"valable jusqu'au|(?:received|reçues|parvenues?|arrivées?) (?:after|après)|"
    r"(?:retour|réception|remise|dépôt|envoi) des (?:candidatures|dossiers)|"
    r"through|until|before|by)", re.I)
# Words that name the deadline by themselves, with no word about applying beside them.
_STRONG = re.compile(r"(date limite|d[ée]lai\s*+:|cut[- ]off date|date butoir|"
                     r"fin de (?:publication|diffusion)|expiry date|expiration date|closing date|close date|deadline|expire le|expires on|"
                     r"(?:remain )?open until(?! filled)|(?:advert|posting|listing) closes|"
                     r"(?:retour|réception|remise|dépôt|envoi) des (?:candidatures|dossiers)|d[ée]lai de postulation|"
                     r"d[ée]lai d'inscription|fin d'affichage|date de cl[ôo]ture|valable jusqu|last date to "
                     r"apply|applications? due|dernier délai)", re.I)
_RANGE = re.compile(r"\b(?:du|from|between)\s", re.I)
_APPLY_WORDS = re.compile(
    r"(candidat|cv\b|lettre|envoy|adress|postul|dossier|apply|applica|submi|send|closing|"
    r"affichage|posting period|advertising period|advert|annonce|announcement is open|"
    r"deadline|date limite|clôtur|clotur|vacanc|inscri|repl(?:y|ies)|réponse)", re.I)
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
    r"start\s*+\||mobili[sz]ation(?: date)?\s*+[:|])", re.I)
# Where a date after 'from' is not the start: applications, interviews, publication.
_NOT_START = re.compile(r"(candidat|apply|applica|submi|closing|deadline|interview|entretien|"
                        r"affichage|posting period|advertising period|inscri|registration|"
                        r"[ée]preuve|exam|test(?:s|ing)?\b|"
                        r"publi(?!c)|posted|ouvert|open from|announcement|sift|shortlist|week commencing|review)",
                        re.I)
# (and the first day of a period: 'à partir du 10 mai', 'from 3 May': no day set yet)
_WEEK_OF = re.compile(r"(semaine du|week of|week commencing|week beginning|week starting|w/c|"
                      r"[àa] partir du|d[èe]s le|from|starting)\s*+$", re.I)
_NEVER_START = re.compile(r"(sift|shortlist|week commencing|interview|entretien|audition|"
                          r"affichage|publi(?!c)|posted|posting)", re.I)
# The date a posting was published: a phrase at the start of its line (or after a separator,
# '· Publiée le 06/05/2027'), the date right after it.
_POSTED = re.compile(
    r"\b(date de publication|date de parution|date de mise en ligne|publi[ée]e?s?(?: le)?|"
    r"mis(?:e)? en ligne(?: le)?|parution(?: du)?|[ée]dition du|date de d[ée]but d'affichage|"
    r"d[ée]but d'affichage|affich[ée]e? le|date d'affichage|date published|published(?: on)?|"
    r"posted(?: on| date)?|posting date|date posted|job posting|open(?:ing)? date|run date|"
    r"call opens|date of (?:issue|publication)|issued(?: on)?|publication date|"
    r"advertised(?: on)?|listed(?: on)?|date listed|date added|date de diffusion|"
    r"diffus[ée]e? le|n°\s?\d{1,4}\s(?:du|of)|date de l['’](?:annonce|offre|avis)|"
    r"(?:annonce|offre|avis)(?: d['’]emploi)? du|date of (?:posting|advert(?:isement)?)|"
    r"(?:p[ée]riode|dates?) d['’]affichage|posting period|advertising period|"
    r"advertised from|open(?:ing)? (?:&|and) closing dates?|created(?: on)?|release date|"
    r"released(?: on)?|parue? le|en ligne depuis le|online since|d[ée]pos[ée]e? le|"
    r"date of (?:the )?gazette|gazette date|post(?:ing)? date|date of post|"
    # the first day of the period of applications: 'Open: February 1', 'Open Period |
    # 02/24/2027 - 03/03/2027', 'This announcement is open from ... to ...'
    r"open(?:s|ed)?(?=\s*+:)|open period|(?:announcement|vacancy|posting|advert) is open from)"
    r"\b\s*+:?", re.I)
_BY_WHOM = re.compile(r"\s*+(?:par|by)\s[^\d.;]{1,40}?\s(?:le|on)\s++", re.I)
_SEPARATOR = re.compile(r"(?:[·|—–•]|\s-)\s*+$")
_WEEKDAYS = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|"
                       r"mardi|mercredi|jeudi|vendredi|samedi|dimanche|mon|tue|wed|thu|fri|sat|"
                       r"sun)\b\.?,?", re.I)
# A letter's date line: 'Lyon, le 25 mai 2027', 'London, 3 May 2027'.
_LETTER_DATE = re.compile(r"^(?:(?:Fait|Done|Given) (?:à|at|in) )?[A-ZÀ-Ý][^\d,;:]{1,40},"
                          r"\s*+(?:le|this|on)?$")
_LETTER_START = re.compile(r"(?:(?:Fait|Done|Given) (?:à|at|in) )?[A-ZÀ-Ý][^\d,;:]{1,40},\s*+"
                           r"(?:le\s++|this\s++|on\s++)?\d")
# A period of work: 'du 2 mars au 31 juillet 2028', 'Dates: 5 July to 27 August 2027',
# 'entre le 1er mars et le 31 mai 2027'.
_EVENT = re.compile(r"\b(?:formation|training|induction|s[ée]minaire|réunion|meeting)\b", re.I)
_WINDOW = re.compile(r"\b(?:entre|between)\b", re.I)
# A sentence about the contract or the hiring: its period is the work's, before an event's.
_EMPLOYED = re.compile(r"\b(?:contrat|contract|engag\w*|CDD|employ\w*|embauch\w*|hired|"
                       r"recrut\w*|stage|internship|placement)\b", re.I)
_SPAN = re.compile(r"(?:\b(?:du|from|between|entre le)\s|\b(?:dates?|season|saison|"
                   r"p[ée]riode)\s*+:\s*+)", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(À-Ý])|\s;\s|;\s(?=[a-zà-ÿ])")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](?:\d{4}|\d{2})\b")
# (an appraisal, 'compte rendu d'entretien professionnel', is no interview)
_INTERVIEW = re.compile(r"\b(entretien(?!s? professionnel)|entrevue|interview|audition|jury|oral|"
                        r"(?:nous|vous) rencontrer|walk-in|(?:video|phone|short) calls?|"
                        r"en visio(?:conf[ée]rence)?|open day|recruitment day|job[- ]dating)", re.I)
# Another step of a selection, before the interview: its dates are not the interview's.
_OTHER_STEP = re.compile(r"\b(test|épreuves?|examen|exam|written|écrit|assessment)", re.I)
# 'entre le 15 et le 19 février', 'between 3 and 7 May': a period, no day set yet.
_BETWEEN = re.compile(r"\b(?:entre|between|du|from)\s++(?:le\s++)?\S{1,12}\s++"
                      r"(?:\S{1,12}\s++)?(?:\d{4}\s++)?(?:et|and|au|to|-|–)\s", re.I)


# Where a French posting is, when it names a place outside France: its zone, not Paris's.
_FRENCH_SPEAKING = [
    (re.compile(r"\b(Québec|Quebec|Montréal|Montreal|Gatineau|Sherbrooke|Rimouski|Saguenay|"
                r"Trois-Rivières|Ontario|Ottawa|Nouveau-Brunswick|Canada)\b"), "America/Toronto"),
    (re.compile(r"\b(Suisse|Genève|Lausanne|Fribourg|Neuchâtel|Valais|Vaud|Sion|Berne|Jura "
                r"bernois)\b"), "Europe/Zurich"),
    (re.compile(r"\b(Belgique|Bruxelles|Wallonie|Namur|Liège|Charleroi|Mons|Schaerbeek)\b"),
     "Europe/Brussels"),
    (re.compile(r"\b(Luxembourg)\b"), "Europe/Luxembourg"),
    (re.compile(r"\b(Sénégal|Dakar)\b"), "Africa/Dakar"),
    (re.compile(r"\b(Côte d'Ivoire|Abidjan)\b"), "Africa/Abidjan"),
    (re.compile(r"\b(Maroc|Casablanca|Rabat)\b"), "Africa/Casablanca"),
    (re.compile(r"\b(Tunisie|Tunis)\b"), "Africa/Tunis"),
    (re.compile(r"\b(Cameroun|Douala|Yaoundé)\b"), "Africa/Douala"),
    (re.compile(r"\b(Mali|Bamako)\b"), "Africa/Bamako"),
    (re.compile(r"\b(Burkina Faso|Ouagadougou)\b"), "Africa/Ouagadougou"),
    (re.compile(r"\b(Madagascar|Antananarivo)\b"), "Indian/Antananarivo"),
    (re.compile(r"\b(La Réunion|Saint-Denis de La Réunion)\b"), "Indian/Reunion"),
    (re.compile(r"\b(Nouvelle-Calédonie|Nouméa|Noumea|Koné|Province (?:Nord|Sud|des Îles))\b"),
     "Pacific/Noumea"),
    (re.compile(r"\b(Polynésie|Tahiti|Papeete|Moorea)\b"), "Pacific/Tahiti"),
    (re.compile(r"\b(Wallis|Futuna|Mata-Utu)\b"), "Pacific/Wallis"),
    (re.compile(r"\b(Guadeloupe|Pointe-à-Pitre|Basse-Terre)\b"), "America/Guadeloupe"),
    (re.compile(r"\b(Martinique|Fort-de-France)\b"), "America/Martinique"),
    (re.compile(r"\b(Guyane|Cayenne|Kourou)\b"), "America/Cayenne"),
    (re.compile(r"\b(Mayotte|Mamoudzou)\b"), "Indian/Mayotte"),
    (re.compile(r"\b(Saint-Pierre-et-Miquelon)\b"), "America/Miquelon"),
    # France itself: a city, a département in brackets, a five-digit postcode
    (re.compile(r"\b(France|Paris|Lyon|Marseille|Toulouse|Bordeaux|Lille|Nantes|Strasbourg|"
                r"Montpellier|Rennes|Grenoble)\b|\(\d{2}\)|(?<![\d-])\d{5}(?![\d-])"),
     "Europe/Paris"),
]


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


def _value(found: FoundDate, order: str | None) -> date:
    """The date as the text's order reads it: an ambiguous 06/03/2027 in a text that writes
    month first is 3 June (find_dates reads it day first)."""
    if found.ambiguous and order is not None and order.startswith("mdy"):
        return date(found.value.year, found.value.day, found.value.month)
    return found.value


def sentences(lines: list[str]) -> list[str]:
    """The lines cut into sentences: a date belongs to the sentence that says what it is."""
    return [part for line in lines for part in _SENTENCE.split(line)]


def _doubt(found: FoundDate, order: str | None = None) -> Text | None:
    if found.ambiguous and order is None:
        return Text("ambiguous date %(date)r: day-first or month-first?", date=found.text)
    if not 1990 <= found.value.year <= 2100:
        return Text("implausible year in %(date)r", date=found.text)
    return None


def read_dates(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
               lines: list[str], lang: str) -> None:
    # Numeric dates day first: the text shows it, or names a European time zone; month first
    # when the text shows it.
    whole = "\n".join(lines)
    dmy = day_first(whole) or bool(re.search(r"\bEurope/[A-Z]|\bCES?T\b", whole))
    order = "dmy" if dmy else "mdy" if month_first(whole) else None
    by_place = None
    if order is None and lang == "en":  # the place's habit: a guess, offered to check
        by_place = numeric_order_by_place(whole)
        order = f"{by_place}?" if by_place else None
    top = lines
    lines = sentences(lines)
    _posted(result, labelled, lines, lang, order)
    if not result.get("date_posted"):
        _dateline(result, labelled, top, lang, order)
    _deadline(result, labelled, lines, lang, order)
    for value, snippet in labelled.get("job_start_date", []):
        found = _labelled_dates(value, lang, _year_default(result))
        if found:
            confidence = 0.9 if found[0].year_given else 0.55
            result.add("job_start_date", _value(found[0], order), snippet, confidence,
                       _doubt(found[0], order))
            break
    if not result.get("job_start_date"):
        for index, line in enumerate(lines):
            match = _START_PHRASE.search(line)
            if not match or match.group(1).lower() == "from" and _NOT_START.search(line) \
                    or _NEVER_START.search(line):
                continue
            after = line[match.start():]
            below = next((text for text in lines[index + 1:index + 3] if text.strip()), "")
            if not line[match.end():].strip(" :|") and below:
                # a label alone on its line, its date under it ('Entrée en fonction' / '1er
                # février 2027')
                after = f"{after} {below}"
            found = find_dates(after, lang, _year_default(result))
            if found and _WINDOW.search(after[:found[0].start]):
                continue  # 'Début prévisionnel entre le 30 août et le 6 septembre'
            if found and found[0].start <= 40:
                result.add("job_start_date", _value(found[0], order), after.strip(),
                           0.7 if found[0].year_given else 0.6, _doubt(found[0], order))
                break
    _work_span(result, lines, lang, order)
    if not result.get("valid_through_date") and result.get("job_start_date"):
        _deadline(result, labelled, lines, lang, order)  # its year from the start's
    _interviews(result, labelled, lines, lang, order)
    _plausible(result)
    if by_place is not None:
        _unsure_by_place(result)
    if not result.get("timezone") and lang == "fr":
        named = [(match.start(), zone) for pattern, zone in _FRENCH_SPEAKING
                 for match in [pattern.search(whole)] if match]
        zone = min(named)[1] if named else "Europe/Paris"  # the place named first
        result.add("timezone", zone, Text("(French posting)"), 0.6)


_BOTH_WAYS = re.compile(r"(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\d/-])")
_DATE_FIELDS = ("date_posted", "valid_through_date", "valid_through_time", "job_start_date",
                "interviews")


def _unsure_by_place(result: ParsedPosting) -> None:
    """A date read both ways (03/05/2027), read by the habit of the place the posting names:
    a guess to check, never sure."""
    for finding in result.findings:
        if finding.field in _DATE_FIELDS and any(
                int(m.group(1)) <= 12 and int(m.group(3)) <= 12 and m.group(1) != m.group(3)
                for m in _BOTH_WAYS.finditer(str(finding.snippet))):
            finding.confidence = min(finding.confidence, 0.75)


def _posted(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
            lines: list[str], lang: str, order: str | None) -> None:
    """The date of publication: under its label, else after a phrase that opens a line or
    follows a separator ('Offre publiée le 8 février 2027', 'CDI · Publiée le 06/05/2027')."""
    for value, snippet in labelled.get("date_posted", []):
        found = _labelled_dates(value, lang)
        if found:
            result.add("date_posted", _value(found[0], order), snippet, 0.9,
                       _doubt(found[0], order))
            return
    for index, line in enumerate(lines):
        match = _POSTED.search(line)
        if match is None:
            continue
        before = line[:match.start()]
        if len(before.split()) > 2 and not _SEPARATOR.search(before) \
                and not match.group(0)[:1].isupper():
            # 'the results will be published on...': not the posting's date ('... Gros œuvre
            # Publiée le 07/01/2027', a label run into the line by a PDF's columns, is)
            continue
        after = line[match.end():match.end() + 60]
        if not after.strip() and index + 1 < len(lines):  # a label, its value under it
            after = lines[index + 1][:60]
        found = find_dates(after, lang)
        # 'Publié par le service RH le 12 juillet 2027': who published it, then the day
        if found and (found[0].start <= 20 or _BY_WHOM.fullmatch(after[:found[0].start])):
            result.add("date_posted", _value(found[0], order), line.strip(), 0.8,
                       _doubt(found[0], order))
            return


def _dateline(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
              lines: list[str], lang: str, order: str | None) -> None:
    """A date standing alone near the top, or a letter's 'Lyon, le 25 mai 2027': the day the
    posting was written (a guess to check), unless it is the value of a label."""
    values = {value.strip() for pairs in labelled.values() for value, _ in pairs}
    shown = [line for line in lines if line.strip()]
    for index, line in enumerate(shown):
        if index and shown[index - 1].rstrip().endswith(":") or line.strip() in values:
            continue
        if index >= 8 and not _LETTER_START.match(line.strip()) \
                and not line.lstrip().lower().startswith("dated"):
            continue  # below the top, only a letter's date line (or a notice's 'Dated:')
        if re.match(r"\W*(?!dated?\s*+:)[^\W\d][\w ]{0,30}:", line, re.I):
            continue  # a labelled line ('Dates: June 20 – August 15, 2027') is not a dateline
        # (a header's columns: 'Advt. No. 05/2026        Dated: 14.12.2026')
        for part in re.split(r"\s[·|—–]\s|\s{3,}", line.strip())[::-1] if index < 8 else [line]:
            found = find_dates(part, lang)
            if len(found) != 1 or not found[0].year_given:
                continue
            rest = _WEEKDAYS.sub("", part[:found[0].start]).strip(" ,.")
            after = part[found[0].end:].strip(" ,.")
            letter = _LETTER_DATE.match(part[:found[0].start].strip())
            # a date alone near the top; a letter's 'Lyon, le 25 mai 2027' anywhere (a
            # notice signed at its foot)
            dated = re.fullmatch(r"(?:date|dated(?: the)?|le)\s*+:?", rest, re.I)  # 'Date: 12 Jan'
            # (a notice's 'Dated: 1st March, 2027' at its foot too)
            signed = re.fullmatch(r"dated(?: the)?\s*+:?", rest, re.I)
            if after or rest and not letter and not dated or index >= 8 and not letter \
                    and not signed:
                continue
            result.add("date_posted", _value(found[0], order), line.strip(), 0.6,
                       _doubt(found[0], order))
            return


_SENT = re.compile(r"^[>\s]*+(?:date|envoy[ée]|sent|le)\s*+:\s*+", re.I)


def written_on(lines: list[str], lang: str) -> date | None:
    """The day a forwarded e-mail was sent ('Date : 22/04/2027 08:51', 'Envoyé : lundi 4
    janvier 2027'): its first header's, the latest of them (a year-less date is after it)."""
    days = []
    for line in lines[:40]:
        match = _SENT.match(line)
        found = find_dates(line[match.end():match.end() + 40], lang) if match else []
        if found and found[0].year_given and found[0].start <= 12:
            days.append(found[0].value)
    return max(days) if days else None


def _deduced_year(result: ParsedPosting, value: str, lang: str,
                  written: date | None = None) -> FoundDate | None:
    """A deadline written without its year ('avant le 20 octobre'): the first such day on
    or after the date of publication; without one, the last such day before the start of
    the work; else none (no year is guessed)."""
    posted, start = result.value("date_posted"), result.value("job_start_date")
    posted = posted if isinstance(posted, date) else written
    anchor = posted if isinstance(posted, date) else start if isinstance(start, date) else None
    if anchor is None:
        return None
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


def _gap(text: str, found: list[FoundDate]) -> int:
    """The length of what stands between two dates, weekdays aside ('du lundi 10 mai au
    vendredi 9 juillet 2027')."""
    return len(_WEEKDAYS.sub("", text[found[0].end:found[1].start]))


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


def _work_span(result: ParsedPosting, lines: list[str], lang: str, order: str | None) -> None:
    """A period of work gives the start, and the duration when none is stated: the period of
    the sentence about the contract first ('engagé par un contrat ... du 3 juillet au 3 août',
    not the trip's 'du 11 juillet au 3 août' before it)."""
    spans = [(line, found) for line in lines for found in [span(line, lang)] if found]
    spans.sort(key=lambda item: not _EMPLOYED.search(item[0]))
    for line, found in spans[:1]:
        first, last = found
        if not result.get("job_start_date"):
            result.add("job_start_date", _value(first, order), line, 0.7, _doubt(first, order))
        duration = result.get("duration_months")
        if duration is None or duration.review is not None:
            months = whole_months(first.value, last.value)
            if months and months <= 60:
                result.add("duration_months", months, line, 0.6)
        return


# The day applications start being read, of a post open until it is filled: no closing date.
_REVIEW = re.compile(r"\b(?:review of applications|applications? (?:will be )?review|"
                     r"(?:first|initial) (?:review|screening)|screening date|review (?:will )?"
                     r"begins?|(?:examen|étude) des candidatures (?:commencera|débutera))", re.I)
_UNTIL_FILLED = re.compile(r"\buntil (?:the (?:position|post|job|vacancy) is )?filled\b|"
                           r"\b(?:open|closing date)\s*+:?\s*+(?:until filled|continuous)|"
                           r"jusqu'à ce que le poste soit pourvu|jusqu'à pourvoi", re.I)


def _deadline(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
              lines: list[str], lang: str, order: str | None) -> None:
    # (value, snippet, confidence, under a label: a month may be named in the other language)
    until_filled = any(_UNTIL_FILLED.search(line) for line in lines)
    candidates = [(value, snippet, 0.9, True) for value, snippet in labelled.get("deadline", [])
                  if not (until_filled and _REVIEW.search(value))]
    for index, line in enumerate(lines):
        if until_filled and _REVIEW.search(line):
            continue  # 'Review of applications will begin on 1 February ... until filled'
        match = _DEADLINE_PHRASE.search(line)
        interview = _INTERVIEW.search(line)
        if interview and match and interview.start() > match.start():
            line = line[:interview.start()]  # 'jusqu'au 10 avril, entretiens la semaine...'
            interview = None
        if match and (_APPLY_WORDS.search(line) or _STRONG.search(line)) and not interview:
            rest = line[match.start():]
            if match.group(1).lower() in ("au plus tard", "at the latest", "dernier délai",
                                          "délai de rigueur"):
                rest = line  # 'pour le 1er avril 2027 au plus tard': the date is before
            # the date on the next line when this one has none, not even without its year
            # (not a review date's: 'Closing Date: Continuous' / 'Initial screening date: ...')
            if not find_dates(rest, lang, 2000) and index + 1 < len(lines) \
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
        found = _labelled_dates(value, lang) if label else find_dates(value, lang)
        if not found:
            continue
        first = found[0]
        doubt = _doubt(first, order)
        # a date read by the place's habit gives way to one written plainly
        weak = doubt is not None or first.ambiguous and order is not None and order[-1] == "?"
        if chosen is None or (chosen[1] and not weak):
            if chosen is not None:  # the plain date replaces the guessed one
                result.findings = [f for f in result.findings
                                   if f.field not in ("valid_through_date", "valid_through_time")]
            result.add("valid_through_date", _value(first, order), snippet, confidence, doubt)
            chosen = (_value(first, order), weak)
        if not chosen[1] and _value(first, order) != chosen[0]:
            continue
        _clock(result, value, first, snippet, confidence, lang)
    if chosen is not None:
        _closing_time(result, lines)
        return
    if _days_after_posting(result, lines):
        return
    written = written_on(lines, lang)
    for value, snippet, confidence, _ in candidates:  # no year written: deduced, a guess
        deduced = _deduced_year(result, value, lang, written)
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


def _interviews(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
                lines: list[str], lang: str, order: str | None) -> None:
    default_year = _year_default(result)
    deadline = result.value("valid_through_date")
    seen: set[date] = set()
    texts = [(value, snippet, 0.85) for value, snippet in labelled.get("interview", [])]
    # Running text may name other dates beside an interview's: sure only under a label.
    for index, line in enumerate(lines):
        word = _INTERVIEW.search(line)
        if word is None:
            continue
        # 'jusqu'au 10 avril, entretiens la semaine suivante': the dates before the word
        # belong to the deadline's phrase.
        phrase = _DEADLINE_PHRASE.search(line[:word.start()])
        step = _OTHER_STEP.search(line[:word.start()])  # 'test écrit le 24, puis entretien'
        if _BETWEEN.search(line):
            continue
        if not find_dates(line, lang, default_year) and len(line) <= 40:
            # a heading ('Walk-in Details') and its 'Date:' line under it
            line = next((following for following in lines[index + 1:index + 4]
                         if re.match(r"\W*(?:date|le|on)\b", following, re.I)
                         or _WEEKDAYS.match(following.strip())), line)
        texts.append((line[word.start():] if phrase or step else line, line, 0.75))
    posted = result.value("date_posted")
    for value, snippet, sure in texts:
        label = sure > 0.8  # under a label: a month may be named in the other language
        for found in (_labelled_dates(value, lang, default_year) if label
                      else find_dates(value, lang, default_year)):
            if _WEEK_OF.search(value[max(0, found.start - 20):found.start]):
                continue  # 'la semaine du 6 juillet', 'the week of 22 March': no day yet
            day = _value(found, order)
            since = posted if isinstance(posted, date) else deadline
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
            result.add("interviews", item, snippet, confidence, _doubt(found, order))


def _plausible(result: ParsedPosting) -> None:
    """Flag dates that contradict each other rather than accept them."""
    deadline = result.get("valid_through_date")
    posted_found = result.get("date_posted")
    if (posted_found is not None and posted_found.review is None and posted_found.confidence < 0.8
            and deadline is not None and deadline.review is None
            and not timedelta(0) <= deadline.value - posted_found.value <= timedelta(days=366)):
        posted_found.review = Text("implausible: published %(posted)s, deadline %(deadline)s",
                                   posted=posted_found.value, deadline=deadline.value)
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



