"""The words that make a name an organisation's, and the legal forms written before or after a
company's name: one table for every rule that meets them (split from text_names_check, whose
module grew past its size)."""

from __future__ import annotations

import re

from tracker.importers.text_names_places import is_town

# Nouns that make a name an organisation's (folded).
ORG_NOUN = re.compile(
    r"\b(?:university|universite|college|school|district|institute|institut|centre|center|"
    r"ministry|ministere|department|departement|agency|agence|authority|office|council|"
    r"conseil|commune|ville|city|county|state|bank|banque|hospital|hopital|clinic|clinique|"
    r"medical|health|sante|association|foundation|fondation|trust|society|societe|company|"
    r"group|groupe|union|federation|church|diocese|airways|airlines|corporation|services?|"
    r"initiative|partners|consulting|cabinet|studio|laboratoire|laboratory|museum|musee|"
    r"theatre|library|bibliotheque|network|reseau|commission|committee|comite|court|tribunal)\b")
# The French forms written after a name as well as before it ('Dupont SARL', 'SARL Dupont').
_EITHER_SIDE = (r"SAS", r"SASU", r"SARL", r"EURL", r"SA", r"SCOP", r"SCIC", r"SCP", r"SELARL")
# A company's legal form, written after its name (one table for every rule that meets one:
# the organisation words of text_heading, a name ending in a dotted form, the forms left out).
LEGAL_FORMS = (
    *_EITHER_SIDE, r"GmbH", r"AG",
    r"Ltd\.?", r"LTD", r"Limited", r"LLC", r"L\.L\.C\.", r"Inc\.?", r"inc\.", r"Incorporated",
    r"Corp\.?", r"plc", r"PLC", r"LLP", r"Pvt\.? Ltd\.?", r"Pte\.? Ltd\.?", r"Pty\.? Ltd\.?",
    r"Private Limited", r"Pty Limited",
    r"Sdn\.? Bhd\.?", r"S\.A\.S?\.?", r"S\.A\.R\.L\.?", r"S\.p\.A\.?", r"SpA", r"S\.r\.l\.?",
    r"Srl", r"S\.L\.", r"B\.V\.?", r"BV", r"N\.V\.?", r"NV", r"AS", r"ASA", r"A/S", r"AB",
    r"Oy", r"Oyj", r"ApS", r"KG", r"e\.V\.", r"Sàrl", r"Sagl",
    # a European company, an Irish designated activity company, a German partnership's partner
    # ('GmbH & Co. KG'), a Portuguese or Brazilian limitada
    r"SE", r"DAC", r"KGaA", r"& Co\.?", r"Lda\.?", r"Ltda\.?",
    # Central Europe's limited and joint-stock companies
    r"Sp\. z o\.o\.", r"sp\. z o\.o\.", r"S\.A\. de C\.V\.", r"s\.r\.o\.", r"a\.s\.", r"Kft\.?",
    r"Zrt\.?", r"d\.o\.o\.",
    # an Irish company limited by guarantee (as charities are)
    r"CLG",
)
# The forms that can stand at a name's end as an organisation word ('Acme Ltd'), without
# the ones that are also common words in capitals elsewhere ('AS', 'SA', 'AB', 'NV').
LEGAL_WORDS = r"SAS|SARL|Ltd|Inc|GmbH|LLC|plc|SCP|SELARL|Limited|Pvt|Pte|Pty|Sdn|Bhd|" \
              r"Corporation|Corp|LLP|S\.A\.|S\.p\.A|B\.V|N\.V|AG|Oyj|ApS"
# A form written with dots at a name's end: 'Pvt. Ltd.', 'Pte. Ltd.' (the name's own full stop)
LEGAL_DOT = re.compile(r"\b(?:Ltd|Co|Inc|Corp|Pte|Pvt|Pty|S\.A|S\.A\.S|B\.V|N\.V|S\.p\.A|e\.V|"
                       r"S\.L)\.$", re.I)
FORMS = "|".join(sorted(LEGAL_FORMS, key=len, reverse=True))
_LEGAL_FORM = re.compile(rf"(?:,?\s+(?-i:{FORMS}))+$")
def without_legal_form(name: str) -> str:
    """The name without the legal form written after it ('Usinage Beauce-Tech inc.')."""
    return _LEGAL_FORM.sub("", name).strip() or name


# A name ending in a legal form is a company's ('BOÎTES MÉRILLAT SA', 'Fjordline Subsea AS').
LEGAL_END = re.compile(rf"[\w.)],?\s+(?:{FORMS})$")


# A French company's form written before its name: 'SARL Pompes Funèbres Marchand', 'SNC
# Pharmacie Centrale de Vichy' (in capitals, as a register writes it): the forms also written
# after a name, and those written only before one.
LEADING_FORMS = (*_EITHER_SIDE, r"SNC", r"SELAS", r"SCI", r"SCEA", r"EARL", r"GAEC", r"GIE",
                 r"SEM", r"SPL")
_LEADING = "(?:" + "|".join(sorted(LEADING_FORMS, key=len, reverse=True)) + ")"  # as FORMS
LEADING_FORM = re.compile(rf"^{_LEADING}\s+(?=[A-ZÀ-Ý])")
_FORM_BEFORE = re.compile(rf"(?<!\w){_LEADING}\s+$")


def form_left_out(name: str, text: str) -> str:
    """The name without its legal form, before or after it, when the organisation also goes by
    the name alone: the text writes it so elsewhere, across a line's end too ('Shannon Grid
    Services DAC' and '... contacted by Shannon Grid⏎Services'). A name the text writes only
    with its form keeps it ('Banque Aubert & Cie SA'), even where its address spells the name
    without it (banque-aubert.ch): the corpus's convention (conventions.md)."""
    legal = LEADING_FORM.sub("", _LEGAL_FORM.sub("", name))
    if legal == name or len(legal) < 3:
        return name
    flat = re.sub(r"\s+", " ", text.replace(name, ""))
    elsewhere = next((m for m in re.finditer(
        rf"(?<![\w-]){re.escape(legal)}(?!\s*,?\s*(?:{FORMS})(?!\w))", flat, re.I)
        if not _FORM_BEFORE.search(flat[:m.start()])), None)
    if elsewhere:
        # (a logo's mixed case, 'GREENHOLLOW  pest solutions', is no writing of the name)
        logo = re.search(r"\b[A-Z]{2,}\b", elsewhere.group(0)) and re.search(r"\b[a-z]{3,}\b",
                                                                          elsewhere.group(0))
        return elsewhere.group(0) if legal.isupper() or legal.lower() == elsewhere.group(
            0).lower() and not elsewhere.group(0).isupper() and not logo else legal
    return legal if _short_name(legal, re.sub(r"[ \t]+", " ", text.replace(name, ""))) else name


def _short_name(legal: str, flat: str) -> bool:
    """Whether the text (its lines kept apart) calls the organisation by one of its proper
    words alone, or its first two, a name it never writes in lower case ('Northline Staffing
    Solutions Inc.' and 'on Northline's payroll', 'Les Jardineries Ombelle SAS' and 'Ombelle,
    c'est 22 jardineries'): it goes by its name without the form."""
    words = legal.split()
    if len(words) < 2:
        return False
    shorts = [" ".join(words[:2])] if len(words) > 3 else []
    # (not a town the name ends with: 'Petit Nid Vertou SAS' and 'à Vertou')
    shorts += [word for word in words if len(word) >= 5 and re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?", word)
               # (an address's 'careers@harbourline.co.uk' is no writing of the word)
               and not re.search(rf"(?<![\w@./-]){word.lower()}(?![\w@-]|\.\w)", flat)
               and not is_town(word)]
    # (alone: not a place's name before its region, 'Hoyland, Barnsley', nor a name of
    # other words, 'Asankrom Gold Mine', 'Magasin Ombelle Mérignac')
    # (nor a place after its preposition or its postcode or before its department, 'de
    # Vertou', '03200 Vichy', 'Vertou (44)')
    # (nor a town closing an address, '2 High Street, Millbrook')
    return any(not re.search(r"(?:[A-ZÀ-Ý][\w'’-]*|\b(?:de|à|du|near)|\b\d{4,5}|\d[^\n]*,) $",
                             flat[max(0, m.start() - 40):m.start()])
               and not re.match(r"\s*\((?:\d{2,3}|2[AB])\)", flat[m.end():])
               for short in shorts for m in re.finditer(
                   # (its possessive before a capital is its own: "Harbourline's Lymington marina")
                   rf"(?<![\w@./-]){re.escape(short)}(?:['’]s(?![\w@-])|(?![\w@-]|\.\w|,?[ \t]+[A-ZÀ-Ý0-9]))",
                   flat))


