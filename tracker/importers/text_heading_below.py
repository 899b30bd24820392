"""The organisation a heading's next line names ('Senior Accountant' over 'Northwind Retail
LLC', an e-mail's ad heading over 'Whitestone Outdoor Education Centre – Central Otago'): a
guess for the employer, surer when the text names it again (split from text_heading, whose
module grew past its size)."""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.importers.dates import fold
from tracker.importers.text_heading_lines import name_among_facts, skipped
from tracker.importers.text_names_forms import without_legal_form
from tracker.importers.text_names_header import _body_of, _named_later
from tracker.importers.text_names_sentence import at_line
from tracker.importers.text_names_words import _ACRONYM, _NAME_RE, _ORG
from tracker.importers.text_places import TOWN_AND_STATE


def name_below(below: str, text: str, lines: list[str],
               is_label: Callable[[str], bool]) -> tuple[str, str, float] | None:
    """(name, line, confidence) of the organisation the line under a heading names, if any."""
    # 'Job ID: 2918374 | Northwind Retail LLC': the name among a header's facts
    below, again = name_among_facts(below, text)
    ident = re.fullmatch(r"[^\s:][^:]{0,38}?\s{3,}\S*\d\S*", below)  # 'Posting Number   S02'
    if skipped(below, is_label) and re.match(r"[^:]{1,40}:", below) or ident \
            or TOWN_AND_STATE.match(below):  # ('Cedar Rapids, IA · Field Service': a place)
        below = ""  # 'Position Title:   X': a label's line names no organisation
    name = at_line(below) or _ACRONYM.sub("", _body_of(below)).strip()
    # 'Cabinet X, économistes de la construction depuis 1994': its trade after a comma
    # (a sentence's subject with its article is left to the rules reading sentences)
    if not re.match(r"(?:L['’]|Le |La |Les |The )", name):
        name = re.split(r",\s+(?!(?:the|de|du|des|la|le|les|and|et|of|for|d['’]|l['’]))"
                        r"(?=[a-zà-ÿ])", name)[0]
    bare = without_legal_form(name).replace(",", "")  # 'Usinage Beauce-Tech inc.'
    if not (name and _NAME_RE.match(bare) and not re.search(r"\d", name)):
        return None
    # (seen again in any case: 'la compagnie Les Ombres Portées' in a sentence)
    seen = sum(1 for other in lines if fold(bare) in fold(other)) > 1
    if len(name.split()) >= 2 or _named_later(name, text) or again:
        confirmed = seen or _ORG.search(name)
        return name, below, 0.7 if confirmed else 0.5
    return None
