"""How a reader finds the employer in a sentence rather than a header: the subject of a
sentence that recruits even mid-line ('Bonjour à tous ! Le camping X à Carnac cherche ...'),
the body behind the person who signs the call ('Le Directeur Général de l'Agence X lance un
appel'), the person behind an office ('The office of Jane Doe MEP is looking for'), the
business a post's author says is theirs ('My team at X', 'My café in Y (X)'), a heading
'About X', and a board saying the company's name is hidden."""

from __future__ import annotations

import re

from tracker.importers.dates import fold
from tracker.importers.text_names_check import STREET
from tracker.importers.text_names_forms import LEGAL_WORDS, without_legal_form
from tracker.importers.text_names_layout import post_word
from tracker.importers.text_names_social import is_author

_NAME = r"[A-ZÀ-Ý][\w'’&.-]*(?:\s+(?:(?:of|for|the|and|de|du|des|la|le|les|et|d['’]|l['’]|&)\s*)*" \
        r"[A-ZÀ-Ý][\w'’&.-]*){0,7}"

# Sentences inside a line: after a full stop, an exclamation, or an emoji standing alone.
# (Each run of spaces is tried once, from its start: the work grows with the line.)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s++(?=[A-ZÀ-Ý])|(?<!\s)\s++[^\w\s'’(),;:«»\"&-]++\s++"
                             r"(?=[A-ZÀ-Ý])")


def sentences(line: str) -> list[str]:
    """A line's sentences, the line itself first."""
    parts = [part.strip() for part in _SENTENCE_BREAK.split(line) if part.strip()]
    return [line] + [part for part in parts[1:]]


# The office or the person signing for the body: 'Le Directeur Général de l'Agence X',
# 'The Director of the Y Museum', 'The office of Jane Doe MEP', 'le cabinet du maire de Z'.
_SIGNER = re.compile(
    r"^(?:(?:le|la|the)\s+)?(?:directeur|directrice|director|pr[ée]sident(?:e)?|president|maire|"
    r"mayor|head|chief executive|secr[ée]taire g[ée]n[ée]ral(?:e)?|secretary[- ]general|"
    r"recteur|rectrice|principal|headteacher|governing body|board of governors|conseil "
    r"d'administration|conseil municipal|conseil communal|city council|town council)(?:\s+(?:g[ée]n[ée]ral(?:e)?|ex[ée]cuti(?:f|ve)|general))?\s+"
    r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|d['’]\s*|of\s+(?:the\s+)?)(?=[A-ZÀ-Ý])", re.I)
# ('cabinet dentaire': 'de' must be a word and the name start with a capital, not 'de|ntaire')
_OFFICE = re.compile(r"^(?:(?:the|le|la)\s+)?(?:office|bureau|cabinet|team|[ée]quipe)\s+"
                     r"(?:(?:of|de|du)\s+|d['’]\s*)(?=(?-i:[A-ZÀ-Ý]))", re.I)
_TOWN_AFTER = re.compile(r"\s+(?:à|in|at|au)\s+[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)?$")


def recruiter_name(name: str) -> str:
    """The body a recruiting sentence's subject names: past the person who signs for it or
    the office of a person, without the town written after it ('camping X à Carnac')."""
    name = _SIGNER.sub("", name)
    name = _OFFICE.sub("", name)
    rest = _TOWN_AFTER.sub("", name)
    return rest if len(rest.split()) >= 2 else name


# 'My team at Brightloop is', 'My café in Ballincollig (The Corner Bean) is', 'Notre équipe
# chez X': the business the post's author says is theirs.
_OWNER = re.compile(
    rf"\b(?i:my|our|mon|ma|notre)\s+(?i:team|company|caf[ée]|shop|store|restaurant|bar|pub|"
    rf"practice|studio|business|firm|agency|bakery|salon|farm|hotel|h[ôo]tel|[ée]quipe|"
    rf"entreprise|boutique|cabinet|ferme|camping|startup|start-up|agence|boulangerie)\s+"
    rf"(?:(?i:at|chez)\s+(?P<at>{_NAME})|(?i:in|à|at)\s+[A-ZÀ-Ý][\w'’-]+\s*\(\s*(?P<aside>{_NAME}))")


# A social post's author's headline, their post at an organisation: 'Customer Operations
# Team Lead at Kaimai Water | Making every call count 💧'; and the author's words that the
# post they offer is in their own team ('My team is growing', 'join my team', 'rejoindre mon
# équipe').
_HEADLINE = re.compile(rf"^(?P<post>[^|•·\n]{{3,80}}?)\s+(?:at|@|chez)\s+(?P<at>{_NAME})\s*(?:[|•·].*)?$")
_MY_TEAM = re.compile(r"(?i)\b(?:my|mon|ma)\s+(?:team|[ée]quipe|service|unit)\b")
# ... or who heads the business: 'Directrice des Thermes de X | Thermalisme', 'Owner of X', when
# the post says it is the business hiring ('on recrute nos ...', 'we're hiring').
_HEAD_OF = re.compile(rf"^(?i:directeur|directrice|director|g[ée]rante?|owner|founder|co-founder|"
                      rf"fondat(?:eur|rice)|ceo|managing director|general manager|pr[ée]sidente?)"
                      rf"\s+(?i:de la |de l['’]|du |des |de |d['’]|of the |of |at )"
                      rf"(?P<at>{_NAME})\s*(?:[|•·,].*)?$")
_WE_HIRE = re.compile(r"(?i)\b(?:on recrute|nous recrutons|nous recherchons|nous renfor[cç]ons|"
                      r"we['’]re hiring|we are hiring|we['’]re recruiting|we are recruiting|"
                      r"we['’]re looking|we are looking|join our team|rejoignez notre [ée]quipe)\b")


def owner_named(lines: list[str]) -> tuple[str, str] | None:
    """(business, line) a post's author names as theirs."""
    for line in lines:
        match = _OWNER.search(line)
        if match:
            return (match["at"] or match["aside"]).strip(), line
    for index, line in enumerate(lines[1:4], 1):
        match = _HEADLINE.match(line.strip())
        if match and is_author(lines[index - 1]) and post_word(match["post"]) \
                and any(_MY_TEAM.search(other) for other in lines[index + 1:index + 15]):
            return match["at"].strip(), line.strip()
        head = _HEAD_OF.match(line.strip())
        if head and is_author(lines[index - 1]) \
                and any(_WE_HIRE.search(other) for other in lines[index + 1:index + 15]):
            return head["at"].strip(), line.strip()
    return None


# 'About Lumenbox', 'À propos de Kelpwise', 'Why Fernway?': a heading naming the company.
_ABOUT_NAME = re.compile(rf"^(?:about|à propos de|a propos de|why join|why|working at|"
                         rf"travailler chez|qui est|qui sont|c['’]est quoi|who is|what is)\s+"
                         rf"(?P<name>{_NAME})\s*[?:]?$", re.I)
# ... or asked as a question after it: 'Calepin, c'est quoi ?' (the name's capitals matched as
# written: read without regard to case, a run of 'de de de ...' could be split into a name's
# words in ways that grow exponentially with its length).
_ASKED = re.compile(rf"^(?P<asked>{_NAME}),?\s+(?i:c['’]est quoi|c['’]est qui|qui sommes-nous|"
                    rf"en bref|in short|who are we|who we are)\s*[?:!]?$")
_NOT_NAMES = re.compile(r"^(?:the|us|you|this|our|la|le|les|l['’]|nous|vous|ce|cette|"
                        r"role|job|position|poste|team|company|organi[sz]ation|employer|"
                        r"entreprise|structure|practice|school|offre|mission|missions|"
                        r"profil|contrat|benefits|application|process)\b", re.I)


# 'Mielo, c'est l'appli qui aide ...': the company a paragraph opens by saying what it is.
_THIS_IS = re.compile(rf"^(?P<asked>{_NAME}),\s+c['’]est\s+(?:l['’]|la\s|le\s|les\s|une?\s)")


def about_named(lines: list[str]) -> tuple[str, str] | None:
    """(company, line) a heading 'About X' names."""
    for line in lines:
        match = _ABOUT_NAME.match(line.strip()) or _ASKED.match(line.strip()) \
            or _THIS_IS.match(line.strip())
        name = match and (match.groupdict().get("name") or match["asked"])
        if name and not _NOT_NAMES.match(name):
            return name, line.strip()
    return None


# 'at Lumenbox' / 'chez Lumenbox': the company a board writes under the post.
_AT_LINE = re.compile(rf"^(?:at|chez|@)\s+(?P<name>{_NAME})$")


def at_line(line: str) -> str | None:
    match = _AT_LINE.match(line.strip())
    return match["name"] if match else None


_HIDDEN = re.compile(r"\b(?:company|employer|client)(?:'s)? name (?:is )?(?:hidden|withheld|not "
                     r"disclosed|confidential)|\bhidden by (?:the )?employer|nom de l['’]"
                     r"(?:entreprise|employeur) (?:masqu|non communiqu|confidentiel)|"
                     r"\b(?:entreprise|employeur|soci[ée]t[ée]) confidentiel(?:le)?\b|"
                     r"\bconfidential (?:company|employer|client)\b", re.I)


def hidden_employer(lines: list[str]) -> bool:
    """A board saying the employer's name is hidden: no employer is named."""
    return any(_HIDDEN.search(line) for line in lines[:30])


def is_word_not_name(name: str) -> bool:
    """An article or a pronoun taken for a name ('A fast-growing ...', 'We ...')."""
    return bool(re.fullmatch(r"(?i)an?|the|we|our|un|une|le|la|les|nous|notre|this|ce|cette",
                             name.strip()))


# 'recrutement d'un Contrôleur à la Direction de l'Expansion Économique': the service where an
# official notice places the post.
_NOTICE_UNIT = re.compile(
    r"\b(?:recrutement|recruitment|recruter|to recruit)\b[^.;]{0,120}?\s(?:à|au sein d[eu]|"
    r"within|in|at)\s+(?:la\s+|l['’]\s*|le\s+|the\s+)?(?P<unit>(?:Direction|Service|Department|"
    r"Ministry|Minist[èe]re|Office|Division|Bureau|Agence|Agency|Secr[ée]tariat)\b"
    r"(?:\s+(?:(?:de|du|des|of|for|the|la|le|et|and)\s+|d['’]|l['’])*[A-ZÀ-Ý][\w'’-]*)*)")


def notice_unit(lines: list[str]) -> tuple[str, str] | None:
    """(service, line) where an official notice's recruitment phrase places the post."""
    for line in lines:
        match = _NOTICE_UNIT.search(line)
        if match and len(match["unit"].split()) >= 2:
            return match["unit"], line
    return None


# A name ends at its legal form: '© 2027 X Brewing Company Ltd. Company No. 000', 'X Pty Ltd ·'.
_FORM_END = re.compile(rf"(,?(?:\s+(?:{LEGAL_WORDS})\b\.?)+)(?:\s.*)?$")

# A footer or a letterhead giving the name then the street address: 'Pharmacie de la Place – 4,
# place Saint-Corentin – 29000 Quimper', 'Kestrel Joinery Ltd, Unit 4, 12 Mill Road, Hull'.
_ADDRESS_LINE = re.compile(rf"^(?P<name>{_NAME})\s*+[–—,|·-]\s*+{STREET}")


def address_named(lines: list[str]) -> tuple[str, str] | None:
    """(name, line) of a line giving a name then its street address."""
    for line in lines:
        match = _ADDRESS_LINE.match(line.strip())
        name = _FORM_END.sub(r"\1", match["name"]) if match else ""
        if match and len(name.split()) >= 2:
            return name, line.strip()
    return None


# A page's copyright line: '© 2027 Ville de Montlouis-les-Vignes', 'Copyright © 2026-2027 X.
# All rights reserved'.
_COPYRIGHT = re.compile(rf"^(?:©|\(c\)|(?i:copyright)\s*©?)\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*)?"
                        rf"(?P<name>{_NAME})\s*(?:[.,|·–-].*)?$")


# A company's legal mention: 'Compagnie X – SAS au capital de 120 000 € – RCS Angers ...'.
_LEGAL_MENTION = re.compile(rf"^(?P<name>{_NAME})\s*+[–—,-]?\s*+(?:{LEGAL_WORDS}|SASU|EURL|SNC|SCOP|SCIC|SA)"
                            r"\b[^\n]{0,30}?\bau capital\b")


# A job board's header: its name, then what it lists ('PlayJobs Australia  |  Jobs in leisure').
_BOARD_TAGLINE = re.compile(r"\s[|·–—-]\s+(?:jobs?|careers?|emplois?|offres? d'emploi)\s+(?:in|for|en|dans|de|du)\b")


def copyright_owner(lines: list[str]) -> tuple[str, str] | None:
    """(name, line) of the site's owner its copyright line or its legal mention names; none
    for a job board's own footer, the board whose header opens the page ('PlayJobs Australia
    |  Jobs in leisure')."""
    for line in lines:
        match = _COPYRIGHT.match(line.strip()) or _LEGAL_MENTION.match(line.strip())
        name = _FORM_END.sub(r"\1", match["name"]) if match else ""
        if match and len(name.split()) >= 2:
            bare = fold(without_legal_form(name))
            board = any(_BOARD_TAGLINE.search(fold(top)) and fold(top.strip()).startswith(bare)
                        for top in [top for top in lines if top.strip()][:5])
            return None if board else (name, line.strip())
    return None


# 'Harris Creek County is an Equal Opportunity Employer', 'X is committed to equality': the
# employer speaking of itself as one.
_EMPLOYER_SAYS = re.compile(
    # ('Bluebird Coffee, LLC is ...': its legal form written after it)
    rf"^(?:(?:The|Le|La|Les|L['’])\s*+)?(?P<name>{_NAME})(?:,?\s+(?:{LEGAL_WORDS})\.?)?\s+"
    r"(?:is|are|est)\s+(?:an?\s+|un\s+)?"
    r"(?:proud\s+)?(?:(?i:equal opportunit(?:y|ies)|equal employment|eeo|disability confident|"
    r"living wage)|(?i:employeur)\b|committed to (?:equal|equality|diversity|inclusion|"
    r"safeguarding))")


def self_declared(lines: list[str]) -> tuple[str, str] | None:
    """(name, line) of an organisation declaring itself an employer ('X is an equal
    opportunity employer')."""
    for line in lines:
        match = _EMPLOYER_SAYS.match(line.strip())
        if match and not is_word_not_name(match["name"]) and not re.fullmatch(
                r"(?i)we|it|this|our|nous|il|elle", match["name"]):
            return spelled_out(match["name"], lines), line.strip()
    return None


_SMALL_WORDS = {"of", "for", "the", "and", "de", "du", "des", "la", "le", "les", "et", "&"}


def abbreviation_off(name: str, text: str) -> str:
    """A name without the words a sentence or a short form put in it: 'À l'UIEM, on représente
    …' (the preposition before an acronym), 'CC du Val d'Auzance' where the text writes
    'Communauté de communes du Val d'Auzance'."""
    name = re.sub(r"^(?:À|Chez)\s+(?:l['’]\s*)?(?=[A-Z]{2,8}$)", "", name)
    if re.match(r"CC\s+(?:du|de|des|d['’])\b", name) and "communaute de communes" in fold(text):
        name = "Communauté de communes" + name[2:]
    return _acronym_spelled_before(name, text)


def _acronym_spelled_before(name: str, text: str) -> str:
    """'CA Rivières d'Argonne', 'SMICTOM des Coteaux de Serre': an acronym before the rest of
    the name, spelled out where the text writes the whole name ('La Communauté d'agglomération
    Rivières d'Argonne', 'Le Syndicat mixte intercommunal de collecte et de traitement des
    ordures ménagères des⏎Coteaux de Serre'), without the sentence's article."""
    match = re.fullmatch(r"([A-Z]{2,8})\s+(\S.{2,80})", name)
    if not match:
        return name
    flat = " ".join(text.split())
    for found in re.finditer(rf"(?<![\w'’-])((?:[A-ZÀ-Ý][\w'’-]*)(?:\s+[\w'’-]+){{0,11}}?)\s+"
                             rf"{re.escape(match[2])}(?![\w'’-])", flat):
        words = found[1]
        for start in [0] + [m.end() for m in re.finditer(r"\s+", words)]:
            spelled = re.sub(r"^(?:La|Le|Les|L['’])\s*(?=\w)", "", words[start:])
            if _initials(spelled).upper() == match[1] and spelled[:1].isupper():
                return f"{spelled} {match[2]}"
    return name


def _initials(words: str) -> str:
    """The initials of a name's words, its small words and elided articles left out
    ('Fédération nationale des entreprises de maintenance d'ascenseurs': 'FNEMA')."""
    kept = [re.sub(r"^[dl]['’]", "", word) for word in words.split()
            if word.lower() not in _SMALL_WORDS]
    return "".join(word[0].upper() for word in kept if word)


def spelled_out(name: str, lines: list[str]) -> str:
    """An acronym as the text spells it out ('LCSO': 'Lutheran Community Services of the
    Ozarks'), the initials of its capitalised words; else the acronym."""
    if not re.fullmatch(r"[A-Z]{2,8}", name):
        return name
    # defined by the text: 'Kestrel Valley Holdings Limited ("KVH")', 'Full Name (the "ACR")'
    defined = (re.search(rf"({_NAME})\s*\(\s*(?:the\s+|ci-apr[èe]s\s+|hereinafter\s+)?[\"“'‘«]?\s*"
                        rf"{name}\s*[\"”'’»]?\s*\)", line) for line in lines)
    defined_name = next((m.group(1) for m in defined if m and len(m.group(1).split()) >= 2), None)
    if defined_name:
        return defined_name
    # beside it after a dash, in lower case as French writes a body's name: 'FNEMA – Fédération
    # nationale des entreprises de maintenance d'ascenseurs', 'UIEM – Union interprofessionnelle
    # des entreprises du Maine'
    for line in lines:
        beside = re.search(rf"(?<![\w-]){name}\s+[–—-]\s+([A-ZÀ-Ý][\w'’ -]{{4,90}}?)\s*(?:[·|,(]|\s{{3,}}|$)", line)
        if beside and _initials(beside.group(1)) == name:
            return beside.group(1).strip()
    for match in re.finditer(_NAME, "\n".join(lines)):
        words = match.group(0).split()
        for start in range(len(words)):
            if words[start].lower() in _SMALL_WORDS:
                continue
            initials = ""
            for end in range(start, len(words)):
                if words[end].lower() in _SMALL_WORDS:
                    continue
                initials += words[end][0]
                if initials == name and end > start:
                    return " ".join(words[start:end + 1])
                if not name.startswith(initials):
                    break
    return name
