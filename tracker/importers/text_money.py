"""Contact, apply e-mail and URL, documents asked for, and salary in a posting's text."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from tracker.importers.base import EMAIL, URL, ParsedPosting
from tracker.models.enums import DocumentKind

_APPLYING = re.compile(r"(candidat|cv\b|lettre|envoy|adress|postul|apply|applica|submit|send|"
                       r"contact|e-?mail|courriel)", re.I)


def _around(text: str, match: re.Match[str], width: int = 60) -> str:
    start = max(0, text.rfind("\n", 0, match.start()) + 1, match.start() - width)
    end = text.find("\n", match.end())
    end = min(end if end != -1 else len(text), match.end() + width)
    return text[start:end]


def read_contact(result: ParsedPosting, lines: list[str], lang: str) -> None:
    """Apply e-mail and URL (near words about applying), contact, documents asked for."""
    apply_lines = [i for i, line in enumerate(lines) if _APPLYING.search(line)]
    applying = set(apply_lines)  # looked up around each address, not scanned for each
    emails = [(m.group(0).rstrip("."), i) for i, line in enumerate(lines) if "@" in line
              for m in EMAIL.finditer(line)]
    near = next(((e, i) for e, i in emails if not applying.isdisjoint(range(i - 2, i + 3))),
                None)
    if near:
        email, index = near
        result.add("apply_email", email, lines[index], 0.9)
        start = max((j for j in range(index - 2, index + 1) if j in applying), default=index)
        contact = " ".join(" ".join(lines[start:index + 1]).split()).strip(" ,;")
        result.add("application_contact", contact[:300], contact, 0.6)
    elif emails:
        result.add("apply_email", emails[0][0], lines[emails[0][1]], 0.6)
    for line in lines:
        if re.search(r"(postul|candidat|apply|application|recrutement|jobs?\b|careers?)",
                     line, re.I):
            match = URL.search(line)
            if match:
                result.add("apply_url", match.group(0).rstrip(".,;"), line, 0.7)
                break
    application_text = " ".join(lines[i] for i in apply_lines)
    documents = [
        (r"\b(cv|c\.v\.|curriculum vitae|résumé|resume)\b", DocumentKind.CV,
         "CV", "CV"),
        (r"(lettre de motivation|cover(?:ing)? letter|letter of motivation|motivation letter|"
         r"letter of application)", DocumentKind.COVER_LETTER, "Lettre de motivation",
         "Cover letter"),
        (r"(copie[s]? (?:du|des) diplômes?|copies? of (?:your )?(?:degree|diploma)s?)",
         DocumentKind.DIPLOMA, "Diplôme", "Diploma"),
        (r"(lettres? de recommandation|letters? of (?:recommendation|reference)|"
         r"reference letters?)", DocumentKind.REFERENCE_LETTER, "Lettres de recommandation",
         "Reference letters"),
    ]
    for pattern, kind, label_fr, label_en in documents:
        match = re.search(pattern, application_text, re.I)
        if match:
            result.add("required_documents",
                       {"kind": kind, "label": label_fr if lang == "fr" else label_en},
                       _around(application_text, match), 0.75)


_MONEY = re.compile(
    r"(?:(?P<pre>[£$€]|EUR|GBP|USD|CHF)\s?)?(?P<num>\d{1,3}(?:[, ]\d{3})+(?:[.,]\d{1,2})?|"
    r"\d{3,7}(?:[.,]\d{1,2})?)(?:\s?(?P<post>€|euros?|EUR|GBP|USD|CHF)\b|\s?(?P<euro>€))?")
_CURRENCY = {"£": "GBP", "$": "USD", "€": "EUR", "euro": "EUR", "euros": "EUR"}
_PERIODS = [
    (r"(per annum|per year|a year|/\s*year|annual|annuel|par an|p\.a\.|pa\b)", "year"),
    (r"(per month|a month|monthly|/\s*month|mensuel|par mois|/\s*mois)", "month"),
    (r"(per hour|an hour|hourly|/\s*hour|horaire|de l'heure|/\s*h\b)", "hour"),
    (r"(per day|a day|daily|par jour|journalier)", "day"),
]


def _amount(text: str) -> Decimal | None:
    digits = text.replace(" ", "")
    if "," in digits and "." in digits:
        digits = digits.replace(",", "")
    elif "," in digits:
        head, _, tail = digits.rpartition(",")
        digits = head.replace(",", "") + ("." if len(tail) == 2 else "") + tail
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


_RANGE_JOIN = re.compile(r"\s*+(?:-|–|—|to|à|a|and|et|up to|jusqu'à)\s*+", re.I)


_OTHER_SUM = re.compile(r"(allowance|indemnit|prime|allocation|bonus|expenses|frais|per diem|"
                        r"budget|grant of|relocation)", re.I)


def _money(line: str) -> list[tuple[Decimal, str]]:
    """The amounts of a line with their currency; a bare number before a range ('2 800 to
    3 300 euros') takes the currency of its other end; a sum named as something else (an
    allowance, a bonus, expenses) is not the salary."""
    matches = list(_MONEY.finditer(line))
    found: list[tuple[Decimal, str]] = []
    for index, match in enumerate(matches):
        symbol = match["pre"] or match["post"] or match["euro"]
        value = _amount(match["num"])
        nxt = matches[index + 1] if index + 1 < len(matches) else None
        if symbol is None and nxt is not None and _RANGE_JOIN.fullmatch(
                line[match.end():nxt.start()]):
            symbol = nxt["pre"] or nxt["post"] or nxt["euro"]
        if symbol is None or value is None or value < 100 or value > 10_000_000:
            continue
        if found and _OTHER_SUM.search(line[max(0, match.start() - 40):match.start()]):
            continue
        found.append((value, _CURRENCY.get(symbol.lower(), symbol.upper())))
    return found


def read_salary(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
            text: str) -> None:
    """The first line stating money; a range on it, or over the lines right after it that
    state more amounts in the same currency (a scale listed line by line)."""
    lines = text.split("\n")
    labelled_values = [value for value, _ in labelled.get("salary", [])]
    for index, line in enumerate(labelled_values + lines):
        if index >= len(labelled_values) and not re.search(
                r"(salaire|rémunération|remuneration|salary|traitement|euros?\b|brut|£|€|\$)",
                line, re.I):
            continue
        amounts = _money(line)
        if not amounts:
            continue
        currency = amounts[0][1]
        block = [line]
        if len(amounts) == 1 and index >= len(labelled_values):
            position = index - len(labelled_values)
            for following in lines[position + 1:position + 6]:
                more = [a for a in _money(following) if a[1] == currency]
                if not more:
                    break
                amounts += more[:1]
                block.append(following)
        values = [value for value, _ in amounts[:8]]
        joined = " ".join(block)
        period = next((p for pattern, p in _PERIODS if re.search(pattern, joined, re.I)), None)
        if period is None:
            period = "year" if values[0] >= 10_000 else "month"
        snippet = " / ".join(b.strip() for b in block)
        # A labelled salary line is sure; sums met in running text or a scale are to check.
        sure = 0.8 if index < len(labelled_values) and len(block) == 1 else 0.7
        result.add("salary_min", min(values), snippet, sure)
        if len(values) > 1:
            result.add("salary_max", max(values), snippet, sure)
        result.add("salary_currency", currency, snippet, sure)
        result.add("salary_period", period, snippet, 0.6)
        return
