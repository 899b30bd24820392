"""A web page read the way a reader reads it (issue #15): its structure gives hints (the posting's
heading, the publisher's own name, labelled fields, exact dates from <time>, mailto addresses)
and its readable text (the page without its chrome: menus, cookie banners, breadcrumbs, "similar
jobs" lists, share and newsletter blocks; headings, list items, table rows and definitions on
lines of their own), which the text rules read. Runs in the bounded child on a hostile page: every
walk is an iteration over the parsed tree (lxml stops nesting at its own depth limit), each value
taken from it is clipped, so the work is linear in the page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

import lxml.html

from tracker.importers.base import EMAIL
from tracker.importers.dates import fold

MAX_VALUE = 300  # a title, a name, a label or a value is a line, never more
MAX_ITEMS = 200  # of each kind of hint: a posting has a few

# What a page holds around its content: menus, banners, footers, forms, hidden parts (scripts and
# styles are dropped by html_text itself); the page's head is read for hints, then dropped.
_CHROME = ("//head | //nav | //footer | //aside | //form | //noscript | //template | //dialog"
           " | //button | //header[not(.//h1)] | //*[@role='navigation' or @role='banner' or "
           "@role='contentinfo' or @role='search' or @role='dialog' or @role='alertdialog' or "
           "@aria-hidden='true' or @hidden]")
# The same chrome named by its class, id or label: words of a class split at - _ and spaces.
_CHROME_NAME = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|rgpd|tarteaucitron|didomi|onetrust|breadcrumbs?|"
    r"ariane|fil-ariane|related|similar|similaires?|recommended|recommendations?|share|sharing|"
    r"partage|social|newsletter|subscribe|subscription|sidebar|advert|ads|promo|skip|skiplinks?|"
    r"pagination|comments?|modal|popup|toolbar|menu|navbar|footer|site-header|masthead)"
    r"(?:$|[\s_-])", re.I)
# A block under such a heading is not the posting: 'Similar jobs', 'Offres similaires'...
_CHROME_HEADING = re.compile(
    r"^(?:similar|related|other|more|recommended|latest|recent) (?:jobs|vacancies|offers|roles|"
    r"positions|opportunities|postings)|^(?:offres|annonces|emplois|postes) (?:similaires|"
    r"proches|recommandees|recentes)|^(?:autres|d'autres|dernieres) (?:offres|annonces)|"
    r"^you (?:may|might) also|^vous (?:aimerez|pourriez) aussi|^ces offres pourraient|"
    r"^share|^partager|^newsletter|^(?:subscribe|abonnez-vous|inscrivez-vous)|"
    r"^(?:follow us|suivez-nous)|^job alerts?|^alertes? (?:emploi|e-mail)|^cookies?\b")
_KEEP = {"html", "body", "main", "article"}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
_TIME_WORDS = re.compile(r"\b\d{1,2}\s*(?:[h:]\s*\d{2}|h\b|(?:am|pm)\b)", re.I)
# A <time>'s field, by the words before it in its line (folded text).
_DATE_LABELS = (
    ("valid_through_date", re.compile(
        r"date limite|limite de (?:candidature|depot)|cloture|closing|closes?\b|deadline|"
        r"apply by|apply before|candidater avant|candidatures? (?:avant|jusqu)|jusqu'au|"
        r"expire|valid through|fin de publication|until\b")),
    ("job_start_date", re.compile(
        r"prise de (?:poste|fonctions?)|start|debut|a pourvoir|date d'embauche|commencement|"
        r"demarrage|from\b|a compter")),
    ("date_posted", re.compile(r"publi|posted|mise en ligne|parution|placed on|date of issue")),
    ("interviews", re.compile(r"entretien|interview|jury|audition")),
)


@dataclass
class Candidate:
    """A value the page's structure offers, where it came from and how sure that source is."""

    value: str
    source: str  # 'h1', 'main heading', 'og:title', 'twitter:title', 'title', 'og:site_name'...
    confidence: float


@dataclass
class PageHints:
    """What the page's structure says beside its text."""

    titles: list[Candidate] = field(default_factory=list)
    publisher: Candidate | None = None
    site: str | None = None  # the page's own host, from its canonical address, if it says it
    fields: list[tuple[str, str]] = field(default_factory=list)  # (label, value)
    dates: list[tuple[str, date, time | None, str]] = field(default_factory=list)
    emails: list[tuple[str, str]] = field(default_factory=list)  # (address, its line)
    text: str = ""  # the readable text the hints go with


@dataclass
class Page:
    text: str
    hints: PageHints


def _clip(text: str | None) -> str:
    return " ".join((text or "")[:MAX_VALUE * 4].split())[:MAX_VALUE]


def _text_of(element: Any) -> str:
    """An element's text, bounded: its descendants' text joined, no more than a line's worth
    kept (the walk itself stops once enough is read)."""
    parts: list[str] = []
    size = 0
    for piece in element.itertext():
        parts.append(piece)
        size += len(piece)
        if size > MAX_VALUE * 4:
            break
    return _clip(" ".join(parts))


def read_page(tree: Any, *, by_names: bool = True) -> Page:
    """The page's hints and readable text. `tree` is html_text.parse_html's tree; it is changed
    (the chrome dropped, definitions and tables rewritten as lines). `by_names`: drop the blocks
    whose class, id or role names chrome too (a page whose wrapper's class says 'sidebar' is
    read again without it, see reading._page)."""
    import html_text

    hints = PageHints()
    heading = _head(tree, hints)
    _drop_chrome(tree, heading, by_names)
    _times(tree, hints)
    _mailtos(tree, hints)
    _lines_of_fields(tree, hints)
    _bold_labels(tree, hints)
    hints.text = html_text.extract_text(tree, guess_layout=True)
    return Page(hints.text, hints)


def _main_heading(tree: Any, publisher: str) -> Any:
    """The posting's heading: the <h1> of <main>/<article>, or the page's first <h1> outside its
    header, or any <h1>, or the first heading of <main>/<article>; never the site's own name
    (a logo written as an <h1>)."""
    for path in ("(//main | //*[@role='main'] | //article)//h1", "//h1[not(ancestor::header)]",
                 "//h1", "(//main | //*[@role='main'] | //article)//*[self::h2 or self::h3]"):
        for element in tree.xpath(path)[:MAX_ITEMS]:
            text = _text_of(element)
            if text and not _same(text, publisher):
                return element
    return None


def _meta(tree: Any, *names: str) -> str:
    for name in names:
        for element in tree.xpath("//meta[@property=$n or @name=$n]", n=name)[:5]:
            value = _clip(element.get("content"))
            if value:
                return value
    return ""


def _same(one: str, other: str) -> bool:
    first, second = fold(one).strip(" .:-"), fold(other).strip(" .:-")
    return bool(first and second) and (first == second)


_SITE_WORDS = re.compile(r"(?i)^(?:careers?|jobs?|vacancies|working|emplois?|recrutement|"
                         r"carri[eè]res?)\s+(?:at|with|chez|[aà])\s+|\s+(?:careers?|jobs|"
                         r"vacancies|recrutement|emplois?|carri[eè]res?)$")


def _head(tree: Any, hints: PageHints) -> Any:
    """The publisher, the posting's heading and the title candidates, from the head's metadata,
    the header's logo and the page's headings; returns the heading."""
    title = _clip(next((_text_of(e) for e in tree.xpath("//title")[:1]), ""))
    parts = [p for p in _SEPARATORS.split(title) if p.strip()] if title else []
    site = _meta(tree, "og:site_name", "application-name")
    logo = next((_clip(e.get("alt")) for e in tree.xpath(
        "//header//img[@alt] | //*[contains(@class, 'logo')]//img[@alt] | "
        "//img[contains(@class, 'logo') and @alt]")[:5] if _clip(e.get("alt"))), "")
    logo = re.sub(r"(?i)^(?:logo(?: de| of)?|accueil|home)\s*[:-]?\s*|\s*[:-]?\s*(?:logo|"
                  r"accueil|home(?: page)?)$", "", logo).strip()
    if site:
        hints.publisher = Candidate(site, "og:site_name", 0.9)
    elif len(parts) > 1:
        hints.publisher = Candidate(_SITE_WORDS.sub("", parts[-1].strip()), "title", 0.7)
    elif logo:
        hints.publisher = Candidate(logo, "logo", 0.6)
    canonical = next((e.get("href") or e.get("content") for e in tree.xpath(
        "//link[@rel='canonical'] | //meta[@property='og:url']")[:2]), None)
    host = re.match(r"https?://(?:www\.)?([^/:?#\s]{1,253})", canonical or "")
    hints.site = host.group(1).lower() if host else None
    confirm = [(_meta(tree, "og:title"), "og:title"), (_meta(tree, "twitter:title"),
                                                        "twitter:title")]
    if parts:
        confirm.append((parts[0].strip() if len(parts) > 1 else title, "title"))
    publisher = hints.publisher.value if hints.publisher else ""
    heading = _main_heading(tree, publisher)
    main = _text_of(heading) if heading is not None else ""
    if main and not _same(main, publisher):
        confirmed = any(_same(main, value) or (value and fold(main) in fold(value))
                        for value, _ in confirm)
        source = "h1" if heading.tag == "h1" else "main heading"
        sure = 0.95 if confirmed else 0.9 if heading.tag == "h1" else 0.8
        hints.titles.append(Candidate(main, source, sure))
    for value, source in confirm:
        if value and not _same(value, publisher):
            hints.titles.append(Candidate(value, source, 0.75 if source != "title" else 0.65))
    return heading


def _class_words(element: Any) -> str:
    return " ".join((element.get(name) or "")[:MAX_VALUE]
                    for name in ("class", "id", "role", "aria-label"))


def _drop(element: Any) -> None:
    if element.getparent() is not None:
        element.drop_tree()  # its tail text stays


def _drop_chrome(tree: Any, heading: Any, by_names: bool) -> None:
    """Drop the page's chrome, never what holds the posting's heading."""
    holding = set(heading.iterancestors()) | {heading} if heading is not None else set()
    for element in tree.xpath(_CHROME):
        if element not in holding:
            _drop(element)
    named = [element for element in tree.iter() if by_names and isinstance(element.tag, str)
             and element.tag not in _KEEP and element not in holding
             and _CHROME_NAME.search(_class_words(element))]
    for element in named:
        _drop(element)
    for element in [e for e in tree.iter(*_HEADINGS) if e is not heading]:
        if element.getparent() is None or not _CHROME_HEADING.search(fold(_text_of(element))):
            continue
        parent = element.getparent()
        if parent.tag not in _KEEP and parent not in holding \
                and _first_child(parent) is element:
            _drop(parent)  # a block that starts with the heading: the whole block
            continue
        level = int(element.tag[1])
        under = []
        for sibling in element.itersiblings():  # up to the next heading as high
            if (sibling.tag in _HEADINGS and int(sibling.tag[1]) <= level) or sibling in holding:
                break
            under.append(sibling)
        for sibling in under:
            _drop(sibling)
        _drop(element)


def _first_child(parent: Any) -> Any:
    return next((child for child in parent.iterchildren()
                 if isinstance(child, lxml.html.HtmlElement)), None)


def _lines_of_fields(tree: Any, hints: PageHints) -> None:
    """Definition lists and two-column tables as 'Label: value' lines (the form the text rules
    read), kept as labelled fields too."""
    for dl in list(tree.iter("dl")):
        pairs: list[tuple[str, str]] = []
        label = ""
        for child in dl.iter("dt", "dd"):
            if child.tag == "dt":
                label = _text_of(child)
            elif label:
                pairs.append((label, _text_of(child)))
        _replace(dl, pairs, hints)
    for table in list(tree.iter("table")):
        rows = [[cell for cell in row.iterchildren("th", "td")] for row in table.iter("tr")]
        rows = [row for row in rows if row]
        pairs = []
        if rows and len(rows) > 1 and all(cell.tag == "th" for cell in rows[0]) \
                and all(len(row) == len(rows[0]) for row in rows[1:]):
            heads = [_text_of(cell) for cell in rows[0]]
            pairs = [(head, _text_of(cell)) for row in rows[1:]
                     for head, cell in zip(heads, row, strict=True)]
        elif rows and all(len(row) == 2 for row in rows):
            pairs = [(_text_of(row[0]), _text_of(row[1])) for row in rows]
        if pairs:
            _replace(table, pairs, hints)


def _bold_labels(tree: Any, hints: PageHints) -> None:
    """'Label: value' blocks written with the label in bold: <p><strong>Label :</strong> value."""
    for label in tree.xpath("//*[self::strong or self::b or self::dt or self::th]")[:MAX_ITEMS]:
        parent = label.getparent()
        if parent is None or len(hints.fields) >= MAX_ITEMS:
            continue
        name, line = _text_of(label), _text_of(parent)
        if not name or not line.startswith(name) or len(name) > 80:
            continue
        value = line[len(name):].strip()
        if name.endswith(":") or value.startswith(":"):
            value = value.lstrip(": ").strip()
            if value:
                hints.fields.append((name.rstrip(" :"), value))


def _replace(block: Any, pairs: list[tuple[str, str]], hints: PageHints) -> None:
    if not pairs or block.getparent() is None:
        return
    replacement = lxml.html.Element("div")
    for label, value in pairs:
        if not label or not value:
            continue
        line = lxml.html.Element("p")
        line.text = f"{label} {value}" if label.endswith(":") else f"{label} : {value}"
        replacement.append(line)
        if len(hints.fields) < MAX_ITEMS:
            hints.fields.append((label.rstrip(" :"), value))
    replacement.tail = block.tail
    block.getparent().replace(block, replacement)


def _times(tree: Any, hints: PageHints) -> None:
    """Exact dates: each <time datetime> with the field its line's label names."""
    for element in tree.xpath("//time[@datetime]")[:MAX_ITEMS]:
        match = _ISO.match(_clip(element.get("datetime")))
        if not match:
            continue
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
            at = time(int(match[4]), int(match[5])) if match[4] else None
        except ValueError:
            continue
        if at is not None and not _TIME_WORDS.search(_text_of(element)):
            at = None  # a time the page does not show is the site's, not the posting's
        line = _line_of(element)
        label = fold(line.split(_text_of(element))[0] if _text_of(element) else line)
        for name, pattern in _DATE_LABELS:
            if pattern.search(label[-80:]):
                hints.dates.append((name, day, at, line))
                break


def _line_of(element: Any) -> str:
    """The line an element stands in: its block's text, the label of its row or definition."""
    block = element
    for _ in range(6):
        parent = block.getparent()
        if parent is None:
            break
        block = parent
        if block.tag in ("p", "li", "dd", "td", "div", "span", "section", "tr"):
            break
    text = _text_of(block)
    if block.tag == "dd":  # its label is the definition's term
        term = next(block.itersiblings("dt", preceding=True), None)
        text = f"{_text_of(term)} : {text}" if term is not None else text
    elif block.tag == "td":  # its label is the row's first cell
        first = block.getparent()[0] if block.getparent() is not None else block
        text = text if first is block else f"{_text_of(first)} : {text}"
    return text


def _mailtos(tree: Any, hints: PageHints) -> None:
    """The addresses of mailto: links left in the posting (chrome and share links gone)."""
    for element in tree.xpath("//a[starts-with(translate(@href, 'MAILTO', 'mailto'), "
                              "'mailto:')]")[:MAX_ITEMS]:
        address = _clip(element.get("href"))[7:].split("?")[0]
        found = EMAIL.fullmatch(address.strip())
        if found:
            hints.emails.append((found.group(0), _line_of(element)))
