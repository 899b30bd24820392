"""A posting's text cut into sections by its headings ('MISSIONS', '• Savoir-faire :',
'Essential criteria'), and the bulleted items of each section joined across wrapped lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.importers.dates import fold
from tracker.models.enums import RequirementKind as K

BULLET = re.compile(r"^\s*(?:[-–—•▪◦●○■□✓✔➢►▸*·]|o(?=\s)|\d{1,2}[.)](?=\s))\s*")

# Section names: folded heading text (no accents, lower case, no final colon) -> what it holds.
# A requirement heading gives the kind of its items ("mixed": guessed item by item) and
# whether they are required ("desirable" headings are not).
_REQUIREMENT_HEADINGS: dict[str, tuple[str, bool]] = {}
for kind, required, names in [
    (K.TECHNICAL_SKILL, True, "competences techniques|competences specifiques|savoirs techniques"
     "|competences informatiques|technical skills|technical competencies"),
    (K.KNOWLEDGE, True, "connaissances|savoirs|connaissances requises|knowledge"),
    (K.KNOW_HOW, True, "savoir-faire|savoir faire|savoir-faire operationnels"
     "|competences operationnelles|skills and abilities|abilities|know-how"),
    (K.SOFT_SKILL, True, "savoir-etre|savoir etre|savoir-etre professionnels|qualites requises"
     "|qualites personnelles|qualites|aptitudes|competences comportementales"
     "|soft skills|personal qualities|behavioural competencies|competencies|core competencies"),
    (K.EDUCATION, True, "niveau d'etudes|niveau d’etudes|diplome|diplomes|diplome requis"
     "|niveau de diplome|formation|education|qualifications and education"),
    (K.EXPERIENCE, True, "experience|experiences|experience professionnelle|experience requise"
     "|work experience"),
    (K.LANGUAGE, True, "langues|langue|languages|language|language requirements"
     "|required language(s)"),
    ("mixed", True, "competences professionnelles|competences|competences requises"
     "|competences attendues|profil|profil recherche|profil du candidat|profil souhaite"
     "|connaissances et competences|niveau d'etudes et experience|niveau d’etudes et experience"
     "|qualifications|exigences|requirements|essential criteria|essential|essential requirements"
     "|essential skills|required qualifications|minimum qualifications|person specification"
     "|skills and experience|about you|you will have|key skills|skills|selection criteria"
     "|required skills|knowledge, skills and abilities|education and experience"
     "|qualifications and experience|requirements and qualifications|who you are"
     "|basic qualifications|minimum requirements|required experience|what you bring"),
    ("mixed", False, "desirable criteria|desirable|desirable skills|preferred qualifications"
     "|nice to have|would be an advantage|atouts|competences appreciees"
     "|preferred skills|preferred experience|bonus points|nice-to-have|pluses"),
]:
    for name in names.split("|"):
        _REQUIREMENT_HEADINGS[name] = (str(kind), required)

_OTHER_HEADINGS: dict[str, str] = {}
for kind, names in [
    ("missions", "missions|missions principales|activites|activites principales"
     "|missions et activites|description du poste|descriptif du poste|vos missions"
     "|responsibilities|key responsibilities|main duties|duties|duties and responsibilities"
     "|job purpose|the role|role|job summary|main responsibilities|tasks|your tasks"
     "|what you will do|job description|overview of the role|purpose of the role"),
    ("context", "environnement et contexte de travail|environnement et contexte|contexte|environnement|presentation"
     "|environnement du poste|contexte du recrutement|contexte du poste"
     "|positionnement|about us|background|the organisation|about the organisation"
     "|organizational setting|organizational setting and work relationships|context"
     "|presentation de l'etablissement|presentation de la structure|le service|the department"),
    ("working_conditions", "conditions particulieres d'exercice|conditions particulieres d’exercice"
     "|conditions d'exercice|conditions d’exercice|conditions de travail|working conditions|contraintes"
     "|special conditions|contraintes du poste"),
    ("benefits", "avantages|we offer|what we offer|benefits|remuneration et avantages"),
    ("contact", "contact|contacts|candidature|candidatures|how to apply|application|to apply"
     "|modalites de candidature|pour postuler|application process|pour candidater"),
    ("nature", "nature du poste|informations generales|details|job details|poste"),
]:
    for name in names.split("|"):
        _OTHER_HEADINGS[name] = kind

# Each heading's place in its table, so that a lookup finds what a scan in order would.
_ORDER = {id(table): {name: position for position, name in enumerate(table)}
          for table in (_REQUIREMENT_HEADINGS, _OTHER_HEADINGS)}


@dataclass
class Section:
    name: str  # 'missions', 'context', ..., 'requirements', 'other' or 'top' (before any)
    heading: str
    kind: str | None = None  # requirement kind, or 'mixed'
    required: bool = True
    lines: list[str] = field(default_factory=list)

    def items(self) -> list[str]:
        """The section's items: bullets joined with the lines that continue them; without any
        bullet, each paragraph (lines joined until one ends a sentence)."""
        lines = [line for line in self.lines if line.strip()]
        items: list[str] = []
        if any(BULLET.match(line) for line in lines):
            groups: list[list[str]] = []  # joined once at the end, not at each line
            current: list[str] | None = None
            after_blank = False
            for line in self.lines:
                if not line.strip():
                    after_blank = True
                    continue
                if BULLET.match(line):
                    current = [BULLET.sub("", line, count=1)]
                    groups.append(current)
                elif current is None or (after_blank and not line.strip()[0].islower()):
                    current = None  # an introduction, or a paragraph after the list
                    after_blank = False
                    continue
                else:
                    current.append(line)
                after_blank = False
            items = [" ".join(" ".join(group).split()) for group in groups]
        else:
            current = []
            for line in lines:
                current.append(line)
                if line.rstrip().endswith((".", ";", ":")) or len(line) < 60:
                    items.append(" ".join(" ".join(current).split()))
                    current = []
            if current:
                items.append(" ".join(" ".join(current).split()))
        return [item for item in items if item]

    def text(self) -> str:
        """The section as text: paragraphs joined, bullets as '- ' lines."""
        out: list[list[str]] = []  # paragraphs as lists of lines, joined once at the end
        for line in self.lines:
            if not line.strip():
                if out and out[-1]:
                    out.append([])
                continue
            if BULLET.match(line):
                out.append(["- " + BULLET.sub("", line, count=1).strip()])
            elif out and out[-1]:
                out[-1].append(line.strip())
            else:
                out.append([line.strip()])
        return "\n".join(" ".join(paragraph) for paragraph in out).strip()


def _heading_key(line: str) -> str:
    text = BULLET.sub("", line.strip(), count=1)
    text = re.sub(r"\s*[:：]\s*$", "", text).strip()
    return fold(" ".join(text.split()))


def heading_of(line: str) -> Section | None:
    """The section a heading line opens, or None if the line is no heading."""
    stripped = line.strip()
    if not stripped or len(stripped) > 80:
        return None
    key = _heading_key(stripped)
    letters = [c for c in stripped if c.isalpha()]
    shouting = len(letters) >= 4 and all(c.isupper() for c in letters) and len(key.split()) <= 10
    found = _REQUIREMENT_HEADINGS.get(key)
    if found:
        return Section("requirements", stripped, found[0], found[1])
    if key in _OTHER_HEADINGS:
        return Section(_OTHER_HEADINGS[key], stripped)
    if shouting and re.search(r"\s[·|]\s", stripped):  # 'JOB DESCRIPTION · REF-12': a header
        return Section("other", stripped)
    if shouting:  # 'COMPETENCES TECHNIQUES ET SAVOIRS': a known heading it starts with
        words = key.split()
        starts = [" ".join(words[:n]) for n in range(1, len(words))]
        for table in (_REQUIREMENT_HEADINGS, _OTHER_HEADINGS):
            known = [name for name in starts if name in table and len(name) > 6]
            if known:  # the first in the table's order, as a scan of the table would find
                name = min(known, key=_ORDER[id(table)].__getitem__)
                if table is _OTHER_HEADINGS:
                    return Section(_OTHER_HEADINGS[name], stripped)
                kind, required = _REQUIREMENT_HEADINGS[name]
                return Section("requirements", stripped, kind, required)
        return Section("other", stripped)
    return None


def split_sections(lines: list[str]) -> list[Section]:
    sections = [Section("top", "")]
    for line in lines:
        opened = heading_of(line)
        if opened is not None:
            parent = sections[-1]
            # A sub-heading ('• Savoir-faire') inside a requirement section stays one.
            if opened.name == "other" and parent.name == "requirements":
                opened = Section("requirements", opened.heading, "mixed", parent.required)
            sections.append(opened)
        else:
            sections[-1].lines.append(line)
    return sections
