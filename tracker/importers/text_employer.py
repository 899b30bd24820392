"""The employer of a posting's text, from the first source a reader trusts: a labelled line,
the organisation's header line, the name under the heading, "X recrute" / "X is seeking", the
sentence presenting the organisation (under "About us", or "Chez X, ..."), the board that says
who published it, an e-mail's signature, a careers site's own name, the contact address's
domain spelled as a name, and last a founder's company or a school named in running text (the
weaker sources are read in text_names_sources). The name found is then written down as a
name is written: without a sentence's article before it, a header's capitals in the name's own
case ('THE UNIVERSITY OF OTAGO' is 'The University of Otago')."""

from __future__ import annotations

import re

from tracker.importers.base import ParsedPosting
from tracker.importers.dates import fold
from tracker.importers.text_heading import Labelled
from tracker.importers.text_names_check import (
    addressed_town,
    clean_org,
    names_place,
    plausible_org,
    without_unit_or_address,
)
from tracker.importers.text_names_commune import (
    _article_off,
    _commune_body,
    _inside,
    _same_commune,
    article_elsewhere,
    article_written,
    letterhead_areas,
    seat_line,
)
from tracker.importers.text_names_employer import (
    anonymous,
    body_labelled,
    client_named,
    own_body,
    sender_named,
    unit_owner,
    university_of_unit,
    unnamed_client,
)
from tracker.importers.text_names_forms import LEADING_FORM, ORG_NOUN
from tracker.importers.text_names_full import NUMBERED_ACRONYM
from tracker.importers.text_names_guess import (
    domain_words,
    from_capitals,
    item_goes_on,
    name_begun,
    possessive_off,
    undecorated,
    wrapped,
)
from tracker.importers.text_names_header import (
    _body_of,
    document_owners,
    is_org_line,
    wrapped_letterhead,
)
from tracker.importers.text_names_layout import (
    SEPARATOR_LINE,
    is_masthead,
    post_word,
)
from tracker.importers.text_names_relay import (
    franchise_office,
    is_relay,
    past_relays,
    relay_part,
    relayed_for,
)
from tracker.importers.text_names_sentence import (
    abbreviation_off,
    about_named,
    address_named,
    copyright_owner,
    hidden_employer,
    is_word_not_name,
    notice_unit,
    owner_named,
    recruiter_name,
    self_declared,
    sentences,
    spelled_out,
)
from tracker.importers.text_names_social import headline_firms
from tracker.importers.text_names_sources import (
    domain_name,
    event_body,
    in_full,
    in_title,
    mentioned,
    org_line_alone,
    practice,
    presented,
    service_body,
    signature,
)
from tracker.importers.text_names_words import (
    _EMPLOYER,
    _NAME,
    _ORG,
    _RECRUITS,
    _SELF_DESCRIBED,
    _SEX,
    CAMPUS_SERVICE,
)


def _without_article(name: str) -> str:
    """'La commune de X' is 'Commune de X', 'The University of Y' is 'University of Y'; the
    article stays in a name of its own ('Les Restos du Cœur', 'The Resolution Institute'), not
    before a common noun and its adjective ('Le Service public de Wallonie')."""
    match = re.match(r"^(?:(?:les|la|le|the)\s+|l['’]\s*)(?=(\S+)(?:\s+(\S+))?)", name, re.I)
    described = bool(match and match.group(2) and match.group(2)[:1].islower()
                     and not re.fullmatch(r"(?:de|du|des|d['’]\S*|la|le|les|et|of|the|and|for|"
                                          r"&|on|sur|en|aux?|à)", match.group(2)))
    head = match.group(1) if match else ""
    capitals = sum(c.isupper() for c in head)
    acronym = capitals >= 2 and capitals > sum(c.islower() for c in head)  # 'La DGFiP du Nord'
    if match and (not match.group(1)[:1].isupper() or _ORG.match(match.group(1)) or described
                  or acronym
                  or match.group(0)[:2].lower() in ("l'", "l’")):
        return name[match.end():]
    return name


_KIND_RECRUITS = re.compile(r"^(?P<name>[A-ZÀ-Ý][^\n:;.!?()]{3,80}?)\s+(?:recrute|recrutent|"
                            r"is hiring|is recruiting)\s*(?:!|:|$)")
# 'X recrute son/sa stagiaire', 'X is hiring its first designer': hiring for itself.
_OWN_HIRE = re.compile(r"\b(?:recrute|recrutent|recherche|is hiring|is recruiting|is looking for)\s+"
                       r"(?:son|sa|ses|son/sa|its|their)\b")
# 'Bruxelles Environnement, l'administration de l'environnement ..., renforce': a name and the
# kind of body it is, in apposition at a sentence's head.
_APPOSITION = re.compile(
    rf"^({_NAME}),\s+(?:(?:l['’]|la\s|le\s|une?\s|an?\s|the\s)[^,.]{{0,40}}?\b)?(?:administration|"
    r"organi[sz]ation|agence|agency|soci[ée]t[ée]|company|association|fondation|foundation|"
    r"institution|[ée]tablissement|entreprise|firm|charity|collectivit[ée]|office|service|"
    r"organisme|network|r[ée]seau|federation|f[ée]d[ée]ration|cabinet|practice|clinic|clinique|"
    r"studio|bureau|school|[ée]cole|cabinet de groupe)\b")


# A picture's description in a copied post: '[Visuel : ...]', '[Image: ...]'.
_PICTURE = re.compile(r"(?i)^\[\s*(?:visuel|image|photo|illustration|vid[ée]o|alt|graphic|"
                      r"affiche|poster|flyer)\b")
# A line ending on a word that cannot end a sentence: the next line carries it on.
_LINKED_END = re.compile(r"(?i)(?:^|\s)(?:the|of|from|at|to|in|with|for|and|by|de|du|des|la|le|les|"
                         r"à|au|aux|et|par|pour|avec|chez|d['’]|l['’])\s*$")


def read_employer(result: ParsedPosting, lines: list[str], labelled: Labelled,
              header: list[tuple[str, str, float]],
              below_title: list[tuple[str, str, float]],
              boards: list[tuple[str, str, float]]) -> None:
    """The first source that names an employer, in the order a reader trusts them."""
    found: list[tuple[str, str, float]] = []
    demoted: list[tuple[str, str, float]] = []
    text = "\n".join(lines)
    for value, snippet in labelled.get("hiring_organization_name", [])[:1]:
        if anonymous(value):
            return  # the board says the employer is not named
        # 'County of X   Address: ...': a table's next cell is no part of the value
        value = re.split(r"(?:\s{3,}|\s+\|\s+)(?=[\w ]{2,30}:)", value)[0]
        if value[:1].islower():
            continue  # 'Organisation : horaires postés en 2x8': how the work is organised
        # 'Kapsul, la scale-up des capsules ...': what the organisation is, after its name
        # (a paragraph under a heading 'Structure' is no label's value: left whole, too long)
        value = re.split(r",\s+(?=(?:la|le|les|l['’]|une?|an?|the|notre|our|leader|specialist|"
                         r"sp[ée]cialiste)\b)", value)[0] if len(value) <= 200 else value
        value = without_unit_or_address(value)
        # 'Dept of X' where the text writes 'Department of X' too
        spelled = re.sub(r"\bDept\.?(?=\s+of\b)", "Department", value)
        value = spelled if spelled != value and spelled in text else value
        if len(value) <= 200 and not re.search(r"site web|website", value, re.I):
            # 'Organization: HQ/HEP Health Emergencies Programme' under 'WORLD HEALTH
            # ORGANIZATION': a header's organisation names the employer, the label a unit
            # ('Établissement : Crèche X' under a crèches group's careers header: its site).
            site = re.match(r"\W*etablissement\b", fold(snippet))
            # (or the careers site's, for a site or a unit: 'Organization: Computing Directorate /
            # Scientific Computing Division' under 'Sagebrush National Laboratory | Careers')
            unit = re.search(r"\b(?:Directorate|Division|Department|Unit|Branch|Section|Group|"
                             r"Programme|Program|Office)\b", value)
            top = (header or boards if site or unit else header)[:1]
            if (top and fold(top[0][0]) not in fold(value)
                    and (site or re.match(r"\W*(?:organi[sz]ation|structure)\b", fold(snippet)))):
                demoted.append((value.strip(" ."), snippet, 0.55))
            else:
                found.append((value.strip(" ."), snippet, 0.85))
    # ('>>> Le Ressort, association ..., recrute :': a forwarded message's quote marks off)
    # ('🎨 Contrechamp recrute :': an emoji opening a line is no part of its sentence)
    # ('[Visuel : « Le Crous recrute ! » ...]': a picture's description, the post's words
    # name the employer in full)
    body = [undecorated(re.sub(r"^(?:>\s*)+", "", line.strip())) for line in lines[:80]
            if line.strip() and not _PICTURE.match(line.strip())]
    if not found and hidden_employer(body):
        return  # the board hides the employer's name
    client = client_named(body) or relayed_for(body) or franchise_office(lines)
    if client:  # an agency's or a board's client, the company running the place
        found.append((client[0], client[1], 0.7))
    elif unnamed_client(body) and not any(_OWN_HIRE.search(line) for line in body[:30]):
        # ('Kolibri Services recrute son/sa stagiaire ... pour un client du tourisme': a firm
        # hiring its own staff works for a client, it does not recruit for one)
        # the agency is not the employer: only a labelled line names one, when it is not the
        # agency's own ('Recruteur ..... Cabinet X (cabinet de recrutement)')
        found = [item for item in found[:1] if not is_relay(item[0], text)]
        if found:
            result.add("hiring_organization_name", *found[0])
        return
    areas = letterhead_areas(body)
    items = item_goes_on(lines)
    for index, line in enumerate(body[:40]):
        if line in areas or seat_line(body, index) or line in items:
            continue  # ('- ... accredited by the Canadian' / '  Association of ...': an item's end)
        if index and (line[:1].islower() and not body[index - 1].rstrip().endswith(
                (".", ":", "!", "?")) or _LINKED_END.search(body[index - 1])):
            # '... auprès de⏎l'École des X, en binôme', '... student nurses from the⏎University
            # of Plymouth.': a sentence going on, no name's line
            continue
        match = _EMPLOYER.match(_SEX.sub(" ", line).strip())
        # ('Office Manager, Kapiti Spark Electrical': a signature's post, not an office;
        # 'University Housing & Residence Life houses ...': a campus's service, not its body)
        if match and len(match.group(1).split()) > 1 and not post_word(match.group(1)) \
                and not CAMPUS_SERVICE.match(match.group(1)):
            found.append((_body_of(match.group(1)), line, 0.7))
            break
    header = [item for item in header if item[1].strip() not in areas and not any(
        is_masthead(line) for line in lines[:5] if line.strip().startswith(item[1].strip()))]
    relay = relay_part(lines)  # a message passing an offer on, above the offer
    offer_lines = lines[relay.count("\n") + 1:] if relay is not None else []
    letterhead = wrapped_letterhead(lines) or wrapped_letterhead(
        [line for line in offer_lines if not SEPARATOR_LINE.match(line)])
    if letterhead and (not header or fold(letterhead[0]).startswith(fold(header[0][0]))):
        header = [(letterhead[0], letterhead[1], 0.75)] + header[1:]  # its first line's part
    owners = document_owners(lines, header)  # 'X — Position Description', 'X   FICHE DE POSTE'
    found = owners + found
    found += [(_without_article(name), snippet, confidence) for name, snippet, confidence in header
              if confidence < 0.8]
    # (not the post said again under a sentence that names it: 'X is hiring a Store Assistant'
    # over 'Store Assistant')
    post = fold(str(result.value("title") or ""))
    below_title = [item for item in below_title if fold(item[0]) != post]
    found += [item for item in below_title if item[2] >= 0.7]
    recruiter: tuple[str, str, float] | None = None
    for line, match in ((line, _RECRUITS.match(line)) for line in wrapped(body)):
        if match and re.search(r"\b(?:n['’]|ne)\s*$", match.group(1)):
            continue  # 'Les offres relayées par X n'engagent que ...': a negation, no one hires
        if match and re.search(r"(?i)\b(?:ils?|elles?|on|nous|vous|je|they|we|you|he|"
                               r"she|qui|who)\s*$", match.group(1)):
            continue  # '... sur ce qu'ils cherchent': a pronoun is the verb's subject, no name
        if match:
            name = recruiter_name(_without_article(recruiter_name(match.group(1).strip())))
            # 'cabinet Fidélia Conseil': the common noun before a name is no part of it
            name = re.sub(r"^(?:cabinet|soci[ée]t[ée]|entreprise|start-up|startup|magasin|"
                          r"company|firm)\s+(?=[A-ZÀ-Ý])", "", name)
            # 'Boulangerie-pâtisserie Le Fournil de X': the trade before a name that opens
            # with its own article
            # ('Boulangerie-pâtisserie', or a word the text writes as a common noun; 'Biocoop
            # Les Arcades' keeps its brand)
            trade = re.match(r"^([A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ]+)(-[a-zà-ÿ]+)?\s+(?=(?:Le|La|Les)\s+[A-ZÀ-Ý]"
                             r"|L['’][A-ZÀ-Ý])", name)
            # (the trade stays when a line of its own opens with it, a letterhead or a
            # signature: 'Hôtel Les Balcons du Névé – Route du Plan')
            if trade and (trade.group(2) or re.search(
                    rf"(?<![@\w./-]){re.escape(trade.group(1).lower())}(?![\w@./-])", "\n".join(body))) \
                    and not any(other.startswith(name) and other != line for other in body):
                name = name[trade.end():]
            # 'La SCP X, office notarial de douze collaborateurs, recrute': the aside left out
            name = re.split(r",\s+(?=[a-zà-ÿ])", name)[0].strip(" ,")
            if _ORG.fullmatch(name) or ORG_NOUN.fullmatch(fold(name)):
                continue  # 'L'Office, bailleur social ..., recrute': the body named before
            name = name_begun(name, line, lines)
            if 1 < len(name.split()) <= 10 or _ORG.search(name) or (
                    name[:1].isupper() and sum(name in other for other in body) > 1):
                recruiter = (name[0].upper() + name[1:], line, 0.75)
                found.append(recruiter)
                break
    if recruiter is None:  # 'Clinique vétérinaire du Val de Loue recrute !': a body's kind
        recruiter = next(((m["name"], line, 0.7) for line in body[:15]  # and its lower-case words
                          if (m := _KIND_RECRUITS.match(line)) and _ORG.match(m["name"])), None)
        if recruiter:
            found.append(recruiter)
    for line in body:
        match = _SELF_DESCRIBED.match(line) or _APPOSITION.match(line)
        if match:
            found.append((match.group(1), line, 0.65))
            break
    if recruiter is None:  # a sentence recruiting inside a line ('Bonjour ! Le camping X cherche')
        inside = _recruiter_inside(body)
        if inside:
            recruiter = inside
            found.append(inside)
    notice = notice_unit(body[:30])
    if notice:  # 'recrutement d'un X à la Direction Y'
        found.append((notice[0], notice[1], 0.6))
    owner = owner_named(body[:30])
    if owner:  # 'My team at X', 'My café in Y (X)': a post's author names their business
        found.append((owner[0], owner[1], 0.6))
    about = about_named(body)
    if about:  # a heading 'About X'
        found.append((about[0], about[1], 0.6))
    found += presented(lines[:80])
    declared = self_declared(lines)
    if declared and not _ORG.fullmatch(declared[0]):  # 'X is an equal opportunity employer'
        found.append((declared[0], declared[1], 0.6))  # ('The University is ...' names none)
    # ('📍 Librairie X · 14 rue du Port': a pictograph before the line is no part of it)
    owner = copyright_owner(lines)  # ('© 2027 Kessler Rowe Architects, Inc.')
    address = address_named([undecorated(line.strip()) for line in lines]) or owner
    served = service_body(lines)  # 'X – service municipal de la Commune de Y'
    found += signature(lines) + ([(address[0], address[1], 0.6)] if address else []) + boards \
        + ([(served[0], served[1], 0.6)] if served else [])
    sender = sender_named(lines, is_org_line) or body_labelled(lines)
    if sender:  # an e-mail's sender naming an organisation, a 'Department:' label
        found.append((sender[0], sender[1], 0.6))
    found += domain_name(lines) + demoted + below_title
    found += in_title(result)
    found += org_line_alone(body[:15])
    found += mentioned(body) + domain_words(text)
    # ('La mairie recrute': a body's common noun alone names no one)
    found = [item for item in found if not is_word_not_name(item[0])
             and not (_ORG.fullmatch(_without_article(item[0]).strip())
                      and not item[0].isupper())
             and not names_place(item[0]) and not addressed_town(item[0], text)
             and plausible_org(clean_org(item[0], text))
             and not (fold(item[0]) == post and post_word(item[0]))]
    # ('The District Executive is ...': the post, no one)
    found = past_relays(found, body)  # a board, a network, an agency passing a post on
    if relay is not None:  # a message passing an offer on: names only its own words give last
        offer = " ".join(text[len(relay):].split())  # (a name wrapped over two lines is in it)
        found = [item for item in found if fold(item[0]) in fold(offer)] + [
            item for item in found if fold(item[0]) not in fold(offer)]
    if found:
        name, snippet, confidence = found[0]
        if recruiter and confidence < 0.8 and (_inside(name, recruiter[0])
                                               or _commune_body(name, recruiter[0])
                                               or _same_commune(name, recruiter[0])):
            # a place's name in the header, the body's full name in the sentence that recruits
            # ('Wallonie', 'Le Service public de Wallonie')
            name, snippet, confidence = _article_off(recruiter[0]), recruiter[1], recruiter[2]
        # (or the equal opportunity employer's: 'X Botanic Garden' over 'X Botanic Garden Trust
        # is an equal opportunity employer')
        # (or the footer's: 'Kessler Rowe' and '© 2027 Kessler Rowe Architects, Inc.')
        # (or a social post's author's headline: 'Responsable d'exploitation chez Hydro-Pyrène
        # Énergie | Petite hydroélectricité')
        fuller = in_full(name, header + below_title + boards
                         + ([(declared[0], declared[1], 0.6)] if declared else [])
                         + ([(owner[0], owner[1], 0.6)] if owner else []) + headline_firms(lines), text)
        if fuller and confidence < 0.8:  # 'Ipê' in a sentence, 'Ipê Pagamentos' at the top
            name = fuller
        signed = practice(name, body) or event_body(name, lines)
        if signed:  # the practice the doctor who signs works in, the body running an event
            name, snippet = signed
        university = university_of_unit(name, body) if confidence < 0.8 else None
        below = own_body(name, snippet, lines, is_org_line, post_word) \
            if confidence < 0.8 and not university else None
        if below:  # the agency that hires, not its ministry
            name = below
        belongs = unit_owner(name, [item[0] for item in found] + ([owner[0]] if owner else []),
                             text) if confidence < 0.8 \
            and not university else None
        if belongs:  # the company a plant, a centre or a department belongs to
            name = belongs
        if university:  # a faculty or a chair of the university the text names
            name, snippet, confidence = university[0], university[1], 0.6
        # 'Mairie de X Recrute', 'Acme Careers': the header's call is no part of the name
        name = re.sub(r"(?<=\S)\s+(?i:recrute|recrutent|recrutement|recruits|careers|jobs|emplois?|"
                      r"carri[èe]res)\s*[!:.]*$", "", name)
        if name.isupper() and len(name.split()) >= 2 \
                and not NUMBERED_ACRONYM.fullmatch(name):  # ('SDIS 15' stays)
            # its acronym in brackets left out (a legal form before it kept as written, for
            # the forms' rule to read: 'SCIC LES FORGES COMMUNES')
            form = LEADING_FORM.match(name)
            lead = form.group(0) if form else ""
            name = lead + _without_article(from_capitals(
                re.sub(r"\s*\([A-Z&]{2,9}\)$", "", name[len(lead):]), text))
        elif name.isupper() and any(m.group(0)[1:].islower() or " " not in name and not m.group(
                0).isupper() for m in re.finditer(  # (one word: 'OPTIC'SUD', written 'Optic'Sud')
                rf"(?<![\w@./-]){re.escape(name)}(?![\w@-]|\.\w)", text, re.I)):
            name = from_capitals(name, text)  # 'HERVELIN' the text writes 'Hervelin' too
        name = abbreviation_off(name, text)
        if re.fullmatch(r"[A-Z]{2,8}", name):  # an acronym the text spells out: its full name
            name = spelled_out(name, body)
        name = possessive_off(name, text)
        if not (article_written(name, text) and _without_article(name) == name):  # ('La X ·')
            name = article_elsewhere(name, body)
        result.add("hiring_organization_name", clean_org(name, text), snippet, confidence)


def _recruiter_inside(body: list[str]) -> tuple[str, str, float] | None:
    """The subject of a sentence that recruits, met inside a line, a guess below the others."""
    for line in body:
        for part in sentences(line)[1:]:
            match = _RECRUITS.match(part)
            if match:
                name = recruiter_name(_without_article(recruiter_name(match.group(1).strip())))
                name = spelled_out(name, body)  # 'AKM is seeking': the name it stands for
                if 1 < len(name.split()) <= 10 or _ORG.search(name):
                    return name[0].upper() + name[1:], line, 0.6
    return None

