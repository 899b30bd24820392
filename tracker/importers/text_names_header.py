"""The names a posting's header gives for its employer, read by text_heading: the
organisation a header line names (the larger body a unit belongs to, a careers site's own
name, a name the text or the contact address spells again) and the tests that tell an
organisation's line from a post's. text_employer weighs them with the other sources."""

from __future__ import annotations

import re

from tracker.importers.dates import fold
from tracker.importers.text_names_forms import LEGAL_DOT, LEGAL_END
from tracker.importers.text_names_full import NUMBERED_ACRONYM
from tracker.importers.text_names_layout import (
    DOCUMENT_KINDS,
    as_written,
    is_nav,
    is_publisher_line,
    is_unit_line,
    matches_domain,
    post_word,
    posts_word,
    publisher_words_off,
)
from tracker.importers.text_names_words import _ACRONYM, _NAME_RE, _ORG, _SEX
from tracker.importers.text_places import is_place

Sources = list[tuple[str, str, float]]

# Cut a header line at its first separator: "University of Sheffield - School of ...".
_SEPARATOR = re.compile(r"\s+(?:[—–|·-]|/)\s+|\s*[·|]\s*|\s{3,}")


def org_name(line: str) -> str:
    """A header line's organisation: before its first separator, without a trailing comment;
    after it when the first part is a short code and the next names an organisation ('cdg69 –
    Centre de gestion ...')."""
    parts = _SEPARATOR.split(_SEX.sub(" ", line).strip(), maxsplit=2)
    # ('Angers (49) — Pharmacie des Lices': a town, then the organisation)
    town = is_place(parts[0]) or re.fullmatch(r"[A-ZÀ-Ý][\w'’ -]{1,40}\s*\((?:\d{2,3}|2[AB])\)",
                                              parts[0])
    if len(parts) > 1 and (re.fullmatch(r"[a-z][a-z0-9]{1,9}", parts[0]) or town) \
            and _ORG.match(parts[1]):
        return parts[1].strip(" ,;:-–—(")
    return parts[0].strip(" ,;:-–—(")


def is_org_line(line: str) -> bool:
    """A header naming an organisation rather than a post: an organisation word or acronym at
    its head, no sentence."""
    head = org_name(line)
    dotted = head.endswith(".") and not LEGAL_DOT.search(head)
    if len(head) > 120 or dotted or len(head.split()) > 18:
        return False
    name = re.sub(r"^(?:the|la|le|les|l['’])\s*", "", head, flags=re.I)
    name = _ACRONYM.sub("", name).strip()
    if len(head) > 100 or len(head.split()) > 12:  # a long name opens with its kind of body
        words = [w for w in name.split() if not re.fullmatch(
            r"(?i)de|du|des|la|le|les|et|of|the|and|for|&|[dl]['’]\w*", w)]
        capitals = sum(1 for w in words if w[:1].isupper())
        return bool(_ORG.match(name)) and not re.search(r"[.,;:!?]", name) \
            and 2 * capitals >= len(words)
    # (an organisation's word inside a post's name: 'DATA CENTRE SECURITY OFFICERS' ends in
    # the post; a body's name that ends so opens with its kind, 'Office of the Chief Medical
    # Officer', and is read by the first test)
    return bool(_ORG.match(name) or _spelled_acronym(line) or LEGAL_END.search(name)
                or _ORG.search(name) and (name.isupper() or _NAME_RE.match(name.replace(",", "")))
                and not posts_word(" ".join(name.split()[-1:])))


_POST_WORDS = re.compile(r"\b(?:officer|expert|manager|engineer|assistant|advisor|adviser|"
                         r"analyst|researcher|fellow|consultant|coordinator|charg[ée]|"
                         r"ing[ée]nieur|technicien|responsable)", re.I)


def _spelled_in(acronym: str, text: str) -> bool:
    """Whether the text names an organisation whose initials the acronym is ('Airports
    Authority of India' for 'AAI'), so that the acronym names it, not a trade ('QA', 'CT')."""
    words = r"\s+(?:(?:of|for|the|and|de|du|des|la|le|et|d['’])\s+)*".join(
        rf"{letter}[\w'’-]+" for letter in acronym)
    spelled = re.search(rf"\b{words}", text)
    return bool(spelled and _ORG.search(spelled.group(0)))


def _spelled_acronym(line: str) -> bool:
    """'International Committee of the Red Cross (ICRC)': an acronym in brackets whose letters
    are the initials of the words before it (a post's '(CDD)' is not)."""
    match = _ACRONYM.search(line)
    if not match or _POST_WORDS.search(line[:match.start()]) or post_word(line[:match.start()]):
        return False  # 'GENDARME ADJOINT VOLONTAIRE (GAV)': a post's initials
    initials = iter(word[0] for word in re.findall(r"[A-ZÀ-Ý][\w'’-]*", line[:match.start()]))
    letters = [c for c in match.group(1) if c.isupper()]
    return len(letters) >= 2 and all(any(c == i for i in initials) for c in letters)

# The larger body a unit belongs to, when a line names both ('LabEx ITEM – Université
# Grenoble Alpes', 'Department of Neurobiology, University of Chicago').
_BODY = re.compile(r"^(?:the\s+)?(?:Universit[éyàa]|CNRS|Inserm|INRAE|Inria|CEA|Minist[èe]re|"
                   r"Ministry|Parlement|Parliament|European Commission|Commission)\b", re.I)


def _body_of(line: str, town: bool = True) -> str:
    """The organisation a header line names: the larger body when it names a unit first; a
    town after a comma left out ('Clean Hydrogen Joint Undertaking, Brussels')."""
    parts = [p.strip(" ,;:-–—(") for p in re.split(r",\s+|" + _SEPARATOR.pattern,
                                                    _SEX.sub(" ", line).strip()) if p.strip()]
    if not parts:
        return ""
    body = next((p for p in parts[1:] if _BODY.match(p)), None)
    if body and not _BODY.match(parts[0]):
        return body
    name = org_name(line)
    if town and "," in name and len(name.split(",")[-1].split()) <= 2 and not _ORG.search(
            name.split(",")[-1]):
        return name.split(",")[0].strip()
    return name


def _named_elsewhere(name: str, text: str) -> bool:
    """A name in capitals and small words ('Les Nuits Sonores de la Vallée') the text uses
    again: an organisation, not a post."""
    bare = re.sub(r"^(?:(?:les|la|le|the)\s+|l['’]\s*)", "", name, flags=re.I)
    return bool(_NAME_RE.match(name)) and len(bare.split()) >= 2 and text.count(bare) > 1


def _board_employer(line: str, text: str = "") -> list[tuple[str, str, float]]:
    """'Careers at Northfield Foods', 'Harbor Freightways Careers', 'UNDP Procurement
    Notices': a careers site names its own organisation (a job board's name is no employer)."""
    if is_nav(line):
        return []  # a menu ending in 'Careers' names no one
    match = re.match(r"^(?:careers at|jobs at|travailler chez|careers\s*[|—–-])\s*([^|—–·]{2,60}?)"
                     r"(?:\s+[|—–·]\s.*)?$",
                     line.strip(), re.I) \
        or re.match(r"^(.{2,60}?)\s+(?:[—–|-]\s+)?(?:careers|procurement notices)$", line.strip(),
                    re.I)
    if match:
        return [(match.group(1).strip(), line, 0.6)]
    own = publisher_words_off(line)  # 'Portail Emploi CNRS'
    # ('Job Bank' is a board's own name: 'Bank', a word of it, is named nowhere on its own;
    # an acronym or a name of several words is a name: 'Portail Emploi CNRS')
    alone = not text or len(own.split()) > 1 or re.fullmatch(r"[A-Z]{2,8}", own) or re.search(rf"(?<![\w-]){re.escape(own)}(?![\w-])",
                                  text.replace(line.strip(), ""))
    return [(own, line, 0.55)] if own != line.strip() and _ORG.search(own) and alone else []


def _named_later(line: str, text: str) -> bool:
    """A short name at the top that the text then uses as a sentence's subject ('Halcyon
    Health builds ...', 'At Brightloop, we ...'): the organisation, not the post."""
    name = line.strip()
    if not _NAME_RE.match(name) or len(name.split()) > 4:
        return False
    escaped = re.escape(name)
    text = text.replace(line, "", 1) if "\n" in line or line in text.split("\n") else text
    return bool(re.search(rf"(?m)(?:^{escaped}[ \t]+(?!(?:is|are|can|will|may|must|should|"
                          rf"would|has|have|reports?|works?)\b)[a-zà-ÿ]\w+|"
                          rf"(?:^|\s)(?i:at|chez|join|rejoindre)\s+{escaped}\s*,)", text))


def _name_like(name: str) -> bool:
    words = name.split()
    # (connectors are no words of the name: 'Ligue de l'enseignement du Rhône')
    named = [w for w in words if not re.fullmatch(r"(?i)de|du|des|la|le|les|et|of|the|and|for|&", w)]
    capitals = sum(1 for w in named if w[:1].isupper() or w[:1].isdigit())
    return (1 <= len(words) <= 8 and name[:1].isupper() and not re.search(r"\d", name)
            and not name.endswith(".") and 2 * capitals >= len(named))


def _header_name(line: str) -> str:
    """The name a header line gives: before its first separator, the full name when that is
    an acronym ('TUM — Technical University of Munich'), its stars and marks left out."""
    parts = [p.strip(" ,;:-–—(★*") for p in _SEPARATOR.split(_SEX.sub(" ", line).strip())]
    parts = [re.sub(r"[^\w)'’&.]+$", "", p).strip() for p in parts if p]
    if not parts:
        return ""
    if len(parts) > 1 and re.fullmatch(r"[A-Z]{2,6}", parts[0]) and _ORG.search(parts[1]):
        return parts[1]
    if len(parts) > 1 and not _ORG.search(parts[0]) and _ORG.match(parts[1]) and re.search(
            r"\s(?!(?:de|du|des|la|le|les|et|of|the|and|for|pour|en)\s)[a-zà-ÿ]{3,}", parts[0]):
        return parts[1]  # 'Vacances pour tous — Ligue de l'enseignement': a slogan, the body
    return parts[0]


# 'Alpenflug Airlines – Pilot Recruitment': an organisation's recruitment campaign after its
# name, a header (the post it recruits is named below).
_CAMPAIGN = re.compile(r"^[^—–|]{3,60}\s[—–|-]\s(?:[\w ]{1,30}\s)?(?:recruitment|recrutement|careers|"
                       r"carri[èe]res)$", re.I)
# A document's header naming its owner before the kind of document: 'MARLOW FINCH ARCHITECTS
# Position Description – BIM Coordinator', 'X — Position Description', 'X | Fiche de poste'.
_DOCUMENT_HEADER = re.compile(
    r"^(?P<name>[^—–|:]{3,80}?)(?:\s{3,}|\s[—–|-]\s)"
    rf"(?:{DOCUMENT_KINDS}|job specification|role description|(?:candidate|recruitment|"
    r"information) pack)\b", re.I)


def document_owner(line: str) -> str | None:
    """The organisation a document's header names before the kind of document, or None."""
    match = _DOCUMENT_HEADER.match(line.strip())
    return org_name(match["name"]) if match and not post_word(match["name"]) \
        and not is_unit_line(match["name"]) else None  # (not 'Service ressources humaines')


_PAGE_OF = re.compile(r"(?i)\bpage\s*\d+\s*(?:/|sur|of|de)\s*\d+")


def document_owners(lines: list[str], header: Sources) -> Sources:
    """The owner a document's header names before the kind of document ('X — Position
    Description'), the surest header; or its running header further down ('X – Fiche de poste
    Y – Pau   Page 2 sur 2'; an acronym there, 'SMBAA', gives way to a letterhead's full name);
    or the header's own name on its first line, read whole ('OPTIC'SUD · Vision & Audition
    FICHE DE POSTE   Réf. ...'), before a labelled site ('Établissement   Centre X de Pau')."""
    return [item for item in header if item[2] >= 0.8] or [
        (str(doc), line.strip(), 0.8) for line in lines if _PAGE_OF.search(line)
        and (doc := document_owner(line)) and (not header or not doc.isupper())][:1] or [
        (str(doc), line.strip(), 0.8) for line in lines[:3]
        if (doc := document_owner(line)) and header and fold(header[0][0]) == fold(doc)][:1]


# A careers page's own words: the site is the employer's ('Careers | X', 'X — Join our team').
_OWN_SITE = re.compile(r"\s[—–|-]\s(?:[\w ]{1,30}\s)?recruitment$|\b(?:careers?|carrieres?|join (?:our|the) team|rejoignez[- ]nous|"
                       r"(?:job|employment) opportunit(?:y|ies)|current (?:openings|vacancies)|nos offres|"
                       r"nous rejoindre|working at|travailler (?:a|chez))\b")


def _header_line(line: str, text: str, domains: list[str], header: Sources, named: Sources,
                 boards: Sources) -> None:
    """A header line above the heading: a publisher's (its own part the employer's only on
    the employer's own careers page, or when it names an organisation: surer when the contact
    address spells it), or a name the employer's when the contact address spells it or the
    text names it again (weighed after the sentences that recruit); else nobody's."""
    if is_nav(line):
        return
    rest = text.replace(line, "", 1)
    if is_publisher_line(line):
        own = [_header_name(part) for part in _SEPARATOR.split(line)
               if part.strip() and not is_publisher_line(part)] or [
            name for name in [publisher_words_off(line)] if _ORG.search(name)]
        if own and _name_like(own[0]) and (_OWN_SITE.search(fold(line)) or _ORG.search(own[0])):
            confidence = 0.6 if matches_domain(own[0], domains) else 0.55
            boards.append((as_written(own[0], rest), line, confidence))
        return
    name = _header_name(line)
    # ('SDIS 86 – Sapeurs-pompiers de la Vienne' over a menu, the address @sdis86.fr: an
    # acronym and a département's number, spelled out elsewhere)
    numbered = NUMBERED_ACRONYM.fullmatch(name) and matches_domain(name, domains)
    if not (_name_like(name) or numbered):
        return
    again = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", rest, re.I)
    if matches_domain(name, domains):
        header.append((as_written(name, rest), line, 0.7))  # the contact address is its own
    elif again:
        named.append((as_written(name, rest), line, 0.7))
    elif (_ORG.match(name) and len(name.split()) >= 3  # 'Ligue de l'enseignement du Rhône'
          or len(name.split()) >= 2 and _places_after(line)):  # 'Régie de Quartier X – Mulhouse'
        named.append((name, line, 0.6))


def _places_after(line: str) -> bool:
    """Whether a header line's parts after its name are all places ('– Mulhouse', '– Le
    Noirmont (JU)'): a name and where it is, the way an organisation heads its page."""
    rest = [part.strip() for part in _SEPARATOR.split(line)[1:] if part.strip()]
    return bool(rest) and all(is_place(re.sub(r"\s*\([^)]{1,6}\)$", "", part)) for part in rest)



# A document's kind, set on the right of its letterhead.
_DOCUMENT = re.compile(DOCUMENT_KINDS)
# A letterhead's line going on: its connector first ('ET DE SECOURS DU LOIRET', 'and Training').
_GOES_ON = re.compile(r"^(?:et|de|du|des|d['’]|of|and|&|for|pour|en)\s", re.I)


def wrapped_letterhead(lines: list[str]) -> tuple[str, str] | None:
    """An organisation's name a letterhead wraps over its first two lines, a right-hand column
    beside it ('SERVICE DÉPARTEMENTAL D'INCENDIE      FICHE DE POSTE' over 'ET DE SECOURS DU
    LOIRET      N° GRH/FP/2027-017', or 'Syndicat Mixte d'Aménagement du' over 'Bassin de
    l'Aveyron Amont'): the two left-hand parts joined, where one line's connector links them."""
    top = [line for line in lines[:6] if line.strip()][:4]
    for first, second in zip(top, top[1:], strict=False):
        left = [re.split(r"\s{3,}", line.strip())[0] for line in (first, second)]
        ends = re.search(r"\s(?:de|du|des|d['’]|of|and|&|for|pour|et)$", left[0], re.I)
        if not ((_GOES_ON.match(left[1]) or ends) and left[0].isupper() == left[1].isupper()
                and not left[0].endswith((".", ":", ","))):
            continue
        name = f"{left[0]} {left[1]}"
        shown = name.title() if name.isupper() else name  # (capitals read as a name)
        if len(name.split()) <= 14 and (_ORG.search(shown) or is_org_line(shown)):
            return name, f"{first.strip()} {second.strip()}"
    for line in top[:2]:  # 'LOTUS HARBOUR RESORT MACAU      JOB DESCRIPTION': one line
        parts = re.split(r"\s{6,}", line.strip())
        if len(parts) == 2 and _DOCUMENT.fullmatch(fold(parts[1])) and not post_word(parts[0]) \
                and len(parts[0].split()) >= 2 \
                and _name_like(parts[0].title() if parts[0].isupper() else parts[0]):
            return _header_name(parts[0]), line.strip()
    return None

