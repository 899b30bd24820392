"""Which lines of a posting can be its title, read the way a reader reads a page: a title is a
noun phrase that names a post, so a label's row in a table gives it, and these never are: a
value made of figures or of a board's categories, a line a sentence goes on from, the
addressees of a circular. A heading that names the post more fully than a labelled line is the
heading's name (one post named in several ways: the heading's). Also a labelled heading wrapped
onto the next line, and a studentship's project title above its funding line."""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.importers.dates import fold
from tracker.importers.text_names_header import is_org_line
from tracker.importers.text_names_layout import caps_lead, post_word, singular
from tracker.importers.text_title import (
    LEADING_TERMS,
    kind_prefixed,
    notice_post,
    post_in_sentence,
)

# A title's row in a table laid out with spaces: 'Working Title        Acquisitions Editor',
# 'Intitulé du poste          Formateur / Formatrice en cuisine'.
_TITLE_ROW = re.compile(
    r"^(?:working title|job title|position title|post title|role title|title of (?:the )?(?:post|"
    r"position)|intitule(?: du poste| de la fonction)?|titre du poste|nom du poste"
    r"|(?P<loose>poste|fonction|emploi|position|role))"
    r"(?:[ ]{3,}|\t+)(?=\S)")


def title_row(lines: list[str]) -> tuple[str, str] | None:
    """(value, line) of a title's row in a table of label and value set apart by a wide gap
    (a label that may name other things, 'Poste', 'Position', when its value names a post)."""
    for line in lines[:60]:
        stripped = line.strip()
        match = _TITLE_ROW.match(fold(stripped))
        if match:
            value = re.split(r"[ ]{3,}|\t", stripped[match.end():].strip())[0]
            if not match["loose"] or post_word(value):
                return value, stripped
    return None


# A table's row: a short label, a wide gap, its value ('Service          Pôle Restauration').
_ROW = re.compile(r"^(?P<label>\S.{0,30}?)(?:[ ]{3,}|\t+)\S")


def table_row(line: str) -> bool:
    """A row of a table laid out with spaces, its label naming no post: a fact, no heading
    ('Service    Pôle Restauration', 'Contrat    CDD'; 'Data Analyst    Job #: 12' is one)."""
    match = _ROW.match(line.strip())
    return match is not None and not post_word(match["label"])


# A value that is no post's name: a classification's figures ('2.2, coefficient 130'), a
# board's job family and worker's category ('Production, Ouvrier', 'Vente, Employé').
_FIGURES_FIRST = re.compile(r"^\d[\d.,]*(?:\s|,|$)")
_CATEGORY = re.compile(r"^[^,]{2,40},\s*(?:ouvriers?|employ[ée]e?s?|cadres?|non[- ]cadres?|"
                       r"agents? de ma[iî]trise|etam|blue[- ]collar|white[- ]collar)$", re.I)


def names_a_post(value: str) -> bool:
    """Whether a labelled value can name the post: not figures first, not a category list."""
    value = value.strip()
    return not (_FIGURES_FIRST.match(value) or _CATEGORY.match(fold(value)))


def heading_naming_more(value: str, top: list[str], clean: object) -> tuple[str, str] | None:
    """(title, line) of a heading that names the labelled post with its unit or subject after
    a comma or a dash ('Research Coordinator, Centre for Coastal Health Studies' over 'Job
    Title: Research Coordinator'): the heading's name, once its other fields are left out."""
    key = fold(value).strip()
    for line in top[:8]:
        folded = fold(line)
        if not folded.startswith(key) or not re.match(r"\s*(?:,|\s[—–-])\s+\S", folded[len(key):]):
            continue
        cleaned = clean(line) if callable(clean) else line
        if isinstance(cleaned, str) and len(cleaned) > len(value) \
                and fold(cleaned).startswith(key):
            return cleaned, line
    return None


# A header field whose value goes on over indented lines: 'To:   Permanent Secretaries' /
# '      Heads of Departments'.
_ADDRESSED = re.compile(r"^\s*(?:to|cc|bcc|attention|attn|distribution|destinataires?|[àa]|"
                        r"copie)\s*:\s*\S", re.I)


def addressee_lines(lines: list[str]) -> set[str]:
    """The lines of a circular's or a memo's addressees, under its 'To:' label: whom it is
    sent to, never the post."""
    found: set[str] = set()
    for index, line in enumerate(lines[:60]):
        if not _ADDRESSED.match(line):
            continue
        for other in lines[index + 1:index + 12]:
            if not other.strip() or not other[:1].isspace() or ":" in other:
                break
            found.add(other.strip())
    return found


def goes_on(line: str, after: str) -> bool:
    """Whether a sentence goes on from a line into the next: no closing mark at its end, the
    next one starting in lower case ('Le Directeur de l'Office ... annonce' / 'l'organisation
    d'un concours ...'). Such a line is running text, never a heading."""
    line, after = line.strip(), after.strip()
    # (the next line reads as running text, a sentence's end or a long line: a heading's facets
    # under it, 'full-time, permanent, hybrid', do not)
    running = re.search(r"[.!?]$", after) or len(after.split()) >= 8
    # ('... confident BINGO HOST /' over 'CALLER to join the team!': a line ending on a
    # connector or a slash goes on, whatever the case of the next)
    if line and after and running and len(line.split()) >= 4 and re.search(
            r"(?:\s[/&]|\b(?:and|or|the|an?|of|to|for|with|et|ou|de|du|des|les?|la|une?|pour|avec))$",
            line):
        return True
    return bool(line and after and not re.search(r"[.!?:;»)\]]$", line) and running
                and re.match(r"[a-zà-ÿ]", after) and len(line.split()) >= 4)


def sentence_at(top: list[str], index: int) -> str:
    """The line at `index` with the lines its sentence goes on into (up to three)."""
    text = top[index]
    for after in top[index + 1:index + 4]:
        if not goes_on(text, after):
            break
        text = f"{text} {after.strip()}"
    return text


def marked_heading(value: str, snippet: str, top: list[str], marker: re.Pattern[str],
                   clean: object) -> tuple[str, str] | None:
    """(title, line) of the heading above a labelled line that names the same post in other
    words, with its sex marker ('Technicien SAV itinérant (h/f/x)' over 'Fonction | Technicien
    service après-vente itinérant'): one post named in several ways is named as the heading
    names it. The same post: the same first word."""
    first = fold(value).split()[:1]
    for line in top[:10]:
        if snippet.strip().startswith(line) or fold(line) in fold(snippet):
            return None  # down to the labelled line: no heading above it
        if not marker.search(line) or ":" in line or len(line.split()) > 12:
            continue
        cleaned = clean(line) if callable(clean) else line
        if isinstance(cleaned, str) and fold(cleaned).split()[:1] == first \
                and fold(cleaned) != fold(value):
            return cleaned, line
        return None
    return None


def announces(line: str) -> bool:
    """A line that announces what follows and names no post: 'Applications are invited for
    the following post:', 'Le GRETA propose le poste suivant :' (its post is on the next line)."""
    stripped = line.strip()
    return stripped.endswith(":") and len(stripped.split()) >= 3 and not post_word(stripped)


def wrapped(value: str, lines: list[str]) -> str:
    """A labelled heading a page wrapped onto the next line ('Chef d'équipe d'exploitation' /
    'routière (H/F)'): the next line goes on in lower case, short and with no label."""
    stripped = [line.strip() for line in lines]
    if value not in stripped:
        return value
    after = next((line for line in stripped[stripped.index(value) + 1:] if line), "")
    if (re.match(r"[a-zà-ÿ]", after) and len(after.split()) <= 4 and ":" not in after
            and not value.endswith((".", ",", ";", ":"))):
        return f"{value} {after}"
    return value


# A line naming only a funding ('Fully funded EPSRC Doctoral Landscape Award studentship',
# 'Funded PhD studentship', 'Bourse de thèse financée'): the kind of post, not its subject.
FUNDING_ONLY = re.compile(
    r"^(?i:fully[- ]|full[- ])?(?i:funded\s+)?(?:[\w'’-]+\s+){0,6}?(?i:(?:phd|doctoral)\s+)?"
    r"(?i:studentships?|scholarships?|bourses? de th[èe]se|contrats? doctora(?:l|ux))"
    r"(?i:\s+(?:financ[ée]e?s?|funded))?$")


def project_above(snippet: str, top: list[str], heading_like: Callable[[str], bool]) -> str | None:
    """The project's title a studentship's funding line is written under: the line just above,
    a heading (no post's word, no organisation, no sentence)."""
    at = next((i for i, line in enumerate(top) if line == snippet.strip()), None)
    if not at:
        return None
    above = top[at - 1]
    if heading_like(above) and not post_word(above) and not is_org_line(above) \
            and not above.endswith(".") and 3 <= len(above.split()) <= 16:
        return above
    return None


# A sentence that points at the post on the next line: 'nous cherchons un(e) :', 'cherche sa ou
# son futur(e) :', 'to start their apprenticeship with us as an', 'If that's you, read on 👇'.
_POINTS = re.compile(r"(?::|\b(?:as an?|un\(e\)|un·e|une?|futur\(e\)|futur·e)|[👇⬇↓])\W*$", re.I)
_SEEKS = re.compile(r"\b(?:cherch\w*|recherch\w*|recrut\w*|looking for|seek\w*|hiring|recruit\w*|"
                    r"need\w*|want\w*|as an?\W*$|read on)|[👇⬇↓]", re.I)
# A line set off by pictographs or an arrow ('👉 X 👈', '✨ X ✨', '➡️ X'), not a list's bullet.
_SET_OFF = re.compile(r"^[^\w\s(\[«\"'’•*·-]+\s*+(?P<name>.+?)\s*+[^\w)\]»\"'’.!?]*$")


def pointed_post(top: list[str]) -> tuple[str, str] | None:
    """(post, line) of a post set off by pictographs on its own line, under a sentence that
    points at it: a social post's or an e-mail's way of naming the post it is about."""
    for index, line in enumerate(top[1:], start=1):
        before = top[index - 1]
        if len(line) > 120 or not _POINTS.search(before[-60:]):
            continue
        if len(before.split()) < 4 and before[:1].islower():  # (a sentence's end wrapped: 'futur(e) :')
            before = " ".join(top[max(0, index - 2):index])
        set_off = _SET_OFF.match(line)
        if set_off is None or len(before.split()) < 4 or not _SEEKS.search(before):
            continue  # (not a section's heading: 'What you'll bring:')
        name = set_off["name"]
        if len(name.split()) <= 8 and post_word(name) and not name.endswith("."):
            return name, line
    return None


def post_named(line: str) -> tuple[str, str] | None:
    """(post, line): the post a sentence names ('La Ville de Namur engage un électricien')
    or a classified ad's lead words in capitals, when a word of it names a job."""
    post = post_in_sentence(line) or notice_post(line) or kind_prefixed(line) \
        or called_for(line) or caps_lead(line)
    named = post and (post_word(post) or post_word(re.sub(r"s\b", "", post)))  # 'Counselors'
    return (post, line) if post and named else None


_CALLED_FOR = re.compile(r"^(?P<post>[^.!?:]{3,80}?)\s+(?:wanted|required|needed|"
                         r"recherch(?:é|ée|és|ées)|demand(?:é|ée|és|ées))(?!\w)", re.I)


def called_for(line: str) -> str | None:
    """The post a classified ad's line calls for, one of them: 'Seasonal fruit pickers needed'
    is 'fruit picker'."""
    match = _CALLED_FOR.match(line.strip())
    if not match:
        return None
    words = LEADING_TERMS.sub("", match["post"]).split()
    return " ".join(words[:-1] + [singular(words[-1])]) if words else None
