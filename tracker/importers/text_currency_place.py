"""Which dollar or peso a '$' is: a reader takes it for the currency of the country the posting
is in ('$6,182,388 per annum' under 'Kingston 10, Jamaica' is Jamaica's), when the text leaves
no doubt which country that is. The countries come from ISO 3166 (pycountry, their English and
French names), each one's currency and the way it writes it from the CLDR (Babel): no hand
list of dollars."""

from __future__ import annotations

import gettext
import re
from functools import lru_cache

from tracker.importers.base import EMAIL, URL


@lru_cache(maxsize=1)
def _dollars() -> dict[str, str]:
    """Territory code -> its currency, for the territories that write their currency with a '$'
    ('$' in Jamaica, Chile or Mexico, 'R$' in Brazil, 'RD$' in the Dominican Republic)."""
    return {code: currency for code, (currency, _symbol) in _written().items()}


@lru_cache(maxsize=1)
def _written() -> dict[str, tuple[str, str]]:
    """Territory code -> (its currency, the symbol it writes), for the dollar territories."""
    import pycountry  # declared dependencies, read once
    from babel.core import Locale, UnknownLocaleError
    from babel.numbers import get_currency_symbol, get_territory_currencies

    found = {}
    for country in pycountry.countries:
        code = country.alpha_2
        currencies = get_territory_currencies(code)
        if not currencies:
            continue
        try:
            locale = Locale.parse(f"und_{code}")
        except (UnknownLocaleError, ValueError):
            continue
        symbol = get_currency_symbol(currencies[0], locale)
        if "$" in symbol:
            found[code] = (currencies[0], symbol)
    return found


@lru_cache(maxsize=1)
def _names() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern naming every dollar territory, in English and French ('Jamaica', 'Trinidad
    and Tobago', 'Chili'), each name a group keyed by its code."""
    import pycountry

    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"],
                                 fallback=True)
    by_name: dict[str, str] = {}
    for code in _dollars():
        country = pycountry.countries.get(alpha_2=code)
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if not name:
                continue
            for written in (name, french.gettext(name)):
                short = written.split(",")[0].split(" (")[0].strip()
                if len(short) >= 4:
                    by_name.setdefault(short, code)
    names = sorted(by_name, key=len, reverse=True)
    # ('New Mexico' is another place; 'TRINIDAD AND TOBAGO' in a letterhead's capitals)
    alternatives = "|".join(f"({re.escape(name)})" for name in names)
    return (re.compile(rf"(?<![\w-])(?<!New )(?:{alternatives})(?![\w-])", re.I),
            tuple(by_name[name] for name in names))


# Country domains used as generic ones ('.co' for company, '.tv', '.cc'): no country.
_GENERIC_DOMAINS = {"co", "tv", "cc", "nu", "tk", "fm", "bz", "ag", "vg", "ws", "la", "me"}


def _named(text: str) -> set[str]:
    pattern, codes = _names()
    return {codes[match.lastindex - 1] for match in pattern.finditer(text)
            if match.lastindex and match.group(0)[:1].isupper()}  # ('chile peppers')


def _domains(text: str) -> set[str]:
    """The dollar territories the text's own addresses are in ('northernlakeshealth.ca')."""
    found = set()
    for match in list(EMAIL.finditer(text)) + list(URL.finditer(text)):
        host = match.group(0).rsplit("@", 1)[-1].split("//")[-1].split("/")[0].lower()
        top = host.rsplit(".", 1)[-1]
        if len(top) == 2 and top not in _GENERIC_DOMAINS and top.upper() in _dollars():
            found.add(top.upper())
    return found


def dollar_of(text: str) -> str | None:
    """The currency a bare '$' is in a text: that of the one dollar country the text names, or
    else of the one country its addresses' domains are in; none when it names several (a
    company 'in Colombia, Peru and Chile') or none."""
    named = _named(text)
    if len(named) == 1:
        return _dollars()[named.pop()]
    if named:
        return None
    domains = _domains(text)
    return _dollars()[domains.pop()] if len(domains) == 1 else None


def marked_dollar(symbol: str, text: str) -> str | None:
    """A dollar marked by letters ('TT$', 'J$', 'B$'): the currency a country writes so ('R$' is
    Brazil's real), else the dollar of the country the text names when its code starts with
    the same letter ('B$' in the Bahamas), else the only dollar whose code starts with those
    letters ('TT$' is TTD, 'J$' JMD)."""
    written = {currency for currency, own in _written().values() if own.upper() == symbol.upper()}
    if len(written) == 1:
        return written.pop()
    letters = symbol.upper().rstrip("$").rstrip(".")
    named = dollar_of(text)
    if named and named[:1] == letters[:1]:
        return named
    codes = {code for code in _dollars().values() if code.startswith(letters)}
    return codes.pop() if len(codes) == 1 else None


# ISO codes that are also words written in capitals ('ALL 3 SITES', 'TOP 10'): no currency.
_WORD_CODES = {"ALL", "TOP", "CUP", "MOP", "BOB", "SOS", "GEL", "PEN", "TRY", "BAM", "NAD",
               "AMD", "LAK", "MDL", "SHP", "KGS", "CVE", "ERN", "HTG", "SLE", "STN"}


def iso_codes() -> list[str]:
    """The ISO 4217 codes of the currencies the world's territories use today (the CLDR's
    table through Babel), for a sum written with its code ('COP 12.000.000 – 15.000.000')."""
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    # (the CLDR's territories themselves, not pycountry's: loading ISO 3166 cost every import
    # child 40 ms and 4 MB at start, for the same 153 codes)
    codes = {code for territory in get_global("territory_currencies")
             for code in get_territory_currencies(territory)}
    return sorted(codes - _WORD_CODES)
