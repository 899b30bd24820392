"""Diplomas and the level each confers: those named by the profession they license, degrees
named in the words of each country, qualifications by their numbered level, and posts the law
opens only to holders of a degree: a reader knows the level without a 'Bac+n'.

The levels are those of France's national register of professional certifications (RNCP): the
diplômes d'État of social work since their 2018 reform (décrets 2018-733 to 2018-745; levels
3, 4, 6 and 7 of the 2019 framework), the architect's diplôme d'État (a master's degree, décret
2005-734) and the HMONP taken after it; a maître de conférences or professeur des universités
holds a doctorate (décret 84-431, articles 23 and 44)."""

from __future__ import annotations

import re

# 'Diplôme d'État de', 'DE d'', 'diplômé·e d'État' (a capital E or not, with its accent or not)
_STATE = r"dipl[ôo]m(?:e|é|ée|é·e|é\(e\))s?\s++d['’][ée]tat"
_OF = r"\s++(?:d['’]\s*+|de\s++)?"


def _named(*names: str) -> str:
    """'Diplôme d'État d'<name>', '<name> diplômé d'État', for each name."""
    joined = "|".join(names)
    return rf"(?:{_STATE}|(?-i:DE)){_OF}(?:{joined})|(?:{joined})\s++{_STATE}"


# Diplomas whose name says their level to one who knows them (matched before any generic word).
NAMED_DIPLOMAS = [
    # a trade learnt in full: a skilled worker's certificate (the fagbrev, the Gesellenbrief
    # said in English), a time-served apprenticeship
    (re.compile(r"\b(skilled worker['’]s certificate|journeyman['’]s certificate|"
                r"time-served (?:[a-z]+ ){0,3}?apprenticeship|apprenticeship \(time-served\))",
                re.I), "cap_bep"),
    # level 4 of the RNCP: the brevet professionnel of a trade ('BP boulanger', 'BP de
    # préparateur'), the bac pro, the auxiliaire de puériculture's diplôme d'État since 2021
    (re.compile(r"\b(brevet professionnel(?:\s++(?:de\s++|d['’]\s*+|en\s++)?[a-zà-ÿ]{4,})?|"
                r"BP\s++(?:de\s++|d['’]\s*+|en\s++)?(?-i:[A-Za-zà-ÿ][a-zà-ÿ]{3,})|"
                r"bac(?:calaur[ée]at)? pro(?:fessionnel)?\b|" +
                _named(r"auxiliaire de puériculture") + r"|(?-i:DEAP))\b", re.I), "Bac"),
    (re.compile(r"\b(" + _named(r"accompagnant(?:e|·e)?s? éducati(?:f|ve|f·ve)s? et social",
                                r"aide médico-psychologique", r"auxiliaire de vie sociale") +
                r"|(?-i:DEAES|DEAMP|DEAVS))\b", re.I), "cap_bep"),
    (re.compile(r"\b(" + _named(r"moniteur[- ][ée]ducat\w*", r"monitrice[- ][ée]ducat\w*",
                                r"technicien\w* de l['’]intervention sociale et familiale") +
                r"|(?-i:DEME|DETISF))\b", re.I), "Bac"),
    (re.compile(r"\b(" + _named(r"[ée]ducat\w*(?:[·.]\w+)? sp[ée]cialis\w*",
                                r"[ée]ducat\w* de jeunes enfants", r"[ée]ducat\w* techniques? "
                                r"sp[ée]cialis\w*", r"assistant\w* de service social",
                                r"assistant\w* social\w*", r"conseill\w* en [ée]conomie sociale"
                                r"(?: et)? familiale",
                                # (not a nurse's specialty: 'infirmier de bloc opératoire')
                                r"infirmi\w*+(?!\s++(?:de bloc|anesth|de puéricult))",
                                # a nurse's specialty of level 6 ('puéricultrice')
                                r"puéricult\w*") +
                r"|(?-i:DEES|DEEJE|DEETS|DEASS|DECESF|CESF|CAFERUIS))\b", re.I), "Bac+3"),
    (re.compile(r"\b(" + _named(r"architecte", r"ingénierie sociale") +
                r"|(?-i:HMONP|DPLG|CAFDES|DEIS))\b", re.I), "Bac+5"),
    # France's diplomas of health, youth work and road safety by their RNCP level: the
    # ambulancier's and the aide-soignant's diplômes d'État and the BPJEPS at level 4 (since
    # the reforms of 2022 and 2021; the DEA of ambulance work, not the old research DEA 'de'
    # or 'en' a subject), the DEJEPS and the titre of driving instructor (ECSR, and the
    # BEPECASER it replaced) at level 5, the DESJEPS and the diplômes d'État of the
    # audioprothésiste, ergothérapeute, psychomotricien, pédicure-podologue and manipulateur
    # en électroradiologie at level 6, the masseur-kinésithérapeute's, the sage-femme's and
    # the orthophoniste's certificate at level 7 (grade master)
    (re.compile(r"\b(" + _named(r"ambulanci\w*", r"aide[- ]soignant\w*") +
                r"|(?-i:BPJEPS|DEAS|DEA)(?!\s++(?:en|de|d['’]|in)\b))\b", re.I), "Bac"),
    (re.compile(r"\b((?-i:DEJEPS|BEPECASER|ECSR)|titre professionnel (?:d['’]\s*+)?enseignant "
                r"de la conduite)\b", re.I), "Bac+2"),
    (re.compile(r"\b(" + _named(r"audioproth\w*", r"ergoth\w*", r"psychomotric\w*",
                                r"p[ée]dicure[- ]podologue", r"manipulat\w* en "
                                r"[ée]lectroradiologie\w*") + r"|(?-i:DESJEPS))\b", re.I), "Bac+3"),
    (re.compile(r"\b(" + _named(r"masseur[- ]kin[ée]sith\w*", r"sage[- ]femme") +
                r"|certificat de capacit[ée] d['’]\s*+orthophonist\w*)\b", re.I), "Bac+5"),
    # Diplomas of the English-speaking world whose name says their level: the end of secondary
    # school in Australia (Year 12, the HSC, VCE, WACE, QCE, SACE); a trade's certificate in
    # Canada (a Certificate of Qualification, the Red Seal) and Australia (a Certificate III,
    # level 3 of its framework, or the Certificate II below it); Ireland's framework (NFQ levels 6
    # a higher certificate, 7 and 8 a bachelor's, 9 a master's; 'a Level 8 degree'); a
    # tertiary qualification (a degree); an MA; the CIOL's Diploma in Translation
    # (postgraduate level); a graduate program of North America (a master's or a doctorate)
    (re.compile(r"\b((?-i:Year 12|HSC|VCE|WACE|QCE|SACE))\b"), "Bac"),
    (re.compile(r"\b(certificate of qualification|red seal|(?-i:Certificate II|Cert II|Certificate III|Cert III))\b",
                re.I), "cap_bep"),
    (re.compile(r"\b((?-i:NFQ)\s*+level\s*+6)\b", re.I), "Bac+2"),
    (re.compile(r"\b((?-i:NFQ)\s*+level\s*+[78]|level\s*+[78]\s++degree|tertiary "
                r"(?:qualifications?|degrees?))\b", re.I), "Bac+3"),
    (re.compile(r"\b((?-i:NFQ)\s*+level\s*+9|level\s*+9\s++degree|(?-i:MA)(?=\s++in\b)|"
                r"(?-i:DipTrans)|diploma in translation|graduate program in)\b", re.I), "Bac+5"),
]


def named_diploma(text: str) -> tuple[int, str] | None:
    """(where, level) of the first diploma named by its profession in `text`, or None."""
    found = [(match.start(), level) for pattern, level in NAMED_DIPLOMAS
             for match in [pattern.search(text)] if match]
    return min(found) if found else None


# A post whose holders the law requires to hold a doctorate.
_DOCTORS_POSTS = re.compile(r"\b(ma[îi]tres?(?:se)? de conf[ée]rences|professeur(?:e|·e)?s? des "
                            r"universit[ée]s)\b", re.I)


def post_requiring_a_doctorate(lines: list[str]) -> str | None:
    """The words naming a post open only to doctors (a French university's maître de
    conférences), in the first lines of the text, or None."""
    for line in lines[:12]:
        match = _DOCTORS_POSTS.search(line)
        if match:
            return match.group(1)
    return None


BAC = re.compile(r"\bbac\s*+\+\s*+(\d)\b", re.IGNORECASE)
# A degree named by the level it confers ('Diplôme d'État d'infirmier (grade licence)').
GRADE = re.compile(r"\bgrade\s++(?:de\s++)?(master|licence)\b", re.I)
# A licence that is a degree, not a permit ('driving licence', 'licence to practise', 'an SIA
# licence': a body's acronym before it issues a permit).
LICENCE = (r"(?<!driver )(?<!driving )(?<!driver's )(?<!full )(?<!permis )(?<!\) )(?<!RN )"
            r"(?<!nursing )(?<!teaching )(?<!professional )(?<!practising )(?<!trade )(?<!the )"
            r"(?<!your )(?<!pilot's )(?<!pilot )(?<!(?-i:[A-Z][A-Z]) )(?<!forklift )(?<!security )"
            r"(?<!operator's )(?<!premises )(?<!personal )licence"
            r"(?!\s++(?:to practi[cs]e|de remplacement|de conduire))")
# Québec's master ('une maîtrise en droit'), not a mastery ('une excellente maîtrise en anglais').
MAITRISE = (r"(?<!bonne )(?<!excellente )(?<!parfaite )(?<!solide )(?<!grande )(?<!réelle )"
             r"\b(maîtrise (?:universitaire )?en\b(?!\s++(?:anglais|français|langue|informatique|"
             r"bureautique|outils?|logiciels?|excel|communication|rédaction)))")
DEGREES = NAMED_DIPLOMAS + [
    # a doctor of medicine ('MD/DNB in Anaesthesiology', 'MD or DO'): a doctorate
    (re.compile(r"\b((?-i:MD|DNB|DM)(?=\s*+(?:/|\bor\b|\bin\b|,|\(|degree)))", re.I), "Bac+8"),
    # a two-year US college degree ('Associate Degree in Nursing', 'associate degree or higher')
    (re.compile(r"\b(associate(?:'s)? degree|associate of (?:arts|science|applied science)|"
                r"(?-i:AAS|ADN|ASN)(?=[\s,)/]))", re.I), "Bac+2"),
    # a trade's certificate after an apprenticeship: Norway's fagbrev, Germany's Gesellenbrief,
    # a journeyman's card, Switzerland's CFC ('CFC ou titre jugé équivalent' is the CFC's level:
    # an equivalent title is one of the same level; conventions.md, Other fields)
    (re.compile(r"\b(trade certificate|craft certificate|fagbrev|svennebrev|gesellenbrief|"
                r"journeyman|journeyperson|(?-i:CFC)\b)", re.I), "cap_bep"),
    # Québec's university degrees ('baccalauréat en génie civil', 'maîtrise en administration
    # publique': a bachelor's and a master's), nursing's bachelor and master (BSN, MSN)
    (re.compile(r"\b(baccalauréat (?:universitaire )?(?:en|in)\b|(?-i:BSN|BScN)\b)", re.I), "Bac+3"),
    (re.compile(MAITRISE + r"|\b((?-i:MSN)\b)", re.I), "Bac+5"),
    # Australia's and New Zealand's diplomas: two years of study
    (re.compile(r"\b((?:advanced )?(?-i:Diploma) of\b)"), "Bac+2"),
    # a level named beside the degree: 'diplôme de niveau master', "a master's-level degree"
    (re.compile(r"\b((?:de |d'un )?niveau (?:master|maîtrise)|master'?s[- ]level)", re.I), "Bac+5"),
    (re.compile(r"\b((?:de |d'un )?niveau licence|bachelor'?s[- ]level)", re.I), "Bac+3"),
    (re.compile(r"\b(diplôme universitaire de premier cycle|premier cycle universitaire|"
                r"undergraduate degree)", re.I), "Bac+3"),
    (re.compile(r"\b(doctorat|phd|ph\.d|doctorate|doctoral degree|docteur en médecine|"
                r"(?-i:DES) de|doctor of medicine|medical degree|docteur en \w+)\b", re.I), "Bac+8"),
    (re.compile(r"\b(master|masters|master's|msc|ma degree|postgraduate|second-level university"
                r" degree|advanced university degree)\b", re.I), "Bac+5"),
    (re.compile(r"\b((?-i:B\.?Tech|B\.E\.|BE)(?=[\s/,])|B\.Tech)", re.I), "Bac+4"),
    (re.compile(r"\b((?-i:M\.\s?Sc\.?|MBA)|(?-i:M\.A\.)(?=\s+in\b))", re.I), "Bac+5"),
    # an honours degree (a bachelor's of the UK, Ireland, Australia: 'a 2.1 honours degree',
    # 'a first or upper-second class honours degree'); 'BA Social Work', 'BSc (Hons)'
    (re.compile(r"\b((?:honours|honors|hons) degree|(?-i:BA|BSc|BEng)(?=\s++(?:\(?Hons\b|"
                r"(?-i:[A-Z][a-z]{2,}))))", re.I), "Bac+3"),
    (re.compile(r"\b((?-i:B\.\s?Sc\.?|B\.\s?Com\.?|B\.A\.|BA)(?=\s+in\b|\s*+\(|\s++or\s++(?:higher|above)\b)|(?-i:B\.\s?Sc\.?|"
                r"B\.\s?Com\.?|BSc|BEng)\b|undergraduate qualification|NQF level 7)", re.I), "Bac+3"),
    (re.compile(r"\b((?-i:HND|OND)|national diploma|NQF level [56])\b", re.I), "Bac+2"),
    (re.compile(r"\b(" + LICENCE + r"|bachelor|bachelor's|bachelier|first-level university degree|"
                r"undergraduate degree|(?-i:BSc?|B\.S\.)(?=\s+in\b|\s*+/\s*+(?-i:MSc?|M\.S\.))|"
                r"diplôme d'état d'(?:éducat\w+|assistant de service social|assistant social))\b",
                re.I), "Bac+3"),
    # (and Canada's two-year college diploma: 'College diploma or university degree')
    (re.compile(r"\b((?-i:BTSA?|DUT|BUT|DEC)|diplôme d'études collégiales|college diploma|deux années d'études "
                r"supérieures|two years of higher education|(?<!school )(?<!graduate )"
                r"(?<!postgraduate )(?-i:[Dd]iploma) in)\b", re.I), "Bac+2"),
    (re.compile(r"\b((?-i:DCG)|trois années d'études supérieures|three years of higher education|"
                r"degree[- ]level|graduate (?:from|of)|(?:a|an|holds a|with a)\s++(?:relevant\s++|"
                r"good\s++|honours\s++|first\s++)?degree(?![- ]of\b)|qualified teacher status|"
                r"(?-i:QTS|PGCE)|grade d'un établissement)\b", re.I), "Bac+3"),
    (re.compile(r"\b((?-i:DSCG)|cinq années d'études supérieures)\b", re.I), "Bac+5"),
    (re.compile(r"\b(diplôme d'ingénieur|engineering degree)", re.I), "Bac+5"),
    # The end of secondary school, in France, Belgium, Ireland, the UK and North America.
    (re.compile(r"\b(baccalauréat|(?-i:CESS)|diplôme d'études secondaires|enseignement secondaire supérieur|"
                r"fin d'études secondaires|(?:senior )?high school "
                r"(?:diploma|certificate|graduate|graduation)|general education diploma|leaving certificate|matric(?:ulation)?|(?-i:A)[- ]levels?(?!\s*+\d)|secondary school diploma|"
                r"(?-i:GED))\b", re.I), "Bac"),
    # (Québec's diplôme d'études professionnelles, a trade diploma of secondary school)
    (re.compile(r"\b((?-i:CAP|BEP|DEP)|diplôme d'études professionnelles)\b"), "cap_bep"),
]
# A qualification by its numbered level: the UK's NVQ, RQF and QCF levels (3 the A levels, 4-5
# the HNC and HND, 6 a bachelor's, 7 a master's, 8 a doctorate), the European framework's and
# France's levels of the RNCP ('titre professionnel CIP (niveau 5)': 3 the CAP, 4 the bac, 5
# Bac+2, 6 Bac+3, 7 Bac+5, 8 the doctorate).
NUMBERED = re.compile(
    # (the UK's awarding bodies for trades on the same scale: 'VTCT Level 2', 'City & Guilds
    # Level 3')
    r"\b(?:(?:(?-i:NVQ|RQF|QCF|EQF|CEC|RNCP|VTCT|ITEC|CIBTAC)|City (?:&|and) Guilds)\s*+(?:level|niveau)?\s*+"
    r"(?P<a>[2-8])\b|"
    r"(?:level|niveau)\s*+(?P<b>[2-8])\s*+(?:(?-i:NVQ|RQF|QCF|EQF|RNCP)|qualification|diploma|"
    r"diplôme|titre|certificat\w*)|(?:titre|diplôme|certification|qualification|diploma|"
    r"formation)(?:[^.;()]|\([a-zé]{1,3}\)){0,60}?(?:\(|\bde\s++)?(?:level|niveau)\s*+(?P<c>[2-8])\b"
    r"(?![,.]\d))", re.I)
_NUMBERED_LEVELS = {"2": "cap_bep", "3": "Bac", "4": "Bac+2", "5": "Bac+2", "6": "Bac+3",
                    "7": "Bac+5", "8": "Bac+8"}
_FRENCH_LEVELS = {"3": "cap_bep", "4": "Bac", "5": "Bac+2", "6": "Bac+3", "7": "Bac+5",
                  "8": "Bac+8"}


def numbered_level(match: re.Match[str]) -> str | None:
    """The level of a numbered qualification: the UK's scale (NVQ, RQF) or the French and
    European one (niveau, RNCP, EQF), one step apart at the bottom."""
    number = match["a"] or match["b"] or match["c"]
    french = re.search(r"niveau|RNCP|EQF|CEC|titre|diplôme|formation", match.group(0), re.I)
    return (_FRENCH_LEVELS if french else _NUMBERED_LEVELS).get(number)
