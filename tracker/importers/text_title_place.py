"""Where a heading names the place a post is worked, to be left out of its title: a town after
a dash, a comma or 'in', known by the gazetteer, a department's number or the text's own
words for a place ('Location:', 'based in'); a workplace after a dash that a location's label
gives or a venue's name the text says again (split from text_title, whose module grew past
its size)."""

from __future__ import annotations

import re

from tracker.importers.text_names_layout import post_word
from tracker.importers.text_names_places import is_town, only_places
from tracker.importers.text_places import is_place

# Where a text names a place: 'Location: Norwich, Norfolk', 'based in Casablanca', '29000
# Quimper', 'à Paris'.
# ('in English' names a language, not a place: a bare 'in' is no cue.)
_PLACE_CUE = r"(?:\b(?:à|near|pr[èe]s de|bas[ée]e? (?:à|in|at)|located (?:in|at)|offices? in|" \
             r"situ[ée]e? à)\s+|\b\d{4,6}\s+|" \
             r"(?i:\b(?:location|lieu|localisation|ville|city|town|duty station|venue|region|" \
             r"r[ée]gion|workplace|lieu de travail|lieu d'affectation|affectation)\b[^:\n]{0,30}:" \
             r"[^\n]*?))"
_TRAILING_PLACE = re.compile(r"(?:\s+(?:[—–|-]|in|at|à)|,)\s+(?P<place>[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)"
                             r"{0,2})(?P<dept>\s*\((?:\d{2,3}|2[AB])\)|\s+\d{1,2}(?:e|er|ème|eme)\b)?(?:\s*\([^)]{1,30}\))?$")
# A postcode after a town in an address: 'Lymington SO41 0AA', 'Moorabbin VIC 3189',
# 'Kent, WA 98032', 'Halifax, NS B3H 1A1'.
_POSTCODE_AFTER = r"(?:[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|[A-Z]{2,3}\s+\d{4,5}\b|[A-Z]{2}\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d)\b"
# 'in English' names a language: no place is cued by it.
_LANGUAGE = re.compile(r"(?:English|French|German|Spanish|Italian|Dutch|Arabic|Portuguese|"
                       r"Chinese|Japanese|Swedish|Norwegian|Danish|Finnish|Welsh|Gaelic|Māori|"
                       r"Maori|Fran[çc]ais|Anglais|Allemand)\b")
# 'Cabin Crew Open Day', 'Walk-in Interview': the event where the post is recruited, not it.
_TRAILING_EVENT = re.compile(r"\s+(?:open days?|walk-?in(?: interviews?| drive)?|recruitment "
                             r"(?:days?|drive|event)|assessment (?:days?|centre)|job fair|"
                             r"journ[ée]e de recrutement|job dating)$", re.I)


# A heading's last part after a dash or in brackets, where a place is written ('– Goma, RDC',
# '(Home-based, Germany)', '– Maban (Soudan du Sud)').
_PLACE_TAIL = re.compile(r"\s+[—–|-]\s+(?P<place>[^—–|()\s][^—–|()]{1,59}(?:\([^()]{1,40}\))?)$")
_PLACE_BRACKET = re.compile(r"\s*\((?P<place>[^()]{2,50})\)$")


# A location's label and its value, on the label's line or alone on the next: 'locations' then
# 'The Kestrel, Edinburgh' (an ATS page), 'Location ........ Naas', 'Lieu de travail : X'.
_LOCATION_LABEL = re.compile(
    r"(?im)^[ \t]*(?:(?:work |job )?locations?|lieux?(?: de travail| d['’]affectation)?|localisation|"
    r"workplace|place of work|venue|based at|duty station|affectation|site|établissement)"
    r"[ \t]*(?::|\.{2,}|[ \t]{2,})?[ \t]*(?:\n[ \t]*)?(?P<value>[^\n]+)")
# A workplace's own name: a proper name ending in the noun of a venue, a facility or a project
# ('Kidderminster Leisure Centre', 'Ballinderry House', 'Lake Tana Watershed Livelihoods Project').
_VENUE = re.compile(
    r"(?:The\s+)?(?:[A-ZÀ-Ý][\w'’&.-]*\s+){1,5}(?:Centre|Center|House|Hotel|Resort|Lodge|Inn|"
    r"Hall|Park|Pool|Club|Hospital|Clinic|Surgery|Library|Museum|Gallery|Theatre|Theater|"
    r"Campus|Project|Programme|Station|Airport|Farm|Estate|Castle|Abbey|Gardens?)")


# A venue's common noun the text writes before its name: 'le multiplexe X', 'our store X'.
_VENUE_NOUN = r"\b(?:le|la|l['’]|notre|our|the)\s*(?:multiplexe|cin[ée]ma|h[ôo]tel|restaurant|magasin|" \
              r"boutique|complexe|store|venue|cinema|hotel|shop)"


# A site of an organisation named by its town: 'Atelier de Pantin', 'Agence d'Angers', 'Leeds
# Branch', 'Dublin Office'.
_SITE_OF = re.compile(
    r"(?i:atelier|agence|site|centre|boutique|magasin|usine|entrep[ôo]t|bureaux?|antenne|[ée]tablissement|"
    r"plateforme|si[èe]ge|succursale|port|gare|a[ée]roport|d[ée]p[ôo]t)\s+(?:de\s+|d['’]\s*|du\s+)(?P<town>[A-ZÀ-Ý][\w'’ -]{1,40})"
    r"|(?P<before>[A-ZÀ-Ý][\w'’ -]{1,40}?)\s+(?i:branch|office|store|depot|warehouse|plant|site|"
    r"workshop|flagship)")


def _workplace(tail: str, text: str, title: str) -> bool:
    """Whether a heading's last part names where the post is worked, by its role on the page:
    the value of a location's label begins with it, or it is a venue's or a project's proper
    name that the text names again ('Swim Teacher - Port Macquarie Aquatic Centre' beside
    'manages the Port Macquarie Aquatic Centre')."""
    name = re.split(r",\s+", tail)[0].strip()
    if len(name) < 3 or post_word(name):
        return False
    rest = text.replace(title, "")
    flat = " ".join(rest.split())  # (the name wrapped in a paragraph)
    if re.search(rf"(?m)\s(?:>|›|»)\s+{re.escape(name)}[ \t]*$", rest):
        return True  # 'Careers > Cinema jobs > Brighton Marina': the page's path ends in the site
    # ('Atelier de Pantin', 'Agence de Lyon', 'Leeds Branch': a site's noun and its town)
    site = _SITE_OF.fullmatch(re.sub(r"\s*\([^()]{1,40}\)$", "", name))
    town = (site["town"] or site["before"]) if site else None
    if any(m["value"].strip(" :.").startswith(town or name) for m in _LOCATION_LABEL.finditer(rest)):
        return True
    if town and site and site["town"] and is_town(town):
        return True  # 'Centre de Pau', 'Agence de Lyon': a site named by a town known as one
    if town and site and site["before"] and re.search(rf"(?<!\w){re.escape(town)}['’]s\b", flat):
        return True  # 'Kestrel Flagship (Mount Pleasant)' beside 'Kestrel's service team': the
        # firm's own site, named by the firm
    if re.search(rf"(?i:{_VENUE_NOUN})\s+{re.escape(name)}(?!\w)", flat):
        return True  # 'Le multiplexe Horizon Angers Saint-Serge, c'est 11 salles'
    # ('– Brisbane Airport hub': a venue and the common noun of its part; 'Phoenix Metro',
    # 'Daventry' where a line under the heading opens with the town, its state or county after
    # a comma: 'Phoenix, AZ (multiple branch locations)', 'Daventry, Northamptonshire (NN11)')
    venue = re.sub(r"\s+(?:hub|depot|site|branch|store|yard)$", "", name)
    area = re.sub(r"\s+(?i:metro(?: area)?|area|region)$", "", name)
    if re.search(rf"(?m)^[ \t]*{re.escape(area)},[ \t]+[A-Z][\w .]*(?:\(|\||$)", rest):
        return True
    return bool(_VENUE.fullmatch(venue)) and re.search(rf"(?<!\w){re.escape(venue)}(?!\w)", flat) is not None


def trim_place(title: str, text: str) -> str:
    """`_trim_place` again on what it left, while it takes a place away: 'Store Manager -
    Kestrel Flagship (Mount Pleasant)' loses its town, then the firm's site."""
    for _ in range(3):
        shorter = _trim_place(title, text)
        if shorter == title:
            break
        title = shorter
    return title


def _trim_place(title: str, text: str) -> str:
    """'Responsable logistique - Casablanca', 'Research Scientist in X, Rovaniemi': the town
    written after the post, when it is a place by its role on the page (the text names it as a
    place elsewhere: a location line, 'based in', 'in Golden Bay', a postcode), by its
    department's number ('Figeac (46)') or by the gazetteer ('– Paris'); and the workplace
    written after a dash ('– Kidderminster Leisure Centre', '- The Kestrel, Edinburgh')."""
    for tail in (_PLACE_TAIL.search(title), _PLACE_BRACKET.search(title)):
        # ('– centre commercial de la Pioline, Aix': a mall's 'commercial' names no post)
        if tail and title[:tail.start()].strip() and not post_word(
                re.sub(r"(?i)\b(?:centre|zone) commercial\w*", "", tail.group(0))) \
                and only_places(tail["place"], text):
            return title[:tail.start()].strip()
    dashed = _PLACE_TAIL.search(title)
    if dashed and title[:dashed.start()].strip() and _workplace(dashed["place"], text, title):
        return title[:dashed.start()].strip()
    match = _TRAILING_PLACE.search(title)
    if not match or not title[:match.start()].strip():
        return title
    rest = text.replace(title, "")
    place = re.escape(match["place"])
    if match["place"].isupper():  # ('– MORZINE' and 'in Morzine'): its letters in any case
        place = f"(?i:{place})"
    cued = re.search(rf"{_PLACE_CUE}{place}\b", rest) or re.search(rf"\b{place},?\s+{_POSTCODE_AFTER}", rest) or (
        not _LANGUAGE.match(match["place"]) and re.search(rf"\b(?:in|at|near)\s+{place}\b", rest))
    if cued or match["dept"] or is_place(match["place"]):
        return _TRAILING_EVENT.sub("", title[:match.start()].strip()) or title
    return title
