"""What a line at the top of a posting's text is, before a heading is chosen from them: a job
board's or a careers site's own header, a site's crumbs, a line no title is (a running head, a
social post's age, a label, an address), a sentence's line, the items of a list marked with
pictographs, a board's facets, and the facts a page writes in a right-hand column (split from
text_heading, whose module grew past its size)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from tracker.importers.base import EMAIL
from tracker.importers.dates import fold
from tracker.importers.sections import heading_of
from tracker.importers.text_names_forms import LEGAL_END
from tracker.importers.text_names_heading import post_colon
from tracker.importers.text_names_layout import DOCUMENT_KINDS, post_word, posts_word, unquoted
from tracker.importers.text_names_places import only_places

# A job board's or a careers site's own header: its name, or "X Careers | Job opportunities".
BOARD = re.compile(
    r"^(?:charityjob|linkedin|indeed|hellowork|jobs\.ac\.uk|welcome to the jungle|apec|"
    r"france travail|pole emploi|glassdoor|monster|euraxess|reliefweb|idealist|devex|impactpool|"
    r"unjoblink|scholarshipdb|academic ?positions|emploi[- ]territorial|place de l'emploi public|"
    r"choisir le service public|jobteaser|cadremploi|meteojob|profilculture|jobs?board|"
    r"guardian jobs|times higher education|w4mp|nature careers|science careers|portail (?:de l')?"
    r"emploi|mon volontariat international|careers at|jobs at|vacancies at)\b"
    r"|^[\w' —–|-]{2,40}\s(?:jobs|vacancies|procurement notices|careers|(?:careers |jobs? )?"
    r"(?:bulletin|newsletter))$"
    r"|\s[—–-]\s(?:la mission|assignment description|job details)$"
    r"|\b(?:careers?|carrieres?|jobs?|emplois?|recrutement)\s*\|"
    r"|\|\s*(?:careers?|job opportunities|jobs?|offres? d'emploi|emplois?)\s*$")
# (a site's section before a slash: 'Careers / Part 1 Architectural Assistant')
_SECTIONS = ("Careers", "Jobs", "Home", "Accueil", "Carrières", "Emplois")
# ('Home / Jobs / Cellar Person': each section in turn, the post's own slash kept)
CRUMBS = re.compile(r"\s(?:›|>|»)\s|" + "|".join(rf"(?<=^{s})\s/\s|(?<=\s/\s{s})\s/\s"
                                                    for s in _SECTIONS))
CRUMB_MARKS = re.compile(r"\s[›»]\s|\s>\s.*\s>\s|^(?:" + "|".join(_SECTIONS) + r")\s/\s")
_SKIP = re.compile(
    r"publiee? par|posted by|mis en ligne le|diffusee? le|pour le compte|applicants|candidatures? recues|\bago\b|"
    r"il y a \d|easy apply|postuler|^campagne d|^recrutement \d{4}|^job offer$|^offre d'emploi"
    r"|^\d+\s*(?:sem|j|h|min|mois|ans?|w|d|mo|yr|m)\.?\s*[•·]"  # a social post's age: '2 sem. •'
    # a bulletin's issue: 'Issue of Monday 22 February 2027', 'Numéro 214 – mars 2027'
    r"|^(?:issue|edition|numero|volume|vol\.|newsletter|bulletin|lettre)\b(?:\s+\S+){0,5}\s+(?:19|20)\d\d$")
NOT_TITLES = {"offres d'emploi", "offre d'emploi", "aller au contenu", "job opportunity",
               "job description", "vacancy", "skip to content", "synthese de l'offre",
               "skip to main content", "job vacancy", "fiche de poste", "profil de poste",
               "about us", "about the job", "qui sommes-nous"}
# A board's or a document's header line: 'FICHE DE POSTE · UJM-DRI-2024-CCI', 'Vacancy | Ref 12'.
_RUNNING_HEAD = re.compile(r"^(?:" + "|".join(re.escape(name) for name in sorted(NOT_TITLES))
                           + r")\s*+[·|:–—-]")


# A line's right-hand column past a wide gap, with a figure: the page's own facts beside its
# heading ('X                    mis en ligne le 21/10/2027', 'ASSOCIATION Y        1/1').
_RIGHT_FACTS = re.compile(rf"(?<=\S)[ \t]{{6,}}(?:(?=[^\n]{{0,60}}\d)\S[^\n]{{0,59}}|(?i:{DOCUMENT_KINDS}))$")


# A sentence's verb and its subject: 'Sinéad is heading off', 'we have', 'nous sommes'. A
# line of nine words or more saying one is prose, not a heading, whatever post it names.
_CLAUSE = re.compile(r"(?i)\b(?:is|are|was|were|has|have|had|will|we|you|est|sont|était|sera|"
                     r"nous|vous|avons|sommes)\s+(?:[a-zà-ÿ]+)")


def is_prose(line: str) -> bool:
    return len(line.split()) >= 9 and _CLAUSE.search(line) is not None


# A page's rating or badge after its name: '★★★★★', '✓'.
STARS = re.compile(r"\s*[★☆✓✔☑]+\s*$")


def _pictograph(line: str) -> str | None:
    first = line[:1]
    return first if first and unicodedata.category(first) == "So" else None


def pictograph_items(top: list[str]) -> set[str]:
    """The lines of a list whose bullet is a pictograph: each line opening with the same one as
    the line before or after it ('🦷 Two days a week', '🦷 €46 per hour'); or a list of
    several pictographs whose items open in lower case ('📞 answering calls ...' over '🧾
    explaining water bills ...')."""
    marks = [_pictograph(line) for line in top]

    def lower(index: int) -> bool:
        return bool(re.match(r"[^\w]*[a-zà-ÿ]+\b", top[index]))

    return {line for index, line in enumerate(top) if marks[index] and (
        index > 0 and (marks[index - 1] == marks[index] or marks[index - 1] and lower(index))
        or index + 1 < len(top) and (marks[index + 1] == marks[index]
                                     or marks[index + 1] and lower(index)))}


def top_lines(lines: list[str], limit: int = 14) -> list[str]:
    top = []
    for line in lines:
        if line.strip():
            top.append(_RIGHT_FACTS.sub("", line.strip()))
        if len(top) >= limit:
            break
    return top


def _post_in_caps(line: str) -> bool:
    """'EDUCATION OFFICER', 'TRAINING MANAGER': a post's name in capitals that only starts
    with a section's heading word ('EDUCATION'); its other words name the post, and the same
    words in lower case open no section."""
    words = line.split()
    return len(words) >= 2 and heading_of(line.lower()) is None and post_word(" ".join(words[1:]))


def skipped(line: str, is_label: Callable[[str], bool]) -> bool:
    key = fold(line).strip(" :")
    heading = heading_of(line)
    return bool(key in NOT_TITLES or _RUNNING_HEAD.match(key)
                or (heading is not None and heading.name != "other" and not _post_in_caps(line))
                or EMAIL.search(line) or len(line) > 120
                or is_label(key) and (":" in line or not post_word(line))  # 'Grade 3 Teacher'
                or re.match(r"^\S+(?:\s+\S+){0,2}\s*:\s*\S", line) and not post_colon(line, is_label)
                # ('FIFO 2:1', '8:6 roster': a colon between figures is a ratio, no label's)
                or re.match(r"^\S+(?:\s+\S+){3,4}(?<!\d)\s*:\s*\d", line)
                # ('Refuse Loader', 'Public Health Nurse': a word's start is no label)
                or re.match(r"^(offre|ref\b|job\b|job id|publi(?:e|ee|es|ees|shed|cation)\b|n°|"
                            r"no\.\s|nº)", key)
                or re.fullmatch(r"[\W\d_]+", line) or line.startswith("(")
                or re.match(r"^[$£€¥]", line) or re.fullmatch(r"(?:#\w+\s*)+", line)
                or _SKIP.search(key))


def facets(line: str) -> bool:
    """A board's line of facets under the heading: 'CDI · Paris · Salaire : 48K à 58K €'."""
    return len(re.findall(r"\s[·|•]\s", line)) >= 2 and bool(re.search(r"\d|:", line))


# A contract's or a schedule's word: a header's fact, no organisation ('CDI · Carquefou (44)').
_CONTRACT_WORD = re.compile(r"(?i)\b(?:cdi|cdd|full[- ]?time|part[- ]?time|permanent|temporary|"
                            r"contract|contrat|int[ée]rim|stage|internship|alternance|freelance|"
                            r"casual|seasonal|saisonni\w+|intake|apprenticeship|remote|hybrid)\b")


def name_among_facts(below: str, text: str) -> tuple[str, bool]:
    """The line under a heading, or the one name among its facts: 'Job ID: 2918374 | Northwind
    Retail LLC' (a legal form), 'HERVELIN · Paris 1er · Publiée le 03/05/2027' (the one name the
    text writes again, no place, no contract); and whether the text writes that name again."""
    facts = [part.strip() for part in re.split(r"\s+[|·]\s+", below)]
    names = [part for part in facts if not re.search(r":|\d", part) and not only_places(part, text)]
    if len(facts) < 2 or len(names) != 1:
        return below, False
    # (named again as itself, not as a team: 'Our Trust & Safety team writes ...')
    again = not _CONTRACT_WORD.search(names[0]) and bool(re.search(
        rf"(?<![\w-]){re.escape(names[0])}(?![\w-])(?!\s+(?:team|teams|department|group|unit|"
        rf"division|[ée]quipe|service|p[ôo]le)\b)", text.replace(below, ""), re.I))
    return (names[0], again) if LEGAL_END.search(names[0]) or again else (below, False)


def post_alone(lines: list[str], heading_like: Callable[[str], bool]) -> str | None:
    """A short line standing alone after a blank line that names a post: an e-mail's greeting
    and paragraphs, then the post ('Payroll Administrator (part-time)')."""
    return next((line.strip() for before, line in zip(lines[:59], lines[1:60], strict=False)
                 if not before.strip() and line.strip() and len(line.split()) <= 10
                 and not line.rstrip().endswith((".", ":", ",", "?", "!"))
                 and not _FACT_LABEL.match(line.strip())
                 and heading_like(line.strip()) and post_word(line)), None)


# A fact's label and its value: 'Worker Type: Regular', 'Employment status: Casual'.
_FACT_LABEL = re.compile(r"(?i)^[\w ]{0,25}\b(?:type|status|category|class|level|grade)\s*:")


# "Poste n° 0412 — Maître de conférences", "Vacancy 2027/14: Policy Officer"
# (the number holds a figure: 'Job type: Permanent' is a label and its value)
NUMBERED = re.compile(r"^(?:poste|post|posting|job posting|competition|requisition|offre|emploi|vacancy|position|job|annonce|advert)\s*+(?:n°|no\.?|number|#|"
                       r"ref\.?)?\s*+(?=[\w./-]*\d)[A-Z0-9][\w./-]*\s*+[—–:-]\s*+(?P<title>\S.{2,100})$", re.I)


# A call that the next words name the post: 'NOW HIRING', 'We're hiring', 'On recrute'.
_HIRING = re.compile(r"^\W*(?:now hiring|we'?re hiring|we are hiring|on recrute|nous recrutons|"
                     r"je recrute)\b")


def hiring_call(line: str, rest: str) -> bool:
    """Whether a line calls for the posts its rest names ('NOW HIRING 📱 Retail Sales
    Consultants at ...'), their name in the plural too."""
    return _HIRING.match(fold(line)) is not None and posts_word(rest)


def one_post(title: str, snippet: str, lines: list[str]) -> str:
    """A sentence's post in the plural, as one post when the text names it so elsewhere
    ('looking for two new Customer Service Advisors' over 'Customer Service Advisor –
    permanent')."""
    one = title[:-1]
    if title.endswith("s") and len(snippet) > len(title) + 15 and re.search(
            rf"(?<!\w){re.escape(one)}(?![\w'’])", "\n".join(lines).replace(snippet, "")):
        return one
    return title


# A line that only says an organisation recruits ('Biocoop Les Arcades recrute',
# 'recrute pour sa Maison d'enfants ...'): the post is on the next line.
RECRUITS_ALONE = re.compile(
    r"(?:^|\s)(?:recrute|recrutent|recruter|recherche|recherchent|cherche|cherchent|is hiring|"
    r"is recruiting|is looking for|to recruit|to appoint)(?:\s+(?:son|sa|ses|their|its)(?:\s+ou\s+(?:son|sa))?"
    # ('La MJC recrute un·e' and the post on the next line)
    r"|\s+(?:un·e|un\.e|un\(e\)|un/une|une?|an?))?"
    r"(?:\s*:?\s*$|\s+pour\s+(?:sa|son|ses)\b"
    # 'X recrute pour la saison printanière !': when, not whom
    r"|\s+(?:pour|for)\s+(?:la|le|l['’]|cet|cette|the|this)\s*(?:saison|[ée]t[ée]|hiver|rentr[ée]e|"
    r"p[ée]riode|season|summer|winter)\b[^.]*$)", re.I)


def is_crumbs(line: str) -> bool:
    """Whether a line is a site's path ('Home > Careers > X', 'Careers / X')."""
    return bool(CRUMB_MARKS.search(unquoted(line))) and not line.endswith(".") and len(line) <= 120


def crumb_at(top: list[str]) -> int | None:
    """The index of a site's path, if a top line is one."""
    return next((index for index, line in enumerate(top) if is_crumbs(line)), None)


def heading_under_crumbs(top: list[str], heading_at: int | None,
                         find: Callable[[list[str]], int | None]) -> int | None:
    """The heading below a site's path when the path ends in the post it names: the lines
    above the path are the site's header ('Coastline Physio & Allied Health' over 'Home >
    Careers > New Graduate Physiotherapist' over 'NEW GRADUATE PHYSIOTHERAPIST – ...'), even
    when their words name a trade."""
    path = crumb_at(top)
    if path is None or heading_at is not None and heading_at >= path:
        return heading_at
    last = fold(re.split(r"\s/\s", CRUMBS.split(top[path])[-1])[-1]).strip()  # ('Careers / X / Y')
    below = find(top[path + 1:])
    if below is None or len(last) < 4 or last not in fold(top[path + 1 + below]):
        return heading_at
    return path + 1 + below


_PAGE_MARK = re.compile(r"(?i)(?:\bpage\s*+|\bp\.\s*+)\d{1,3}\s*+(?:/|of|sur)\s*+\d{1,3}\s*+$")


def running_heads(lines: list[str]) -> set[str]:
    """The lines a document's text repeats on each of its pages beside the page's number
    ('Offre d'emploi – Assistant(e) de santé au travail     Page 1/2'): a running head, no
    heading, even where it names the post."""
    kept = Counter(_RIGHT_FACTS.sub("", line.strip()) for line in lines if line.strip())
    marked = {_RIGHT_FACTS.sub("", line.strip()) for line in lines if _PAGE_MARK.search(line)}
    # (or a letterhead's line and its right-hand column, both said again on the next page:
    # 'GEA VAL DE DRÔME BIO          Fiche de poste n° MAR-2027-03')
    columned = Counter(line.strip() for line in lines if re.search(r"\S[ \t]{6,}\S", line.strip()))
    marked |= {_RIGHT_FACTS.sub("", line) for line, count in columned.items() if count >= 2}
    return {line for line in marked if line and kept[line] >= 2}
