"""A social network's post as a text copies it: its author's line, the headline or the time
under it, the group it was shared in, the network's own name, an Instagram handle; none is a
heading, and a page posting names the organisation it is (split from text_names_layout, whose
module grew past its size)."""

from __future__ import annotations

import re

from tracker.importers.text_names_layout import LINKS, is_nav, post_word

# A social network's post: its author's line ('Priya Raman • 2nd', 'Camille B. • 1er',
# 'Posted by u/name · 4h') and the headline or the time under it are no heading.
_AUTHOR = re.compile(
    # ('Priya Kaur, CPA, CA • 2nd': the letters after a name, set off by commas)
    r"^(?:[A-ZÀ-Ý][\w'’.-]*(?:,?\s+[A-ZÀ-Ý][\w'’.-]*){0,4}\s*[•·]\s*(?:\d+(?:st|nd|rd|th|er|e|eme)"
    r"\+?|author|auteur|auteure|following|follow|suivre)\b|posted by u/|publi[ée]e? par u/)", re.I)
_FORUM = re.compile(r"^r/\w+$|^(?:facebook|linkedin|instagram|twitter|x|reddit|mastodon|threads)$",
                    re.I)


# A social network's group the post was shared in, under the group's name: 'Public group ·
# 61K members', 'Groupe privé · 3,2 k membres'.
_GROUP = re.compile(r"^(?:(?:public|private|closed) group|groupe (?:public|priv[ée]|ferm[ée]))\b"
                    r"(?:\s*[·•]\s*[\d.,]+\s*[kKM]?\s*(?:members|membres))?", re.I)


# A post's time under its author: '12 h · 🌍', '2d • Edited', '15 January at 09:42 · 👥'.
_POSTED_AT = re.compile(r"^(?:\d{1,2}\s*(?:h|min|mins|j|d|w|sem\.?|wk|mo|y|hrs?)\b|"
                        r"\d{1,2}\s+\w+(?:\s+(?:at|à)|,)\s+\d{1,2}[:h]\d\d\b|"
                        # a day without its time, then the post's dot: '12 mai · 🌍', 'August
                        # 27 at 6:45 PM · North Vancouver'
                        r"(?:\d{1,2}\s+[^\W\d]{3,10}\.?|[^\W\d]{3,10}\.?\s+\d{1,2})(?:,?\s+\d{4})?"
                        r"(?:\s+(?:at|à)\s+\d{1,2}[:h.]?\d\d\s*(?:[AP]M)?)?\s*[·•])\s*[·•]?", re.I)
# A network's handle, alone or with its badge: 'saltbushbrewing  ✓'.
HANDLE = re.compile(r"^@?(?P<handle>[a-z0-9._]{3,30})(?:\s*[✓✔☑])?$")


def _words(line: str) -> int:
    """A line's words, its dashes, marks and linking words left out ('Carousel Bingo Club –
    Great Yarmouth': 5, 'Les Écuries du Moulin de Trémelin': 3)."""
    return len([word for word in re.findall(r"[\w'’&.-]*\w", line) if word.lower() not in LINKS])


def page_lines(top: list[str]) -> set[int]:
    """Indexes of the lines naming who posts on a network, above when it was posted (a page or
    a person; not a group, whose kind the line under its name gives)."""
    return {index - 1 for index, line in enumerate(top)
            if index and _POSTED_AT.match(line.strip()) and len(line.split()) <= 12
            and _words(top[index - 1]) <= 5 and not _GROUP.match(top[index - 1].strip())
            # (not an author's headline: 'Priya Raman • 2nd' over 'Director of X', then the time)
            and not (index >= 2 and _AUTHOR.match(top[index - 2].strip()))}


def is_author(line: str) -> bool:
    """Whether a line is a social post's author's ('Aroha Tipene • 2nd')."""
    return bool(_AUTHOR.match(line.strip()))


_TO_GROUP = re.compile(r"[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,3}\s+[▸►▶]\s+\S")


def author_lines(top: list[str]) -> set[int]:
    """Indexes of a social post's author line, the line of its headline or time under it, and
    the network's or the forum's own name."""
    found: set[int] = set()
    for index, line in enumerate(top):
        if _POSTED_AT.match(line.strip()) and len(line.split()) <= 12 and index \
                and _words(top[index - 1]) <= 5:
            found.add(index)  # when it was posted
            if not post_word(top[index - 1]):
                found.add(index - 1)  # the page or the person posting
        if _FORUM.match(line.strip()):
            found.add(index)
        elif _GROUP.match(line.strip()):
            found.update({index - 1, index} if index else {index})  # the group's name, then its kind
        elif index == 0 and HANDLE.match(line.strip()) and re.search(r"[a-z]", line):
            found.add(index)
        elif _TO_GROUP.match(line.strip()):
            found.add(index)  # 'Jess Harland ▸ Seasonaire Jobs – Alps': a member posting to a group
            if index + 1 < len(top) and _POSTED_AT.match(top[index + 1].strip()):
                found.add(index + 1)  # (and when)
        elif _AUTHOR.match(line.strip()):
            found.add(index)
            if index + 1 < len(top) and not _AUTHOR.match(top[index + 1]) \
                    and "/" not in line:  # a profile's headline, not a forum post's heading
                found.add(index + 1)
    return found


def headline_firms(lines: list[str]) -> list[tuple[str, str, float]]:
    """The firm a social post's author names in their headline ('Responsable d'exploitation
    chez Hydro-Pyrène Énergie | Petite hydroélectricité'), not a site's menu ('Life at X   FAQs')."""
    return [(m.group(1), line, 0.6) for line in lines[:5] if (m := re.search(
        r"\b(?:chez|at)\s+([A-ZÀ-Ý](?:(?!\s\s)[^|·•\n]){2,60}?)\s*(?:[|·•]|$)", line))
        and not is_nav(line)]
