"""The title of a posting's text, found the way a reader finds it: a labelled line, an e-mail's
subject, the heading at the top past a job board's own header, breadcrumbs, reference lines,
notices' names and greetings (a kind written first and the terms written after it left out), the
post a "X recrute un·e Y" sentence names; and the names the header gives for the employer (the
organisation's line above the heading, the name under it, a careers site's own name), which
text_employer weighs with the other sources. Only a labelled line is sure."""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.importers.base import EMAIL, ParsedPosting
from tracker.importers.dates import fold
from tracker.importers.sections import BULLET
from tracker.importers.text_heading_below import name_below
from tracker.importers.text_heading_lines import (
    BOARD,
    CRUMBS,
    NUMBERED,
    RECRUITS_ALONE,
    STARS,
    facets,
    heading_under_crumbs,
    hiring_call,
    is_crumbs,
    is_prose,
    one_post,
    pictograph_items,
    post_alone,
    running_heads,
    skipped,
    top_lines,
)
from tracker.importers.text_names_check import plausible_title, table_value
from tracker.importers.text_names_full import names_body
from tracker.importers.text_names_header import (
    _CAMPAIGN,
    Sources,
    _board_employer,
    _body_of,
    _header_line,
    _header_name,
    _name_like,
    _named_elsewhere,
    _named_later,
    _spelled_in,
    document_owner,
    is_org_line,
    org_name,
)
from tracker.importers.text_names_heading import employer_after, one_language
from tracker.importers.text_names_layout import (
    domain_labels,
    heading_index,
    is_letterhead,
    is_nav,
    is_publisher_line,
    is_unit_line,
    mail_labels,
    matches_domain,
    post_word,
    posts_word,
    site_name_lines,
)
from tracker.importers.text_names_social import HANDLE, author_lines, page_lines
from tracker.importers.text_names_words import (
    _ARTICLE,
    _RECRUITS,
    _SEX,
    _employer_off,
)
from tracker.importers.text_title import (
    is_call,
    kind_prefixed,
    named_as_post,
    notice_post,
    post_in_sentence,
    trim_terms,
)
from tracker.importers.text_title_lines import (
    FUNDING_ONLY,
    addressee_lines,
    announces,
    goes_on,
    heading_naming_more,
    marked_heading,
    names_a_post,
    pointed_post,
    post_named,
    project_above,
    sentence_at,
    table_row,
    title_row,
    wrapped,
)
from tracker.importers.text_title_mail import ad_heading, bulletin_jobs_at, subject_title
from tracker.importers.text_title_place import trim_place

Labelled = dict[str, list[tuple[str, str]]]
# A network's degree of connection after a person's name: 'Inès Barthe • 2e', 'Sam Lee · 3rd+'.
_DEGREE = re.compile(r"[•·]\s*(?:1er|2e|3e|1st|2nd|3rd)\+?\s*$")

# 'Poste de professeure ...', 'Position of Registrar': the word for a post before its name.
_POST_OF = re.compile(r"^(?:poste|emploi|position|post)\s+(?:de\s+|d['’]\s*|of\s+)(?=\w)", re.I)


def clean_title(line: str) -> str:
    # '➡️ Agent de conditionnement': the marks before the post's first word
    line = re.sub(r"^[^\w(«\"'’]+(?=\w)", "", line.strip())
    line = re.sub(r"^(?:\d{1,2}|[a-h])[).]\s+(?=\w)", "", line)  # '1) X': a list's number
    line = kind_prefixed(line) or line  # "OFFRE D'EMPLOI – MATELOT": the kind, then the post
    # '>> COMMIS DE CUISINE (H/F) <<', 'Animateur 🌞': the marks set around a heading
    line = re.sub(r"\s+[^\w\s()\[\]«»\"'’%€$£+]+$", "", line)
    counted = re.match(r"\d{1,3}\s+(?=[^\W\d]{2,}[sxSX]\b)", line)  # '6 AGENTS D'ENTRETIEN'
    first = line[counted.end():].split()[0] if counted else ""
    if counted and (post_word(first) or post_word(first[:-1])):
        line = line[counted.end():]
    # 'experienced Production Coordinator': a sentence's adjective before the post's name
    line = re.sub(r"^(?:experienced|qualified|motivated|dynamic|skilled|talented|new|"
                  r"exp[ée]riment[ée]e?s?|motiv[ée]e?s?|dynamique|qualifi[ée]e?s?)\s+(?=[A-ZÀ-Ý])",
                  "", line)
    title = _employer_off(trim_terms(_ARTICLE.sub("", _SEX.sub(" ", line)).strip(" :-–—")))
    rest = _POST_OF.sub("", title)
    if rest == title or not post_word(rest):
        return title
    return re.sub(r"\s+ou\s+(?:de\s+|d['’]\s*)", " ou ", rest)  # 'de A ou de B' is 'A ou B'



def read_title(result: ParsedPosting, lines: list[str], labelled: Labelled,
               is_label: Callable[[str], bool]) -> tuple[Sources, Sources, Sources]:
    """The title; and the names the header gives for the employer: (organisation lines above
    the heading, the name under it, a careers site's own name)."""
    top = top_lines(lines[bulletin_jobs_at(lines):])  # (a bulletin's ad: below its jobs' section)
    handle = HANDLE.match(top[0]) if top else None
    if handle:  # an Instagram caption opens with its author's handle: 'saltbushbrewing WE'RE ...'
        name = handle["handle"]
        top = [line[len(name):].strip() if index and line.startswith(name + " ") else line
               for index, line in enumerate(top)]
    header: list[tuple[str, str, float]] = []
    below_title: list[tuple[str, str, float]] = []
    boards: list[tuple[str, str, float]] = []

    def take(value: str, snippet: str, confidence: float) -> bool:
        """Offer a title if it can name a post (whatever rule found it)."""
        title = clean_title(value)
        # (a sentence's end, a full stop after a word in lower case, closes no post's name:
        # 'A degree.' under 'Qualifications'; an abbreviation's, 'Admin. Asst.', is short)
        if not plausible_title(title) or re.search(r"\s[a-zà-ÿ]{5,}\.$", title):
            return False
        result.add("title", one_post(title, snippet, lines), snippet, confidence)
        return True

    top_all = top_lines(lines, 20)
    # (a labelled value of figures or a board's categories names no post: '2.2, coefficient 130')
    titles = [found for found in labelled.get("title") or [] if names_a_post(found[0])]
    if titles and len(titles[0][0]) <= 200:
        take(wrapped(titles[0][0], lines), titles[0][1], 0.9)
        taken = result.get("title")
        fuller = heading_naming_more(str(taken.value), top_all, clean_title) if taken else None
        if taken and fuller and plausible_title(fuller[0]):  # one post named in several ways:
            taken.value, taken.snippet = fuller  # the heading's
    row = title_row(lines) if not result.get("title") else None
    if row:  # 'Working Title        Acquisitions Editor': a table laid out with spaces
        take(row[0], row[1], 0.88)
    tabled = next(((v, line) for line in lines[:40] if (v := table_value(line))), None)
    if tabled and not result.get("title"):  # 'Intitulé du poste | X' in a flattened table
        take(tabled[0], tabled[1], 0.85)
    labelled_title = result.get("title")
    marked = marked_heading(labelled_title.value, str(labelled_title.snippet), top_all, _SEX,
                            clean_title) if labelled_title else None
    if labelled_title and marked and plausible_title(marked[0]):  # one post named in several
        labelled_title.value, labelled_title.snippet = marked  # ways: the heading's
    subject = subject_title(top, is_org_line, "\n".join(lines))
    if not result.get("title"):  # an e-mail's ad below its subject (a bulletin's too)
        carried = ad_heading(lines, is_org_line, lambda line: bool(_SEX.search(line)))
        if not (carried and take(carried[0], carried[1], 0.72)) and subject:
            take(subject[0], subject[1], 0.7)
        elif carried:  # the ad's heading, the organisation on the line under it
            rest = lines[[line.strip() for line in lines].index(carried[1]) + 1:]
            ad_org = name_below(next((line.strip() for line in rest if line.strip()), ""),
                                "\n".join(lines), lines, is_label)
            below_title += [ad_org] if ad_org else []
    text = "\n".join(lines)
    crumb, labels, after_recruits = None, 0, False
    found_at = None
    domains = domain_labels(text, EMAIL)
    site_names: Sources = []  # a site's own name in its header, confirmed
    authors = {top[index] for index in author_lines(top)}  # a social post's author
    pages = page_lines(top)
    addressees = addressee_lines(lines)  # a circular's 'To:' block
    # (a line with a sex marker is a heading, whatever follows it: 'X (f/m/d) in Y' / 'full-time')
    running = {line for line, after in zip(top, top[1:], strict=False)
               if goes_on(line, after) and not _SEX.search(line)}
    sites = {top[index] for index in site_name_lines(top)}  # the logo before a site's menu
    heads = running_heads(lines)
    items = pictograph_items(top)  # '🦷 Own surgery ...', '🦷 €46 per hour': a list's items

    def heading_like(line: str) -> bool:
        return not (line in authors or line in addressees or line in running or announces(line)
                    or line in items or is_prose(line)
                    or table_row(line)
                    or _CAMPAIGN.search(line) or line in sites or is_letterhead(line) or is_unit_line(line)
                    or skipped(line, is_label) or is_call(line) or RECRUITS_ALONE.search(line)
                    or (line.endswith(".") and len(line.split()) > 8)
                    or len(line.split()) > 16 or facets(line) or BULLET.match(line))

    pointed = pointed_post(top) if not result.get("title") else None
    if pointed:  # 'nous cherchons un(e) :' over '➡️ Monteur-vendeur': the post it points at
        take(pointed[0], pointed[1], 0.7)
    # The first heading naming a post (one with a sex marker first): a line naming none above
    # it is the page's header, not its heading.
    heading_at, by_marker = heading_index(top, heading_like, _SEX, is_org_line)
    if heading_at is None:  # no line names a known post: the one a line announces ('X recrute :')
        # (the announcement ends its line; the line it points to is no sentence)
        heading_at = next((i + 1 for i, line in enumerate(top[:-1])
                           if (RECRUITS_ALONE.search(line) and re.search(
                               r"(?::|\b(?:recrute|recrutent|recherche|cherche|hiring|recruiting))"
                               r"\s*[!:]?\s*$", line) or announces(line))
                           and heading_like(top[i + 1]) and not top[i + 1].endswith(".")), None)
    under = heading_under_crumbs(top, heading_at, lambda rest: heading_index(
        rest, heading_like, _SEX, is_org_line)[0])
    site_header, heading_at = under != heading_at, under
    labelled_at = result.get("title")
    if heading_at is None and labelled_at is not None:  # a labelled title line is the heading:
        # the lines above it are the page's header ('LABORATOIRES X – Nous recrutons' over a
        # table whose first row is 'Intitulé du poste | Y')
        heading_at = next((i for i, line in enumerate(top)
                           if " ".join(line.split()) == " ".join(str(labelled_at.snippet).split())),
                          None)
    for index, line in enumerate(top):
        if labels >= 3:
            break  # past a block of labelled lines: the heading, if any, was above it
        key = fold(line)
        # (not under a person's name, 'Inès B. • 2e': her headline's end is no page's name)
        if index in pages and not header and not any(_DEGREE.search(above) for above in top[:index]) \
                and (names_body(STARS.sub("", line)) or matches_domain(
                    STARS.sub("", line), mail_labels(text, EMAIL))):
            # a page posting on a network: the organisation it is ('Millbrook Police
            # Department' over 'April 26 at 3:15 PM · 🌎', or a name its address spells)
            header.append((org_name(STARS.sub("", line)), line, 0.7))
            continue
        if line in authors or line in addressees or is_letterhead(line):
            continue
        owner = document_owner(line)
        if owner:  # 'X   Position Description – Y': a document's own header
            header.append((owner, line, 0.8))
            continue
        if _CAMPAIGN.search(line):  # 'Alpenflug Airlines – Pilot Recruitment'
            boards.append((org_name(line), line, 0.6))
            continue
        above = line in sites or is_unit_line(line) or heading_at is not None and index < heading_at and (
            by_marker or site_header or not post_word(line))
        numbered = NUMBERED.match(line) if not is_call(line) and not above else None
        if numbered and take(numbered["title"], line, 0.7):
            break
        notice = notice_post(line) if not above and len(line) <= 200 else None
        if notice and post_word(notice) and take(notice, line, 0.6):
            found_at = None
            break
        if is_crumbs(line):
            parts = [part.strip() for part in CRUMBS.split(line)]
            boards += _board_employer(parts[0], text) + [
                (name, line, 0.65) for before, name in zip(parts, parts[1:], strict=False)
                if re.fullmatch(r"(?i)entreprises?|companies|employers?|employeurs?", before)]
            crumb = parts[-1] if not is_call(parts[-1]) else crumb  # ('› Offres en cours')
            continue
        if BOARD.search(key):
            boards += _board_employer(line, text)
            continue  # the publisher's name: never the title
        if is_nav(line):
            continue  # a site's menu or its path
        if line in heads and post_word(line):
            continue  # a running head naming the post: the heading names it below
        recruits = _RECRUITS.match(line)
        post = post_in_sentence(line) if recruits and not RECRUITS_ALONE.search(line) else None
        if post and not above and take(post, line, 0.6):
            found_at = index
            break
        prefixed = kind_prefixed(line)
        if (RECRUITS_ALONE.search(line) or is_call(line) or announces(line)) and not prefixed:
            after_recruits = after_recruits or bool(RECRUITS_ALONE.search(line) or announces(line))
            continue
        # ('NOW HIRING 📱 Retail Sales Consultants at ...': a call naming posts, above a line
        # with a post's word)
        if prefixed and (not above or hiring_call(line, prefixed)) and not is_org_line(prefixed) \
                and (posts_word(prefixed) or not _named_elsewhere(prefixed, text)) \
                and take(prefixed, line, 0.65):
            found_at = index
            break
        if prefixed and labelled_at is not None and fold(clean_title(prefixed)) == fold(
                str(labelled_at.value)):
            continue  # 'Poste : X', 'Intitulé du poste : X': the labelled post, no organisation
        if prefixed and not posts_word(prefixed):  # ('NOW HIRING 📱 Sales Consultants at ...'
            header.append((org_name(prefixed), line, 0.7))  # above the heading names no one)
            continue
        if skipped(line, is_label):
            labels += bool(":" in line or is_label(fold(line).strip(" :")))
            continue
        if index + 1 < len(top) and is_unit_line(top[index + 1]) and not is_unit_line(line) \
                and index != heading_at and not post_word(line) \
                and not is_publisher_line(line) and _name_like(_header_name(line)):
            # 'Polynésie française' over 'Direction générale des ressources humaines': the body
            # whose unit the next line names
            header.append((_header_name(line), line, 0.65))
            continue
        if index != heading_at and not (above and is_publisher_line(line)) \
                and (is_org_line(line) or _named_later(line, text)):
            header.append((_body_of(line, town=False), line, 0.75))
            continue
        if above:
            _header_line(line, text, domains, header, site_names, boards)
            continue
        if line.endswith(".") and len(line.split()) > 8:
            break  # running text: the heading was not in the header
        if line in running:  # a sentence going on over lines: the post it names, if any
            sentence = post_in_sentence(sentence_at(top, index)) or notice_post(sentence_at(top, index))
            if sentence and take(sentence, line, 0.6):
                found_at = index
                break
            continue
        confidence = 0.65 if not after_recruits or _ARTICLE.match(line) else 0.6
        title = line
        if heading_at is None and not post_word(line):
            # no heading names a post: the sentence or the classified ad that names one
            # (a sentence going on over lines read whole: 'La crèche ... cherche un·e' / 'X pour ...')
            sentences = [sentence_at(top, i) if top[i] in running else top[i] for i in range(len(top))]
            named = next((p for p in map(post_named, sentences) if p and plausible_title(
                clean_title(p[0]))), None)
            if named and take(named[0], named[1], 0.55):
                found_at = None
                break
            if index == 0 and is_publisher_line(line) or is_org_line(line):
                continue  # a board's or an organisation's name is no post's
        if after_recruits and _ARTICLE.match(line):  # 'un assistant social (M/F/X) pour son'
            title = post_in_sentence(f"recrute {line}") or line
        sentence = post_in_sentence(line) if len(line.split()) > 8 else None
        if sentence and post_word(sentence):  # 'My team at X is looking for a Y to join us'
            title = sentence
        elif is_prose(line) or line in items:
            continue  # a sentence's line, a list's item: no heading
        if table_row(line) or line in heads or not take(title, line, confidence):
            continue  # a table's row, a running head, an address, a number, a list item: read on
        found_at = index
        break
    if found_at is not None and found_at + 1 < len(top):
        heading_org = name_below(top[found_at + 1], text, lines, is_label)
        below_title += [heading_org] if heading_org else []
    if not result.get("title"):
        post = next((p for i in range(min(10, len(top))) for p, known in (
                         (post_in_sentence(sentence_at(top, i)), False),
                         (named_as_post(sentence_at(top, i)), True),
                         # an official notice's first paragraph, however long: 'organise un
                         # recrutement sans concours d'adjoints techniques ... (ATASM)'
                         (notice_post(sentence_at(top, i)[:400]), False))
                     if p and (known or post_word(p)) and plausible_title(clean_title(p))), None)
        if post:
            take(post, post, 0.55)
    if not result.get("title"):  # 'l'AIDR recrute :' and the post on the line under it
        after = next((top[i + 1] for i, line in enumerate(top[:-1])
                      if RECRUITS_ALONE.search(line) and heading_like(top[i + 1])
                      and post_word(top[i + 1])), None)
        if after:
            take(post_in_sentence(f"recrute {after}") or after, after, 0.55)
    if crumb and not result.get("title"):
        take(crumb, crumb, 0.55)
    alone = post_alone(lines, heading_like) if not result.get("title") else None
    if alone:  # an e-mail's greeting and paragraphs, then the post alone
        take(alone, alone, 0.55)
    if not result.get("title"):  # 'POST 04/112 : DEPUTY DIRECTOR ...' below a circular's notes
        numbered = next((m for line in lines[:60] if (m := NUMBERED.match(line.strip()))), None)
        if numbered:
            take(numbered["title"], numbered.group(0), 0.6)
    found = result.get("title")
    if found is not None and FUNDING_ONLY.match(found.value):
        project = project_above(str(found.snippet), top, heading_like)
        if project:  # a studentship's project: its own title, the funding line under it
            found.value, found.snippet = project, project
    lead = re.match(r"([A-Z]{2,6})\s+(?=[A-Z][a-z])", found.value) if found is not None else None
    if found is not None and lead and post_word(found.value[lead.end():]) \
            and _spelled_in(lead.group(1), text):
        found.value = found.value[lead.end():]  # 'AAI Junior Executive': the employer's acronym
    if found is not None:
        found.value = one_language(employer_after(found.value, text), text)
    last = re.split(r"\s+[—–|-]\s+|,\s+", found.value)[-1] if found is not None else ""
    bracket = re.search(r"\(([^()]*)\)\s*$", last)  # ('X en déménagement (Lille)': its bracket)
    if found is not None and not post_word(bracket.group(1) if bracket else last):
        placed = trim_place(found.value, text)
        # ('X (6 mois) – Bordeaux': the terms the place hid are at the end now)
        found.value = trim_terms(placed) or placed if placed != found.value else placed
    return header, below_title, site_names + boards

