"""How a name found short is written in full, as the text writes it elsewhere: cut by a line's
end before its noun, called by its noun alone ('The Club'), its first words only, an acronym
the letterhead spells out, a town written after a practice's name (split from
text_names_check, whose module grew past its size)."""

from __future__ import annotations

import re

from tracker.importers.dates import fold
from tracker.importers.text_names_forms import FORMS, ORG_NOUN, without_legal_form
from tracker.importers.text_names_layout import post_word
from tracker.importers.text_names_places import is_town
from tracker.importers.text_places import is_place

# A practice's or a venue's name, then its town with no comma, as a page's name writes it
# ('Quayside Dental Clinic Clonakilty').
_NOUN_THEN_TOWN = re.compile(
    r"(?P<name>.+\b(?:Clinic|Practice|Surgery|Centre|Center|Hotel|School|Pharmacy|Garage|Salon|"
    r"Studio|Club|Agency|Bakery|Restaurant|Café|Cafe|Nursery|Dental|Vets|Veterinary|Opticians|"
    r"Eyecare))\s+(?P<town>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)")


_NAME_THEN_TOWN = re.compile(r"(?P<name>.+?(?<!\bde)(?<!\bdu)(?<!\bdes)(?<!\bof)(?<!\bthe)(?<!\bà)(?<!\ben)"
                             r"(?<!\bla)(?<!\ble)(?<!\bles))\s+(?P<town>[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)?)")


def town_after(name: str, text: str) -> str:
    """The name without the town written after it, when the text names that town as a place
    ('in Clonakilty', 'à Vitré', 'based in X') or the gazetteer knows it."""
    match = _NOUN_THEN_TOWN.fullmatch(name)
    branch = _NAME_THEN_TOWN.fullmatch(name) if not match else None
    # ('Agence Vertic'Intérim Marseille' and 'Vertic'Intérim est l'agence ...': the branch's
    # town after a name the text writes without it)
    if branch and is_place(branch["town"]) and re.search(
            rf"(?<![\w'’-]){re.escape(branch['name'])}(?![\w'’-])(?!\s+{re.escape(branch['town'])})", text):
        return branch["name"]
    if not match:
        return name
    town = re.escape(match["town"])
    cued = re.search(rf"\b(?:in|at|near|à|en|based in|located in)\s+(?:the\s+)?{town}\b", text)
    return match["name"] if cued or is_place(match["town"]) else name


# ('Office de Tourisme intercommunal du Val-Sorel', 'Syndicat mixte du X': an adjective of the
# body, then its place)
_GOES_ON = r"(?:(?:\s+(?:[a-zà-ÿ]{3,}(?:al|ale|aux|ique|el|elle|aire|if|ive)|mixte))?" \
           r"\s+(?:of|for|de|du|des)\s+(?:(?:the|la|le|les)\s+|[dl]['’])?[A-ZÀ-Ý][\w'’-]*" \
           r"(?:\s+(?:and|et|&)\s+[A-ZÀ-Ý][\w'’-]*)?)"


# A lower-case word ending a name where a line or a clause ends ('... et des Travaux publics –')
# (not a verb saying what the body does: 'X recrute', 'X engage')
_ENDS_ON = r"(?:\s+(?!(?:recrute|recrutent|engage|engagent|recherche|recherchent|cherche|embauche|" \
           r"propose|offre|recruits|hires|seeks)\b)[a-zà-ÿ]{3,}(?=[ \t]*(?:$|[–—|,(])))"


# The noun that ends a body's or a venue's name: 'Society', 'Resort', 'Trust' (a 'Group' after a
# company's name is its group, another body).
_ENDING_NOUN = re.compile(r"(?:resort|hotel|club|lodge|park|practice|surgery|bakery|brewery|"
                          r"winery|farm|estate|garden|gardens|zoo|aquarium|house|hall|hub|"
                          r"cooperative|coop[ée]rative|fund|board|trust|society|association|"
                          r"foundation|fondation|centre|center|council|company|"
                          r"institute|institut|museum|library|school|college|network|charity)")


def _noun_ends(name: str, escaped: str, text: str) -> str | None:
    """The name a line break or a sentence cut before its noun, as the text writes it on
    with one ('operated by the Fort Calder' / 'Heritage Society', 'our client Coral Cove Island'
    / 'Resort'), when the name alone ends in no such noun."""
    if _ENDING_NOUN.fullmatch(fold(name.split()[-1])) or ORG_NOUN.search(fold(name)):
        return None
    longer = [" ".join(match.group(1).split()) for match in re.finditer(
        rf"{escaped}\s+((?:[A-ZÀ-Ý][\w'’&-]*\s+){{0,2}}[A-ZÀ-Ý][\w'’-]+)(?![\w'’-])", text)
        if _ENDING_NOUN.fullmatch(fold(match.group(1).split()[-1]))]
    # (written so on one line somewhere: a line that opens with a noun is no part of the name
    # the line before it ends with, 'CPIE du Lauragais' / 'Centre permanent d'initiatives')
    gap = r"[ \t]+"
    whole = [rest for rest in longer if re.search(
        escaped + gap + gap.join(map(re.escape, rest.split())) + r"(?![\w'’-])", text)]
    return f"{name} {whole[0]}" if whole else None


# A business named by its trade first: 'Camping Les Dunes', 'Domaine X', 'Boulangerie Y',
# 'Cinéma L'Écran Vert'.
_TRADE_FIRST = re.compile(r"(?:camping|hotel|restaurant|garage|boulangerie|pharmacie|cabinet|"
                          r"clinique|salon|brasserie|ferme|domaine|chateau|maison|atelier|"
                          r"agence|institut|studio|residence|ehpad|creche|librairie|bookshop|cinema)\b")


def names_body(name: str) -> bool:
    """Whether a name is an organisation's by its words: an organisation's noun in it, a
    venue's noun ending it, or a trade opening it ('Millbrook Police Department', 'Camping
    Les Dunes d'Argent'); a person's name has none."""
    key = fold(name)
    return bool(ORG_NOUN.search(key) or _TRADE_FIRST.match(key)
                or key.split() and _ENDING_NOUN.fullmatch(key.split()[-1]))


def _named_by_noun(noun: str, text: str) -> str | None:
    """The body a sentence calls by its noun alone ('The Club is seeking ...'), as the text
    names it in full ('Ballyvolane Golf Club'): the name ending in that noun it writes most."""
    if not (_ENDING_NOUN.fullmatch(fold(noun)) or ORG_NOUN.fullmatch(fold(noun))) \
            or not noun[:1].isupper():
        return None
    names = [" ".join(m.group(0).split()) for m in re.finditer(
        rf"(?<![\w'’-])(?:[A-ZÀ-Ý][\w'’&-]*[ \t]+){{1,4}}{re.escape(noun)}(?![\w'’-])", text)]
    names = [name for name in names if not re.match(r"(?:The|Our|This|La|Le|Les|Notre)\s", name)]
    return max(names, key=names.count) if names else None


def fuller(name: str, text: str) -> str:
    """A name cut short by the rule that found it, as the text writes it in full ('Al Noor
    University' where the text says 'Al Noor University of Science and Technology'); for any
    name, the longer form the text writes at every place it names it ('Entrepôts du Val' is
    always 'Entrepôts du Val de Seine')."""
    headed = _as_headed(name, text)
    if headed:
        return headed
    if len(name.split()) < 2:
        return _named_by_noun(name, text) or name
    escaped = rf"(?<![\w-]){re.escape(name)}"
    ended = _noun_ends(name, escaped, text)
    if ended:
        return ended
    if ORG_NOUN.search(fold(name)):
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
        rf"(?=[ \t]*$|[ \t]{{3,}}|[ \t]*[|·,:–—]|[ \t]+-[ \t]|,?[ \t]+(?:{FORMS})(?![\w-]))",
        text)}
    if len(found) != 1:
        return None
    rest = found.pop()
    words = [word for word in rest.split() if word != "&"]
    if any(_NOT_NAME_WORDS.match(word) or is_town(word) or post_word(word)
           for word in words) or is_town(rest.strip()):
        return None
    return without_legal_form(name + rest)  # (the prose names it without its form)


LINKING = {"de", "du", "des", "la", "le", "les", "of", "the", "and", "et", "for", "pour", "en",
            "in", "a", "au", "aux", "&"}


# An acronym and a département's number: 'SDIS 15', 'CDG 2A'.
NUMBERED_ACRONYM = re.compile(r"([A-Z]{2,8})\s+\d{1,3}[AB]?")
# What follows an acronym's words to name the place it serves: 'du Cantal', 'de la Vienne',
# 'de l'Ain' ('Service départemental d'incendie et de secours du Cantal – Aurillac').
_PLACE_OF = re.compile(r"\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*[A-ZÀ-Ý][\w'’-]*"
                       r"(?:[ -](?:et\s+|de\s+|du\s+)?[A-ZÀ-Ý][\w'’-]*)*(?=\s*(?:$|[–—,(]|-\s))")


def acronym_in_full(acronym: str, text: str) -> str | None:
    """The line that writes an acronym's name in full, its words' initials in order ('SEMIVO'
    and 'Société d'économie mixte immobilière du Val d'Orge' on the letterhead), linking words
    and elisions left out; or its words then the place it serves ('SDIS 15' and 'Service
    départemental d'incendie et de secours du Cantal – Aurillac': a numbered body's département)."""
    numbered = NUMBERED_ACRONYM.fullmatch(acronym)
    acronym = numbered[1] if numbered else acronym
    for line in text.split("\n"):
        line = line.strip(" \t📍•-")
        if not 2 * len(acronym) <= len(line) <= 120 or not line[:1].isupper():
            continue
        initials, end = "", 0
        for word in re.finditer(r"[\w’'-]+", line):
            bare = re.sub(r"^[dlDL][’']", "", word.group(0))
            if not bare or fold(bare) in LINKING:
                continue
            initials += fold(bare)[0].upper()
            end = word.end()
            if not acronym.startswith(initials) or initials == acronym:
                break
        if initials != acronym:
            continue
        if end == len(line.rstrip(" .,;:")) and not re.search(r"\d", line):
            return without_legal_form(line.strip(" .,;:"))
        place = _PLACE_OF.match(line, end)
        if place and len(acronym) >= 3:
            return line[:place.end()]
    return None
