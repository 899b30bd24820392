"""A posting read from plain text (or the text of a PDF), in French or English: every field
with the snippet it came from and a confidence; ambiguous or implausible dates flagged."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tracker.importers.base import ParsedPosting
from tracker.importers.dates import fold
from tracker.importers.requirements import (
    BAC,
    CEFR,
    LANGUAGE_WORDS,
    degree_in_text,
    education_level,
    linked_items,
    requirement,
)
from tracker.importers.sections import BULLET, Section, split_sections
from tracker.importers.text_contract import around, duration_beside_start, read_contract
from tracker.importers.text_dates import read_dates
from tracker.importers.text_employer import read_employer
from tracker.importers.text_fields_ids import read_ids
from tracker.importers.text_heading import read_title
from tracker.importers.text_money import read_contact
from tracker.importers.text_salary import read_salary

if TYPE_CHECKING:
    from tracker.importers.html_page import PageHints

MAX_CHARS = 200_000  # a posting is a few pages; the rest of a bigger file is not read

_FR_WORDS = re.compile(r"\b(le|la|les|des|du|de|et|pour|avec|une|dans|sur|vous|nous|votre|"
                       r"poste|est|au|aux)\b", re.I)
_EN_WORDS = re.compile(r"\b(the|and|of|to|with|for|you|will|this|role|an|be|in|at|is|are|we|"
                       r"our|your|closing|deadline|salary)\b", re.I)


def detect_language(text: str) -> str:
    """'fr' or 'en', by common words; a tie goes to French if French letters show."""
    sample = text[:6_000]
    french, english = len(_FR_WORDS.findall(sample)), len(_EN_WORDS.findall(sample))
    if french == english:
        return "fr" if re.search(r"[éèêàçùœ]", sample, re.I) else "en"
    return "fr" if french > english else "en"


# Labelled lines: field -> label patterns (folded text, at the start of a line or after a
# bullet). The value is what follows the label, or the next non-blank line.
_LABELS: dict[str, str] = {
    "title": r"intitule du poste|intitule|titre du poste|job title|position title|post title"
             r"|poste|position|vacancy title|role title|assignment title|title|mission"
             r"|role|fonction|intitule de la fonction|nom du poste|the (?:role|job|position)(?=\s*:\s*\S)",
    "hiring_organization_name": r"employeur|etablissement|organisation|organization|employer"
                                r"|structure|organisme|recruteur|recruiter|advertiser|company"
                                r"|entreprise|host entity"
                                r"|(?:host|hiring|employing) (?:organi[sz]ation|institution)"
                                r"|organi[sz]ation/company|association d'envoi|quel organisme"
                                r"|structure d'accueil|organisme d'accueil"
                                r"|company name|nom de l'entreprise|raison sociale|hiring company"
                                r"|employing (?:organi[sz]ation|authority|body)|hiring agency"
                                r"|agency|entite|entity|legal entity|hiring entity|filiale|societe"
                                # a start-up's questions: 'Qui ? Kapsul, la scale-up ...'
                                r"|qui(?= \?)"
                                # a territorial board's: 'Collectivité ..... SDIS DE L'AIN'
                                r"|collectivite(?: employeuse| territoriale)?|nom de la collectivite",
    "location": r"lieu d'exercice|lieu de travail|lieu|localisation|location|duty station"
                r"|based at|affectation|work location|residential location",
    "reference": r"reference de l'offre|reference (?:de l'|d'|de |l')?annonce|reference number|ref(?:erence)? no\.?|job requisition id"
                 r"|requisition id|numero de l'offre|reference|ref\.?|n° de l'offre|job ref(?:erence)?|offre n°"
                 r"|vacancy (?:no|number|reference)|job id|req(?:uisition)? id"
                 r"|announcement (?:number|no\.?)|job number|posting id|job posting id",
    "category": r"categorie|category|grade|corps|pay scale (?:&|and) grade"
                r"|(?:pay|salary|job) grade(?:\s*+/\s*+equivalent)?|grade level|series/grade",
    "date_posted": r"date de publication|publie le|publiee le|date de parution|placed on"
                   r"|posted on|posted|date posted|publication date|date of issue"
                   r"|opening date|open date|date opened|posting date|posting start date",
    "deadline": r"date limite de (?:candidature|depot|reception)[^:]{0,80}|date limite"
                r"|date de cloture|cloture des candidatures|closing date[^:]{0,80}|closing|closes"
                r"|applications close(?: on)?|deadline for applications"
                r"|application deadline|deadline|apply by|candidature avant le|date de fin de "
                r"publication|(?:offre )?visible jusqu'au|(?:job )?posting end date",
    "job_start_date": r"prise de poste|prise de fonctions?|date de prise de (?:poste|fonctions?)"
                      r"|poste a pourvoir (?:le|a compter du|au)|date de debut|debut du contrat"
                      r"|start date|target start date|starting date|start|date d'effet|expected start"
                      r" date|commencement date|offer starting date|date d'embauche(?: prevue)?"
                      r"|date de demarrage|demarrage|date de debut de (?:mission|stage|contrat)"
                      r"|expected start|indicative start|date available|available from"
                      r"|date prevue (?:du recrutement|de prise de poste)",
    "duration": r"duree du contrat(?: en mois)?|contract duration|duration of (?:the )?(?:assignment|"
                r"contract|appointment|mission|secondment)|period of (?:secondment|appointment|"
                r"employment|assignment)|duree de la mission|duree de l'engagement|duree de la mission|duree|duration|contract length"
                r"|length of contract|term|length|(?:apprenticeship|programme|placement) length"
                r"|length of (?:the )?(?:apprenticeship|programme|placement)",
    "working_time": r"quotite(?: de travail)?|temps de travail|working time|hours|working hours",
    "salary": r"remuneration|salaire|salary|traitement|pay|grade and salary|salary range"
              r"|pay range|base (?:pay|salary)(?: range)?|compensation|package|ctc|wages?|stipend"
              r"|gratification",
    "employment_type": r"type de contrat|nature du contrat|contrat|contract type|type of contract"
                       r"|type d'emploi|categorie de recrutement"
                       r"|hire type|job type|employment type|statut|contract|appointment type"
                       r"|terms of (?:appointment|employment)|terms|position type"
                       r"|type of (?:position|appointment|employment)|worker type|employee type",
    "interview": r"date des entretiens|date d'entretien|entretiens?|interview dates?|interviews?",
}
_LABEL_RES = {
    # Possessive spaces and a bounded aside: one try per line, no backtracking over a run.
    name: re.compile(rf"^(?:{pattern})\s*+(?:\([^)]{{0,80}}\)\s*+)?(?:(?:[:：]|\?\s)\s*(?P<value>.*)|"
                     rf"(?<=\s)(?P<digits>\d.*))$|^(?:{pattern})\s*+$", re.I)
    for name, pattern in _LABELS.items()
}


# Pictographs opening a line as its bullet: '🏢 Qui ? Kapsul', '📍 Lieu : Lyon'.
_PICTOGRAPHS = re.compile(r"^[\s\u2190-\u2bff\ufe0f\u200d\U0001f000-\U0001faff]+(?=\w)")


def _key(line: str) -> str:
    """A line without its bullet: a list's mark or pictographs."""
    return BULLET.sub("", _PICTOGRAPHS.sub("", line, count=1), count=1).strip()


def _is_label(folded: str) -> bool:
    key = _key(folded)
    return any(pattern.match(key) for pattern in _LABEL_RES.values())


# A person's name in a contact's block, above their own job title.
_PERSON_LABEL = re.compile(r"^(?:name|full name|contact(?: name| person)?|nom(?: et prenom)?|"
                           r"prenom et nom|interlocut(?:eur|rice)|personne a contacter)\s*:\s*\S")


# A section about the employer, and the name its first line labels.
_EMPLOYER_SECTION = re.compile(r"^(?:l['’]?\s*(?:etablissement|entreprise|employeur|structure)|"
                               r"(?:the |about the )?(?:employer|company|organi[sz]ation|establishment)|"
                               r"employeur|entreprise|etablissement|structure)\s*:?$")
_NAME_LABEL = re.compile(r"^(?:nom|name|raison sociale)\s*:\s*(?=\S)")


def _labelled(lines: list[str], folded: list[str]) -> dict[str, list[tuple[str, str]]]:
    """field -> [(value, snippet)] for every labelled line, in order."""
    found: dict[str, list[tuple[str, str]]] = {}
    for index, line in enumerate(folded):
        key = _key(line)
        named = _NAME_LABEL.match(key)
        if named and index and _EMPLOYER_SECTION.match(_key(folded[index - 1])):
            # 'L'ÉTABLISSEMENT' over 'Nom : Hôtel-Restaurant Les Mélèzes': the employer's name
            found.setdefault("hiring_organization_name", []).append(
                (lines[index].strip()[named.end():].strip(), lines[index].strip()))
            continue
        for name, pattern in _LABEL_RES.items():
            match = pattern.match(key)
            if not match:
                continue
            if name == "title" and index and _PERSON_LABEL.match(_key(folded[index - 1])):
                break  # 'Name: Gemma Ord' over 'Job title: Head of Retail': the contact's own
            group = "value" if match["value"] is not None else "digits"
            start = len(line) - len(key) + (match.start(group) if match[group] is not None
                                              else len(key))
            raw = _key(lines[index])
            value = lines[index].strip()[start - (len(line) - len(line.lstrip())):].strip() \
                if match[group] is not None else ""
            if not value:  # the value on the next non-blank line, unless it is another label
                value = next((lines[j].strip() for j in range(index + 1,
                              min(index + 4, len(lines))) if lines[j].strip()), "")
                if _is_label(fold(value)):
                    value = ""
                raw = f"{raw} {value}"
            if value:
                found.setdefault(name, []).append((value, raw))
            break
    return found


# Runs of blank lines and of spaces, cut to what layout can mean (a gap between paragraphs, a wide
# gap between columns): a rule reading "any space, then ..." would otherwise walk a long run again
# from each of its places, and a text made of such runs would take a time that grows with its
# square (a hostile upload of 600,000 line breaks took 37 s).
_BLANK_RUN = re.compile(r"\n(?:[ \t]*+\n){3,}")
_SPACE_RUN = re.compile(r"[ \t]{41,}")


# Leader dots between a label and its value, as a form or a flattened table writes them
# ('Société ............... Les Films de l'Estran', 'Poste . . . . . Chargé·e de ...'): a colon.
_LEADERS = re.compile(r"(?<=\S)[ \t]*+(?:\.[ \t]?){4,40}[ \t]*+(?=[^\s.])|(?<=\S)[ \t]*+…{2,40}[ \t]*+(?=\S)")


# A table's row of two cells, a label and its value, as a fiche de poste's table is pasted
# ('| Intitulé du poste | Éducateur sportif |'): a labelled line. A row of a rule ('|---|---|')
# is no text.
_TWO_CELLS = re.compile(r"^[ \t]*+\|?[ \t]*+(?P<label>[^|\n]{2,60}?)[ \t]*+\|[ \t]*+"
                        r"(?P<value>[^|\n]*?)[ \t]*+\|?[ \t]*+$")
_RULE_ROW = re.compile(r"^[ \t]*+\|(?:[ \t]*+:?-{3,}:?[ \t]*+\|)+[ \t]*+$")


def _table_rows(text: str) -> str:
    """The text with each table row of a label and its value written 'label : value'."""
    if "|" not in text and "│" not in text:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if "|" not in line and "│" not in line:
            continue
        line = line.replace("│", "|")  # (a table drawn with box lines)
        if _RULE_ROW.match(line):
            lines[index] = ""
            continue
        row = _TWO_CELLS.match(line)
        # (a cell holding a label and its value, 'Job ID: 2918374 | X', is no label's cell)
        if row and row["value"] and ":" not in row["label"] and _is_label(fold(row["label"])):
            lines[index] = f"{row['label']} : {row['value']}"
    return "\n".join(lines)


# A label, a wide gap and its value, as a table laid out with spaces writes it ('Employeur
# <spaces> CCAS DE PLOËRMEL', 'Date limite de candidature   02/04/2027').
_SPACED_CELLS = re.compile(r"^[ \t]*+(?P<label>[^\W\d_][^:|│\n]{1,50}?)[ \t]{3,}(?P<value>[^\s│|][^\n]*)$")


def _spaced_rows(text: str) -> str:
    """The text with each line of a label, a wide gap and a value written 'label : value'."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        row = _SPACED_CELLS.match(line) if "   " in line or "\t" in line else None
        # (a title's row is read by the heading's rules, which check that it names a post:
        # 'Position          Full-time' names none)
        if row and _is_label(fold(row["label"])) and not _LABEL_RES["title"].match(
                _key(fold(row["label"]))):
            lines[index] = f"{row['label'].strip()} : {row['value'].strip()}"
    return "\n".join(lines)


def bounded_blanks(text: str) -> str:
    """The text with at most two blank lines in a row (their spaces dropped) and at most 40
    spaces or tabs in a row."""
    text = _BLANK_RUN.sub("\n\n\n", text)
    return _SPACE_RUN.sub(lambda m: m.group(0)[:40], text)


def parse_text(text: str, *, language: str | None = None,
               hints: PageHints | None = None) -> ParsedPosting:
    """Read a posting from its text. Never raises on odd input; what is not found is absent.
    `hints`: a web page's structure (html_page), applied after the text rules."""
    text = text[:MAX_CHARS].replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\u202f", " ").replace("\x00", "")
    text = _spaced_rows(_table_rows(_LEADERS.sub(" : ", bounded_blanks(text))))
    lang = language or detect_language(text)
    lines = [line.rstrip() for line in text.split("\n")]
    folded = [fold(line) for line in lines]
    result = ParsedPosting()
    labelled = _labelled(lines, folded)
    sections = split_sections(lines)
    header, below_title, boards = read_title(result, lines, labelled, _is_label)
    read_employer(result, lines, labelled, header, below_title, boards)
    _simple_fields(result, labelled, text, lang)
    read_ids(result, lines)
    read_contract(result, labelled, text, lang)
    read_dates(result, labelled, lines, lang)
    duration_beside_start(result, text, lang)
    read_contact(result, lines, lang)
    read_salary(result, labelled, text)
    _sections(result, sections)
    _languages_and_education(result, lines)
    if hints is not None:
        from tracker.importers.html_hints import apply_hints
        apply_hints(result, hints, lang)
    return result


def _first(labelled: dict[str, list[tuple[str, str]]], name: str) -> tuple[str, str] | None:
    values = labelled.get(name)
    return values[0] if values else None


def _simple_fields(result: ParsedPosting, labelled: dict[str, list[tuple[str, str]]],
                   text: str, lang: str) -> None:
    location = _first(labelled, "location")
    if location and len(location[0]) <= 300:
        result.add("location", location[0].strip(" ."), location[1], 0.8)
    reference = _first(labelled, "reference")
    # (on one line: 'Remote job' / 'No' / 'Telework eligible' is no 'job no.')
    direct = re.search(r"\b(?:offre|vacancy|job|poste)(?:[ \t]++[A-Z]{2,5})?[ \t]*+(?:n°|no\b\.?|"
                       r"number|#)[ \t]*+:?[ \t]*+([A-Z0-9][A-Za-z0-9._/-]{0,58}\d[A-Za-z0-9._/-]*)",
                       text, re.I) or re.search(
        r"\b(?i:ref|réf)\.\s*+:?\s*+([A-Z0-9][A-Za-z0-9._/-]{0,40}\d[A-Za-z0-9._/-]{0,20})", text)
    if direct:
        result.add("reference", direct.group(1).rstrip("."), around(text, direct), 0.85)
    elif reference:
        match = re.match(r"[A-Za-z0-9][A-Za-z0-9._/-]{1,59}", reference[0])
        if match and re.search(r"\d", match.group(0)):
            result.add("reference", match.group(0).rstrip("."), reference[1], 0.8)
    match = re.search(r"\bcat[ée]gorie\s*+:?\s*+([ABC])(?:\+|\b)", text, re.I)
    if match:
        result.add("category", match.group(1).upper(), around(text, match), 0.95)
    else:
        category = _first(labelled, "category")
        if category and len(category[0]) <= 40:
            # 'GS 7 (promotion potential 11)', 'GS-2210-12 | Salary | ...': the grade alone
            value = re.split(r"\s\(|\s\|\s", category[0])[0].strip(" .")
            # ('Category  Quality': a careers site's job family, one word without a figure,
            # is no grade; 'Grade: Senior Executive Officer' is)
            family = re.match(r"\W*categor", fold(category[1])) and re.fullmatch(
                r"[^\W\d_]{4,}(?:\s*[&/,]\s*[^\W\d_]+)*", value)
            if not family:
                result.add("category", value, category[1], 0.6)


def _sections(result: ParsedPosting, sections: list[Section]) -> None:
    texts: dict[str, list[str]] = {}
    for section in sections:
        if section.name in ("missions", "context", "working_conditions", "benefits"):
            body = section.text()
            if body:
                texts.setdefault(section.name, []).append(body)
        if section.name != "requirements":
            continue
        confidence = 0.6 if section.kind == "mixed" else 0.85
        read = [(found, item) for item in section.items()
                for found in [requirement(item, section.kind or "mixed", section.required)]
                if found]
        linked_items([found for found, _ in read])
        for found, item in read:
            result.add("requirements", found, f"{section.heading.strip()} | {item}", confidence)
    for name, bodies in texts.items():
        joined = "\n\n".join(bodies)
        result.add(name, joined, joined[:200], 0.7)


def _languages_and_education(result: ParsedPosting, lines: list[str]) -> None:
    kinds = {item["kind"] for item in result.items("requirements")}
    if "language" not in kinds:
        for line in lines:
            cefr = CEFR.search(line)
            if cefr and LANGUAGE_WORDS.search(line) and len(line) < 300:
                found = requirement(line.strip(), "language", True)
                if found and found["level"]:
                    result.add("requirements", found, line, 0.6)
    if "education" not in kinds:
        for line in lines:
            match = BAC.search(line)
            if match and len(line) < 300:
                label = BULLET.sub("", line).strip(" ,;:.")
                result.add("requirements", {"kind": "education", "label": label,
                                            "level": education_level(label), "required": True},
                           line, 0.6)
                break
        else:
            degree = degree_in_text(lines)
            if degree:
                result.add("requirements", {"kind": "education", "label": degree[0],
                                            "level": degree[1], "required": True}, degree[0], 0.6)
