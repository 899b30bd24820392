"""How a reader finds the title in an e-mail: the subject's post once its tags, the sender's
words and the organisation are left out, or the heading of the ad the e-mail carries below
it (moved from text_title, whose module grew past its size)."""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.importers.dates import fold
from tracker.importers.text_names_layout import SEPARATOR_LINE, post_word, singular
from tracker.importers.text_title import _KIND_PREFIX, _TERMS, is_call

_SUBJECT = re.compile(r"^(?:subject|objet|sujet)\s*:\s*(?P<value>.+)$", re.I)
_SUBJECT_TAGS = re.compile(r"^(?:(?:re|tr|fwd?|fw)\s*:\s*|\[[^\]]{1,40}\]\s*|"
                           r"(?:job(?: posting| offer| opening)?|poste|offre(?: d'emploi)?|vacancy)\s*:\s*)+", re.I)
_POST_OF = re.compile(r"^(?:poste|offre|position|post)\s+(?:d['’]|de\s+|of\s+)", re.I)


# A subject's part that only says a post is offered: 'Job opportunity – X', 'Job ad - X'.
_LEAD_PART = re.compile(r"(?:(?:new |hot |great )?(?:job|career|employment) (?:opportunity|ad|advert|"
                        r"posting|offer|alert|opening)|opportunity|opening|vacancy|job vacancy|"
                        r"opportunite(?: confidentielle)?|confidential (?:opportunity|role|search)|"
                        r"offre|offre d'emploi|offre (?:en|d'|de) ?(?:apprentissage|alternance|stage|emploi)|annonce|offre a diffuser|poste a pourvoir"
                        # 'Diffusion offre – X', 'For circulation – X': the sender asks to pass it on
                        r"|(?:pour )?(?:diffusion|partage|relais|transmission)(?: d['’]\s*| de l['’]\s*|"
                        r" d'une| de)? ?(?:offre|annonce|poste)(?: d'emploi)?"
                        r"|for (?:circulation|sharing|distribution)|please (?:share|circulate))s?$")
# 'offre technicien', 'Recherche cuisinier(ère)': the sender's word before the post.
_LEAD_WORD = re.compile(r"^(?:offre|annonce|recherche|cherche|on recherche)\s+(?:d['’]emploi\s+)?"
                        r"(?:(?:de|du)\s+|d['’]\s*)?(?=\w)", re.I)


# A bulletin's subject listing its items, jobs among them: 'RCLA Weekly – Canada Day library
# hours, CPD on summary judgment, career opportunities'.
_DIGEST = re.compile(r",[^,]*\b(?:career opportunities|job opportunities|jobs|vacancies|offres d'emploi|"
                     r"emplois|recrutements?)\s*$|\b(?:weekly|newsletter|bulletin|digest|lettre d'information|"
                     r"hebdo)\b[^,]*,[^,]*,")


# 'Offre d'emploi à diffuser auprès de vos anciens BTS', 'Job ad to share with your students'.
_SHARE = re.compile(r"^(?:offre(?: d'emploi)?|annonce|job (?:ad|advert|offer|posting)|vacancy)\s+"
                    r"(?:a diffuser|a transmettre|a relayer|a faire circuler|to (?:share|forward|"
                    r"circulate|pass on))\b")


# A thread's or a forwarded message's title at the top, without a 'Subject:' label: 'Re:
# [Annonces] X', 'Fwd: X'.
_REPLY = re.compile(r"^(?P<value>(?:re|tr|fwd?|fw)\s*:\s*\S.*)$", re.I)
# A subject's part addressed to its readers: 'Offre pour vos anciens BTS', 'For your graduates'.
_TO_READER = re.compile(r"\b(?:pour (?:vos|tes|nos)|a (?:vos|tes)|for your|to your)\b")


def subject_title(lines: list[str], is_org: Callable[[str], bool],
                  text: str = "") -> tuple[str, str] | None:
    """(title, line) from an e-mail's subject: its tags ('Fwd:', '[Offre d'emploi]', 'Job:'),
    a part saying only that a post is offered ('Job opportunity –'), and the parts naming the
    organisation or the contract left out; a name after a comma the text uses again (the
    employer's, 'X, Paper Lantern Animation') too."""
    # (a 'Subject:' line first: a forwarded message's own subject under the forward's)
    labelled = [(line, m) for line in lines[:12] if (m := _SUBJECT.match(line.strip()))]
    replies = [(line, m) for line in lines[:3] if (m := _REPLY.match(line.strip()))]
    for line, match in labelled + replies:
        value = _SUBJECT_TAGS.sub("", match["value"]).strip()
        value = re.sub(r"\s*\([^)]*\)\s*$", "", value)
        parts = [p.strip() for p in re.split(r"\s+[—–-]\s+", value) if p.strip()]
        if _SHARE.match(fold(value)):
            continue  # the sender's request to pass the offer on: the post is in the body
        if _DIGEST.search(fold(value)):
            continue  # a bulletin's items, the jobs one of them: the post is in the body
        kept = [p for p in parts if not is_org(p)
                and not _LEAD_PART.match(fold(p).strip(" !:")) and not _TO_READER.search(fold(p))
                and not re.fullmatch(rf"(?i){_TERMS}.*|[A-Z]{{2,}}(?:\s+\d+)?", p)
                # ('Offre CDI – X': the sender's word and the contract, no post)
                and not re.fullmatch(rf"(?i){_TERMS}\W*", _LEAD_WORD.sub("", p))]
        if kept:
            post = _LEAD_WORD.sub("", _POST_OF.sub("", kept[0]).strip())
            head, _, tail = post.rpartition(", ")
            rest = text.replace(line.strip(), "")
            if head and re.fullmatch(r"[A-ZÀ-Ý][\w'’&.-]*(?:\s+[A-ZÀ-Ý&][\w'’&.-]*){0,5}", tail) \
                    and re.search(rf"(?<![\w-]){re.escape(tail)}(?![\w-])", rest, re.I):
                post = head
            # ('… – Food & Beverage Team Members' and the ad's heading 'FOOD & BEVERAGE TEAM
            # MEMBER – SUMMER 2027': the post as the ad names it, in the singular)
            words = post.split()
            single = " ".join(words[:-1] + [singular(words[-1])]) if words else post
            if single != post and re.search(rf"(?im)^[^\w\n]*{re.escape(single)}(?![\w'’-])", rest):
                post = single
            return post, line.strip()
    return None


_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_FACT = re.compile(r"^[A-ZÀ-Ý][\w /&'’-]{1,30}\s?:\s+\S")
# A signature's line: 'Isabelle Renaud, directrice', 'Antti Virtanen, Research Professor' (a
# post's name before the comma is a heading: 'Service Technician, Offshore').
_SIGNED = re.compile(r"^[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+){1,2},\s")
_HEADER_FIELD = re.compile(r"^[\w' -]{1,25}\s?:(?:\s|$)")


# A bulletin's contents or its issue ('IN THIS ISSUE: ...', 'Au sommaire', 'Issue 58'), and
# its section of jobs ('💼 JOBS AT THE HOSPICE – PLEASE SHARE!', 'Offres d'emploi').
_CONTENTS = re.compile(r"^(?:in this issue|this (?:week|month)|inside|au sommaire|sommaire|"
                       r"dans ce numero|a la une)\b|\b(?:newsletter|bulletin|lettre d'information)\b"
                       r"[^\n]{0,80}?\b(?:issue|no\.?|n°|numero)\s*\d+")
_JOBS_SECTION = re.compile(r"^(?:\d+[.)]\s*+)?(?:(?:member|members'?|our|nos)\s++)?"  # '3. MEMBER JOBS BOARD'
                           r"(?:jobs?|vacanc(?:y|ies)|careers?|job opportunities|we'?re hiring|"
                           r"offres? d'emploi|emplois?|recrutements?|on recrute|postes? a pourvoir)\b")


def _jobs_section(body: list[str]) -> int:
    """The index of a bulletin's section of jobs, where its ad starts (0 in any other mail):
    the section's heading past the contents, whose own item names it too."""
    contents = next((i for i, line in enumerate(body[:40]) if _CONTENTS.search(fold(line))), None)
    if contents is None:
        return 0
    listed = next((i for i, line in enumerate(body[contents + 1:], contents + 1) if not line),
                  len(body))  # ('IN THIS ISSUE' / '> Jobs in the network' / ...: its items)
    return next((i + 1 for start in (listed, contents + 1) for i, line in enumerate(
                     body[start:], start) if len(line.split()) <= 10 and _JOBS_SECTION.match(
                     re.sub(r"^[^\w]+", "", fold(line)))), 0)


def bulletin_jobs_at(lines: list[str]) -> int:
    """The index of the line under a bulletin's section of jobs (0 in any other text): its
    heading and its news stand above the ad's ('TASTE THE WEST' / 'IN THIS ISSUE' / ...)."""
    return _jobs_section([line.strip() for line in lines[:120]])


def ad_heading(lines: list[str], is_org: Callable[[str], bool],
               marked: Callable[[str], bool]) -> tuple[str, str] | None:
    """(heading, line) of the ad an e-mail carries below its subject: a short line standing
    alone (a blank line, a separator or the organisation's line above it) that names a post
    (a sex marker, a post's word) or heads a block of facts ('Facility: ...', 'Shift: ...').
    The ad's own heading names the post; the subject is the sender's words about it."""
    start = next((i for i, line in enumerate(lines[:15]) if _SUBJECT.match(line.strip())), None)
    if start is None:
        return None
    body = [_QUOTE.sub("", line).strip() for line in lines[start + 1:start + 80]]
    jobs = _jobs_section(body)
    for index, line in enumerate(body):
        if index < jobs:
            continue  # a bulletin's items before its jobs: its own name, its news
        core = re.sub(r"\s*\([^()]*\)$", "", line)  # ('X (12-month contract, parental leave)')
        if (not line or len(core) > 80 or len(core.split()) > 10 or line[-1] in ".,;:!?"
                or re.match(r"[•▪◦●■✓✔➢►▸*–-]\s", line)  # a list's item
                # ('NOW HIRING: AIRCRAFT FUELER' is the call and the post, no header's field)
                or _HEADER_FIELD.match(line) and not _KIND_PREFIX.match(fold(line))
                or "@" in line or is_call(line)
                # ('ORCHESTRA OPERATIONS MANAGER': a body's word, then the post it ends on,
                # before the season or the terms after a dash: 'ACTIVITY CENTRE INSTRUCTOR –
                # SUMMER 2027')
                or is_org(line) and not post_word(re.split(r"\s+[—–-]\s+", line)[0].split()[-1])
                or SEPARATOR_LINE.match(line) or re.fullmatch(r"[\W\d_]+", line)
                or _SIGNED.match(line) and not post_word(line.partition(",")[0])):
            continue
        parts = re.split(r"\s+[—–-]\s+", line)
        kinds = [p for p in parts if _LEAD_PART.fullmatch(fold(p).strip(" !:"))]
        if len(parts) > 1 and kinds and not any(post_word(p) for p in parts if p not in kinds):
            continue  # 'FAUVEL PARIS – Offre d'alternance': who offers and what, no post
        before = body[index - 1] if index else ""
        alone = not before or SEPARATOR_LINE.match(before) or (
            is_org(before) and (index < 2 or not body[index - 2]))
        after = [other for other in body[index + 1:index + 5] if other][:3]
        facts = sum(bool(_FACT.match(other)) for other in after) >= 2
        # ('=====' / 'SNOWMAKER – NIGHT CREW' / 'Kestrel Peak Resort' / '=====': a boxed heading)
        # (a heading and the organisation's line under it, not a box's label alone, 'OFFRE
        # TRANSMISE PAR LE CLUB', nor a name and its sentence, 'X' / 'recrute un(e) ...')
        boxed = bool(before) and SEPARATOR_LINE.match(before) is not None \
            and index + 2 < len(body) and re.match(r"[A-ZÀ-Ý]", body[index + 1]) is not None \
            and any(SEPARATOR_LINE.match(other) for other in body[index + 2:index + 4])
        if alone and (marked(line) or post_word(line) or facts or boxed):
            return line, lines[start + 1 + index].strip()
    return None
