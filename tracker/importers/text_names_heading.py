"""Parts of a heading a reader weighs apart from the post's name: a post and its field written
with a colon ('Team Leader: Inbound Customer Care'), the employer written after the post in a
bulletin's item, and a bilingual heading's two names of one post."""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.importers.dates import fold
from tracker.importers.text_names_layout import post_word
from tracker.importers.text_names_words import _NAME_RE, _ORG
from tracker.importers.text_places import is_place

# Who a line names after a colon, not a post's field: 'Hiring Manager: Jane Doe'.
_PERSON_LABEL = re.compile(r"^(?:hiring|line|reporting)\s+manager|recruiter|supervisor|contact|"
                           r"reports?\s+to|responsable\s+hi[ée]rarchique", re.I)


def post_colon(line: str, is_label: Callable[[str], bool]) -> bool:
    """'Team Leader: Inbound Customer Care', 'Deputy Director: Supply Chain Management': a post
    and its field, not a label and its value (the words before the colon name a post)."""
    before, _, after = line.partition(":")
    # ('Headteacher: Mrs J. Holroyd': the person who holds a post)
    person = re.match(r"\s*(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Mme|Mlle|M)\.?\s|[A-Z]\.\s?[A-Z])", after)
    return bool(post_word(before) and not person and not is_label(fold(before.strip()))
                and not _PERSON_LABEL.match(before.strip()))


def employer_after(title: str, text: str) -> str:
    """'APPRENTICE ACCOUNTS TECHNICIAN – Pemberton & Shah Chartered Accountants, Bury St
    Edmunds': the organisation (and its town) after a dash, when the text names it again
    elsewhere and the part before names a post."""
    head, _, tail = title.rpartition(" – ") if " – " in title else title.rpartition(" — ")
    name, comma, town = (part.strip() for part in tail.partition(","))
    # (a unit after the post names it: 'Data Analyst – Planned Care'; a name and its town is
    # an organisation)
    town_like = is_place(town) or re.fullmatch(r"[A-ZÀ-Ý][\w'’.-]*(?:[ -][A-ZÀ-Ý][\w'’.-]*){0,2}",
                                                town) and not _ORG.search(town)
    if not head or not comma or not town_like or not post_word(head) or post_word(name) \
            or not _NAME_RE.match(name) or len(name.split()) < 2:
        return title
    rest = text.replace(title, "")
    # ('APPRENTICE X – Pemberton & Shah Accountants, Bury': the post in capitals, the name not)
    # ('DU 1er DEGRÉ': an ordinal's ending is in lower case in a heading in capitals)
    capitals = re.sub(r"\d+(?:er|re|e|ème|eme|nd|st|rd|th)\b", "", head)
    cased = capitals.isupper() and not name.isupper()
    return head.strip() if cased or re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", rest) \
        else title


def one_language(title: str, text: str) -> str:
    """'Cynorthwyydd Domestig | Domestic Assistant': a bilingual heading, the post named in two
    languages; the one the text goes on in (it names the post again) is the title."""
    parts = [part.strip() for part in re.split(r"\s+\|\s+", title)]  # ("A / B": its two forms)
    if len(parts) != 2 or not all(parts):
        return title
    rest = fold(text.replace(title, ""))
    again = [part for part in parts if re.search(rf"(?<![\w-]){re.escape(fold(part))}(?![\w-])", rest)]
    return again[0] if len(again) == 1 and post_word(again[0]) else title
