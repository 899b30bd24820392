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
        if index + 1 < len(body) and not re.search(r"[.!?:;]\s*$", line) and len(line) >= 50 \
                and (body[index + 1][:1].islower() or re.search(
                    r"\s(?:de|du|des|la|le|les|à|et|of|the|and|for|d['’]|l['’])$", line)):
            lines.append(line + " " + body[index + 1])
    return lines


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
