"""The words of a contract in a posting's text: the kinds a line states (TYPES) or that may
only name the post (ROLE_TYPES), a contractor's tag, a contract for a stated time and its
length, and the reading of one line (_stated); text_contract reads the posting with them."""

from __future__ import annotations

import re

from tracker.importers.dates import find_dates
from tracker.models.enums import EmploymentType

# Words that state the contract itself, read first, line by line...
TYPES = [
    # a temp's assignment that may turn permanent: a temp's until then ('Temp to perm',
    # 'temp-to-hire'), whatever 'permanent' follows
    (re.compile(r"\b(temp(?:orary)?[- ]to[- ](?:perm(?:anent)?|hire))\b", re.I), EmploymentType.TEMPORARY),
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
                r"determinate|contrat d'engagement éducatif|(?-i:CEE)|"
                # Ireland's contract for a purpose that ends (a funded project, a leave)
                r"specified[- ]purpose contract)\b"
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
                r"^\W*(?:regular|continuing)(?=\s*+(?:[,/·|]|$|full[- ]time|part[- ]time))|(?-i:CLT)(?=\s*+(?:\(|$|[,;·|]))|"
                # a contract label's value: 'Status: Regular Part-Time', 'Employee Type:
                # Regular', 'Work type: Continuing, full-time', 'Job Type: Full-Time Regular'
                r"(?:status|employee type|employment type|job type|work type|appointment type|"
                r"position type|type of (?:appointment|employment|position))\s*+[:|]?\s++"
                r"(?:(?:full|part)[- ]time,?\s++)?(?:regular|continuing|ongoing)(?=\s*+(?:[,/·|(]|$|"
                r"full[- ]time|part[- ]time))|"
                r"maître de conférences|professeur des universités)\b", re.I),
     EmploymentType.PERMANENT),
    (re.compile(r"\b(apprentissage|(?<!horaires )(?<!week-ends )(?<!weekends )(?<!équipes )"
                r"alternance(?!\s++(?:matin|jour|nuit|semaine))|apprenticeship|apprentice|work[- ]study|"
                r"contrat de professionnalisation)\b", re.I), EmploymentType.APPRENTICESHIP),
    (re.compile(r"\b(freelance|free-lance|consultancy|individual consultant|independent "
                r"consultant|prestataire|individual contractor|independent contractor|"
                r"auto-entrepreneur|portage salarial|libéra(?:l|le|ux)(?:\(e\))?|"
                r"self-employed|rétrocession|pigiste|à la pige|"
                # the US contractor's terms: 'C2C', 'Corp-to-Corp', '1099' (not 'no C2C')
                r"(?<!no )(?<!not )(?-i:C2C)|(?<!no )corp[- ]to[- ]corp|"
                r"(?<!no )(?:(?<=on )|(?<=/)|(?<=/ )|(?<=, ))1099|(?<!no )1099(?=\s*+(?:contract\w*|basis|only|"
                r"independent)\b))(?!\w)", re.I),
     EmploymentType.FREELANCE),
    # A civil servant lent by their administration: neither hired nor contracted here.
    (re.compile(r"\b(secondment|seconded national experts?|(?:on )?deputation(?: basis)?)\b",
                re.I), EmploymentType.OTHER),
    # A bank's contract: called in as needed, no guaranteed hours, no term
    (re.compile(r"\b(bank (?:contract|staff|basis|post|position|role)|(?:staff|relief) bank)\b",
                re.I), EmploymentType.OTHER),
]
STUDENTSHIP = re.compile(r"\b(studentships?|(?:PhD|doctoral) scholarships?|(?:fully[- ])?funded "
                         r"PhD(?: project| position| place| programme)?)\b", re.I)
# ... and words that may only name the post or the people around it ('supervise interns',
# 'our consultants', 'volunteers welcome'), read when no line states the contract.
ROLE_TYPES = [
    # (not a field of work: 'volunteer management experience', 'Volunteer Development Officer')
    (re.compile(r"\b(bénévol\w*|volunteer\w*|volontaire)\b(?!\s++(?:management|manager|coordinat\w*|"
                r"experience|engagement|development|recruitment|leaders?|base|network|programs?|"
                r"programmes?|services?)\b)", re.I), EmploymentType.VOLUNTEER),
    (re.compile(r"\b(stages?|stagiaires?|internships?|interns?|traineeships?)\b", re.I),
     EmploymentType.INTERNSHIP),
    (re.compile(r"\b(consultant|locums?)\b", re.I), EmploymentType.FREELANCE),
    (re.compile(r"\b(intérim|interim|vacataire|vacation)\b", re.I),
     EmploymentType.TEMPORARY),
    # a casual's status (Canada, Australia): called in as needed, no guaranteed hours and no
    # term; neither a fixed term nor a temp's assignment
    (re.compile(r"\b(casual(?:\s++(?:relief|on[- ]call|pool|position|employee|basis))?)\b(?!\s++(?:dress|attire|atmosphere|environment|"
                r"culture|vibe|dining|setting|fridays?)\b)", re.I),
     EmploymentType.OTHER),
    # a zero-hours contract (the UK): no hours guaranteed, no term; as a casual's (not one
    # offered to some beside the post's own: '... or a zero-hours contract if you want full
    # flexibility', 'a relief pool on zero-hour contracts for anyone who ...')
    (re.compile(r"\b(zero[- ]hours?(?:\s++contracts?)?)\b(?![^.\n]{0,20}?\b(?:if you|for anyone|"
                r"for those)\b)", re.I), EmploymentType.OTHER),
    # a PhD funded by a studentship or a scholarship: a student's stipend, no contract
    (STUDENTSHIP, EmploymentType.OTHER),
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
    r"contrat|engagement|assignment|internship|placement|fellowship|apprenticeship|traineeship)\b"
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
_CORPS = re.compile(r"(?mi)^[^\w\n]*corps(?: d'accueil| de recrutement)?\s*+:")


# A fellowship or an appointment for a stated time, with no contract word: a fixed term.
_NUMBERS = {"un": 1, "une": 1, "one": 1, "deux": 2, "two": 2, "trois": 3, "three": 3,
            "quatre": 4, "four": 4, "cinq": 5, "five": 5, "six": 6, "sept": 7, "seven": 7,
            "huit": 8, "eight": 8, "neuf": 9, "nine": 9, "dix": 10, "ten": 10, "douze": 12,
            "twelve": 12, "dix-huit": 18, "eighteen": 18, "vingt-quatre": 24}
DURATION = re.compile(
    r"\b(?P<n>\d{1,2}\.5(?!\d)|\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) +
    r")\+?(?:\s*+\(\d{1,3}\))?[\s-]*+(?P<unit>mois|months?|ans?|years?|années?|semaines?|weeks?)\b",
    re.I)


_TENURE = re.compile(
    r"\b(tenure|contract|appointment|contrat|CDD|période|period|durée|duration|mission)\b"
    r"[^.\n]{0,40}?" + DURATION.pattern, re.I)


_FOR_A_TIME = re.compile(
    r"\b(?:fellowships?|fellows?|appointments?|posts?|positions?|postes?|contrats?|contracts?|"
    r"missions?|assignments?|runs?|elect\w*|recrut\w*|tenable|researcher|appointed|tenure)"
    r"\b[^.\n]{0,60}?\b(?:for|pour|of|de|durée de|limited to|pendant)"
    r"\s++(?:a\s++|an\s++|une?\s++)?(?:initial\s++|first\s++)?(?:period of\s++|durée de\s++)?"
    + DURATION.pattern, re.I)


# The length of a funded PhD: 'a four-year PhD', 'studentship – 3.5 years', 'a stipend ... for
# four years'.
STUDY_TERM = re.compile(
    r"(?:" + DURATION.pattern + r")[\s-]++(?:\w+\s++)?(?:PhD|doctora\w*|studentships?)\b"
    r"|\b(?:studentships?|stipend|scholarships?|PhD)\b[^.\n]{0,60}?(?:\b(?:for|over|of)|\s[–—-])\s++"
    r"(?:a\s++period\s++of\s++)?(?:" + DURATION.pattern.replace("?P<n>", "?:").replace(
        "?P<unit>", "?:") + r")", re.I)


_OPEN_TO_CIVIL_SERVANTS = re.compile(r"titulaire|fonctionnaire", re.I)
_CONTRACT_STAFF_TERM = re.compile(r"contractuel(?:le)?s?\s+(?:en|par)\s+CDD", re.I)


_STATUTORY = re.compile(r"\b(?:voie )?statutaire\b", re.I)
_CONTRACTUAL = re.compile(r"\bvoie contractuelle\b", re.I)


# A public post open to civil servants and, failing them, to contract staff, in a sentence a
# page may wrap: 'ouvert aux fonctionnaires et, à défaut,⏎aux agents contractuels', 'recrute
# par voie statutaire ou, à défaut,⏎contractuelle', 'Emploi ouvert aux titulaires et aux
# contractuels'.
_BOTH_IN_TEXT = re.compile(
    r"\b(?:ouvert|ouverte|accessible)s?\s+(?:aux|à des)\s+(?:titulaires|fonctionnaires)\b[^.]{0,220}?"
    r"\bcontractuel|\bvoie\s+(?:statutaire|de mutation)\b[^.]{0,80}?\bcontractuelle\b"
    # 'Statut : titulaire ou, à défaut, contractuel', 'Ouvert aux contractuels : oui, à défaut de
    # candidature d'un fonctionnaire'
    r"|\b(?:titulaires?|fonctionnaires?)\s*+,?\s*+(?:ou|et)\s*+,?\s*+[àa] d[ée]faut\s*+,?\s*+"
    r"(?:(?:aux?|des)\s++)?(?:agents?\s++)?contractuel"
    r"|\bcontractuels?\b[^.]{0,40}?\b[àa] d[ée]faut de candidatures? d['’]\s*+(?:un\s++)?(?:fonctionnaire|titulaire)",
    re.I)


def open_to_both_in(text: str) -> str | None:
    """The words of a text saying a post is open to civil servants or contract staff."""
    match = _BOTH_IN_TEXT.search(" ".join(text.split()))
    return match.group(0) if match else None


def _open_to_both(value: str) -> bool:
    """'ouvert aux fonctionnaires ... et aux contractuels en CDD de 3 ans', 'par voie
    contractuelle (contrat de 1 an) ou statutaire': the term is the contract staff's option,
    not the post's contract."""
    return bool(_OPEN_TO_CIVIL_SERVANTS.search(value) and _CONTRACT_STAFF_TERM.search(value)
                or _STATUTORY.search(value) and _CONTRACTUAL.search(value))


def _duration(value: str) -> int | None:
    match = DURATION.search(value)
    if not match:
        return None
    n = match["n"].lower()
    number = float(n) if n[:1].isdigit() else _NUMBERS[n]  # ('3.5 years': 42 months)
    unit = match["unit"].lower()
    if unit.startswith(("semaine", "week")) and number < 4.3:
        return None  # under a month: no number of months
    months = round(number if unit.startswith(("mois", "month")) else
                   number / 4.345 if unit.startswith(("semaine", "week")) else number * 12)
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


# What a plural of a post's word follows when it names people around the post ('3,200 adult
# volunteers', 'a district of volunteers', 'and key volunteers'), not a call for them ('We
# need volunteers', 'recherche stagiaires').
_PEOPLE_BEFORE = re.compile(
    r"(?:\d[\d,.]*+\s++(?:[a-zà-ÿ]+\s++)?|\b(?!(?:for|pour|seeking|seeks|seek|recruiting|recrute|"
    r"recrutons|recherche|recherchons|cherche|cherchons|need|needs|wanted|hiring|accueille|"
    r"accueillons|welcomes?)\s)[a-zà-ÿ]++\s++)$")


def kinds_in(value: str, lang: str,
             types: list[tuple[re.Pattern[str], EmploymentType]]) -> list[tuple[int, int,
                                                                                EmploymentType]]:
    """(start, end, kind) of every contract word of `types` in a line."""
    found = []
    shifts = None  # whether the line speaks of shifts, looked up once
    for pattern, kind in types:
        for match in pattern.finditer(value):
            word = match.group(0).lower()
            before = value[max(0, match.start() - 60):match.start()]  # (a window: each match
            # looking back over the whole line would take a time growing with its square)
            if lang == "en" and word in ("vacation", "vacations"):
                continue  # 'five weeks vacation': holidays, not a French 'vacation'
            if _PAST.search(before[-40:]):
                continue  # 'completion of a registered apprenticeship': a qualification held
            if kind is EmploymentType.INTERNSHIP and word.endswith("s") \
                    and re.search(r"(?i)\bexp[ée]rience", value):
                continue  # '2 years of experience (internships count)': a past post, no contract
            if kind is EmploymentType.VOLUNTEER and word.endswith("s") and _PEOPLE_BEFORE.search(before):
                continue  # '3,200 adult volunteers', 'and key volunteers': people, no contract
            if match.group(0)[:1].isupper() and _IN_A_NAME.match(value, match.end()) \
                    and before.rstrip()[-1:].isupper() is False \
                    and re.search(r"[A-Z]\w*\s++(?:&\s++|and\s++)?$", before):
                continue  # 'Sponsored Research & Industrial Consultancy (SRIC)': a unit's name
            if word == "alternance" and shifts is None:
                shifts = re.search(r"horaire|\d\s?h\b|équipe|week-end|schedule", value, re.I) is not None
            if lang == "en" and word.startswith("stage") or word == "alternance" and shifts:
                continue  # 'horaires 5h-12h / 13h-20h en alternance': shifts, no work-study
            if re.search(r"\b[A-Z][a-z]+\s*+\($", before) and \
                    value[match.end():match.end() + 1] == ")" and word in ("vie", "via"):
                continue  # 'Vienna (VIE)': an airport's code after the city's name
            if _PROSPECT_BEFORE.search(before[-40:]) \
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
    found = kinds_in(value, lang, TYPES)
    term = _TERM_OF.search(value)
    if term:
        kinds = {kind for _, _, kind in found + kinds_in(value, lang, ROLE_TYPES[:2])}
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
    if any(w in ("titulaire", "titulaires", "fonctionnaire", "fonctionnaires") for w in words) and any(
            w.startswith("contractuel") for w in words):
        return EmploymentType.OTHER, value  # 'ouvert aux titulaires ou contractuels'
    first = found[0]
    for start, _, kind in found[1:]:
        if start - first[1] > 60:
            break  # (found in order: the words after are further still)
        gap = value[first[1]:start]
        alternative = _BETWEEN_ALTERNATIVES.search(gap) or not gap.strip(" ,;")
        if kind is not first[2] and alternative and EmploymentType.OTHER not in (kind, first[2]):
            return EmploymentType.OTHER, value
    named = [kind for _, _, kind in found]
    # An explicit fixed term beside the word 'permanent' elsewhere on the line ('CDD, poste
    # permanent'): the order of TYPES decides, as a reader reads the contract word first.
    for _, kind in TYPES:
        if kind in named:
            return kind, value
    return None
