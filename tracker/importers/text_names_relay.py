"""Who employs when a posting comes through a relay: a reader knows that a job board, a union's
or a network's job exchange, a cooperative or purchasing group, a franchise network, a staffing,
manning or recruitment agency, a mailing list or a digest passes on a post of someone else's
(conventions.md). The employer is then the member, the client, the facility or the company
that operates the place, as the text names it; a placement agency that names no client names
no employer (a temping agency employs its temps and stays)."""

from __future__ import annotations

import re

from tracker.importers.dates import fold
from tracker.importers.text_names_layout import SEPARATOR_LINE

_NAME = r"[A-ZÀ-Ý][\w'’&.-]*(?:\s+(?:(?:of|for|the|and|de|du|des|la|le|les|et|d['’]|l['’]|&)\s*)*" \
        r"[A-ZÀ-Ý][\w'’&.-]*){0,7}"
# The one a posting says it recruits for, whoever publishes it: 'Client: X', 'End Client: X',
# 'recruitment partner of X', 'exploitée par la société X', 'operated by X'.
# (case-sensitive but for the keywords: a name starts with a capital, and a name pattern read
# without case backtracks without end on a long line)
_FOR = re.compile(
    rf"^(?i:(?:end |direct )?client|entreprise utilisatrice|hiring company|employing "
    rf"(?:company|organi[sz]ation))\s*:\s*(?P<label>{_NAME})"
    rf"|(?i:\brecruit(?:ment|ing) partner (?:of|for)|\bexploit[ée]e?s? par|\boperated by|"
    rf"\brun by)\s+(?:(?i:la soci[ée]t[ée]|l['’]entreprise|the company)\s+)?"
    rf"(?:(?i:the|la|le|les|l['’])\s*)?(?P<phrase>{_NAME})"
    # ('Pontadis, société franchisée de l'enseigne X, exploite le supermarché de Y')
    rf"|^(?P<operator>{_NAME})(?:,[^.;]{{3,100}}?,)?\s+(?:exploite|exploitent|operates)\s")
# Where a relay's post is done, by a label: 'Facility: X', 'Officine : X' (in an employer's
# own posting, its unit: read only past a relay).
_AT = re.compile(rf"^(?i:facility|hospital|officine|pharmacie|school|ecole|établissement)\s*:\s*"
                 rf"(?P<label>{_NAME})")
# A relay's own name says what it is.
_PLACEMENT = re.compile(r"\b(?:staffing|recruit\w*|recrutement|talents?|manpower|crew management|"
                        r"manning|travel nurs\w*|headhunt\w*|executive search|placement)\b")
_BOARD = re.compile(r"\b(?:jobs?|job board|emplois|careers? board|digest|listserv|bourse)\b")
_NETWORK = re.compile(r"\b(?:reseau|network|groupement|cooperative|federation|fondation des|"
                      r"syndicat des|union des|franchise)\b")
_NETWORK_HEAD = re.compile(r"^(?:reseau|network|federation|fondation des|groupement|union des|"
                           r"syndicat des)\b")
# What a text says of a relay's members, clients or network ('offres des adhérents', 'une
# officine adhérente du groupement', 'franchisé indépendant du réseau', 'membre du réseau').
_MEMBERS = re.compile(r"\b(?:adherent\w*|members?|membres?|franchis\w*|affiliat\w*|"
                      r"independant\w* du reseau|reseau de \d+|network of \d+|"
                      r"entreprise independante|client)\b")
# A temping agency employs its temps: the agency is the employer (a labour hire company, a
# temp-to-perm assignment on the agency's payroll).
TEMPING = re.compile(r"\b(?:int[ée]rim\w*|travail temporaire|temping|temp(?:orary)? agency|"
                     r"labou?r[- ]hire|temp(?:orary)?[- ]to[- ](?:perm(?:anent)?|hire)|"
                     r"on (?:our|its|their|[A-Z][\w'’-]+['’]s) (?:own )?payroll)\b", re.I)


def wrapped_on(end: int, line: str, after: list[str]) -> str:
    """The end of a name the text wrapped onto the next line ('our client, Pennine Motor' /
    'Group, a family-owned ...'): its capitalised words before a comma or a stop."""
    if end < len(line.rstrip()) or not after:
        return ""
    more = re.match(r"((?:[A-Z][\w&'’-]*)(?:\s+[A-Z][\w&'’-]*){0,2})(?=[,.;:])", after[0].strip())
    return f" {more.group(1)}" if more else ""


def relayed_for(lines: list[str], pattern: re.Pattern[str] = _FOR) -> tuple[str, str] | None:
    """(name, line) of the one a posting names as recruiting: its client, the company that
    operates the place (or, past a relay, the facility)."""
    # (a phrase wrapped before its name: '..., exploitée par la société⏎Hermine Obsèques')
    runs = [(line.strip(), 0, index) for index, line in enumerate(lines)] + [
        (line.strip() + " " + lines[i + 1].strip(), len(line.strip()), i + 1)
        for i, line in enumerate(lines[:-1])]
    for line, wrap, last in runs:
        match = pattern.search(line)
        if match and wrap and not (match.groupdict().get("phrase")
                                   and match.end("phrase") > wrap):
            continue  # (the phrase's name all on the first line: read there)
        if match:
            name = (match["label"] or match.groupdict().get("phrase")
                    or match.groupdict().get("operator") or "")
            # (a stop ends it; a name the line's end cuts goes on over it: 'operated by the
            # Northwoods Youth' / 'Association.')
            name = re.split(r"(?<=[a-zà-ÿ]{2})\.\s+(?=[A-ZÀ-Ý])", name)[0].strip(" ,.")
            if match.groupdict().get("phrase"):
                name += wrapped_on(match.end("phrase"), line, lines[last + 1:])
            if len(name.split()) >= 2 or name.isupper() and len(name) >= 3:
                return name, line.strip()
    return None


# A public body or an employer's own team is no relay ('Ministry of Manpower', 'Recruitment
# team – X').
_OWN = re.compile(r"^(?:ministry|ministere|department|departement|government|gouvernement)\b|"
                  r"\b(?:recruitment|talent acquisition|recrutement) (?:team|service|department)\b|"
                  r"\b(?:service|equipe|pole) (?:du )?recrutement\b")
# What a placement agency says of the one it places for: its client, principal, an operator.
_PLACES_FOR = re.compile(r"\b(?:clients?|principals?|on behalf of|pour le compte|partner of)\b",
                         re.I)


def _placement(name: str, text: str) -> bool:
    """Whether a name is a placement agency's by its own words or by what its own line says it
    is ('DELORME RH — Cabinet de recrutement et d'approche directe')."""
    key = fold(name)
    if _PLACEMENT.search(key):
        return True
    said = re.search(rf"(?im)^[^\w\n]*{re.escape(key)}\s*(?:[—–|:,-]\s*)(?:(?:un|une|a|an|the|le|votre|"
                     rf"your)\s+)?(?P<what>[^\n]{{0,60}})", fold(text))
    return bool(said and re.match(r"(?:cabinet|agence|societe) (?:de |d['’])\s*(?:recrutement|placement|"
                                  r"chasse de tetes|approche directe)|(?:recruitment|staffing|"
                                  r"placement|executive search) (?:agency|consultancy|firm|"
                                  r"specialists?|partner)|executive search|chasse de tetes",
                                  said["what"]))


def is_relay(name: str, text: str) -> bool:
    """Whether a name is a relay's: a placement agency's or a board's by its own words, a
    network's, a group's or a union's when the text also speaks of its members."""
    key = fold(name)
    if _OWN.search(key):
        return False
    if _placement(name, text) or _BOARD.search(key):
        return True
    # ('Réseau de la formation continue ...', 'Fondation des Alliances françaises': a network
    # by its name's head)
    return bool(_NETWORK_HEAD.match(key) or _NETWORK.search(key) and _MEMBERS.search(fold(text)))


def past_relays(found: list[tuple[str, str, float]], lines: list[str]
                ) -> list[tuple[str, str, float]]:
    """The candidates with the relays moved after the others, the one the relay names as
    recruiting first; none at all when only a placement agency is named, for a client it does
    not name (not a temping agency)."""
    text = "\n".join(lines)
    # (a name a label gives as the employer, 0.85, is a relay by its own words only: a
    # cooperative with members, labelled 'Employeur', employs)
    relays = [item for item in found if is_relay(item[0], text) and (
        item[2] < 0.85 or _placement(item[0], text) or _BOARD.search(fold(item[0])))]
    if not relays or not found or found[0] not in relays:
        return found
    named = relayed_for(lines, _AT)
    others = ([(named[0], named[1], 0.7)] if named else []) + [
        item for item in found if item not in relays
              and not any(fold(item[0]) in fold(r[0]) for r in relays)]
    if others:
        return others + relays
    if all(_placement(item[0], text) for item in relays) and _PLACES_FOR.search(text) \
            and not TEMPING.search(text):
        return []
    return found


# A message saying it passes on another's offer: 'Nous relayons ci-dessous une offre ...',
# 'We are sharing the vacancy below on behalf of ...', 'Please find below a job from ...'.
_PASSES_ON = re.compile(r"(?i)\b(?:relayons|relaie|relaye|nous (?:envoie|transmet|fait "
                        r"suivre|a (?:envoy[ée]|transmis)) (?:son|sa|une|l['’])\s*(?:offre|annonce)|"
                        r"(?:has|have) sent us (?:their|its|his|her|a|an) (?:vacancy|job|ad|advert)|(?:offre|annonce)s? "
                        r"(?:d['’]emploi )?(?:\w+ )?(?:reçue|transmise|envoyée)s? (?:de|d['’]|par)|(?:we are|we're) "
                        r"(?:passing on|circulating|sharing) (?:a|an|the|this) (?:job|vacancy|post|"
                        r"offer|position|role) (?:from|on behalf of)|on behalf of (?:one of )?our "
                        r"(?:members?|partners?)|(?:another |one more |a new )?(?:(?:summer |job )?"
                        r"opportunit(?:y|ies)|job|vacancy|posting|offer|position) below)\b")


def relay_part(lines: list[str]) -> str | None:
    """The text of the message that passes an offer on, down to the rule that opens the offer
    (a school's or a network's words and signature: a relay's, no employer's); None when the
    text passes nothing on this way."""
    for index, line in enumerate(lines[:25]):
        if _PASSES_ON.search(line):
            end = next((i for i in range(index + 1, min(len(lines), index + 30))
                        if SEPARATOR_LINE.match(lines[i])), None)
            return "\n".join(lines[:end]) if end is not None else None
    return None


# A franchise network's office, which employs in its own name: 'Each X office is independently
# owned and operated under licence', 'chaque agence est juridiquement indépendante'.
_FRANCHISE = re.compile(r"(?i)\b(?:independently owned and operated|independently owned|"
                        r"(?:juridiquement|financi[èe]rement) ind[ée]pendante?s?|franchis[ée]e? "
                        r"ind[ée]pendant)")
_OFFICE = re.compile(r"(?i)(?:^|\s)(?:office|branch|agence|you are viewing)\s*:\s*(?P<name>[A-ZÀ-Ý][\w'’&-]*"
                     r"(?:\s[A-ZÀ-Ý][\w'’&-]*){1,5})")


def franchise_office(lines: list[str]) -> tuple[str, str] | None:
    """(office, line) a franchise network's page names, when it says each office is its own
    business ('Office: Bright Hearth Stockport' beside 'Each Bright Hearth office is
    independently owned and operated'): the office employs, not the network."""
    if not _FRANCHISE.search("\n".join(lines)):
        return None
    return next(((m["name"], line.strip()) for line in lines[:40] if (m := _OFFICE.search(line))), None)
