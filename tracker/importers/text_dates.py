"""The dates of a posting's text: deadline (with time and zone where stated), start, date
posted and interviews; each checked against the others, the doubtful ones flagged."""

from __future__ import annotations

import re
from datetime import timedelta

from tracker.i18n import Text
from tracker.importers.base import ParsedPosting
from tracker.importers.text_date_common import day_first, month_first, sentences
from tracker.importers.text_deadline import read_deadline
from tracker.importers.text_interviews import read_interviews
from tracker.importers.text_places import numeric_order_by_place
from tracker.importers.text_posted import read_dateline, read_posted
from tracker.importers.text_start import read_start, work_span

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
    read_posted(result, labelled, lines, lang, order)
    if not result.get("date_posted"):
        read_dateline(result, labelled, top, lang, order)
    read_deadline(result, labelled, lines, lang, order)
    read_start(result, labelled, lines, lang, order)
    work_span(result, lines, lang, order)
    if not result.get("valid_through_date") and result.get("job_start_date"):
        read_deadline(result, labelled, lines, lang, order)  # its year from the start's
    read_interviews(result, labelled, lines, lang, order)
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
