"""A commune and the bodies a letterhead stacks above the one that writes: the département a
commune lies in, the town hall a syndicate has its seat at, one commune named as its town hall
and as itself (split from text_employer, whose module grew past its size)."""

from __future__ import annotations

import re

from tracker.importers.dates import fold
from tracker.importers.text_names_words import _ORG

# A commune's own bodies, as a letterhead names them.
_COMMUNE_BODY = re.compile(r"(?i)(?:mairie|commune|ville|ccas|centre communal|communaut[ée] de communes|"
                           r"syndicat|sivu|sivom)\b")
# A street address after a dash: '– 1 place de la Mairie', '- 12 bis rue X'.
_STREET = re.compile(r"[–-]\s*\d+(?:\s*bis)?[\s,]+(?:rue|place|avenue|boulevard|bd|chemin|route|"
                     r"all[ée]e|quai|impasse)\b", re.I)


def letterhead_areas(body: list[str]) -> set[str]:
    """The lines of a commune's letterhead that name where it lies, not who writes:
    'RÉPUBLIQUE FRANÇAISE / Département de la Drôme / MAIRIE DE X'."""
    return {line for line, after in zip(body[:10], body[1:11], strict=False)
            if re.match(r"(?i)d[ée]partement (?:de|du|des)\b|r[ée]gion\b", line)
            and _COMMUNE_BODY.match(after)}


def seat_line(body: list[str], index: int) -> bool:
    """Whether a line names the seat of the body a letterhead in capitals names above it
    ('Mairie de Saint-Loup – 1 place de la Mairie' under 'SYNDICAT INTERCOMMUNAL ...'): an
    address, no second body."""
    return bool(index and body[index - 1].isupper() and len(body[index - 1].split()) >= 3
                and _STREET.search(body[index]))


def _article_off(name: str) -> str:
    return re.sub(r"^(?:les|la|le|the)\s+|^l['’]\s*", "", name, flags=re.I)


# A commune named by its place: 'Ville de Montreuil-Bellay', 'City of Lakewood', 'Mairie de X'.
_COMMUNE = re.compile(r"^(?:ville|commune|mairie|city|town|village|municipalit[ée]|cite)\s+"
                      r"(?:de|d['’]|du|des|of)\s*(?P<place>.+)$")


def _commune_place(name: str) -> str | None:
    """The place a commune's name gives ('Ville de X', 'La commune de X': x), folded."""
    match = _COMMUNE.match(fold(_article_off(name)).strip())
    return match["place"] if match else None


def _commune_body(commune: str, body: str) -> bool:
    """Whether a body the sentence that recruits names is the commune's own, which hires in its
    own name ('Le Centre communal d'action sociale de Montreuil-Bellay recrute' under the
    letterhead 'VILLE DE MONTREUIL-BELLAY'): the commune's place ends it, and it is no unit
    of the commune's ('Service Voirie de la Ville de Genève')."""
    place = _commune_place(commune)
    if place is None:
        return False
    key = fold(_article_off(body)).strip()
    return key.endswith(place) and not re.search(r"\b(?:ville|commune|mairie|city|town)\b",
                                                         key)


def _same_commune(header: str, sentence: str) -> bool:
    """'MAIRIE DE X' at the top and 'La commune de X recrute': one commune, which the sentence
    that recruits names as the body it is (the mairie is its town hall)."""
    place = _commune_place(header)
    return place is not None and place == _commune_place(sentence)


def _inside(short: str, long: str) -> bool:
    """Whether a place's name ends another name ('Wallonie', 'Service public de Wallonie'),
    not an organisation's name ending its unit's ('Ville de Genève', 'Service Voirie de la
    Ville de Genève')."""
    short, long = fold(_article_off(short)).strip(), fold(_article_off(long)).strip()
    return (short != long and not _ORG.search(short) and len(short.split()) <= 2
            and long.endswith(short) and len(long.split()) <= 8)
