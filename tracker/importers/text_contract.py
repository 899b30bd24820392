"""The contract of a posting's text: its kind (volunteer programmes, internships, work-study,
consultancies, fixed terms and permanent posts, from a labelled line or the first line naming
one), its duration (stated, or a post for a time with no contract word: a fixed term) and the
share of full time."""

from __future__ import annotations

import re

from tracker.i18n import Text
from tracker.importers.base import ParsedPosting
from tracker.importers.dates import find_dates, whole_months
from tracker.importers.text_working_time import around, read_working_time
from tracker.models.enums import EmploymentType

__all__ = ["around", "duration_beside_start", "read_contract"]


def _first(labelled: dict[str, list[tuple[str, str]]], name: str) -> tuple[str, str] | None:
    values = labelled.get(name)
    return values[0] if values else None


# Words that state the contract itself, read first, line by line...
_TYPES = [
    (re.compile(r"\b((?-i:VIE|V\.I\.E\.?|VSI|VIA))\b|\b(volontariat|volontaires? internationa\w*|"
                r"service civique|UN Volunteers?|volunteer programme)\b", re.I),
     EmploymentType.VOLUNTEER),
    (re.compile(r"\b(CDD|contrat à durée déterminée|contrat a duree determinee|fixed[- ]term|"
                r"temporary(?! (?:work|staffing|employment) agenc)|contract\s*+/\s*+temporary|"
                r"contrat de projet|contractuel|maternity cover|parental leave cover|remplacement|"
                # a leave covered, a summer's job, a show's intermittent (a CDD d'usage)
                r"(?:maternity|paternity|parental|sick|study)(?: leave)? (?:cover|replacement)|"
                r"leave (?:cover|replacement)|emploi d['’]été|job d['’]été|summer (?:job|position)|"
                r"intermittent(?:e)? du spectacle|(?-i:CDDU)|"
                r"(?:période|durée|periode|duree) déterminée|(?:emploi|poste|statut|contrat) occasionnel|"
                r"saisonnier|saisonnière|seasonal|term (?:position|appointment|post|contract)|"
                r"determinate|contrat d'engagement éducatif|(?-i:CEE))\b"
                # a post that ends with a mandate or a project; 'Term (6 months)' under a label
                r"|\b((?:runs?|lasts?|valid) until the end of|jusqu'à la fin (?:du|de la) "
                r"(?:mandat|législature|projet|programme))\b|^\W*(term)(?=\s*+(?:\(|,|$))", re.I),
     EmploymentType.FIXED_TERM),
    (re.compile(r"\b(CDI|contrat à durée indéterminée|emploi permanent|poste permanent|"
                r"permanent(?!\s+(?:database|representation|secretariat|mission|delegation|"
                r"court|committee|council|residen\w*|address|campus|premises|exhibition|collection|building)"
                r")|open[- ]ended|"
                r"titulaire(?!s?\s+(?:du|de|des|d'|d’))|fonctionnaires?|indefinite|"
                # ('Ongoing', 'an ongoing role', not 'ongoing training')
                r"ongoing(?=\s*+(?:$|[,.;)|·•/–-]|(?:\s++(?:full[- ]time|part[- ]time))?\s++(?:role|"
                r"position|post|contract|appointment|employment|basis|job|vacancy|opportunity)\b))|"
                # (not 'no claim for regular appointment')
                r"(?<!for )(?<!to )(?<!no )regular (?:appointment|post|position|employment)|(?:nature of )?appointment\s*+:\s*+"
                r"regular|"
                r"ind[ée]termin[ée]e?s?|indeterminate|direct[- ]hire|tenure[- ]track|"
                r"emploi régulier|poste régulier|on (?:a )?regular basis|"
                r"unlimited (?:contract|employment)|unbefristet\w*|"
                # 'Employment type: Regular, Full-time' (not a temporary hire); Brazil's CLT,
                # the employee's regime of the labour code, open-ended unless a term is stated
                r"^\W*regular(?=\s*+(?:[,/·|]|$|full[- ]time|part[- ]time))|(?-i:CLT)(?=\s*+(?:\(|$|[,;·|]))|"
                r"maître de conférences|professeur des universités)\b", re.I),
     EmploymentType.PERMANENT),
    (re.compile(r"\b(apprentissage|(?<!horaires )(?<!week-ends )(?<!weekends )(?<!équipes )"
                r"alternance(?!\s++(?:matin|jour|nuit|semaine))|apprenticeship|apprentice|work[- ]study|"
                r"contrat de professionnalisation)\b", re.I), EmploymentType.APPRENTICESHIP),
    (re.compile(r"\b(freelance|free-lance|consultancy|individual consultant|independent "
                r"consultant|prestataire|individual contractor|independent contractor|"
                r"auto-entrepreneur|portage salarial|libéra(?:l|le|ux)(?:\(e\))?|"
                r"self-employed|rétrocession|pigiste|à la pige)(?!\w)", re.I),
     EmploymentType.FREELANCE),
    # A civil servant lent by their administration: neither hired nor contracted here.
    (re.compile(r"\b(secondment|seconded national experts?|(?:on )?deputation(?: basis)?)\b",
                re.I), EmploymentType.OTHER),
]
# ... and words that may only name the post or the people around it ('supervise interns',
# 'our consultants', 'volunteers welcome'), read when no line states the contract.
_ROLE_TYPES = [
    (re.compile(r"\b(bénévol\w*|volunteer\w*|volontaire)\b", re.I), EmploymentType.VOLUNTEER),
    (re.compile(r"\b(stages?|stagiaires?|internships?|interns?|traineeships?)\b", re.I),
     EmploymentType.INTERNSHIP),
    (re.compile(r"\b(consultant|locums?)\b", re.I), EmploymentType.FREELANCE),
    (re.compile(r"\b(intérim|interim|vacataire|vacation|casual)\b", re.I),
     EmploymentType.TEMPORARY),
]
# 'Contract' as a kind of job, the way boards list it ('· Contract ·', 'Job type: Contract,
# 6 months', 'Contract DevOps Engineer'): a contractor, not an employee on a fixed term.
_CONTRACTOR = re.compile(
    r"(?:^|[·|•]\s*+)(?-i:Contract|CONTRACT|contract)(?:or)?\b(?!\s*+(?i::|type|duration|length|"
    r"period|term|of|for|until|to|start|end|role\b|position\b|manage\w*|administrat\w*|"
    r"officer|specialist|lawyer|law|negotiat\w*|compliance|arrangement|details?)\b)"
    # (not a contract and its length side by side: 'Contract | 4 months', a fixed term)
    r"(?!\s*+[|:–—]\s*+\d{1,3}\s*+(?:months?|weeks?|years?|mois)\b)(?=\s*+(?:[·|•,(]|$|[A-Z]))")
# 'Contrat de droit public de 3 ans', 'a two-year training contract', 'a five-year renewable
# term', 'initially limited to 2 years': a contract for a stated time (not a trial period).
_PERIOD_WORDS = r"(?:mois|months?|ans?|years?|années?|semaines?|weeks?)"
_TERM_OF = re.compile(
    r"\b(?:contrat|contract|CDD|appointment|engagement)\b(?:(?!essai|probation|trial)[^.\n;]){0,40}?"
    r"\b(?:de|d['’]|d['’]une durée de|of|for)\s*+(?:a\s++|an\s++|one\s++)?"
    r"(?P<span>(?:\d{1,3}|un|une|one|two|three|four|five|six|deux|trois|quatre|cinq)[\s-]*+"
    + _PERIOD_WORDS + r")\b"
    r"|(?P<span2>\b(?:\d{1,3}|one|two|three|four|five|six|nine|twelve|eighteen)[\s-]*+"
    r"(?:months?|years?|mois|ans?|weeks?))[\s-]++(?:\w+[\s-]++){0,2}(?:contract|term|appointment|"
    r"contrat|engagement|assignment|internship|placement|fellowship)\b"
    # 'a one-year visiting position', 'a 12-month role' (the length joined to its unit)
    r"|(?P<span6>\b(?:\d{1,2}|one|two|three|four|five|six|nine|twelve|eighteen)-(?:month|year|week))"
    r"\s++(?:(?!experience|expérience)[a-z]+\s++)?(?:position|post|role|job)\b"
    r"|\blimited to\s++(?P<span3>\d{1,3}[\s-]*+(?:months?|years?))\b"
    # 'on a tenure basis for a period of three years', 'pour une période de 6 mois'
    r"|\b(?:for|pour)\s++(?:a|une)\s++(?:period|term|période|durée)\s++(?:of|de)\s++"
    r"(?P<span4>(?:\d{1,3}|one|two|three|four|five|six|un|une|deux|trois|quatre|cinq)"
    r"(?:\s*+\(\w+\))?[\s-]*+" + _PERIOD_WORDS + r")\b"
    # a contract and its length side by side: 'Travel contract, 13 weeks', 'CDD – 6 mois'
    r"|\b(?:contract|contrat|CDD|assignment|engagement)\s*+[,:|–—]\s*+(?P<span5>\d{1,3}[\s-]*+"
    + _PERIOD_WORDS + r")\b", re.I)
# Two contracts offered in one breath ('salarié (CDI) ou libéral', 'un poste indéterminé et
# des postes d'une période déterminée'): the contract is not one, it is stated as other.
_BETWEEN_ALTERNATIVES = re.compile(r"\b(?:ou|or|et|and|voire)\b|/", re.I)
# The post's end: 'the position is limited to 31.12.2028', 'runs through September 30, 2029'.
_ENDS = re.compile(r"\b(?:position|post|poste|contract|contrat|appointment)\b[^.\n]{0,30}?"
                   r"\b(?:is limited to|limited to|runs through|runs until|ends on|"
                   r"prend fin le|se termine le|est limité au|est limitée au)\s++", re.I)
_APPLYING = re.compile(r"candidat|apply|applica|postul|deadline|closing", re.I)
# A trial period and its length: not the contract's.
_TRIAL = re.compile(r"(?:\b[\w()]+[\s-]*+(?:months?|mois|weeks?|semaines?)['’]?[\s-]*+)?"
                    r"(?:p[ée]riode d['’]essai|probation(?:ary)?(?: period)?|trial period|essai)"
                    r"[^.;\n]{0,40}"
                    r"|\b\d{1,2}\s*+(?:[-–]|to|à)?\s*+\d{0,2}\+?\s*+(?:years?|ans?)['’]?\s*+(?:of\s++|"
                    r"d['’])?(?:\w+\s++)?(?:experience|expérience)", re.I)
_CORPS = re.compile(r"(?mi)^\W*corps(?: d'accueil| de recrutement)?\s*+:")


# A fellowship or an appointment for a stated time, with no contract word: a fixed term.
_NUMBERS = {"un": 1, "une": 1, "one": 1, "deux": 2, "two": 2, "trois": 3, "three": 3,
            "quatre": 4, "four": 4, "cinq": 5, "five": 5, "six": 6, "sept": 7, "seven": 7,
            "huit": 8, "eight": 8, "neuf": 9, "nine": 9, "dix": 10, "ten": 10, "douze": 12,
            "twelve": 12, "dix-huit": 18, "eighteen": 18, "vingt-quatre": 24}
_DURATION = re.compile(
    r"\b(?P<n>\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) +
    r")(?:\s*+\(\d{1,3}\))?[\s-]*+(?P<unit>mois|months?|ans?|years?|années?|semaines?|weeks?)\b",
    re.I)


_TENURE = re.compile(
    r"\b(tenure|contract|appointment|contrat|CDD|période|period|durée|duration|mission)\b"
    r"[^.\n]{0,40}?" + _DURATION.pattern, re.I)


_FOR_A_TIME = re.compile(
    r"\b(?:fellowships?|fellows?|appointments?|posts?|positions?|postes?|contrats?|contracts?|"
    r"missions?|assignments?|runs?|elect\w*|recrut\w*|tenable|researcher|appointed|tenure)"
    r"\b[^.\n]{0,60}?\b(?:for|pour|of|de|durée de|limited to|pendant)"
    r"\s++(?:a\s++|an\s++|une?\s++)?(?:initial\s++|first\s++)?(?:period of\s++|durée de\s++)?"
    + _DURATION.pattern, re.I)


_OPEN_TO_CIVIL_SERVANTS = re.compile(r"titulaire|fonctionnaire", re.I)
_CONTRACT_STAFF_TERM = re.compile(r"contractuel(?:le)?s?\s+(?:en|par)\s+CDD", re.I)


_STATUTORY = re.compile(r"\b(?:voie )?statutaire\b", re.I)
_CONTRACTUAL = re.compile(r"\bvoie contractuelle\b", re.I)


def _open_to_both(value: str) -> bool:
    """'ouvert aux fonctionnaires ... et aux contractuels en CDD de 3 ans', 'par voie
    contractuelle (contrat de 1 an) ou statutaire': the term is the contract staff's option,
    not the post's contract."""
    return bool(_OPEN_TO_CIVIL_SERVANTS.search(value) and _CONTRACT_STAFF_TERM.search(value)
                or _STATUTORY.search(value) and _CONTRACTUAL.search(value))


def _duration(value: str) -> int | None:
    match = _DURATION.search(value)
    if not match:
        return None
    n = match["n"].lower()
    number = int(n) if n.isdigit() else _NUMBERS[n]
    unit = match["unit"].lower()
    if unit.startswith(("semaine", "week")) and number < 4.3:
        return None  # under a month: no number of months
    months = (number if unit.startswith(("mois", "month")) else
              round(number / 4.345) if unit.startswith(("semaine", "week")) else number * 12)
    return months if 0 < months <= 600 else None


# Words that make a contract word a past qualification: 'completion of a registered
# apprenticeship', 'having completed an internship', 'ancien apprenti'.
_PAST = re.compile(r"\b(?:completion of|completed|having done|after|prior|previous|former|"
                   r"ancien(?:ne)?|à l['’]issue d['’]un|ayant effectué|après)\s++(?:an?\s++|"
                   r"une?\s++|the\s++|your\s++|votre\s++)?(?:\w+\s++)?$", re.I)
# A contract offered after the post, not the post's own: 'pré-embauche en CDI possible à
# l'issue', 'with the chance of a permanent contract at the end', 'possibilité de CDI'.
_PROSPECT_BEFORE = re.compile(r"\b(?:pr[ée]-?embauche|possibilit[ée]s?|perspectives?|chance|"
                              r"expectation|possibility|prospect|view|lead(?:ing)?|d[ée]bouch\w*|"
                              r"évolution|transformable|converted?)\s++(?:(?:d['’]|de|en|of|to|"
                              r"into|sur|vers|a|an|un|une)\s*+){1,2}(?:\w+\s++)?$", re.I)
_PROSPECT_AFTER = re.compile(r"\s*+(?:\w+\s++)?(?:possible|envisageable|envisagé|à l['’]issue|"
                             r"à terme|afterwards|at the end|thereafter)\b", re.I)
# A capitalised word inside a name that a bracketed acronym closes.
_IN_A_NAME = re.compile(r"(?:\s++[A-Z]\w*)*\s*+\([A-Z]{2,}\)")

_TAKES_A_TERM = (EmploymentType.FIXED_TERM, EmploymentType.TEMPORARY, EmploymentType.INTERNSHIP,
                 EmploymentType.APPRENTICESHIP, EmploymentType.VOLUNTEER,
                 EmploymentType.FREELANCE)


def _kinds_in(value: str, lang: str,
              types: list[tuple[re.Pattern[str], EmploymentType]]) -> list[tuple[int, int,
                                                                                 EmploymentType]]:
    """(start, end, kind) of every contract word of `types` in a line."""
    found = []
    for pattern, kind in types:
        for match in pattern.finditer(value):
            word = match.group(0).lower()
            if lang == "en" and word in ("vacation", "vacations"):
                continue  # 'five weeks vacation': holidays, not a French 'vacation'
            if _PAST.search(value[max(0, match.start() - 40):match.start()]):
                continue  # 'completion of a registered apprenticeship': a qualification held
            if match.group(0)[:1].isupper() and _IN_A_NAME.match(value, match.end()) \
                    and value[:match.start()].rstrip()[-1:].isupper() is False \
                    and re.search(r"[A-Z]\w*\s++(?:&\s++|and\s++)?$", value[:match.start()]):
                continue  # 'Sponsored Research & Industrial Consultancy (SRIC)': a unit's name
            if lang == "en" and word.startswith("stage") or word == "alternance" and \
                    re.search(r"horaire|\d\s?h\b|équipe|week-end|schedule", value, re.I):
                continue  # 'horaires 5h-12h / 13h-20h en alternance': shifts, no work-study
            if re.search(r"\b[A-Z][a-z]+\s*+\($", value[:match.start()]) and \
                    value[match.end():match.end() + 1] == ")" and word in ("vie", "via"):
                continue  # 'Vienna (VIE)': an airport's code after the city's name
            if _PROSPECT_BEFORE.search(value[max(0, match.start() - 40):match.start()]) \
                    or _PROSPECT_AFTER.match(value, match.end()):
                continue  # 'Pré-embauche en CDI possible à l'issue': a contract to come
            found.append((match.start(), match.end(), kind))
    if value.count("|") >= 2 and len({kind for _, _, kind in found}) > 1:
        return []  # 'Missions freelance | Emplois CDI | Portage': a board's menu
    return sorted(found, key=lambda item: item[0])


def _stated(value: str, lang: str) -> tuple[EmploymentType, str] | None:
    """The contract a line states, (kind, the words), or None; two contracts offered in one
    breath are 'other'."""
    if _open_to_both(value):
        return EmploymentType.OTHER, value
    found = _kinds_in(value, lang, _TYPES)
    term = _TERM_OF.search(value)
    if term:
        kinds = {kind for _, _, kind in found + _kinds_in(value, lang, _ROLE_TYPES[:2])}
        if re.search(r"\b(intérim|interim|contrat de mission|mission d'intérim)\b", value, re.I):
            kinds.add(EmploymentType.TEMPORARY)  # 'contrat de mission (intérim) de 2 semaines'
        if any(kind is EmploymentType.PERMANENT and start < term.start()
               for start, _, kind in found):
            # 'open-ended, after an initial 12-month field assignment': the contract is named
            # first, the term is a stage of it
            return EmploymentType.PERMANENT, value
        # 'Stage de 6 mois', 'VIE de 12 mois': the kind named; 'tenure-track, nine-month
        # appointment': the academic year, not a term.
        # ('a 12-month rotational contract as an independent contractor': a contractor's)
        for kind in (EmploymentType.INTERNSHIP, EmploymentType.APPRENTICESHIP,
                     EmploymentType.VOLUNTEER, EmploymentType.TEMPORARY, EmploymentType.FREELANCE):
            if kind in kinds:
                return kind, value
        if re.search(r"\btenure[- ]track|\btenured\b", value, re.I):
            return EmploymentType.PERMANENT, value
        return EmploymentType.FIXED_TERM, value
    ends = _ENDS.search(value)
    if ends and not _APPLYING.search(value) and find_dates(value[ends.end():ends.end() + 30], lang):
        return EmploymentType.FIXED_TERM, value  # 'the position is limited to 31.12.2028'
    if not found:
        return None
    words = [value[start:end].lower() for start, end, _ in found]
    if any(w in ("titulaire", "fonctionnaire", "fonctionnaires") for w in words) and any(
            w.startswith("contractuel") for w in words):
        return EmploymentType.OTHER, value  # 'ouvert aux titulaires ou contractuels'
    first = found[0]
    for start, _, kind in found[1:]:
        gap = value[first[1]:start]
        alternative = _BETWEEN_ALTERNATIVES.search(gap) or not gap.strip(" ,;")
        if kind is not first[2] and len(gap) <= 60 and alternative \
                and EmploymentType.OTHER not in (kind, first[2]):
            return EmploymentType.OTHER, value
    named = [kind for _, _, kind in found]
    # An explicit fixed term beside the word 'permanent' elsewhere on the line ('CDD, poste
    # permanent'): the order of _TYPES decides, as a reader reads the contract word first.
    for _, kind in _TYPES:
        if kind in named:
            return kind, value
    return None


def read_contract(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]], text: str,
                  lang: str) -> None:
    lines = [line for line in text.split("\n") if line.strip()]
    labelled_types = labelled.get("employment_type", [])
    # A labelled line first, then a line stating the contract, then a post for a stated time
    # with no contract word, then words that may only name the post.
    for value, snippet in labelled_types:
        stated = ((EmploymentType.FREELANCE, value) if _CONTRACTOR.match(value.strip())
                  else None) or _stated(value, lang) or next(
            ((kind, value) for _, _, kind in _kinds_in(value, lang, _ROLE_TYPES)), None)
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
            roles = _kinds_in(line, lang, _ROLE_TYPES[:2] if position == 0 else _ROLE_TYPES)
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
    _temping(result, lines)
    _permanent_with_a_duration(result)
    read_working_time(result, text, lang)


_LENT = re.compile(r"second|deputation|détach", re.I)
_LENT_FOR = re.compile(r"\b(?:period|term|duration|durée|période)\s++(?:of\s++|de\s++|du\s++)?"
                       r"(?:the\s++|la\s++|le\s++)?(?:secondment|deputation|détachement|assignment)"
                       r"\s*+:?\s*+(?:of\s++|de\s++|is\s++|est de\s++)?" + _DURATION.pattern, re.I)
_CONCOURS = re.compile(r"\bconcours (?:externe|interne|d['’]accès|sur titres|de recrutement)|"
                       r"\b(?:troisième|3e) concours\b|\bliste d['’]aptitude\b", re.I)
_RENEWABLE = re.compile(r"\b(?:renewable|renouvelable|extendable)\b", re.I)


_EMPLOYEE_TERM = re.compile(
    r"\b(?:\d{1,2}|one|two|three|four|five)[- ](?:years?|months?)\s++(?:fixed[- ]term\s++)?"
    r"contract\s++(?:position|post|appointment|job)\b[^.\n]{0,80}\b(?:renewal|renewable|"
    r"conversion|extension|extendable)", re.I)
_CONTRACTOR_PAY = re.compile(r"\b(?:day rate|daily rate|per day|IR35|B2B|1099|corp[- ]to[- ]corp|"
                             r"C2C|umbrella|invoice|TJM)\b", re.I)


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


_TEMPING = re.compile(r"\b(?:int[ée]rim(?:aire)?|mission d['’]int[ée]rim|travail temporaire|"
                      r"temp(?:orary)? agency|temping)\b", re.I)


def _temping(result: ParsedPosting, lines: list[str]) -> None:
    """A posting whose heading names temporary agency work ('Mission d'intérim', an 'Agence
    Intérim' for its client): its 'mission de 3 mois' is a temp's assignment, not a fixed
    term with the employer."""
    kind = result.get("employment_type")
    if kind is not None and kind.value is EmploymentType.FIXED_TERM \
            and not re.search(r"\bCDD\b|contrat à durée", str(kind.snippet), re.I) \
            and any(_TEMPING.search(line) for line in lines[:4]):
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
            roles = _kinds_in(found.group(0), lang, _ROLE_TYPES)
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
