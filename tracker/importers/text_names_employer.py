"""What a reader weighs before naming the employer: a posting an agency publishes for its
client names the client (or nobody, when the client is not named: the agency is no employer,
save a temping agency, which employs its temps); a unit of a university (a faculty, a school,
a chair) belongs to the university the text names; an employer said to be anonymous is none."""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.importers.base import EMAIL
from tracker.importers.dates import fold
from tracker.importers.text_names_layout import mail_labels, matches_domain
from tracker.importers.text_names_relay import TEMPING, wrapped_on
from tracker.importers.text_places import is_place

_NAME = r"[A-ZÀ-Ý][\w'’&.-]*(?:\s+(?:(?:of|for|the|and|de|du|des|la|le|les|et|d['’]|l['’]|&)\s*)*" \
        r"[A-ZÀ-Ý][\w'’&.-]*){0,7}"
# 'Our client, Cascade Valley Credit Union, is seeking', 'Notre client, la Mutuelle X, acteur',
# 'My client is Kestrel Electric Bikes, the Vancouver-born e-bike brand',
# 'on behalf of the Department of Housing, Local Government and Heritage, to fill'
_CLIENT = re.compile(
    rf"(?i:\b(?:(?:our|a|the|my) client|\b(?:notre|mon) client(?:e)?)(?:\s+(?:is|est))?|\bon behalf of|"
    rf"\bpour le compte d[eu']|\bau nom d[eu'])\s*,?\s*(?:(?i:the|la|le|les|l['’])\s*)?"
    rf"(?P<name>{_NAME}(?:,\s+(?:the\s+)?{_NAME})*)(?=\s*(?:,|\(|\.|:|$))")
_UNNAMED_CLIENT = re.compile(r"\b(?:our|notre|son|for a|pour un|my|mon|ma|on behalf of a) client(?:e)?\b"
                             # ('our client list has outgrown our team': the firm's own clients)
                             r"(?!\s+(?:list|base|portfolio|relationships?|services?|care|needs|"
                             r"satisfaction|accounts?|files?|work|management|experience))"
                             # ('Pour l'une de nos clientes, Maison de ...': a sentence's opening)
                             r"|(?m:^)[^\w\n]*(?:pour|for|on behalf of) (?:l['’]une?|un|une|one) (?:de nos|"
                             r"of our) client(?:e)?s\s*,",
                             re.I)  # ('my client is a busy practice': a recruiter's e-mail)
_ANONYMOUS = re.compile(r"\b(?:anonyme|anonymous|confidenti\w*|undisclosed|non communiqu\w*|hidden|masqu\w*)\b",
                        re.I)


# 'X operates leisure centres on behalf of the council', 'X gère la piscine pour le compte de
# la commune': a service run for a body, by its operator, who employs (no client recruited for).
_OPERATES = re.compile(r"(?i)\b(?:operates?|operated|manages?|managed|runs?|delivers?|provides?|"
                       r"maintains?|g[èe]re|exploite|assure|op[èe]re|anime)\b[^.;]{0,80}$")


def client_named(lines: list[str]) -> tuple[str, str] | None:
    """(client, line) an agency or a board names as the one it recruits for."""
    for index, line in enumerate(lines):
        match = _CLIENT.search(line)
        if match and _OPERATES.search(line[:match.start()]):
            continue
        if match and len(match["name"].split()) >= 2:
            return match["name"].strip(" ,") + wrapped_on(match.end("name"), line, lines[index + 1:]), \
                line.strip()
    return None


def unnamed_client(lines: list[str]) -> bool:
    """An agency recruiting for a client it does not name (not a temping agency)."""
    text = "\n".join(lines[:60])
    return bool(_UNNAMED_CLIENT.search(text)) and not TEMPING.search(text) \
        and client_named(lines) is None


def anonymous(value: str) -> bool:
    """'Offre d'un employeur anonyme', 'Confidential': a label saying the employer is unnamed."""
    return bool(_ANONYMOUS.search(value))


# A university's unit, and the university the text names.
_UNIT = re.compile(r"^(?:the\s+)?(?:faculty|school|college|department|centre|center|chair|"
                   r"institute|laborator(?:y|ies)|lab|division|graduate school|faculte|ufr|"
                   r"laboratoire|ecole doctorale)\b", re.I)
_UNIVERSITY = re.compile(
    r"(?<![\w-])((?:(?:Technical|Free|Open|State|National|Catholic|Royal)\s+)?"
    r"Universit(?:y|é|ät|at|eit|à)\s+(?:of|de|du|d['’])\s*[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*"
    r"|(?:[A-ZÀ-Ý][\w'’-]*\s+){1,3}Universit(?:y|ät|eit|à)\b)")


def university_of_unit(name: str, lines: list[str]) -> tuple[str, str] | None:
    """(university, line) when the employer found is a unit and the text names the university
    it belongs to."""
    if not _UNIT.match(fold(name)) or _UNIVERSITY.search(name):
        return None
    for line in lines:
        if line.isupper():  # 'THE UNIVERSITY OF ARIZONA'
            line = re.sub(r"\b(Of|De|Du|And|The|For)\b", lambda m: m.group(1).lower(),
                          line.title())
        match = _UNIVERSITY.search(line)
        if match:
            university = re.sub(r"^(?:The|At|Working at|Of|In)\s+", "", match.group(1))
            if len(university.split()) >= 2:
                return university, line.strip()
    return None


# An e-mail's sender: 'De : Association Les Mouettes <direction@...>', 'From: Kestrel Joinery
# <jobs@...>' (a person's name is no employer: the sender must name an organisation).
_SENDER = re.compile(r"^[>\s]*(?:de|from|exp[ée]diteur)\s*:\s*\"?(?P<name>[^<\"\n]{3,80}?)\"?\s*<[^>@\s]+@",
                     re.I)


def sender_named(lines: list[str], is_org: Callable[[str], bool]) -> tuple[str, str] | None:
    """(organisation, line) an e-mail's sender line names, the first one naming one (the
    forwarded message's own sender when a forward quotes it)."""
    found = None
    for line in lines[:40]:
        match = _SENDER.match(line)
        # (or a name its own address spells: "Arbor'Essence <contact@arboressence-elagage.fr>")
        domain = re.search(r"<([\w.+-]++)@([\w.-]++)>", line) if match else None
        # ('Armement Kerlaouen <armement.kerlaouen@orange.fr>': at a webmail, the local part)
        spelled = domain is not None and match is not None and matches_domain(
            match["name"].strip(), mail_labels(domain[0].strip("<>"), EMAIL))
        if match and (is_org(match["name"].strip()) or spelled):
            found = (match["name"].strip(), line.strip())
    return found


# 'Department: Department of Environmental Quality', 'Agency: National Weather Service': a
# public body's own label (a unit's name under it is no body: it must start as one).
_BODY_LABEL = re.compile(r"^(?:department|agency|ministry|minist[èe]re|hiring department|"
                         r"employing department)\s*:\s*(?P<name>(?:Department|Ministry|Minist[èe]re|"
                         r"Agency|Office|Administration|Bureau|Service)\s+(?:of|for|de|du|des|d['’])"
                         r"\s*[^\n]{3,80})$", re.I)


def body_labelled(lines: list[str]) -> tuple[str, str] | None:
    """(body, line) a 'Department:' label names, when its value names a public body."""
    for line in lines[:60]:
        match = _BODY_LABEL.match(line.strip())
        if match:
            return match["name"].strip(" ."), line.strip()
    return None


# A body above the one that hires: a government, a ministry, a (federal) department of State.
_PARENT = re.compile(r"^(?:(?:the\s+)?government of|gouvernement d[u'’e]|(?:the\s+)?ministry\b|"
                     r"minist[èe]re\b|(?:federal\s+|the\s+)?department of(?: the)?\s+(?:interior|"
                     r"home affairs|[a-z]+(?:\s+(?:and|&)\s+[a-z]+)?)$|(?:the\s+)?department of\b|"
                     r"d[ée]partement f[ée]d[ée]ral|federal department)", re.I)
# A body that hires in its own name below its ministry: a board, an office, a service, an agency.
_AGENCY = re.compile(r"\b(?:board|office|service|agency|authority|commission|bureau|survey|agence|"
                     r"autorit[ée])\b", re.I)
# A unit, no employer: a directorate, a division, a branch, a programme.
_SUBUNIT = re.compile(r"^(?:direction|directorate|division|branch|section|unit|unit[ée]|programme|"
                   r"program|sous-direction|service de|bureau de|school|college|faculty|centre|"
                   r"center|institute|facult[ée]|[ée]cole)\b", re.I)


def own_body(name: str, snippet: str, lines: list[str], is_org: Callable[[str], bool],
             is_post: Callable[[str], bool]) -> str | None:
    """The body that hires in its own name when the name found is its ministry or government
    ('DEPARTMENT OF THE INTERIOR / National Park Service', 'Ministry of X' over 'Central Ground
    Water Board'): the next name down the header's chain that is an agency's, not a unit's."""
    if not _PARENT.match(name.strip()):
        return None
    stripped = [line.strip() for line in lines[:20]]
    start = next((i for i, line in enumerate(stripped) if line and snippet.startswith(line[:40])),
                 None)
    if start is None:
        return None
    chain = [part for part in re.split(r"\s+[/|—–-]\s+|,\s+|\s/\s", stripped[start])[1:]]
    for line in stripped[start + 1:start + 4]:
        if line and not is_post(line):
            chain += re.split(r"\s+[/|—–-]\s+|,\s+", line)[:1]
    for part in chain:
        part = part.strip(" ,;")
        if (_AGENCY.search(part) and not _SUBUNIT.match(part) and not _PARENT.match(part)
                and len(part.split()) >= 2 and part[:1].isupper() and not re.search(r"\d", part)
                and (is_org(part) or re.fullmatch(_NAME + r"(?:\s+[A-Z]{2,6})?", part))):
            return part
    return None


# A unit's name: a plant, a centre, a department or a branch of a company or a body.
_UNIT_HEAD = re.compile(r"^(?:(?:le|la|l['’]|the)\s*)?(?:centre|center|d[ée]partement|department|"
                        r"direction|directorate|service|division|site|usine|plant|[ée]tablissement|"
                        r"agence|branch|unit[ée]?|p[ôo]le)\b", re.I)
# 'Département X de la RATP', 'Maintenance Division of the Port Authority': its owner after it.
_OWNER_TAIL = re.compile(r"\s(?:de\s+la|de\s+l['’]|du|des|of\s+the|of|d['’])\s*"
                         r"(?P<owner>[A-ZÀ-Ý][\w&'’.-]*(?:\s+[A-ZÀ-Ý][\w&'’.-]*){0,4})$")


_LOCAL_UNIT = re.compile(r"^(?:agence|branch|site|antenne|bureau|office|direction r[ée]gionale)"
                         r"\s+(?:de\s+|d['’]\s*|du\s+)?(?P<place>[A-ZÀ-Ý][\w'’ -]{1,30}?)\s*$", re.I)
# A brand's branch named by its town: 'Agence Altheo Lyon Est', 'Magasin Ombelle Pessac'.
_BRAND_BRANCH = re.compile(r"^(?i:agence|branch|site|magasin|store|d[ée]p[ôo]t)\s+(?P<brand>[A-ZÀ-Ý][\w'’-]+)"
                           r"\s+(?P<place>[A-ZÀ-Ý][\w'’ -]{1,30})$")
_SUBJECT_UNIT = re.compile(r"^(?i:d[ée]partement|department|service|division|p[ôo]le)\s+"
                           r"(?!de\b|du\b|des\b|d['’]|of\b|for\b)[A-ZÀ-Ý][a-zà-ÿ]+(?:,|\s+(?:et|and|&)\s|$)")


def unit_owner(name: str, others: list[str], text: str) -> str | None:
    """The company or body a unit found as the employer belongs to ('EDF', not its 'Centre
    Nucléaire de Production d'Électricité'; 'RATP', not its 'Département Maintenance du Matériel
    Roulant de la RATP'): the acronym or the name its own name ends with, else another name
    found that the text writes as the unit's owner ('1 500 salariés d'EDF')."""
    if not _UNIT_HEAD.match(name):
        return None
    tail = _OWNER_TAIL.search(name)
    # ('Department of the Air Force', 'Service public de Wallonie' name the body itself: the
    # unit's own name, capitalised, stands between its kind and its owner)
    own = name[_UNIT_HEAD.match(name).end():tail.start()].split() if tail else []  # type: ignore[union-attr]
    if tail and own and own[0][:1].isupper() and (re.fullmatch(r"[A-Z]{2,6}", tail["owner"]) or re.search(
            rf"(?<![\w'’-]){re.escape(tail['owner'])}(?![\w'’-])", text.replace(name, ""))):
        return tail["owner"]
    brand = _BRAND_BRANCH.match(name)
    if brand and is_place(brand["place"].split()[0]):  # 'Agence Altheo Lyon Est': the brand's
        owner = max((other for other in others if other.startswith(brand["brand"] + " ")  # group
                     and not _UNIT_HEAD.match(other)), key=len, default=None)
        if owner:
            return owner
    if _LOCAL_UNIT.match(name) or _SUBJECT_UNIT.match(name):
        # 'Agence de Lyon', 'Département Finance, Comptabilité et Droit': a branch named by its
        # town or a department by its subject belongs to the organisation found beside it
        town = _LOCAL_UNIT.match(name)
        if not town or is_place(town["place"]):
            owner = next((other for other in others if not _UNIT_HEAD.match(other)
                          and fold(other) not in fold(name)), None)
            if owner:
                return owner
    for other in others:  # its staff are the owner's ('1 500 salariés d'EDF')
        if fold(other) not in fold(name) and not _UNIT_HEAD.match(other) and re.search(
                r"\b(?:salari[ée]s|agents|collaborat(?:eurs|rices)|employ[ée]s|employees|staff|"
                rf"people|personnes)\s+(?:d['’]|de\s+|du\s+|of\s+(?:the\s+)?)"
                rf"{re.escape(other)}(?![\w'’-])", text):
            return other
    return None
