"""A commune and the bodies a letterhead stacks above the one that writes: the département a
commune lies in, the town hall a syndicate has its seat at, one commune named as its town hall
and as itself; a name's article kept or left as the text writes the name elsewhere (split from
text_employer, whose module grew past its size)."""

from __future__ import annotations

import re

from tracker.importers.base import EMAIL
from tracker.importers.dates import fold
from tracker.importers.text_names_forms import FORMS
from tracker.importers.text_names_layout import domain_labels
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


def article_written(name: str, text: str) -> bool:
    """Whether the text writes the name with its article where no sentence holds it: a line
    of its own or before a separator ('La Piste aux Marées · 7 quai des Frégates')."""
    return re.search(rf"(?m)^[ \t]*{re.escape(name)}[ \t]*(?:[·|–—]|-[ \t]|$)", text) is not None


def article_elsewhere(name: str, body: list[str]) -> str:
    """'La Clinique du Parc' is 'Clinique du Parc' when the text writes it so elsewhere (a
    header, a heading): the article is the sentence's, not the name's."""
    bare = _article_off(name)
    if bare == name:
        return name
    head = bare.split()[0] if bare.split() else ""
    # 'L'OGEC Saint-Joseph', 'La CPAM du Var': an acronym takes the sentence's article; 'La Caf
    # de l'Isère' and ...@caf.fr: so does the word the body's own address or handle is
    # alone (caf.fr, crous_paris; not nuits-sonores-vallee.fr, a name of several words)
    labels = {part.replace("-", "") for match in EMAIL.finditer("\n".join(body))
              for part in match.group(0).rsplit("@", 1)[-1].lower().split(".")[:-1]}
    # (or the account's handle a post opens with: 'crous_paris ✔️ • Suivre')
    handle = re.match(r"@?([a-z0-9][a-z0-9._]{2,29})(?=\s|$)", body[0]) if body else None
    labels |= set(re.split(r"[._]", handle[1])) if handle else set()
    if sum(c.isupper() for c in head) >= 2 and not any(c.islower() for c in head) \
            or len(head) >= 3 and fold(head) in labels:
        return bare
    pattern = re.compile(rf"(?:^|[—–|·:]\s*)({re.escape(bare)})(?![\w-])", re.I)
    compact = re.sub(r"[^a-z0-9]", "", fold(bare))
    # (harlowartmuseum.org; not when the name is registered with its article: 'Les Presses du
    # Velay SAS au capital de ...' and pressesduvelay.fr)
    spelled = compact in domain_labels("\n".join(body), EMAIL) and not re.search(
        rf"(?<![\w-]){re.escape(name)},?\s+(?:{FORMS})(?![\w-])", "\n".join(body))
    return bare if spelled or any(pattern.search(line) for line in body) else name

