"""The day a posting was published: under its label, after a phrase that names it, or a date
standing alone at the top (a letter's 'Lyon, le 25 mai 2027')."""

from __future__ import annotations

import re

from tracker.importers.base import ParsedPosting
from tracker.importers.dates import find_dates
from tracker.importers.text_date_common import WEEKDAYS, as_read, date_doubt, labelled_dates

# The date a posting was published: a phrase at the start of its line (or after a separator,
# '· Publiée le 06/05/2027'), the date right after it.
_POSTED = re.compile(
    r"\b(date de publication|date de parution|date de mise en ligne|publi[ée]e?s?(?: le)?|"
    r"mis(?:e)? en ligne(?: le)?|parution(?: du)?|[ée]dition du|date de d[ée]but d'affichage|"
    r"d[ée]but d'affichage|affich[ée]e? le|date d'affichage|date published|published(?: on)?|"
    r"posted(?: on| date)?|posting date|date posted|job posting|open(?:ing)? date|run date|"
    r"call opens|date of (?:issue|publication)|(?:p[ée]riode de )?publication(?=\s*+:)|issued(?: on)?|publication date|"
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
# A letter's date line: 'Lyon, le 25 mai 2027', 'London, 3 May 2027'.
_LETTER_DATE = re.compile(r"^(?:(?:Fait|Done|Given) (?:à|at|in) )?[A-ZÀ-Ý][^\d,;:]{1,40},"
                          r"\s*+(?:le|this|on)?$")
_LETTER_START = re.compile(r"(?:(?:Fait|Done|Given) (?:à|at|in) )?[A-ZÀ-Ý][^\d,;:]{1,40},\s*+"
                           r"(?:le\s++|this\s++|on\s++)?\d")


def read_posted(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
            lines: list[str], lang: str, order: str | None) -> None:
    """The date of publication: under its label, else after a phrase that opens a line or
    follows a separator ('Offre publiée le 8 février 2027', 'CDI · Publiée le 06/05/2027')."""
    for value, snippet in labelled.get("date_posted", []):
        found = labelled_dates(value, lang)
        if found:
            result.add("date_posted", as_read(found[0], order), snippet, 0.9,
                       date_doubt(found[0], order))
            return
    for index, line in enumerate(lines):
        match = _POSTED.search(line)
        if match is None:
            continue
        before = line[:match.start()]
        if len(before.split()) > 2 and not _SEPARATOR.search(before) \
                and not match.group(0)[:1].isupper() \
                and not re.search(r"(?i)(?:n°|no\.|r[ée]f\.?|reference)\s*+\S+,\s*+$", before):
            # ('Offre n° V0312..., publiée le 12/05/2027': the offer's number, then its date)
            # 'the results will be published on...': not the posting's date ('... Gros œuvre
            # Publiée le 07/01/2027', a label run into the line by a PDF's columns, is)
            continue
        after = line[match.end():match.end() + 60]
        if not after.strip() and index + 1 < len(lines):  # a label, its value under it
            after = lines[index + 1][:60]
        found = find_dates(after, lang)
        # 'Publié par le service RH le 12 juillet 2027': who published it, then the day
        if found and (found[0].start <= 20 or _BY_WHOM.fullmatch(after[:found[0].start])):
            result.add("date_posted", as_read(found[0], order), line.strip(), 0.8,
                       date_doubt(found[0], order))
            return


def read_dateline(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
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
        # (a letter's date line and the signature's name in its right-hand column: 'Bulle, le 6
        # avril 2027          Laiterie du Moléson')
        for part in re.split(r"\s[·|—–]\s|\s{3,}", line.strip())[::-1] if index < 8 \
                else re.split(r"\s{3,}", line.strip())[:1]:
            found = find_dates(part, lang)
            if len(found) != 1 or not found[0].year_given:
                continue
            rest = WEEKDAYS.sub("", part[:found[0].start]).strip(" ,.")
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
            result.add("date_posted", as_read(found[0], order), line.strip(), 0.6,
                       date_doubt(found[0], order))
            return
