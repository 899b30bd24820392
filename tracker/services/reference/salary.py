"""Where a posting's salary falls against the market figures of its occupation and certification.

Both sides are brought to the posting's period (a year is 12 months or 52 weeks; hourly and daily
pay are not converted: that needs working hours the figures do not give) and, for a part-time
posting, to its full-time equivalent. Figures in another currency do not apply; dated figures
whose period ended more than MAX_AGE_MONTHS before the posting are too old to judge by.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tracker.db import utcnow
from tracker.domain.timeutil import local_today
from tracker.models import MarketFigureKind, Posting, SalaryPeriod

MAX_AGE_MONTHS = 24
PER_YEAR = {SalaryPeriod.YEAR: Decimal(1), SalaryPeriod.MONTH: Decimal(12),
            SalaryPeriod.WEEK: Decimal(52)}
# The words of the check, in English and French (the pages are in both).
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "year": "per year", "month": "per month", "week": "per week", "day": "per day",
        "hour": "per hour", "up_to": "up to {amount}",
        "no_salary": "the posting states no salary",
        "no_reference": "the posting names no occupation or certification to compare its "
                        "salary with",
        "no_figures": "its occupation and certification give no salary figures",
        "occupation": "occupation {slug}, {experience}",
        "offers": "{code} ROME {rome}, {percent}% of job offers",
        "other_currency": "{source}: figures in {theirs}, the posting in {ours}: not compared",
        "no_currency": "no stated currency",
        "no_period": "{source}: the figures state no period: not compared",
        "no_hours": "{source}: pay {theirs} and {ours} cannot be compared without working hours",
        "undated": "undated",
        "too_old": "{described}: too old to judge by (more than {months} months before {day})",
        "part_time": " (full-time equivalent of {percent} %)",
        "above": "above the range", "below": "below the range", "within": "within the range",
        "straddles": "partly within the range", "gross": "gross", "net": "net",
        "verdict": "{described}: the posting's {offered}{note} is {words}",
    },
    "fr": {
        "year": "par an", "month": "par mois", "week": "par semaine", "day": "par jour",
        "hour": "de l'heure", "up_to": "jusqu'à {amount}",
        "no_salary": "l'offre n'indique pas de salaire",
        "no_reference": "l'offre ne nomme ni métier ni certification auxquels comparer son "
                        "salaire",
        "no_figures": "son métier et sa certification ne donnent pas de chiffres de salaire",
        "occupation": "métier {slug}, {experience}",
        "offers": "{code} ROME {rome}, {percent} % des offres d'emploi",
        "other_currency": "{source} : chiffres en {theirs}, l'offre en {ours} : pas de "
                          "comparaison",
        "no_currency": "monnaie non précisée",
        "no_period": "{source} : les chiffres n'indiquent pas de période : pas de comparaison",
        "no_hours": "{source} : un salaire {theirs} et un salaire {ours} ne se comparent pas "
                    "sans durée de travail",
        "undated": "non daté",
        "too_old": "{described} : trop ancien pour en juger (plus de {months} mois avant le "
                   "{day})",
        "part_time": " (équivalent temps plein de {percent} %)",
        "above": "au-dessus de la fourchette", "below": "en dessous de la fourchette",
        "within": "dans la fourchette", "straddles": "en partie dans la fourchette",
        "gross": "brut", "net": "net",
        "verdict": "{described} : le salaire de l'offre, {offered}{note}, est {words}",
    },
}


def _say(lang: str, key: str, **values: Any) -> str:
    return WORDS.get(lang, WORDS["en"])[key].format(**values)


@dataclass(frozen=True)
class SalaryComparison:
    source: str  # what the figures are, e.g. "occupation X, DÉBUTANT (- de 3ans)"
    verdict: str  # below, within, above, straddles, not_applicable, too_old
    text: str
    reference_min: Decimal | None = None  # in the posting's currency and period
    reference_max: Decimal | None = None
    period_label: str | None = None  # the period the figures describe, when dated

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "verdict": self.verdict, "text": self.text,
                "reference_min": _str(self.reference_min),
                "reference_max": _str(self.reference_max), "period": self.period_label}


@dataclass(frozen=True)
class SalaryCheck:
    verdict: str  # no_salary, no_reference, no_figures, checked
    text: str
    comparisons: list[SalaryComparison] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "text": self.text,
                "comparisons": [c.as_dict() for c in self.comparisons]}


def _str(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _amount(value: Decimal | None) -> str:
    if value is None:
        return "…"
    whole = value.quantize(Decimal(1), ROUND_HALF_UP)
    return f"{whole:,}".replace(",", " ")


def _range(low: Decimal | None, high: Decimal | None, currency: str, period: str,
           lang: str = "en") -> str:
    amounts = _amount(low) if high is None or low == high else (
        f"{_amount(low)}–{_amount(high)}" if low is not None
        else _say(lang, "up_to", amount=_amount(high)))
    return f"{amounts} {currency} {_say(lang, period)}"


@dataclass(frozen=True)
class _Figures:
    source: str
    low: Decimal | None
    high: Decimal | None
    currency: str | None
    period: SalaryPeriod | None
    basis: str
    period_label: str | None
    period_end: date | None


def salary_check(posting: Posting, *, clock: Callable[[], datetime] = utcnow,
                 lang: str = "en") -> SalaryCheck:
    """Where the posting's salary falls against its references' figures; the texts in `lang`
    (en or fr), the verdicts the same in both."""
    if posting.salary_min is None and posting.salary_max is None:
        return SalaryCheck("no_salary", _say(lang, "no_salary"))
    figures = _figures(posting, lang)
    if posting.occupation is None and posting.certification is None:
        return SalaryCheck("no_reference", _say(lang, "no_reference"))
    if not figures:
        return SalaryCheck("no_figures", _say(lang, "no_figures"))
    as_of = posting.date_posted or local_today(clock(), posting.timezone)
    comparisons = [_compare(posting, f, as_of, lang) for f in figures]
    return SalaryCheck("checked", "; ".join(c.text for c in comparisons), comparisons)


def _figures(posting: Posting, lang: str = "en") -> list[_Figures]:
    found = []
    if posting.occupation is not None:
        for s in posting.occupation.salaries:
            found.append(_Figures(
                _say(lang, "occupation", slug=posting.occupation.slug, experience=s.experience),
                s.amount_min, s.amount_max, s.currency, s.period if s.period_stated else None,
                s.basis.value, None, None))
    if posting.certification is not None:
        for f in posting.certification.market_figures:
            if f.kind is MarketFigureKind.SALARY_OFFERS:
                found.append(_Figures(
                    _say(lang, "offers", code=posting.certification.code, rome=f.rome_code,
                         percent=_percent(f.percent)),
                    f.amount_min, f.amount_max, f.currency, f.pay_period,
                    f.basis.value if f.basis else "unstated", f.period_label, f.period_end))
    return found


def _percent(value: Decimal | None) -> str:
    return "?" if value is None else f"{value:f}".rstrip("0").rstrip(".")


def _months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def _compare(posting: Posting, fig: _Figures, as_of: date, lang: str = "en") -> SalaryComparison:
    period = posting.salary_period
    currency = posting.salary_currency
    if fig.currency != currency:
        return SalaryComparison(fig.source, "not_applicable", _say(
            lang, "other_currency", source=fig.source,
            theirs=fig.currency or _say(lang, "no_currency"), ours=currency))
    if fig.period is None:
        return SalaryComparison(fig.source, "not_applicable",
                                _say(lang, "no_period", source=fig.source))
    if period not in PER_YEAR or fig.period not in PER_YEAR:
        return SalaryComparison(fig.source, "not_applicable", _say(
            lang, "no_hours", source=fig.source, theirs=_say(lang, fig.period.value),
            ours=_say(lang, period.value)))
    scale = PER_YEAR[fig.period] / PER_YEAR[period]
    low = None if fig.low is None else (fig.low * scale).quantize(Decimal("0.01"))
    high = None if fig.high is None else (fig.high * scale).quantize(Decimal("0.01"))
    reference = _range(low, high, currency, period.value, lang)
    dated = f" ({fig.period_label or _say(lang, 'undated')})"
    basis = "" if fig.basis == "unstated" else f" {WORDS.get(lang, WORDS['en']).get(fig.basis, fig.basis)}"
    described = f"{fig.source}{dated}: {reference}{basis}" if lang != "fr" else (
        f"{fig.source}{dated} : {reference}{basis}")
    if fig.period_end is not None and _months_between(fig.period_end, as_of) > MAX_AGE_MONTHS:
        return SalaryComparison(fig.source, "too_old", _say(
            lang, "too_old", described=described, months=MAX_AGE_MONTHS,
            day=as_of.isoformat()), low, high, fig.period_label)
    offered_low, offered_high = posting.salary_min, posting.salary_max
    note = ""
    percent = posting.working_time_percent
    if percent and percent < 100:
        factor = Decimal(100) / Decimal(percent)
        offered_low = None if offered_low is None else offered_low * factor
        offered_high = None if offered_high is None else offered_high * factor
        note = _say(lang, "part_time", percent=percent)
    bottom = offered_low if offered_low is not None else offered_high
    top = offered_high if offered_high is not None else offered_low
    if high is not None and bottom > high:
        verdict = "above"
    elif low is not None and top < low:
        verdict = "below"
    elif (low is None or bottom >= low) and (high is None or top <= high):
        verdict = "within"
    else:
        verdict = "straddles"
    offered = _range(offered_low, offered_high, currency, period.value, lang)
    return SalaryComparison(fig.source, verdict, _say(
        lang, "verdict", described=described, offered=offered, note=note,
        words=_say(lang, verdict)), low, high, fig.period_label)
