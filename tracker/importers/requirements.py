"""Requirement items: kind (from the heading, or guessed item by item under a mixed heading),
whether required, CEFR level of a language, level of a diploma; labels cleaned."""

from __future__ import annotations

import re
from typing import Any

from tracker.domain.matching import education_in
from tracker.importers.dates import fold
from tracker.importers.diplomas import (
    BAC,
    DEGREES,
    GRADE,
    LICENCE,
    MAITRISE,
    NAMED_DIPLOMAS,
    NUMBERED,
    named_diploma,
    numbered_level,
    post_requiring_a_doctorate,
)
from tracker.models.enums import RequirementKind as K

CEFR = re.compile(r"\b([ABC][12])\b")
LANGUAGE_WORDS = re.compile(
    r"\b(anglais|français|francais|espagnol|allemand|italien|portugais|arabe|chinois|russe|"
    r"english|french|spanish|german|italian|portuguese|arabic|chinese|russian|mandarin|langue|"
    r"language)\b", re.IGNORECASE)
_LEVEL_PARENS = re.compile(r"\s*\([^()]*\b[ABC][12]\b[^()]*\)")


# A degree not named: a first degree unless a named one says otherwise.
_GENERIC_DEGREE = re.compile(r"\b(degree|diplôme|diploma)\b", re.I)
_OPTIONAL_END = re.compile(
    r"\s*(?:\(?\b(?:appr[ée]ci[ée]e?s?|souhait[ée]e?s?|desirable|preferred|an advantage|"
    r"would be an advantage|is a plus|un plus)\)?)\s*$", re.IGNORECASE)
_OPTIONAL_ANY = re.compile(
    r"\b(souhait[ée]e?s?|desirable|would be an advantage|is an advantage|is a plus|un plus|"
    r"sans être exigée?s?|not mandatory)\b",
    re.IGNORECASE)
_ATOUT = re.compile(r"\b(un atout|an asset)\b", re.IGNORECASE)


_EDUCATION_LABEL = re.compile(r"^(?:formation|education|éducation|diplômes?|qualifications?|"
                              r"niveau d['’]études|niveau de formation|études|education level|"
                              r"degree)\s*+:", re.I)


def _names_degree(label: str) -> bool:
    return bool(BAC.search(label) or NUMBERED.search(label) or re.search(r"\bbac\b", label, re.I)
                or any(p.search(label) for p, _ in DEGREES) or _GENERIC_DEGREE.search(label))


def _guess_kind(label: str) -> str:
    text = fold(label)
    # 'Formation : Bac ou équivalent', 'Trade certificate (fagbrev) as ...', 'An NVQ Level 3'
    opening = [m.start() for p, _ in DEGREES for m in [p.search(label)] if m]
    numbered = NUMBERED.search(label)
    if numbered and numbered.start() == 0:
        opening.append(0)  # 'Level 3 qualification in childcare'
    if _EDUCATION_LABEL.match(label) and _names_degree(label) or opening and min(opening) == 0 \
            or re.match(r"^(?:an? )?(?-i:NVQ|RQF)\b", label):
        return K.EDUCATION
    if BAC.search(label) or (any(p.search(label) for p, _ in DEGREES) or _GENERIC_DEGREE.search(
            label)
                              and re.match(r"^(a |an |un |une |niveau |titulaire|diplom|"
                                           r"licence|master|doctorat|phd|bachelor|degree|bac|bsc? |"
                                           r"b\.s\. |bts|dut)",
                                           text)):
        return K.EDUCATION
    if re.match(r"^(\d+\+? (years?|ans)|at least \d|minimum (of )?\d|experience|proven|"
                r"demonstrated|track record)", text):
        return K.EXPERIENCE
    if re.match(r"^(knowledge|understanding|connaissance|familiarity|awareness)", text):
        return K.KNOWLEDGE
    if re.match(r"^(ability|able to|capacit|aptitude|capable|savoir )", text):
        return K.KNOW_HOW
    if re.search(r"(team|interpersonal|communication skills|rigueur|autonom|organis|sens de|"
                 r"motivat|flexib|integrity|commitment|engagement|curios|diplomat|relationnel)",
                 text):
        return K.SOFT_SKILL
    if re.search(r"(proficien|software|excel|microsoft|office|python|database|tools?\b|"
                 r"outils|logiciel|informatique|it skills|computer)", text):
        return K.TECHNICAL_SKILL
    return K.OTHER


_RANK = {"cap_bep": 0, "Bac": 1, "Bac+2": 2, "Bac+3": 3, "Bac+5": 5, "Bac+8": 8}


# What may stand in for a degree: then no degree is asked ('BAFA complet, ou CAP AEPE',
# 'one year of specialized experience ... OR a bachelor's degree', 'pas besoin de diplôme').
_NO_DEGREE_NEEDED = re.compile(
    r"\b(?-i:BAFA|BAFD)\b[^.;]{0,60}\b(?:ou|or)\b|\b(?:ou|or)\b[^.;]{0,60}\b(?-i:BAFA|BAFD)\b|"
    r"\b(?:experience|expérience)\b[^.;]{0,150}\b(?-i:OR|or|ou)\s++(?:an?\s++|un\s++|une\s++)?"
    r"(?:\d-year\s++)?(?:course|degree|diplôme|bachelor|master|licence)|"
    # training on the job in the diploma's stead ('CFC de polisseur ou formation équivalente en
    # entreprise', 'or equivalent on-the-job training')
    r"\b(?:ou|or)\s++(?:une?\s++)?formation\s++(?:jugée\s++)?équivalente(?!\s++(?:de\s++)?"
    r"(?:niveau|level))|\b(?:or|ou)\s++equivalent\s++"
    r"(?:in-house\s++|on-the-job\s++|workplace\s++)?training|"
    r"\baucun diplôme(?: n'est)? (?:requis|exigé|demandé|nécessaire)|"
    # (or a length of experience in its stead: '..., or at least 6 months' experience')
    r"(?<!\d\s)\b(?:or|ou)\s++(?:at least\s++|au moins\s++)?\d+\+?\s++(?:months?|years?|mois|ans?)['’]?\s++"
    r"(?:of\s++|d['’]\s*+)?(?:\w+\s++)?(?:experience|expérience)|"
    r"\b(?:pas besoin de|sans) diplôme|\bpas de diplôme (?:n['’]est )?(?:requis|exigé|demandé|"
    r"nécessaire)|no (?:formal )?(?:degree|qualifications?) (?:is |are )?(?:required|needed)",
    re.I)
# A degree being studied for, not held ('Currently pursuing a Bachelor's', 'Diplôme préparé').
_PURSUED = re.compile(r"\b(?:currently )?(?:pursuing|enrolled in|working towards|stud(?:y|ying) "
                      r"(?:for|towards))\b|"
                      r"\bdipl[ôo]me pr[ée]par[ée]|\bpr[ée]parant\b|\ben cours d'obtention\b|"
                      r"\b(?:entrer|entrée) en formation\b", re.I)


# A better degree wished for after the one asked ('Titulaire d'un bac, idéalement d'un bac+2').
_IDEALLY = re.compile(r"[,;(]?\s*+\b(?:idéalement|idealement|ideally|de préférence|preferably|"
                      r"ou mieux|or better|voire)\b", re.I)


# New Zealand's certificates and Australia's Certificate IV, which the corpus leaves without a
# level (Australia's Certificate III is a trade's: diplomas.py).
_UNLEVELLED = re.compile(r"\b(?:(?:NZ|New Zealand) Certificate in|Certificate IV)\b")
# Two degrees offered, either of which will do ('BUT ou licence', 'MSc or PhD').
_OR = re.compile(r"\b(?:ou|or)\b", re.I)
# A sentence offering a lesser degree in the stead of the one asked.
_SUBSTITUTE = re.compile(r"\b(?:in lieu of|in place of|may be (?:accepted|substituted)|"
                         r"en lieu et place|à défaut)\b", re.I)
_GENERIC_FIRST = re.compile(r"graduate (?:from|of)|(?:a|an|holds a|with a)\s++(?:relevant\s++)?"
                            r"degree\b|degree[- ]level", re.I)


def education_level(label: str) -> str | None:
    """The level of study a label states ("Bac+5"), if the fit can read it (not "Bac + 6");
    none where something else may stand in for the degree or the degree is being studied."""
    if _NO_DEGREE_NEEDED.search(label) or _PURSUED.search(label) or _UNLEVELLED.search(label) \
            and _OR.search(label):
        return None  # ('NZ Certificate in X (Level 4) or a degree': the lesser has no level here)
    sentences = re.split(r"(?<=[.;])\s+", label)
    asked = [sentence for sentence in sentences if not _SUBSTITUTE.search(sentence)]
    if len(asked) < len(sentences) and asked and _names_degree(" ".join(asked)):
        label = " ".join(asked)  # 'A master's. A first degree may be accepted in lieu of it'
    ideally = _IDEALLY.search(label)
    if ideally and _names_degree(label[:ideally.start()]):
        label = label[:ideally.start()]  # 'un bac, idéalement un bac+2': the bac is asked
    bac = BAC.search(label)
    grade = GRADE.search(label)
    if bac:
        level = f"Bac+{bac.group(1)}"
    elif grade:
        level = "Bac+5" if grade.group(1).lower() == "master" else "Bac+3"
    elif re.search(r"\bbac\b(?!\s*+\+)", label, re.I) and not (
            _OR.search(label) and DEGREES[-1][0].search(label)):
        level = "Bac"
    else:
        # the degree named first: 'a Bachelor's degree; a Master's is an advantage' is Bac+3
        # (one name read by two patterns: the first, the more precise, says its level)
        starts: dict[int, str] = {}
        for pattern, lvl in DEGREES:
            match = pattern.search(label)
            if match:
                starts.setdefault(match.start(), lvl)
        found = list(starts.items())
        if len(found) > 1 and _GENERIC_FIRST.match(label, min(found)[0]):
            # 'Graduate of a school of nursing (Associate Degree in Nursing at minimum)': the
            # degree named says the level the generic words do not
            found.remove(min(found))
        numbered = NUMBERED.search(label)
        if numbered and numbered_level(numbered):
            found.append((numbered.start(), str(numbered_level(numbered))))
        if len(found) > 1 and _OR.search(label):
            # 'master FLE ou licence avec mention FLE': the lowest degree will do
            found = [(_RANK.get(lvl, 0), lvl) for _, lvl in found]
        level = min(found)[1] if found else "Bac+3" if _GENERIC_DEGREE.search(label) else None
    return level if education_in(level) else None


# An item offered in the stead of the one before it ('BPJEPS …' then 'à défaut, BAFD complet').
_FAILING = re.compile(r"(?:à défaut|a défaut|failing (?:that|this)|otherwise|sinon)\b", re.I)


def linked_items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items of a list, an education item's level lowered to that of the item offered
    'à défaut' of it (none when that one is no degree): the lesser will do; or raised to that
    of the one it is joined to ('(a) a degree (NFQ Level 7), and' / '(b) a master's ...'):
    both are asked."""
    for before, item in zip(items, items[1:], strict=False):
        if before["kind"] == K.EDUCATION == item["kind"] and item["level"] and re.search(
                r"\b(?:and|et)$", before["label"]) and _RANK.get(item["level"], 0) > _RANK.get(
                before["level"] or "", -1):
            before["level"] = item["level"]
        if before["kind"] == K.EDUCATION and before["level"] and _FAILING.match(item["label"]):
            lesser = item["level"] if item["kind"] == K.EDUCATION else None
            if lesser is None or _RANK.get(lesser, 0) < _RANK.get(before["level"], 0):
                before["level"] = lesser
    return items


def requirement(item: str, kind: str, required: bool) -> dict[str, Any] | None:
    """The requirement an item states, or None for an item that is no requirement."""
    label = " ".join(item.split()).strip(" ,;:.")
    if len(label) < 2 or len(label) > 500:
        return None
    level = None
    cefr = CEFR.search(label)
    if cefr and LANGUAGE_WORDS.search(label):
        kind, level = K.LANGUAGE, cefr.group(1)
        label = _LEVEL_PARENS.sub("", label).strip(" ,;:.")
    elif kind == "mixed":
        kind = _guess_kind(label)
    if kind == K.EDUCATION and level is None:
        level = education_level(label)
    if kind == K.EDUCATION and level and label.endswith(f"({level})") and \
            label[: -len(level) - 2].strip():  # 'Bac + 5 (Bac+5)': the level said twice
        label = label[: -len(level) - 2].strip(" ,;:.")
    if _OPTIONAL_END.search(label):
        label = _OPTIONAL_END.sub("", label).strip(" ,;:.")
        required = False
    elif _OPTIONAL_ANY.search(label) or _ATOUT.search(label) and "," not in label[: _ATOUT.search(label).start()]:
        required = False
    if not label:
        return None
    return {"kind": str(kind), "label": label, "level": level, "required": required}


# A degree asked for in running text: "candidates should have completed their doctorate",
# "an advanced degree in law", "a Master's degree in economics" (not "supervise PhD students").
_NAMED = "|".join(pattern.pattern for pattern, _ in NAMED_DIPLOMAS)
_DEGREE_IN_TEXT = re.compile(
    r"\b(" + _NAMED + r"|(?:level|niveau)\s*+[2-8]\s++(?:qualification|diploma|certificate|"
    r"(?-i:NVQ|RQF|QCF))|(?:honours|honors|hons) degree|(?:senior )?high school (?:graduate|"
    r"graduation)|(?-i:MD|DNB|DM)(?=\s*+(?:/|\bor\b|\bin\b|,|\())|associate(?:'s)? degree|"
    r"associate of (?:arts|science|applied science)|college diploma|trade certificate|craft certificate|fagbrev|"
    r"journeyman|(?-i:CFC)(?= d[e'’])|"
    r"(?:de |d'un )?niveau (?:master|maîtrise|licence)|master'?s[- ]level|bachelor'?s[- ]level|"
    r"baccalauréat (?:universitaire )?(?:en|in)\b|" + MAITRISE + r"|"
    r"(?-i:BSN|BScN|MSN)\b|(?-i:Diploma) of\b|"
    r"(?:(?-i:NVQ|RQF|QCF|VTCT|ITEC|CIBTAC)|City (?:&|and) Guilds)(?=\s*+(?:level\s*+)?\d)|(?:titre|diplôme|certification)(?= [^.;]{0,60}?"
    r"niveau\s*+\d)|doctorate|phd|ph\.d\.?|doctoral degree|doctorat|master'?s degree|master'?s|"
    r"advanced (?:university )?degree|postgraduate degree|bachelor'?s degree|bachelor'?s|"
    r"undergraduate degree|" + LICENCE + r"|"
    r"diplôme d'ingénieur|engineering degree|university degree|"
    r"(?-i:B\.?Tech|B\.E\.|DCG|DSCG|QTS|PGCE|BUT|BS(?=/MS))|qualified teacher status|degree[- ]level|"
    r"graduated from (?:an? )?high school|graduate (?:from|of)|(?:holds?|with|have) an? (?:relevant |good |honours )?degree(?![- ]of\b)|"
    r"deux années d'études supérieures|diplôme de fin d'études secondaires|"
    r"docteur en \w+|grade d'un établissement|(?<!school )(?<!graduate )(?-i:[Dd]iploma) in|"
    r"any graduate|graduate in any|(?-i:HND|OND|MBA|B\.?Com|B\.?Sc)|national diploma|"
    r"matric(?:ulation)?|undergraduate qualification|NQF level (?:10|[4-9])|high school "
    r"certificate|general education diploma|secondary school (?:certificate|diploma)|"
    r"(?-i:BTSA?|DUT|DEC)|diplôme d'études collégiales|diplôme d'études secondaires|bachelier|bachelor|diplôme de (?:master|licence|doctorat)|diplôme d'état d'(?:éducat\w+|assistant de service social|"
    r"assistant social)|diplôme universitaire|docteur en médecine|grade (?:licence|master)|"
    r"baccalauréat|high school diploma|leaving certificate|enseignement secondaire supérieur|"
    r"(?-i:CESS|CAP|BEP|DEP)|diplôme d'études professionnelles|bac(?!\s*+\+)|graduation with a degree|(?:a )?degree(?= in\b)|2:1 degree|"
    r"(?-i:BS|BSc|B\.S\.|MSc|MS|M\.S\.)(?= in\b)|master(?= \d| en | in | de | of )|"
    # England's A levels, secondary school in other words ('Secondary (high) school graduation
    # certificate', 'secondary education completed'), Canada's college or CEGEP diploma of two
    # years or more ('non-university certificate or diploma from a program of 2 years')
    r"(?-i:A[- ]levels?)(?!\s*+\d)|secondary \(high\) school|secondary education|"
    r"non-university certificate or diploma from a program of [23] years)\b", re.I)
_ASKING = re.compile(r"\b(degree|diplôme|titulaire|holder|hold|have|having|completed|complete|"
                     r"eligibility|éligibilité|études|preparing|dipl[ôo]m[ée]e?s?|entry|préparant|pursuing|"
                     r"requirements?|formation|education|qualifications?|"
                     r"qualif\w*|required|requis|exigée?|level|niveau|profile|profil|candidates?|"
                     r"applicants?|minimum|at least|attend\w*|recherchons|seek\w*|must|"
                     r"obligatoire|nécessaire|avez|possédez|disposez|justifiez|possess)\b", re.I)
_NOT_ASKING = re.compile(r"\b((?:students?|étudiant(?:[·.]?e)?s?)(?!(?:[·.]?e)?s?\s++(?:en|in)\s++(?:master|"
                         r"licence|bachelor|(?-i:BTS|BUT|DUT|M[12]|L[23])\b|\d|[23]e\b|"
                         r"deuxième|troisième|second|third|final))|doctorants?|scholarships?|studentships?|theses|thèses|mémoires|teach\w*|"
                         r"programmes?|courses?|cours(?!\s++d'|\s++de\s++validit|\s*+[,;.)!])|pay|salary|salaire|awarded|allocation|"
                         r"(?:phd|doctoral) (?:candidate|position|researcher|project))\b", re.I)
_LEVELS = {"baccalauréat en": "Bac+3", "baccalauréat in": "Bac+3",
           "baccalauréat universitaire": "Bac+3", "maîtrise": "Bac+5", "bsn": "Bac+3",
           "bscn": "Bac+3", "msn": "Bac+5", "diploma of": "Bac+2",
           "md": "Bac+8", "dnb": "Bac+8", "dm": "Bac+8", "associate": "Bac+2", "college diploma": "Bac+2",
           "trade": "cap_bep", "craft": "cap_bep", "fagbrev": "cap_bep", "journeyman": "cap_bep",
           "cfc": "cap_bep",
           "doctor": "Bac+8", "phd": "Bac+8", "ph.d": "Bac+8", "master": "Bac+5",
           "advanced": "Bac+5", "postgraduate": "Bac+5", "diplôme d'ingénieur": "Bac+5",
           "engineering": "Bac+5", "bachelor": "Bac+3", "undergraduate": "Bac+3",
           "licence": "Bac+3", "university": "Bac+3", "bts": "Bac+2", "dut": "Bac+2", "bs": "Bac+3", "b.s.": "Bac+3",
           "ms": "Bac+5", "m.s.": "Bac+5", "bachelier": "Bac+3", "diplôme d'état": "Bac+3",
           "docteur": "Bac+8", "grade licence": "Bac+3", "grade master": "Bac+5",
           "graduation": "Bac+3", "baccalaur": "Bac", "high school": "Bac", "leaving": "Bac",
           "enseignement secondaire": "Bac", "cess": "Bac", "cap": "cap_bep", "bep": "cap_bep",
           "dec": "Bac+2", "diplôme d'études collégiales": "Bac+2", "dep": "cap_bep",
           "diplôme d'études professionnelles": "cap_bep",
           "diplôme d'études secondaires": "Bac", "a degree": "Bac+3", "2:1": "Bac+3", "diplôme de master": "Bac+5",
           "diplôme de licence": "Bac+3", "diplôme de doctorat": "Bac+8", "bac": "Bac",
           "b.tech": "Bac+4", "btech": "Bac+4", "b.e.": "Bac+4", "dcg": "Bac+3", "dscg": "Bac+5",
           "qts": "Bac+3", "pgce": "Bac+3", "qualified teacher": "Bac+3", "degree": "Bac+3",
           "holds": "Bac+3", "with a": "Bac+3", "have a": "Bac+3", "deux années": "Bac+2",
           "diplôme de fin": "Bac", "grade d'un": "Bac+3", "diploma": "Bac+2",
           "any graduate": "Bac+3", "graduate in": "Bac+3", "hnd": "Bac+2", "ond": "Bac+2",
           "mba": "Bac+5", "b.com": "Bac+3", "bcom": "Bac+3", "b.sc": "Bac+3", "bsc": "Bac+3",
           "national diploma": "Bac+2", "matric": "Bac", "but": "Bac+2",
           # South Africa's NQF (https://www.saqa.org.za/): 4 matric, 5-6 higher certificate
           # and diploma, 7 bachelor's, 8 honours, 9 master's, 10 doctorate
           "nqf level 4": "Bac", "nqf level 5": "Bac+2", "nqf level 6": "Bac+2",
           "nqf level 7": "Bac+3", "nqf level 8": "Bac+4", "nqf level 9": "Bac+5",
           "nqf level 10": "Bac+8", "general education": "Bac", "secondary school": "Bac",
           "a level": "Bac", "a-level": "Bac", "secondary (high)": "Bac",
           "secondary education": "Bac", "non-university": "Bac+2", "honours": "Bac+3",
           "honors": "Bac+3", "hons": "Bac+3", "senior high": "Bac", "graduated from": "Bac"}


# What may come before the degree in a clause that opens on it: a bullet of any shape and an
# article ('✅ le bac', '- a BA in', '✔️ un CAP monteur').
_LEAD = re.compile(r"[\W_]*+(?:(?:le|la|les|un|une|a|an|the)\s++|l['’]\s*+)?", re.I)
_QTS = re.compile(r"qualified teacher status", re.I)
_PREFERRED = re.compile(r"\b(preferred|desirable|souhaitée?s?|appréciée?s?|un atout|an asset|is a plus|"
                        r"un plus|an advantage|(?:is )?welcome|not required|not essential|"
                        r"not mandatory|advantageous|non exigée?s?|sans être exigée?s?|pas obligatoires?)\b", re.I)


def degree_in_text(lines: list[str]) -> tuple[str, str] | None:
    """(clause, level) of the first degree a clause of the text asks for; the level of the
    degree named first ('a Bachelor's degree; a Master's is an advantage' is Bac+3). A degree
    being prepared ('un alternant préparant le DCG') only when no clause asks for one held."""
    prepared: tuple[str, str] | None = None
    for line in _unwrapped(lines):
        for clause in re.split(r"(?<=[.;])\s+", line):
            match = _DEGREE_IN_TEXT.search(clause)
            # a clause that opens on the degree asks for it ('Master en sciences...')
            # (a place's name before it: 'Ontario Secondary School Diploma (OSSD)')
            opening = match is not None and _LEAD.fullmatch(re.sub(
                r"[A-ZÀ-Ý][a-zà-ÿ]+\s+$", "", clause[:match.start()])) is not None
            # (the degree's own words aside: 'Qualified Teacher Status' teaches nothing)
            if (not match or len(clause) > 400 or not (_ASKING.search(clause) or opening)
                    or _NOT_ASKING.search(_QTS.sub("", clause))):
                continue
            optional = _PREFERRED.search(clause, match.end())
            between = clause[match.end():optional.start()] if optional else ""
            # (not 'a bachelor's degree (a master's is preferred)', 'BTS au minimum (une
            # école d'ingénieurs serait un plus)': the word qualifies what stands nearer)
            # ('un CAP X ou un CAP Y est apprécié', 'A, B or C are welcome': the word qualifies
            # the alternatives it ends)
            alternatives = re.search(r"\b(?:ou|or)\b[^,]*$", between)
            if optional and not re.search(r"\(|\bminimum\b|at least", between) and (
                    alternatives or "," not in between and not _DEGREE_IN_TEXT.search(between)):
                continue  # a degree preferred is not the level asked for
            if _NO_DEGREE_NEEDED.search(clause):
                continue
            pursued = _PURSUED.search(clause) is not None
            if pursued and prepared is not None:
                continue
            grade = GRADE.search(clause)
            word = match.group(1).lower()
            later = _DEGREE_IN_TEXT.search(clause, match.end())
            if later and re.match(r"graduate|(?:a )?degree$|diploma|diplôme$", word) \
                    and not re.match(r"graduate|(?:a )?degree$", later.group(1).lower()):
                # 'Graduate of an accredited school of nursing (Associate Degree in Nursing at
                # minimum)': the degree named says the level the generic word does not
                match, word = later, later.group(1).lower()
            named = named_diploma(word)
            level = ("Bac+5" if grade.group(1).lower() == "master" else "Bac+3") if grade \
                else named[1] if named else None if "premier cycle" in clause else next(
                    (lvl for key, lvl in _LEVELS.items() if word.startswith(key)), None)
            if re.search(r"\b(?:ou|or)\b", clause) and _DEGREE_IN_TEXT.search(clause, match.end()):
                # 'BUT ou licence': two degrees offered, the lowest will do
                level = education_level(clause) or level
            level = level or education_level(clause)
            if level and education_in(level):
                if not pursued:
                    return clause.strip(" ,;:."), level
                prepared = clause.strip(" ,;:."), level
    if prepared is None:
        post = post_requiring_a_doctorate(lines)
        if post:
            return post, "Bac+8"  # a maître de conférences is a doctor
    return prepared


def _unwrapped(lines: list[str]) -> list[str]:
    """The lines with a sentence cut by the text's wrapping joined again ('a relevant Level 3'
    / 'qualification (for example ...)'): a line ending on a word, the next one going on in
    lower case."""
    joined: list[str] = []
    for line in lines:
        # (or ending on a preposition, whatever the next line opens with: 'de la seconde au' /
        # 'BTSA). Tu as ...')
        if joined and len(joined[-1]) > 40 and (re.search(r"[\w,]$", joined[-1]) and re.match(
                r"[a-z(]", line) or re.search(r"\b(?:au|aux|du|des|de|en|à|to|of|the|in)$", joined[-1])):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined
