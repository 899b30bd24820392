"""What each part of a heading says, read the way a reader reads it: a part after a dash or in
brackets, or a word before the post, that states another field than the post's name (the
contract or the working time, a requirement, a purpose, a season, how the workplace is reached)
is no part of the title; a part naming the post's subject, unit or specialty is ('Project
Manager – Utility-Scale Solar', 'Clinical Scientist (Bioanalysis)'). The contract's own words
are the contract reader's (text_contract_words), so a heading and a contract line agree."""

from __future__ import annotations

import re

from tracker.importers.text_contract_words import DURATION, ROLE_TYPES, TYPES, kinds_in
from tracker.importers.text_names_layout import post_word

# The share of time a post takes: '0,6 ETP', '0.8 FTE', '80 %', 'temps partiel', '21 h', and
# 'vacations' (paid by the hour of teaching, as the time is given), a roster ('FIFO 2:1').
_WORKING_TIME = re.compile(
    r"\b[01](?:[.,]\d{1,2})?\s*+(?:ETP|FTE|WTE)\b|\b\d{1,3}\s*+%|\b(?:temps (?:plein|partiel|"
    r"complet)|mi-temps|part[- ]time|full[- ]time|job[- ]share|vacations|(?:à|a) la vacation|"
    # a roster: 'FIFO 2:1', 'DIDO', '8:6 roster', '7 on / 7 off'
    r"FIFO|DIDO|rosters?|\d{1,2}\s*:\s*\d{1,2}|\d{1,2}\s*(?:on|days? on)\s*/\s*\d{1,2}\s*off)\b|\b\d{1,2}\s*+(?:h|heures|hours|"
    r"hrs)\b", re.I)
# A condition the applicant must meet: 'Diplôme national exigé', 'TS/SCI with Full Scope Poly',
# 'permis B exigé', 'clearance required'.
_REQUIREMENT = re.compile(
    r"\b(?:exig[ée]e?s?|requis(?:e|es)?|obligatoires?|required|mandatory|clearance|habilitation|"
    r"polygraph|poly|TS/SCI|permis [A-Z]{1,2}|must (?:hold|have|be)|doit (?:être|avoir)|"
    r"titulaire d[ue'’]|holder of)(?!\w)", re.I)
# The contract's kinds, read as the contract reader reads a line: its own words, and the terms
# that only qualify a post ('casual', 'vacations', 'intérim': a casual's status, a vacataire's).
_CONTRACT_KINDS = TYPES + ROLE_TYPES[3:5]
# A season, a school term or a cohort, with its year: 'Fall 2027', 'Saison d'été 2027'; a season
# named by what happens in it.
_SEASON = re.compile(r"^(?:(?:spring|summer|fall|autumn|winter|[ée]t[ée]|hiver|printemps|automne|"
                     r"saison(?: d['’][ée]t[ée]| d['’]hiver)?|session|cohort|intake|rentr[ée]e)\s+"
                     r"(?:19|20)\d\d(?:\s*[-/]\s*(?:19|20)?\d\d)?|"
                     # ('(Festival Season)', '– Peak Season', '(haute saison)')
                     r"(?:festival|summer|winter|ski|holiday|peak|harvest|vintage|christmas|high)\s+"
                     r"season(?:\s+(?:19|20)\d\d)?|(?:haute|pleine) saison)$", re.I)
# A rota of shifts: '– 4 on 4 off', '(4 on / 4 off)', '– 12-hour rotating shifts'.
_ROTA = re.compile(r"^(?:\d\s*+on\s*+[/,-]?\s*+\d\s*+off|(?:\d{1,2}[- ]hours?\s++)?(?:rotating|"
                   r"rotational|continental)\s++shifts?)$", re.I)
# How the workplace is reached: '(accès télésiège)', '(access by boat only)'.
_ACCESS = re.compile(r"^(?:acc[èe]s|access(?:ible)?|reached|desservi|navette|shuttle)\b", re.I)
# The kind of practice the post is in, in lower case after a dash: '– cabinet
# pluridisciplinaire', '– officine de centre-ville', '– étude notariale' (the employer's kind,
# not the post's field; '– cabinet du maire', someone's office, names the unit, '– études et
# méthodes' the field).
_PRACTICE = re.compile(r"^(?:cabinet\s+(?!du\b|des\b|de la\b|de l['’])|officine\b|[ée]tude (?:notariale|"
                       r"d['’]huissiers?|de notaires?)|maison de sant[ée]|centre de sant[ée])", re.I)
# A status word before the post: 'Casual Tutor', 'Temporary Driver', 'Fixed-term Lecturer'.
# ('Locum GP', 'Freelance Technical Writer': the corpus names these posts with their word.)
_LEADING_STATUS = re.compile(r"^(?:casual|temporary|seasonal|fixed[- ]term|"
                             r"permanent|part[- ]time|full[- ]time)\s+(?=\S)", re.I)
# ... or after it, as one word: 'Directeur·rice artistique freelance', 'Agent vacataire'.
# ('Médiateur culturel saisonnier' is written as the post's name in the corpus: it stays.)
_TRAILING_STATUS = re.compile(r"\s+(?:freelance|free-lance|vacataire|int[ée]rimaire|casual|"
                              # ('Conseiller pénitentiaire ... (CPIP) contractuel')
                              r"contractuel(?:·?le|\(le\)|\.le)?s?|"
                              # ('ASSISTANT(E) DENTAIRE EN CONTRAT DE PROFESSIONNALISATION')
                              r"en (?:contrat (?:de professionnalisation|d['’]apprentissage)|"
                              r"alternance|apprentissage|CDI|CDD))\s*$", re.I)
# The time of day or week the post works, after it: 'CUEILLEURS (H/F) matinées', 'Barista
# weekends' (the plural of a schedule; 'IDE de nuit' names the post's own shift).
_TRAILING_SCHEDULE = re.compile(r"\s+(?:matin[ée]es|apr[èe]s-midis?|soir[ée]es|mornings|"
                                r"afternoons|evenings|week-?ends)\s*$", re.I)
# A part saying the post is open, not what it is: '– VACANT', '– URGENT', '– à pourvoir'.
# ... or how it is hired: '– POSTE NATIONAL', '– International post', '(expatriate)'.
_OPEN = re.compile(r"^(?:vacant|vacancy|urgent|immediate start|(?:poste )?[àa] pourvoir"
                   r"(?: (?:rapidement|imm[ée]diatement|d[èe]s que possible))?|"
                   r"(?:poste|statut) (?:national|international|expatri[ée]|local)|"
                   r"(?:national|international|expatriate|local) (?:post|position|staff|hire)|"
                   r"expatri[ée]|expatriate|"
                   # ... or whom it is open to: '— J-1 welcome', '– débutants acceptés'
                   r"(?:[\w-]+\s+){1,2}(?:welcome|bienvenue?s?|accept[ée]e?s?)|"
                   r"(?:no experience|sans exp[ée]rience|visa sponsorship)(?: (?:needed|required|"
                   r"exig[ée]e|available|offered))?)$", re.I)
# A pay grade's code in brackets: '(GMG/SEG 2)', '(PS 4)', '(GS 12)': letters, then its step.
_GRADE_CODE = re.compile(r"^[A-Z]{2,5}(?:[/-][A-Z]{2,5})*\s+\d{1,2}[A-Z]?$")
# The holiday camp or the stay the post works in, after it: 'cuisinier colo île d'Oléron',
# 'animateur séjour à Carnac' (the setting and its place; 'Animateur colo' alone and
# 'Animateur séjours Nature', the stays' theme, stay).
_TRAILING_CAMP = re.compile(r"\s+(?:colos?|colonies?(?: de vacances)?|centre de vacances|s[ée]jours?|"
                            r"summer camp|camp)\s+(?:(?:[àa]|en|sur|in|at)\s+(?:l['’]\s*)?[A-ZÀ-Ýîi]|"
                            r"(?:l['’]\s*)?[îi]le\b).*$")
# A season or a cohort written before the post: 'Fall 2027 Intern', 'Été 2027 : animateur'.
_LEADING_SEASON = re.compile(r"^(?:spring|summer|fall|autumn|winter|[ée]t[ée]|hiver)\s+"
                             r"(?:19|20)\d\d\s*[:–—-]?\s+(?=\S)", re.I)
# What the post is for, after it: 'pour remplacer notre X pendant son congé', 'pour renforcer
# l'équipe', 'to join my team in Abingdon', 'to cover a maternity leave' (an infinitive, French
# or English, with its object: a sentence's purpose, never the post's name; 'Éducateur pour
# foyer d'hébergement', 'pour la filière bois' name whom or what the post serves).
_PURPOSE = re.compile(
    r"\s+(?:(?:pour|afin d['’]|afin de)\s+(?:(?:nous|vous|y|en|se|s['’]|leur|lui)\s*)?"
    r"(?!centre\b|entre\b)[a-zà-ÿ]{3,}(?:er|ir|re)\s+(?:l['’]|(?:le|la|les|un|une|des|notre|nos|son|"
    r"sa|ses|leur|leurs|votre|vos|mon|ma|mes|cette|ce|ces|nous|vous|en|à|au|aux)\s)"
    r"|to\s+[a-z]{3,}\s+(?:my|our|the|a|an|your|their|its|us|them)\b).*$")


def _last_bracket(title: str) -> tuple[str, str] | None:
    """(before, inside) of the brackets that end a heading, nested ones kept together:
    'DATA ANALYST (Temporary – six (6) months)'."""
    if not title.endswith(")"):
        return None
    depth = 0
    for index in range(len(title) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(title[index], 0)
        if depth == 0:
            before = title[:index].rstrip()
            return (before, title[index + 1:-1].strip()) if before else None
    return None


def _dash_cuts(title: str) -> list[re.Match[str]]:
    """The title's spaced dashes outside brackets, in order."""
    depth, cuts = 0, []
    for match in re.finditer(r"[()]|\s+[—–-]\s+", title):
        token = match.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            cuts.append(match)
    return cuts


def _last_dash_part(title: str) -> tuple[str, str] | None:
    """(before, after) the last spaced dash outside brackets."""
    cuts = _dash_cuts(title)
    if not cuts or not title[:cuts[-1].start()].strip():
        return None
    return title[:cuts[-1].start()].rstrip(), title[cuts[-1].end():].strip()


# The words that go with the terms without naming anything else: 'contract', 'poste', 'of',
# 'renewable', 'six', 'leave', 'maternité' (a unit of time only with its figure: 'Year 5' is a
# school year).
_TERM_FILLERS = re.compile(
    r"(?i)\b(?:contracts?|contrats?|positions?|postes?|posts?|roles?|jobs?|emplois?|basis|of|de|d['’]|"
    r"du|des|la|le|les|l['’]|for|pour|with|avec|a|an|un|une|the|and|et|ou|or|possibility|"
    r"possibilit[ée]|renouvelable|renewable|initially|initialement|leave|cong[ée]|cover|"
    r"collaboration|maternit[ée]|paternit[ée]|parental|maternity|paternity|maladie|sick|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|twelve|eighteen|deux|trois|quatre|cinq|sept|huit|"
    r"neuf|dix|douze|dix-huit|minimum|maximum|extension|prolongation|possible|only|seulement|"
    r"through|until|jusqu['’]au?|to|au|à)\b")


def _terms_only(part: str) -> bool:
    """A part saying only the terms: contract words, a length, a share of time and the words
    that go with them ('Temporary – six (6) months', 'MATERNITY COVER', '0,6 ETP'); a contract's
    word qualifying another noun is that noun's ('Temporary Accommodation': a housing service)."""
    rest = _terms_out(part)
    if rest == part:
        return False
    return not re.findall(r"[^\W\d_]{3,}", _TERM_FILLERS.sub(" ", rest))


# How a board or an agency states the terms: 'Contract-to-Hire', 'Temp to Perm', 'Agency /
# Locum', 'Bank', 'Zero hours'.
# How the post is paid for, which makes it a term: 'Grant-Funded', 'externally funded'; how it
# is paid ('Salaried').
_HIRE_TERMS = re.compile(r"(?i)\b(?:contract[- ]to[- ]hire|temp[- ]to[- ]perm|contract|contractor|"
                         r"agency|locum|bank|zero[- ]hours?|ad hoc|perm|(?:(?:grant|externally|"
                         r"project|lottery|donor)[- ])?funded|"
                         # how the post is paid: '– Salaried', '(Hourly)', 'Non-Exempt'
                         r"salaried|hourly|(?:non[- ])?exempt)\b")
# A programme's acronym in brackets names the post's scheme, kept ('(VIE)', '(VSI)').
_VOLUNTEERING = re.compile(r"VIE|VSI|VI")


def _terms_out(part: str) -> str:
    """A part with its contract words, lengths and shares of time blanked out."""
    spans = [(start, end) for start, end, _ in kinds_in(part, "fr", _CONTRACT_KINDS)]
    spans += [m.span() for pattern in (DURATION, _WORKING_TIME, _HIRE_TERMS)
              for m in pattern.finditer(part)]
    rest = list(part)
    for start, end in spans:
        rest[start:end] = " " * (end - start)
    return part if not spans else "".join(rest)


def states_other_field(part: str, bracketed: bool = False) -> bool:
    """Whether a heading's part states another field than the post's name: the contract, its
    length or working time, a requirement, a season, that it is open, its pay grade's code, how
    the workplace is reached or the kind of practice it is. A part naming a post ('Tutor',
    'PCSO') is the post's."""
    part = part.strip(" ,;:")
    # (a post's word that is the terms' own, '(Agency / Locum)', names no post here)
    if not part or post_word(_terms_out(part)) or len(part.split()) > 8:
        return False
    if bracketed and re.fullmatch(r"[A-Z]{2,6}", part):
        # an acronym in brackets is the heading's own ('Agent de service hospitalier (ASH)'),
        # unless it is a contract's ('Hydrologist (CDD)')
        return bool(kinds_in(part, "fr", _CONTRACT_KINDS)) and not _VOLUNTEERING.fullmatch(part)
    return bool(_terms_only(part) or _REQUIREMENT.search(part)
                or _SEASON.match(part) or _OPEN.match(part) or _ROTA.match(part)
                or bracketed and (_ACCESS.match(part) or _GRADE_CODE.match(part))
                or not bracketed and _PRACTICE.match(part))


def _first_field_cut(title: str) -> str:
    """The heading up to its first dash part stating another field: what follows it is the
    heading's other facts too ('Agent d'entretien – 0,5 ETP – Lycée Jules Ferry')."""
    cuts = _dash_cuts(title)
    for index, cut in enumerate(cuts):
        end = cuts[index + 1].start() if index + 1 < len(cuts) else len(title)
        if states_other_field(title[cut.end():end]):
            return title[:cut.start()].rstrip()
    return title


def _brackets_off(title: str) -> str:
    """The heading without a bracket stating the terms with a length or a share of time before
    a dash: 'Lecturer in Accounting (Fixed-Term, 2 years) – School of Business'. (A status word
    alone there, 'Lifeguard (Seasonal) - X', goes once the part after the dash is read: it may
    be the post's unit, which keeps the bracket inside the name.)"""
    for match in re.finditer(r"\s*\(([^()]{2,60})\)(?=\s+[—–-]\s+)", title):
        inside = match.group(1)
        if (DURATION.search(inside) or _WORKING_TIME.search(inside)) \
                and states_other_field(inside, bracketed=True):
            return title[:match.start()] + title[match.end():]
    return title


# The diploma a work-study post or an internship prepares, after its name: 'Apprenti(e)
# opticien(ne) – BTS Opticien-lunetier', 'Électricien de bord en alternance (BTS …)',
# 'Stagiaire en maraîchage (BPREA)', 'Apprentice Installer – Certificate III in Electrotechnology'.
_COURSE = re.compile(r"(?:en\s+|in\s+)?(?:BTS|BUT|DUT|CAP|BP|BPREA|BPJEPS|CQP|BMA|DMA|bac pro|"
                     r"licence pro\w*|master|mastère|titre pro\w*|bachelor|MBA|NVQ|"
                     r"certificate (?:I{1,3}|IV|[1-4])|diploma of)\b", re.I)
_LEARNER = re.compile(r"\b(?:apprenti|alternan|stagiaire|apprentice|intern\b|trainee)", re.I)


def _course_of(post: str, part: str) -> bool:
    return bool(_LEARNER.search(post) and _COURSE.match(part.strip()))


def other_fields_off(title: str) -> str:
    """The heading without its parts stating other fields, from its end (each part taken off
    uncovers the one before it), and without a status or a season written before the post."""
    title = _first_field_cut(_brackets_off(title))
    for _ in range(4):
        bracket = _last_bracket(title)
        dash = _last_dash_part(title)
        if bracket and (states_other_field(bracket[1], bracketed=True) or _course_of(*bracket)):
            title = bracket[0]
        elif dash and (states_other_field(dash[1]) or _course_of(*dash)):
            title = dash[0]
        else:
            break
    title = _PURPOSE.sub("", title).strip() or title
    title = _TRAILING_STATUS.sub("", title).strip() or title
    title = _TRAILING_SCHEDULE.sub("", title).strip() or title
    title = _TRAILING_CAMP.sub("", title).strip() or title
    rest = _LEADING_SEASON.sub("", title)
    status = _LEADING_STATUS.match(rest)
    # (a status the contract reader reads as one: 'Casual Dining Room Supervisor' names a room)
    if status and len(rest[status.end():].split()) >= 2 and (_WORKING_TIME.match(rest) or any(
            start == 0 for start, _, _ in kinds_in(rest, "en", _CONTRACT_KINDS))):
        rest = rest[status.end():]
    return rest.strip() or title


_SMALL = {"de", "du", "des", "d", "la", "le", "les", "l", "et", "en", "a", "au", "aux", "of", "the",
          "and", "for", "in", "to"}


def named_to_acronym(words: str) -> str | None:
    """The post's name a sentence gives up to its acronym in brackets, when the acronym spells
    it: 'adjoints techniques d'accueil, de surveillance et de magasinage de 2e classe (ATASM)'
    (the name's commas are its own, the acronym shows where it ends)."""
    match = re.match(r"(?P<name>[^()]{3,140}?)\s*\((?P<acronym>[A-Z]{3,8})\)", words)
    if not match:
        return None
    initials = [word[0].upper() for word in re.findall(r"[^\W\d_]+", match["name"])
                if word.lower() not in _SMALL]
    letters = iter(initials)
    spelled = bool(initials) and initials[0] == match["acronym"][0] \
        and all(letter in letters for letter in match["acronym"])
    return match["name"].strip() if spelled else None


# A consultant's assignment after the post: 'un consultant ou un cabinet pour l'évaluation à
# mi-parcours du programme X', 'a consultant for the evaluation of Y' (the task, a noun of an
# action, names the post; a firm offered beside the consultant is no part of it).
ASSIGNED = re.compile(
    r"^(?P<post>(?:consultant|consultante|consultant\(e\)|expert|experte|expert\(e\)|"
    r"prestataire|[ée]valuat(?:eur|rice)|evaluator|facilitat(?:or|eur|rice))(?:\s+[a-zà-ÿ]+)?)"
    r"(?:\s+(?:ou|or)\s+(?:une?|an?)\s+(?:cabinet|bureau d['’][ée]tudes|firm|agency|[ée]quipe|team))?"
    r"\s+(?P<task>(?:pour|for)\s+(?:l['’]\s*|la\s+|le\s+|les\s+|the\s+|an?\s+)[a-zà-ÿ-]+(?:tion|ment|"
    r"age|ude|ise|sis|ing)s?\b[^,.;:!?()]{0,80})", re.I)


def assignment(words: str) -> str | None:
    match = ASSIGNED.match(words.strip())
    return f"{match['post']} {match['task'].strip()}" if match else None


# 'AGENT CYNOPHILE avec son chien pour ...': a post written in capitals, then in lower case
# what it comes with or is for (a sentence, not the post's name).
_CAPITALS_THEN_SENTENCE = re.compile(
    r"^(?P<post>[A-ZÀ-Ý][A-ZÀ-Ý'’·().-]+(?:[ /-]+[A-ZÀ-Ý'’·().-]+)+)\s+(?:avec|with|pour|for|dans|"
    r"afin|to|qui|who|au sein|within|sur|on)\s+[a-zà-ÿ].*$")


# 'SECURITY OFFICER – distribution centre, Ansty Park', 'MAÎTRE D'HÔTEL – restaurant
# gastronomique': a post in capitals, then after a dash in lower case where or what it is.
_CAPITALS_THEN_LOWER = re.compile(
    r"^(?P<post>[A-ZÀ-Ý][A-ZÀ-Ý'’·().-]+(?:[ /-]+[A-ZÀ-Ý'’·().-]+)*)\s+[—–-]\s+[a-zà-ÿ].*$")


def capitals_kept(title: str) -> str:
    """A post written in capitals without the words in lower case after it."""
    match = _CAPITALS_THEN_SENTENCE.match(title) or _CAPITALS_THEN_LOWER.match(title)
    return match["post"] if match and post_word(match["post"]) else title
