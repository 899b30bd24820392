"""The salary of a posting's text, read the way a reader reads it: a range in thousands
("45K à 55K €", "48 - 55 k€", "€70k–€90k"), a day rate ("TJM : 450 à 550 €"), an hourly rate
("$28.50 - $36.00 per hour", "13,20 € brut de l'heure"), currencies by symbol or code; extras
after "plus" or "+" and sums named as something else (a budget, expenses) are no salary; a
salary stated for a full-time post beside a part-time one is the pro rata figure if given,
else the full-time figure as written, unsure."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from tracker.importers.base import ParsedPosting
from tracker.importers.text_currency_place import dollar_of, iso_codes, marked_dollar

_CODES = ("EUR|GBP|USD|CHF|NOK|SEK|DKK|XOF|XAF|CAD|AUD|NZD|SGD|HKD|MAD|TND|KES|ZAR|JPY|INR|"
          "CNY|AED|MUR|MYR|QAR|SAR|KWD|BHD|OMR|NGN|GHS|EGP|XPF|PHP|IDR|THB|VND|PKR|BDT|LKR|"
          "UGX|TZS|RWF|MGA|DZD|BRL|MXN|PLN|CZK|HUF|RON")
# ... and every other currency's code in use today ('COP 12.000.000', 'ETB 68,000')
_CODES = "|".join(dict.fromkeys(_CODES.split("|") + iso_codes()))
# Dollars named by their country ('CA$', 'AU$', 'NZ$', 'S$', 'HK$', 'US$'), francs CFA, rupees.
_MARKED = (r"(?:US|CA|C|AU|A|NZ|S|SG|HK)\$|(?<![\w$])(?-i:[A-Z][A-Za-z]{0,2})\$|₹|Rs\.?|F\s?CFA|FCFA|S?Fr\.|₦|₱|¥|(?<![\w.])(?-i:RM|Ksh|KSh|"
           r"GH₵|R|QR|SR|Dhs?|DH)(?=\s?\d)")
_MONEY = re.compile(
    rf"(?:(?P<pre>{_MARKED}|[£$€]|(?-i:{_CODES}))\s?)?(?P<num>\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?!\d)|\d{{1,3}}(?:[,. '’]\d{{3}})+"
    rf"(?:[.,]\d{{1,2}})?|\d{{1,7}}(?:[.,]\d{{1,2}})?)(?:\.[–—-]|/-)?(?P<kilo>\s?(?:[kK](?![a-zA-Z])|(?i:lakhs?|lacs?|LPA|crores?)\b)|(?<=\d)L\b)?"
    rf"(?:\s?(?P<post>€|[Ee]uros?\b|(?-i:{_CODES})\b|F\s?CFA\b|FCFA\b|(?-i:DH|Dhs|DT|TND|DA)\b|"
    rf"[Dd]irhams?\b|[Dd]inars?\b|(?-i:F\s?CFP|CFP|XPF)\b|[Rr]inggit\b|\$|"
    # the Nordic crowns ('45 000 kr', '550.000 kr.'), francs ('5 500 francs'), złoty
    rf"(?-i:kr)\.?(?!\w)|[Kk]ronor\b|[Kk]roner\b|[Ff]rancs?\s++CFA\b|"
    rf"[Ff]rancs?\b(?!\s++(?:CFA|CFP))|zł|"
    rf"(?-i:PLN)\b)|\s?(?P<euro>€))?")
_CURRENCY = {"£": "GBP", "$": "USD", "€": "EUR", "euro": "EUR", "euros": "EUR", "us$": "USD",
             "ca$": "CAD", "c$": "CAD", "au$": "AUD", "a$": "AUD", "nz$": "NZD", "s$": "SGD",
             "sg$": "SGD", "hk$": "HKD", "₹": "INR", "rs": "INR", "rs.": "INR", "fcfa": "XOF",
             "f cfa": "XOF", "fr.": "CHF", "sfr.": "CHF", "dh": "MAD", "dhs": "MAD",
             "dirham": "MAD", "dirhams": "MAD", "rm": "MYR", "ringgit": "MYR", "₦": "NGN",
             "ksh": "KES", "gh₵": "GHS", "r": "ZAR", "dt": "TND", "dinar": "TND", "da": "DZD",
             "dinars": "TND", "f cfp": "XPF", "fcfp": "XPF", "cfp": "XPF", "lakh": "INR",
             "qr": "QAR", "sr": "SAR", "₱": "PHP", "zł": "PLN", "¥": "JPY"}
_EMIRATES = re.compile(r"\b(United Arab Emirates|UAE|Dubai|Abu Dhabi|Sharjah|Ajman|Emirates)\b")
_ALGERIA = re.compile(r"\b(Alg[ée]rie|Algeria|Algerian|algérien\w*|Alger|Algiers|Oran|"
                     r"Constantine|Annaba|Sétif|Setif|Blida|Tlemcen|Béjaïa|Bejaia)\b")
# What a multiplier word makes of the number before it: '45k', '18 LPA', '₹35 lakh', '2 crore'.
_TIMES = {"k": 1000, "lakh": 100_000, "lakhs": 100_000, "lac": 100_000, "lacs": 100_000,
          "lpa": 100_000, "crore": 10_000_000, "crores": 10_000_000}
# Where a bare '$' is not the US dollar: the country the posting names.
_DOLLAR_COUNTRIES = [
    (re.compile(r"\b(Canada|Canadian|canadien\w*|Québec|Quebec|Ontario|Montréal|Montreal|Toronto|"
                r"Vancouver|Ottawa|Alberta|British Columbia|Manitoba|Nova Scotia|Saskatchewan|"
                r"New Brunswick|Nouveau-Brunswick|Gatineau|Winnipeg|Calgary|Edmonton|"
                # a town and its province's postal code: 'Saint-Georges, QC', 'Halifax NS'
                r"[A-ZÀ-Ý][\w'’.-]+,?\s(?-i:QC|ON|BC|AB|MB|SK|NS|NB|NL|PE|PEI|YT|NT|NU)(?=\s|$|[,.)])"
                r")\b"), "CAD"),
    (re.compile(r"\b(Australia|Australian|NSW|New South Wales|Queensland|Victorian? Public|"
                r"Sydney|Melbourne|Canberra|Brisbane|Adelaide|Perth|Tasmania|APS|"
                r"superannuation|(?-i:VIC|QLD|TAS)|\+ super)\b"), "AUD"),
    (re.compile(r"\b(New Zealand|Aotearoa|Auckland|Wellington|Christchurch|KiwiSaver)\b"), "NZD"),
    (re.compile(r"\b(Singapore)\b"), "SGD"),
    (re.compile(r"\b(Hong Kong)\b"), "HKD"),
    (re.compile(r"\b(United States|USA|U\.S\.A?\.?|US citizens?|[A-Z][a-z]+, (?:AL|AK|AZ|AR|CA|"
                r"CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|"
                r"NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC))\b"), "USD"),
]
_FRENCH = re.compile(r"\b(?:salaire|rémunération|de l['’]heure|par heure|emploi|poste|"
                     r"avantages|horaire)\b", re.I)
_CROWNS = [
    (re.compile(r"\b(Norway|Norge|Norwegian|norsk\w*|Oslo|Bergen|Stavanger|Trondheim|"
                r"Kristiansand|Tromsø)\b"), "NOK"),
    (re.compile(r"\b(Denmark|Danmark|Danish|dansk\w*|København|Copenhagen|Aarhus|Odense|"
                r"Aalborg)\b"), "DKK"),
    (re.compile(r"\b(Iceland|Ísland|Reykjavík|Reykjavik)\b"), "ISK"),
    (re.compile(r"\b(Sweden|Sverige|Swedish|svensk\w*|Stockholm|Göteborg|Gothenburg|Malmö|"
                r"Uppsala)\b"), "SEK"),
]
# Francs CFA of Central Africa (XAF) rather than West Africa (XOF).
_CENTRAL_AFRICA = re.compile(r"\b(Cameroun|Cameroon|Gabon|Congo|Tchad|Chad|Centrafrique|"
                             r"Central African|Guinée équatoriale|Equatorial Guinea|Yaoundé|"
                             r"Douala|Libreville|Brazzaville|N'Djamena|Bangui)\b")
_PERIODS = [
    (r"per annum|per year|a year|/\s*(?:year|yr|an)\b|annual(?! leave)|annuel(?!s? de cong)|"
     r"par an\b|p\.a\.|\bpa\b|par année|\bLPA\b|\bCTC\b|yearly|annually|brut annuel|"
     r"om året|per år|pr\.? år|/\s*år\b|pro jahr|/\s*jahr|jährlich", "year"),
    (r"per month|a month|monthly|/\s*month|mensuel|par mois|/\s*mois|"
     r"(?:per|pr\.?|i|/)\s*(?:månad|måned|måneden|månaden)|pro monat|/\s*monat|monatlich", "month"),
    (r"per week|a week|weekly|/\s*(?:week|wk)\b|par semaine|hebdomadaire", "week"),
    (r"per hour|an hour|hourly|/\s*(?:hour|hr|h|heure)\b|horaire|l'heure|l’heure|par heure", "hour"),
    (r"per day|a day|daily|day rate|par jour|/\s*jour|journalier|\btjm\b|taux journalier", "day"),
]
_SALARY_WORDS = re.compile(
    r"(salaire|rémunération|remuneration|salary|traitement|euros?\b|brut|£|€|\$|\bpay\b|"
    r"\brate\b|taux|tjm|gratification|stipend|compensation|\bctc\b|package|wages?\b|"
    r"\bLPA\b|lakh|₹|₦|₱|¥|zł|ringgit|\bRM\s?\d|dinars?|dirhams?|\bDT\b|\d\s?(?-i:DA|DH|Dhs)\b|CFP|\d\s?kr\b|kronor|kroner|"
    r"francs?\b|" + _CODES + r")", re.I)
# Words that say a sum is pay (beside a currency sign alone, which may price anything).
_PAY_WORDS = re.compile(r"(salaire|rémunération|remuneration|salary|traitement|\bpay\b|\brate\b|"
                        r"taux|tjm|gratification|stipend|compensation|\bctc\b|package|wages?\b|"
                        r"\bbrut\b|\bnet\b|\bgross\b|allowance|indemnit|allocation|honoraires|"
                        r"\bfee\b|earn)", re.I)
_RANGE_JOIN = re.compile(r"\s*+(?:-|–|—|to|à|a|and|et|up to|jusqu'à)\s*+", re.I)
# Sums that are not the pay: before any amount (a budget, expenses) or after the first one
# (an allowance, a bonus beside the salary).
_NOT_PAY = re.compile(r"(budget|expenses|frais|per diem|subsistence|relocation|grant of|levée de fonds|"
                      r"chiffre d'affaires|turnover|revenue)", re.I)
_OTHER_SUM = re.compile(r"(allowance|indemnit|prime|allocation|bonus|differential)", re.I)
# A sum the words right before it name as something else than the pay: 'a wellness allowance
# of SEK 5,000 per year', 'prime de 500 €', 'signing bonus of $5,000'.
_NAMED_OTHER = re.compile(
    r"(?:(?:wellness|well-being|wellbeing|housing|travel|relocation|meal|lunch|transport|"
    r"commut\w*|phone|mobile|equipment|home[- ]office|training|learning|sign(?:ing|-on)|"
    r"performance|holiday|gym|fitness|shift)\s++(?:allowance|bonus|budget|stipend)|bonus|prime|"
    r"indemnit[ée])\s++(?:of|de|d['’]un montant de|up to|jusqu'à)?\s*+(?:[A-Z]{3}|[£$€₹])?\s*+$",
    re.I)
_EXTRAS = re.compile(r"\s(?:plus|\+)\s")
_RANGE_WORD = re.compile(r"(?:^|(?<=[\s\W]))(?:-|–|—|to|à|a|and|et|up to|jusqu'à)(?=\s|$)", re.I)
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")
_OTHER_LABEL = re.compile(r"\s*+[^\d|:\n]{2,40}?\s*+[|:]")
_FULL_TIME_BASIS = re.compile(r"(pour un temps (?:plein|complet)|\bFTE\b|full[- ]time equivalent|"
                              r"équivalent temps plein)", re.I)
_ACTUAL = re.compile(r"(\bsoit\b|\bactual\b|pro[- ]?rata|au prorata)", re.I)


def _amount(text: str) -> Decimal | None:
    """'52.433,15', '2,812.45', '70'512', '67 880', '12,5': the mark written last is the
    decimal one unless three digits follow it (a thousands mark)."""
    digits = text.replace(" ", "").replace("'", "").replace("’", "")
    if "," in digits and "." in digits:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        digits = digits.replace(thousands, "").replace(decimal, ".")
    elif "," in digits or "." in digits:
        mark = "," if "," in digits else "."
        head, _, tail = digits.rpartition(mark)
        cents = len(tail) in (1, 2) and head.count(mark) == 0
        digits = head.replace(mark, "") + ("." if cents else "") + tail
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _period(text: str, within: int | None = None, *, nearest_end: bool = False) -> str | None:
    """The period named first after the amount ('$70–$85 per hour, paid monthly': hour),
    starting within `within` characters if given (the words read whole: 'annual leave'); with
    `nearest_end`, the one named last, nearest the amount that follows the text ('(38 heures
    par semaine), un salaire brut mensuel entre 3 200 et 3 700 €': month)."""
    found = [(match.start(), period) for pattern, period in _PERIODS
             for match in re.finditer(pattern, text, re.I)
             if within is None or match.start() < within]
    if not found:
        return None
    return max(found)[1] if nearest_end else min(found)[1]


def _symbol(symbol: str, text: str) -> str:
    """The currency a symbol or code names, a bare '$' by the country the text names."""
    key = symbol.lower()
    if key == "$":  # the country named first: where the post is, before any other named
        # ('Vancouver, WA' names the state after the town: the longer name is the place)
        named = [(match.start(), -len(match.group(0)), code) for pattern, code in _DOLLAR_COUNTRIES
                 for match in [pattern.search(text)] if match]
        if named:
            return str(min(named)[2])
        # ('Kingston 10, Jamaica', 'Puerto Varas, Chile'): the dollar or peso of the one
        # country the text names
        local = dollar_of(text)
        if local:
            return local
        # a dollar in French ('21,75 $/h', 'salaire de 24,50 $') is Canada's, the only
        # country where French is written with dollars
        return "CAD" if _FRENCH.search(text) else "USD"
    if key.rstrip(".") in ("kr", "kronor", "kroner"):  # a crown by the country named
        crowns = [(match.start(), code) for pattern, code in _CROWNS
                  for match in [pattern.search(text)] if match]
        return min(crowns)[1] if crowns else "SEK"
    if key in ("franc", "francs"):  # today's francs: Switzerland's, unless of the CFA
        return "XOF" if re.search(r"\bCFA\b", text) else "CHF"
    if key == "¥" and re.search(r"\b(China|Chinese|Beijing|Shanghai|Shenzhen|RMB|yuan)\b", text):
        return "CNY"
    if key.startswith("franc") and "cfa" in key:
        key = "fcfa"
    if key in ("fcfa", "f cfa", "xof") and _CENTRAL_AFRICA.search(text):
        return "XAF"
    if key in ("dinar", "dinars") and _ALGERIA.search(text):
        return "DZD"  # the dinar of Algeria, not Tunisia's
    if key in ("dh", "dhs", "dirham", "dirhams") and _EMIRATES.search(text):
        return "AED"  # the dirham of the Emirates, not Morocco's
    if key.endswith("$") and key not in _CURRENCY:  # 'TT$', 'R$', 'B$'
        return marked_dollar(symbol, text) or "USD"
    return _CURRENCY.get(key, symbol.upper())


def _money(line: str, text: str = "") -> list[tuple[Decimal, str, int]]:
    """(amount, currency, position) of a line's sums; a bare number before a range ('2 800 to
    3 300 euros', '48 - 55 k€') takes the currency and the thousands of its other end."""
    matches = list(_MONEY.finditer(line))
    found: list[tuple[Decimal, str, int]] = []
    for index, match in enumerate(matches):
        # '$85,000 CAD': the code written after the sum names the dollar
        symbol = (match["post"] if match["pre"] == "$" and match["post"] and match["post"] != "$"
                  else match["pre"] or match["post"] or match["euro"])
        value = _amount(match["num"])
        times = _times(match)
        nxt = matches[index + 1] if index + 1 < len(matches) else None
        if nxt is not None and _RANGE_JOIN.fullmatch(line[match.end():nxt.start()]) and not (
                symbol is None and value is not None and times == 1
                and (_amount(nxt["num"]) or 0) > 100 * value):  # ('Grade 4 — $98,412')
            symbol = symbol or nxt["pre"] or nxt["post"] or nxt["euro"]
            if symbol == "$" and nxt["post"] and nxt["post"] != "$":
                symbol = nxt["post"]  # '$85,000 - $95,000 CAD'
            if times == 1 and value is not None and value < 1000:
                times = _times(nxt)  # '48 - 55 k€', '18 - 24 LPA'
            symbol = symbol or ("lakh" if times >= 100_000 else None)
        previous = matches[index - 1] if index else None
        if symbol is None and previous is not None and _RANGE_JOIN.fullmatch(
                line[previous.end():match.start()]):  # 'EUR 58,000 - 64,000'
            symbol = previous["pre"] or previous["post"] or previous["euro"]
        symbol = symbol or ("lakh" if times >= 100_000 else None)  # '24 LPA': rupees
        if symbol is None or value is None:
            continue
        value = value * times
        before = line[max(0, match.start() - 40):match.start()]
        if _NOT_PAY.search(before) or found and _OTHER_SUM.search(before) \
                or _NAMED_OTHER.search(before):
            continue
        if not Decimal(1) <= value <= 10_000_000:
            continue
        if re.search(r"\d\s+[x×]\s*$", before) and not match["pre"]:
            continue  # 'B$24,750 x 500 – B$29,250': the scale's yearly step, no end of it
        found.append((value, _symbol(symbol, text or line), match.start()))
    return found


def _first_range(line: str, amounts: list[tuple[Decimal, str, int]]) -> list[Decimal]:
    """The sums of the first range a line states ('$62,000 to $98,000, ... a $2,500 signing
    bonus'), or its first sum when none joins the next ('$215.00 per day ..., then $61,480
    annually')."""
    first = _MONEY.match(line, amounts[0][2])
    between = line[first.end():amounts[1][2]] if first is not None else ""
    # ('$136,000/year in our lowest market up to $212,800/year', '£41,250 rising to £46,110',
    # '€2,901 in the first year and €3,707 in the fourth', "CHF 70'512.– à CHF 97'464.–")
    if len(between) <= 60 and _RANGE_WORD.search(between) and not _SENTENCE_END.search(between) \
            and not _OTHER_SUM.search(between):
        return [amounts[0][0], amounts[1][0]]
    return [amounts[0][0]]


# 'Salary Basis: Hourly', 'Pay frequency: per annum': a label giving the period of the scale
# written on the lines above it ('Minimum Salary: $46.49 / Maximum Salary: $60.99').
_BASIS = re.compile(r"^\W*(?:salary|pay|wage|rate)\s++(?:basis|type|frequency|period|unit)\s*+[:|]"
                    r"\s*+(?P<value>.{2,30})$", re.I)


def _basis(lines: list[str], after: int) -> str | None:
    """The period a basis label gives right below a scale's lines, or None."""
    for line in lines[after:after + 3]:
        match = _BASIS.match(line.strip())
        if match:
            return _period(match["value"])
    return None


def _times(match: re.Match[str]) -> int:
    word = (match["kilo"] or "").strip().lower()
    if word == "l":  # '₹8L': lakhs, beside rupees only
        return 100_000 if (match["pre"] or "").lower() in ("₹", "rs", "rs.", "inr") else 1
    return _TIMES.get(word, 1)


def _small_ok(values: list[Decimal], period: str | None) -> bool:
    """Sums under 100 are pay only by the hour or the day ('£13.85 per hour')."""
    return min(values) >= 100 or period in ("hour", "day")


def read_salary(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
                text: str) -> None:
    """The first line stating pay; a range on it, or over the lines right after it that
    state more amounts in the same currency (a scale listed line by line)."""
    lines = text.split("\n")
    labelled_values = [value for value, _ in labelled.get("salary", [])]
    weak: tuple[str, Decimal, str] | None = None
    for index, line in enumerate(labelled_values + lines):
        in_text = index >= len(labelled_values)
        if in_text and not _SALARY_WORDS.search(line):
            continue
        whole = line
        line = _EXTRAS.split(line, maxsplit=1)[0] if _money(_EXTRAS.split(line)[0]) else line
        amounts = _money(line, text)
        if not amounts:
            continue
        currency = amounts[0][1]
        block = [line]
        # (the lines after a line cut at its extras go on with them: '$35.20 per hour base +
        # night, weekend and' / 'public holiday penalties – most will earn well over $80k')
        if len(amounts) == 1 and in_text and line == whole:
            position = index - len(labelled_values)
            for following in lines[position + 1:position + 6]:
                more = [a for a in _money(following, text) if a[1] == currency]
                label = _OTHER_LABEL.match(following)
                if not more or label and not _PAY_WORDS.search(label.group(0)):
                    break  # ('Hébergement | gîte, 5 €/nuit': a price, not a step of the scale)
                amounts += more[:1]
                block.append(following)
        joined = " ".join(block)
        start = amounts[0][2]
        period = (_period(line[start:start + 60], 40) or _period(line[max(0, start - 50):start], nearest_end=True)
                  or _period(joined) or (_basis(lines, index - len(labelled_values) + len(block))
                                         if in_text else None))
        values = [value for value, _, _ in amounts[:8] if value]
        if len(block) == 1 and len(amounts) > 1:
            values = _first_range(line, amounts)
        if not _small_ok(values, period):
            continue
        if period is None:
            if in_text and len(values) == 1 and not _PAY_WORDS.search(line) and weak is None:
                weak = (line, values[0], currency)  # 'Post a job ($299)': a price, maybe
                continue
            period = "year" if values[0] >= 10_000 else "month"
        snippet = " / ".join(b.strip() for b in block)
        basis = _FULL_TIME_BASIS.search(line)
        if basis and len(amounts) > 1 and _ACTUAL.search(line[basis.end():]):
            values = [value for value, _, start in amounts if start > basis.end()][:1] or values
        # A labelled salary line is sure; sums met in running text or a scale are to check.
        sure = 0.8 if index < len(labelled_values) and len(block) == 1 else 0.7
        if basis and (result.value("working_time_percent") or 100) < 100 \
                and not _ACTUAL.search(line):  # '(actual, for 0.6 FTE)': the sums paid
            # the full-time figure as written (conventions.md, Other fields), to check
            sure = 0.6
        result.add("salary_min", min(values), snippet, sure)
        if len(values) > 1:
            result.add("salary_max", max(values), snippet, sure)
        result.add("salary_currency", currency, snippet, sure)
        result.add("salary_period", period, snippet, 0.6)
        return
    if weak is not None:  # a lone sum beside no word of pay, and no other: a guess
        line, value, currency = weak
        for name, found in (("salary_min", value), ("salary_currency", currency),
                            ("salary_period", "year" if value >= 10_000 else "month")):
            result.add(name, found, line.strip(), 0.6)
