"""What a reader sees in a posting's header before reading it: which top lines are a site's
navigation or breadcrumbs, which name a publisher (a board, a newspaper's page, a careers
portal), and which line names a post (a word naming a job: 'officer', 'chargé', 'vendeur').
A line naming no post above one that does is the page's header, not the heading; the header's
own name is the employer only when something else confirms it (the contact address's domain,
the running text using it), else the publisher's name is kept apart."""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.importers.base import EMAIL
from tracker.importers.dates import fold

# Words naming a job or a post, singular, English and French (folded, lower case). A plural
# ('Avocats', 'notaires') names a firm's trade, not the post offered.
_POST_TEXT = """
officer manager agent assistant associate analyst coach driver bookkeeper accountant auditor
engineer developer designer architect curator educator instructor teacher professor lecturer
tutor researcher scientist fellow postdoc postdoctoral doctoral phd paralegal secretary
solicitor lawyer attorney counsel clerk technician planner nurse midwife physician surgeon
therapist physiotherapist psychologist psychiatrist pharmacist dentist carer worker operator
supervisor receptionist marketer writer editor journalist reporter translator
interpreter administrator coordinator director dean head lead leader chief specialist advisor adviser
consultant intern internship trainee apprentice apprenticeship volunteer cook chef waiter
waitress bartender barista cleaner housekeeper porter guard attendant cashier salesperson
representative executive controller treasurer economist statistician librarian archivist
conservator registrar mechanic electrician plumber carpenter welder labourer laborer handler
picker packer buyer recruiter steward ranger gardener caretaker janitor nanny caregiver
paramedic radiographer programmer tester strategist investigator inspector surveyor estimator
illustrator photographer producer presenter chaplain counsellor counselor adjunct provost
principal headteacher bursar owner technologist modeller scheduler dispatcher
charge chargee responsable gestionnaire directeur directrice adjoint adjointe assistante
technicien technicienne ingenieur ingenieure cheffe conseiller conseillere juriste avocat avocate
collaborateur collaboratrice notaire redacteur redactrice secretaire comptable controleur
controleuse auditeur auditrice analyste developpeur developpeuse formateur formatrice
enseignant enseignante professeur professeure chercheur chercheuse doctorant doctorante
postdoctorant stagiaire stage apprenti apprentie alternant alternante alternance animateur
animatrice educateur educatrice infirmier infirmiere aide-soignant medecin psychologue psychiatre
kinesitherapeute masseur pharmacien ouvrier ouvriere electricien plombier cariste magasinier
chauffeur livreur vendeur vendeuse caissier caissiere serveur serveuse cuisinier cuisiniere
commis receptionniste mediateur mediatrice regisseur regisseuse bibliothecaire documentaliste
archiviste attache attachee inspecteur inspectrice coordinateur coordinatrice consultante
accompagnant accompagnante surveillant surveillante aesh atsem employe employee operateur
operatrice jardinier gardien concierge volontaire benevole moniteur monitrice entraineur
preparateur preparatrice graphiste journaliste pigiste correspondant correspondante correspondent traducteur traductrice economiste statisticien
urbaniste architecte geometre dessinateur laborantin auxiliaire puericultrice orthophoniste
ergotherapeute dieteticien dieteticienne pasteur maitre aide referent referente delegue deleguee
conducteur conductrice facteur soudeur mecanicien peintre macon couvreur boulanger boucher
patissier coiffeur coiffeuse estheticienne veilleur ambulancier brancardier manipulateur
sage-femme plongeur valet gouvernante greffier huissier officier policier pompier dentiste
veterinaire opticien psychomotricien orthoptiste clerc commercial commerciale negociateur
pastor priest organist lifeguard trainer physio handyman negotiator organiser organizer
caseworker campaigner fundraiser locum gp remplacant remplacante collaboratrice
vendangeur vendangeuse cueilleur cueilleuse farmhand harvester roofer
bricklayer joiner plasterer tiler scaffolder foreman couvreur zingueur charpentier menuisier
plaquiste carreleur coffreur grutier terrassier serrurier chaudronnier tourneur fraiseur
monteur poseur gardien gardienne commissaire lieutenant sergeant constable deputy
underwriter actuary broker teller doctor veterinarian optician sonographer logistician
firefighter warden sous-chef
artist animator compositor sculptor rigger hospitalist resident rn lpn pilot deckhand seafarer
driller roustabout fitter machinist millwright herdsman milker stockman shepherd
polisseur polisseuse horloger horlogere encadrant encadrante usineur machiniste regleur
regleuse ebeniste conditionneur conditionneuse manutentionnaire matelot marin pilote berger
bergere vigneron vigneronne sommelier sommeliere hote hotesse decolleteur
superviseur superviseure demonstrator rayonniste prepose preposee chimiste operative
gerant gerante stylist barber hairdresser beautician esthetician aesthetician manicurist
"""
_POST_WORDS = frozenset(_POST_TEXT.split())
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def post_word(line: str) -> bool:
    """Whether a line names a job: one of its words (or the parts of a hyphenated word)."""
    for word in _WORD.findall(fold(line)):
        if word == "co-operative":
            continue  # a body's kind, no post's ('Greenway Co-operative Food')
        if word in _POST_WORDS or any(part in _POST_WORDS for part in word.split("-")):
            return True
    return False


def posts_word(line: str) -> bool:
    """Whether a call names posts, in the plural as it may ('HIRING: DOOR-TO-DOOR
    FUNDRAISERS', 'Rental technicians wanted'); a heading alone is read by `post_word`."""
    return post_word(line) or post_word(re.sub(r"[\w'’-]+", lambda word: singular(word[0]), line))


def singular(word: str) -> str:
    """A post's word in the singular ('Midwives', 'Technicians', 'AGENTS')."""
    if re.fullmatch(r"(?i)\w*wives", word):  # 'Midwives'
        return word[:-3] + ("FE" if word.isupper() else "fe")
    if re.fullmatch(r"[A-Za-zÀ-ÿ'’-]{4,}(?<![su])s", word) and not word.isupper():
        return word[:-3] + "y" if word.endswith("ies") else word[:-1]
    if re.fullmatch(r"[A-ZÀ-Ý'’-]{4,}(?<![SU])S", word):
        return word[:-1]
    return word


# A site's menu ('Visit · What's on · Jobs') or breadcrumbs ('Jobs > Find a job > Job poster').
_CRUMB = re.compile(r"\s(?:>|›|»)\s")


def unquoted(line: str) -> str:
    """A line without what it quotes between « and »: a closing guillemet is no crumb."""
    return re.sub(r"«[^»\n]{0,120}»", "«»", line)


# A link back to a board's list ('Back to search results: "bus driver" in Illawarra NSW',
# '← Retour aux offres'): the page's navigation, whatever follows it.
_BACK = re.compile(r"(?i)^\W*(?:back to|return to|retour (?:à|a|aux)|revenir (?:à|a|aux))\s+"
                   r"(?:the\s+|la\s+|les\s+|l['’])?(?:search|results?|jobs?|vacanc|listings?|"
                   r"offres?|r[ée]sultats?|annonces?|liste|recherche)")


# A mailing's own chrome above its content: 'View this email in your browser', 'Voir la
# version en ligne', 'Having trouble viewing this email?'.
_MAIL_CHROME = re.compile(r"(?i)^\W*(?:view (?:this (?:e-?mail|newsletter) )?(?:in|on) (?:your|a) "
                          r"(?:web )?browser|view (?:it )?online|having trouble viewing|(?:voir|"
                          r"afficher|consulter) (?:la version en ligne|(?:ce|cet) (?:e-?mail|"
                          r"courriel|message) dans (?:votre|le) navigateur))")


def is_nav(line: str) -> bool:
    """Breadcrumbs, a mailing's chrome, or a menu of three or more short items without
    figures."""
    stripped = unquoted(line.strip())
    if _MAIL_CHROME.match(stripped):
        return True
    if len(stripped) > 160 or stripped.endswith("."):
        return False
    if _CRUMB.search(stripped) or len(re.findall(r"\s/\s", stripped)) >= 2 \
            or _BACK.match(stripped):
        return True
    stripped = re.sub(r"\s*\(\d{1,4}\)", "", stripped)  # 'Careers (7)': a count of openings
    items = [item.strip() for item in re.split(r"\s[·|•]\s|\s{3,}", stripped)]
    return len(items) >= 3 and not re.search(r"\d|:", stripped) and all(
        1 <= len(item.split()) <= 5 for item in items)


# A publisher's words: a board, a newspaper's page, a careers portal or its notices.
_PUBLISHER = re.compile(
    r"\b(?:jobs?|careers?|vacanc(?:y|ies)|job portal|job board|jobs board|classifieds?|"
    r"situations vacant|help wanted|employment opportunities|opportunities|recruitment|"
    r"emplois?|offres? d'emploi|carrieres?|petites annonces|annonces|bourse de l'emploi|"
    r"recrutement|postes? vacants|mises au concours|bulletin officiel|journal officiel|"
    r"le site de recrutement|(?:le )?site (?:des |d')?(?:offres|annonces|emplois?)|"
    r"jobs? site|portail|working at|work for|travailler (?:a|pour|chez)|"
    r"join (?:our|the) team|rejoignez[- ]nous|nous rejoindre)\b")


# A newspaper's masthead: its title beside the date and number ('L'ÉCHO DE LA CÔTE
# BASQUE      Mercredi 10 février 2027 · n° 6 412').
_MASTHEAD = re.compile(r"\b(?:19|20)\d\d\s*[·|,–—-]\s*(?:n°|no\.?|numero|issue|vol\.?|volume)\s*\d")


def is_masthead(line: str) -> bool:
    """Whether a line is a newspaper's masthead: the publication, never the employer."""
    return bool(_MASTHEAD.search(fold(line)))


def is_publisher_line(line: str) -> bool:
    """A header naming where the posting is published rather than who offers it."""
    return bool(_PUBLISHER.search(fold(line)) or is_masthead(line))


def publisher_words_off(line: str) -> str:
    """A header line without a publisher's words: 'Portail Emploi CNRS' is 'CNRS'."""
    kept = [word for word in line.split() if not _PUBLISHER.fullmatch(fold(word))]
    return " ".join(kept).strip(" -–—|·:")


# An applicant-tracking page's facets under its heading, each label on its line in lower case
# ('locations', 'time type', 'job requisition id'), and the buttons between ('Apply').
_FACET = re.compile(r"^(?:locations?|time type|posted on|job requisition id)$")
_BUTTONS = re.compile(r"^(?:apply|save|share|apply now)(?:\s+(?:apply|save|share))*$", re.I)


def _above_facets(top: list[str], index: int) -> bool:
    """Whether the line at `index` is the heading over an applicant-tracking page's facets
    ('Aquarist I - Coral Reef & Tropical Pacific' over 'locations'), a post whose words are not
    known here."""
    after = [line.strip() for line in top[index + 1:index + 3]]
    after = [line for line in after if not _BUTTONS.match(line)]
    return bool(after) and bool(_FACET.match(after[0])) and len(top[index].split()) <= 12


def heading_index(top: list[str], heading_like: Callable[[str], bool],
                  marker: re.Pattern[str],
                  is_org: Callable[[str], bool] = lambda line: False) -> tuple[int | None, bool]:
    """(index, whether by its marker) of the top line that looks like a heading and names a
    post: the first one carrying a sex marker ('(H/F)', '(m/f/d)'), else the first one. A short
    line with a sex marker names a post even when its words are not known here ('IDE de nuit
    (H/F)'), unless it names an organisation or opens a list (':')."""
    candidates = [index for index, line in enumerate(top)
                  if not is_nav(line) and heading_like(line)
                  and (post_word(line) or marker.search(line) and not is_org(line)
                       and not line.rstrip().endswith(":") and len(line.split()) <= 12
                       or _above_facets(top, index))]
    marked = [index for index in candidates if marker.search(top[index])]
    if marked:
        return marked[0], True
    return (candidates[0] if candidates else None), False


# A classified ad's lead words in capitals: 'EXPERIENCED BOOKKEEPER required for busy firm'.
_CAPS_LEAD = re.compile(r"^((?:[A-ZÀ-Ý][A-ZÀ-Ý'’&/-]+\s+){0,5}[A-ZÀ-Ý][A-ZÀ-Ý'’&/-]+)"
                        r"(?:\s*[-–—,:]\s*|\s+)(?=[a-z])")


def caps_lead(line: str) -> str | None:
    """The words in capitals opening a classified ad, when they name a post."""
    match = _CAPS_LEAD.match(line.strip())
    if match and post_word(match.group(1)) and len(match.group(1).split()) <= 6:
        return match.group(1)
    return None


_LEGAL = re.compile(r"\b(?:llp|llc|ltd|inc|plc|sas|sarl|sa|gmbh|ag|bv|nv|ws|fc|the|le|la|les|"
                    r"l|de|du|des|of|and|et|group|groupe)\b")


def domain_labels(text: str, email: re.Pattern[str]) -> list[str]:
    """The contact addresses' domains, each without its last part and its separators."""
    labels = []
    for match in email.finditer(text):
        domain = match.group(0).rsplit("@", 1)[-1].lower()
        labels.append(re.sub(r"[^a-z0-9]", "", ".".join(domain.split(".")[:-1])))
    return labels


# A rule of dashes or lines, a forward's banner: where a message's own words end and what it
# carries begins.
SEPARATOR_LINE = re.compile(r"^\s*(?:[-~*=_#.—–─━]{4,}|[-~*= ]*(?:message transf[ée]r[ée]|forwarded "
                            r"message|message d'origine|original message)[-~*= ]*)\s*$", re.I)
# A document's kind, set on the right of its letterhead or its heading's line ('X      JOB
# DESCRIPTION', 'Y      FICHE DE POSTE').
DOCUMENT_KINDS = (r"job description|position description|fiche de poste|profil de poste|"
                  r"description de poste|role profile|job profile|person specification|"
                  r"vacancy notice|avis de vacance")


# A webmail's domains: an address there spells its owner in its local part
# ('ecuriesdumoulin.tremelin@orange.fr').
WEBMAIL_NAMES = ("gmail", "googlemail", "hotmail", "outlook", "live", "yahoo", "icloud", "me",
                 "orange", "wanadoo", "free", "sfr", "laposte", "bbox", "neuf", "aol", "proton",
                 "protonmail", "gmx",
                 # (the internet providers' mail of Ireland, the UK, Australia, Canada, NZ)
                 "eircom", "btinternet", "sky", "virginmedia", "talktalk", "bigpond", "optusnet",
                 "shaw", "sympatico", "telus", "xtra")
_WEBMAIL = re.compile(r"^(?:" + "|".join(WEBMAIL_NAMES) + r")\.")


def mail_labels(text: str, email: re.Pattern[str]) -> list[str]:
    """The contact addresses' domain labels (domain_labels), and the local part of each
    address at a webmail."""
    local = [re.sub(r"[^a-z0-9]", "", m.group(0).rsplit("@", 1)[0].lower())
             for m in email.finditer(text) if _WEBMAIL.match(m.group(0).rsplit("@", 1)[-1].lower())]
    return domain_labels(text, email) + [label for label in local if len(label) >= 5]


def matches_domain(name: str, labels: list[str]) -> bool:
    """Whether a name is the one a contact address's domain spells: 'Mercer Vance LLP' for
    mercervance.com, 'Clinique des Trois Sources' for clinique-trois-sources.fr."""
    words = [w for w in re.findall(r"[a-z0-9]+", _LEGAL.sub(" ", fold(name))) if len(w) >= 3]
    if not words or not labels:
        return False
    compact = "".join(words)
    for label in labels:
        if len(compact) >= 4 and (compact in label or (len(label) >= 5 and label in compact)):
            return True
        inside = [w for w in words if w in label]
        if len(words) >= 2 and len(inside) >= max(2, (len(words) + 1) // 2):
            return True
    return False


# Words a domain may leave out or cut to their initial when it spells a name.
LINKS = {"de", "du", "des", "la", "le", "les", "et", "d", "l", "of", "the", "and", "en", "sur"}


def spelled_with_initials(name: str, label: str) -> bool:
    """Whether a contact address's domain label spells a name with some of its words cut to
    their initial, as small firms write their addresses: 'pf-dulac' for 'Pompes Funèbres du
    Lac', 'cm-bernard' for 'Cabinet Médical Bernard'. The whole label is spelled, every word of
    the name in order (a linking word may be left out), at least one word cut and one of three
    letters or more written whole."""
    words = re.findall(r"[a-z0-9]+", fold(name))
    optional = [w in LINKS or bool(_LEGAL.fullmatch(w)) for w in words]  # 'du', 'SARL'
    compact = re.sub(r"[^a-z0-9]", "", label)
    # (a name opens and ends with its own words: 'Le Réseau X' at a sentence's start is 'Réseau X')
    if optional.count(False) < 2 or len(compact) < 5 or {words[0], words[-1]} & LINKS:
        return False
    pattern = "".join(f"(?:{w}|{w[0]})?" if skip else f"({w}|{w[0]})"
                      for w, skip in zip(words, optional, strict=True))
    match = re.fullmatch(pattern, compact)
    spelled = list(match.groups()) if match else []
    return any(len(part) == 1 for part in spelled) and any(len(part) >= 3 for part in spelled)


def as_written(name: str, text: str) -> str:
    """A name written in capitals in a header, as the running text writes it when it does."""
    if not name.isupper():
        return name
    match = re.search(re.escape(name), text.replace(name, ""), re.I)
    if match and not match.group(0).isupper():
        return match.group(0)
    return name


# An e-mail's lines naming its recipients: their addresses are no contact of the employer's.
_TO_LINE = re.compile(r"(?im)^[ \t>]*(?:to|à|a|cc|cci|bcc|destinataires?)[ \t]*:[^\n]*$")


def contact_addresses(text: str) -> list[re.Match[str]]:
    """The e-mail addresses of a text, those of its 'To:' and 'Cc:' lines left out."""
    recipients = [m.span() for m in _TO_LINE.finditer(text)]
    return [m for m in EMAIL.finditer(text)
            if not any(start <= m.start() < end for start, end in recipients)]


# A state's letterhead ('RÉPUBLIQUE DU CAMEROUN', 'Royaume du Maroc', 'Principauté de Monaco')
# and its motto in three words ('Paix – Travail – Patrie'): above the issuing body, no heading.
_STATE = re.compile(r"^(?:r[ée]publique|republic|royaume|kingdom|principaut[ée]|principality|"
                    r"grand-duch[ée]|grand duchy|[ée]mirat|emirate|sultanat|sultanate)\b", re.I)
_MOTTO_PART = r"[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)?"
_MOTTO = re.compile(rf"^{_MOTTO_PART}(?:\s+[–—-]\s+{_MOTTO_PART}){{2}}(?:\s{{2,}}.*)?$")


def is_letterhead(line: str) -> bool:
    """A state's name or its motto heading an official notice."""
    stripped = line.strip()
    return bool(_STATE.match(fold(stripped)) or _MOTTO.match(stripped) and not post_word(stripped))


# Words of a site's menu (a board's facets under a heading, 'Remote · Full-time', hold none).
_MENU = re.compile(r"\b(?:home|accueil|jobs?|emplois?|offres|contact|search|recherche|sign in|"
                   r"log ?in|connexion|about|a propos|news|actualites|register|services|products|"
                   r"careers?|blog|help|aide|saved|alerts?|menu|employers|entreprises|companies|"
                   r"find|annonces|vacancies|citoyens|administration|nurses|practices|firms|advice)"
                   r"\b|\s[>›»]\s")


_SITE_WORDS = re.compile(r"(?<![\w@.])[\w-]{2,}\.(?:[a-z]{2,3}|UK|FR|COM|ORG)(?![\w.@])"
                         r"|\b(?i:find|search|browse|trouve[rz]|cherche[rz])\s+(?i:an?|your|une?|votre|ton|des)\s")


def site_name_lines(top: list[str]) -> set[int]:
    """Indexes of a site's own name: a first line followed by the site's menu or breadcrumbs
    ('Meridian Medical Locums' / 'Locum GPs | Nurses | Contact'), the logo before the menu."""
    found: set[int] = set()
    for index in range(min(2, len(top) - 1)):
        # ('GOV.UK  Find an apprenticeship': a site's address or its service's call is its
        # name, whatever post it names)
        named = not post_word(top[index]) or _SITE_WORDS.search(top[index])
        if not is_nav(top[index]) and named and is_nav(top[index + 1]) \
                and _MENU.search(fold(top[index + 1])):
            found.add(index)
    return found


# A public body's unit written under its name ('Direction générale de la police nationale',
# 'Department of Human Services'): part of the header, never the heading.
_UNIT_LINE = re.compile(r"^(?:direction|directorate|sous-direction|division|bureau|departement|"
                        r"department|service)\s+(?:generale?\s+|general\s+)?(?:de|du|des|d'|of|for)"
                        r"\b")


_HR = re.compile(r"^(?:human resources|ressources humaines|hr|personnel)(?: (?:department|"
                 r"division|office|service))?$|^(?:direction|service|department|office) (?:des |of "
                 r")?(?:ressources humaines|human resources|personnel)$")


def is_unit_line(line: str) -> bool:
    """A line naming a unit of a public body (or the human resources of any), and no post."""
    folded = fold(line.strip()).strip(" .:")
    return bool(_UNIT_LINE.match(folded) or _HR.match(folded)) and not post_word(line)
