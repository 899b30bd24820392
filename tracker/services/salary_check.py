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
from tracker.models import MarketFigureKind, Posting, SalaryPeriod
from tracker.services.timeutil import local_today

MAX_AGE_MONTHS = 24
PER_YEAR = {SalaryPeriod.YEAR: Decimal(1), SalaryPeriod.MONTH: Decimal(12),
            SalaryPeriod.WEEK: Decimal(52)}
_PERIOD_WORD = {"year": "per year", "month": "per month", "week": "per week", "day": "per day",
                "hour": "per hour"}


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


def _range(low: Decimal | None, high: Decimal | None, currency: str, period: str) -> str:
    amounts = _amount(low) if high is None or low == high else (
        f"{_amount(low)}–{_amount(high)}" if low is not None else f"up to {_amount(high)}")
    return f"{amounts} {currency} {_PERIOD_WORD[period]}"


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


def salary_check(posting: Posting, *, clock: Callable[[], datetime] = utcnow) -> SalaryCheck:
    if posting.salary_min is None and posting.salary_max is None:
        return SalaryCheck("no_salary", "the posting states no salary")
    figures = _figures(posting)
    if posting.occupation is None and posting.certification is None:
        return SalaryCheck("no_reference", "the posting names no occupation or certification "
                                           "to compare its salary with")
    if not figures:
        return SalaryCheck("no_figures", "its occupation and certification give no salary "
                                         "figures")
    as_of = posting.date_posted or local_today(clock(), posting.timezone)
    comparisons = [_compare(posting, f, as_of) for f in figures]
    return SalaryCheck("checked", "; ".join(c.text for c in comparisons), comparisons)


def _figures(posting: Posting) -> list[_Figures]:
    found = []
    if posting.occupation is not None:
        for s in posting.occupation.salaries:
            found.append(_Figures(
                f"occupation {posting.occupation.slug}, {s.experience}", s.amount_min,
                s.amount_max, s.currency, s.period if s.period_stated else None,
                s.basis.value, None, None))
    if posting.certification is not None:
        for f in posting.certification.market_figures:
            if f.kind is MarketFigureKind.SALARY_OFFERS:
                found.append(_Figures(
                    f"{posting.certification.code} ROME {f.rome_code}, "
                    f"{_percent(f.percent)}% of job offers", f.amount_min, f.amount_max, f.currency,
                    f.pay_period, f.basis.value if f.basis else "unstated", f.period_label,
                    f.period_end))
    return found


def _percent(value: Decimal | None) -> str:
    return "?" if value is None else f"{value:f}".rstrip("0").rstrip(".")


def _months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def _compare(posting: Posting, fig: _Figures, as_of: date) -> SalaryComparison:
    period = posting.salary_period
    currency = posting.salary_currency
    if fig.currency != currency:
        return SalaryComparison(fig.source, "not_applicable",
                                f"{fig.source}: figures in {fig.currency or 'no stated currency'}"
                                f", the posting in {currency}: not compared")
    if fig.period is None:
        return SalaryComparison(fig.source, "not_applicable",
                                f"{fig.source}: the figures state no period: not compared")
    if period not in PER_YEAR or fig.period not in PER_YEAR:
        return SalaryComparison(fig.source, "not_applicable",
                                f"{fig.source}: pay {_PERIOD_WORD[fig.period.value]} and "
                                f"{_PERIOD_WORD[period.value]} cannot be compared without "
                                "working hours")
    scale = PER_YEAR[fig.period] / PER_YEAR[period]
    low = None if fig.low is None else (fig.low * scale).quantize(Decimal("0.01"))
    high = None if fig.high is None else (fig.high * scale).quantize(Decimal("0.01"))
    reference = _range(low, high, currency, period.value)
    dated = f" ({fig.period_label})" if fig.period_label else " (undated)"
    basis = "" if fig.basis == "unstated" else f" {fig.basis}"
    described = f"{fig.source}{dated}: {reference}{basis}"
    if fig.period_end is not None and _months_between(fig.period_end, as_of) > MAX_AGE_MONTHS:
        return SalaryComparison(fig.source, "too_old",
                                f"{described}: too old to judge by (more than {MAX_AGE_MONTHS} "
                                f"months before {as_of.isoformat()})", low, high,
                                fig.period_label)
    offered_low, offered_high = posting.salary_min, posting.salary_max
    note = ""
    percent = posting.working_time_percent
    if percent and percent < 100:
        factor = Decimal(100) / Decimal(percent)
        offered_low = None if offered_low is None else offered_low * factor
        offered_high = None if offered_high is None else offered_high * factor
        note = f" (full-time equivalent of {percent} %)"
    bottom = offered_low if offered_low is not None else offered_high
    top = offered_high if offered_high is not None else offered_low
    if high is not None and bottom > high:
        verdict, words = "above", "above the range"
    elif low is not None and top < low:
        verdict, words = "below", "below the range"
    elif (low is None or bottom >= low) and (high is None or top <= high):
        verdict, words = "within", "within the range"
    else:
        verdict, words = "straddles", "partly within the range"
    offered = _range(offered_low, offered_high, currency, period.value)
    return SalaryComparison(fig.source, verdict,
                            f"{described}: the posting's {offered}{note} is {words}",
                            low, high, fig.period_label)
