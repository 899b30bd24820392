"""What a reader checks before taking a line for a post's name or an organisation's, whatever
rule offered it: a post is named by a short noun phrase, never a number, an address, a grade
or category alone, a list item, a sentence's fragment or a label; an organisation is named by
a name, never a place alone, an annex, a label or a stray word. And how a name is written once
found: without the label a flattened table kept before it, its bracketed acronym, a legal form
the text also leaves out, a place added after a comma, a leading English "The", an aside."""

from __future__ import annotations

import re

from tracker.importers.dates import fold
from tracker.importers.text_names_layout import post_word
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


def names_place(name: str) -> bool:
    """A place alone: a country, or a town and its country ('Abu Dhabi, United Arab
    Emirates')."""
    parts = [p.strip() for p in fold(name).strip(" .,:").split(",") if p.strip()]
    return bool(parts) and bool(
        is_country(parts[-1]) and (len(parts) == 1 or len(parts) == 2 and len(
            parts[0].split()) <= 2 and not _ORG_NOUN.search(parts[0])))


# Nouns that make a name an organisation's (folded).
_ORG_NOUN = re.compile(
    r"\b(?:university|universite|college|school|district|institute|institut|centre|center|"
    r"ministry|ministere|department|departement|agency|agence|authority|office|council|"
    r"conseil|commune|ville|city|county|state|bank|banque|hospital|hopital|clinic|clinique|"
    r"medical|health|sante|association|foundation|fondation|trust|society|societe|company|"
    r"group|groupe|union|federation|church|diocese|airways|airlines|corporation|services?|"
    r"initiative|partners|consulting|cabinet|studio|laboratoire|laboratory|museum|musee|"
    r"theatre|library|bibliotheque|network|reseau|commission|committee|comite|court|tribunal)\b")
# The French forms written after a name as well as before it ('Dupont SARL', 'SARL Dupont').
_EITHER_SIDE = (r"SAS", r"SASU", r"SARL", r"EURL", r"SA", r"SCOP", r"SCP", r"SELARL")
# A company's legal form, written after its name (one table for every rule that meets one:
# the organisation words of text_heading, a name ending in a dotted form, the forms left out).
LEGAL_FORMS = (
    *_EITHER_SIDE, r"GmbH", r"AG",
    r"Ltd\.?", r"LTD", r"Limited", r"LLC", r"L\.L\.C\.", r"Inc\.?", r"inc\.", r"Incorporated",
    r"Corp\.?", r"plc", r"PLC", r"LLP", r"Pvt\.? Ltd\.?", r"Pte\.? Ltd\.?", r"Pty\.? Ltd\.?",
    r"Sdn\.? Bhd\.?", r"S\.A\.S?\.?", r"S\.A\.R\.L\.?", r"S\.p\.A\.?", r"SpA", r"S\.r\.l\.?",
    r"Srl", r"S\.L\.", r"B\.V\.?", r"BV", r"N\.V\.?", r"NV", r"AS", r"ASA", r"A/S", r"AB",
    r"Oy", r"Oyj", r"ApS", r"KG", r"e\.V\.", r"Sàrl", r"Sagl",
    # a European company, an Irish designated activity company, a German partnership's partner
    # ('GmbH & Co. KG'), a Portuguese or Brazilian limitada
    r"SE", r"DAC", r"KGaA", r"& Co\.?", r"Lda\.?", r"Ltda\.?",
    # Central Europe's limited and joint-stock companies
    r"Sp\. z o\.o\.", r"sp\. z o\.o\.", r"S\.A\. de C\.V\.", r"s\.r\.o\.", r"a\.s\.", r"Kft\.?",
    r"Zrt\.?", r"d\.o\.o\.",
)
# The forms that can stand at a name's end as an organisation word ('Acme Ltd'), without
# the ones that are also common words in capitals elsewhere ('AS', 'SA', 'AB', 'NV').
LEGAL_WORDS = r"SAS|SARL|Ltd|Inc|GmbH|LLC|plc|SCP|SELARL|Limited|Pvt|Pte|Pty|Sdn|Bhd|" \
              r"Corporation|Corp|LLP|S\.A\.|S\.p\.A|B\.V|N\.V|AG|Oyj|ApS"
# A form written with dots at a name's end: 'Pvt. Ltd.', 'Pte. Ltd.' (the name's own full stop)
LEGAL_DOT = re.compile(r"\b(?:Ltd|Co|Inc|Corp|Pte|Pvt|Pty|S\.A|S\.A\.S|B\.V|N\.V|S\.p\.A|e\.V|"
                       r"S\.L)\.$", re.I)
_FORMS = "|".join(sorted(LEGAL_FORMS, key=len, reverse=True))
_LEGAL_FORM = re.compile(rf"(?:,?\s+(?-i:{_FORMS}))+$")
def without_legal_form(name: str) -> str:
    """The name without the legal form written after it ('Usinage Beauce-Tech inc.')."""
    return _LEGAL_FORM.sub("", name).strip() or name


# A name ending in a legal form is a company's ('BOÎTES MÉRILLAT SA', 'Fjordline Subsea AS').
LEGAL_END = re.compile(rf"[\w.)],?\s+(?:{_FORMS})$")
# ('(Fjordhavn IKS)': a short name and its form in brackets is the name's other writing)
_ACRONYM_AFTER = re.compile(r"\s*\((?:[A-Z][A-Za-z&.-]{1,11})(?:\s[A-Z]{2,5})?\)$|\s+[A-Z]{2,6}$")


def clean_org(name: str, text: str) -> str:
    """An organisation's name as a reader writes it down: without an aside after a comma or in
    brackets, its acronym after it (when the words before it are the full name), a legal form
    the text also leaves out, a place added after a comma, a leading English 'The'."""
    # 'Jobs at X | Powered by ...': a separator ends the name, 'at' is the board's word
    name = re.split(r"\s+[|·]\s+", name.strip())[0]
    if re.fullmatch(r"(?:[A-ZÀ-Ý] ){2,9}[A-ZÀ-Ý]", name):  # 'S E M I V O': an acronym spaced out
        name = name.replace(" ", "")
    name = re.sub(r"^(?:at|chez)\s+(?=[A-ZÀ-Ý])", "", name).strip(" ,;:-–—")
    # 'Champagne X, exploitation familiale de 14 ha': an aside in lower case (not a name's
    # own list: 'Department of Climate Change, Energy, the Environment and Water')
    name = re.split(r",\s+(?!(?:the|de|du|des|la|le|les|and|et|of|for|d['’]|l['’]))"
                    r"(?=[a-zà-ÿ])", name)[0]
    # 'Garage X – réparation poids lourds', 'X Ltd - civil engineering': an aside in lower
    # case after a dash
    name = re.split(r"\s+[–—-]\s+(?=[a-zà-ÿ]{3,})", name)[0]
    # 'The Governors of X', 'Board of Trustees of X': the body that governs it is the school's
    name = re.sub(r"^(?:the\s+)?(?:(?:board of\s+)?(?:governors|trustees|directors)|governing "
                  r"(?:body|board)|conseil d['’]administration)\s+(?:of|de)\s+(?:the\s+)?"
                  r"(?=[A-ZÀ-Ý])", "", name, flags=re.I)
    # 'GEIQ X (vous êtes salarié(e) du groupement ...)': an aside in brackets
    name = re.sub(r"\s+\((?=[a-zà-ÿ]{2,}\s).*$", "", name) or name
    bare = _ACRONYM_AFTER.sub("", name)
    if bare != name and len(bare.split()) >= 2 and (
            name[len(bare):].strip().startswith("(") or _initials_match(bare, name[len(bare):])):
        name = bare
    name = _form_left_out(name, text)
    parts = name.rsplit(", ", 1)
    if len(parts) == 2 and _is_place(parts[1]) and len(parts[0].split()) >= 2:
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
    name = _fuller(name, text)
    if re.fullmatch(r"[A-Z]{3,8}", name):  # the full name rather than the acronym
        name = _spelled_out(name, text) or name
    # 'Chemins d'Été' written '..., Les Chemins d'Été organise': a French article written with
    # a capital inside a sentence is part of the name
    kept = re.search(rf"[\w,;] (Les |La |Le |L['’]){re.escape(name)}(?![\w'’-])", text) \
        if re.match(r"[A-ZÀ-Ý]", name) and not re.match(r"(?:Les|La|Le|L['’])\b", name) else None
    return (kept.group(1) + name if kept else name).strip()


# A French company's form written before its name: 'SARL Pompes Funèbres Marchand', 'SNC
# Pharmacie Centrale de Vichy' (in capitals, as a register writes it): the forms also written
# after a name, and those written only before one.
LEADING_FORMS = (*_EITHER_SIDE, r"SNC", r"SELAS", r"SCI", r"SCEA", r"EARL", r"GAEC", r"GIE",
                 r"SEM", r"SPL")
_LEADING = "(?:" + "|".join(sorted(LEADING_FORMS, key=len, reverse=True)) + ")"  # as _FORMS
_LEADING_FORM = re.compile(rf"^{_LEADING}\s+(?=[A-ZÀ-Ý])")
_FORM_BEFORE = re.compile(rf"(?<!\w){_LEADING}\s+$")


def _form_left_out(name: str, text: str) -> str:
    """The name without its legal form, before or after it, when the organisation also goes by
    the name alone: the text writes it so elsewhere, across a line's end too ('Shannon Grid
    Services DAC' and '... contacted by Shannon Grid⏎Services'). A name the text writes only
    with its form keeps it ('Banque Aubert & Cie SA'), even where its address spells the name
    without it (banque-aubert.ch): the corpus's convention (conventions.md)."""
    legal = _LEADING_FORM.sub("", _LEGAL_FORM.sub("", name))
    if legal == name or len(legal) < 3:
        return name
    flat = re.sub(r"\s+", " ", text.replace(name, ""))
    elsewhere = next((m for m in re.finditer(
        rf"(?<![\w-]){re.escape(legal)}(?!\s*,?\s*(?:{_FORMS})(?!\w))", flat, re.I)
        if not _FORM_BEFORE.search(flat[:m.start()])), None)
    if elsewhere:
        return elsewhere.group(0) if legal.isupper() or legal.lower() == elsewhere.group(
            0).lower() and not elsewhere.group(0).isupper() else legal
    return name


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
                and not _ORG_NOUN.search(key) and not re.search(r"\d", part))


# ('Office de Tourisme intercommunal du Val-Sorel', 'Syndicat mixte du X': an adjective of the
# body, then its place)
_GOES_ON = r"(?:(?:\s+(?:[a-zà-ÿ]{3,}(?:al|ale|aux|ique|el|elle|aire|if|ive)|mixte))?" \
           r"\s+(?:of|for|de|du|des)\s+(?:(?:the|la|le|les)\s+|[dl]['’])?[A-ZÀ-Ý][\w'’-]*" \
           r"(?:\s+(?:and|et|&)\s+[A-ZÀ-Ý][\w'’-]*)?)"


# A lower-case word ending a name where a line or a clause ends ('... et des Travaux publics –')
# (not a verb saying what the body does: 'X recrute', 'X engage')
_ENDS_ON = r"(?:\s+(?!(?:recrute|recrutent|engage|engagent|recherche|recherchent|cherche|embauche|" \
           r"propose|offre|recruits|hires|seeks)\b)[a-zà-ÿ]{3,}(?=[ \t]*(?:$|[–—|,(])))"


def _fuller(name: str, text: str) -> str:
    """A name cut short by the rule that found it, as the text writes it in full ('Al Noor
    University' where the text says 'Al Noor University of Science and Technology'); for any
    name, the longer form the text writes at every place it names it ('Entrepôts du Val' is
    always 'Entrepôts du Val de Seine')."""
    headed = _as_headed(name, text)
    if headed:
        return headed
    if len(name.split()) < 2:
        return name
    escaped = rf"(?<![\w-]){re.escape(name)}"
    if _ORG_NOUN.search(fold(name)):
        match = re.search(rf"{escaped}({_GOES_ON}{{1,3}})(?![\w'’-])", text)
        if match and len(match.group(1).split()) <= 7:
            return name + match.group(1)
    longer = {m.group(1) for m in re.finditer(
        rf"(?m){escaped}((?:{_GOES_ON}{{1,3}}|{_ENDS_ON})?)(?![\w'’-])", text)}
    if len(longer) == 1 and (rest := longer.pop()) and len(rest.split()) <= 5:
        return name + rest
    return name


# Words that go on after an organisation's name on its own lines without being part of it (a
# page's words, a verb, its group, one of its units).
_NOT_NAME_WORDS = re.compile(r"(?i)^(?:careers?|jobs?|vacanc(?:y|ies)|recruitment|recrutement|"
                             r"emplois?|offres?|team|[ée]quipe|home|accueil|page|news|about|"
                             r"specification|description|profile|pack|notices?|avis|is|are|est|"
                             r"has|a|an|the|le|la|les|address|adresse|contact|group|groupe|"
                             r"procurement|portal|portail|recrute|recrutent|recruits|hiring|"
                             r"hires|plant|site|factory|usine|depot|d[ée]p[ôo]t|branch|store|shop|"
                             r"office|campus|warehouse|entrep[ôo]t|agence|direction|department|"
                             r"d[ée]partement|division|service|services|faculty|facult[ée]|"
                             r"unit|unit[ée]|p[ôo]le)$")


def _as_headed(name: str, text: str) -> str | None:
    """The longer name an organisation's own lines give where the prose shortens it:
    'Ballinacurra is a registered farm partnership' under a letterhead 'Ballinacurra Dairy
    Partnership', 'About Hollins & Rowe' above a footer 'Hollins & Rowe Bakeries Ltd ·
    Registered in England'. The longer form starts a line (or follows a label on it) and ends
    it, or ends before a wide gap, a separator or a legal form; its added words are capitalised
    and none is a place, a post or a page's word. One such longer form only."""
    found = {m.group(1) for m in re.finditer(
        rf"(?m)^[ \t]*+(?:[^\W\d][\w ]{{0,24}}:[ \t]*+)?(?<![\w-]){re.escape(name)}"
        rf"((?: (?:& )?[A-ZÀ-Ý][a-zà-ÿ'’-]+){{1,3}})"
        rf"(?=[ \t]*$|[ \t]{{3,}}|[ \t]*[|·,:–—]|[ \t]+-[ \t]|,?[ \t]+(?:{_FORMS})(?![\w-]))",
        text)}
    if len(found) != 1:
        return None
    rest = found.pop()
    words = [word for word in rest.split() if word != "&"]
    if any(_NOT_NAME_WORDS.match(word) or is_place(word) or post_word(word)
           for word in words) or is_place(rest.strip()):
        return None
    return without_legal_form(name + rest)  # (the prose names it without its form)


_LINKING = {"de", "du", "des", "la", "le", "les", "of", "the", "and", "et", "for", "pour", "en",
            "in", "a", "au", "aux", "&"}


def _spelled_out(acronym: str, text: str) -> str | None:
    """The line that writes an acronym's name in full, its words' initials in order ('SEMIVO'
    and 'Société d'économie mixte immobilière du Val d'Orge' on the letterhead), linking words
    and elisions left out."""
    for line in text.split("\n"):
        line = line.strip()
        if not 2 * len(acronym) <= len(line) <= 120 or not line[:1].isupper() or re.search(r"\d", line):
            continue
        words = [re.sub(r"^[dlDL][’']", "", word) for word in re.findall(r"[\w’'-]+", line)]
        initials = "".join(fold(word)[0] for word in words
                           if word and fold(word) not in _LINKING).upper()
        if initials == acronym:
            return without_legal_form(line.strip(" .,;:"))
    return None
