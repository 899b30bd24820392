"""Diplomas named by the profession they license, with the level each confers, and posts the
law opens only to holders of a degree: a reader knows the level without a 'Bac+n'.

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


NAMED_DIPLOMAS = [
    # a trade learnt in full: a skilled worker's certificate (the fagbrev, the Gesellenbrief
    # said in English), a time-served apprenticeship
    (re.compile(r"\b(skilled worker['’]s certificate|journeyman['’]s certificate|"
                r"time-served (?:[a-z]+ ){0,3}?apprenticeship|apprenticeship \(time-served\))",
                re.I), "cap_bep"),
    # level 4 of the RNCP: the brevet professionnel of a trade ('BP boulanger', 'BP de
    # préparateur'), the bac pro, the auxiliaire de puériculture's diplôme d'État since 2021
    (re.compile(r"\b(brevet professionnel(?:\s++(?:de\s++|d['’]\s*+|en\s++)?[a-zà-ÿ]{4,})?|"
                r"BP\s++(?:de\s++|d['’]\s*+|en\s++)?(?-i:[a-zà-ÿ]{4,})|"
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
