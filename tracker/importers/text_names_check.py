"""What a reader checks before taking a line for a post's name or an organisation's, whatever
rule offered it: a post is named by a short noun phrase, never a number, an address, a grade
or category alone, a list item, a sentence's fragment or a label; an organisation is named by
a name, never a place alone, an annex, a label or a stray word. And how a name is written once
found: without the label a flattened table kept before it, its bracketed acronym, a legal form
the text also leaves out, a place added after a comma, a leading English "The", an aside."""

from __future__ import annotations

import re

from tracker.importers.dates import fold
from tracker.importers.text_names_forms import ORG_NOUN, form_left_out
from tracker.importers.text_names_full import (
    LINKING,
    NUMBERED_ACRONYM,
    acronym_in_full,
    fuller,
    town_after,
)
from tracker.importers.text_places import is_country, is_place

# A street address: a number, up to three words, the kind of street ('12 rue des Lilas', '4500
# Main Street', 'Unit 4, 12 Mill Road'): one recogniser for every rule that meets one (a title
# that is an address, a letterhead giving a name then its address).
STREET = r"(?i:unit\s+\d+\w?,?\s+)?\d{1,5}\w?\s*,?\s+(?:[\w'’-]+\s+){0,3}?(?i:rue|avenue|av\.|" \
         r"boulevard|bd|chemin|all[ée]e|route|quai|impasse|place|street|st\.?|road|rd\.?|lane|" \
         r"drive|way|square|parade|terrace|highway|hwy|blvd)\b"
# An address or a post-office box: 'P. O. Box GP 1620, Accra', 'BP 1234 Dakar', a street, '75013
# Paris'.
_ADDRESS = re.compile(
    r"\b(?:p\.?\s?o\.?\s?box|post office box|private bag|b\.?p\.?\s+\d|boite postale|"
    rf"digital address|cedex)\b|^{STREET}|^\d{{5}}\s+[a-z]")
# A category, grade or pay band standing alone: 'Catégorie C', 'Grade 7', 'Level 11', 'GS-12'.
_GRADE_ALONE = re.compile(
    r"^(?:categorie|category|cat\.|grade|level|niveau|band|scale|echelon|classe|class|"
    r"job group|pay grade)\s+[\w+/.-]{1,6}$|^[a-z]{2}-\d{1,4}(?:-\d{1,4})*$")
# A fragment of a sentence: it starts with a conjunction, a pronoun or a verb's object.
_FRAGMENT = re.compile(r"^(?:ou|or|et|and|mais|but|qui|who|which|que|that|dont|to|with|avec|"
                       r"nous|we|vous|you|il|elle|they)\s", re.I)
# A counter or a page's number: 'Texte 87 sur 112', 'Page 2 of 5'.
_COUNTER = re.compile(r"\b\d+\s*(?:sur|of|/)\s*\d+\b")
# Words that label a field, not its value.
_LABEL_ONLY = re.compile(r"^(?:intitule(?: du poste)?|titre(?: du poste)?|job title|position|"
                         r"poste|title|role|fonction|employeur|employer|organisation|"
                         r"organization|structure|company|entreprise)\s*[:|]?$")


# A document's part: 'ANNEXURE C', 'Annexe 2', 'Appendix B'.
_ANNEX = re.compile(r"^(?:annex(?:ure|e)?|appendix|schedule|attachment|piece jointe|section)"
                    r"\s+[\w.-]{1,6}$")


# Running text: a long line that breaks off on a small word ('... and giving a') or speaks to
# the reader or for the team ('vous prendrez', 'We're looking for').
_DANGLING = re.compile(r"\s(?:et|and|a|an|the|to|of|de|des|du|la|le|les|un|une|à|pour|for|with|"
                       r"or|ou|those|these|their|our|in|en|sur|on|that|que|qui|dont|by|par)$", re.I)
_ADDRESSED = re.compile(r"\b(?:vous|you|we|nous|we're|you'll)\b", re.I)


def _running_text(value: str) -> bool:
    return len(value.split()) >= 8 and bool(_DANGLING.search(value) or _ADDRESSED.search(value))


def plausible_title(value: str) -> bool:
    """Whether a value can name a post: words, not a number, an address, a grade alone, a list
    item, a sentence's fragment or a bare label."""
    stripped = value.strip()
    key = fold(stripped).strip(" .:")
    return bool(re.search(r"[^\W\d_]{2}", stripped)) and not (
        _ADDRESS.search(key) or _GRADE_ALONE.match(key) or _FRAGMENT.match(stripped)
        or _COUNTER.search(key) and len(key.split()) <= 5
        or _LABEL_ONLY.match(key) or re.match(r"^[•▪◦●■✓✔➢►▸*]", stripped)
        or _ANNEX.match(key) or _running_text(stripped)
        or len(stripped.split()) > 18)


# A flattened table's label kept with its value: 'Intitulé du poste | Journaliste ...'.
_TABLE_LABEL = re.compile(
    r"^(?:intitule(?: du poste| de la fonction)?|titre du poste|nom du poste|job title|"
    r"position title|post title|vacancy title|role title|title|poste|position|fonction)"
    r"\s*\|\s*(?=\S)")
_EMPLOYER_TABLE_LABEL = re.compile(
    r"^(?:employeur|employer|organisation|organization|structure|organisme|recruteur|company|"
    r"entreprise|etablissement|hiring organi[sz]ation|collectivite)\s*\|\s*(?=\S)")


def table_value(line: str, employer: bool = False) -> str | None:
    """The value of a title's (or an employer's) row in a table flattened with '|'."""
    stripped = line.strip()
    match = (_EMPLOYER_TABLE_LABEL if employer else _TABLE_LABEL).match(fold(stripped))
    if not match:
        return None
    value = stripped[match.end():].split(" | ")[0].strip()
    return value or None


# An annex, an appendix, a label or a document's part, never an employer.
_NOT_ORG = re.compile(r"^(?:annex(?:ure|e)?|appendix|schedule|attachment|piece jointe|"
                      r"section|part|partie|article|item|page|ref(?:erence)?|re|fw|fwd|tr|"
                      r"objet|subject)\b(?:\s+[\w.-]{1,6})?$")


def plausible_org(name: str) -> bool:
    """Whether a value can name an organisation: a name, not a place alone, an annex, a label
    or a stray short word."""
    key = fold(name.strip()).strip(" .,:")
    if len(key) < 3 or not name.strip()[:1].isupper() and not name.strip()[:1].isdigit():
        return False
    return not (_NOT_ORG.match(key) or _LABEL_ONLY.match(key) or names_place(name)
                or _branch_only(name))


# 'Agence de Loudéac', 'Rouen branch', 'Antenne de Brest': a branch named by its town alone is a
# unit of the organisation whose name it leaves out, never the employer.
_BRANCH = re.compile(r"(?i)^(?:(?:notre\s+|our\s+)?(?:agence|antenne|succursale|bureau|branch|"
                     r"office|depot|d[ée]p[ôo]t)\s+(?:de\s+|d['’]\s*|du\s+|des\s+|of\s+)?"
                     r"(?P<town>.+)|(?P<before>.+?)\s+(?:branch|office|depot|agency))$")


def _branch_only(name: str) -> bool:
    match = _BRANCH.match(name.strip())
    town = match and (match["town"] or match["before"])
    return bool(town and is_place(town.strip()))


# A business or industrial estate (folded): where a firm is, never who it is.
_ESTATE = re.compile(r"(?:z\.?a\.?c?|z\.?i\.?|zone (?:artisanale|industrielle|commerciale|"
                     r"d'activites?)|parc d'activites?|industrial estate|business park|trading "
                     r"estate)\b")


def names_place(name: str) -> bool:
    """A place alone: a country, or a town and its country ('Abu Dhabi, United Arab
    Emirates'), or a business estate."""
    folded = fold(name)
    parts = [p.strip() for p in folded.strip(" .,:").split(",") if p.strip()]
    if _ESTATE.match(folded):
        return True  # 'ZA de Grézan', 'Parc d'activités de X': a business estate, an address
    return bool(parts) and bool(
        is_country(parts[-1]) and (len(parts) == 1 or len(parts) == 2 and len(
            parts[0].split()) <= 2 and not ORG_NOUN.search(parts[0])))


def addressed_town(name: str, text: str) -> bool:
    """Whether a name is the town of an address, after its postcode ('Le Brassus (VD)' in a
    heading's facts and '1348 Le Brassus · Suisse' in the footer)."""
    # (not a copyright's year: '© 2027 Mendip Hills Zoo ·')
    return re.search(rf"(?im)(?<![©\d])(?<!© )(?<!\(c\) )(?<!copyright )\b\d{{4,5}}[ \t]+{re.escape(name)}"
                     rf"[ \t]*(?:$|[·|,–—(]|cedex\b)", text) is not None


# ('(Fjordhavn IKS)': a short name and its form in brackets is the name's other writing)
_ACRONYM_AFTER = re.compile(r"\s*\((?:[A-Z][A-Za-z&.-]{1,11})(?:\s[A-Z]{2,5})?\)$|\s+[A-Z]{2,6}$")


def clean_org(name: str, text: str) -> str:
    """An organisation's name as a reader writes it down: without an aside after a comma or in
    brackets, its acronym after it (when the words before it are the full name), a legal form
    the text also leaves out, a place added after a comma, a leading English 'The'."""
    # 'Jobs at X | Powered by ...': a separator ends the name, 'at' is the board's word
    name = re.split(r"\s+[|·]\s+", name.strip())[0].rstrip("!? ")  # ('… de Rimouski!': its call)
    logo = re.match(r"([A-Z]{2,8})[ \t]{2,}(?=[A-ZÀ-Ý])(.+)$", name)  # ('LDM  Laiterie du Moléson')
    name = logo[2] if logo and (_initials_match(logo[2], logo[1]) or "".join(
        word[0] for word in logo[2].split()).upper() == logo[1]) else name
    # ('Camping Les Oyats ★★★★', 'Hôtel X 4*': its classification, no part of its name)
    name = re.sub(r"\s*[★☆⭐]+|\s+[1-5]\s?(?:\*|étoiles?\b)$", "", name)
    # ('VILLE DE X (Haute-Garonne – 16 800 habitants)' cut at its dash: an aside left open;
    # 'X Community Radio 98.4FM': a station's frequency)
    name = re.sub(r"\s*\([^()]*$|\s+\d{2,3}(?:[.,]\d)?\s?(?:FM|MHz)$", "", name) or name
    if re.fullmatch(r"(?:[A-ZÀ-Ý] ){2,9}[A-ZÀ-Ý]", name):  # 'S E M I V O': an acronym spaced out
        name = name.replace(" ", "")
    name = re.sub(r"^(?i:at|chez)\s+(?=[A-ZÀ-Ý])", "", name).strip(" ,;:-–—")
    # 'Champagne X, exploitation familiale de 14 ha': an aside in lower case (not a name's
    # own list: 'Department of Climate Change, Energy, the Environment and Water')
    name = re.split(r",\s+(?!(?:the|de|du|des|la|le|les|and|et|of|for|d['’]|l['’]))"
                    r"(?=[a-zà-ÿ])", name)[0]
    # ('Studio X (SARL, école de danse)' cut at its comma: the aside left open; 'Ferme de la
    # Source Vive 🥕 maraîchage bio': a pictograph, then what it does in lower case)
    name = re.sub(r"\s*\([^()]*$|\s+[^\w\s'’&().,«»\"-]+\s+[a-zà-ÿ].*$", "", name) or name
    # 'Garage X – réparation poids lourds', 'X Ltd - civil engineering': an aside in lower
    # case after a dash
    name = re.split(r"\s+[–—-]\s+(?=[a-zà-ÿ]{3,})", name)[0]
    # 'The Governors of X', 'Board of Trustees of X': the body that governs it is the school's
    name = re.sub(r"^(?:the\s+)?(?:(?:board of\s+)?(?:governors|trustees|directors)|governing "
                  r"(?:body|board)|conseil d['’]administration)\s+(?:of|de)\s+(?:the\s+)?"
                  r"(?=[A-ZÀ-Ý])", "", name, flags=re.I)
    # 'GEIQ X (vous êtes salarié(e) du groupement ...)': an aside in brackets
    name = re.sub(r"\s+\((?=[a-zà-ÿ]{2,}\s).*$", "", name) or name
    # 'EHPAD X (Fonction publique hospitalière), Pont-l'Abbé (29)': an aside of several words
    # in brackets (no acronym), before a place or at the end
    name = re.sub(r"\s+\((?![A-Z&]{2,9}\))(?=[^()]*\s)[^()]{3,60}\)(?=,\s|$)", "", name) or name
    bare = _ACRONYM_AFTER.sub("", name)
    if bare != name and len(bare.split()) >= 2 and (
            name[len(bare):].strip().startswith("(") or _initials_match(bare, name[len(bare):])):
        name = bare
    name = form_left_out(name, text)
    town = re.search(r"\s*\(([A-ZÀ-Ý][\w'’ -]{1,30})\)$", name)
    if town and _is_place(town.group(1)) and len(name[:town.start()].split()) >= 2:
        name = name[:town.start()]  # ('Centre d'imagerie médicale du Parc (Créteil)': its town)
    parts = name.rsplit(", ", 1)
    # (a French department's number after the town: 'Pont-l'Abbé (29)')
    if len(parts) == 2 and _is_place(re.sub(r"\s*\((?:\d{2,3}|2[AB])\)$", "", parts[1])) \
            and len(parts[0].split()) >= 2:
        name = parts[0]
    name = re.sub(r"^The\s+(?=[A-Z])", "", name)
    # 'Tamarack University Library': a university's or a college's library is its unit
    name = re.sub(r"\b(University|College|Université)\s+(?:Library|Libraries|Biblioth[èe]que|"
                  r"Archives)(?:\s+(?:Service|Services))?$", r"\1", name)
    name = re.sub(r"\s+[sdlnmjc]['’]$", "", name)  # 'X s'engage': the next word's elision
    owner = re.sub(r"['’]s$", "", name)  # "the University of X's portal": X's own name,
    if owner != name and (re.search(rf"(?<![\w-]){re.escape(owner)}(?!['’\w-])", text) or re.search(
            r"\b(?:University|College|Council|Trust|Institute|School|Hospital|Agency|Department|"
            r"Ministry|Foundation|Society|Company|Authority|Board|Service)\b", owner)):
        name = owner  # when it is written without the 's too, or names a body ('Sainsbury's' stays)
    name = town_after(fuller(name, text), text)
    if re.fullmatch(r"[A-Z]{3,8}", name) or NUMBERED_ACRONYM.fullmatch(name):  # the full name
        # ('SDIS 15': an acronym and a département's number)
        name = acronym_in_full(name, text) or name
    name = _acronym_defined(name, text)
    # 'Chemins d'Été' written '..., Les Chemins d'Été organise': a French article written with
    # a capital inside a sentence is part of the name
    kept = re.search(rf"[\w,;] (Les |La |Le |L['’]){re.escape(name)}(?![\w'’-])", text) \
        if re.match(r"[A-ZÀ-Ý]", name) and not re.match(r"(?:Les|La|Le|L['’])\b", name) else None
    # ('L'Atelier des Glycines' wherever the text names it: its article is part of it; so too
    # where a sentence writes it in lower case, 'le Quai des Communs est …', when a line of its
    # own opens with it and its capital, a logo or a footer: 'Le Quai des Communs – Société
    # coopérative'; not before a body's common noun, 'la Clinique du Parc', nor only in
    # sentences, 'La Maison Roux (Lyon 2e) cherche', 'de la Maison Roux')
    befores = [text[max(0, m.start() - 4):m.start()] for m in re.finditer(
        rf"(?<![\w-]){re.escape(name)}(?![\w'’-])", text)] if kept is None and re.match(
        r"[A-ZÀ-Ý]", name) and not re.match(r"(?:Les|La|Le|L['’])\b", name) \
        and not ORG_NOUN.match(fold(name)) else []
    if len(befores) >= 2 and all(re.search(r"(?:^|\s)(?:Les |La |Le |L['’])$", b) for b in befores):
        kept = re.search(r"(Les |La |Le |L['’])$", befores[0])
    elif len(befores) >= 2 and all(re.search(r"(?i:(?:^|\s)(?:les |la |le |l['’]))$", b) for b in befores):
        kept = re.search(rf"(?m)^[ \t]*(Les |La |Le |L['’]){re.escape(name)}[ \t]*(?:$|[–—|·])", text)
    return (kept.group(1) + name if kept else name).strip()


def _acronym_defined(name: str, text: str) -> str:
    """'PETR Cœur de Bocage' where the text writes 'Pôle d'équilibre territorial et rural
    (PETR) Cœur de Bocage': the acronym's words in full, the name after it kept."""
    match = re.fullmatch(r"([A-Z]{2,8})\s+([A-ZÀ-Ý].{1,60})", name)
    if not match:
        return name
    acronym, rest = match.groups()
    defined = re.search(rf"([A-ZÀ-Ý][^()\n]{{4,90}}?)\s*\({acronym}\)\s*{re.escape(rest)}(?![\w'’-])",
                        text)
    if not defined:
        return name
    words = [re.sub(r"^[dlDL][’']", "", w) for w in re.findall(r"[\w’'-]+", defined[1])]
    initials = "".join(fold(w)[0] for w in words if w and fold(w) not in LINKING | {"l"}).upper()
    full = re.sub(r"^(?:L['’]|Le |La |Les |The )", "", defined[1].strip())
    return f"{full} {rest}" if initials.endswith(acronym) and len(words) < 3 * len(acronym) \
        and initials.startswith(acronym[0]) else name


def _initials_match(words: str, acronym: str) -> bool:
    """'Hope for the North-East Initiative' and '(HNEI)': the acronym's letters are the
    initials (or the capitals) of the words before it."""
    letters = [c for c in acronym if c.isupper()]
    capitals = [c for c in words if c.isupper()]
    it = iter(capitals)
    return len(letters) >= 2 and all(any(c == x for x in it) for c in letters)



def _is_place(part: str) -> bool:
    """A place added after an organisation's name: a town, a state or a country (capitalised,
    one to three words, no organisation noun, no figure)."""
    key = fold(part)
    return bool(re.fullmatch(r"[A-ZÀ-Ý][\w'’.-]*(?:[ -][A-ZÀ-Ý][\w'’.-]*){0,2}", part.strip())
                and not ORG_NOUN.search(key) and not re.search(r"\d", part))


def without_unit_or_address(value: str) -> str:
    """A labelled organisation without the address after a dash ('Centre X – 22 boulevard des
    Pyrénées') or a university's unit ('Hillcrest University – Athletics & Recreation')."""
    value = re.split(r"\s+[–—-]\s+(?=\d{1,4}\s*(?:bis|ter)?,?\s+[a-zà-ÿ])", value)[0]
    return re.sub(r"^(.*?\b(?:University|Université|College)\b[^–—]*?)\s+[–—]\s+.*$", r"\1", value)
