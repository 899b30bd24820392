"""How a reader tells a posting's heading from what surrounds it: a kind of posting written
before the title ("Appel à candidatures – X", "ALTERNANCE - X"), the terms written after it
("X — 50 %", "X (6-month contract)", "X en CDI"), an e-mail's subject, the post named in a
sentence ("X recrute un·e Y", "who we need: a Y"), greetings and calls to apply that are no
heading."""

from __future__ import annotations

import re

from tracker.importers.dates import fold
from tracker.importers.text_names_layout import post_word, singular
from tracker.importers.text_names_places import is_town
from tracker.importers.text_title_parts import (
    ASSIGNED,
    assignment,
    capitals_kept,
    named_to_acronym,
    other_fields_off,
)

# A kind of posting or call written before the title, then a separator.
_KIND_PREFIX = re.compile(
    r"^(?:appel a candidatures?|call for applications|call for (?:expressions of )?interest"
    r"|mission freelance|freelance|alternance|apprentissage"
    r"|stage(?: de fin d'etudes?| de cesure| de pre-embauche)?|internship|traineeship|recrutement"
    r"|offre d'emploi|offre (?:en|d['’]|de) ?(?:apprentissage|alternance|stage|emploi)|job offer"
    r"|job opportunity|job opening|opening|now hiring|we'?re hiring|"
    r"we are hiring|join (?:us|our team|the team)|rejoignez[- ]nous|rejoins[- ]nous|"
    r"job|offre|vacancy|poste|cdi|cdd|volontariat|(?:mission (?:de )?)?service civique|"
    # a social post's announcement: 'NEW ROLE: X', 'We're hiring! X', 'On recrute ! X'
    r"new (?:role|position|opportunity|job)|nouveau poste|nouvelle (?:offre|opportunite)|"
    r"on recrute|nous recrutons|je recrute|"
    # a recruiter's subject: 'Opportunité confidentielle – X'
    r"opportunite confidentielle|confidential (?:opportunity|role|search))"
    # (or a pictograph between: '💊 WE'RE HIRING 💊 X')
    r"\s*+(?:[·|:–—!-]|[^\w\s,.;'’()\[\]«»\"&/+#@%€$£]++)\s*+(?=\S)")
# Lines that only call to apply or greet: never a heading.
_CALLS = re.compile(
    r"^(?:rejoignez[- ]nous|join us|join our team|nous recrutons|on recrute|we'?re hiring|"
    r"we are hiring|we are recruiting|bonjour|dear\b|hello\b|hi\b|madame|monsieur|"
    r"vacancy notice|avis d'appel|call for expressions of interest|terms of reference|"
    r"termes de reference|appel a candidatures$|call for applications$|recrute\b|recherche\b|"
    r"offre d'emploi cadre|avis de (?:recrutement|vacance|concours)|avis et communiques|"
    r"notice of (?:vacancy|recruitment|(?:open )?competition|examination|exam)|"
    r"(?:open )?(?:competition|examination|exam) notice|avis d'examen|"
    r"(?:vacancy|job|position|recruitment) (?:announcement|"
    r"notice)|appel a candidatures n|communique\b|concours (?:externe|interne|sur titres)\b"
    # a bulletin's section: 'Opportunities for Year 13 leavers', 'Offres pour nos diplômés'
    r"|(?:opportunities|vacancies|jobs|offres|postes|emplois) (?:for|pour)\b"
    # a site's section named as its heading: 'Recrutement', 'Offres en cours', 'Current vacancies'
    r"|(?:recrutements?|offres? en cours|nos offres(?: d'emploi)?|current vacancies|vacancies|"
    r"careers|job opportunities|opportunite confidentielle|confidential opportunity)$)")
# The terms after the title: a duration, a share of time, a contract or a season.
# A figure is a term when it counts time or money or is a year ('CE2', 'AD8', 'ligne 14' name
# the post).
_FIGURE = r"(?:(?<![A-Za-z])\d[\d.,/ -]*\s*(?:%|on\s*/\s*\d+\s*off\b|h\b|hrs?\b|hours?|heures?|months?|mois|years?|ans\b|" \
          r"weeks?|semaines?|days?|jours?|k\b|€|\$|£|sessions?|per|/)|[€$£¥₹]\s*\d|" \
          r"\b(?:19|20)\d\d\b)"
_TERMS = r"(?:" + _FIGURE + r"|%|\b(?:cdi|cdd|full[- ]time|part[- ]time|temps (?:plein|partiel)|contract|contrat|" \
         r"rentree|permanent|fixed[- ]term|temporary|remote|hybrid|remplacement|replacement|" \
         r"nights?|nuits?|week-?ends?|shifts?|days|" \
         r"maternity|cover|seasonal|saisonnier|saisonni[èe]re|freelance|int[ée]rim|" \
         r"afternoons?|mornings?|evenings?|overnights?|secondment|d[ée]tachement|commission|" \
         r"(?:chair|booth) rental)\b)"
_PART = r"(?:(?!\s[—–|-]\s).)*"  # a part of a heading: up to the next spaced dash or bar
# ('X, Aberdeen, 3 days a week': a last part after a comma when it opens on a figure)
_TRAILING_PART = re.compile(rf"\s+[—–|-]\s+(?={_PART}{_TERMS}){_PART}$|,\s+(?=\d[^,]*?{_TERMS})[^,]*$", re.I)
# 'X – 4 days per week – Norwich': the first part stating terms ends the title.
_TERMS_THEN_MORE = re.compile(rf"\s+[—–]\s+(?=[^—–]*?{_TERMS})[^—–]*\s+[—–]\s+.*$"
                              rf"|\s+-\s+(?={_PART}{_TERMS}){_PART}\s+[—–|-]\s+.*$", re.I)
_TRAILING_PARENS = re.compile(r"\s*\((?=[^)]*\b(?:\d+|one|two|three|six|twelve)[- ](?:months?|mois|"
                              r"years?|ans)\b)[^)]*\)\s*$", re.I)
# ('EN 3x8', 'en 2x8': the shift pattern the post is worked in; 'saisonnier·ère' after the
# post, the contract as 'Seasonal' before it)
_TRAILING_CONTRACT = re.compile(r"\s+(?:en|in)\s+(?:cdi|cdd|alternance|stage|apprentissage|"
                                r"[2-5]\s*x\s*[2-8]\b|(?:exercice\s+)?lib[ée]ral)\b.*$|(?<=\w)\s+saisonni(?:er|ère)"
                                r"(?:\s*[·.(/-]?\s*(?:e|ère)\)?)?s?$", re.I)
# 'pour la rentrée', 'for the summer season': when the post is wanted, not its name.
_TRAILING_SEASON = re.compile(r"\s+(?:pour|for)\s+(?:la|le|l'|the)\s*(?:rentr[ée]e|saison|season|"
                              r"summer|winter|[ée]t[ée])\b.*$", re.I)
# '(Fixed term)', '(35 hours)': brackets holding only the contract's terms ('(CDD)' stays, as
# the acronym of a contract is often written as part of the post's name); when the post is
# worked ('(Nights)', '(Term Time)', '(Saturday rota)', '(harvest 2027)', '(Bank)') is such a
# term too.
_TERM_WORDS = r"(?:fixed[- ]term|permanent|temporary|contract|contrat|freelance|part[- ]time|" \
              r"secondment|d[ée]tachement|nights?|nuits?|term[- ]time(?: only)?|" \
              r"(?:(?:monday|saturday|sunday|weekend|week-end)\s+)?rota|on[- ]call|" \
              r"zero[- ]hours?|sessional|(?:harvest|vendanges?|moisson)(?:\s+\d{4})?|" \
              r"full[- ]time|seasonal|term|casual|locum|bank|relief|\d+(?:\.\d+)?\s*fte|" \
              r"(?:spring|summer|fall|autumn|winter)\s+\d{4}|" \
              r"\d+(?:\s*[-–]\s*\d+)?\s*%|\d+\s*h(?:ours|rs)?(?:\s*/\s*\w+)?|" \
              r"(?:first|second|third|final|1st|2nd|3rd|4th)[- ]year|(?:level \d+ )?apprenticeship(?: standard)?)"
_TRAILING_TERMS_ONLY = re.compile(rf"\s*\((?:{_TERM_WORDS})(?:\s*[,/·]\s*(?:{_TERM_WORDS}))*\)\s*$",
                                  re.I)
# 'part time barista': the terms written before the post.
LEADING_TERMS = re.compile(r"^(?:part[- ]time|full[- ]time|temporary|seasonal|permanent)\s+(?=\w)",
                            re.I)
# ', 2027-28 School Year', '— session 2027', ', Summer 2027': when, not what.
_TRAILING_SESSION = re.compile(
    r"\s*[,–—-]\s*(?:\d{4}(?:\s*[-/]\s*\d{2,4})?\s+(?:school|academic)\s+year|(?:ann[ée]e "
    r"scolaire|school year|session|saison|season|rentr[ée]e|summer|winter|spring|fall|autumn)\s+"
    r"\d{4}(?:\s*[-/]\s*\d{2,4})?|\d{4}\s+(?:season|session))\s*$", re.I)
# '(3 posts)', '– Job Group M', '– Grade P-3': how many are offered and the pay grade, written
# after the post.
_TRAILING_COUNT = re.compile(r"(?:\s*\(\s*|\s+[—–-]\s+)(?:\d+|one|two|three|four|five|un|une|deux|"
                             r"trois|quatre|cinq)\s*(?:posts?|postes?|positions?|vacanc(?:y|ies)|"
                             r"openings?)(?:\s+(?:[àa] pourvoir|available|[ée]\s+vacants?))?\s*\)?\s*$"
                             # ('Developer x3', '(x2)': so many posts)
                             r"|\s+\(?x\s?\d{1,2}\)?$", re.I)
# 'Employé·e d'administration D4', 'ASSISTANT SOCIAL À 80 %': a scale's code or a share of
# time after the post's name, with no dash ('D4', 'B1': a Belgian or Swiss scale's level).
_TRAILING_CODE = re.compile(r"(?<=[a-zà-ÿ·])\s+[A-E][1-7]\+?$|\s+(?:[àa]|at)\s+\d{1,3}(?:\s*[-–]\s*\d{1,3})?"
                            r"\s*%.*$", re.I)
# '(Environmental Specialist 3)', '(Band 5)': the pay class in brackets after the post.
_TRAILING_CLASS = re.compile(r"\s*\((?P<cls>[A-Z][\w -]{1,40})\s(?:\d{1,2}[A-Z]?|[IVX]{1,4})\)\s*$")
_GRADE_WORDS = re.compile(r"(?i)\b(?:band|grade|level|class|scale|step|classe|niveau|echelon)$")


def _class_off(title: str) -> str:
    """'(Environmental Specialist 3)', '(Band 5)': a class that names a post or a grade ('(Key
    Stage 1)' names the post's subject: it stays)."""
    match = _TRAILING_CLASS.search(title)
    if match and (_GRADE_WORDS.search(match["cls"]) or post_word(match["cls"])
                  and not re.search(r"(?i)\bstage$", match["cls"])):  # 'Key Stage 1': school years
        return title[:match.start()]
    return title

_TRAILING_GRADE = re.compile(r"\s+[—–-]\s+(?:job group|grade|pay grade|band|scale|salary scale|"
                             r"cat[ée]gorie|category|level|niveau|[ée]chelon|step|coefficient)\s+[\w/.-]{1,8}\s*$", re.I)
# 'X on deputation basis', 'X sur la base d'un CDD': how the post is filled, not its name.
_TRAILING_BASIS = re.compile(r"\s+on\s+(?:an?\s+)?[\w-]+(?:\s+[\w-]+)?\s+basis\b.*$", re.I)
# 'X Recruitment 2027 – Apply Online for 310 Posts': a notice's own words after the post.
_TRAILING_RECRUITMENT = re.compile(r"\s+(?:recruitment|recrutement|notification|vacancy)(?:\s+(?:19|20)"
                                   r"\d\d)?(?=\s+[—–|-]\s|\s*$).*$", re.I)
# '2D Pixel Artist for indie game': what the post is for, in lower case after it.
# (a project the post works on; 'Support Worker for adults with autism' names whom it serves)
_TRAILING_PURPOSE = re.compile(r"\s+for\s+(?:an?\s+|the\s+|our\s+|my\s+)?(?:[a-z0-9-]+\s+){0,3}"
                               r"(?:game|project|app|startup|studio|film|show|series|campaign|brand|"
                               r"website|podcast|channel|production)s?$")
# 'Plumber wanted', 'Serveur recherché' : the call after the post.
_TRAILING_CALL = re.compile(r"\s+(?:wanted|required|needed|recherch(?:é|ée|és|ées)|"
                            r"demand(?:é|ée|és|ées))(?!\w).*$", re.I)
_LEADING_YEAR = re.compile(r"^(?:19|20)\d\d\s+(?=[A-Za-zÀ-ÿ])")
# '– Concours externe', '– Session 2027': the notice's kind after the post.
_TRAILING_NOTICE = re.compile(r"\s+[—–-]\s+(?:concours|session|examen|recrutement)\b.*$", re.I)
# A cohort's or a session's year, a share of time, a pay grade or a reference, written after
# the post: 'Training Contract 2029', 'Data Scientist 80-100%', 'Physical Scientist,
# ZP-1301-IV', 'X    Job #: CL-27-0311', 'X (BS/MS)'.
_TRAILING_EXTRAS = (
    re.compile(r"\s{3,}\S.*$|\s+(?:job|req(?:uisition)?|ref|r[ée]f)\.?\s*(?:#|no\.?|id|n°)\s*:?\s*"
               r"[\w/-]+(?:\s+[\w/-]*\d[\w/-]*)?\s*$", re.I),
    # (a recent year, the campaign's: 'Natura 2000' names a network, not a season)
    re.compile(r"\s+20[1-3]\d(?=\s+[—–-]\s|\s*$)"),
    re.compile(r"\s*[,–—|-]?\s+\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*%\s*$"),
    re.compile(r"\s*,\s*(?:[A-Z]{2}-\d{3,4}(?:-[IVX\d]{1,4})?|GS-\d{1,2}|[A-Z]{1,3}-?\d{1,2})\s*$"),
    re.compile(r"\s*\((?:BS|MS|BA|MA|PhD|MSc|BSc|MBA|Bac\s*\+\s*\d)(?:\s*/\s*(?:BS|MS|BA|MA|PhD|MSc|BSc|MBA))*\)\s*$"),
    re.compile(r"\s+(?:CDD|CDI)(?:\s+(?:de\s+)?\d+\s*mois)?\s*$"),
    re.compile(r"\s*\((?:19|20)\d\d\s*[-/–]\s*\d{2,4}\)\s*$"),  # '(2027-28)': a school year
)


def is_call(line: str) -> bool:
    """A greeting, a call to join or a notice's own name: not the heading."""
    return bool(_CALLS.match(re.sub(r"^[^\w]+", "", fold(line)).strip(" !:,.")))  # ('🚀 On recrute')


# A lead-in naming the kind of event or a tag in brackets before the post: 'Walk-in Drive for
# X', 'Recruitment of X', '[Hiring] X', '[Assemblée nationale] X'.
_LEAD_IN = re.compile(r"^(?:\[[^\]]{2,40}\]\s*+|"
                      # a label naming the post: 'Name of the post: X', 'Intitulé du poste : X'
                      r"(?:name of (?:the )?(?:post|position)|post name|position name|the role|"
                      r"intitul[ée] du poste|nom du poste|d[ée]signation du poste)\s*+:\s*+|"
                      # a notice's subject: 'Recruitment of X', 'Filling up of the post of X'
                      r"(?:recruitment|filling[- ]up|engagement|appointment)\s++of\s++"
                      r"(?:the\s++)?(?:(?:posts?|positions?)\s++of\s++)?(?:an?\s++)?|"
                      r"(?:walk-?in (?:drive|interview)s?|hiring drive|"
                      r"recruitment drive|(?:now )?hiring(?: in [\w -]{2,30}?(?=\s*+:))?|we(?:'re| are) (?:hiring|recruiting)|"
                      r"nous recrutons|on recrute|recrutement)\s*+(?:for|:|[^\w\s,.;:!?'’()\[\]«»\"&/+#@%€$£-]++)"
                      r"\s*+"
                      r"|(?:devenez|deviens|become)\s++(?:an?\s++|un(?:e|\(e\)|·e)?\s++)?"
                      r"|(?:wanted|required|urgent(?:ly)?(?: (?:wanted|required|vacancy|opening|"
                      r"requirement|hiring))?|(?:job )?vacancy|opening|alternance|apprentissage|"
                      r"stage|internship|apprenticeship)\s*+[–—:-]\s*+"
                      r"|(?:on |nous )?(?:re)?cherch(?:e|ons)\s++(?:un(?:\(e\)|·e|e)?\s++)?"
                      r"|concours(?:,?\s+(?:et\s+)?(?:externe|interne|r[ée]serv[ée]|unique|commun|"
                      r"sur titres?|troisi[èe]me(?:\s+concours)?|3e(?:\s+concours)?))*"
                      r"\s+(?:pour le recrutement\s+)?(?:de\s+|d['’]\s*))(?=\S)", re.I)


def kind_prefixed(line: str) -> str | None:
    """The title after a kind of posting written first ('Appel à candidatures – X')."""
    line = re.sub(r"^[^\w(«\"'’\[]+(?=\w)", "", line.strip())  # ('🚀 We're hiring! X')
    match = _KIND_PREFIX.match(fold(line)) or _LEAD_IN.match(line)
    if not match:
        return None
    rest = line[match.end():].strip()
    words = re.findall(r"[^\W\d_][\w'’-]*", rest)
    if words and is_town(words[0]) and not post_word(rest):
        return None  # 'WE'RE HIRING – BRISBANE NORTHSIDE': where, not whom
    return rest if len(rest.split()) >= 1 and not re.fullmatch(r"[\W\d_]+", rest) else None


def trim_terms(title: str) -> str:
    """The title without the terms written after it: '— 50 %', '(6-month contract)',
    'EN CDI', '– Rentrée 2026', and without a year written first ('2027 Fellowships')."""
    title = LEADING_TERMS.sub("", _LEAD_IN.sub("", capitals_kept(title))).rstrip(" !")
    title = _TRAILING_CALL.sub("", title) or title
    title = _class_off(title).strip() or title
    # ('(Remote, US)' first: the way of working in brackets taken off, the part before it is
    # read alone, 'Account Executive – Mid-Market (Remote, US)')
    patterns = (_TRAILING_ARRANGEMENT, _TRAILING_GENDERS, _TRAILING_RECRUITMENT, _TRAILING_BASIS,
                _TRAILING_EXTRAS[0],
                _TRAILING_EXTRAS[3], _TRAILING_EXTRAS[4], _TRAILING_NOTICE,
                _TRAILING_COUNT, _TRAILING_CODE, _TRAILING_GRADE, _TRAILING_SESSION, _TRAILING_SEASON,
                _TRAILING_PARENS, _TRAILING_TERMS_ONLY, _TRAILING_EXTRAS[2], _TERMS_THEN_MORE,
                _TRAILING_PART, _TRAILING_CONTRACT, _TRAILING_EXTRAS[5], _TRAILING_EXTRAS[6],
                _TRAILING_EXTRAS[1], _TRAILING_PURPOSE, _TRAILING_OFFER, _TRAILING_ARRANGEMENT,
                _TRAILING_SITE, _TRAILING_OURS)
    cut_open = re.search(r"\([^()]*$", title) is not None
    # Several qualifiers one after the other ('X (Band 3) – Fixed Term 6 months – 30 hours',
    # 'X | 80–100% | fixed-term'): each one taken off uncovers the next.
    for _ in range(3):
        before = title
        for pattern in patterns:
            trimmed = pattern.sub("", title).strip()
            if trimmed:
                title = trimmed
        title = _class_off(title).strip() or title
        title = other_fields_off(title)
        # ('X (London – Permanent, Full Time)' once its terms are off: the place left open;
        # a line cut in its bracket, '... (2 900 habitants, 46 km² de', is no heading)
        if not cut_open:
            title = re.sub(r"\s*\([^()]*$", "", title) or title
        if title == before:
            break
    return _LEADING_YEAR.sub("", title).strip()


# '(Night Shift - US Healthcare Account)', '(inbound calls and e-mails)', '(remote)': how and
# for whom the work is done (its shift, its client account, its channel), not the post's name.
_TRAILING_ARRANGEMENT = re.compile(
    r"\s*\((?=[^()]{0,80}\b(?i:(?:night|day|evening|morning|graveyard|weekend|rotating|split|late|"
    r"early)\s+shifts?|shifts?|accounts?|campaigns?|inbound|outbound|remote|hybrid|on-?site|"
    r"work from home|wfh|t[ée]l[ée]travail|de nuit|de jour|en [ée]quipes?)\b)[^()]{1,80}\)\s*$")
# '– Store #227, Pearl District', '– Multi-sites', '– Manchester, Glasgow & Bristol bases',
# '— Atacama Region', '– Kalgara Iron Ore Mine', '— séjour « Poneys et forêt »', '— magazine
# grand public': the workplace, the session or the publication after the post.
_TRAILING_SITE = re.compile(
    r"\s+[—–-]\s+(?:(?i:store|branch|shop|restaurant|location|site|unit|magasin|agence|"
    r"succursale|depot|d[ée]p[ôo]t)\s*(?:#|no\.?|n°)?\s*\d+\b[^—–()]{0,60}"
    r"|(?i:multi-?sites?|plusieurs sites|various (?:sites|locations)|multiple locations)"
    r"|[^—–()]{0,60}\b(?i:bases|sites)"
    # (an organisation's own region names the post's unit: 'Organiser – North West Region')
    r"|(?!(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Mid)\b)"
    r"(?:[A-ZÀ-Ý][\w'’-]+\s+){1,4}(?:Region|Province|County|Mine|Mines|Refinery|Smelter)"
    r"|(?i:s[ée]jour|session|colo|colonie|camp)\s+«[^»]{1,60}»"
    r"|(?i:magazine|journal|quotidien|hebdomadaire|mensuel|revue|newspaper|titre de presse)"
    r"\s+[a-zà-ÿ][^—–()A-Z]{0,60})$")
# '(all genders)', '(gn)', '(alle Geschlechter)': a gender-neutral mark, as '(m/f/d)' is.
_TRAILING_GENDERS = re.compile(r"\s*\((?:all genders?|any gender|gn\*?|alle geschlechter|"
                               r"tous genres|[mwdfhx](?:\s*/\s*[mwdfhx]){2,3})\)\s*$", re.I)
# 'Retail Sales Consultants at our NEW Elm Street store': the workplace the employer calls its
# own, after the post.
_TRAILING_OURS = re.compile(r"\s+(?:at|in|for|au sein de|dans)\s+(?:our|notre|nos)\b.*$", re.I)
# 'DevOps Engineer opportunity': the sender's word that a post is offered, after it.
_TRAILING_OFFER = re.compile(r"\s+(?:job\s+)?(?:opportunity|opening)$", re.I)


# "X recrute un·e Y pour ...", "who we need: a Y (...)", "we are recruiting a Y to join"
_POST_IN_SENTENCE = re.compile(
    r"(?:(?:[’'](?:re|m)|\b(?:we|i) am) (?:looking for|seeking)|"  # ('we're looking for a X')
    r"\b(?:recrute|recrutent|recrutons|recherche|recherchent|recherchons|cherche|cherchent|"
    r"cherchons|engage|engagent|embauche|embauchons|is hiring|are hiring|"
    r"is recruiting|are recruiting|is looking for|are looking for|seeks|is seeking|are seeking|"
    r"will (?:elect|appoint)|wishes to appoint|intends to appoint)|"
    r"^who we need\s*:)\s+(?:pour\s+(?:son|sa|ses|le|la|les)\s+[^,.;:]{1,60}?\s+(?=une?\s|des\s))?"
    r"(?:an?|un·e|un\.e|un\(e\)|un\s+ou\s+une|une?|one|(?P<several>des|several)|"
    # ('recrute 12 gestionnaires', 'is hiring two drivers': the post as written, its count off)
    r"\d{1,3}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|two|three|four|five|seven|eight|"
    r"nine|ten|"
    r"(?:son|sa|ses|their|its|our|"
    # ('son ou sa', 'son/sa futur(e)': the possessive in both genders)
    r"notre|nos|leur)(?:\s*(?:\s+ou\s+|/)\s*(?:son|sa))?(?:\s+(?:futur\S*|nouveau|nouvel|nouvelle|new|next|"
    r"prochaine?))?)(?:\s+(?:new|additional|extra|nouveaux|nouvelles))?\s+(?P<post>[^.;:!?]{3,100})",
    re.I)
# Where the sentence goes on past the post: an aside in brackets (not a sex ending '(e)' nor
# an acronym '(FLE)'), a comma, a preposition ('en' only before the terms: 'en CDI').
_POST_END = re.compile(
    r"\s*(?:\s\((?![A-Z]{2,6}\))|,|\s(?:pour|to|who|qui|in|à|a|dans|for|with|avec|sur|on|"
    # ('commis au centre jardin': 'au', 'aux' and the unit name the post; 'au sein de', 'au 1er mai',
    # 'au plus vite' go on with the sentence, 'au Mans', 'au Canada' name a place)
    r"at)\s|\saux?\s(?=sein|plus|moins|\d|cours|d[ée]but|mois|titre|profit|poste|service de|"
    r"c[oœ]ur|pr[èe]s|(?-i:[A-ZÀ-Ý]))|\sen\s(?=cdi|cdd|alternance|apprentissage|stage|contrat|int[ée]rim|temps|"
    r"remplacement|renfort|service civique|freelance|poste)).*$", re.I)


# 'Les Chemins d'Été recrute : directrice ou directeur de séjour, été 2027'
# ('Je recrute mon/ma futur·e collègue : X', 'We're hiring our next teammate: X')
_RECRUITS_COLON = re.compile(r"\b(?:recrute|recrutent|recrutons|is hiring|are hiring|hiring)"
                             r"(?:\s+[^\s:.!?]{1,20}){0,4}?\s*:"
                             r"\s*(?P<post>[A-Za-zÀ-ÿ][^.;:!?]{2,100})", re.I)


_DESCRIBED = re.compile(r"^[a-z][a-z-]+(?:,\s*|\s+and\s+)(?:[a-z][a-z-]+(?:,\s*|\s+and\s+|\s+)){0,2}"
                        r"(?=[A-Z][A-Z/&-]+(?:\s|$))")


def post_in_sentence(line: str) -> str | None:
    """The post a sentence says is sought, up to where the sentence says more about it."""
    match = _POST_IN_SENTENCE.search(line) or _RECRUITS_COLON.search(line)
    if not match:
        return None
    # ('a friendly, confident BINGO HOST / CALLER to join': the words in lower case that
    # describe the one sought, before the post's name in capitals)
    sought = _DESCRIBED.sub("", match["post"])
    post = assignment(sought) or _POST_END.sub("", sought)
    post = re.sub(r"\s+(?:ou|or)\s+(?:une?|an?)\s.*$", "", post)  # 'un X ou une Xe': the first
    post = re.sub(r"[^\w)»]+$", "", post).strip(" -–—")  # ('« X »': its closing quote kept)
    if match.re is _POST_IN_SENTENCE and match["several"]:  # 'des vendangeurs et vendangeuses': one of them
        post = " ".join(singular(word) for word in re.split(r"\s+(?:et|and|ou|or)\s+", post)[0].split())
    return post if 1 <= len(post.split()) <= (16 if ASSIGNED.match(match["post"]) else 8) \
        else None


# An official notice names the post in its recruitment phrase: 'Avis de recrutement n° 31 d'un
# Contrôleur à la Direction de ...', 'pour le recrutement de deux (02) Ingénieurs', 'the
# recruitment of a Senior Accountant', 'se propose de recruter un(e) X'.
_COUNT = r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|two|three|four|five|six|seven|eight|" \
         r"nine|ten|\d{1,2})(?:\s*\(\d{1,2}\))?"
_NOTICE_POST = re.compile(
    rf"\b(?:recrutement|recruitment|recruter|recruit|appointment|engagement|nomination)"
    # (the recruitment's kind between: 'recrutement sans concours d'adjoints techniques')
    rf"(?:\s+n°\s*\S+)?(?:\s+(?:sans concours|externe|interne|direct|r[ée]serv[ée]|exceptionnel))?"
    rf"\s+(?:(?P<one>d['’]\s*une?(?:\(e\)|·e|\.e)?|of\s+(?:an?|one)|une?(?:\(e\)|·e)?|an?)\s+"
    rf"|(?:de|of)?\s*(?P<count>{_COUNT})\s+|(?P<bare>of|as|de|des)\s+|(?P<elided>d['’])\s*)"
    rf"(?P<post>[^.;:!?]{{3,140}})", re.I)


# 'Avis de vacance de l'emploi de X', 'applications ... for the position of X', 'appel à
# candidatures pour le poste de X': the post a notice names as a post.
_POST_NAMED = re.compile(
    r"\b(?:(?:vacance|vacancy)\s+(?:de\s+l['’]emploi|du\s+poste|for\s+the\s+(?:post|position))|"
    r"for\s+the\s+(?:post|position|role)|(?:au|pour\s+le)\s+poste"
    # ('l'ouverture d'un poste de secrétaire de mairie', 'la création d'un poste de X')
    r"|(?:ouverture|cr[ée]ation|vacance)\s+d['’]\s*un\s+poste)\s+(?:de\s+|d['’]\s*|of\s+)"
    r"(?:(?:an?|the)\s+)?(?P<post>[^.;:!?]{3,140})", re.I)


def named_as_post(line: str) -> str | None:
    """The post a notice names as a post ('for the position of X', 'vacance de l'emploi de
    X'): the phrase says it is one, whether or not its words are known here."""
    named = _POST_NAMED.search(line)
    if named:
        post = re.sub(r"\s+(?:at|in|à|au sein)\s.*$|\s*,.*$", "", named["post"]).strip(" -–—")
        post = _TRAILING_COUNT.sub("", post)
        if 1 <= len(post.split()) <= 12:
            return post
    return None


def notice_post(line: str) -> str | None:
    """The post an official notice's recruitment phrase names, in the singular when it
    recruits several ('deux (02) Ingénieurs Informaticiens' is 'Ingénieur Informaticien')."""
    named = named_as_post(line)
    if named:
        return named
    match = _NOTICE_POST.search(line)
    if not match:
        return None
    post = named_to_acronym(match["post"]) or _POST_END.sub("", match["post"]).strip(" -–—")
    if not 1 <= len(post.split()) <= 14:
        return None
    if match["count"] and not re.fullmatch(r"(?i)one|1", match["count"]):
        post = " ".join(singular(word) for word in post.split())
    elif match["bare"] or match["elided"]:  # 'recruitment of Administrators', 'recrutement de gardiens': one of them
        plural = any(re.fullmatch(r"(?i)[a-zà-ÿ'’-]{3,}[^su\W]s", word) for word in post.split())
        if re.match(r"(?i)(?:the|la|le|les|l['’])\s", post) or not plural \
                and (match["bare"] or "").lower() != "as":
            return None  # 'recruitment of the board' names no post
        post = " ".join(singular(word) for word in post.split())
    return post
