"""The contract of a posting's text: its kind (volunteer programmes, internships, work-study,
consultancies, fixed terms and permanent posts, from a labelled line or the first line naming
one), its duration (stated, or a post for a time with no contract word: a fixed term) and the
share of full time."""

from __future__ import annotations

import re

from tracker.i18n import Text
from tracker.importers.base import ParsedPosting
from tracker.importers.dates import find_dates
from tracker.models.enums import EmploymentType


def _first(labelled: dict[str, list[tuple[str, str]]], name: str) -> tuple[str, str] | None:
    values = labelled.get(name)
    return values[0] if values else None


def around(text: str, match: re.Match[str], width: int = 60) -> str:
    start = max(0, text.rfind("\n", 0, match.start()) + 1, match.start() - width)
    end = text.find("\n", match.end())
    end = min(end if end != -1 else len(text), match.end() + width)
    return text[start:end]


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
    r"(?:months?|years?|mois|ans?|weeks?))[\s-]++(?:\w+\s++){0,2}(?:contract|term|appointment|"
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
    months = (number if unit.startswith(("mois", "month")) else
              round(number / 4.345) if unit.startswith(("semaine", "week")) else number * 12)
    return months if 0 < months <= 600 else None


# Words that make a contract word a past qualification: 'completion of a registered
# apprenticeship', 'having completed an internship', 'ancien apprenti'.
_PAST = re.compile(r"\b(?:completion of|completed|having done|after|prior|previous|former|"
                   r"ancien(?:ne)?|à l['’]issue d['’]un|ayant effectué|après)\s++(?:an?\s++|"
                   r"une?\s++|the\s++|your\s++|votre\s++)?(?:\w+\s++)?$", re.I)
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
            found.append((match.start(), match.end(), kind))
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
        if match and not re.search(r"essai|probation|trial", match.group(0), re.I):
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
    _working_time(result, text, lang)


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
            months = round(((found[0].value - start.value).days + 1) / 30.44)
            if 1 <= months <= 120:
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


_QUOTITE = re.compile(r"\b(?:quotit[ée](?: de travail)?|working time|temps de travail|employment rate|"
                      r"taux d'activit[ée]|t[âa]che(?: compl[èe]te| partielle)?|taux "
                      r"d'occupation)\s*+[:(]?\s*+(\d{1,3})\s*+%", re.I)
# 'Quotité de travail : Complet', 'Tâche : complète', 'Working time: full-time': the share
# named in words under its label.
_QUOTITE_WORD = re.compile(r"(?mi)^\W*(?:quotit[ée](?: de travail)?|temps de travail|t[âa]che|"
                           r"working time|work schedule|schedule|horaire)\s*+:\s*+(?:[àa]\s++)?"
                           r"(?:(?P<full>complet|compl[èe]te|temps (?:plein|complet)|full[- ]time|"
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
_FTE = re.compile(r"\b([01](?:[.,]\d{1,2})?)\s*+(?:FTE|ETP)\b")
# ('FTE: 0.8', a table's 'FTE   0.6 / 24 hrs per week', 'FTE 0.9')
_FTE_LABEL = re.compile(r"\b(?:FTE|ETP)\s*+:?\s*+([01](?:[.,]\d{1,2})?)(?![\d.,])")
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
_FULL_WORDS = re.compile(r"\b(temps (?:plein|complet)|full[-_ ]time)\b", re.I)
_PART_WORDS = re.compile(r"\b(temps partiel|part[- ]time|job share|\d/5e?|mi-temps|half[- ]time)\b",
                         re.I)
_SHARE_RANGE = re.compile(r"\b\d{2,3}\s*+%?\s*+[-–]\s*+\d{2,3}\s*+%|\b\d{2}\s*+(?:[-–]|à|to)\s*+\d{2}\s*+"
                          r"(?:heures|hours)\s*+(?:per|a|par|/)\s*+(?:week|semaine)", re.I)
_DAYS_A_WEEK = re.compile(r"\b([1-4](?:[.,]5)?)\s*+(?:days?\s++(?:a|per)\s++week|jours?\s++par\s++"
                          r"semaine)", re.I)
# The week a part of which is worked: 'full time is 37 hours', 'temps plein : 39 h'.
_FULL_WEEK = re.compile(r"(?:full[- ]time is|full[- ]time equivalent is|temps (?:plein|complet)"
                        r"\s*+(?:=|:|est de))\s*+(\d{2}(?:[.,]\d)?)\s*+(?:hours|heures|h)\b", re.I)
_PERCENT = re.compile(r"(?<![\d,.])(\d{2,3})\s*+%")
_NOT_A_SHARE = re.compile(r"\s*+(?:of\s++)?(?:marks|aggregate|score|cgpa|grade|pension|commission|"
                          r"bonus|travel|remote|discount|des voix|de réussite)", re.I)
_THIRTY_FIFTHS = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*35(?:e|ème|èmes)?\b")
# A share in fifths of a week: 'à 4/5e', 'un 4/5ème', 'quatre cinquièmes'.
_FIFTHS = re.compile(r"(?<![\d/])([1-4])\s*/\s*5\s*(?:e|ème|èmes|th)\b|\b(un|deux|trois|quatre) "
                     r"cinquièmes?\b", re.I)
_WEEKLY_HOURS = re.compile(r"(?<![\d,.])(?<!de )(?<!of )(\d{2}(?:[.,]\d)?)\s*(?:heures|hours|h)"
                           r"(?P<minutes>[0-5]\d)?\s*"
                           r"(?:(?:par|per|a|/)\s*(?:semaine|week|sem)\b|hebdo\w*|weekly)", re.I)
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
    else:  # a week of 35 to 40 hours: full time past 35, a plain quarter of 40 below
        share = 100 if count >= 35 else round(count * 100 / 40)
        return share if count >= 35 or share in (25, 50, 75) and share * 40 == count * 100 \
            else None
    share = 100 if count >= min(week, 35) else round(count * 100 / week)
    return share if 1 <= share <= 100 else None


def _working_time(result: ParsedPosting, text: str, lang: str) -> None:
    """The share of full time: a quotité, an FTE, a percent beside days a week or in the
    header ('— 50 %'), 28/35e, hours a week (35 or more is full time; fewer, a share of 35
    hours in French, of 40 in English; not for volunteering), else 'full time' or 'half time'."""
    for line in text.split("\n"):
        if _FULL_WORDS.search(line) and _PART_WORDS.search(line) or _SHARE_RANGE.search(line) \
                or _CHANGING.search(line):
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
        if percent and _NOT_A_SHARE.match(line, percent.end()):
            continue  # 'minimum 60% marks', '7 % pension': a share of something else
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
    days = next((found for found in _DAYS_A_WEEK.finditer(text)
                 if not _WHERE.search(around(text, found, 40))), None)
    if days:
        share = round(float(days.group(1).replace(",", ".")) * 20)
        result.add("working_time_percent", share, around(text, days), 0.6)
        return
    hours = _WEEKLY_HOURS.search(text) or _PART_HOURS.search(text)
    if hours and result.value("employment_type") is not EmploymentType.VOLUNTEER:
        of_hours = _share_of_hours(text, hours, lang)
        if of_hours is not None:
            result.add("working_time_percent", of_hours, around(text, hours), 0.6)
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
    full = next((match for match in re.finditer(r"\b(temps (?:plein|complet)|full[-_ ]time)\b",
                                                text, re.I)
                 if not _FULL_TIME_STUDY.match(text, match.end())), None)
    if full:
        result.add("working_time_percent", 100, around(text, full), 0.75)
        return
    half = re.search(r"\b(mi-temps|half[- ]time)\b", text, re.I)
    if half:
        result.add("working_time_percent", 50, around(text, half), 0.7)
