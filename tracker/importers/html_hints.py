"""The page's structure applied after the text rules have read its text (html_page's hints): the
posting's heading over a guessed first line, exact dates from <time>, a mailto address when the
text shows none, and the publisher kept apart from the employer; and a page's partial JSON-LD
completed from its visible text. A value from a hint replaces the text rules' value with its own
snippet and confidence; the text rules themselves are not changed."""

from __future__ import annotations

import re

from tracker.i18n import Text
from tracker.importers.base import LIST_FIELDS, Finding, ParsedPosting
from tracker.importers.dates import find_dates, fold
from tracker.importers.html_page import Candidate, PageHints
from tracker.importers.text_heading import clean_title
from tracker.importers.text_heading_lines import BOARD, NOT_TITLES
from tracker.importers.text_names_words import _ORG
from tracker.importers.text_title import is_call

GUESS = 0.5  # a JSON-LD value below this is a default (a contract 'not stated'), not a reading

# Words of a name or a host that do not tell one organisation from another.
_GENERIC = {
    "universite", "university", "univ", "ville", "mairie", "commune", "jobs", "job", "emploi",
    "emplois", "recrutement", "recruitment", "careers", "career", "carrieres", "www", "fr", "com",
    "org", "net", "eu", "int", "gov", "gouv", "uk", "ac", "co", "edu", "the", "de", "du", "des",
    "la", "le", "les", "of", "and", "et", "for", "pour", "rh", "hr", "mail", "contact", "info",
    "association", "institut", "institute", "group", "groupe", "site", "portail", "offres",
}


def _words(text: str) -> set[str]:
    return {word for word in re.split(r"[^a-z0-9]+", fold(text)) if len(word) >= 3
            and word not in _GENERIC}


def _acronym(name: str) -> str:
    return "".join(word[0] for word in re.split(r"[^a-z0-9]+", fold(name))
                   if word and word not in _GENERIC)


def _own_site(publisher: str, hints: PageHints, result: ParsedPosting) -> bool:
    """Whether the page is the publisher's own site as an employer: the contact address's
    domain names the publisher (a distinctive word of its name, its words run together, or its
    initials), or the page's own address does and the publisher is named as an organisation."""
    emails = [result.value("apply_email") or "", *(address for address, _ in hints.emails)]
    hosts = [address.rsplit("@", 1)[-1] for address in emails if "@" in address]
    words, acronym = _words(publisher), _acronym(publisher)
    joined = "".join(sorted(words, key=fold(publisher).find))
    if hints.site and _ORG.search(publisher):
        hosts.append(hints.site)  # an organisation's own site (a board has no such name)
    for host in hosts:
        compact = re.sub(r"[^a-z0-9]", "", fold(host.rsplit(".", 1)[0]))
        labels = _words(host.rsplit(".", 1)[0])
        if (words & labels or (len(joined) >= 5 and joined in compact)
                or (len(acronym) >= 3 and acronym in labels)):
            return True
    return False


def _presented(publisher: str, text: str) -> bool:
    """Whether the posting's own text presents the publisher as the one hiring: 'at X', 'chez X',
    'X recrute', or a sentence about X ('X builds ...', 'L'association X fédère ...')."""
    name = re.escape(publisher)
    return bool(re.search(
        rf"(?i:\b(?:at|chez|join|rejoindre|rejoignez|l'association|la société|l'entreprise)\s+)"
        rf"{name}\b|(?:^|\n|[.!] ){name}\s+(?:[a-zà-ÿ]|\(\w)", text[:20_000]))


def _plausible_title(candidate: Candidate) -> str | None:
    value = candidate.value
    folded = fold(value).strip(" .:!")
    if (len(value) > 150 or folded in NOT_TITLES or is_call(value) or BOARD.search(folded)
            or not re.search(r"[^\W\d_]{3}", value)):
        return None
    cleaned = clean_title(value)
    return cleaned or None


def _replace(result: ParsedPosting, name: str, value: object, snippet: str,
             confidence: float) -> None:
    current = result.get(name)
    if current is not None:
        result.findings.remove(current)
    result.add(name, value, snippet, confidence)


def _title(result: ParsedPosting, hints: PageHints) -> None:
    current = result.get("title")
    for candidate in hints.titles:
        heading = candidate.source in ("h1", "main heading")
        if not heading and current is not None:
            continue  # a head's title only where the text gives none
        title = _plausible_title(candidate)
        if title is None:
            continue
        if not heading:
            title = re.split(r"\s+[|–—-]\s+", title)[0].strip()
        if current is not None and current.review is None:
            if fold(current.value) in fold(title) and len(current.value) >= len(title) / 2:
                title = current.value  # the text rules' reading, trimmed of its terms
            elif current.confidence >= 0.9:
                return  # a labelled line is no guess: it stays
        _replace(result, "title", title, f"<{candidate.source}> {candidate.value}",
                 max(candidate.confidence, current.confidence if current is not None
                     and current.value == title else 0))
        return


def _employer(result: ParsedPosting, hints: PageHints) -> None:
    """The publisher is the employer only on the employer's own site (its contact address's
    domain names it, or the posting's text presents it): there it replaces an unlabelled guess;
    elsewhere it is never the employer."""
    publisher = hints.publisher.value if hints.publisher else ""
    if not publisher:
        return
    assert hints.publisher is not None
    current = result.get("hiring_organization_name")
    own = _own_site(publisher, hints, result) or _presented(publisher, hints.text)
    mine = fold(publisher)
    snippet = f"<{hints.publisher.source}> {publisher}"
    if current is None:
        if own:
            result.add("hiring_organization_name", publisher, snippet, 0.8)
        return
    value = fold(current.value)
    if current.confidence >= 0.85 and current.review is None:
        return  # a labelled line names it
    if value == mine or (min(len(value), len(mine)) >= 3 and (value in mine or mine in value)):
        if not own:
            result.findings.remove(current)  # the publisher's name, on a board's page
        return
    if own:
        _replace(result, "hiring_organization_name", publisher, snippet, 0.8)


def _dates(result: ParsedPosting, hints: PageHints) -> None:
    done: set[str] = set()
    for name, day, at, line in hints.dates:
        if name in done:
            continue
        done.add(name)
        if name == "interviews":
            if day not in [item.get("date") for item in result.items("interviews")]:
                item: dict[str, object] = {"date": day}
                if at is not None:
                    item["time"] = at
                result.add("interviews", item, f"<time> {line}", 0.95)
            continue
        _replace(result, name, day, f"<time> {line}", 0.95)
        if name == "valid_through_date" and at is not None:
            _replace(result, "valid_through_time", at, f"<time> {line}", 0.95)


def _email(result: ParsedPosting, hints: PageHints) -> None:
    if result.get("apply_email") is None and hints.emails:
        address, line = hints.emails[0]
        result.add("apply_email", address, f"mailto:{address} {line}", 0.85)


# The page's labelled fields (definitions, tables, bold labels) the text rules may not know.
_FIELD_LABELS = (
    ("hiring_organization_name", re.compile(
        r"^(?:collectivite|employeur|employer|recruiter|advertiser|hiring company|hiring (?:organi[sz]ation|institution)|"
        r"organi[sz]ation|company|entreprise|etablissement|structure|recruteur|institution|"
        r"organisme(?: employeur| d'accueil)?|administration|ministere|service recruteur|"
        r"department|ministry|agency|organisation name)$")),
    ("job_start_date", re.compile(
        r"^(?:date (?:prevue )?(?:du |de )?recrutement|date de prise de (?:poste|fonctions?)|"
        r"prise de (?:poste|fonctions?)|poste a pourvoir(?: le| a compter du| au)?|"
        r"date de debut|start date|starting date|expected start(?: date)?|date d'embauche)$")),
    ("working_time_percent", re.compile(
        r"^(?:temps de travail|quotite(?: de travail)?|working (?:time|pattern|hours)|"
        r"hours|temps de travail hebdomadaire)$")),
)
_FULL_TIME = re.compile(r"^(?:temps )?complet\b|^full[- ]time\b|^100\s*%")
_PERCENT = re.compile(r"^(?:temps partiel\s*)?(\d{2})\s*%")


def _labelled_fields(result: ParsedPosting, hints: PageHints, lang: str) -> None:
    """The page's labelled fields for the fields the text rules left empty."""
    publisher = fold(hints.publisher.value) if hints.publisher else ""
    lines = [line.partition(":") for line in hints.text.split("\n", 400)[:400]
             if 0 < line.find(":") <= 60]
    written = [(label.strip(), value.strip()) for label, _, value in lines if value.strip()]
    for label, value in [*hints.fields, *written]:
        folded = fold(label).strip(" :*()")
        for name, pattern in _FIELD_LABELS:
            if result.get(name) is not None or not pattern.match(folded):
                continue
            snippet = f"{label} : {value}"
            if name == "hiring_organization_name":
                if fold(value) != publisher and len(value) <= 150:
                    result.add(name, value.strip(" ."), snippet, 0.85)
            elif name == "job_start_date":
                found = find_dates(value, lang)
                if found and not found[0].ambiguous:
                    result.add(name, found[0].value, snippet, 0.8)
            else:
                text = fold(value).strip()
                if re.search(r"part[- ]time|partiel|job share", text):
                    continue  # several patterns offered: none is the post's
                share = _PERCENT.match(text)
                percent = 100 if _FULL_TIME.match(text) else int(share.group(1)) if share \
                    else None
                if percent:
                    result.add(name, percent, snippet, 0.8)


def apply_hints(result: ParsedPosting, hints: PageHints, lang: str = "fr") -> ParsedPosting:
    """`result` (the text rules' reading of the page's text) with the page's structure applied."""
    _labelled_fields(result, hints, lang)
    _title(result, hints)
    _dates(result, hints)
    _email(result, hints)
    _employer(result, hints)
    return result


def fill_from_text(posting: ParsedPosting, text: ParsedPosting) -> ParsedPosting:
    """A JobPosting of a page's JSON-LD with the fields it lacks (or only guesses, below
    GUESS) taken from the page's visible text, each marked as found there, with its snippet."""
    have = {finding.field: finding for finding in posting.findings}
    lacking = set()
    for finding in text.findings:
        own = have.get(finding.field)
        if own is None or (finding.field not in LIST_FIELDS and own.confidence < GUESS
                           and finding.confidence > own.confidence):
            lacking.add(finding.field)
    for finding in list(text.findings):
        if finding.field not in lacking:
            continue
        own = posting.get(finding.field)
        if own is not None and finding.field not in LIST_FIELDS:
            posting.findings.remove(own)
        posting.findings.append(Finding(
            finding.field, finding.value,
            Text("%(snippet)s (in the page's text)", snippet=finding.snippet),
            finding.confidence, finding.review))
        if finding.field not in LIST_FIELDS:
            lacking.discard(finding.field)
    return posting
