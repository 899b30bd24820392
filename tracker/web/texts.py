"""Dates, times and fit scores as a page writes them, from the page's language and catalog
given once: the filters of every template (tracker/web/templating.py) and the applicants' rows
made once per shape (tracker/web/stamps.py) write them through these, so both read the same."""

from __future__ import annotations

from datetime import date, datetime, time
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_time
from babel.support import NullTranslations


@lru_cache(maxsize=64)
def _locale(lang: str) -> Locale:
    """Babel's locale of a language, parsed once (a language code given to format_date or
    format_time is parsed again on every call)."""
    return Locale.parse(lang)


@lru_cache(maxsize=8192)
def date_text(day: date, lang: str) -> str:
    """A day as the language writes it ("6 déc. 2026"): the same text every time it is asked,
    so a page of fifty rows formats each of its few days once."""
    return format_date(day, "medium", locale=_locale(lang))


def time_text(hour: int, minute: int, lang: str) -> str:
    """A wall-clock time to the minute, as the language writes it ("14:05", "2:05 PM")."""
    return _day_of_minutes(lang)[hour * 60 + minute]


@lru_cache(maxsize=16)
def _day_of_minutes(lang: str) -> tuple[str, ...]:
    """Every minute of a day as the language writes it, all written on first use (about 10 ms
    for the 1,440): Babel takes 15 µs to write one, and a page of applicants shows fifty times,
    each often a minute no page showed before (#16)."""
    locale = _locale(lang)
    return tuple(format_time(time(hour, minute), "short", locale=locale)
                 for hour in range(24) for minute in range(60))


def instant_text(instant: datetime, zone_name: str, lang: str) -> str:
    """An aware instant as wall-clock time in the zone, with the zone's name:
    "6 déc. 2026, 14:05 (Europe/Paris)"."""
    local = instant.astimezone(ZoneInfo(zone_name))
    return (f"{date_text(local.date(), lang)}, "
            f"{time_text(local.hour, local.minute, lang)} ({zone_name})")


def fit_text(fit: dict[str, Any], lang: str, catalog: NullTranslations) -> str:
    """A fit's score with its coverage: "68/100 over 12 of 37 requirements"."""
    ngettext = catalog.ungettext  # the page's catalog, under the name the extractor knows
    total = fit.get("requirements", 0)
    if not fit.get("assessed"):
        return ngettext("To assess (none of %(num)s requirement)",
                        "To assess (none of %(num)s requirements)", total) % {"num": total}
    score = f"{fit['score']:.1f}".removesuffix(".0")
    if lang.startswith("fr"):
        score = score.replace(".", ",")
    return ngettext("%(score)s/100 over %(assessed)s of %(num)s requirement",
                    "%(score)s/100 over %(assessed)s of %(num)s requirements",
                    total) % {"score": score, "assessed": fit["assessed"], "num": total}
