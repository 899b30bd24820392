"""The employer's name in the places a hurried reading misses: a line opening with a
pictograph, a sentence wrapped over two lines or naming a branch after a dash, a possessive
before the name, and last the name the contact address's domain spells."""

from __future__ import annotations

import re
import unicodedata

from tracker.importers.dates import fold
from tracker.importers.text_names_check import plausible_org
from tracker.importers.text_names_layout import contact_addresses, matches_domain, post_word
from tracker.importers.text_names_words import _GENERIC_LABELS, _NAME

_SMALL = {"of", "the", "and", "for", "de", "du", "des", "la", "le", "les", "et", "en", "sur"}


def undecorated(line: str) -> str:
    """A line without the pictographs that open it ('🎨 ', '📍 ', '✅ ')."""
    index = 0
    while index < len(line) and (unicodedata.category(line[index]) in ("So", "Sk", "Cf")
                                 or line[index] in " \ufe0f" and index):
        index += 1
    return line[index:] if index and line[index:].strip() else line


def wrapped(body: list[str]) -> list[str]:
    """Each line, and after it the line joined to the next when its sentence runs on past the
    wrap ('L'Alliance française de X, association ... membre du⏎réseau ..., recrute un(e)')."""
    lines = []
    for index, line in enumerate(body):
        lines.append(line)
        # ('Harvest Lane Market - Store 31 (Ames, IA) is hiring': the branch after a dash)
        branch = re.match(rf"^({_NAME})\s+[-–—]\s+(?!(?i:nos|notre|our|vos|your)\b)[A-ZÀ-Ý]"
                          r"[^()\n–—-]{0,40}?\s*(?=\(|(?:is|are|recrute|recrutent)\b)", line)
        if branch:
            lines.append(branch.group(1) + " " + line[branch.end():])
        # (a classified ad's name on its line, its verb opening the next: 'HÔTEL LES TAMARIS –
        # SAINT-JEAN-DE-LUZ' over 'recherche pour la saison 2027')
        if index + 1 < len(body) and _VERB_FIRST.match(body[index + 1]) and len(line) < 50:
            lines.append(re.split(r"\s+[–—-]\s+", line)[0] + " " + body[index + 1])
        # (over three lines too: 'Le Centre équestre X, à Y (Calvados), club de⏎260 licenciés
        # ..., avec une activité de⏎pension (45 chevaux ...), recrute son')
        joined = line
        for after in body[index + 1:index + 3]:
            if not _runs_on(joined.rsplit("\n", 1)[-1], after):
                break
            joined = joined + "\n" + after
            lines.append(joined.replace("\n", " "))
    return lines


_VERB_FIRST = re.compile(r"(?:recherche|recrute|cherche|engage|embauche|seeks|requires|is hiring|"
                         r"is seeking|is looking for|is recruiting)\b")


def _runs_on(line: str, after: str) -> bool:
    """Whether a line's sentence runs on to the next line."""
    return not re.search(r"[.!?:;]\s*$", line) and len(line) >= 50 and (after[:1].islower() or re.search(
        r"\s(?:de|du|des|la|le|les|à|et|of|the|and|for|d['’]|l['’])$", line) is not None)


# A possessive opening a name is the sentence's: 'Votre Proxélia de X', 'Our Riverside Café'
# speak to the reader; 'Its Foreign Policy Program', 'Son service RH' point back at the body
# the sentence before names.
_SPEAKING = re.compile(r"^(?:votre|notre|nos|vos|your|our)\s+(?=[A-ZÀ-Ý])", re.I)
_POINTING = re.compile(r"^(?:its|their|son|sa|ses|leur|leurs)\s+(?=[A-ZÀ-Ý])", re.I)
_IS_A = re.compile(rf"(?:^|[.!?]\s+|\n)(?:The\s+|Le\s+|La\s+|Les\s+|L['’])?({_NAME})"
                   r"(?:\s*\([^)]{1,60}\))?,?\s+(?:is|are|was|est|sont|a été)\s")


def possessive_off(name: str, text: str) -> str:
    """The name without the possessive a sentence put before it; for 'Its X', the body the
    text named just before, whose unit X is ('The Meridian Council ... is a think tank. Its
    Foreign Policy Program seeks interns')."""
    if _SPEAKING.match(name):
        return _SPEAKING.sub("", name)
    if not _POINTING.match(name):
        return name
    at = text.find(name)
    before = [m.group(1) for m in _IS_A.finditer(text[max(0, at - 600):at])] if at > 0 else []
    return before[-1] if before else _POINTING.sub("", name)


def domain_words(text: str) -> list[tuple[str, str, float]]:
    """The name whose words the contact address's domain spells, with a connector or a word
    left out ('Garage du Val de Sèvre' for garage-valdesevre.fr, 'Cabinet Martel Immobilier'
    for cabinet-martel-immo.fr): a guess below the others, the longest such name first."""
    for match in contact_addresses(text):
        domain = match.group(0).rsplit("@", 1)[-1].lower()
        label = re.sub(r"[^a-z0-9]", "", ".".join(domain.split(".")[:-1]))
        if len(label) < 5 or any(part in _GENERIC_LABELS for part in domain.split(".")[:-1]):
            continue
        names = []
        for found in re.finditer(_NAME, text):
            words = found.group(0).split("\n")[0].split()
            for size in range(min(len(words), 6), 1, -1):
                for start in range(0, len(words) - size + 1):
                    name = " ".join(words[start:start + size]).strip(" ,.")
                    # each word spelled by the domain counts, each other word counts against
                    spelled = [w in label or w[:3] in label for w in re.findall(
                        r"[a-z0-9]{3,}", fold(name)) if w not in _SMALL]
                    if sum(spelled) >= 2 and 2 * sum(spelled) > len(spelled) \
                            and plausible_org(name) and not post_word(name) \
                            and matches_domain(name, [label]):
                        names.append((2 * sum(spelled) - len(spelled), -size, -found.start(),
                                      name))
        if names:
            best = max(names)
            return [(best[3], best[3], 0.55)]
    return []


def from_capitals(name: str, text: str = "") -> str:
    """A header's name in capitals as a name is written: 'THE UNIVERSITY OF OTAGO' is 'The
    University of Otago'; short words that are no connectors stay acronyms ('LLP', 'FC'),
    unless the text writes them as words ('LE FIL ROUGE' and 'Le Fil Rouge gère ...'); the
    text's own spelling when it writes the name otherwise too; an elided article in lower case
    ('DE L'AIN' is 'de l'Ain')."""
    key = fold(name)
    for line in text.split("\n"):
        folded = fold(line)
        at = folded.find(key)
        if at >= 0 and len(folded) == len(line) and not line[at:at + len(name)].isupper():
            return name[:1] + line[at + 1:at + len(name)]  # ('THE X', 'in the X': 'The X')
    words = []
    for index, word in enumerate(name.split()):
        low = word.lower()
        as_word = word[:1] + low[1:]
        elided = re.match(r"([DL])['’](\w.*)", word)
        if elided and index:
            words.append(elided[1].lower() + word[1] + elided[2][:1] + elided[2][1:].lower())
        elif low in _SMALL and index and not (index == 1 and low in ("le", "la", "les")):
            words.append(low)  # (an article second opens a name: 'HÔTEL LES EMBRUNS')
        elif len(word) <= 3 and low not in _SMALL and not (
                len(word) >= 2 and re.search(rf"(?<![\w-]){re.escape(as_word)}(?![\w-])", text)):
            words.append(word)
        else:  # each part of a hyphenated name ('DUBOIS-VERMOT' is 'Dubois-Vermot', its
            # connectors in lower case: 'SAINT-ALBAN-DU-LAC' is 'Saint-Alban-du-Lac')
            words.append("-".join(part.lower() if at and part.lower() in _SMALL else
                                  part[:1] + part[1:].lower()
                                  for at, part in enumerate(word.split("-"))))
    return " ".join(words)


def item_goes_on(lines: list[str]) -> set[str]:
    """The lines that carry on a list's item, indented under it ('- Master of Occupational
    Therapy ... accredited by the Canadian' / '  Association of Occupational Therapists')."""
    shown = [line for line in lines if line.strip()]
    return {line.strip() for before, line in zip(shown, shown[1:], strict=False)
            if re.match(r"\s*[-•▪*–]\s", before) and re.match(r"\s{2,}\S", line)
            and not re.search(r"[.;:!?]\s*$", before)}


def name_begun(name: str, line: str, body: list[str]) -> str:
    """A name that opens its line with its first words at the end of the line before ('...,
    Alpes Foncier' / 'Géomètres-Experts recrute :'): whole."""
    shown = [other.strip() for other in body]
    if line not in shown or not line.startswith(name) or not shown.index(line):
        return name
    before = shown[shown.index(line) - 1]  # (the line just above, not past a blank one)
    if re.match(r"[\w .'’/-]{1,30}:\s", before):
        return name  # ('Réf. : MAINT-EL-27-02' above: a label's value)
    begun = re.search(r"[,;:)]\s+((?:[A-ZÀ-Ý][\w'’&-]+\s+){0,2}[A-ZÀ-Ý][\w'’&-]+)$", before)
    return f"{begun.group(1)} {name}" if begun else name
