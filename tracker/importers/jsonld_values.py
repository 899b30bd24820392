"""JSON-LD values with a format or a unit: dates and instants (validThrough with its offset,
matched to the posting's zone), and money (baseSalary as a number, a MonetaryAmount or text
such as "$100,000", "€50.000" or "$100K"). What cannot be read is flagged with the reason."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from tracker.i18n import Text
from tracker.importers.base import ParsedPosting
from tracker.importers.jsonld_document import OutOfRange

_PERIODS = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}
_SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR"}
_MISSING = {"salary_currency": Text("no currency stated (salaryCurrency)"),
            "salary_period": Text("no period stated (unitText: HOUR, DAY, WEEK, MONTH or YEAR)")}
_NUMBER = re.compile(r"\d(?:[\d.,' \u00a0\u202f]{0,20}\d)?")
_THOUSANDS = re.compile(r"[ '\u00a0\u202f]")


def snippet_of(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)[:200]


def iso_day(value: Any) -> tuple[date | None, Text | None]:
    """The date an ISO 8601 text starts with, or None and why it is not one."""
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]), None
    except ValueError as exc:
        reason = Text("expected YYYY-MM-DD") if str(exc).startswith("Invalid") else str(exc)
        return None, Text("not a date (%(reason)s): left out", reason=reason)


def read_day(result: ParsedPosting, field: str, prop: str, value: Any) -> None:
    day, problem = iso_day(value)
    snippet = f"{prop}: {value}"
    if day is not None:
        result.add(field, day, snippet, 1.0)
    else:
        result.add(field, str(value)[:100], snippet, 0.0, review=problem)


def read_deadline(result: ParsedPosting, value: Any, zone_name: str) -> None:
    """validThrough: a date, or a date-time whose offset is matched to the posting's zone
    (else kept as a fixed offset)."""
    text = str(value).strip()
    if len(text) <= 10:
        read_day(result, "valid_through_date", "validThrough", text)
        return
    snippet = f"validThrough: {text}"
    try:
        instant = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        _, problem = iso_day(text)
        result.add("valid_through_date", text[:100], snippet, 0.0,
                   review=problem or Text("not an ISO 8601 date-time: left out"))
        return
    if instant.tzinfo is None:  # a local time without offset: in the posting's zone
        local, zone = instant, zone_name
    else:
        offset = instant.utcoffset()
        zone = zone_name
        local = instant.astimezone(ZoneInfo(zone_name))
        if local.utcoffset() != offset:
            hours = int(offset.total_seconds() // 3600) if offset else 0
            whole = offset is not None and offset.total_seconds() % 3600 == 0
            zone = ("UTC" if not hours else f"Etc/GMT{-hours:+d}") if whole else "UTC"
            local = instant.astimezone(ZoneInfo(zone))
    result.add("valid_through_date", local.date(), snippet, 1.0)
    if local.time().replace(microsecond=0) != time(23, 59, 59):  # the end of day is implied
        result.add("valid_through_time", local.time().replace(microsecond=0, tzinfo=None),
                   snippet, 1.0)
    result.add("timezone", zone, snippet, 0.9)


def amount(value: Any) -> Decimal | None:
    """A sum of money. Numbers are taken as they are; in text, money has two decimals at
    most, so a separator followed by three digits groups thousands whatever the locale
    ('€50.000', '$100,000', '50 000 €', "CHF 1'000"); with both '.' and ',' the last one is
    the decimal point; a K after the number is thousands ('$100K', '45.5k')."""
    if value is None or isinstance(value, bool | OutOfRange):
        return None  # an OutOfRange number is flagged by the importer, never read as money
    if isinstance(value, int | float):
        return _cents(str(value))
    text = str(value)[:200]
    match = _NUMBER.search(text)
    if not match:
        return None
    digits = _THOUSANDS.sub("", match.group(0))
    if "," in digits and "." in digits:
        decimal_mark = max(digits.rfind(","), digits.rfind("."))
        digits = re.sub(r"[.,]", "", digits[:decimal_mark]) + "." + digits[decimal_mark + 1:]
    elif "," in digits or "." in digits:
        mark = "," if "," in digits else "."
        head, _, tail = digits.rpartition(mark)
        if digits.count(mark) == 1 and len(tail) != 3:
            digits = f"{head}.{tail}"  # a decimal point: '15.5', '2400,50'
        else:
            digits = digits.replace(mark, "")  # groups of thousands: '50.000', '1,000,000'
    found = _cents(digits)
    if found is not None and re.match(r"\s?[kK]\b", text[match.end():]):
        found = _cents(str(found * 1000))
    return found


def _cents(text: str) -> Decimal | None:
    try:
        value = Decimal(text).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


def _bounds(text: str) -> list[Decimal]:
    """The amounts of '£30,000 - £35,000', '45-55k EUR' or '$40K to $50K'."""
    parts = [p for p in re.split(r"[-–]|\bto\b", text[:200]) if p.strip()]
    found = [(amount(p), bool(re.search(r"\d\s?[kK]\b", p))) for p in parts]
    values = [(v, k) for v, k in found if v is not None]
    if any(k for _, k in values):  # '45-55k': the K of one end is the other's too
        values = [(v * 1000 if not k and v < 1000 else v, k) for v, k in values]
    return [v for v, _ in values]


def read_salary(result: ParsedPosting, node: dict[str, Any]) -> None:
    """baseSalary and salaryCurrency. A salary is kept only with both its currency and its
    period (the posting cannot be saved without them): else the amounts are shown flagged
    for review, with what is missing, and left out of the draft."""
    salary, currency = node.get("baseSalary"), node.get("salaryCurrency")
    snippet = f"baseSalary: {snippet_of(salary)}"
    low = high = None
    period = None
    if isinstance(salary, dict):
        currency = salary.get("currency") or currency
        value = salary.get("value")
        if isinstance(value, dict):
            period = _PERIODS.get(str(value.get("unitText", "")).strip().upper())
            low = amount(value.get("minValue", value.get("value")))
            high = amount(value.get("maxValue", value.get("value")))
        else:
            low = high = amount(value)
        period = period or _PERIODS.get(str(salary.get("unitText", "")).strip().upper())
    elif isinstance(salary, int | float):
        low = high = amount(salary)
    elif isinstance(salary, str):
        symbol = re.search(r"[£$€]", salary[:200])
        if symbol and not currency:
            currency = _SYMBOLS[symbol.group(0)]
        bounds = _bounds(salary)
        if bounds:
            low, high = min(bounds), max(bounds)
    if low is None:
        return
    currency = currency.strip().upper() if isinstance(currency, str) \
        and re.fullmatch(r"\s*[A-Za-z]{3}\s*", currency) else None
    missing = [name for name, value in (("salary_currency", currency), ("salary_period", period))
               if not value]
    review = None
    if len(missing) == 1:
        review = Text("%(missing)s: the salary is left out of the draft; give %(field)s to keep "
                      "it", missing=_MISSING[missing[0]], field=missing[0])
    elif missing:
        review = Text("%(missing)s; %(other)s: the salary is left out of the draft; give "
                      "%(field)s and %(other_field)s to keep it", missing=_MISSING[missing[0]],
                      other=_MISSING[missing[1]], field=missing[0], other_field=missing[1])
    result.add("salary_min", low, snippet, 1.0, review)
    result.add("salary_max", high, snippet, 1.0, review)
    if currency:
        result.add("salary_currency", currency, snippet, 1.0, review)
    if period:
        result.add("salary_period", period, snippet, 1.0, review)
