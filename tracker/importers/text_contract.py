"""The contract of a posting's text: its kind (volunteer programmes, internships, work-study,
consultancies, fixed terms and permanent posts, from a labelled line or the first line naming
one), its duration (stated, or a post for a time with no contract word: a fixed term) and the
share of full time."""

from __future__ import annotations

import re

from tracker.i18n import Text
from tracker.importers.base import ParsedPosting
from tracker.importers.dates import find_dates, whole_months
from tracker.importers.text_contract_words import (
    _APPLYING,
    _CONTRACTOR,
    _CORPS,
    _ENDS,
    _FOR_A_TIME,
    _TAKES_A_TERM,
    _TENURE,
    _TERM_OF,
    _TRIAL,
    DURATION,
    ROLE_TYPES,
    STUDENTSHIP,
    STUDY_TERM,
    _duration,
    _open_to_both,
    _stated,
    kinds_in,
    open_to_both_in,
)
from tracker.importers.text_names_layout import is_nav
from tracker.importers.text_names_relay import TEMPING
from tracker.importers.text_working_time import around, read_working_time
from tracker.models.enums import EmploymentType

__all__ = ["around", "duration_beside_start", "read_contract"]


def _first(labelled: dict[str, list[tuple[str, str]]], name: str) -> tuple[str, str] | None:
    values = labelled.get(name)
    return values[0] if values else None

def read_contract(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]], text: str,
                  lang: str) -> None:
    lines = [line for line in text.split("\n") if line.strip()]
    labelled_types = labelled.get("employment_type", [])
    # A labelled line first, then a line stating the contract, then a post for a stated time
    # with no contract word, then words that may only name the post.
    for value, snippet in labelled_types:
        stated = ((EmploymentType.FREELANCE, value) if _CONTRACTOR.match(value.strip())
                  else None) or _stated(value, lang) or next(
            ((kind, value) for _, _, kind in kinds_in(value, lang, ROLE_TYPES)), None)
        if stated:
            _add_kind(result, stated[0], value, snippet, 0.9)
            break
    if not result.get("employment_type"):
        for line in lines:  # the kind of job a board lists: '· Contract ·'
            if _CONTRACTOR.search(line) and line.strip(" :").lower() not in ("contract",
                                                                              "contractor"):
                # ('Contract' alone on its line labels the next one)
                _add_kind(result, EmploymentType.FREELANCE, line, line, 0.75)
                break
    if not result.get("employment_type"):
        for line in lines:
            stated = _stated(line, lang)
            if stated:
                _add_kind(result, stated[0], line, line, 0.75)
                break
    both = open_to_both_in(text) if result.value("employment_type") is EmploymentType.PERMANENT \
        else None
    if both:
        # ('Emploi permanent, ouvert aux fonctionnaires et, à défaut,⏎aux agents contractuels')
        result.replace("employment_type")
        result.add("employment_type", EmploymentType.OTHER, both, 0.75)
    _liberal_replacement(result, text)
    _labelled_duration(result, labelled, lang)
    # A heading naming an internship or volunteering ('Traineeship at the Parliament')
    # says what the post is before its duration does.
    heading = lines[:5]
    for position, group in enumerate((heading, None, lines)):
        if result.get("employment_type"):
            break
        if group is None:
            _fixed_by_duration(result, labelled, text, lang)
            continue
        for line in group:
            if is_nav(line):
                continue  # a site's menu ('Post a job   Volunteering   Training'): no contract
            roles = kinds_in(line, lang, ROLE_TYPES[:2] if position == 0 else ROLE_TYPES)
            if roles:
                _add_kind(result, roles[0][2], line, line, 0.7)
                break
    if not result.get("employment_type") and _CORPS.search(text):
        match = _CORPS.search(text)
        assert match is not None
        # 'Corps : attaché d'administration': a post for civil servants of that corps.
        result.add("employment_type", EmploymentType.PERMANENT, around(text, match), 0.6)
    concours = _CONCOURS.search(text)
    if not result.get("employment_type") and concours:
        # a competitive examination recruits civil servants: tenured posts
        result.add("employment_type", EmploymentType.PERMANENT, around(text, concours), 0.6)
    _renewed_contract(result, labelled, text)
    if not result.get("duration_months") and result.value("employment_type") in _TAKES_A_TERM:
        match = _TENURE.search(text) or _TERM_OF.search(text) or _FOR_A_TIME.search(text)
        # (not 'The trial period is six months': the word before the match says so too)
        if match and not re.search(r"essai|probation|trial",
                                   text[max(0, match.start() - 20):match.end()], re.I):
            result.add("duration_months", _duration(match.group(0)), around(text, match), 0.6)
    elif not result.get("duration_months") and result.value("employment_type") is \
            EmploymentType.OTHER and _LENT.search(str(getattr(result.get("employment_type"),
                                                             "snippet", ""))):
        # a secondment's period: 'Period of deputation: three years'
        match = _LENT_FOR.search(text)
        if match and not re.search(r"essai|probation|trial", match.group(0), re.I):
            result.add("duration_months", _duration(match.group(0)), around(text, match), 0.6)
    _studentship_term(result, text)
    _temping(result, lines)
    _permanent_with_a_duration(result)
    read_working_time(result, text, lang)


_LENT = re.compile(r"second|deputation|détach", re.I)
_LENT_FOR = re.compile(r"\b(?:period|term|duration|durée|période)\s++(?:of\s++|de\s++|du\s++)?"
                       r"(?:the\s++|la\s++|le\s++)?(?:secondment|deputation|détachement|assignment)"
                       r"\s*+:?\s*+(?:of\s++|de\s++|is\s++|est de\s++)?" + DURATION.pattern, re.I)
_CONCOURS = re.compile(r"\bconcours (?:externe|interne|d['’]accès|sur titres|de recrutement)|"
                       r"\b(?:troisième|3e) concours\b|\bliste d['’]aptitude\b", re.I)
_RENEWABLE = re.compile(r"\b(?:renewable|renouvelable|extendable)\b", re.I)


_EMPLOYEE_TERM = re.compile(
    r"\b(?:\d{1,2}|one|two|three|four|five)[- ](?:years?|months?)\s++(?:fixed[- ]term\s++)?"
    r"contract\s++(?:position|post|appointment|job)\b[^.\n]{0,80}\b(?:renewal|renewable|"
    r"conversion|extension|extendable)", re.I)
_CONTRACTOR_PAY = re.compile(r"\b(?:day rate|daily rate|per day|IR35|B2B|1099|corp[- ]to[- ]corp|"
                             r"C2C|umbrella|invoice|TJM)\b", re.I)


def _studentship_term(result: ParsedPosting, text: str) -> None:
    """A funded PhD's length ('a four-year PhD', 'the studentship covers ... for 3.5 years'):
    the duration of a post that has no contract."""
    kind = result.get("employment_type")
    if result.get("duration_months") or kind is None or kind.value is not EmploymentType.OTHER \
            or not STUDENTSHIP.search(str(kind.snippet)):
        return
    match = STUDY_TERM.search(text)
    months = _duration(match.group(0)) if match else None
    if match and months:
        result.add("duration_months", months, around(text, match), 0.6)


def _renewed_contract(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
                      text: str) -> None:
    """A board's 'Contract' tag beside 'Duration: 12 months (renewable ...)': a contract an
    employer renews is an employee's fixed term, not a contractor's."""
    kind = result.get("employment_type")
    if kind is None or kind.value is not EmploymentType.FREELANCE \
            or not (_CONTRACTOR.search(str(kind.snippet))
                    or re.search(r":\s*+(?-i:Contract|CONTRACT|contract)\s*+$", str(kind.snippet))):
        return
    for value, snippet in labelled.get("duration", []):
        if _RENEWABLE.search(value) and _duration(value):
            result.findings.remove(kind)
            result.add("employment_type", EmploymentType.FIXED_TERM, snippet, 0.7)
            return
    # 'This is a 2-year contract position, with the possibility of renewal or conversion': an
    # employee's term, unless the pay is a contractor's (a day rate, outside IR35, B2B)
    match = _EMPLOYEE_TERM.search(text)
    if match and not _CONTRACTOR_PAY.search(text):
        result.findings.remove(kind)
        result.add("employment_type", EmploymentType.FIXED_TERM, around(text, match), 0.7)


def _temping(result: ParsedPosting, lines: list[str]) -> None:
    """A posting whose heading names temporary agency work ('Mission d'intérim', an 'Agence
    Intérim' for its client): its 'mission de 3 mois' is a temp's assignment, not a fixed
    term with the employer."""
    kind = result.get("employment_type")
    if kind is not None and kind.value is EmploymentType.FIXED_TERM \
            and not re.search(r"\bCDD\b|contrat à durée", str(kind.snippet), re.I) \
            and any(TEMPING.search(line) for line in lines[:4]):
        kind.value = EmploymentType.TEMPORARY
        kind.confidence = min(kind.confidence, 0.7)


_LIBERAL = re.compile(r"\b(rétrocession|retrocession|libéral(?:e|es)?|honoraires|self-employed)\b",
                      re.I)


def _liberal_replacement(result: ParsedPosting, text: str) -> None:
    """'Remplacement' of a doctor paid by 'rétrocession' of the fees: the one replacing
    practises on their own account (freelance), not on a fixed-term contract."""
    kind = result.get("employment_type")
    if (kind is not None and kind.value is EmploymentType.FIXED_TERM
            and re.search(r"remplac|locum", str(kind.snippet), re.I)
            and not re.search(r"\bCDD\b|contrat", str(kind.snippet), re.I)
            and _LIBERAL.search(text)):
        result.findings.remove(kind)
        result.add("employment_type", EmploymentType.FREELANCE, kind.snippet, 0.7)


def _add_kind(result: ParsedPosting, kind: EmploymentType, value: str, snippet: str,
              confidence: float) -> None:
    """The contract, and the duration the same line states for a post for a time."""
    if kind is EmploymentType.OTHER and not _open_to_both(value) and "second" not in value:
        confidence = min(confidence, 0.6)  # two contracts offered: to check
    result.add("employment_type", kind, snippet, confidence)
    if kind in _TAKES_A_TERM and not _open_to_both(value):
        term = _TERM_OF.search(value)
        months = _duration(next(g for g in term.groups() if g)) if term else _duration(
            _TRIAL.sub("", value))  # not 'la période d'essai étant de trois mois'
        if months:
            result.add("duration_months", months, snippet, confidence)


def _labelled_duration(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
                       lang: str) -> None:
    duration = _first(labelled, "duration")
    if duration and not result.get("duration_months"):
        months = _duration(duration[0])
        dates = find_dates(duration[0], lang)
        if dates and not months:
            result.add("duration_months", dates[0].value.isoformat(), duration[1], 0.3,
                       review=Text("a date where a duration is expected"))
        elif months:
            result.add("duration_months", months, duration[1], 0.8)


def _fixed_by_duration(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
                       text: str, lang: str) -> None:
    """'Contract: 9 months', 'Contract duration: 12 months', 'a fellowship for three years':
    a duration beside a post and no contract word is a fixed term (a guess to check)."""
    labelled_duration = result.get("duration_months")
    if labelled_duration is not None and isinstance(labelled_duration.value, int):
        result.add("employment_type", EmploymentType.FIXED_TERM, labelled_duration.snippet, 0.7)
        return
    for value, snippet in labelled.get("employment_type", []):
        months = _duration(value)
        if months:
            result.add("employment_type", EmploymentType.FIXED_TERM, snippet, 0.7)
            result.add("duration_months", months, snippet, 0.7)
            return
    for found in _FOR_A_TIME.finditer(text):
        months = _duration(found.group(0)[-25:])
        if months and not _open_to_both(around(text, found, 200)):
            snippet = around(text, found)
            # 'une mission d'intérim de 2 mois': the kind the words name, for that time
            roles = kinds_in(found.group(0), lang, ROLE_TYPES)
            kind = roles[0][2] if roles else EmploymentType.FIXED_TERM
            result.add("employment_type", kind, snippet, 0.65)
            result.add("duration_months", months, snippet, 0.65)
            return
    match = re.search(r"\b(\d{1,2})[- ]month\b", text)
    if match and re.search(r"\bcontract|contrat|assignment|mission\b",
                           text[match.end():match.end() + 40], re.I):
        snippet = around(text, match)
        result.add("employment_type", EmploymentType.FIXED_TERM, snippet, 0.65)
        result.add("duration_months", int(match.group(1)), snippet, 0.65)


def duration_beside_start(result: ParsedPosting, text: str = "", lang: str = "en") -> None:
    """'À partir du 15 septembre 2026 (8 mois, 24 h/semaine)': a duration in the sentence that
    gives the start of a post for a time (fixed term, internship, volunteering); else the
    months from the start to the end the text gives ('the position is limited to
    31.12.2028')."""
    start, kind = result.get("job_start_date"), result.value("employment_type")
    if result.get("duration_months") or start is None or kind not in _TAKES_A_TERM:
        return
    months = _duration(str(start.snippet))
    if months:
        result.add("duration_months", months, start.snippet, 0.6)
        return
    if start.review is not None:
        return
    for line in text.split("\n"):
        ends = _ENDS.search(line)
        if ends is None or _APPLYING.search(line):
            continue
        found = find_dates(line[ends.end():ends.end() + 30], lang)
        if found and found[0].value > start.value:
            months = whole_months(start.value, found[0].value)
            if months and months <= 120:
                result.add("duration_months", months, line, 0.6)
            return


def _permanent_with_a_duration(result: ParsedPosting) -> None:
    """'Emploi permanent' and 'Durée : 18 mois' contradict each other: the duration is shown
    for review, not used, and the contract becomes a guess to check."""
    kind, duration = result.get("employment_type"), result.get("duration_months")
    if (kind is None or kind.value is not EmploymentType.PERMANENT or duration is None
            or duration.review is not None):
        return
    duration.review = Text("contradiction: a duration of %(months)s months beside a permanent "
                           "contract («%(snippet)s»): which is it?", months=duration.value,
                           snippet=str(kind.snippet)[:60])
    kind.confidence = min(kind.confidence, 0.6)
