"""Where a reader looks for the employer once the surer sources are read (a labelled line, the
header, the sentence that recruits): the organisation presented under "About us" or at a
sentence's head ("Chez X, on ..."), the one a board says published the posting, an e-mail's
signature, the contact address's domain spelled as a name, the body a post's own name belongs
to, a name alone on a line near the top, and last a founder's company or a university the
running text names. And two better writings of a name already found: the one the top of the
page writes in full, the practice a doctor who signs works in. text_employer weighs them with
the other sources, in the order a reader trusts them."""

from __future__ import annotations

import re

from tracker.importers.base import EMAIL, ParsedPosting
from tracker.importers.dates import fold
from tracker.importers.text_names_check import clean_org
from tracker.importers.text_names_forms import LEGAL_WORDS, without_legal_form
from tracker.importers.text_names_header import is_org_line, org_name
from tracker.importers.text_names_layout import (
    contact_addresses,
    domain_labels,
    matches_domain,
    post_word,
    spelled_with_initials,
)
from tracker.importers.text_names_places import is_town
from tracker.importers.text_names_words import _GENERIC_LABELS, _NAME, _NAME_RE, _ORG, _SIGN_OFF

_ABOUT = re.compile(r"^(?:qui sommes[- ]nous|about us|who we are|qui nous sommes|our company|"
                    r"our story|notre entreprise|about the (?:company|organi[sz]ation|"
                    r"employer)|a propos(?: de nous)?|l'association|the organi[sz]ation|"
                    r"company description|presentation de la structure|la structure|"
                    r"notre structure|l'entreprise)\s*[?:]?$")
_SUBJECT_NAME = re.compile(
    rf"^(?:(?:The|Le|La|Les|L['’])\s*+)?({_NAME})(?:\s*+\([^)]{{0,60}}\))?\s++[a-zà-ÿ]")
# ('At Thamesfield Biosciences we run ...': the sentence's subject after the name)
_AT_NAME = re.compile(rf"^(?:At|Chez|Join|Rejoignez|Rejoindre)\s+({_NAME})(?:\s*+,|(?=\s+(?:we|our|"
                      r"nous|on|notre)\s))")
# ('Annonce déposée le 11/02/2027 par « Cabinet X »': a board's word for posting, the name quoted)
_PUBLISHED_BY = re.compile(rf"^(?:(?:annonce\s+|offre\s+)?(?:publi\w*|d[ée]pos[ée]e?|mise?\s+en\s+ligne)"
                           rf"\s+le\s+[^:]{{3,40}}?\s+par|posted\s+(?:on\s+)?[^:]{{3,40}}?"
                           rf"\s+by)\s*:?\s*[«“\"]?\s*({_NAME})", re.I)
# 'Hola! We're Tramuntana Labs, a 120-person team': the organisation presenting itself.
_WE_ARE = re.compile(rf"^(?:[^\w\s]*\w+[!,.]\s+)?We(?:'re|’re| are)\s+({_NAME})\s*,")


def presented(lines: list[str]) -> list[tuple[str, str, float]]:
    """The organisation presented under 'Qui sommes-nous ?' / 'About us', or named at a
    sentence's head ('Chez Tandem Énergie, on ...', 'At Brightloop, we ...'), or the one a
    public board says published the posting ('Publiée le 3 mars 2026 par : Rectorat ...')."""
    found = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        published = _PUBLISHED_BY.match(stripped)
        if published:
            found.append((published.group(1), stripped, 0.7))
        at = _AT_NAME.match(stripped) or _WE_ARE.match(stripped)
        if at:
            found.append((at.group(1), stripped, 0.65))
        if _ABOUT.match(fold(stripped)):
            below = next((ln.strip() for ln in lines[index + 1:index + 4] if ln.strip()), "")
            subject = _SUBJECT_NAME.match(below)
            if subject and (len(subject.group(1).split()) >= 2 or _ORG.search(subject.group(1))
                            or below.count(subject.group(1)) + "\n".join(lines).count(
                                subject.group(1)) > 2):
                found.append((_goes_on(subject.group(1), below, lines), below, 0.65))
    return found


def _goes_on(name: str, line: str, lines: list[str]) -> str:
    """'Le Pôle nautique Rance-Émeraude est …': a noun, its adjective in lower case and a proper
    name, the whole name where another line of the text opens with it."""
    at = line.find(name)
    if at < 0 or len(name.split()) != 1:
        return name
    longer = re.match(r"\s+[a-zà-ÿ]{3,}\s+[A-ZÀ-Ý][\w'’]*(?:-[A-ZÀ-Ý][\w'’]*)*", line[at + len(name):])
    if longer and any(
            other.strip().startswith(name + longer.group(0)) for other in lines if other.strip() != line):
        return name + longer.group(0)
    return name


_MENTION = re.compile(
    r"(?<![\w'’-])((?:[A-ZÀ-Ý][\w'’-]*+\s+){0,3}(?:Universit[éy]|University|Institut[e]?|Ministry|"
    r"Minist[èe]re|School|College)\s+(?:of|de|du|des|for|d['’])\s*+[A-ZÀ-Ý][\w'’-]*"
    r"(?:\s+(?:(?:&|and|et|of|de|du|des|la|le|for)\s+)?[A-ZÀ-Ý][\w'’-]*)*)")
_FOUNDER = re.compile(rf"\b(?:co-?)?(?:founder|fondat(?:eur|rice))\s+(?:of|de|d['’])\s*+({_NAME})",
                      re.I)


def mentioned(lines: list[str]) -> list[tuple[str, str, float]]:
    """The last resort: the company its founder names ('co-founder of Kelpwise'), else the
    first university, school or ministry the running text names ('the profile ... of the
    University of Groningen'), a guess to check."""
    for line in lines:
        founder = _FOUNDER.search(line)
        if founder and founder.group(1)[:1].isupper():
            return [(founder.group(1), line.strip(), 0.55)]
    for line in lines:
        match = _MENTION.search(line)
        if match:
            return [(re.sub(r"^(?:The|Our|At|In)\s+", "", match.group(1)), line.strip(), 0.5)]
    return []


# A unit's word: a longer name made of one is a part of the body, not its name in full.
_UNIT_WORDS = re.compile(r"(?i)\b(?:direction|department|d[ée]partement|division|service|plant|site|"
                         r"usine|centre|center|branch|agence|store|magasin|office|unit|team|"
                         r"careers?|jobs?|recrutement|emplois?)\b")


def in_full(name: str, top: list[tuple[str, str, float]], text: str) -> str | None:
    """The name the top of the page or its footer writes in full ('Patty Barn Burgers' under
    the heading), when the one found is its first words ('At Patty Barn, every burger ...'):
    one to three capitalised words more, no unit's word; or its last words after the body's
    kind ('Val de Maine', 'Compagnie des Croisières du Val de Maine'). The fullest of them."""
    fuller = []
    for other, _snippet, _confidence in top:
        other = without_legal_form(clean_org(other, text))  # ('... Services Limited')
        # ('BESSON-ROCHAT Manufacture' as the logo writes it: the name as found, then the rest)
        rest = other[len(name):] if other.lower().startswith(name.lower() + " ") else ""
        if re.fullmatch(rf"(?i:,?\s+(?:{LEGAL_WORDS})\.?)+", rest):
            rest = ""  # ('RIVERBEND CHILD CARE CENTRES INC.': its form in capitals)
        other = name + rest if rest else other
        # ('Atlantis Intérim Cholet': the branch's town is no part of the name)
        # ('Redline' and '© 2027 Redline Car & Truck Rental, Inc.': words joined by '&')
        if rest and re.fullmatch(r"(?:\s+(?:&\s+)?[A-ZÀ-Ý][\w'’&.-]*){1,3}", rest) and not _UNIT_WORDS.search(rest) \
                and not is_town(rest.strip()):
            fuller.append(other)
        head = other[:-len(name)].strip() if other.endswith(" " + name) else ""
        # ('Val de Maine' and 'Compagnie des Croisières du Val de Maine – SAS au capital ...':
        # the body's kind before the name it goes by, in its legal footer)
        if head and re.fullmatch(r"[A-ZÀ-Ý][\w'’-]*(?:\s+[\w'’-]+){0,3}?\s+(?:du|de la|des|de|of the|of)",
                                 head) and not _UNIT_WORDS.search(head):
            fuller.append(other)
    # (the fullest: 'Sentinel Fire & Security' on the address line, 'Sentinel Fire & Security
    # Systems Ltd' in the copyright line)
    return max(fuller, key=len, default=None)


# A person named with a title: 'Dr Hélène Marchetti', 'Maître Durand'.
_PERSON = re.compile(r"^(?:Dr\.?|Dre|Docteur|Docteure|Pr\.?|Professeur|Ma[îi]tre|Me)\s+[A-ZÀ-Ý]")
# A practice heading its own sentence: 'Cabinet médical des Marquisats, cabinet de groupe ...'.
_PRACTICE = re.compile(r"^(?P<name>(?:Cabinet|Centre|Maison|P[ôo]le|Clinique|Practice|Surgery|"
                       r"Medical Centre|Health Centre)\b[^,.;:()]{3,60}?)\s*(?:,|\s[—–-]\s|$)")


# A legal body beside the event, the venue or the brand it runs, in a footer ('Association
# Bocage Images – Festival Court Métrage en Bocage') or a sentence ('le festival, organisé par
# l'association Bocage Images').
_BODY_BESIDE = re.compile(r"^(?P<body>(?:Association|Fondation|F[ée]d[ée]ration|Soci[ée]t[ée]|"
                          r"Foundation|Society|Trust)\s+[^–—|•·,\n]{2,60}?)\s+[–—|•·-]\s+(?P<rest>.+)$")
_RUN_BY = re.compile(r"\b(?:port[ée]e?|organis[ée]e?|g[ée]r[ée]e?|produite?|run|organi[sz]ed|"
                     r"managed)\s+by\s+(?:the\s+)?(?P<body>(?:Association|Foundation|Society|Trust)"
                     r"\s+[A-ZÀ-Ý][^,.;:()\n]{2,60})|\b(?:port[ée]e?|organis[ée]e?|g[ée]r[ée]e?|"
                     r"produite?)\s+par\s+l['’]\s*(?P<fr>association\s+[A-ZÀ-Ý][^,.;:()\n]{2,60})")


# A public body's service, said so beside its name: 'Port de plaisance de Loctudy – service
# municipal de la Commune de Loctudy'.
_SERVICE_OF = re.compile(r"[–—,-]\s*(?:un\s+|le\s+)?service\s+(?:municipal|communal|intercommunal|"
                         r"d[ée]partemental|r[ée]gional|public)?\s*(?:de\s+la|de\s+l['’]|du|de|des|d['’])"
                         r"\s*(?P<body>(?:Commune|Ville|Mairie|Communaut[ée]|M[ée]tropole|"
                         r"D[ée]partement|R[ée]gion|Syndicat)\b[^,.;:()\n]{2,60})")


def service_body(lines: list[str], name: str = "") -> tuple[str, str] | None:
    """(body, line) a line names as the public body whose service it is (the service named
    `name` before it, when given)."""
    for line in lines:
        served = _SERVICE_OF.search(line)
        if served and fold(name) in fold(line[:served.start()]):
            return served["body"].strip(), line.strip()
    return None


def event_body(name: str, lines: list[str]) -> tuple[str, str] | None:
    """(body, line): the association or foundation that runs the event, venue or brand found
    as the employer ('Festival Court Métrage en Bocage'), the public body whose service it is:
    it employs."""
    key = fold(name)
    if re.match(r"(?:association|fondation|federation|societe|foundation|society|trust)\b", key):
        return None
    served = service_body(lines, name)
    if served:
        return served
    # ('Southern Lights Film Festival 2027' and 'Employer: Southern Lights Film Festival
    # Trust': the event's name, without its year, before a body's noun names its body)
    base = re.sub(r"\s+(?:19|20)\d\d$", "", name)
    event = re.search(r"\b(?:festival|fest|fair|show|games|biennale?|marathon|championships?|"
                      r"(?:19|20)\d\d)$", key)
    for line in lines if event else []:
        owner = re.search(rf"(?i:{re.escape(base)})\s+(?:Trust|Foundation|Society|Association|"
                          r"Incorporated|Inc\.?|Ltd|Limited)(?!\w)", line)
        if owner:
            return owner.group(0), line.strip()
    for line in lines:
        beside = _BODY_BESIDE.match(line.strip())
        if beside and key in fold(beside["rest"]):
            return beside["body"].strip(), line.strip()
        run = _RUN_BY.search(line)
        if run and key in fold(line):
            body = (run["body"] or run["fr"]).strip()
            return body[0].upper() + body[1:], line.strip()
    return None


def practice(name: str, body: list[str]) -> tuple[str, str] | None:
    """(practice, line) a text names when a doctor signs it, the name found being the
    doctor's ('Dr Hélène Marchetti'): the practice employs."""
    if not _PERSON.match(name):
        return None
    for line in body:
        match = _PRACTICE.match(line)
        if match and re.search(r"\s[A-ZÀ-Ý]", match["name"]):  # a name, not 'Cabinet de groupe'
            return match["name"].strip(), line
    return None


def org_line_alone(top: list[str]) -> list[tuple[str, str, float]]:
    """An organisation's name on a line of its own near the top, even below the heading (a
    notice's 'Airports Authority of India' under the board's heading), a guess below the
    sentences that name the employer."""
    for line in top:
        if len(line) <= 80 and not re.search(r"[:|»›>•]", line) and is_org_line(line) \
                and not post_word(line):
            return [(org_name(line), line, 0.55)]
    return []


def in_title(result: ParsedPosting) -> list[tuple[str, str, float]]:
    """The body a post's own name belongs to ('Secrétaire général de l'Agence de l'eau X',
    'Director of the National Gallery'), a guess below the others."""
    title = result.get("title")
    match = re.search(r"\s(?:de\s+l['’]\s*|de\s+la\s+|du\s+|of\s+the\s+|of\s+)(?P<org>[A-ZÀ-Ý].{3,120})$",
                      title.value) if title is not None else None
    if match and _ORG.match(match["org"]) and not re.search(r"[,;:]", match["org"]):
        return [(match["org"], str(title.value) if title else "", 0.55)]
    return []


# A site of an organisation named after a role ('Responsable de site – Silos de X'): the
# organisation is the line below it.
_SITE_NOUN = re.compile(r"(?i)(?:silos?|site|usine|d[ée]p[ôo]t|entrep[ôo]t|magasin|plateforme|"
                        r"restaurant|store|plant|depot|warehouse)\b")


def _role_off(line: str) -> str:
    """A signature's organisation line without the role before it ('Office Manager, X')."""
    role, org = (re.split(r"(?:,|\s[—–|-])\s+", line, maxsplit=1) + [""])[:2]
    return org_name(org) if org and post_word(role) else org_name(line)


def signature(lines: list[str]) -> list[tuple[str, str, float]]:
    """An e-mail's signature: the organisation line among the few after the sign-off (or the
    line a contact address's domain spells: 'Thalasso & Spa Kerbrat – Hôtel' for
    m.legoff@thalasso-kerbrat.fr)."""
    labels: list[str] | None = None  # the contact addresses' domains, read at a sign-off
    for index, line in enumerate(lines):
        if _SIGN_OFF.match(line.strip()):
            # (its next lines: the name, a post, the organisation; blank lines between)
            block = [below.strip() for below in lines[index + 1:index + 12] if below.strip()][:5]
            if any(_SIGN_OFF.match(below) for below in block):
                continue  # 'Thanks again for your help, ...' over 'Kind regards,': the latter
            labels = domain_labels("\n".join(lines), EMAIL) if labels is None else labels
            spelled = next((below for below in block[1:] if not re.search(r"\d|@|www\.", below)
                            and matches_domain(_role_off(below), labels)), None)
            if spelled:
                return [(_role_off(spelled), spelled, 0.6)]
            for at, below in enumerate(block):
                # 'Office Manager, X Ltd', 'Chargée de recrutement IT – X': a role, then its
                # organisation
                role, org = (re.split(r"(?:,|\s[—–|-])\s+", below, maxsplit=1) + [""])[:2]
                if org and post_word(role) and _NAME_RE.match(org):  # 'Office Manager, X Ltd'
                    # ('Area Manager – West Midlands' over 'Sentinel Secure Services Ltd': the
                    # role's area, then the organisation's own line)
                    after = next((line for line in block[at + 1:] if line), "")
                    # (not a branch under the organisation: 'Chargée de recrutement – Axiome
                    # Réseaux' over 'Agence de Nantes')
                    branch = re.match(r"(?i)(?:agence|branch|site|bureau|office|antenne|"
                                      r"direction|service|department)\b", after)
                    named = _NAME_RE.match(after) and not re.search(r"\d|@", after)
                    if after and not branch and (is_org_line(after) or _SITE_NOUN.match(org)
                                                 and named) and not is_org_line(org):
                        return [(org_name(after), after, 0.6)]
                    return [(org, below, 0.6)]
                if below and is_org_line(below):
                    return [(org_name(below), below, 0.6)]
    return []


def domain_name(lines: list[str]) -> list[tuple[str, str, float]]:
    """The contact address's domain spelled out as a name in the text ('Shamba Futures' for
    careers@shambafutures.or.ke): a weak source, kept below the sure threshold."""
    text = "\n".join(lines)
    labels = []
    for match in contact_addresses(text):
        domain = match.group(0).rsplit("@", 1)[-1].lower()
        labels += [part for part in domain.split(".")[:-1]
                   if len(part) >= 5 and part not in _GENERIC_LABELS]
    if not labels:
        return []
    labels += [re.sub(r"[^a-z0-9]", "", label) for label in labels if "-" in label]
    named: list[tuple[str, str, float]] = []  # each name an address spells, in the text's order
    for match in re.finditer(_NAME, text):
        one = _spelled_by(match, labels, text, lines)
        if one and all(fold(one[0]) != fold(other[0]) for other in named):
            named.append(one)
    return named


def _spelled_by(match: re.Match[str], labels: list[str], text: str,
                lines: list[str]) -> tuple[str, str, float] | None:
    """The name (or the part of it) at `match` that a contact address's domain spells."""
    words = match.group(0).split()
    # ('la librairie La Passerelle', librairie-lapasserelle.fr: the trade's noun before the
    # name, in lower case in the sentence, is part of the name the address spells)
    noun = re.search(r"(?<![\w'’-])([a-zà-ÿ]{4,})\s+$", text[max(0, match.start() - 30):match.start()])
    if noun and re.sub(r"[^a-z0-9]", "", fold(noun[1] + match.group(0).split("\n")[0])) in labels:
        return noun[1].capitalize() + " " + match.group(0).split("\n")[0], match.group(0), 0.6
    for size in range(len(words), 1, -1):
        for start in range(0, len(words) - size + 1):
            name = " ".join(words[start:start + size])
            compact = re.sub(r"[^a-z0-9]", "", fold(name))
            if compact in labels:  # the name as written in full ('Kapiti Spark Electrical')
                whole = match.group(0).split("\n")[0]
                whole = whole if start == 0 and len(whole.split()) <= 6 else name
                return whole, match.group(0), 0.6
            if "\n" not in name and any(spelled_with_initials(name, label) for label in labels):
                line = next((line for line in lines if name in line), name)
                return name, line.strip(), 0.55  # 'Pompes Funèbres du Lac', pf-dulac
    return None
